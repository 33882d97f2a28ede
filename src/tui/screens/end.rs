//! End of session: every card with its vote spread, decision and principle
//! tensions; the draft data policy; export to Markdown, HTML or JSON.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

use super::Screen;
use super::card::decide::principle_name;
use crate::domain::PrincipleCheck;
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{WrappedText, panel, votes};

/// What the end screen's text depends on: the session as last changed,
/// the language, the look, and the width and layout it is wrapped for.
#[derive(Debug, Clone, PartialEq)]
pub struct TextKey {
    id: String,
    updated: Timestamp,
    changes: u64,
    lang: crate::domain::Lang,
    color: bool,
    presentation: bool,
    narrow: bool,
    width: u16,
}

/// The text for this key, wrapped anew only when the key changed.
fn text(
    app: &App,
    v: &EndView,
    narrow: bool,
    width: u16,
    build: impl FnOnce() -> Vec<Line<'static>>,
) -> std::rc::Rc<WrappedText> {
    let Some(open) = &app.open else {
        return std::rc::Rc::new(WrappedText::new(Vec::new(), width));
    };
    let key = TextKey {
        id: open.session.id.clone(),
        updated: open.session.updated,
        changes: app.save.changes,
        lang: app.lang,
        color: app.color,
        presentation: app.presentation,
        narrow,
        width,
    };
    let mut cache = v.text.borrow_mut();
    match cache.as_ref() {
        Some((k, text)) if *k == key => text.clone(),
        _ => {
            let text = std::rc::Rc::new(WrappedText::new(build(), width));
            *cache = Some((key, text.clone()));
            text
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EndView {
    pub scroll: u16,
    pub max_scroll: std::cell::Cell<u16>,
    /// The scrolled text as last wrapped, and what it was made from: it is
    /// wrapped, and the policy drafted, again only when that changes.
    pub text: std::cell::RefCell<Option<(TextKey, std::rc::Rc<WrappedText>)>>,
    /// Open while the facilitator fills in owners and next steps.
    pub follow: Option<super::follow_up::FollowView>,
}

pub fn act(app: &mut App, action: Action, _now: Timestamp) -> Vec<Effect> {
    let Screen::End(v) = &mut app.screen else {
        return Vec::new();
    };
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            v.scroll = crate::tui::widgets::scroll_by(v.scroll, action, v.max_scroll.get());
        }
        Action::Export(kind) => return vec![Effect::Export(kind)],
        Action::Edit => v.follow = Some(super::follow_up::FollowView::default()),
        Action::Back => app.screen = Screen::Card,
        Action::Quit => return super::close_session(app),
        _ => {}
    }
    Vec::new()
}

/// Principles the decision strains or breaks, by name.
fn tensions(app: &App, p: &crate::domain::CardProgress) -> String {
    let Some(open) = &app.open else {
        return String::new();
    };
    let names: Vec<String> = open
        .session
        .principles
        .iter()
        .filter_map(|cp| match p.decision.principles.get(cp.id()) {
            Some(PrincipleCheck::Tension) => Some(format!(
                "{} {}",
                principle_name(app, cp),
                T::CheckTension.get(app.lang)
            )),
            Some(PrincipleCheck::Violates) => Some(format!(
                "{} {}",
                principle_name(app, cp),
                T::CheckViolates.get(app.lang)
            )),
            _ => None,
        })
        .collect();
    names.join(", ")
}

pub fn render(app: &App, v: &EndView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let Some(open) = &app.open else { return };
    if let Some(follow) = &v.follow {
        super::follow_up::render(&app.look(), follow, f, area, hits);
        return;
    }
    if area.width < 100 {
        // Narrow: the cards and the draft read as one scrolling text.
        let title = format!("{} · {}", end_title(app), T::PolicyPreview.get(lang));
        let block = panel(&th, &title, true);
        let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
        let text = text(app, v, true, inner.width, || {
            let mut lines = card_lines(app);
            lines.push(Line::default());
            lines.extend(profile(app));
            lines.extend(policy_lines(app));
            lines
        });
        f.render_widget(block, area);
        let (body, marker) = crate::tui::widgets::split_for_more(inner, text.rows());
        f.render_widget(text.view(body, v.scroll, &v.max_scroll), body);
        crate::tui::widgets::show_more(f, marker, v.scroll, v.max_scroll.get(), lang, &th);
        return;
    }
    let solo = open.solo();
    let table_h = (open.session.cards.len() as u16 + 3).min(area.height / 2);
    let [table_area, policy_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Fill(1)]).areas(area);
    let table_block = panel(&th, end_title(app), false);
    // The columns as the table will lay them out, so every cell can end in
    // "…" where it is cut rather than stop mid-word.
    let columns = Layout::horizontal([
        Constraint::Fill(3),
        Constraint::Length(15),
        Constraint::Fill(3),
        Constraint::Fill(2),
    ])
    .spacing(1)
    .split(table_block.inner(table_area));
    let widths: Vec<u16> = columns.iter().map(|c| c.width).collect();
    let fit = |text: &str, col: usize| {
        crate::domain::text::ellipsize(text, usize::from(widths.get(col).copied().unwrap_or(0)))
    };
    // Only the rows that fit are built; the table shows the first ones.
    let rows: Vec<Row> = open
        .session
        .played_cards(&open.deck)
        .take(table_h as usize)
        .map(|(p, card)| {
            let decision = p
                .decision
                .option
                .as_deref()
                .and_then(|id| card.option(id))
                .map_or(
                    Span::styled(fit(T::NotDecided.get(lang), 2), th.notice()),
                    |o| Span::raw(fit(o.label.get(lang), 2)),
                );
            let voted = votes::cell(p, open.session.participants.len(), solo, lang);
            Row::new(vec![
                Cell::from(fit(card.title.get(lang), 0)),
                Cell::from(fit(&voted, 1)),
                Cell::from(decision),
                Cell::from(fit(&tensions(app, p), 3)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(fit(T::ColCard.get(lang), 0)),
        Cell::from(fit(open.says(T::ColVotes, T::ColVotesSolo).get(lang), 1)),
        Cell::from(fit(T::ColDecision.get(lang), 2)),
        Cell::from(fit(T::ColTensions.get(lang), 3)),
    ])
    .style(th.heading());
    let lengths = widths.iter().map(|w| Constraint::Length(*w));
    f.render_widget(
        Table::new(rows, lengths)
            .column_spacing(1)
            .header(header)
            .block(table_block),
        table_area,
    );
    let title = match open.session.mode {
        crate::domain::Mode::Solo => T::ProfileSolo,
        crate::domain::Mode::Team => T::ProfileTeam,
    };
    let title = format!("{} · {}", title.get(lang), T::PolicyPreview.get(lang));
    let block = panel(&th, &title, true);
    let inner = block
        .inner(policy_area)
        .inner(ratatui::layout::Margin::new(1, 0));
    let text = text(app, v, false, inner.width, || {
        let mut lines = profile(app);
        lines.extend(policy_lines(app));
        lines
    });
    f.render_widget(block, policy_area);
    let (body, marker) = crate::tui::widgets::split_for_more(inner, text.rows());
    f.render_widget(text.view(body, v.scroll, &v.max_scroll), body);
    crate::tui::widgets::show_more(f, marker, v.scroll, v.max_scroll.get(), lang, &th);
}

/// The votes on a card: the spread, or in a self-assessment the one vote.
fn summary(
    open: &crate::tui::app::OpenSession,
    p: &crate::domain::CardProgress,
    lang: crate::domain::Lang,
) -> String {
    votes::line(p, open.session.participants.len(), open.solo(), lang)
}

fn end_title(app: &App) -> &'static str {
    match app.open.as_ref().map(|o| o.session.mode) {
        Some(crate::domain::Mode::Solo) => T::EndTitleSolo.get(app.lang),
        _ => T::EndTitle.get(app.lang),
    }
}

/// Each card in two lines: title and votes, then the decision and tensions.
fn card_lines(app: &App) -> Vec<Line<'static>> {
    let th = app.theme();
    let lang = app.lang;
    let Some(open) = &app.open else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (p, card) in open.session.played_cards(&open.deck) {
        out.push(Line::from(vec![
            Span::styled(format!("• {}", card.title.get(lang)), th.text()),
            Span::styled(format!("  {}", summary(open, p, lang)), th.muted()),
        ]));
        let decision = match p.decision.option.as_deref().and_then(|id| card.option(id)) {
            Some(o) => Span::styled(o.label.get(lang).to_string(), th.chosen()),
            None => Span::styled(T::NotDecided.get(lang), th.notice()),
        };
        let tensions = tensions(app, p);
        let mut spans = vec![Span::styled("↳ ", th.muted()), decision];
        if !tensions.is_empty() {
            spans.push(Span::styled(format!("  {tensions}"), th.muted()));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The profile under its heading, then a blank line; nothing without data.
fn profile(app: &App) -> Vec<Line<'static>> {
    let Some(open) = &app.open else {
        return Vec::new();
    };
    let th = app.theme();
    let names = |id: &str| {
        open.session
            .principles
            .iter()
            .find(|p| p.id() == id)
            .map_or(id.to_string(), |p| principle_name(app, p))
    };
    let body =
        crate::tui::widgets::profile::lines(&open.session, &open.deck, &names, app.lang, &th);
    let mut out = Vec::new();
    if !body.is_empty() {
        let title = match open.session.mode {
            crate::domain::Mode::Solo => T::ProfileSolo,
            crate::domain::Mode::Team => T::ProfileTeam,
        };
        out.push(Line::from(Span::styled(title.get(app.lang), th.heading())));
        out.extend(body);
        out.push(Line::default());
    }
    // A self-assessment is often done before a workshop: say what to send.
    if open.solo()
        && let Some(file) = &open.file
    {
        out.push(Line::from(Span::styled(
            crate::i18n::fill(
                T::SoloSendFile.get(app.lang),
                &[("path", &file.display().to_string())],
            ),
            th.muted(),
        )));
        out.push(Line::default());
    }
    out
}

fn policy_lines(app: &App) -> Vec<Line<'static>> {
    let Some(input) = app.look().export_input() else {
        return Vec::new();
    };
    let draft = input.policy();
    crate::tui::widgets::policy::lines(&draft, app.lang, &app.theme())
}
