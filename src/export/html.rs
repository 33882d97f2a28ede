//! The HTML export: one self-contained file (inline CSS and SVG, nothing
//! fetched), readable on screen and printed on A4. maud escapes every
//! value; user text is also cleaned of control characters and shown with
//! `dir="auto"` so right-to-left text keeps its own direction.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::charts::{check_class, check_symbol, heatmap, vote_bars};
use super::md_escape::clean;
use super::notes::{CardNote, SessionNotes};
use super::policy_words::{
    AreaReasons, also_red_line, area_reasons, document_rows, draft_notice, no_principles,
    owner_line, principle_list, red_line_safeguards,
};
use super::wording::{
    agreed_parts, byline, conflict_item, contradiction_head, date, decimal, join_names, mode_line,
    note_vote_line, participants_line, session_time_line, time_line, timebox, vote_counts,
};
use super::{ExportInput, Parts};
use crate::domain::Lang;
use crate::domain::policy::{
    AcceptedTension, AreaSection, CardRef, OpenQuestions, PolicyDraft, PrincipleRef,
};
use crate::i18n::butcher::{ButcherMsg, fail_detail, fails_text};
use crate::i18n::export::{ExportMsg as M, check, stance, status};
use crate::i18n::fill;
use crate::i18n::labels::{self, Label};

const STYLE: &str = include_str!("style.css");

pub fn render(input: &ExportInput, parts: Parts) -> String {
    let lang = input.lang;
    let policy = input.policy();
    let notes = SessionNotes::new(input, &policy.principles);
    let title = clean(&input.session.title);
    let doc_title = match parts {
        Parts::PolicyOnly => format!("{}: {title}", M::PolicyTitle.get(lang)),
        _ => format!("{}: {title}", M::NotesTitle.get(lang)),
    };
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="datakompas";
                title { (doc_title) }
                style { (PreEscaped(STYLE)) }
                style { (PreEscaped(running_heads(lang))) }
            }
            body {
                main {
                    @if parts.notes() {
                        (notes_section(input, &notes, &policy))
                    }
                    @if parts.policy() {
                        (policy_section(&policy, lang))
                    }
                    footer.colophon { (M::GeneratedBy.get(lang)) }
                }
            }
        }
    };
    line_breaks(&page.into_string())
}

/// The running header of printed pages names the part they belong to.
/// Only our own fixed texts go in here, never user text; quotes and
/// backslashes are escaped for CSS all the same.
fn running_heads(lang: Lang) -> String {
    let css = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "@page notes {{ @top-left {{ content: \"datakompas · {}\"; }} }}\n\
         @page policy {{ @top-left {{ content: \"datakompas · {}\"; }} }}\n",
        css(M::NotesTitle.get(lang)),
        css(M::PolicyTitle.get(lang))
    )
}

/// Block elements that start on a line of their own in the output.
const BLOCK_TAGS: &[&str] = &[
    "head",
    "body",
    "main",
    "meta",
    "style",
    "section",
    "header",
    "footer",
    "article",
    "figure",
    "figcaption",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "svg",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
];

/// Puts each block element on a new line so the file reads well as source
/// and diffs well. Safe because every `<` in the page is markup: user text
/// is escaped and the stylesheet has none.
fn line_breaks(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + page.len() / 16);
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag = &rest[i + 1..];
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        if BLOCK_TAGS.contains(&&tag[..name_len]) && !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('<');
        rest = tag;
    }
    out.push_str(rest);
    out.push('\n');
    out
}

/// Multi-line user text as paragraphs with line breaks.
fn paragraphs(text: &str) -> Markup {
    html! {
        @for p in &super::md_escape::paragraphs(text) {
            p dir="auto" {
                @for (i, line) in p.iter().enumerate() {
                    @if i > 0 { br; }
                    (line)
                }
            }
        }
    }
}

