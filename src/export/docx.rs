//! The Word export (.docx), for Legal to review with tracked changes: real
//! heading styles, bulleted lists, tables for the document block and the
//! next steps, all text in the export's language. docx-rs writes the XML
//! and escapes every text; user text is also cleaned of control
//! characters, which XML cannot hold.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Header, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::md_escape::clean;
use super::notes::{CardNote, SessionNotes};
use super::policy_words::{
    AreaReasons, agreed_safeguards, also_red_line, area_reasons, document_rows, owner_line,
    red_line_safeguards, split_line, superseded_line,
};
use super::wording::{agreed_parts, contradiction_sentence, join_names, time_line, vote_line};
use super::{ExportInput, Parts};
use crate::domain::Lang;
use crate::domain::policy::{AreaSection, CardRef, OpenQuestions, PolicyDraft, PrincipleRef};
use crate::i18n::butcher::{ButcherMsg, fail_detail, fails_text};
use crate::i18n::export::{ExportMsg as M, check, stance, status};
use crate::i18n::fill;
use crate::i18n::labels::Label;

/// docx-rs always writes a numbered list as number 1; ours is the next.
const BULLETS: usize = 2;

/// The finished file's bytes.
pub fn render(input: &ExportInput, parts: Parts) -> Result<Vec<u8>, String> {
    let lang = input.lang;
    let policy = input.policy();
    let mut w = Writer::new(lang);
    let title = one_line(&input.session.title);
    if parts.notes() {
        let notes = SessionNotes::new(input, &policy.principles);
        notes_part(&mut w, input, &notes, &policy);
    }
    if parts.policy() {
        policy_part(&mut w, &policy, parts.notes());
    }
    let header_text = match parts {
        Parts::PolicyOnly => format!("datakompas · {} · {title}", M::PolicyTitle.get(lang)),
        Parts::NotesOnly => format!("datakompas · {} · {title}", M::NotesTitle.get(lang)),
        Parts::Both => format!("datakompas · {title}"),
    };
    let doc = w.doc.header(
        Header::new().add_paragraph(
            Paragraph::new()
                .style("Header")
                .add_run(Run::new().add_text(header_text)),
        ),
    );
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| fill(M::DocxFailed.get(lang), &[("error", &e.to_string())]))?;
    Ok(bytes.into_inner())
}

/// User or deck text on one line, cleaned.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Writer {
    doc: Docx,
    lang: Lang,
}

impl Writer {
    fn new(lang: Lang) -> Self {
        // Space above a heading in twentieths of a point, larger for higher levels.
        let heading = |id: &str, name: &str, size: usize, level: usize| {
            let before = [360, 280, 200, 160][level.min(3)];
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .next("Normal")
                .size(size)
                .bold()
                .color("1F2A30")
                .outline_lvl(level)
                .line_spacing(LineSpacing::new().before(before).after(80))
        };
        let doc = Docx::new()
            .default_fonts(
                RunFonts::new()
                    .ascii("Calibri")
                    .hi_ansi("Calibri")
                    .cs("Calibri"),
            )
            .default_size(21)
            .default_line_spacing(LineSpacing::new().after(80).line(264))
            .add_style(heading("Heading1", "heading 1", 36, 0))
            .add_style(heading("Heading2", "heading 2", 28, 1))
            .add_style(heading("Heading3", "heading 3", 24, 2))
            .add_style(heading("Heading4", "heading 4", 21, 3))
            .add_style(
                Style::new("Header", StyleType::Paragraph)
                    .name("header")
                    .size(16)
                    .color("5C6B73"),
            )
            .add_style(
                Style::new("Trace", StyleType::Paragraph)
                    .name("Trace")
                    .based_on("Normal")
                    .size(18)
                    .color("5C6B73")
                    .line_spacing(LineSpacing::new().after(20)),
            )
            .add_abstract_numbering(
                AbstractNumbering::new(BULLETS)
                    .add_level(bullet(0, "•", 360))
                    .add_level(bullet(1, "–", 720)),
            )
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        Writer { doc, lang }
    }

