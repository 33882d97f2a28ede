//! The main loop, generic over ratatui's `Backend` and fed by an
//! [`EventSource`], so tests drive the very same loop with a `TestBackend`
//! and a script of keys. Effects the app asks for are carried out here,
//! against the store.

use std::collections::VecDeque;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use super::app::{App, Effect, Msg};
use super::emergency::{self, Unsaved};
use super::export;
pub use super::room::link::{RoomLink, RoomOptions};
use super::view;
use crate::i18n::{fill, tui::T};
use crate::store::{Access, Opened, SessionStore, StoreError};

/// What the loop reads next. Every producer — the terminal, the signal
/// thread, and any other that clones [`EventSource::sender`] — sends
/// these into one channel; a new kind of input is a new variant here and
/// its message in [`drive`].
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Event(Event),
    /// Time passed: timers and autosave move on.
    Tick,
    /// SIGTERM, SIGHUP or SIGINT arrived, or the terminal hung up.
    Terminate,
    /// A phone in the room did something.
    Room(crate::domain::room::RoomEvent),
}

pub trait EventSource {
    /// The next input; `None` when the source has nothing more (a test
    /// script ran out), which ends the loop as a quit would.
    fn next(&mut self) -> io::Result<Option<Input>>;

    /// The next input, or a tick by `deadline` at the latest, so an
    /// autosave that falls due happens on time however quiet the input.
    fn next_until(&mut self, deadline: Option<Timestamp>) -> io::Result<Option<Input>> {
        let _ = deadline;
        self.next()
    }

    fn now(&self) -> Timestamp;

    /// Shown the app after every change, so a copy of what is not saved
    /// yet can outlive a save that hangs.
    fn keep(&mut self, app: &App) {
        let _ = app;
    }

    /// Asked to stop (a signal): the inputs still to come are the backlog,
    /// taken in without drawing each.
    fn stopping(&self) -> bool {
        false
    }

    /// A way in for another producer of input (a thread of its own, say
    /// the room's server): what it sends arrives like a key press.
    fn sender(&self) -> Option<Sender<Input>> {
        None
    }
}

pub use super::terminal_events::TerminalEvents;

/// A scripted run for tests: inputs in order, on a clock that advances a
/// tenth of a second per input and as much as a `wait` says. Like the
/// terminal, it ticks at a deadline that falls before the next input.
/// What arrives through its [`EventSource::sender`] comes before the next
/// scripted input, taking no script time.
pub struct Scripted {
    queue: VecDeque<(Input, SignedDuration)>,
    now: Timestamp,
    sender: Sender<Input>,
    inbox: Receiver<Input>,
}

impl Scripted {
    pub fn new(start: Timestamp) -> Scripted {
        let (sender, inbox) = mpsc::channel();
        Scripted {
            queue: VecDeque::new(),
            now: start,
            sender,
            inbox,
        }
    }

    fn push(mut self, input: Input) -> Self {
        self.queue
            .push_back((input, SignedDuration::from_millis(100)));
        self
    }

    pub fn key(self, code: KeyCode) -> Self {
        self.push(Input::Event(Event::Key(KeyEvent::new(
            code,
            KeyModifiers::NONE,
        ))))
    }

    pub fn ctrl(self, c: char) -> Self {
        self.push(Input::Event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        ))))
    }

    /// Each character typed as its own key press.
    pub fn text(self, s: &str) -> Self {
        s.chars().fold(self, |acc, c| acc.key(KeyCode::Char(c)))
    }

    pub fn paste(self, s: &str) -> Self {
        self.push(Input::Event(Event::Paste(s.to_string())))
    }

    pub fn mouse(self, ev: MouseEvent) -> Self {
        self.push(Input::Event(Event::Mouse(ev)))
    }

    pub fn input(self, input: Input) -> Self {
        self.push(input)
    }

    /// Something a phone in the room did, as the room would report it.
    pub fn room(self, ev: crate::domain::room::RoomEvent) -> Self {
        self.push(Input::Room(ev))
    }

    /// Lets `secs` seconds pass, then one tick.
    pub fn wait(mut self, secs: i64) -> Self {
        self.queue
            .push_back((Input::Tick, SignedDuration::from_secs(secs)));
        self
    }
}

impl EventSource for Scripted {
    fn next(&mut self) -> io::Result<Option<Input>> {
        if let Ok(input) = self.inbox.try_recv() {
            return Ok(Some(input));
        }
        Ok(self.queue.pop_front().map(|(input, step)| {
            self.now = self.now.saturating_add(step).unwrap_or(self.now);
            input
        }))
    }

