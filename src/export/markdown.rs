//! The Markdown export: plain CommonMark a wiki accepts as it is. All
//! user and deck text goes through the escaper; only the structure is ours.

use std::fmt::Write;

use super::md_escape::{escape_block, escape_inline, escape_inline_after};
use super::notes::{CardNote, SessionNotes};
use super::policy_words::{
    AreaReasons, agreed_safeguards, also_red_line, area_reasons, document_rows, draft_notice,
    no_principles, owner_line, principle_list, red_line_safeguards, split_line, superseded_line,
};
use super::wording::{
    agreed_parts, byline, conflict_item, contradiction_head, date, join_names, mode_line,
    note_vote_line, participants_line, session_time_line, time_line, timebox, vote_counts,
};
use super::{ExportInput, Parts};
use crate::domain::Lang;
use crate::domain::policy::{AreaSection, CardRef, OpenQuestions, PolicyDraft, PrincipleRef};
use crate::i18n::butcher::{ButcherMsg, fail_detail, fails_text};
use crate::i18n::export::{ExportMsg as M, check, stance, status};
use crate::i18n::fill;
use crate::i18n::labels::{self, Label};

pub fn render(input: &ExportInput, parts: Parts) -> String {
    let lang = input.lang;
    let policy = input.policy();
    let mut out = String::new();
    if parts.notes() {
        let notes = SessionNotes::new(input, &policy.principles);
        write_notes(&mut out, input, &notes, &policy);
    }
    if parts.policy() {
        if !out.is_empty() {
            out.truncate(out.trim_end().len());
            out.push_str("\n\n---\n\n");
        }
        write_policy(&mut out, &policy, lang);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `**Label:** value`, with the value already escaped.
fn field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "**{label}:** {value}\n");
}

fn write_notes(out: &mut String, input: &ExportInput, notes: &SessionNotes, policy: &PolicyDraft) {
    let lang = input.lang;
    let session = input.session;
    let _ = writeln!(
        out,
        "# {}: {}\n",
        M::NotesTitle.get(lang),
        escape_inline(&session.title)
    );
    let deck = format!(
        "{} ({} {})",
        input.deck.title.get(lang),
        input.deck.id,
        input.deck.version
    );
    let facts = [
        (M::Date, date(session.created)),
        (M::ModeLabel, mode_line(session, lang)),
        (M::Participants, participants_line(session, lang)),
        (M::DeckLabel, deck),
        (
            M::ProgressLabel,
            fill(
                M::Progress.get(lang),
                &[
                    ("decided", &policy.decided.to_string()),
                    ("total", &session.cards.len().to_string()),
                ],
            ),
        ),
    ];
    for (label, value) in facts {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            label.get(lang),
            escape_inline_after(&value)
        );
    }
    if let Some(time) = session_time_line(session, lang) {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            M::SessionTime.get(lang),
            escape_inline(&time)
        );
    }
    let _ = writeln!(
        out,
        "- **{}:** {}\n",
        M::TimeboxLabel.get(lang),
        escape_inline(&timebox(session.minutes_per_card, lang))
    );
    for note in &notes.cards {
        write_card(out, note, session.minutes_per_card, lang);
    }
}

fn write_card(out: &mut String, note: &CardNote, minutes_per_card: u16, lang: Lang) {
    write_card_head(out, note, lang);
    write_card_votes(out, note, lang);
    write_card_decision(out, note, lang);
    write_card_principles(out, note, lang);
    write_card_butcher(out, note, lang);
    write_card_rationale(out, note, lang);
    write_card_times(out, note, minutes_per_card, lang);
    write_card_outcome(out, note, lang);
}

/// Number and title, the unknown-card warning, byline and practice.
fn write_card_head(out: &mut String, note: &CardNote, lang: Lang) {
    let _ = writeln!(out, "## {}. {}\n", note.number, escape_inline(&note.title));
    if !note.known {
        let _ = writeln!(
            out,
            "{}\n",
            escape_inline(&fill(M::UnknownCard.get(lang), &[("id", &note.id)]))
        );
    }
    let byline = byline(note, lang);
    if !note.organisation.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape_inline(&byline));
    }
    if !note.practice.is_empty() {
        field(
            out,
            Label::DataPractice.get(lang),
            &escape_inline(&note.practice),
        );
    }
}

fn write_card_votes(out: &mut String, note: &CardNote, lang: Lang) {
    let mut votes = escape_inline(&note_vote_line(note, lang));
    if note.votes.split {
        let _ = write!(votes, " — **{}**", M::SplitMark.get(lang));
    }
    field(out, Label::StageGutCheck.title(lang), &votes);
    if note.votes.total > 0 {
        let _ = writeln!(
            out,
            "{} ({})\n",
            escape_inline(&vote_counts(&note.votes, lang)),
            escape_inline(&labels::scale(lang))
        );
    }
}

