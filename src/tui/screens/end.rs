//! End of session: every card with its vote spread, decision and principle
//! tensions; the draft data policy; export to Markdown, HTML or JSON.

use std::path::Path;

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

use super::context::{Hit, Look, Open};
use crate::domain::{Card, CardProgress, ChosenPrinciple, Mode, PrincipleCheck};
use crate::i18n::labels::Label;
use crate::i18n::tui::T;
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::{WrappedText, panel, votes};

/// What the end screen reads of the open session besides the context:
/// where it is stored, and how often it changed in this run.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub file: Option<&'a Path>,
    /// The text is wrapped anew when this moves: two changes can share a
    /// timestamp.
    pub changes: u64,
}

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
    look: &Look,
    v: &EndView,
    record: Record,
    narrow: bool,
    width: u16,
    build: impl FnOnce() -> Vec<Line<'static>>,
) -> std::rc::Rc<WrappedText> {
    let Some(open) = &look.open else {
        return std::rc::Rc::new(WrappedText::new(Vec::new(), width));
    };
    let key = TextKey {
        id: open.session.id.clone(),
        updated: open.session.updated,
        changes: record.changes,
        lang: look.lang,
        color: look.theme.color,
        presentation: look.theme.high_contrast,
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

pub fn act(v: &mut EndView, action: Action) -> Vec<Effect> {
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
        Action::Back => return vec![Effect::Go(Goto::Card)],
        Action::Quit => return vec![Effect::Go(Goto::LeaveSession)],
        _ => {}
    }
    Vec::new()
}

fn principle_name(look: &Look, p: &ChosenPrinciple) -> String {
    look.content.principle_name(p, look.lang)
}

/// Principles the decision strains or breaks, by name.
fn tensions(look: &Look, open: &Open, p: &CardProgress) -> String {
    let names: Vec<String> = open
        .session
        .principles
        .iter()
        .filter_map(|cp| match p.decision.principles.get(cp.id()) {
            Some(PrincipleCheck::Tension) => Some(format!(
                "{} {}",
                principle_name(look, cp),
                Label::CheckTension.get(look.lang)
            )),
            Some(PrincipleCheck::Violates) => Some(format!(
                "{} {}",
                principle_name(look, cp),
                Label::CheckViolates.get(look.lang)
            )),
            _ => None,
        })
        .collect();
    names.join(", ")
}

pub fn render(
    look: &Look,
    v: &EndView,
    record: Record,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let Some(open) = look.open else { return };
    if let Some(follow) = &v.follow {
        super::follow_up::render(look, follow, f, area, hits);
        return;
    }
    if area.width < 100 {
        one_text(look, &open, v, record, f, area);
        return;
    }
    let table_h = (open.session.cards.len() as u16 + 3).min(area.height / 2);
    let [table_area, policy_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Fill(1)]).areas(area);
    cards_table(look, &open, f, table_area, table_h as usize);
    draft(look, &open, v, record, f, policy_area);
}

/// Narrow: the cards and the draft read as one scrolling text.
fn one_text(look: &Look, open: &Open, v: &EndView, record: Record, f: &mut Frame, area: Rect) {
    let lang = look.lang;
    let title = format!("{} · {}", end_title(look, open), T::PolicyPreview.get(lang));
    let block = panel(&look.theme, &title, true);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    let text = text(look, v, record, true, inner.width, || {
        let mut lines = card_lines(look, open);
        lines.push(Line::default());
        lines.extend(profile(look, open, record));
        lines.extend(policy_lines(look));
        lines
    });
    f.render_widget(block, area);
    scrolled(look, v, &text, f, inner);
}

/// The wrapped text at its scroll, with a marker when more follows.
fn scrolled(look: &Look, v: &EndView, text: &WrappedText, f: &mut Frame, inner: Rect) {
    let (body, marker) = crate::tui::widgets::split_for_more(inner, text.rows());
    f.render_widget(text.view(body, v.scroll, &v.max_scroll), body);
    crate::tui::widgets::show_more(
        f,
        marker,
        v.scroll,
        v.max_scroll.get(),
        look.lang,
        &look.theme,
    );
}

/// Wide: each played card in a row, with its votes, decision and tensions.
fn cards_table(look: &Look, open: &Open, f: &mut Frame, area: Rect, fits: usize) {
    let (th, lang) = (&look.theme, look.lang);
    let table_block = panel(th, end_title(look, open), false);
    // The columns as the table will lay them out, so every cell can end in
    // "…" where it is cut rather than stop mid-word.
    let columns = Layout::horizontal([
        Constraint::Fill(3),
        Constraint::Length(15),
        Constraint::Fill(3),
        Constraint::Fill(2),
    ])
    .spacing(1)
    .split(table_block.inner(area));
    let widths: Vec<u16> = columns.iter().map(|c| c.width).collect();
    let fit = |text: &str, col: usize| {
        crate::domain::text::ellipsize(text, usize::from(widths.get(col).copied().unwrap_or(0)))
    };
    // Only the rows that fit are built; the table shows the first ones.
    let rows: Vec<Row> = open
        .session
        .played_cards(open.deck)
        .take(fits)
        .map(|(p, card)| card_row(look, open, p, card, &fit))
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
        area,
    );
}