    fn next_until(&mut self, deadline: Option<Timestamp>) -> io::Result<Option<Input>> {
        if let Ok(input) = self.inbox.try_recv() {
            return Ok(Some(input));
        }
        let now = self.now;
        if let (Some(deadline), Some((_, step))) = (deadline, self.queue.front_mut()) {
            let at = now.saturating_add(*step).unwrap_or(now);
            if deadline > now && deadline < at {
                // The wait before the next input is split at the deadline.
                *step = at.duration_since(deadline);
                self.now = deadline;
                return Ok(Some(Input::Tick));
            }
        }
        self.next()
    }

    fn now(&self) -> Timestamp {
        self.now
    }

    fn sender(&self) -> Option<Sender<Input>> {
        Some(self.sender.clone())
    }
}

/// Where the app's effects land.
pub struct Runtime<'a> {
    pub store: &'a mut dyn SessionStore,
    /// Exports are written here.
    pub export_dir: PathBuf,
    /// The room server, while the facilitator has it open.
    pub room: RoomLink,
}

/// Runs the app until it quits or the events run out. The session is
/// saved and closed on the way out.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rt: &mut Runtime,
    events: &mut dyn EventSource,
) -> io::Result<()> {
    // A room opened from here sends what phones do into the same channel
    // as the keys.
    rt.room.feed(events.sender());
    super::session_clock::resume(app, events.now());
    // What phones sent before the loop started.
    for ev in rt.room.drain() {
        let now = events.now();
        let effects = app.update(Msg::Room(ev), now);
        apply(app, rt, effects, now);
    }
    let result = drive(terminal, app, rt, events);
    // This source's channel goes with it; a room still open keeps what
    // phones send for the next run to take in.
    rt.room.feed(None);
    if app.quitting || result.is_err() {
        events.keep(app);
        finish(app, rt, events.now());
        events.keep(app);
    } else {
        // The events ran out (a test script): save everything the app holds,
        // the running timer included, and keep the session open.
        let now = events.now();
        super::session_clock::tick_discussion(app, now);
        super::session_clock::tick(app, now);
        if app.open.as_ref().is_some_and(|o| o.read_only.is_none()) {
            app.save.dirty_since.get_or_insert(now);
        }
        let flush = app.flush();
        apply(app, rt, flush, now);
    }
    result
}

fn drive<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rt: &mut Runtime,
    events: &mut dyn EventSource,
) -> io::Result<()> {
    // Drawing is a pure function of the app; an idle tick that changed
    // nothing on screen is not drawn again, so an idle app costs nothing.
    let mut stale = true;
    // The saved sessions are read after the first frame, so that a year of
    // them never holds the screen up. Nothing is read from the input in
    // between: keys pressed meanwhile wait there and act on the list.
    let mut listed = false;
    loop {
        // Leaving draws nothing more: the terminal may be gone already.
        if app.quitting {
            return Ok(());
        }
        if stale && !events.stopping() {
            draw(terminal, app)?;
        }
        if !listed {
            listed = true;
            apply(app, rt, vec![Effect::Refresh], events.now());
            stale = true;
            continue;
        }
        let Some(input) = events.next_until(app.autosave_at())? else {
            return Ok(());
        };
        stale = handle(app, rt, events, input);
    }
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()> {
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    app.size = (size.width, size.height);
    let mut hits = Vec::new();
    terminal
        .draw(|f| hits = view::draw(f, app))
        .map_err(|e| io::Error::other(e.to_string()))?;
    app.hits = hits;
    Ok(())
}

/// One input through the app and its effects, then the phones' events
/// that came meanwhile. True when the screen must be drawn again.
fn handle(app: &mut App, rt: &mut Runtime, events: &mut dyn EventSource, input: Input) -> bool {
    let before = (input == Input::Tick).then(|| changes_with_time(app));
    let msg = match input {
        Input::Tick => Msg::Tick,
        Input::Terminate => Msg::Terminate,
        Input::Event(Event::Key(k)) => Msg::Key(k),
        Input::Event(Event::Mouse(m)) => Msg::Mouse(m),
        Input::Event(Event::Paste(s)) => Msg::Paste(s),
        Input::Event(Event::Resize(w, h)) => Msg::Resize(w, h),
        Input::Event(_) => Msg::Tick,
        Input::Room(ev) => Msg::Room(ev),
    };
    let now = events.now();
    let effects = app.update(msg, now);
    let quiet = before.is_some() && effects.is_empty();
    // What a hanging save would lose, kept before the save starts.
    events.keep(app);
    apply(app, rt, effects, now);
    events.keep(app);
    // Phones' events come in as inputs through the source's channel;
    // a source without one has them handed over here.
    let mut handed_over = false;
    for ev in rt.room.drain() {
        handed_over = true;
        let effects = app.update(Msg::Room(ev), now);
        events.keep(app);
        apply(app, rt, effects, now);
        events.keep(app);
    }
    handed_over || !quiet || before != Some(changes_with_time(app))
}

/// What a tick can change on screen: the discuss timer's count, the
/// console's clock (session and card, to the second) and the save state.
/// Everything else changes only with an input, which always draws; a new
/// kind of time-driven display belongs here.
fn changes_with_time(app: &App) -> (Option<u32>, Option<(u32, u32)>, super::app::SaveState) {
    let open = app.open.as_ref().map(super::app::OpenSession::look);
    let current = open.as_ref().and_then(super::screens::card::current);
    let seconds = current.map(|(p, _)| p.seconds_spent);
    let console = matches!(app.screen, super::screens::Screen::Card) && app.console();
    let clock = app.open.as_ref().filter(|_| console).map(|o| {
        (
            o.session.seconds_elapsed,
            current.map_or(0, |(p, _)| p.seconds_on_card),
        )
    });
    (seconds, clock, app.save.clone())
}

/// How a guarded run ended.
#[derive(Debug)]
pub enum Ended {
    Normally,
    /// The app quit, but the session could not be saved to its file.
    Unsaved(Unsaved),
    Failed(io::Error),
    /// Something panicked; the panic hook has reported it.
    Panicked,
}

/// [`run`], and if anything in it panics, the session is still saved and
/// let go before the caller hears of it.
pub fn run_guarded<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rt: &mut Runtime,
    events: &mut dyn EventSource,
) -> Ended {
    let result = catch_unwind(AssertUnwindSafe(|| run(terminal, app, rt, events)));
    match result {
        Ok(Ok(())) => match app.unsaved.clone() {
            Some(unsaved) => Ended::Unsaved(unsaved),
            None => Ended::Normally,
        },
        // `run` saved already.
        Ok(Err(e)) => Ended::Failed(e),
        Err(_) => {
            finish(app, rt, events.now());
            Ended::Panicked
        }
    }
}

