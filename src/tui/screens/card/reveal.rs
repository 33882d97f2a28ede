//! Reveal: what actually happened, beside the team's own decision. A
//! hypothetical says plainly that there is no outcome.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::OpenSession;
use crate::domain::{Card, CardProgress, Lang, PrincipleCheck};
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{panel, votes};

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    super::scroll(app, action)
}

pub fn check_label(c: PrincipleCheck, lang: Lang) -> &'static str {
    match c {
        PrincipleCheck::Upholds => T::CheckUpholds.get(lang),
        PrincipleCheck::Tension => T::CheckTension.get(lang),
        PrincipleCheck::Violates => T::CheckViolates.get(lang),
    }
}

/// The team's decision as readable lines.
pub fn decision_lines(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    card: &Card,
    th: &Theme,
) -> Vec<Line<'static>> {
    let lang = app.lang;
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
    if !d.safeguards.is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            T::Safeguards.get(lang),
            th.heading(),
        )));
        for id in &d.safeguards {
            let label = app
                .assets
                .framework
                .safeguard(id)
                .map_or(id.clone(), |s| s.label.get(lang).to_string());
            out.push(Line::from(format!("• {label}")));
        }
    }
    if !d.principles.is_empty() {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            T::PrinciplesHeading.get(lang),
            th.heading(),
        )));
        for p in &open.session.principles {
            if let Some(c) = d.principles.get(p.id()) {
                out.push(Line::from(format!(
                    "• {}: {}",
                    super::decide::principle_name(app, p),
                    check_label(*c, lang)
                )));
            }
        }
    }
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
        out.push(Line::from(Span::styled(
            format!(
                "{} {}",
                T::GutShort.get(lang),
                votes::summary(&progress.votes, lang)
            ),
            th.muted(),
        )));
    }
    out
}

pub fn render(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    card: &Card,
    f: &mut Frame,
    area: Rect,
) {
    let th = app.theme();
    let lang = app.lang;
    let wide = area.width >= 90;
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    let outcome = match (&card.outcome, card.kind.has_outcome()) {
        (Some(o), true) => vec![Line::from(Span::styled(o.get(lang).to_string(), th.text()))],
        _ => vec![Line::from(Span::styled(
            T::Hypothetical.get(lang),
            th.notice(),
        ))],
    };
    let block = panel(&th, T::WhatHappened.get(lang), false);
    let inner = block.inner(left);
    f.render_widget(block, left);
    f.render_widget(
        crate::tui::widgets::scrolled(
            Paragraph::new(outcome),
            inner,
            open.view.scroll,
            &open.view.max_scroll,
        ),
        inner,
    );
    f.render_widget(
        Paragraph::new(decision_lines(app, open, progress, card, &th))
            .wrap(Wrap { trim: true })
            .block(panel(&th, T::YourDecision.get(lang), false)),
        right,
    );
}
