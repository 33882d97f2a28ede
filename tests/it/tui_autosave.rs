//! Autosave runs on a clock, not on idleness: steady typing is on disk
//! within two seconds of script time, a pause saves after a quiet second,
//! and a burst of typing is one save, not one per key.

use crate::tui_support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use datakompas::domain::{Lang, Session};
use datakompas::store::{MemoryStore, Opened, SessionListing, SessionStore, StoreError};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, EventSource, Input, Runtime, Scripted};
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

/// A memory store that notes when, on the script's clock, each save
/// happened and what the rationale of the first card was then.
struct Recording {
    inner: MemoryStore,
    clock: Rc<Cell<Timestamp>>,
    saves: Rc<RefCell<Vec<(Timestamp, String)>>>,
}

impl SessionStore for Recording {
    fn list(&self) -> Result<Vec<SessionListing>, StoreError> {
        self.inner.list()
    }
    fn fresh_id(&self, title: &str, now: Timestamp) -> Result<String, StoreError> {
        self.inner.fresh_id(title, now)
    }
    fn create(&mut self, session: &Session) -> Result<(), StoreError> {
        self.inner.create(session)
    }
    fn open(&mut self, key: &str) -> Result<Opened, StoreError> {
        self.inner.open(key)
    }
    fn read(&self, key: &str) -> Result<Session, StoreError> {
        self.inner.read(key)
    }
    fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        let rationale = session.cards[0].decision.rationale.clone();
        self.saves.borrow_mut().push((self.clock.get(), rationale));
        self.inner.save(session)
    }
    fn restore_backup(&mut self, key: &str) -> Result<Opened, StoreError> {
        self.inner.restore_backup(key)
    }
    fn close(&mut self, id: &str) {
        self.inner.close(id)
    }
    fn delete(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.delete(key)
    }
}

/// The script, telling the store what time it is.
struct Clocked {
    script: Scripted,
    clock: Rc<Cell<Timestamp>>,
}

impl EventSource for Clocked {
    fn next(&mut self) -> std::io::Result<Option<Input>> {
        self.next_until(None)
    }
    fn next_until(&mut self, deadline: Option<Timestamp>) -> std::io::Result<Option<Input>> {
        let input = self.script.next_until(deadline);
        self.clock.set(self.script.now());
        input
    }
    fn now(&self) -> Timestamp {
        self.script.now()
    }
}

/// Opens a self-assessment on the rationale of its first card, then runs
/// `script` (which starts where the opening keys left the clock) and
/// returns every save of the run.
fn saves_of(typing: impl FnOnce(Scripted) -> Scripted) -> (Vec<(Timestamp, String)>, App) {
    attempts_of(typing, false)
}

/// As [`saves_of`], on a disk that may be full: every attempt is noted.
fn attempts_of(
    typing: impl FnOnce(Scripted) -> Scripted,
    disk_full: bool,
) -> (Vec<(Timestamp, String)>, App) {
    let mut store = MemoryStore::new().with_session(solo_session("solo"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "solo");
    store.fail_saves = disk_full;
    let clock = Rc::new(Cell::new(t0()));
    let saves = Rc::new(RefCell::new(Vec::new()));
    let mut recording = Recording {
        inner: store,
        clock: Rc::clone(&clock),
        saves: Rc::clone(&saves),
    };
    let to_rationale = [Right, Right, Right, Tab, Tab, Tab]
        .into_iter()
        .fold(Scripted::new(t0()), Scripted::key);
    let mut events = Clocked {
        script: typing(to_rationale),
        clock,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut rt = Runtime {
        store: &mut recording,
        export_dir: export_dir(),
        room: Default::default(),
    };
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    // The saves of the typing: moving to the rationale may save the stage.
    let saves = saves
        .borrow()
        .iter()
        .filter(|(at, _)| *at > typing_starts())
        .cloned()
        .collect();
    (saves, app)
}

/// When the opening keys are done: six inputs a tenth of a second apart.
fn typing_starts() -> Timestamp {
    t0() + SignedDuration::from_millis(600)
}

#[test]
fn steady_typing_is_saved_within_two_seconds_of_each_key() {
    // One key every tenth of a second for eight seconds, never a pause.
    let text: String = "we ask first and explain why, every time, to everyone "
        .chars()
        .cycle()
        .take(80)
        .collect();
    let (saves, _) = saves_of(|s| s.text(&text));
    let typed_at = |i: usize| typing_starts() + SignedDuration::from_millis(100 * (i as i64 + 1));
    for (i, _) in text.char_indices() {
        let by = typed_at(i) + SignedDuration::from_secs(2);
        let kept = saves
            .iter()
            .filter(|(at, _)| *at <= by)
            .any(|(_, saved)| saved.chars().count() > i);
        assert!(
            kept,
            "key {i} (typed at {}) was not saved by {by}: {saves:?}",
            typed_at(i)
        );
    }
    // A save now and then, not one per key.
    assert!(saves.len() <= 10, "{} saves for 80 keys", saves.len());
}

#[test]
fn a_pause_saves_after_a_quiet_second() {
    let (saves, _) = saves_of(|s| s.text("ok").wait(30));
    let last_key = typing_starts() + SignedDuration::from_millis(200);
    let first = saves.first().expect("a save");
    assert_eq!(first.1, "ok");
    assert_eq!(
        first.0,
        last_key + SignedDuration::from_secs(1),
        "{saves:?}"
    );
}

#[test]
fn typing_that_stops_before_the_deadline_is_saved_once() {
    // Five keys, then ten quiet seconds: one save a second after the last
    // key (and the one that ends every script, at its end).
    let (saves, _) = saves_of(|s| s.text("fair!").wait(10));
    let end = typing_starts() + SignedDuration::from_millis(500) + SignedDuration::from_secs(10);
    let before_end: Vec<_> = saves.iter().filter(|(at, _)| *at < end).collect();
    assert_eq!(before_end.len(), 1, "{saves:?}");
    assert_eq!(before_end[0].1, "fair!");
}

#[test]
fn a_signal_while_typing_saves_once_and_leaves() {
    let (saves, app) = saves_of(|s| s.text("no").input(Input::Terminate));
    assert!(app.quitting);
    assert_eq!(saves.len(), 1, "{saves:?}");
    assert_eq!(saves[0].1, "no");
}

#[test]
fn any_number_of_signals_save_once() {
    let (saves, app) = saves_of(|s| {
        s.text("yes")
            .input(Input::Terminate)
            .input(Input::Terminate)
            .input(Input::Terminate)
    });
    assert!(app.quitting);
    assert_eq!(saves.len(), 1, "{saves:?}");
    assert_eq!(saves[0].1, "yes");
}

#[test]
fn a_failing_save_is_retried_every_two_seconds_of_quiet() {
    let (attempts, app) = attempts_of(|s| s.text("kept").wait(9), true);
    let times: Vec<Timestamp> = attempts.iter().map(|(at, _)| *at).collect();
    // Saves fail from the first screen change on, so the typing is tried
    // within two seconds, then every two seconds, each on time although
    // nothing else happens.
    let first_key = typing_starts() + SignedDuration::from_millis(100);
    assert!(
        times[0] <= first_key + SignedDuration::from_secs(2),
        "{times:?}"
    );
    for pair in times.windows(2).take(3) {
        assert_eq!(
            pair[1].duration_since(pair[0]),
            SignedDuration::from_secs(2),
            "{times:?}"
        );
    }
    assert!(
        attempts.iter().all(|(_, text)| text == "kept"),
        "{attempts:?}"
    );
    assert!(app.save.failing.is_some());
}
