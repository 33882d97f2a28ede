//! One module per screen: its view state, what its actions do, and how it
//! is drawn. This module routes between them.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;

use super::app::{App, Effect};
use super::keymap::{Action, Context};

pub mod browse;
pub mod card;
pub mod end;
pub mod follow_up;
mod follow_up_view;
pub mod home;
pub mod overview;
pub mod principles;
mod principles_view;
pub mod setup;
mod setup_view;

pub enum Screen {
    Home(home::HomeView),
    Browse(browse::BrowseView),
    Setup(Box<setup::SetupView>),
    Principles(Box<principles::PrinciplesView>),
    /// The card loop; its state lives with the open session.
    Card,
    Overview(overview::OverviewView),
    End(end::EndView),
}

pub fn context(app: &App) -> Context {
    match &app.screen {
        Screen::Home(_) => Context::Home,
        Screen::Browse(_) => Context::Browse,
        Screen::Setup(v) if v.typing() => Context::Typing,
        Screen::Setup(v) => match v.focus {
            setup::Field::Voters | setup::Field::Minutes => Context::SetupNumber,
            setup::Field::Start => Context::SetupStart,
            _ => Context::Setup,
        },
        Screen::Principles(v) if v.typing() => Context::Form,
        Screen::Principles(_) => Context::Principles,
        Screen::Card => card::context(app),
        Screen::Overview(_) => Context::Overview,
        Screen::End(v) => match &v.follow {
            Some(f) if f.typing() => Context::FollowUpForm,
            Some(_) => Context::FollowUp,
            None => Context::End,
        },
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    match &app.screen {
        Screen::Home(_) => home::act(app, action, now),
        Screen::Browse(_) => browse::act(app, action),
        Screen::Setup(_) => setup::act(app, action, now),
        Screen::Principles(_) => principles::act(app, action, now),
        Screen::Card => card::act(app, action, now),
        Screen::Overview(_) => overview::act(app, action, now),
        Screen::End(v) if v.follow.is_some() => follow_up::act(app, action, now),
        Screen::End(_) => end::act(app, action, now),
    }
}

/// A key typed into the focused text field.
pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    match &app.screen {
        Screen::Setup(_) => setup::type_key(app, ev, now),
        Screen::Principles(_) => principles::type_key(app, ev, now),
        Screen::Card => card::decide::type_key(app, ev, now),
        Screen::End(_) => follow_up::type_key(app, ev, now),
        _ => Vec::new(),
    }
}

/// Pasted text goes to the focused text field, control characters removed.
pub fn paste(app: &mut App, text: &str, now: Timestamp) -> Vec<Effect> {
    if !context(app).is_typing() {
        return Vec::new();
    }
    match &app.screen {
        Screen::Setup(_) => setup::paste(app, text),
        Screen::Principles(_) => principles::paste(app, text),
        Screen::Card => card::decide::paste(app, text, now),
        Screen::End(_) => follow_up::paste(app, text),
        _ => Vec::new(),
    }
}

/// The language changed: placeholders inside text fields follow.
pub fn relabel(app: &mut App) {
    let lang = app.lang;
    match &mut app.screen {
        Screen::Setup(v) => v.relabel(lang),
        Screen::Principles(v) => v.relabel(lang),
        Screen::End(v) => {
            if let Some(f) = v.follow.as_mut() {
                f.relabel(lang);
            }
        }
        _ => {}
    }
    if let Some(open) = app.open.as_mut() {
        open.view.relabel(lang);
    }
}

/// Leaves the open session for the home screen, saving first. The loop
/// lets go of it only once it is saved; otherwise it stays open and the
/// user is told (see `App::close_refused`).
pub fn close_session(app: &mut App) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        app.left_session();
        return vec![Effect::Refresh];
    };
    card::stop_timer(&mut open.view);
    if open.read_only.is_some() {
        // Nothing to save and no lock held.
        app.left_session();
        return vec![Effect::Refresh];
    }
    let id = open.session.id.clone();
    if app.save.failing.is_some() && app.leave_armed {
        // Asked again after the warning: leave the app; the way out writes
        // an emergency copy and says where it is.
        return app.quit();
    }
    let mut effects = Vec::new();
    if app.save.dirty_since.is_some() || app.save.failing.is_some() {
        effects.push(Effect::Save);
    }
    effects.push(Effect::Close(id));
    effects
}