    fn push(&mut self, p: Paragraph) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_paragraph(p);
    }

    fn table(&mut self, t: Table) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_table(t);
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.push(
            Paragraph::new()
                .style(&format!("Heading{level}"))
                .keep_next(true)
                .add_run(Run::new().add_text(one_line(text))),
        );
    }

    fn para(&mut self, text: &str) {
        self.push(Paragraph::new().add_run(Run::new().add_text(one_line(text))));
    }

    /// An italic line that introduces what follows and stays with it.
    fn italic(&mut self, text: &str) {
        self.push(
            Paragraph::new()
                .keep_next(true)
                .add_run(Run::new().add_text(one_line(text)).italic()),
        );
    }

    /// "Label: value" with the label in bold.
    fn field(&mut self, label: &str, value: &str) {
        self.push(labelled(label, value));
    }

    fn bullet(&mut self, level: usize, text: &str, bold: bool) {
        let run = Run::new().add_text(one_line(text));
        self.push(
            Paragraph::new()
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(level))
                .add_run(if bold { run.bold() } else { run }),
        );
    }

    fn trace(&mut self, cards: &[CardRef], principles: &[PrincipleRef]) {
        let lang = self.lang;
        let names: Vec<String> = cards.iter().map(|c| one_line(&c.title)).collect();
        let upheld: Vec<String> = principles.iter().map(|p| one_line(&p.name)).collect();
        let upheld = if upheld.is_empty() {
            M::NoPrincipleMarked.get(lang).to_string()
        } else {
            join_names(&upheld, lang)
        };
        let text = format!(
            "{}: {} · {}: {}",
            M::FromCards.get(lang),
            join_names(&names, lang),
            M::Upholding.get(lang),
            upheld
        );
        self.push(
            Paragraph::new()
                .style("Trace")
                .indent(Some(360), None, None, None)
                .add_run(Run::new().add_text(text)),
        );
    }

    /// Lines under an item, indented, in the small trace style.
    fn under(&mut self, lines: &[String]) {
        for line in lines {
            self.push(
                Paragraph::new()
                    .style("Trace")
                    .indent(Some(360), None, None, None)
                    .add_run(Run::new().add_text(one_line(line))),
            );
        }
    }

    /// Multi-line user text as paragraphs, one per line the author wrote.
    fn block(&mut self, text: &str) {
        for line in super::md_escape::paragraphs(text).iter().flatten() {
            self.para(line);
        }
    }
}

fn bullet(level: usize, symbol: &str, indent: i32) -> Level {
    Level::new(
        level,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new(symbol),
        LevelJc::new("left"),
    )
    .indent(
        Some(indent),
        Some(SpecialIndentType::Hanging(360)),
        None,
        None,
    )
}

/// "Label: value"; a label with nothing after it introduces what follows
/// and stays with it.
fn labelled(label: &str, value: &str) -> Paragraph {
    let value = one_line(value);
    if value.is_empty() {
        return Paragraph::new()
            .keep_next(true)
            .add_run(Run::new().add_text(format!("{label}:")).bold());
    }
    Paragraph::new()
        .add_run(Run::new().add_text(format!("{label}: ")).bold())
        .add_run(Run::new().add_text(value))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let run = Run::new().add_text(one_line(text));
    TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
}

/// A two-column table of label and value.
fn key_value_table(rows: &[(String, String)]) -> Table {
    Table::new(
        rows.iter()
            .map(|(k, v)| {
                TableRow::new(vec![
                    cell(k, true).width(2800, WidthType::Dxa),
                    cell(v, false).width(6200, WidthType::Dxa),
                ])
            })
            .collect(),
    )
    .set_grid(vec![2800, 6200])
    .width(9000, WidthType::Dxa)
}

fn notes_part(w: &mut Writer, input: &ExportInput, notes: &SessionNotes, policy: &PolicyDraft) {
    let lang = w.lang;
    let session = input.session;
    w.heading(
        1,
        &format!("{}: {}", M::NotesTitle.get(lang), session.title),
    );
    let progress = fill(
        M::Progress.get(lang),
        &[
            ("decided", &policy.decided.to_string()),
            ("total", &session.cards.len().to_string()),
        ],
    );
    let rows = vec![
        (
            M::Date.get(lang).to_string(),
            super::wording::date(session.created),
        ),
        (
            M::ModeLabel.get(lang).to_string(),
            super::wording::mode_line(session, lang),
        ),
        (
            M::Participants.get(lang).to_string(),
            super::wording::participants_line(session, lang),
        ),
        (
            M::DeckLabel.get(lang).to_string(),
            format!(
                "{} ({} {})",
                input.deck.title.get(lang),
                input.deck.id,
                input.deck.version
            ),
        ),
        (M::ProgressLabel.get(lang).to_string(), progress),
    ];
    let mut rows = rows;
    if let Some(time) = super::wording::session_time_line(session, lang) {
        rows.push((M::SessionTime.get(lang).to_string(), time));
    }
    w.table(key_value_table(&rows));
    for note in &notes.cards {
        card(w, note, session.minutes_per_card);
    }
}

