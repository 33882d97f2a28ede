//! Drawing the brand-principles screen and its "your own principle" form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::WrapMode;

use super::principles::{Form, MAX, MIN, PrinciplesView, Row, chosen_count, rows};
use crate::domain::{Lang, Leaning};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{ellipsize, panel};

pub fn leaning_label(leaning: Leaning, lang: Lang) -> &'static str {
    match leaning {
        Leaning::MoreData => T::LeaningMoreData.get(lang),
        Leaning::Restraint => T::LeaningRestraint.get(lang),
        Leaning::Balanced => T::LeaningBalanced.get(lang),
    }
}

pub fn render(app: &App, v: &PrinciplesView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let count = chosen_count(app);
    let [intro, list_area, detail_area] = Layout::vertical([
        Constraint::Length(if area.width < 80 { 3 } else { 2 }),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    let counter = fill(
        T::PrinciplesCount.get(lang),
        &[
            ("n", &count.to_string()),
            ("min", &MIN.to_string()),
            ("max", &MAX.to_string()),
        ],
    );
    let ok = (MIN..=MAX).contains(&count);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                app.open
                    .as_ref()
                    .map_or(T::PrinciplesQuestion, |o| {
                        o.says(T::PrinciplesQuestion, T::PrinciplesQuestionSolo)
                    })
                    .get(lang),
                th.title(),
            )),
            Line::from(vec![
                Span::styled(counter, if ok { th.chosen() } else { th.notice() }),
                Span::styled(
                    format!(
                        "  {}",
                        app.open
                            .as_ref()
                            .map_or(T::PrinciplesHint, |o| {
                                o.says(T::PrinciplesHint, T::PrinciplesHintSolo)
                            })
                            .get(lang)
                    ),
                    th.muted(),
                ),
            ]),
        ])
        .wrap(Wrap { trim: true }),
        intro.inner(ratatui::layout::Margin::new(1, 0)),
    );

    let chosen: Vec<&str> = app.open.as_ref().map_or(Vec::new(), |o| {
        o.session.principles.iter().map(|p| p.id()).collect()
    });
    let all = rows(app);
    let name_width = all
        .iter()
        .map(|r| match r {
            Row::Library(p) => p.name.get(lang).chars().count(),
            Row::Custom { name, .. } => name.chars().count(),
        })
        .max()
        .unwrap_or(0)
        .min(28);
    let tag_width = all
        .iter()
        .map(|r| match r {
            Row::Library(p) => leaning_label(p.leaning, lang).chars().count(),
            Row::Custom { .. } => T::PrincipleOwn.get(lang).chars().count(),
        })
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = all
        .iter()
        .map(|r| {
            let (id, name, tag, meaning) = match r {
                Row::Library(p) => (
                    p.id.as_str(),
                    p.name.get(lang).to_string(),
                    leaning_label(p.leaning, lang),
                    p.meaning.get(lang),
                ),
                Row::Custom { id, name, meaning } => {
                    (*id, name.to_string(), T::PrincipleOwn.get(lang), *meaning)
                }
            };
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
            // Wide enough: every meaning in view, not only the focused one.
            let used = 5 + name_width + 2 + tag_width + 2;
            if list_area.width >= 110 {
                let room = (list_area.width as usize).saturating_sub(used + 2);
                spans.push(Span::styled(
                    format!("  {}", ellipsize(meaning, room)),
                    th.text(),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let block = panel(&th, T::PrinciplesLibrary.get(lang), v.form.is_none());
    let inner = block.inner(list_area);
    f.render_widget(block, list_area);
    let mut state = ListState::default().with_selected(Some(v.cursor));
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for (row, i) in (state.offset()..all.len()).enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Row(i),
        });
    }

    let (name, meaning) = match all.get(v.cursor) {
        Some(Row::Library(p)) => (
            p.name.get(lang).to_string(),
            p.meaning.get(lang).to_string(),
        ),
        Some(Row::Custom { name, meaning, .. }) => (name.to_string(), meaning.to_string()),
        None => (T::PrinciplesMeaning.get(lang).to_string(), String::new()),
    };
    f.render_widget(
        Paragraph::new(meaning)
            .wrap(Wrap { trim: true })
            .block(panel(&th, &name, false)),
        detail_area,
    );

    if let Some(form) = &v.form {
        render_form(app, form, f, area);
    }
}

fn render_form(app: &App, form: &Form, f: &mut Frame, area: Rect) {
    let th = app.theme();
    let lang = app.lang;
    let popup = area.centered(Constraint::Max(70), Constraint::Length(10));
    f.render_widget(Clear, popup);
    let block = panel(&th, T::PrincipleOwnTitle.get(lang), true);
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
    f.render_widget(
        Paragraph::new(Span::styled(T::PrincipleName.get(lang), th.heading())),
        l1,
    );
    f.render_widget(
        Paragraph::new(Span::styled(
            T::PrincipleMeaningLabel.get(lang),
            th.heading(),
        )),
        l2,
    );
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
    f.render_widget(
        Paragraph::new(Span::styled(T::PrincipleFormHint.get(lang), th.muted())),
        hint,
    );
}
