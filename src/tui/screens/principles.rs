//! Brand principles: "What does your brand stand for?" Pick 3–7 from the
//! library and/or write your own. Reachable again from the card loop.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use super::Screen;
use crate::domain::{ChosenPrinciple, Lang, Leaning};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{clean_paste, ellipsize, field_text, line_field, panel};

pub const MIN: usize = 3;
pub const MAX: usize = 7;

pub struct Form {
    pub name: TextArea<'static>,
    pub meaning: TextArea<'static>,
    pub on_meaning: bool,
}

pub struct PrinciplesView {
    pub cursor: usize,
    pub form: Option<Form>,
    /// Opened from the card loop: Esc goes back there.
    pub from_card: bool,
}

/// One row of the list: a library principle or one of the team's own.
enum Row<'a> {
    Library(&'a crate::domain::PrincipleDef),
    Custom {
        id: &'a str,
        name: &'a str,
        meaning: &'a str,
    },
}

impl PrinciplesView {
    pub fn new(app: &App) -> PrinciplesView {
        PrinciplesView {
            cursor: 0,
            form: None,
            from_card: matches!(app.screen, Screen::Card),
        }
    }

    pub fn typing(&self) -> bool {
        self.form.is_some()
    }

    pub fn relabel(&mut self, lang: Lang) {
        if let Some(form) = self.form.as_mut() {
            form.name
                .set_placeholder_text(T::PrincipleNamePlaceholder.get(lang));
            form.meaning
                .set_placeholder_text(T::PrincipleMeaningPlaceholder.get(lang));
        }
    }
}

fn rows(app: &App) -> Vec<Row<'_>> {
    let mut out: Vec<Row> = app
        .assets
        .library
        .principles
        .iter()
        .map(Row::Library)
        .collect();
    if let Some(open) = &app.open {
        for p in &open.session.principles {
            if let ChosenPrinciple::Custom { id, name, meaning } = p {
                out.push(Row::Custom { id, name, meaning });
            }
        }
    }
    out
}

fn view(app: &mut App) -> &mut PrinciplesView {
    match &mut app.screen {
        Screen::Principles(v) => v,
        _ => unreachable!("principle actions only reach the principles screen"),
    }
}

fn chosen_count(app: &App) -> usize {
    app.open.as_ref().map_or(0, |o| o.session.principles.len())
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let n = rows(app).len();
    match action {
        Action::Up => view(app).cursor = view(app).cursor.saturating_sub(1),
        Action::Down => view(app).cursor = (view(app).cursor + 1).min(n.saturating_sub(1)),
        Action::Row(i) => {
            view(app).cursor = i.min(n.saturating_sub(1));
            toggle(app, now);
        }
        Action::Toggle | Action::Select => toggle(app, now),
        Action::Remove => {
            let cursor = view(app).cursor;
            if let Some(Row::Custom { id, .. }) = rows(app).get(cursor) {
                let id = id.to_string();
                remove(app, &id, now);
            }
        }
        Action::Add if app.editable() => {
            if chosen_count(app) >= MAX {
                app.notice = Some(fill(
                    T::PrinciplesTooMany.get(app.lang),
                    &[("max", &MAX.to_string())],
                ));
            } else {
                let lang = app.lang;
                view(app).form = Some(Form {
                    name: line_field("", T::PrincipleNamePlaceholder.get(lang)),
                    meaning: line_field("", T::PrincipleMeaningPlaceholder.get(lang)),
                    on_meaning: false,
                });
            }
        }
        Action::FocusNext | Action::FocusPrev => {
            if let Some(form) = view(app).form.as_mut() {
                form.on_meaning = !form.on_meaning;
            }
        }
        Action::Back if view(app).form.is_some() => view(app).form = None,
        Action::Back if view(app).from_card => return back_to_card(app),
        Action::Back => return super::close_session(app),
        Action::Continue => {
            let count = chosen_count(app);
            if (MIN..=MAX).contains(&count)
                || app.open.as_ref().is_some_and(|o| o.read_only.is_some())
            {
                return back_to_card(app);
            }
            app.notice = Some(fill(
                T::PrinciplesPickRange.get(app.lang),
                &[
                    ("min", &MIN.to_string()),
                    ("max", &MAX.to_string()),
                    ("n", &count.to_string()),
                ],
            ));
        }
        _ => {}
    }
    Vec::new()
}

