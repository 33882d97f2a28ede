//! Brand principles: "What does your brand stand for?" Pick 3–7 from the
//! library and/or write your own. Reachable again from the card loop.

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::Screen;
use crate::domain::{ChosenPrinciple, Lang};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Action;
use crate::tui::widgets::{clean_paste, field_text, line_field};

pub use super::principles_view::{leaning_label, render};

pub use crate::domain::setup::{MAX_PRINCIPLES as MAX, MIN_PRINCIPLES as MIN};

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
    /// A custom principle the user asked to drop once; asking again drops
    /// it (its definition is not kept once unticked).
    pub confirm_drop: Option<String>,
}

/// One row of the list: a library principle or one of the team's own.
pub(super) enum Row<'a> {
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
            confirm_drop: None,
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

pub(super) fn rows(app: &App) -> Vec<Row<'_>> {
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

pub(super) fn chosen_count(app: &App) -> usize {
    app.open.as_ref().map_or(0, |o| o.session.principles.len())
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let n = rows(app).len();
    // The offer to drop a custom principle holds for the next action only.
    let confirmed = view(app).confirm_drop.take();
    match action {
        Action::Up => view(app).cursor = view(app).cursor.saturating_sub(1),
        Action::Down => view(app).cursor = (view(app).cursor + 1).min(n.saturating_sub(1)),
        Action::Row(i) => {
            view(app).cursor = i.min(n.saturating_sub(1));
            toggle(app, confirmed.as_deref(), now);
        }
        Action::Toggle | Action::Select => toggle(app, confirmed.as_deref(), now),
        Action::Remove => {
            let cursor = view(app).cursor;
            if let Some(Row::Custom { id, .. }) = rows(app).get(cursor) {
                let id = id.to_string();
                drop_custom(app, &id, confirmed.as_deref(), now);
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

fn toggle(app: &mut App, confirmed: Option<&str>, now: Timestamp) {
    let cursor = view(app).cursor;
    let id = match rows(app).get(cursor) {
        Some(Row::Library(p)) => p.id.clone(),
        Some(Row::Custom { id, .. }) => {
            // Unticking one's own principle deletes it: asked first.
            let id = id.to_string();
            drop_custom(app, &id, confirmed, now);
            return;
        }
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

/// Drops a custom principle once the user confirmed it by asking twice.
fn drop_custom(app: &mut App, id: &str, confirmed: Option<&str>, now: Timestamp) {
    if !app.editable() {
        return;
    }
    if confirmed == Some(id) {
        remove(app, id, now);
        return;
    }
    let name = app
        .open
        .as_ref()
        .and_then(|o| o.session.principles.iter().find(|p| p.id() == id))
        .map_or_else(String::new, |p| match p {
            ChosenPrinciple::Custom { name, .. } => name.clone(),
            ChosenPrinciple::Library { id } => id.clone(),
        });
    app.notice = Some(fill(
        T::PrincipleDropConfirm.get(app.lang),
        &[("name", &name)],
    ));
    view(app).confirm_drop = Some(id.to_string());
}

/// Takes a principle off the team's list. What cards said about it stays
/// in the session, so choosing it again brings those checks back; the
/// policy draft, exports and screens only show chosen principles.
fn remove(app: &mut App, id: &str, now: Timestamp) {
    if !app.editable() {
        return;
    }
    if let Some(open) = app.open.as_mut() {
        open.session.principles.retain(|p| p.id() != id);
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