/// A short piece of user text on one line.
fn one_line(text: &str) -> String {
    clean(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn notes_section(input: &ExportInput, notes: &SessionNotes, policy: &PolicyDraft) -> Markup {
    let lang = input.lang;
    let peak = notes
        .cards
        .iter()
        .map(|c| c.votes.peak())
        .max()
        .unwrap_or(0);
    html! {
        section.doc.notes id="notes" {
            (notes_head(input, policy))
            @if !notes.cards.is_empty() {
                (vote_overview(notes, peak, lang))
                @if !policy.principles.is_empty() {
                    figure.chart {
                        figcaption {
                            strong { (M::ChartHeatmap.get(lang)) }
                            " " (M::ChartHeatmapDesc.get(lang))
                        }
                        (heatmap(&notes.cards, lang))
                    }
                }
            }
            @for note in &notes.cards {
                (card_article(note, peak, input.session.minutes_per_card, lang))
            }
        }
    }
}

/// The notes' title and the session's facts.
fn notes_head(input: &ExportInput, policy: &PolicyDraft) -> Markup {
    let lang = input.lang;
    let session = input.session;
    let progress = fill(
        M::Progress.get(lang),
        &[
            ("decided", &policy.decided.to_string()),
            ("total", &session.cards.len().to_string()),
        ],
    );
    html! {
        header.doc-head {
            p.eyebrow { "datakompas · " (M::NotesTitle.get(lang)) }
            h1 dir="auto" { (one_line(&session.title)) }
            dl.facts {
                dt { (M::Date.get(lang)) } dd { (date(session.created)) }
                dt { (M::ModeLabel.get(lang)) } dd dir="auto" { (one_line(&mode_line(session, lang))) }
                dt { (M::Participants.get(lang)) } dd dir="auto" { (one_line(&participants_line(session, lang))) }
                dt { (M::DeckLabel.get(lang)) }
                dd { (one_line(input.deck.title.get(lang))) " (" (input.deck.id) " " (input.deck.version) ")" }
                dt { (M::ProgressLabel.get(lang)) } dd { (progress) }
                @if let Some(time) = session_time_line(session, lang) {
                    dt { (M::SessionTime.get(lang)) } dd { (time) }
                }
                dt { (M::TimeboxLabel.get(lang)) }
                dd { (timebox(session.minutes_per_card, lang)) }
            }
        }
    }
}

/// What the bars show, with the scale's ends in short.
fn chart_votes_desc(lang: Lang) -> String {
    let end = |vote| labels::vote_short(vote, lang);
    fill(
        M::ChartVotesDesc.get(lang),
        &[("low", end(Label::Vote1)), ("high", end(Label::Vote5))],
    )
}

/// Every card's votes as bars, on one scale.
fn vote_overview(notes: &SessionNotes, peak: u32, lang: Lang) -> Markup {
    html! {
        figure.chart {
            figcaption {
                strong { (M::ChartVotes.get(lang)) }
                " " (chart_votes_desc(lang))
            }
            ol.vote-overview {
                @for note in &notes.cards {
                    li {
                        span.vote-title { (note.number) ". " bdi { (one_line(&note.title)) } }
                        (vote_bars(&note.votes, peak, &vote_counts(&note.votes, lang)))
                        span.vote-stats {
                            (note_vote_line(note, lang))
                            @if note.votes.split {
                                " " span.badge.split { (M::SplitMark.get(lang)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn card_article(note: &CardNote, peak: u32, minutes_per_card: u16, lang: Lang) -> Markup {
    html! {
        article.card id=(format!("card-{}", note.number)) {
            (card_header(note, lang))
            @if !note.practice.is_empty() {
                p.practice dir="auto" { strong { (Label::DataPractice.get(lang)) ": " } (one_line(&note.practice)) }
            }
            div.card-grid {
                (card_votes(note, peak, lang))
                (card_decision(note, minutes_per_card, lang))
            }
            div.card-grid {
                (card_safeguards(note, lang))
                @if !note.principles.is_empty() { (card_principles(note, lang)) }
            }
            @if !note.butcher.is_empty() { (card_butcher(note, lang)) }
            h3 { (M::Rationale.get(lang)) }
            @if clean(&note.rationale).trim().is_empty() {
                p.muted { (M::NoRationale.get(lang)) }
            } @else {
                blockquote.rationale { (paragraphs(&note.rationale)) }
            }
            @if let Some(outcome) = &note.outcome { (card_outcome(note, outcome, lang)) }
        }
    }
}

fn card_header(note: &CardNote, lang: Lang) -> Markup {
    let byline = one_line(&byline(note, lang));
    html! {
        header {
            p.eyebrow {
                (fill(M::CardNumber.get(lang), &[("n", &note.number.to_string())]))
                @if !byline.is_empty() { " · " bdi { (byline) } }
            }
            h2 dir="auto" { (one_line(&note.title)) }
            @if !note.known {
                p.warning { (fill(M::UnknownCard.get(lang), &[("id", &note.id)])) }
            }
        }
    }
}

fn card_votes(note: &CardNote, peak: u32, lang: Lang) -> Markup {
    html! {
        div.votes {
            h3 { (Label::StageGutCheck.title(lang)) }
            @if note.votes.total > 0 {
                (vote_bars(&note.votes, peak, &vote_counts(&note.votes, lang)))
            }
            p.small {
                (note_vote_line(note, lang))
                @if note.votes.split { " " span.badge.split { (M::SplitMark.get(lang)) } }
            }
            p.scale { (labels::scale(lang)) }
        }
    }
}

/// The decision, and the time it took beside it.
fn card_decision(note: &CardNote, minutes_per_card: u16, lang: Lang) -> Markup {
    html! {
        div.decision {
            h3 { (M::Decision.get(lang)) }
            @match &note.decision {
                Some(d) => {
                    p { span class=(format!("stance {}", d.stance.code())) { (stance(d.stance).get(lang)) } }
                    @if !d.label.trim().eq_ignore_ascii_case(stance(d.stance).get(lang)) {
                        p dir="auto" { strong { (one_line(&d.label)) } }
                    }
                    @if !d.description.is_empty() { p.small dir="auto" { (one_line(&d.description)) } }
                }
                None => { p.muted { (M::NotDecided.get(lang)) } }
            }
            p.small.time { strong { (M::TimeSpent.get(lang)) ": " } (time_line(note.seconds_spent, minutes_per_card, lang)) }
            @if let Some(secs) = note.seconds_on_card {
                p.small.time { strong { (M::CardTime.get(lang)) ": " } (time_line(secs, minutes_per_card, lang)) }
            }
        }
    }
}

fn card_safeguards(note: &CardNote, lang: Lang) -> Markup {
    html! {
        div {
            h3 { (M::Safeguards.get(lang)) }
            @if note.safeguards.is_empty() {
                p.muted { (M::NoSafeguards.get(lang)) }
            } @else {
                ul.safeguards { @for s in &note.safeguards { li dir="auto" { (one_line(s)) } } }
            }
        }
    }
}

fn card_principles(note: &CardNote, lang: Lang) -> Markup {
    html! {
        div {
            h3 { (M::PrincipleCheckLabel.get(lang)) }
            ul.checks {
                @for p in &note.principles {
                    li {
                        span class=(format!("swatch {}", check_class(p.check))) { (check_symbol(p.check)) }
                        " " bdi { (one_line(&p.name)) } ": "
                        (p.check.map(|c| check(c).get(lang)).unwrap_or(M::NotMarked.get(lang)))
                    }
                }
            }
        }
    }
}

fn card_butcher(note: &CardNote, lang: Lang) -> Markup {
    html! {
        div.butcher {
            h3 { (ButcherMsg::Heading.get(lang)) }
            ul.checks {
                @for b in &note.butcher {
                    li { strong { (b.answer_label) } " — " (one_line(&b.point)) }
                }
            }
            @if let Some(halves) = note.butcher_fails {
                p.warning { (fails_text(halves, lang)) }
            }
        }
    }
}

/// What really happened, with the facts behind it.
fn card_outcome(note: &CardNote, outcome: &str, lang: Lang) -> Markup {
    html! {
        div.outcome {
            h3 { (M::Outcome.get(lang)) }
            (paragraphs(outcome))
            @if !note.reveal_facts.is_empty() {
                ul.sources { @for f in &note.reveal_facts {
                    li dir="auto" {
                        (one_line(&f.text))
                        @if f.disputed { " (" (Label::Disputed.get(lang)) ")" }
                        " — " span.small { (one_line(&f.source)) }
                    }
                } }
            }
        }
    }
}

fn names(cards: &[CardRef], lang: Lang) -> String {
    let titles: Vec<String> = cards.iter().map(|c| one_line(&c.title)).collect();
    join_names(&titles, lang)
}

fn principle_names(principles: &[PrincipleRef], lang: Lang) -> String {
    principle_list(principles, lang, one_line)
}

fn trace(cards: &[CardRef], principles: &[PrincipleRef], lang: Lang) -> Markup {
    html! {
        p.trace {
            span { (M::FromCards.get(lang)) ": " } bdi { (names(cards, lang)) }
            " · "
            span { (M::Upholding.get(lang)) ": " } bdi { (principle_names(principles, lang)) }
        }
    }
}

fn policy_section(policy: &PolicyDraft, lang: Lang) -> Markup {
    html! {
        section.doc.policy id="policy" {
            (policy_head(policy, lang))
            h2 { (M::OurPrinciples.get(lang)) }
            @if policy.principles.is_empty() {
                p.muted { (no_principles(policy).get(lang)) }
            } @else {
                (principles_with_meaning(policy, lang))
            }
            h2 { (M::Commitments.get(lang)) }
            @for (i, area) in policy.areas.iter().enumerate() {
                (area_section(i + 1, area, lang))
            }
            (red_lines(policy, lang))
            (open_questions(policy, lang))
            (next_steps(policy, lang))
            p.notice role="note" { strong { (M::DraftLabel.get(lang)) } " " (draft_notice(policy).get(lang)) }
        }
    }
}

/// The policy's title and the block about the document.
fn policy_head(policy: &PolicyDraft, lang: Lang) -> Markup {
    let progress = fill(
        M::Progress.get(lang),
        &[
            ("decided", &policy.decided.to_string()),
            ("total", &policy.cards.to_string()),
        ],
    );
    html! {
        header.doc-head {
            p.eyebrow { "datakompas · " (M::PolicyTitle.get(lang)) }
            h1 dir="auto" { (one_line(&policy.session_title)) }
            table.doc-block {
                caption { (M::AboutDocument.get(lang)) }
                @for (label, value) in document_rows(policy, lang) {
                    tr { th scope="row" { (label) } td dir="auto" { (one_line(&value)) } }
                }
                tr { th scope="row" { (M::ProgressLabel.get(lang)) } td { (progress) } }
            }
        }
    }
}

/// The team's principles with what each means.
fn principles_with_meaning(policy: &PolicyDraft, lang: Lang) -> Markup {
    html! {
        dl.principles {
            @for p in &policy.principles {
                dt dir="auto" {
                    (one_line(&p.name))
                    @if p.custom { " " span.badge { (M::CustomPrinciple.get(lang)) } }
                }
                dd dir="auto" { (one_line(&p.meaning)) }
            }
        }
    }
}

/// Every red line, with the card and principles behind it.
fn red_lines(policy: &PolicyDraft, lang: Lang) -> Markup {
    html! {
        section.red-lines {
            h2 { (M::RedLines.get(lang)) }
            @if policy.red_lines.is_empty() {
                p.muted { (M::NoRedLines.get(lang)) }
            } @else {
                ul.items {
                    @for r in &policy.red_lines {
                        li.red-line {
                            p dir="auto" { strong { (one_line(&r.text)) } }
                            (trace(std::slice::from_ref(&r.card), &r.principles, lang))
                            p.reason { (red_line_safeguards(r, lang)) }
                        }
                    }
                }
            }
        }
    }
}

fn area_section(number: usize, area: &AreaSection, lang: Lang) -> Markup {
    let why = area_reasons(area, lang);
    html! {
        section.area {
            h3 dir="auto" { (number) ". " (one_line(&area.title)) }
            @if !area.question.is_empty() { p.question dir="auto" { (one_line(&area.question)) } }
            @if area.is_empty() { p.muted { (M::NothingYet.get(lang)) } }
            @else { p.owner dir="auto" { (one_line(&owner_line(area, lang))) } }
            @if !area.commitments.is_empty() { (area_commitments(area, &why, lang)) }
            @if !area.agreed.is_empty() { (area_agreed(area, &why, lang)) }
            @if !area.red_lines.is_empty() { (area_red_lines(area, &why, lang)) }
            (area_laws(area, lang))
        }
    }
}

fn area_commitments(area: &AreaSection, why: &AreaReasons, lang: Lang) -> Markup {
    html! {
        h4 { (M::WeCommit.get(lang)) }
        ul.items {
            @for (c, why) in area.commitments.iter().zip(&why.commitments) {
                li.commitment {
                    p dir="auto" { (one_line(&c.text)) }
                    (trace(&c.cards, &c.principles, lang))
                    @if let Some(also) = also_red_line(c, lang) { p.reason { (one_line(&also)) } }
                    (reasons(why))
                    @for s in &c.superseded {
                        p.superseded dir="auto" {
                            (fill(M::Superseded.get(lang), &[
                                ("cards", &names(&s.cards, lang)),
                                ("text", &one_line(&s.text)),
                            ]))
                        }
                    }
                }
            }
        }
    }
}

fn area_agreed(area: &AreaSection, why: &AreaReasons, lang: Lang) -> Markup {
    html! {
        h4 { (M::WeAgreed.get(lang)) }
        ul.items {
            @for (a, why) in area.agreed.iter().zip(&why.agreed) {
                @let (accepted, choice) = agreed_parts(a, lang);
                li.agreed {
                    p dir="auto" { (one_line(&accepted)) }
                    p dir="auto" { (one_line(&choice)) }
                    @if !a.safeguards.is_empty() {
                        p { (fill(M::WithSafeguards.get(lang), &[("list", &join_names(&a.safeguards.iter().map(|s| one_line(s)).collect::<Vec<_>>(), lang))])) }
                    }
                    (trace(std::slice::from_ref(&a.card), &a.principles, lang))
                    (reasons(why))
                }
            }
        }
    }
}

fn area_red_lines(area: &AreaSection, why: &AreaReasons, lang: Lang) -> Markup {
    html! {
        h4 { (M::RedLinesHere.get(lang)) }
        ul.items {
            @for (r, why) in area.red_lines.iter().zip(&why.red_lines) {
                li.red-line {
                    p dir="auto" { strong { (one_line(&r.text)) } }
                    (trace(std::slice::from_ref(&r.card), &r.principles, lang))
                    p.reason { (red_line_safeguards(r, lang)) }
                    (reasons(why))
                }
            }
        }
    }
}

/// The GDPR articles and other law an area touches.
fn area_laws(area: &AreaSection, lang: Lang) -> Markup {
    html! {
        @for (label, refs) in [(M::GdprRefs, &area.gdpr), (M::OtherLaw, &area.other_law)] {
            @if !refs.is_empty() {
                div.gdpr {
                    p { strong { (label.get(lang)) } }
                    ul {
                        @for g in refs {
                            li { span.article { (one_line(&g.article)) } " " (one_line(&g.summary)) }
                        }
                    }
                }
            }
        }
    }
}

/// The team's reasoning under a line, one short paragraph each.
fn reasons(lines: &[String]) -> Markup {
    html! {
        @for line in lines {
            p.reason dir="auto" { (one_line(line)) }
        }
    }
}

fn next_steps(policy: &PolicyDraft, lang: Lang) -> Markup {
    html! {
        section.next-steps {
            h2 { (M::NextSteps.get(lang)) }
            @if policy.next_steps.is_empty() {
                p.muted { (M::NoNextSteps.get(lang)) }
            } @else {
                table.steps {
                    thead { tr {
                        th scope="col" { (M::StepWhat.get(lang)) }
                        th scope="col" { (M::StepWho.get(lang)) }
                        th scope="col" { (M::StepBy.get(lang)) }
                    } }
                    tbody {
                        @for s in &policy.next_steps {
                            tr {
                                td dir="auto" { (one_line(&s.what)) }
                                td dir="auto" { (one_line(&s.who)) }
                                td dir="auto" { (one_line(&s.by)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn open_questions(policy: &PolicyDraft, lang: Lang) -> Markup {
    let q = &policy.open_questions;
    html! {
        section.open-questions {
            h2 { (M::OpenQuestions.get(lang)) }
            @if q.is_empty() { p.muted { (M::NoOpenQuestions.get(lang)) } }
            @if !q.undecided.is_empty() {
                h3 { (M::Undecided.get(lang)) }
                ul.items { @for u in &q.undecided {
                    li { bdi { (one_line(&u.card.title)) } ": " (status(u.status).get(lang)) }
                } }
            }
            @if !q.split_votes.is_empty() { (split_votes(q, lang)) }
            @if !q.tensions.is_empty() {
                h3 { (M::Tensions.get(lang)) }
                ul.items { @for t in &q.tensions { (tension_item(t, lang)) } }
            }
            @if !q.butcher.is_empty() {
                h3 { (ButcherMsg::OpenHeading.get(lang)) }
                ul.items { @for b in &q.butcher {
                    li {
                        bdi { (one_line(&b.card.title)) }
                        " (" (stance(b.stance).get(lang)) "): "
                        (fail_detail(b, lang))
                    }
                } }
            }
            @if !q.contradictions.is_empty() { (contradictions(q, lang)) }
        }
    }
}

fn split_votes(q: &OpenQuestions, lang: Lang) -> Markup {
    html! {
        h3 { (M::SplitVotes.get(lang)) }
        p.small { (M::SplitExplained.get(lang)) }
        ul.items { @for s in &q.split_votes {
            li {
                bdi { (one_line(&s.card.title)) } ": "
                (fill(M::SplitLine.get(lang), &[
                    ("min", &s.votes.min.unwrap_or_default().to_string()),
                    ("max", &s.votes.max.unwrap_or_default().to_string()),
                    ("average", &decimal(s.votes.average.unwrap_or_default(), lang)),
                ]))
            }
        } }
    }
}

/// A card whose decision strains principles, or left some unweighed.
fn tension_item(t: &AcceptedTension, lang: Lang) -> Markup {
    html! {
        li {
            bdi { (one_line(&t.card.title)) }
            " (" (stance(t.stance).get(lang)) "): "
            @if !t.tension.is_empty() {
                (fill(M::TensionWith.get(lang), &[("list", &principle_names(&t.tension, lang))]))
            }
            @if !t.tension.is_empty() && !t.violates.is_empty() { "; " }
            @if !t.violates.is_empty() {
                (fill(M::ViolatesList.get(lang), &[("list", &principle_names(&t.violates, lang))]))
            }
            @if (!t.tension.is_empty() || !t.violates.is_empty()) && !t.not_judged.is_empty() { "; " }
            @if !t.not_judged.is_empty() {
                (fill(M::NotJudgedList.get(lang), &[("list", &principle_names(&t.not_judged, lang))]))
            }
        }
    }
}

fn contradictions(q: &OpenQuestions, lang: Lang) -> Markup {
    html! {
        h3 { (M::Contradictions.get(lang)) }
        ul.items { @for c in &q.contradictions {
            li {
                p dir="auto" { (one_line(&contradiction_head(c, lang))) }
                ul.conflicts { @for k in c.conflicts() {
                    li dir="auto" { (one_line(&conflict_item(k, lang))) }
                } }
            }
        } }
    }
}
