//! The main loop, generic over ratatui's `Backend` and fed by an
//! [`EventSource`], so tests drive the very same loop with a `TestBackend`
//! and a script of keys. Effects the app asks for are carried out here,
//! against the store.

use std::collections::VecDeque;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use super::app::{App, Effect, Msg};
use super::emergency::{self, Unsaved};
use super::export;
pub use super::room::link::{RoomLink, RoomOptions};
use super::view;
use crate::i18n::{fill, tui::T};
use crate::store::{Access, Opened, SessionStore, StoreError};

/// What the loop reads next.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Event(Event),
    /// Nothing happened for a while: timers and autosave move on.
    Tick,
    /// SIGTERM, SIGHUP or SIGINT arrived.
    Terminate,
    /// A phone in the room did something.
    Room(crate::domain::room::RoomEvent),
}

pub trait EventSource {
    /// The next input; `None` when the source has nothing more (a test
    /// script ran out), which ends the loop as a quit would.
    fn next(&mut self) -> io::Result<Option<Input>>;
    fn now(&self) -> Timestamp;
}

/// The real terminal's events, with a tick every quarter second.
pub struct TerminalEvents {
    pub terminate: Arc<AtomicBool>,
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        if self.terminate.load(Ordering::Relaxed) {
            return Ok(Some(Input::Terminate));
        }
        // crossterm spins forever reading a terminal that has hung up, so
        // it is only asked for events while the terminal is known to be
        // there, and the waiting happens here, where a hang-up shows.
        if stdin_hung_up(Duration::ZERO) {
            return Ok(Some(Input::Terminate));
        }
        // Keys crossterm has already read come first, without waiting.
        if event::poll(Duration::ZERO)? {
            return Ok(Some(Input::Event(event::read()?)));
        }
        if stdin_hung_up(Duration::from_millis(250)) {
            return Ok(Some(Input::Terminate));
        }
        if event::poll(Duration::ZERO)? {
            Ok(Some(Input::Event(event::read()?)))
        } else {
            Ok(Some(Input::Tick))
        }
    }

    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// Waits up to `timeout` for input on the terminal; true when the terminal
/// is gone (the window closed, the connection dropped).
fn stdin_hung_up(timeout: Duration) -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd for the duration of the call.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// A scripted run for tests: inputs in order, on a clock that advances a
/// tenth of a second per input and as much as a `wait` says.
pub struct Scripted {
    queue: VecDeque<(Input, SignedDuration)>,
    now: Timestamp,
}

impl Scripted {
    pub fn new(start: Timestamp) -> Scripted {
        Scripted {
            queue: VecDeque::new(),
            now: start,
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
        Ok(self.queue.pop_front().map(|(input, step)| {
            self.now = self.now.saturating_add(step).unwrap_or(self.now);
            input
        }))
    }

    fn now(&self) -> Timestamp {
        self.now
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
    apply(app, rt, vec![Effect::Refresh], events.now());
    let result = drive(terminal, app, rt, events);
    if app.quitting || result.is_err() {
        finish(app, rt, events.now());
    } else {
        // The events ran out (a test script): save everything the app holds,
        // the running timer included, and keep the session open.
        let now = events.now();
        super::screens::card::tick_timer(app, now);
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
    loop {
        // Leaving draws nothing more: the terminal may be gone already.
        if app.quitting {
            return Ok(());
        }
        let size = terminal
            .size()
            .map_err(|e| io::Error::other(e.to_string()))?;
        app.size = (size.width, size.height);
        let mut hits = Vec::new();
        terminal
            .draw(|f| hits = view::draw(f, app))
            .map_err(|e| io::Error::other(e.to_string()))?;
        app.hits = hits;
        let Some(input) = events.next()? else {
            return Ok(());
        };
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
        apply(app, rt, effects, now);
        // What phones did meanwhile, through the same update as a key.
        for ev in rt.room.drain() {
            let effects = app.update(Msg::Room(ev), now);
            apply(app, rt, effects, now);
        }
    }
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
    if let Some(open) = app.open.as_mut() {
        super::screens::card::tick_timer_open(open, now);
        super::screens::card::stop_timer(&mut open.view);
        if open.read_only.is_none() {
            let result = rt.store.save(&open.session);
            app.saved(result, now);
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
            Effect::Save => {
                if let Some(open) = &app.open
                    && open.read_only.is_none()
                {
                    let result = rt.store.save(&open.session);
                    app.saved(result, now);
                }
            }
            Effect::Create(mut session) => {
                let created = rt.store.fresh_id(&session.title, now).and_then(|id| {
                    session.id = id;
                    rt.store.create(&session)
                });
                match created {
                    Ok(()) => app.opened(
                        Ok(Opened {
                            session: *session,
                            access: Access::ReadWrite,
                        }),
                        now,
                    ),
                    Err(e) => app.opened(Err(e), now),
                }
            }
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
            Effect::Close(id) => {
                let is_open = app.open.as_ref().is_some_and(|o| o.session.id == id);
                if is_open && app.save.failing.is_some() {
                    // Letting go now would lose what the file does not hold.
                    app.close_refused();
                } else {
                    rt.store.close(&id);
                    app.closed(&id);
                    app.listed(rt.store.list());
                }
            }
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
        }
    }
    note_file(app, rt);
    sync_room(app, rt);
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
    let result = open_with_fallback(app, rt, key, read_only, now);
    note_file(app, rt);
    result
}

fn open_with_fallback(
    app: &mut App,
    rt: &mut Runtime,
    key: &str,
    read_only: bool,
    now: Timestamp,
) -> Result<(), StoreError> {
    let lang = app.lang;
    if read_only {
        let s = rt.store.read(key)?;
        app.opened_read_only(s, T::ReadOnlyAsked.get(lang).into(), now);
        return Ok(());
    }
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
        Err(StoreError::Io { message, .. }) => match rt.store.read(key) {
            Ok(s) => {
                let why = fill(T::ReadOnlyFolder.get(lang), &[("reason", &message)]);
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
