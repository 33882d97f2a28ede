//! Drawing the brand-principles screen and its "your own principle" form:
//! the question with its counter, the list, the focused principle's
//! meaning, and the form over them while it is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::WrapMode;

use super::context::{Hit, Look};
use super::principles::{Form, MAX, MIN, PrinciplesView, Row, chosen_count, rows};
use crate::domain::{Lang, Leaning};
use crate::i18n::{fill, tui::T};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, ellipsize, panel};

pub fn leaning_label(leaning: Leaning, lang: Lang) -> &'static str {
    match leaning {
        Leaning::MoreData => T::LeaningMoreData.get(lang),
        Leaning::Restraint => T::LeaningRestraint.get(lang),
        Leaning::Balanced => T::LeaningBalanced.get(lang),
    }
}

pub fn render(look: &Look, v: &PrinciplesView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let [intro_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(if area.width < 80 { 3 } else { 2 }),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    let all = rows(look.content.library, look.open.map(|o| o.session));
    intro(look, f, intro_area);
    list(look, v, &all, f, list_area, hits);
    detail(look, all.get(v.cursor), f, detail_area);
    if let Some(form) = &v.form {
        render_form(look, form, f, area);
    }
}

/// The question, and how many are chosen against how many it takes.
fn intro(look: &Look, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let count = chosen_count(look.open.map(|o| o.session));
    let counter = fill(
        T::PrinciplesCount.get(lang),
        &[
            ("n", &count.to_string()),
            ("min", &MIN.to_string()),
            ("max", &MAX.to_string()),
        ],
    );
    let ok = (MIN..=MAX).contains(&count);
    let says = |team: T, solo: T| look.open.map_or(team, |o| o.says(team, solo)).get(lang);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                says(T::PrinciplesQuestion, T::PrinciplesQuestionSolo),
                th.title(),
            )),
            Line::from(vec![
                Span::styled(counter, if ok { th.chosen() } else { th.notice() }),
                Span::styled(
                    format!("  {}", says(T::PrinciplesHint, T::PrinciplesHintSolo)),
                    th.muted(),
                ),
            ]),
        ])
        .wrap(Wrap { trim: true }),
        area.inner(Margin::new(1, 0)),
    );
}

/// A row's id, name, tag (its leaning, or "own") and meaning.
fn row_parts<'a>(r: &'a Row, lang: Lang) -> (&'a str, &'a str, &'static str, &'a str) {
    match r {
        Row::Library(p) => (
            p.id.as_str(),
            p.name.get(lang),
            leaning_label(p.leaning, lang),
            p.meaning.get(lang),
        ),
        Row::Custom { id, name, meaning } => (id, name, T::PrincipleOwn.get(lang), meaning),
    }
}

/// The list of principles, ticked when chosen; each row answers a click.
fn list(
    look: &Look,
    v: &PrinciplesView,
    all: &[Row],
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let th = &look.theme;
    let block = panel(th, T::PrinciplesLibrary.get(look.lang), v.form.is_none());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mut state = ListState::default().with_selected(Some(v.cursor));
    f.render_stateful_widget(
        List::new(items(look, all, area.width)).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for (row, i) in (state.offset()..all.len()).enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Click(Target::Principle(i)),
        });
    }
}

/// The list's rows as columns: tick, name, tag, and from 110 columns on
/// every meaning, not only the focused one.
fn items(look: &Look, all: &[Row], width: u16) -> Vec<ListItem<'static>> {
    let (th, lang) = (&look.theme, look.lang);
    let chosen: Vec<&str> = look.open.map_or(Vec::new(), |o| {
        o.session.principles.iter().map(|p| p.id()).collect()
    });
    let parts: Vec<_> = all.iter().map(|r| row_parts(r, lang)).collect();
    let widest =
        |width: fn(&str, &str) -> usize| parts.iter().map(|p| width(p.1, p.2)).max().unwrap_or(0);
    let name_width = widest(|name, _| name.chars().count()).min(28);
    let tag_width = widest(|_, tag| tag.chars().count());
    let used = 5 + name_width + 2 + tag_width + 2;
    let meaning_room = (width >= 110).then(|| (width as usize).saturating_sub(used + 2));
    parts
        .iter()
        .map(|&(id, name, tag, meaning)| {
            let on = chosen.contains(&id);
            let mut spans = vec![
                Span::styled(
                    if on { " [x] " } else { " [ ] " },
                    if on { th.chosen() } else { th.muted() },
                ),
                Span::styled(
                    format!("{name:<name_width$}"),
                    if on { th.chosen() } else { th.text() },
                ),
                Span::styled(format!("  {tag:<tag_width$}"), th.muted()),
            ];
            if let Some(room) = meaning_room {
                spans.push(Span::styled(
                    format!("  {}", ellipsize(meaning, room)),
                    th.text(),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect()
}

/// What the focused principle means, under its name.
fn detail(look: &Look, focused: Option<&Row>, f: &mut Frame, area: Rect) {
    let lang = look.lang;
    let (name, meaning) = match focused {
        Some(r) => {
            let (_, name, _, meaning) = row_parts(r, lang);
            (name, meaning)
        }
        None => (T::PrinciplesMeaning.get(lang), ""),
    };
    f.render_widget(
        Paragraph::new(meaning.to_string())
            .wrap(Wrap { trim: true })
            .block(panel(&look.theme, name, false)),
        area,
    );
}

fn render_form(look: &Look, form: &Form, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let popup = area.centered(Constraint::Max(70), Constraint::Length(10));
    f.render_widget(Clear, popup);
    let block = panel(th, T::PrincipleOwnTitle.get(lang), true);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    // The meaning is a sentence: it wraps over three rows rather than
    // scrolling sideways out of sight.
    let [l1, name_area, l2, meaning_area, _, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let label = |t: T, style| Paragraph::new(Span::styled(t.get(lang), style));
    f.render_widget(label(T::PrincipleName, th.heading()), l1);
    f.render_widget(label(T::PrincipleMeaningLabel, th.heading()), l2);
    let mut name = form.name.clone();
    let mut meaning = form.meaning.clone();
    meaning.set_wrap_mode(WrapMode::WordOrGlyph);
    let cursor = |on: bool| {
        if on {
            th.focus()
        } else {
            ratatui::style::Style::new()
        }
    };
    name.set_cursor_style(cursor(!form.on_meaning));
    meaning.set_cursor_style(cursor(form.on_meaning));
    if !form.on_meaning {
        name.set_style(th.chosen());
    } else {
        meaning.set_style(th.chosen());
    }
    f.render_widget(&name, name_area);
    f.render_widget(&meaning, meaning_area);
    f.render_widget(label(T::PrincipleFormHint, th.muted()), hint);
}