fn back_to_card(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Card;
    app.flush()
}

fn toggle(app: &mut App, now: Timestamp) {
    let cursor = view(app).cursor;
    let id = match rows(app).get(cursor) {
        Some(Row::Library(p)) => p.id.clone(),
        Some(Row::Custom { id, .. }) => id.to_string(),
        None => return,
    };
    if !app.editable() {
        return;
    }
    let chosen = app
        .open
        .as_ref()
        .is_some_and(|o| o.session.principles.iter().any(|p| p.id() == id));
    if chosen {
        remove(app, &id, now);
    } else if chosen_count(app) >= MAX {
        app.notice = Some(fill(
            T::PrinciplesTooMany.get(app.lang),
            &[("max", &MAX.to_string())],
        ));
    } else if let Some(open) = app.open.as_mut() {
        open.session
            .principles
            .push(ChosenPrinciple::Library { id });
        app.changed(now);
    }
}

fn remove(app: &mut App, id: &str, now: Timestamp) {
    if !app.editable() {
        return;
    }
    if let Some(open) = app.open.as_mut() {
        open.session.principles.retain(|p| p.id() != id);
        for progress in &mut open.session.cards {
            progress.decision.principles.remove(id);
        }
        app.changed(now);
    }
    let n = rows(app).len();
    let v = view(app);
    v.cursor = v.cursor.min(n.saturating_sub(1));
}

pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(form) = view(app).form.as_mut() else {
        return Vec::new();
    };
    match ev.code {
        KeyCode::Enter if !form.on_meaning => form.on_meaning = true,
        KeyCode::Enter => add_custom(app, now),
        _ if form.on_meaning => {
            form.meaning.input(ev);
        }
        _ => {
            form.name.input(ev);
        }
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(form) = view(app).form.as_mut() {
        let text = clean_paste(text, false);
        if form.on_meaning {
            form.meaning.insert_str(text);
        } else {
            form.name.insert_str(text);
        }
    }
    Vec::new()
}

fn add_custom(app: &mut App, now: Timestamp) {
    let Some(form) = view(app).form.as_ref() else {
        return;
    };
    let name = field_text(&form.name).trim().to_string();
    let meaning = field_text(&form.meaning).trim().to_string();
    if name.is_empty() {
        if let Some(form) = view(app).form.as_mut() {
            form.on_meaning = false;
        }
        app.notice = Some(T::PrincipleNeedsName.get(app.lang).into());
        return;
    }
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let base = format!("own-{}", crate::store::slug(&name));
    let mut id = base.clone();
    let mut n = 2;
    while open.session.principles.iter().any(|p| p.id() == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    open.session
        .principles
        .push(ChosenPrinciple::Custom { id, name, meaning });
    app.changed(now);
    let n = rows(app).len();
    let v = view(app);
    v.form = None;
    v.cursor = n.saturating_sub(1);
}

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
            Line::from(Span::styled(T::PrinciplesQuestion.get(lang), th.title())),
            Line::from(vec![
                Span::styled(counter, if ok { th.chosen() } else { th.notice() }),
                Span::styled(format!("  {}", T::PrinciplesHint.get(lang)), th.muted()),
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
    let popup = area.centered(Constraint::Max(70), Constraint::Length(9));
    f.render_widget(Clear, popup);
    let block = panel(&th, T::PrincipleOwnTitle.get(lang), true);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let [l1, name_area, l2, meaning_area, _, hint] =
        Layout::vertical([Constraint::Length(1); 6]).areas(inner);
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
