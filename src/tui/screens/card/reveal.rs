//! Reveal: what actually happened, beside the team's own decision. A
//! hypothetical says plainly that there is no outcome.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{CardLook, Reading};
use crate::domain::butcher::{failed_halves, fails};
use crate::domain::{CardProgress, Decision, FactPart, Lang, PrincipleCheck};
use crate::i18n::butcher::{self, ButcherMsg};
use crate::i18n::labels::Label;
use crate::i18n::tui::T;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{card_text, panel, render_scrolled, votes};

pub fn act(reading: &mut Reading, action: Action) -> Vec<Effect> {
    super::scroll(reading, action)
}

pub fn check_label(c: PrincipleCheck, lang: Lang) -> &'static str {
    crate::i18n::labels::check(c).get(lang)
}

/// The team's decision as readable lines.
pub fn decision_lines(c: &CardLook, th: &Theme) -> Vec<Line<'static>> {
    let (lang, open, progress, card) = (c.lang(), &c.open, c.progress, c.card);
    let d = &progress.decision;
    let mut out = Vec::new();
    match d.option.as_deref().and_then(|id| card.option(id)) {
        Some(o) => {
            out.push(Line::from(Span::styled(
                o.label.get(lang).to_string(),
                th.chosen(),
            )));
            out.push(Line::from(Span::styled(
                o.description.get(lang).to_string(),
                th.text(),
            )));
        }
        None => out.push(Line::from(Span::styled(
            T::NotDecided.get(lang),
            th.notice(),
        ))),
    }
    safeguard_lines(c, d, th, &mut out);
    principle_lines(c, d, th, &mut out);
    butcher_lines(progress, lang, th, &mut out);
    if !d.rationale.trim().is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            T::Rationale.get(lang),
            th.heading(),
        )));
        for l in d.rationale.lines() {
            out.push(Line::from(l.to_string()));
        }
    }
    if !progress.votes.is_empty() {
        out.push(Line::default());
        let line = votes::line(progress, open.session.participants.len(), open.solo(), lang);
        let text = if open.solo() {
            line
        } else {
            format!("{}: {line}", Label::StageGutCheck.title(lang))
        };
        out.push(Line::from(Span::styled(text, th.muted())));
    }
    out
}

/// The safeguards agreed on, when there are any.
fn safeguard_lines(c: &CardLook, d: &Decision, th: &Theme, out: &mut Vec<Line<'static>>) {
    if d.safeguards.is_empty() {
        return;
    }
    let lang = c.lang();
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        T::Safeguards.get(lang),
        th.heading(),
    )));
    for id in &d.safeguards {
        let label = c.safeguard_label(id);
        out.push(Line::from(format!("• {label}")));
    }
}

/// Every principle the team holds now, the ones not weighed too: a gap
/// in the recap is worth seeing, not hiding.
fn principle_lines(c: &CardLook, d: &Decision, th: &Theme, out: &mut Vec<Line<'static>>) {
    let (lang, open) = (c.lang(), &c.open);
    let principles = &open.session.principles;
    let judged = principles.iter().any(|p| d.principles.contains_key(p.id()));
    if principles.is_empty() || !(judged || d.option.is_some()) {
        return;
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        open.says(T::PrinciplesHeading, T::PrinciplesHeadingSolo)
            .get(lang),
        th.heading(),
    )));
    for p in principles {
        let name = c.principle_name(p);
        out.push(match d.principles.get(p.id()) {
            Some(c) => Line::from(format!("• {name}: {}", check_label(*c, lang))),
            None => Line::from(vec![
                Span::raw(format!("• {name}: ")),
                Span::styled(T::CheckNotYet.get(lang), th.muted()),
            ]),
        });
    }
}

/// The butcher test's tally, and its verdict when it fails.
fn butcher_lines(progress: &CardProgress, lang: Lang, th: &Theme, out: &mut Vec<Line<'static>>) {
    if progress.butcher.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        ButcherMsg::Heading.get(lang),
        th.heading(),
    )));
    out.push(Line::from(butcher::tally(&progress.butcher, lang)));
    if fails(&progress.butcher) {
        out.push(Line::from(Span::styled(
            butcher::fails_text(failed_halves(&progress.butcher), lang),
            th.notice(),
        )));
    }
}

pub fn render(c: &CardLook, f: &mut Frame, area: Rect) {
    let th = c.theme();
    let (heading, outcome) = outcome_lines(c, &th);
    let decision = decision_lines(c, &th);
    match heading {
        Some(heading) if area.width >= 90 => side_by_side(
            c,
            [heading, c.says(T::YourDecision, T::YourDecisionSolo)],
            [outcome, decision],
            f,
            area,
        ),
        _ => one_column(c, heading, [outcome, decision], f, area),
    }
}

/// What happened and the facts held back from the story, with their
/// sources. A hypothetical has nothing to reveal: no heading, and a line
/// that says so.
fn outcome_lines(c: &CardLook, th: &Theme) -> (Option<T>, Vec<Line<'static>>) {
    let (lang, card) = (c.lang(), c.card);
    let (heading, mut outcome) = match (&card.outcome, card.kind.has_outcome()) {
        (Some(o), true) => (
            Some(T::WhatHappened),
            vec![Line::from(Span::styled(o.get(lang).to_string(), th.text()))],
        ),
        _ => (
            None,
            vec![Line::from(Span::styled(
                c.says(T::Hypothetical, T::HypotheticalSolo).get(lang),
                th.muted(),
            ))],
        ),
    };
    let facts = card_text::fact_lines(card, FactPart::Reveal, lang, th);
    if !facts.is_empty() {
        outcome.push(Line::default());
        card_text::heading(&mut outcome, Label::Facts.get(lang), th);
        outcome.extend(facts);
    }
    (heading, outcome)
}

/// The outcome and the decision in two panels, scrolled together.
fn side_by_side(
    c: &CardLook,
    titles: [T; 2],
    texts: [Vec<Line<'static>>; 2],
    f: &mut Frame,
    area: Rect,
) {
    let (th, lang, reading) = (c.theme(), c.lang(), &c.view.reading);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let mut most = 0;
    for ((title, lines), a) in titles.into_iter().zip(texts).zip([left, right]) {
        let block = panel(&th, title.get(lang), false);
        let inner = block.inner(a);
        f.render_widget(block, a);
        let p = Paragraph::new(lines);
        render_scrolled(f, p, inner, reading.scroll, &reading.max_scroll, lang, &th);
        most = most.max(reading.max_scroll.get());
    }
    reading.max_scroll.set(most);
}

/// What happened, then the decision, read as one text; a hypothetical's
/// decision reads right under its heading instead of beside an empty panel.
fn one_column(
    c: &CardLook,
    heading: Option<T>,
    [outcome, decision]: [Vec<Line<'static>>; 2],
    f: &mut Frame,
    area: Rect,
) {
    let (th, lang, reading) = (c.theme(), c.lang(), &c.view.reading);
    let area = area.inner(Margin::new(1, 0));
    let heading = heading.unwrap_or(c.says(T::NoOutcome, T::NoOutcomeSolo));
    let mut lines = vec![Line::from(Span::styled(heading.get(lang), th.heading()))];
    lines.extend(outcome);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        c.says(T::YourDecision, T::YourDecisionSolo).get(lang),
        th.heading(),
    )));
    lines.extend(decision);
    let p = Paragraph::new(lines);
    render_scrolled(f, p, area, reading.scroll, &reading.max_scroll, lang, &th);
}