/// The last save and letting go of the session, however the loop ended.
/// When that save fails, the session goes to an emergency copy instead
/// and `app.unsaved` says so.
pub fn finish(app: &mut App, rt: &mut Runtime, now: Timestamp) {
    // Phones hear the room is closed before the session is let go.
    rt.room.close();
    app.room_closed();
    super::session_clock::stop(app, now);
    if let Some(open) = app.open.as_mut() {
        let timing = open.view.discuss.timer_since.is_some();
        super::screens::card::timer::tick(&open.view.discuss, &mut open.session, now);
        super::screens::card::timer::stop(&mut open.view.discuss);
        if open.read_only.is_none() {
            if timing {
                app.save.dirty_since.get_or_insert(now);
            }
            // Saved already on the way out (a quit saves first): one save
            // is enough, and a second would only be one more to wait for.
            let unsaved = app.save.dirty_since.is_some() || app.save.failing.is_some();
            if unsaved && let Some(open) = app.open.as_ref() {
                let result = rt.store.save(&open.session);
                app.saved(result, now);
            }
            if let (Some(reason), Some(open)) = (app.save.failing.clone(), app.open.as_ref()) {
                let copy = emergency::write_copy(&open.session, now);
                app.unsaved = Some(Unsaved { reason, copy });
            }
            let id = open_id(app);
            rt.store.close(&id);
        }
    }
}

fn open_id(app: &App) -> String {
    app.open
        .as_ref()
        .map_or(String::new(), |o| o.session.id.clone())
}

/// Carries out effects in order.
pub fn apply(app: &mut App, rt: &mut Runtime, effects: Vec<Effect>, now: Timestamp) {
    for effect in effects {
        match effect {
            Effect::Save => save(app, rt, now),
            Effect::Create(session) => create(app, rt, *session, now),
            Effect::Open { key, read_only } => {
                if let Err(e) = open(app, rt, &key, read_only, now) {
                    app.opened(Err(e), now);
                }
            }
            Effect::RestoreBackup(id) => {
                let result = rt.store.restore_backup(&id);
                app.opened(result, now);
                app.listed(rt.store.list());
            }
            Effect::Refresh => app.listed(rt.store.list()),
            Effect::Export(kind) => {
                let result = export::write(app, kind, &rt.export_dir);
                app.exported(result);
            }
            Effect::Close(id) => close(app, rt, &id),
            Effect::Quit => app.quitting = true,
            Effect::OpenRoom { bind } => {
                // A failure is the app's notice already.
                let _ = open_room(app, rt, bind);
            }
            Effect::CloseRoom => {
                rt.room.close();
                app.room_closed();
            }
            Effect::FreeSlot(participant) => rt.room.free(&participant),
            // Carried out by the app as the screen returns it.
            Effect::Go(_) | Effect::App(_) => {}
        }
    }
    note_file(app, rt);
    sync_room(app, rt);
}