fn card(w: &mut Writer, note: &CardNote, minutes_per_card: u16) {
    let lang = w.lang;
    w.heading(2, &format!("{}. {}", note.number, note.title));
    if !note.practice.is_empty() {
        w.field(Label::DataPractice.get(lang), &note.practice);
    }
    let mut votes = vote_line(&note.votes, lang);
    if note.votes.split {
        votes = format!("{votes} — {}", M::SplitMark.get(lang));
    }
    w.field(Label::StageGutCheck.title(lang), &votes);
    card_decision(w, note);
    card_principles(w, note);
    card_butcher(w, note);
    card_rationale(w, note);
    card_times(w, note, minutes_per_card);
    card_outcome(w, note);
}

/// The decision and the safeguards that came with it.
fn card_decision(w: &mut Writer, note: &CardNote) {
    let lang = w.lang;
    let decision = match &note.decision {
        Some(d) => super::wording::decision_line(d, lang),
        None => M::NotDecided.get(lang).to_string(),
    };
    w.field(M::Decision.get(lang), &decision);
    if note.safeguards.is_empty() {
        w.field(M::Safeguards.get(lang), M::NoSafeguards.get(lang));
    } else {
        w.field(M::Safeguards.get(lang), "");
        for s in &note.safeguards {
            w.bullet(0, s, false);
        }
    }
}

fn card_principles(w: &mut Writer, note: &CardNote) {
    let lang = w.lang;
    if note.principles.is_empty() {
        return;
    }
    w.field(M::PrincipleCheckLabel.get(lang), "");
    for p in &note.principles {
        let mark = p
            .check
            .map(|c| check(c).get(lang))
            .unwrap_or(M::NotMarked.get(lang));
        w.bullet(0, &format!("{}: {mark}", p.name), false);
    }
}

fn card_butcher(w: &mut Writer, note: &CardNote) {
    let lang = w.lang;
    if note.butcher.is_empty() {
        return;
    }
    w.field(ButcherMsg::Heading.get(lang), "");
    for b in &note.butcher {
        w.bullet(0, &format!("{} — {}", b.answer_label, b.point), false);
    }
    if let Some(halves) = note.butcher_fails {
        w.para(&fails_text(halves, lang));
    }
}

fn card_rationale(w: &mut Writer, note: &CardNote) {
    let lang = w.lang;
    if clean(&note.rationale).trim().is_empty() {
        w.field(M::Rationale.get(lang), M::NoRationale.get(lang));
    } else {
        w.field(M::Rationale.get(lang), "");
        w.block(&note.rationale);
    }
}

fn card_times(w: &mut Writer, note: &CardNote, minutes_per_card: u16) {
    let lang = w.lang;
    w.field(
        M::TimeSpent.get(lang),
        &time_line(note.seconds_spent, minutes_per_card, lang),
    );
    if let Some(secs) = note.seconds_on_card {
        w.field(
            M::CardTime.get(lang),
            &time_line(secs, minutes_per_card, lang),
        );
    }
}

/// What really happened, with the facts behind it.
fn card_outcome(w: &mut Writer, note: &CardNote) {
    let lang = w.lang;
    let Some(outcome) = &note.outcome else {
        return;
    };
    w.heading(3, M::Outcome.get(lang));
    w.block(outcome);
    for f in &note.reveal_facts {
        let disputed = if f.disputed {
            format!(" ({})", Label::Disputed.get(lang))
        } else {
            String::new()
        };
        w.bullet(0, &format!("{}{disputed} — {}", f.text, f.source), false);
    }
}

fn policy_part(w: &mut Writer, policy: &PolicyDraft, after_notes: bool) {
    let lang = w.lang;
    policy_head(w, policy, after_notes);

    principles_part(w, policy);

    w.heading(2, M::Commitments.get(lang));
    for (i, area) in policy.areas.iter().enumerate() {
        area_part(w, i + 1, area);
    }

    red_lines_part(w, policy);

    open_questions(w, policy);

    next_steps_part(w, policy);

    w.push(
        Paragraph::new()
            .align(AlignmentType::Left)
            .add_run(Run::new().add_text(M::DraftLabel.get(lang)).bold())
            .add_run(Run::new().add_text(format!(
                " {}",
                super::policy_words::draft_notice(policy).get(lang)
            ))),
    );
}

