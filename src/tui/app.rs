//! The app's state and its one way of changing: [`App::update`] takes a
//! message and the current time and returns the effects the loop must carry
//! out (saving, opening, exporting). No I/O happens here.

use std::sync::OnceLock;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

pub use super::effect::Effect;
use super::keymap::{self, Action, Context};
use super::route;
pub use super::screens::context::Hit;
use super::screens::{self, Screen, card::CardView};
use crate::domain::{Deck, Framework, Lang, PrincipleLibrary, Session};
use crate::i18n::tui::T;
use crate::store::describe_store_error;
use crate::store::{Access, Opened, SessionListing, StoreError};

/// The smallest terminal the layouts are made for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub use super::screens::card::BIG_TITLE_ROWS;

/// A save follows this long after the last change, so a burst of typing
/// becomes one save rather than one per key.
const SAVE_QUIET_MS: i64 = 1000;
/// However steady the typing, a change is saved no later than this after
/// the first one that is not on disk yet.
const SAVE_MAX_DELAY_MS: i64 = 1500;
/// A failed save is tried again after this long.
const SAVE_RETRY_MS: i64 = 2000;

/// What happened: a key, the mouse, a paste, the clock, a signal.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// SIGTERM, SIGHUP, SIGINT or a hung-up terminal: save and leave.
    Terminate,
    /// A phone in the room did something.
    Room(crate::domain::room::RoomEvent),
}

/// The content the app was started with.
#[derive(Debug, Clone)]
pub struct Assets {
    pub deck: Deck,
    pub library: PrincipleLibrary,
    pub framework: Framework,
}

impl Assets {
    pub fn content(&self) -> screens::context::Content<'_> {
        screens::context::Content {
            deck: &self.deck,
            library: &self.library,
            framework: &self.framework,
        }
    }
}

/// The session being run.
pub struct OpenSession {
    pub session: Session,
    /// The deck the session plays (its own copy, or the built-in one).
    pub deck: Deck,
    /// Why nothing is saved, when another process holds the session.
    pub read_only: Option<String>,
    pub view: CardView,
    /// Where the session is stored, when the store keeps files.
    pub file: Option<std::path::PathBuf>,
    /// The session clock counts from here; none while it does not run
    /// (a read-only session).
    pub clock_mark: Option<Timestamp>,
}

impl OpenSession {
    /// A self-assessment: one person, spoken to as "you" alone.
    pub fn solo(&self) -> bool {
        self.session.mode == crate::domain::Mode::Solo
    }

    /// The team's wording, or the one for a self-assessment.
    pub fn says(&self, team: T, solo: T) -> T {
        self.look().says(team, solo)
    }