fn save(app: &mut App, rt: &mut Runtime, now: Timestamp) {
    if let Some(open) = &app.open
        && open.read_only.is_none()
    {
        let result = rt.store.save(&open.session);
        app.saved(result, now);
    }
}

/// Stores a new session under a fresh id and opens it.
fn create(app: &mut App, rt: &mut Runtime, mut session: crate::domain::Session, now: Timestamp) {
    let created = rt.store.fresh_id(&session.title, now).and_then(|id| {
        session.id = id;
        rt.store.create(&session)
    });
    let opened = created.map(|()| Opened {
        session,
        access: Access::ReadWrite,
    });
    app.opened(opened, now);
}

/// Lets go of a session, unless that would lose what its file does not
/// hold yet.
fn close(app: &mut App, rt: &mut Runtime, id: &str) {
    let is_open = app.open.as_ref().is_some_and(|o| o.session.id == id);
    if is_open && app.save.failing.is_some() {
        app.close_refused();
    } else {
        rt.store.close(id);
        app.closed(id);
        app.listed(rt.store.list());
    }
}

/// Opens the room for the open session, or moves it to `bind`; the app
/// says how it went, and a failure's kind comes back for the caller.
pub fn open_room(
    app: &mut App,
    rt: &mut Runtime,
    bind: Option<std::net::IpAddr>,
) -> Result<(), io::ErrorKind> {
    let allow_extra = app.room.as_ref().is_some_and(|r| r.allow_extra);
    let Some(state) = super::room::state_with(app, allow_extra) else {
        return Ok(());
    };
    let members = app
        .open
        .as_ref()
        .map(|o| o.session.room_members.clone())
        .unwrap_or_default();
    let result = rt.room.open(bind, state, members);
    let kind = result.as_ref().err().map(io::Error::kind);
    let result = result.map_err(|e| super::room::why_not_open(&e, &rt.room.options, app.lang));
    app.room_opened(result, crate::room::interfaces());
    kind.map_or(Ok(()), Err)
}

/// After every change: phones see the new state, the app the new count.
/// Without an open session the room has nothing to show and closes.
fn sync_room(app: &mut App, rt: &mut Runtime) {
    if !rt.room.is_open() {
        return;
    }
    if app.open.is_none() || app.room.is_none() {
        rt.room.close();
        app.room_closed();
        return;
    }
    rt.room.publish(super::room::state(app));
    rt.room.publish_screen(super::room::screen(app));
    if let (Some(info), Some(room)) = (rt.room.info(), app.room.as_mut()) {
        room.info = info;
    }
}

/// Remembers where the open session is stored, once it is open.
fn note_file(app: &mut App, rt: &Runtime) {
    if let Some(open) = app.open.as_mut()
        && open.file.is_none()
    {
        open.file = rt.store.file_of(&open.session.id);
    }
}

/// Opens a session; one that another process holds, or that sits in a
/// folder this user cannot write (read-only media, someone else's folder),
/// opens read-only. A session that cannot be read at all is the caller's
/// to report.
pub fn open(
    app: &mut App,
    rt: &mut Runtime,
    key: &str,
    read_only: bool,
    now: Timestamp,
) -> Result<(), StoreError> {
    let result = if read_only {
        rt.store.read(key).map(|s| {
            let why = T::ReadOnlyAsked.get(app.lang).into();
            app.opened_read_only(s, why, now);
        })
    } else {
        open_with_fallback(app, rt, key, now)
    };
    note_file(app, rt);
    result
}

fn open_with_fallback(
    app: &mut App,
    rt: &mut Runtime,
    key: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    let lang = app.lang;
    match rt.store.open(key) {
        Err(StoreError::Locked { pid, .. }) => {
            let why = match pid {
                Some(pid) => fill(T::ReadOnlyLockedPid.get(lang), &[("pid", &pid.to_string())]),
                None => T::ReadOnlyLocked.get(lang).to_string(),
            };
            let s = rt.store.read(key)?;
            app.opened_read_only(s, why, now);
            Ok(())
        }
        // Taking the lock failed, yet the file reads: show it, saving nothing.
        Err(StoreError::Io { error, .. }) => match rt.store.read(key) {
            Ok(s) => {
                let why = fill(
                    T::ReadOnlyFolder.get(lang),
                    &[("reason", &error.describe(lang))],
                );
                app.opened_read_only(s, why, now);
                Ok(())
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
        Ok(opened) => {
            app.opened(Ok(opened), now);
            Ok(())
        }
    }
}