/// The decision and the safeguards that came with it.
fn write_card_decision(out: &mut String, note: &CardNote, lang: Lang) {
    let decision = match &note.decision {
        Some(d) => super::wording::decision_line(d, lang),
        None => M::NotDecided.get(lang).to_string(),
    };
    field(out, M::Decision.get(lang), &escape_inline(&decision));

    if note.safeguards.is_empty() {
        field(out, M::Safeguards.get(lang), M::NoSafeguards.get(lang));
    } else {
        let _ = writeln!(out, "**{}:**\n", M::Safeguards.get(lang));
        for s in &note.safeguards {
            let _ = writeln!(out, "- {}", escape_inline(s));
        }
        out.push('\n');
    }
}

fn write_card_principles(out: &mut String, note: &CardNote, lang: Lang) {
    if note.principles.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}:**\n", M::PrincipleCheckLabel.get(lang));
    for p in &note.principles {
        let mark = p
            .check
            .map(|c| check(c).get(lang))
            .unwrap_or(M::NotMarked.get(lang));
        let _ = writeln!(out, "- {}: {}", escape_inline(&p.name), mark);
    }
    out.push('\n');
}

fn write_card_butcher(out: &mut String, note: &CardNote, lang: Lang) {
    if note.butcher.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}:**\n", ButcherMsg::Heading.get(lang));
    for b in &note.butcher {
        let _ = writeln!(
            out,
            "- **{}** — {}",
            b.answer_label,
            escape_inline(&b.point)
        );
    }
    out.push('\n');
    if let Some(halves) = note.butcher_fails {
        let _ = writeln!(out, "*{}*\n", escape_inline(&fails_text(halves, lang)));
    }
}