    /// The session as a screen reads it.
    pub fn look(&self) -> screens::context::Open<'_> {
        screens::context::Open {
            session: &self.session,
            deck: &self.deck,
            read_only: self.read_only.is_some(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaveState {
    /// Unsaved changes since then.
    pub dirty_since: Option<Timestamp>,
    /// The latest of those changes.
    pub last_change: Option<Timestamp>,
    /// Why the last save failed; cleared by the next good one.
    pub failing: Option<String>,
    /// Changes counted this run, so views built from the session know when
    /// to build again even when the clock did not move.
    pub changes: u64,
}

impl SaveState {
    /// When the next autosave is due: a quiet moment after the last change,
    /// and never later than the maximum delay after the first; a failed
    /// save is retried a while after it failed.
    pub fn due(&self) -> Option<Timestamp> {
        let since = self.dirty_since?;
        let after = |t: Timestamp, ms: i64| {
            t.saturating_add(SignedDuration::from_millis(ms))
                .unwrap_or(t)
        };
        if self.failing.is_some() {
            return Some(after(since, SAVE_RETRY_MS));
        }
        let last = self.last_change.map_or(since, |t| t.max(since));
        Some(after(last, SAVE_QUIET_MS).min(after(since, SAVE_MAX_DELAY_MS)))
    }
}

pub struct App {
    pub lang: Lang,
    pub color: bool,
    /// The local time zone, looked up when a time is first shown: reading
    /// the system's zone database is a good part of the work before the
    /// first frame otherwise.
    pub tz: OnceLock<TimeZone>,
    pub assets: Assets,
    pub screen: Screen,
    pub open: Option<OpenSession>,
    pub listings: Vec<SessionListing>,
    /// Whether the saved sessions have been read yet: the first frame is
    /// drawn before they are.
    pub sessions_read: bool,
    pub help: bool,
    /// How far the help is scrolled, and how far it can go as last drawn.
    pub help_scroll: u16,
    pub help_max: std::cell::Cell<u16>,
    pub presentation: bool,
    /// The facilitator's notes on the card: hidden unless asked for, since
    /// the screen is usually projected.
    pub notes: bool,
    /// A one-off message under the screen (export written, an error).
    pub notice: Option<String>,
    pub save: SaveState,
    pub size: (u16, u16),
    pub hits: Vec<Hit>,
    pub quitting: bool,
    /// A broken session with a backup that `r` on the home screen restores.
    pub restorable: Option<String>,
    /// Leaving was refused because the session is not saved; the quit key
    /// pressed again, while that notice shows, leaves anyway.
    pub leave_armed: bool,
    /// Set on the way out when the session could not be saved to its file.
    pub unsaved: Option<super::emergency::Unsaved>,
    /// The room, while it is open.
    pub room: Option<super::room::RoomView>,
}

impl App {
    /// The local time zone, looked up once.
    pub fn tz(&self) -> &TimeZone {
        self.tz.get_or_init(TimeZone::system)
    }

    pub fn new(lang: Lang, color: bool, assets: Assets) -> App {
        App {
            lang,
            color,
            tz: OnceLock::new(),
            assets,
            screen: Screen::Home(Default::default()),
            open: None,
            listings: Vec::new(),
            sessions_read: false,
            help: false,
            help_scroll: 0,
            help_max: std::cell::Cell::new(0),
            presentation: false,
            notes: false,
            notice: None,
            save: SaveState::default(),
            size: (80, 24),
            hits: Vec::new(),
            quitting: false,
            restorable: None,
            leave_armed: false,
            unsaved: None,
            room: None,
        }
    }

    pub fn theme(&self) -> super::theme::Theme {
        super::theme::Theme {
            color: self.color,
            high_contrast: self.presentation,
        }
    }

    /// What a screen that gets its own state reads while it draws.
    pub fn look(&self) -> screens::context::Look<'_> {
        screens::context::Look {
            lang: self.lang,
            theme: self.theme(),
            content: self.assets.content(),
            open: self.open.as_ref().map(OpenSession::look),
        }
    }

    /// How the terminal is used right now, for the card loop.
    pub fn desk(&self) -> screens::card::Desk {
        screens::card::Desk {
            presentation: self.presentation,
            console: self.console(),
            notes: self.notes_visible(),
            room: self.room.is_some(),
            size: self.size,
        }
    }

    /// Notes show only when asked for, and never on a projector; the
    /// console has its own place for them.
    pub fn notes_visible(&self) -> bool {
        self.notes && !self.presentation && !self.console()
    }

    /// With the room open, the room's screen shows the card, so this
    /// terminal is the facilitator's console, unless presentation is asked for.
    pub fn console(&self) -> bool {
        self.room.is_some() && !self.presentation
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The key table that applies right now.
    pub fn context(&self) -> Context {
        route::context(self)
    }

    /// Records that the open session changed; a save follows shortly.
    pub fn changed(&mut self, now: Timestamp) {
        if let Some(open) = self.open.as_mut() {
            open.session.touch(now);
        }
        self.save.dirty_since.get_or_insert(now);
        self.save.last_change = Some(now);
        self.save.changes += 1;
    }

    /// Whether the open session may be changed; says why not when it may not.
    pub fn editable(&mut self) -> bool {
        match self.open.as_ref().and_then(|o| o.read_only.clone()) {
            Some(_) => {
                self.notice = Some(crate::i18n::tui::T::ReadOnlyNoEdit.get(self.lang).into());
                false
            }
            None => self.open.is_some(),
        }
    }

    /// A save now if anything is unsaved: on screen changes and on quit.
    pub fn flush(&self) -> Vec<Effect> {
        if self.save.dirty_since.is_some() && self.open.is_some() {
            vec![Effect::Save]
        } else {
            Vec::new()
        }
    }

    pub fn update(&mut self, msg: Msg, now: Timestamp) -> Vec<Effect> {
        super::session_clock::tick_discussion(self, now);
        super::session_clock::tick(self, now);
        let mut effects = match msg {
            Msg::Tick => Vec::new(),
            Msg::Terminate => self.quit(),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Msg::Paste(text) => route::paste(self, &text, now),
            Msg::Mouse(ev) => self.disarming(|app| app.on_mouse(ev, now)),
            Msg::Key(ev) => self.disarming(|app| app.on_key(ev, now)),
            Msg::Room(ev) => super::room::on_event(self, ev, now),
        };
        // Whatever the message, a due autosave happens now: steady typing
        // must not keep postponing it. First, so it saves the session the
        // other effects (closing, opening another) start from.
        if !effects.contains(&Effect::Save) && self.autosave_due(now) {
            effects.splice(0..0, self.flush());
        }
        effects
    }

    fn autosave_due(&self, now: Timestamp) -> bool {
        self.autosave_at().is_some_and(|due| now >= due)
    }

    /// When the loop must wake up to save, if anything is open to save:
    /// a deadline with nothing to do would only wake it again at once.
    pub fn autosave_at(&self) -> Option<Timestamp> {
        self.open
            .as_ref()
            .filter(|o| o.read_only.is_none())
            .and(self.save.due())
    }

    /// The "press again to quit anyway" and "press again to reveal anyway"
    /// offers last for one key or click.
    fn disarming(&mut self, handle: impl FnOnce(&mut App) -> Vec<Effect>) -> Vec<Effect> {
        let armed = self.leave_armed;
        let reveal_armed = self.open.as_ref().is_some_and(|o| o.view.gut.reveal_armed);
        let effects = handle(self);
        if armed {
            self.leave_armed = false;
        }
        if reveal_armed && let Some(open) = self.open.as_mut() {
            open.view.gut.reveal_armed = false;
        }
        effects
    }

    fn on_key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        if ev.kind == KeyEventKind::Release {
            return Vec::new();
        }
        let ctrl_c = ev.modifiers.contains(KeyModifiers::CONTROL) && ev.code == KeyCode::Char('c');
        if ctrl_c {
            return self.quit();
        }
        if self.help {
            self.help_key(&ev);
            return Vec::new();
        }
        if self.too_small() {
            return match keymap::lookup(Context::Home, &ev) {
                Some(Action::Language) => self.act(Action::Language, now),
                Some(Action::Quit) if matches!(self.screen, Screen::Home(_)) => self.quit(),
                _ => Vec::new(),
            };
        }
        self.notice = None;
        let ctx = self.context();
        if ctx.is_typing() {
            return match keymap::lookup(ctx, &ev) {
                Some(action) => self.act(action, now),
                None => route::type_key(self, ev, now),
            };
        }
        match keymap::lookup(ctx, &ev) {
            Some(action) => self.act(action, now),
            None => Vec::new(),
        }
    }

    /// Keys while help is open: the scrolling ones scroll it, any other closes it.
    fn help_key(&mut self, ev: &KeyEvent) {
        match keymap::lookup_help_overlay(ev) {
            Some(action) => self.scroll_help(action),
            None => self.help = false,
        }
    }

    fn scroll_help(&mut self, action: Action) {
        self.help_scroll = super::widgets::scroll_by(self.help_scroll, action, self.help_max.get());
    }

    fn on_mouse(&mut self, ev: MouseEvent, now: Timestamp) -> Vec<Effect> {
        if self.too_small() {
            return Vec::new();
        }
        match ev.kind {
            MouseEventKind::ScrollUp if self.help => {
                self.scroll_help(Action::Up);
                Vec::new()
            }
            MouseEventKind::ScrollDown if self.help => {
                self.scroll_help(Action::Down);
                Vec::new()
            }
            // On the discussion ↑↓ walk the butcher test; the wheel scrolls.
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
                if route::wheel(self, ev.kind == MouseEventKind::ScrollUp) =>
            {
                Vec::new()
            }
            MouseEventKind::ScrollUp => self.act(Action::Up, now),
            MouseEventKind::ScrollDown => self.act(Action::Down, now),
            MouseEventKind::Down(MouseButton::Left) => {
                if self.help {
                    self.help = false;
                    return Vec::new();
                }
                let at = Position::new(ev.column, ev.row);
                match self.hits.iter().rev().find(|h| h.area.contains(at)) {
                    Some(hit) => {
                        let action = hit.action;
                        self.act(action, now)
                    }
                    None => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// Carries out an action: the app-wide ones here, the rest by the screen.
    pub fn act(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match action {
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
                Vec::new()
            }
            Action::Notes => {
                self.notes = !self.notes;
                if self.console() {
                    self.notice = Some(crate::i18n::console::C::NotesAlways.get(self.lang).into());
                    return Vec::new();
                }
                let said = match (self.notes, self.presentation) {
                    (_, true) => T::NotesPresenting,
                    (true, false) if self.size.0 < 110 => T::NotesShownInline,
                    (true, false) => T::NotesShown,
                    (false, false) => T::NotesHidden,
                };
                self.notice = Some(said.get(self.lang).into());
                Vec::new()
            }
            Action::Language => {
                self.lang = self.lang.other();
                route::relabel(self);
                Vec::new()
            }
            Action::QuitNow => self.quit(),
            Action::Room
            | Action::RoomInterface
            | Action::RoomExtra
            | Action::RoomClose
            | Action::FreeSlot => super::room::act(self, action, now),
            Action::Back if self.context() == Context::RoomPanel => {
                super::room::act(self, action, now)
            }
            Action::Presentation => {
                // The app's, not the card's: it changes how every screen looks.
                if matches!(self.screen, Screen::Card) && self.open.is_some() {
                    self.presentation = !self.presentation;
                }
                let effects = route::act(self, action, now);
                // Too few rows for the big title: say what changed and why
                // the rest did not, rather than seem to do nothing.
                if self.room.is_some() {
                    use crate::i18n::console::C;
                    let said = if self.console() { C::On } else { C::Off };
                    self.notice = Some(said.get(self.lang).into());
                } else if self.presentation && self.size.1 < BIG_TITLE_ROWS {
                    self.notice = Some(T::PresentationSmall.get(self.lang).into());
                }
                effects
            }
            _ => route::act(self, action, now),
        }
    }

    /// Leaves the app, saving first.
    pub fn quit(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(open) = self.open.as_mut() {
            screens::card::timer::stop(&mut open.view.discuss);
            effects.push(Effect::Save);
        }
        self.quitting = true;
        effects.push(Effect::Quit);
        effects
    }

    // ---- results of effects, fed back by the loop ----

    pub fn saved(&mut self, result: Result<(), StoreError>, now: Timestamp) {
        match result {
            Ok(()) => {
                self.save = SaveState::default();
                // A retry worked: the warning about leaving unsaved is moot.
                if std::mem::take(&mut self.leave_armed) {
                    self.notice = None;
                }
            }
            Err(e) => {
                // The reason only, briefly: the status line says the rest.
                self.save.failing = Some(match e {
                    StoreError::Io { error, .. } => error.describe(self.lang),
                    other => describe_store_error(&other, self.lang),
                });
                self.save.dirty_since = Some(now);
            }
        }
    }

    pub fn listed(&mut self, result: Result<Vec<SessionListing>, StoreError>) {
        self.sessions_read = true;
        match result {
            Ok(list) => self.listings = list,
            Err(e) => self.notice = Some(describe_store_error(&e, self.lang)),
        }
    }

    /// A session was created or opened: start playing it.
    pub fn opened(&mut self, result: Result<Opened, StoreError>, now: Timestamp) {
        match result {
            Ok(opened) => {
                let read_only = match opened.access {
                    Access::ReadWrite => None,
                    Access::ReadOnly => Some(String::new()),
                };
                self.start_session(opened.session, read_only, now);
            }
            Err(e) => {
                let mut text = describe_store_error(&e, self.lang);
                if let StoreError::Corrupt {
                    id,
                    backup: Some(_),
                    ..
                } = &e
                {
                    // The way out first, so it shows however long the reason.
                    self.restorable = Some(id.clone());
                    text = format!("{} {text}", crate::i18n::tui::T::RestoreHint.get(self.lang));
                }
                self.notice = Some(text);
            }
        }
    }

    /// Shows a session read-only: another process holds it, or it was asked for.
    pub fn opened_read_only(&mut self, session: Session, why: String, now: Timestamp) {
        self.start_session(session, Some(why), now);
    }

    fn start_session(&mut self, session: Session, read_only: Option<String>, now: Timestamp) {
        let deck = session.deck(&self.assets.deck).clone();
        let needs_principles = session.principles.is_empty() && read_only.is_none();
        let mut open = OpenSession {
            view: CardView::new(&session, &deck, self.lang),
            session,
            deck,
            read_only,
            file: None,
            clock_mark: None,
        };
        super::session_clock::start(&mut open, now);
        screens::card::enter_stage(&mut open.view, &open.session, open.read_only.is_some(), now);
        self.open = Some(open);
        self.save = SaveState::default();
        self.screen = if needs_principles {
            Screen::Principles(Box::new(screens::principles::PrinciplesView::new(
                matches!(self.screen, Screen::Card),
            )))
        } else {
            Screen::Card
        };
    }

    /// The loop saved the session and let go of it: back to the home screen.
    pub fn closed(&mut self, id: &str) {
        if self.open.as_ref().is_some_and(|o| o.session.id == id) {
            self.left_session();
        }
    }

    /// Back to the home screen without a session.
    pub fn left_session(&mut self) {
        self.open = None;
        self.save = SaveState::default();
        self.presentation = false;
        self.leave_armed = false;
        self.screen = Screen::Home(Default::default());
    }

    /// The session could not be saved, so it stays open: say why, that
    /// saving goes on, and how to leave anyway.
    pub fn close_refused(&mut self) {
        use crate::i18n::{fill, tui::T};
        let reason = self.save.failing.clone().unwrap_or_default();
        // The key that asked to leave: Esc on the principles, q elsewhere.
        let key = if matches!(self.screen, Screen::Principles(_)) {
            "Esc"
        } else {
            "q"
        };
        self.notice = Some(fill(
            T::LeaveUnsaved.get(self.lang),
            &[("reason", &reason), ("key", key)],
        ));
        self.leave_armed = true;
    }

    /// The room opened (or moved): show its panel.
    pub fn room_opened(
        &mut self,
        result: Result<crate::room::RoomInfo, String>,
        interfaces: Vec<crate::room::Interface>,
    ) {
        use crate::i18n::{fill, tui::T};
        match result {
            Ok(info) => {
                let moved = self.room.as_ref().map(|r| r.info.addr != info.addr);
                self.notice = Some(match moved {
                    Some(true) => fill(
                        T::RoomMoved.get(self.lang),
                        &[("addr", &info.addr.to_string())],
                    ),
                    _ => T::RoomOpened.get(self.lang).into(),
                });
                let allow_extra = self.room.as_ref().is_some_and(|r| r.allow_extra);
                let mut view = super::room::RoomView::new(info, interfaces);
                view.allow_extra = allow_extra;
                self.room = Some(view);
            }
            Err(e) => {
                self.notice = Some(fill(T::RoomOpenFailed.get(self.lang), &[("reason", &e)]));
            }
        }
    }

    /// The room server stopped.
    pub fn room_closed(&mut self) {
        if self.room.take().is_some() && !self.quitting {
            self.notice = Some(crate::i18n::tui::T::RoomClosed.get(self.lang).into());
        }
    }

    pub fn exported(&mut self, result: Result<std::path::PathBuf, String>) {
        use crate::i18n::{fill, tui::T};
        self.notice = Some(match result {
            Ok(path) => fill(
                T::ExportWritten.get(self.lang),
                &[("path", &path.display().to_string())],
            ),
            Err(reason) => fill(T::ExportFailed.get(self.lang), &[("reason", &reason)]),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ms: i64) -> Timestamp {
        let t0: Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
        t0 + SignedDuration::from_millis(ms)
    }

    #[test]
    fn a_save_is_due_a_quiet_second_after_the_last_change() {
        let save = SaveState {
            dirty_since: Some(at(0)),
            last_change: Some(at(300)),
            failing: None,
            ..SaveState::default()
        };
        assert_eq!(save.due(), Some(at(1300)));
    }

    #[test]
    fn steady_changes_cannot_put_a_save_off_beyond_the_maximum_delay() {
        let save = SaveState {
            dirty_since: Some(at(0)),
            last_change: Some(at(1400)),
            failing: None,
            ..SaveState::default()
        };
        assert_eq!(save.due(), Some(at(SAVE_MAX_DELAY_MS)));
    }

    #[test]
    fn a_failed_save_is_retried_after_the_retry_delay_and_nothing_is_due_when_clean() {
        let failing = SaveState {
            dirty_since: Some(at(500)),
            last_change: Some(at(400)),
            failing: Some("disk full".into()),
            ..SaveState::default()
        };
        assert_eq!(failing.due(), Some(at(500 + SAVE_RETRY_MS)));
        assert_eq!(SaveState::default().due(), None);
    }
}