/// The title, on a new page after the notes, and the document block.
fn policy_head(w: &mut Writer, policy: &PolicyDraft, after_notes: bool) {
    let lang = w.lang;
    w.push(
        Paragraph::new()
            .style("Heading1")
            .page_break_before(after_notes)
            .keep_next(true)
            .add_run(Run::new().add_text(one_line(&format!(
                "{}: {}",
                M::PolicyTitle.get(lang),
                policy.session_title
            )))),
    );
    w.heading(2, M::AboutDocument.get(lang));
    let mut rows: Vec<(String, String)> = document_rows(policy, lang)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    rows.push((
        M::ProgressLabel.get(lang).to_string(),
        fill(
            M::Progress.get(lang),
            &[
                ("decided", &policy.decided.to_string()),
                ("total", &policy.cards.to_string()),
            ],
        ),
    ));
    w.table(key_value_table(&rows));
}

fn principles_part(w: &mut Writer, policy: &PolicyDraft) {
    let lang = w.lang;
    w.heading(2, M::OurPrinciples.get(lang));
    if policy.principles.is_empty() {
        w.para(super::policy_words::no_principles(policy).get(lang));
    }
    for p in &policy.principles {
        let mut name = one_line(&p.name);
        if p.custom {
            name = format!("{name} ({})", M::CustomPrinciple.get(lang));
        }
        let meaning = one_line(&p.meaning);
        w.push(
            Paragraph::new()
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                .add_run(Run::new().add_text(name).bold())
                .add_run(Run::new().add_text(if meaning.is_empty() {
                    String::new()
                } else {
                    format!(": {meaning}")
                })),
        );
    }
}

/// The session-wide red lines, each with its trace.
fn red_lines_part(w: &mut Writer, policy: &PolicyDraft) {
    let lang = w.lang;
    w.heading(2, M::RedLines.get(lang));
    if policy.red_lines.is_empty() {
        w.para(M::NoRedLines.get(lang));
    }
    for r in &policy.red_lines {
        w.bullet(0, &r.text, true);
        w.trace(std::slice::from_ref(&r.card), &r.principles);
        w.under(&[red_line_safeguards(r, lang)]);
    }
}

/// The next steps as a what/who/by table.
fn next_steps_part(w: &mut Writer, policy: &PolicyDraft) {
    let lang = w.lang;
    w.heading(2, M::NextSteps.get(lang));
    if policy.next_steps.is_empty() {
        w.para(M::NoNextSteps.get(lang));
    } else {
        let head = TableRow::new(vec![
            cell(M::StepWhat.get(lang), true).width(5000, WidthType::Dxa),
            cell(M::StepWho.get(lang), true).width(2200, WidthType::Dxa),
            cell(M::StepBy.get(lang), true).width(1800, WidthType::Dxa),
        ]);
        let mut rows = vec![head];
        for s in &policy.next_steps {
            rows.push(TableRow::new(vec![
                cell(&s.what, false).width(5000, WidthType::Dxa),
                cell(&s.who, false).width(2200, WidthType::Dxa),
                cell(&s.by, false).width(1800, WidthType::Dxa),
            ]));
        }
        w.table(
            Table::new(rows)
                .set_grid(vec![5000, 2200, 1800])
                .width(9000, WidthType::Dxa),
        );
    }
}

fn area_part(w: &mut Writer, number: usize, area: &AreaSection) {
    let lang = w.lang;
    w.heading(3, &format!("{number}. {}", area.title));
    if !area.question.is_empty() {
        w.italic(&area.question);
    }
    if area.is_empty() {
        w.para(M::NothingYet.get(lang));
    } else {
        w.push(
            Paragraph::new().keep_next(true).add_run(
                Run::new()
                    .add_text(one_line(&owner_line(area, lang)))
                    .bold(),
            ),
        );
    }
    let reasons = area_reasons(area, lang);
    area_commitments(w, area, &reasons);
    area_agreed(w, area, &reasons);
    area_red_lines(w, area, &reasons);
    area_laws(w, area);
}