fn write_card_rationale(out: &mut String, note: &CardNote, lang: Lang) {
    let rationale = escape_block(&note.rationale);
    if rationale.is_empty() {
        field(out, M::Rationale.get(lang), M::NoRationale.get(lang));
        return;
    }
    let _ = writeln!(out, "**{}:**\n", M::Rationale.get(lang));
    for line in rationale.lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

fn write_card_times(out: &mut String, note: &CardNote, minutes_per_card: u16, lang: Lang) {
    field(
        out,
        M::TimeSpent.get(lang),
        &escape_inline(&time_line(note.seconds_spent, minutes_per_card, lang)),
    );
    if let Some(secs) = note.seconds_on_card {
        field(
            out,
            M::CardTime.get(lang),
            &escape_inline(&time_line(secs, minutes_per_card, lang)),
        );
    }
}

/// What really happened, with the facts behind it.
fn write_card_outcome(out: &mut String, note: &CardNote, lang: Lang) {
    let Some(outcome) = &note.outcome else {
        return;
    };
    let _ = writeln!(out, "**{}:**\n", M::Outcome.get(lang));
    let _ = writeln!(out, "{}\n", escape_block(outcome));
    for f in &note.reveal_facts {
        let mut line = escape_inline(&f.text);
        if f.disputed {
            let _ = write!(line, " ({})", Label::Disputed.get(lang));
        }
        let _ = write!(line, " — {}", escape_inline(&f.source));
        let _ = writeln!(out, "- {line}");
    }
    if !note.reveal_facts.is_empty() {
        out.push('\n');
    }
}

fn titles(cards: &[CardRef], lang: Lang) -> String {
    let names: Vec<String> = cards.iter().map(|c| c.title.clone()).collect();
    escape_inline(&join_names(&names, lang))
}

fn principle_names(principles: &[PrincipleRef], lang: Lang) -> String {
    escape_inline(&principle_list(principles, lang, str::to_string))
}

/// The trace under a commitment: "*From:* A and B. *Upholds:* X."
fn trace(cards: &[CardRef], principles: &[PrincipleRef], lang: Lang) -> String {
    format!(
        "*{}:* {}. *{}:* {}.",
        M::FromCards.get(lang),
        titles(cards, lang),
        M::Upholding.get(lang),
        principle_names(principles, lang)
    )
}

/// A list item's sub-items, each one line of plain text, escaped.
fn sub_items(out: &mut String, lines: &[String]) {
    for line in lines {
        let _ = writeln!(out, "  - {}", escape_inline(line));
    }
}

fn write_policy(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    write_policy_head(out, policy, lang);
    write_principles(out, policy, lang);
    let _ = writeln!(out, "## {}\n", M::Commitments.get(lang));
    for (i, area) in policy.areas.iter().enumerate() {
        write_area(out, i + 1, area, lang);
    }
    write_red_lines(out, policy, lang);
    write_open_questions(out, policy, lang);
    write_next_steps(out, policy, lang);
    let _ = writeln!(
        out,
        "> **{}** {}\n",
        escape_inline(M::DraftLabel.get(lang)),
        escape_inline(draft_notice(policy).get(lang))
    );
}

/// The title and the "about this document" list.
fn write_policy_head(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    let _ = writeln!(
        out,
        "# {}: {}\n",
        M::PolicyTitle.get(lang),
        escape_inline(&policy.session_title)
    );
    let _ = writeln!(out, "## {}\n", M::AboutDocument.get(lang));
    for (label, value) in document_rows(policy, lang) {
        let _ = writeln!(out, "- **{label}:** {}", escape_inline_after(&value));
    }
    let _ = writeln!(
        out,
        "- **{}:** {}\n",
        M::ProgressLabel.get(lang),
        fill(
            M::Progress.get(lang),
            &[
                ("decided", &policy.decided.to_string()),
                ("total", &policy.cards.to_string())
            ]
        )
    );
}

fn write_principles(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    let _ = writeln!(out, "## {}\n", M::OurPrinciples.get(lang));
    if policy.principles.is_empty() {
        let _ = writeln!(out, "{}\n", no_principles(policy).get(lang));
    }
    for p in &policy.principles {
        let own = if p.custom {
            format!(" *({})*", M::CustomPrinciple.get(lang))
        } else {
            String::new()
        };
        let meaning = escape_inline(&p.meaning);
        let sep = if meaning.is_empty() { "" } else { ": " };
        let _ = writeln!(out, "- **{}**{own}{sep}{meaning}", escape_inline(&p.name));
    }
    if !policy.principles.is_empty() {
        out.push('\n');
    }
}

/// The session-wide red lines, each with its trace.
fn write_red_lines(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    let _ = writeln!(out, "## {}\n", M::RedLines.get(lang));
    if policy.red_lines.is_empty() {
        let _ = writeln!(out, "{}\n", escape_inline(M::NoRedLines.get(lang)));
        return;
    }
    for r in &policy.red_lines {
        let _ = writeln!(out, "- **{}**", escape_inline(&r.text));
        let _ = writeln!(
            out,
            "  - {}",
            trace(std::slice::from_ref(&r.card), &r.principles, lang)
        );
        sub_items(out, &[red_line_safeguards(r, lang)]);
    }
    out.push('\n');
}

fn write_area(out: &mut String, number: usize, area: &AreaSection, lang: Lang) {
    let _ = writeln!(out, "### {number}. {}\n", escape_inline(&area.title));
    if !area.question.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape_inline(&area.question));
    }
    if area.is_empty() {
        let _ = writeln!(out, "{}\n", M::NothingYet.get(lang));
    } else {
        let _ = writeln!(out, "{}\n", escape_inline(&owner_line(area, lang)));
    }
    let reasons = area_reasons(area, lang);
    write_area_commitments(out, area, &reasons, lang);
    write_area_agreed(out, area, &reasons, lang);
    write_area_red_lines(out, area, &reasons, lang);
    write_area_laws(out, area, lang);
}

fn write_area_commitments(out: &mut String, area: &AreaSection, reasons: &AreaReasons, lang: Lang) {
    if area.commitments.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", M::WeCommit.get(lang));
    for (c, why) in area.commitments.iter().zip(&reasons.commitments) {
        let _ = writeln!(out, "- {}", escape_inline(&c.text));
        let _ = writeln!(out, "  - {}", trace(&c.cards, &c.principles, lang));
        let mut lines: Vec<String> = also_red_line(c, lang).into_iter().collect();
        lines.extend(why.iter().cloned());
        lines.extend(c.superseded.iter().map(|s| superseded_line(s, lang)));
        sub_items(out, &lines);
    }
    out.push('\n');
}

fn write_area_agreed(out: &mut String, area: &AreaSection, reasons: &AreaReasons, lang: Lang) {
    if area.agreed.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", M::WeAgreed.get(lang));
    for (a, why) in area.agreed.iter().zip(&reasons.agreed) {
        let (accepted, choice) = agreed_parts(a, lang);
        let _ = writeln!(out, "- {}", escape_inline(&accepted));
        let mut lines = vec![choice];
        lines.extend(agreed_safeguards(a, lang));
        sub_items(out, &lines);
        let _ = writeln!(
            out,
            "  - {}",
            trace(std::slice::from_ref(&a.card), &a.principles, lang)
        );
        sub_items(out, why);
    }
    out.push('\n');
}

