//! The app never throws work away: a save that fails keeps the session
//! open, and leaving anyway writes an emergency copy and says where.

mod tui_support;

use datakompas::domain::{Lang, Session};
use datakompas::store::MemoryStore;
use datakompas::tui::emergency::{self, Unsaved};
use datakompas::tui::event_loop::{self, Ended, Input, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

/// Runs the guarded loop, as the real app does, over a test terminal.
fn run_guarded(
    app: &mut datakompas::tui::app::App,
    store: &mut MemoryStore,
    script: Scripted,
) -> (Ended, Terminal<TestBackend>) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut rt = Runtime {
        store,
        export_dir: std::env::temp_dir().join("datakompas-tui-tests"),
    };
    let mut events = script;
    let ended = event_loop::run_guarded(&mut terminal, app, &mut rt, &mut events);
    (ended, terminal)
}

/// The emergency copy a run reported: read back, checked private, removed.
fn take_copy(unsaved: &Unsaved) -> Session {
    use std::os::unix::fs::PermissionsExt;
    let path = unsaved
        .copy
        .as_ref()
        .expect("an emergency copy was written");
    assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
    let mode = std::fs::metadata(path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the copy is private");
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::remove_file(path).unwrap();
    serde_json::from_str(&text).expect("the copy is a session file")
}

fn failing_store() -> MemoryStore {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    store.fail_saves = true;
    store
}

#[test]
fn ctrl_c_while_saves_fail_writes_an_emergency_copy_and_reports_it() {
    let mut store = failing_store();
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0()).key(Right).text("4").wait(3).ctrl('c');
    let (ended, _) = run_guarded(&mut app, &mut store, script);
    let Ended::Unsaved(unsaved) = ended else {
        panic!("the failure is reported: {ended:?}");
    };
    assert_eq!(unsaved.reason, "No space left on device");
    let message = emergency::describe(&unsaved, Lang::En);
    let copy = take_copy(&unsaved);
    assert_eq!(copy.id, "team");
    assert_eq!(copy.cards[0].votes.get("p1"), Some(&4), "the vote is kept");
    assert!(message.contains("could not be saved"), "{message}");
    assert!(
        message.contains(&unsaved.copy.unwrap().display().to_string()),
        "{message}"
    );
    // The stored file was never touched by the failing saves.
    assert_eq!(store.stored("team").unwrap().cards[0].votes.get("p1"), None);
}

#[test]
fn a_terminate_signal_while_saves_fail_writes_an_emergency_copy_too() {
    let mut store = failing_store();
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0())
        .key(Right)
        .text("2")
        .input(Input::Terminate);
    let (ended, _) = run_guarded(&mut app, &mut store, script);
    let Ended::Unsaved(unsaved) = ended else {
        panic!("the failure is reported: {ended:?}");
    };
    let message = emergency::describe(&unsaved, Lang::Nl);
    assert!(message.contains("noodkopie"), "said in Dutch: {message}");
    assert_eq!(take_copy(&unsaved).cards[0].votes.get("p1"), Some(&2));
}

#[test]
fn closing_a_session_whose_save_failed_keeps_it_open_and_says_why() {
    let mut store = failing_store();
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0()).key(Right).text("4").key(Char('q'));
    let terminal = run(&mut app, &mut store, 80, 24, script);
    let text = screen(&terminal);
    assert!(app.open.is_some(), "the session stays open:\n{text}");
    assert!(store.is_open("team"), "its lock is kept");
    assert!(!app.quitting);
    assert!(
        text.contains("Not saved: No space left on device"),
        "{text}"
    );
    assert!(text.contains("again to quit anyway"), "{text}");
    assert_eq!(
        app.open.as_ref().unwrap().session.cards[0].votes.get("p1"),
        Some(&4)
    );

    // The disk has room again: the retry saves, and now `q` leaves.
    store.fail_saves = false;
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).wait(3));
    assert!(
        !screen(&terminal).contains("Not saved"),
        "{}",
        screen(&terminal)
    );
    assert_eq!(
        store.stored("team").unwrap().cards[0].votes.get("p1"),
        Some(&4)
    );
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(Char('q')),
    );
    assert!(app.open.is_none(), "the session was closed");
    assert!(!store.is_open("team"));
}

#[test]
fn another_key_after_the_warning_stays_and_q_warns_again() {
    let mut store = failing_store();
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0())
        .key(Right)
        .text("4")
        .key(Char('q'))
        .key(Left)
        .key(Char('q'));
    let terminal = run(&mut app, &mut store, 80, 24, script);
    assert!(app.open.is_some() && !app.quitting);
    assert!(screen(&terminal).contains("again to quit anyway"));
}

#[test]
fn pressing_q_again_after_the_warning_quits_with_an_emergency_copy() {
    let mut store = failing_store();
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0())
        .key(Right)
        .text("5")
        .key(Char('q'))
        .key(Char('q'));
    let (ended, _) = run_guarded(&mut app, &mut store, script);
    let Ended::Unsaved(unsaved) = ended else {
        panic!("the failure is reported: {ended:?}");
    };
    assert!(app.quitting);
    assert_eq!(take_copy(&unsaved).cards[0].votes.get("p1"), Some(&5));
}

#[test]
fn the_warning_is_said_in_dutch_too() {
    let mut store = failing_store();
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0()).key(Right).text("4").key(Char('q'));
    let terminal = run(&mut app, &mut store, 80, 24, script);
    let text = screen(&terminal);
    assert!(text.contains("Niet bewaard"), "{text}");
    let notice = app.notice.as_deref().unwrap_or_default();
    assert!(notice.contains("Druk nog een keer op q"), "{notice}");
}

#[test]
fn a_save_that_works_closes_and_quits_with_nothing_left_behind() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0())
        .key(Right)
        .text("4")
        .key(Char('q'))
        .ctrl('c');
    let (ended, _) = run_guarded(&mut app, &mut store, script);
    assert!(matches!(ended, Ended::Normally), "{ended:?}");
    assert!(app.unsaved.is_none());
    assert_eq!(
        store.stored("team").unwrap().cards[0].votes.get("p1"),
        Some(&4)
    );
    assert!(!store.is_open("team"));
}