fn area_commitments(w: &mut Writer, area: &AreaSection, reasons: &AreaReasons) {
    let lang = w.lang;
    if area.commitments.is_empty() {
        return;
    }
    w.heading(4, M::WeCommit.get(lang));
    for (c, why) in area.commitments.iter().zip(&reasons.commitments) {
        w.bullet(0, &c.text, false);
        w.trace(&c.cards, &c.principles);
        let mut lines: Vec<String> = also_red_line(c, lang).into_iter().collect();
        lines.extend(why.iter().cloned());
        lines.extend(c.superseded.iter().map(|s| superseded_line(s, lang)));
        w.under(&lines);
    }
}

fn area_agreed(w: &mut Writer, area: &AreaSection, reasons: &AreaReasons) {
    let lang = w.lang;
    if area.agreed.is_empty() {
        return;
    }
    w.heading(4, M::WeAgreed.get(lang));
    for (a, why) in area.agreed.iter().zip(&reasons.agreed) {
        let (accepted, choice) = agreed_parts(a, lang);
        w.bullet(0, &accepted, false);
        w.bullet(1, &choice, false);
        if let Some(line) = agreed_safeguards(a, lang) {
            w.bullet(1, &line, false);
        }
        w.trace(std::slice::from_ref(&a.card), &a.principles);
        w.under(why);
    }
}

fn area_red_lines(w: &mut Writer, area: &AreaSection, reasons: &AreaReasons) {
    let lang = w.lang;
    if area.red_lines.is_empty() {
        return;
    }
    w.heading(4, M::RedLinesHere.get(lang));
    for (r, why) in area.red_lines.iter().zip(&reasons.red_lines) {
        w.bullet(0, &r.text, true);
        w.trace(std::slice::from_ref(&r.card), &r.principles);
        let mut lines = vec![red_line_safeguards(r, lang)];
        lines.extend(why.iter().cloned());
        w.under(&lines);
    }
}

/// The GDPR articles and other law an area touches.
fn area_laws(w: &mut Writer, area: &AreaSection) {
    let lang = w.lang;
    for (label, refs) in [(M::GdprRefs, &area.gdpr), (M::OtherLaw, &area.other_law)] {
        if refs.is_empty() {
            continue;
        }
        w.heading(4, label.get(lang));
        for g in refs {
            w.push(
                Paragraph::new()
                    .style("Trace")
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                    .add_run(Run::new().add_text(one_line(&g.article)).bold())
                    .add_run(Run::new().add_text(format!(" {}", one_line(&g.summary)))),
            );
        }
    }
}

fn open_questions(w: &mut Writer, policy: &PolicyDraft) {
    let lang = w.lang;
    let q = &policy.open_questions;
    w.heading(2, M::OpenQuestions.get(lang));
    if q.is_empty() {
        w.para(M::NoOpenQuestions.get(lang));
        return;
    }
    for (heading, explained, lines) in question_groups(q, lang) {
        if lines.is_empty() {
            continue;
        }
        w.heading(3, heading);
        if let Some(text) = explained {
            w.italic(text);
        }
        for line in &lines {
            w.bullet(0, line, false);
        }
    }
}

/// Each group of open questions: heading, an optional explanation, lines.
type QuestionGroup = (&'static str, Option<&'static str>, Vec<String>);

fn question_groups(q: &OpenQuestions, lang: Lang) -> Vec<QuestionGroup> {
    let undecided = q
        .undecided
        .iter()
        .map(|u| format!("{}: {}", u.card.title, status(u.status).get(lang)))
        .collect();
    let split = q
        .split_votes
        .iter()
        .map(|s| format!("{}: {}", s.card.title, split_line(s, lang)))
        .collect();
    let tensions = q
        .tensions
        .iter()
        .map(|t| {
            let parts = super::wording::tension_parts(t, lang);
            format!("{} ({}): {parts}", t.card.title, stance(t.stance).get(lang))
        })
        .collect();
    let butcher = q
        .butcher
        .iter()
        .map(|b| {
            let detail = fail_detail(b, lang);
            format!(
                "{} ({}): {detail}",
                b.card.title,
                stance(b.stance).get(lang)
            )
        })
        .collect();
    let contradictions = q
        .contradictions
        .iter()
        .map(|c| contradiction_sentence(c, lang))
        .collect();
    vec![
        (M::Undecided.get(lang), None, undecided),
        (
            M::SplitVotes.get(lang),
            Some(M::SplitExplained.get(lang)),
            split,
        ),
        (M::Tensions.get(lang), None, tensions),
        (ButcherMsg::OpenHeading.get(lang), None, butcher),
        (M::Contradictions.get(lang), None, contradictions),
    ]
}