fn write_area_red_lines(out: &mut String, area: &AreaSection, reasons: &AreaReasons, lang: Lang) {
    if area.red_lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", M::RedLinesHere.get(lang));
    for (r, why) in area.red_lines.iter().zip(&reasons.red_lines) {
        let _ = writeln!(out, "- {}", escape_inline(&r.text));
        let _ = writeln!(
            out,
            "  - {}",
            trace(std::slice::from_ref(&r.card), &r.principles, lang)
        );
        let mut lines = vec![red_line_safeguards(r, lang)];
        lines.extend(why.iter().cloned());
        sub_items(out, &lines);
    }
    out.push('\n');
}

/// The GDPR articles and other law an area touches.
fn write_area_laws(out: &mut String, area: &AreaSection, lang: Lang) {
    for (label, refs) in [(M::GdprRefs, &area.gdpr), (M::OtherLaw, &area.other_law)] {
        if refs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{}:**\n", label.get(lang));
        for g in refs {
            let _ = writeln!(
                out,
                "- **{}** {}",
                escape_inline(&g.article),
                escape_inline(&g.summary)
            );
        }
        out.push('\n');
    }
}

fn write_next_steps(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    let _ = writeln!(out, "## {}\n", M::NextSteps.get(lang));
    if policy.next_steps.is_empty() {
        let _ = writeln!(out, "{}\n", M::NoNextSteps.get(lang));
        return;
    }
    for s in &policy.next_steps {
        let mut line = escape_inline(&s.what);
        for (label, value) in [(M::StepWho, &s.who), (M::StepBy, &s.by)] {
            if !value.is_empty() {
                let _ = write!(line, " — *{}:* {}", label.get(lang), escape_inline(value));
            }
        }
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

fn write_open_questions(out: &mut String, policy: &PolicyDraft, lang: Lang) {
    let q = &policy.open_questions;
    let _ = writeln!(out, "## {}\n", M::OpenQuestions.get(lang));
    if q.is_empty() {
        let _ = writeln!(out, "{}\n", M::NoOpenQuestions.get(lang));
        return;
    }
    write_undecided(out, q, lang);
    write_split_votes(out, q, lang);
    write_tensions(out, q, lang);
    write_butcher_fails(out, q, lang);
    write_contradictions(out, q, lang);
}

/// A "### Heading" and a blank line after the list, around `items`, when
/// there is something to list.
fn question_group(out: &mut String, heading: &str, empty: bool, items: impl FnOnce(&mut String)) {
    if empty {
        return;
    }
    let _ = writeln!(out, "### {heading}\n");
    items(out);
    out.push('\n');
}

fn write_undecided(out: &mut String, q: &OpenQuestions, lang: Lang) {
    question_group(out, M::Undecided.get(lang), q.undecided.is_empty(), |out| {
        for u in &q.undecided {
            let _ = writeln!(
                out,
                "- {}: {}",
                escape_inline(&u.card.title),
                status(u.status).get(lang)
            );
        }
    });
}

fn write_split_votes(out: &mut String, q: &OpenQuestions, lang: Lang) {
    question_group(
        out,
        M::SplitVotes.get(lang),
        q.split_votes.is_empty(),
        |out| {
            let _ = writeln!(out, "*{}*\n", M::SplitExplained.get(lang));
            for s in &q.split_votes {
                let line = split_line(s, lang);
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    escape_inline(&s.card.title),
                    escape_inline(&line)
                );
            }
        },
    );
}

fn write_tensions(out: &mut String, q: &OpenQuestions, lang: Lang) {
    question_group(out, M::Tensions.get(lang), q.tensions.is_empty(), |out| {
        for t in &q.tensions {
            let parts = super::wording::tension_parts(t, lang);
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                escape_inline(&t.card.title),
                stance(t.stance).get(lang),
                escape_inline(&parts)
            );
        }
    });
}

fn write_butcher_fails(out: &mut String, q: &OpenQuestions, lang: Lang) {
    let heading = ButcherMsg::OpenHeading.get(lang);
    question_group(out, heading, q.butcher.is_empty(), |out| {
        for b in &q.butcher {
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                escape_inline(&b.card.title),
                stance(b.stance).get(lang),
                escape_inline(&fail_detail(b, lang))
            );
        }
    });
}

fn write_contradictions(out: &mut String, q: &OpenQuestions, lang: Lang) {
    let heading = M::Contradictions.get(lang);
    question_group(out, heading, q.contradictions.is_empty(), |out| {
        for c in &q.contradictions {
            let _ = writeln!(out, "- {}", escape_inline(&contradiction_head(c, lang)));
            for k in c.conflicts() {
                let _ = writeln!(out, "  - {}", escape_inline(&conflict_item(k, lang)));
            }
        }
    });
}