/// One played card's row, each cell fit to its column.
fn card_row(
    look: &Look,
    open: &Open,
    p: &CardProgress,
    card: &Card,
    fit: &dyn Fn(&str, usize) -> String,
) -> Row<'static> {
    let (th, lang) = (&look.theme, look.lang);
    let decision = p
        .decision
        .option
        .as_deref()
        .and_then(|id| card.option(id))
        .map_or(
            Span::styled(fit(T::NotDecided.get(lang), 2), th.notice()),
            |o| Span::raw(fit(o.label.get(lang), 2)),
        );
    let solo = open.session.mode == Mode::Solo;
    let voted = votes::cell(p, open.session.participants.len(), solo, lang);
    Row::new(vec![
        Cell::from(fit(card.title.get(lang), 0)),
        Cell::from(fit(&voted, 1)),
        Cell::from(decision),
        Cell::from(fit(&tensions(look, open, p), 3)),
    ])
}

/// Wide, under the table: the profile and the policy draft, scrolling.
fn draft(look: &Look, open: &Open, v: &EndView, record: Record, f: &mut Frame, area: Rect) {
    let lang = look.lang;
    let title = format!(
        "{} · {}",
        profile_title(open).get(lang),
        T::PolicyPreview.get(lang)
    );
    let block = panel(&look.theme, &title, true);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    let text = text(look, v, record, false, inner.width, || {
        let mut lines = profile(look, open, record);
        lines.extend(policy_lines(look));
        lines
    });
    f.render_widget(block, area);
    scrolled(look, v, &text, f, inner);
}

fn profile_title(open: &Open) -> T {
    match open.session.mode {
        Mode::Solo => T::ProfileSolo,
        Mode::Team => T::ProfileTeam,
    }
}

/// The votes on a card: the spread, or in a self-assessment the one vote.
fn summary(open: &Open, p: &CardProgress, lang: crate::domain::Lang) -> String {
    let solo = open.session.mode == Mode::Solo;
    votes::line(p, open.session.participants.len(), solo, lang)
}

fn end_title(look: &Look, open: &Open) -> &'static str {
    open.says(T::EndTitle, T::EndTitleSolo).get(look.lang)
}

/// Each card in two lines: title and votes, then the decision and tensions.
fn card_lines(look: &Look, open: &Open) -> Vec<Line<'static>> {
    let (th, lang) = (&look.theme, look.lang);
    let mut out = Vec::new();
    for (p, card) in open.session.played_cards(open.deck) {
        out.push(Line::from(vec![
            Span::styled(format!("• {}", card.title.get(lang)), th.text()),
            Span::styled(format!("  {}", summary(open, p, lang)), th.muted()),
        ]));
        let decision = match p.decision.option.as_deref().and_then(|id| card.option(id)) {
            Some(o) => Span::styled(o.label.get(lang).to_string(), th.chosen()),
            None => Span::styled(T::NotDecided.get(lang), th.notice()),
        };
        let tensions = tensions(look, open, p);
        let mut spans = vec![Span::styled("↳ ", th.muted()), decision];
        if !tensions.is_empty() {
            spans.push(Span::styled(format!("  {tensions}"), th.muted()));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The profile under its heading, then a blank line; nothing without data.
fn profile(look: &Look, open: &Open, record: Record) -> Vec<Line<'static>> {
    let (th, lang) = (&look.theme, look.lang);
    let names = |id: &str| {
        open.session
            .principles
            .iter()
            .find(|p| p.id() == id)
            .map_or(id.to_string(), |p| principle_name(look, p))
    };
    let body = crate::tui::widgets::profile::lines(open.session, open.deck, &names, lang, th);
    let mut out = Vec::new();
    if !body.is_empty() {
        out.push(Line::from(Span::styled(
            profile_title(open).get(lang),
            th.heading(),
        )));
        out.extend(body);
        out.push(Line::default());
    }
    // A self-assessment is often done before a workshop: say what to send.
    if open.session.mode == Mode::Solo
        && let Some(file) = record.file
    {
        out.push(Line::from(Span::styled(
            crate::i18n::fill(
                T::SoloSendFile.get(lang),
                &[("path", &file.display().to_string())],
            ),
            th.muted(),
        )));
        out.push(Line::default());
    }
    out
}

fn policy_lines(look: &Look) -> Vec<Line<'static>> {
    let Some(input) = look.export_input() else {
        return Vec::new();
    };
    crate::tui::widgets::policy::lines(&input.policy(), look.lang, &look.theme)
}
