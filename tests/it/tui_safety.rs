//! The app never throws work away: a save that fails keeps the session
//! open, and leaving anyway writes an emergency copy and says where.

use crate::store_support;
use crate::tui_support;

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
        export_dir: export_dir(),
        room: Default::default(),
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

/// The team session open in the app, on a store whose saves all fail.
fn opened_while_saves_fail(lang: Lang) -> (datakompas::tui::app::App, MemoryStore) {
    let mut store = failing_store();
    let mut app = app(lang);
    open(&mut app, &mut store, "team");
    (app, store)
}

#[test]
fn ctrl_c_while_saves_fail_writes_an_emergency_copy_and_reports_it() {
    let (mut app, mut store) = opened_while_saves_fail(Lang::En);
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
    let (mut app, mut store) = opened_while_saves_fail(Lang::Nl);
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
    let (mut app, mut store) = opened_while_saves_fail(Lang::En);
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
    let (mut app, mut store) = opened_while_saves_fail(Lang::En);
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
    let (mut app, mut store) = opened_while_saves_fail(Lang::Nl);
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
    let (mut app, mut store) = opened_while_saves_fail(Lang::Nl);
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

fn checked_session() -> Session {
    use datakompas::domain::PrincipleCheck;
    let mut s = team_session("team");
    let d = &mut s.cards[0].decision;
    d.option = Some("no".into());
    d.principles.insert("fair".into(), PrincipleCheck::Upholds);
    d.principles
        .insert("personal".into(), PrincipleCheck::Tension);
    s
}

#[test]
fn unticking_a_principle_keeps_what_cards_said_and_ticking_it_again_brings_it_back() {
    use datakompas::domain::PrincipleCheck;
    let mut store = MemoryStore::new().with_session(checked_session());
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // b: the principles; "fair" is the third row. Untick it; the autosave follows.
    let s = Scripted::new(t0())
        .key(Char('b'))
        .key(Down)
        .key(Down)
        .key(Char(' '));
    run(&mut app, &mut store, 80, 24, s.wait(3));
    let stored = store.stored("team").unwrap();
    assert!(!stored.has_principle("fair"), "fair was unticked");
    assert_eq!(
        stored.cards[0].decision.principles.get("fair"),
        Some(&PrincipleCheck::Upholds),
        "the card's check is kept"
    );
    // What is shown and exported leaves the dropped principle out.
    let lang = Lang::En;
    let input = datakompas::export::ExportInput {
        session: stored,
        deck: &deck(),
        framework: &framework(),
        library: &library(),
        lang,
    };
    let parts = datakompas::export::Parts::Both;
    let md = datakompas::export::markdown(&input, parts);
    let html = datakompas::export::html(&input, parts);
    let json = datakompas::export::json(&input, parts);
    assert!(md.contains("Personal") && !md.contains("Fair"), "{md}");
    assert!(html.contains("Personal") && !html.contains("Fair"));
    assert!(!json.contains("\"fair\""), "{json}");
    let draft = datakompas::domain::policy::draft(stored, &deck(), &framework(), &library(), lang);
    assert!(!format!("{draft:?}").contains("\"fair\""), "{draft:?}");

    // Ticking it again restores the check.
    let s = Scripted::new(t0()).key(Char(' ')).key(Enter).wait(3);
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    assert!(stored.has_principle("fair"));
    assert_eq!(
        stored.cards[0].decision.principles.get("fair"),
        Some(&PrincipleCheck::Upholds)
    );
}

#[test]
fn a_custom_principle_is_only_dropped_when_asked_twice() {
    use datakompas::domain::ChosenPrinciple;
    let mut session = team_session("team");
    session.principles.push(ChosenPrinciple::Custom {
        id: "own-neighbourly".into(),
        name: "Neighbourly".into(),
        meaning: "Like a good neighbour.".into(),
    });
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // The custom row comes after the five library principles.
    let mut s = Scripted::new(t0()).key(Char('b'));
    for _ in 0..5 {
        s = s.key(Down);
    }
    let terminal = run(&mut app, &mut store, 80, 24, s.key(Char(' ')).wait(3));
    let text = screen(&terminal);
    assert!(
        text.contains("Remove your principle “Neighbourly”?"),
        "{text}"
    );
    assert!(
        store
            .stored("team")
            .unwrap()
            .has_principle("own-neighbourly")
    );
    // Another key first: the question lapses.
    let s = Scripted::new(t0()).key(Up).key(Down).key(Char('x')).wait(3);
    run(&mut app, &mut store, 80, 24, s);
    assert!(
        store
            .stored("team")
            .unwrap()
            .has_principle("own-neighbourly")
    );
    // Asked again right away: gone.
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(Char('x')).wait(3),
    );
    assert!(
        !store
            .stored("team")
            .unwrap()
            .has_principle("own-neighbourly")
    );
}

#[test]
fn a_hand_edited_time_near_the_limit_and_a_zero_minute_box_do_not_break_the_timer() {
    let mut session = team_session("team");
    session.cards[0].seconds_spent = u32::MAX - 5;
    session.minutes_per_card = 0;
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // Into the discussion, where the timer runs, for a good while.
    let s = Scripted::new(t0()).key(Right).key(Right).wait(700);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    let spent = app.open.as_ref().unwrap().session.cards[0].seconds_spent;
    assert_eq!(spent, u32::MAX, "the count stops at its largest value");
    // The words follow the bar's one-minute box.
    assert!(text.contains(" over"), "{text}");
    assert_eq!(
        datakompas::tui::screens::card::discuss::timer_text(30, 0, true, Lang::En),
        datakompas::tui::screens::card::discuss::timer_text(30, 1, true, Lang::En),
    );
}

/// A store on read-only media: sessions read fine, taking the lock fails.
struct ReadOnlyMedia(MemoryStore);

impl datakompas::store::SessionStore for ReadOnlyMedia {
    fn list(
        &self,
    ) -> Result<Vec<datakompas::store::SessionListing>, datakompas::store::StoreError> {
        self.0.list()
    }
    fn fresh_id(
        &self,
        title: &str,
        now: jiff::Timestamp,
    ) -> Result<String, datakompas::store::StoreError> {
        self.0.fresh_id(title, now)
    }
    fn create(&mut self, session: &Session) -> Result<(), datakompas::store::StoreError> {
        self.0.create(session)
    }
    fn open(
        &mut self,
        key: &str,
    ) -> Result<datakompas::store::Opened, datakompas::store::StoreError> {
        Err(datakompas::store::StoreError::Io {
            path: format!("/media/usb/{key}.json.lock").into(),
            error: std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem).into(),
        })
    }
    fn read(&self, key: &str) -> Result<Session, datakompas::store::StoreError> {
        self.0.read(key)
    }
    fn save(&mut self, session: &Session) -> Result<(), datakompas::store::StoreError> {
        self.0.save(session)
    }
    fn restore_backup(
        &mut self,
        key: &str,
    ) -> Result<datakompas::store::Opened, datakompas::store::StoreError> {
        self.0.restore_backup(key)
    }
    fn close(&mut self, id: &str) {
        self.0.close(id)
    }
    fn delete(&mut self, key: &str) -> Result<(), datakompas::store::StoreError> {
        self.0.delete(key)
    }
}

#[test]
fn a_session_in_a_folder_that_cannot_be_written_opens_read_only_and_says_why() {
    let mut store = ReadOnlyMedia(MemoryStore::new().with_session(team_session("team")));
    let mut app = app(Lang::En);
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    event_loop::open(&mut app, &mut rt, "team", false, t0()).expect("it opens to be viewed");
    let why = app.open.as_ref().unwrap().read_only.clone();
    assert_eq!(
        why.as_deref(),
        Some("This folder is read-only: changes are not saved (Read-only file system).")
    );
    let terminal = run(
        &mut app,
        &mut store,
        100,
        24,
        Scripted::new(t0()).key(Right),
    );
    let text = screen(&terminal);
    assert!(text.contains("This folder is read-only"), "{text}");
    run(
        &mut app,
        &mut store,
        100,
        24,
        Scripted::new(t0()).text("4").wait(3),
    );
    assert_eq!(
        store.0.stored("team").unwrap().cards[0].votes.get("p1"),
        None
    );

    // A session that cannot even be read is still an error.
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    assert!(event_loop::open(&mut app, &mut rt, "missing", false, t0()).is_err());
}

#[test]
fn a_long_card_title_in_the_overview_fills_its_column_and_ends_in_an_ellipsis() {
    use datakompas::domain::CardProgress;
    let mut session = team_session("team");
    let long = "a-card-this-deck-does-not-know-with-a-very-long-name-indeed-and-more";
    session.cards.push(CardProgress::new(long));
    let mut store = MemoryStore::new().with_session(session);
    for width in [60u16, 80, 100] {
        let mut app = app(Lang::En);
        open(&mut app, &mut store, "team");
        let terminal = run(
            &mut app,
            &mut store,
            width,
            24,
            Scripted::new(t0()).key(Char('o')),
        );
        let text = screen(&terminal);
        let row = text
            .lines()
            .find(|l| l.contains("  4 a-card"))
            .unwrap_or_else(|| panic!("the fourth card is listed:\n{text}"));
        // Cut exactly where the column ends: not by the table, not short of it.
        assert!(row.contains("… not started"), "{width}:\n{text}");
    }
}

#[test]
fn leaving_a_new_session_from_its_principles_while_saves_fail_names_esc() {
    let mut session = team_session("team");
    session.principles.clear();
    let mut store = MemoryStore::new().with_session(session);
    store.fail_saves = true;
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // Tick one principle (a change that cannot be saved), then Esc.
    let s = Scripted::new(t0()).key(Char(' ')).key(Esc);
    run(&mut app, &mut store, 80, 24, s);
    assert!(app.open.is_some() && store.is_open("team"));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("Press Esc again"), "{notice}");
    let (ended, _) = run_guarded(&mut app, &mut store, Scripted::new(t0()).key(Esc));
    let Ended::Unsaved(unsaved) = ended else {
        panic!("the failure is reported: {ended:?}");
    };
    assert_eq!(take_copy(&unsaved).principles.len(), 1);
}

/// In a child process (see below): a save that hangs after a signal is
/// cut short by the watchdog, which writes the emergency copy first, gives
/// the terminal back, says where the copy is and ends the process.
#[test]
fn a_save_that_hangs_is_cut_short_after_the_emergency_copy() {
    use datakompas::tui::signals::Watchdog;
    use std::time::Duration;
    if std::env::var_os("DATAKOMPAS_WATCHDOG_CHILD").is_some() {
        let mut store = MemoryStore::new().with_session(team_session("hung"));
        let mut app = app(Lang::Nl);
        open(&mut app, &mut store, "hung");
        app.open.as_mut().unwrap().session.cards[0]
            .votes
            .insert("p1".into(), 3);
        app.changed(t0());
        let watchdog = Watchdog::new(Lang::En, Duration::from_millis(300));
        watchdog.keep(&app);
        // Signals arm it; more of them change nothing.
        watchdog.arm();
        watchdog.arm();
        // The save hangs here.
        std::thread::sleep(Duration::from_secs(20));
        println!("the hung save was waited for");
        return;
    }
    let test = store_support::test_name(
        module_path!(),
        "a_save_that_hangs_is_cut_short_after_the_emergency_copy",
    );
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &test, "--nocapture", "--test-threads=1"])
        .env("DATAKOMPAS_WATCHDOG_CHILD", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains("was waited for"), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    // The terminal was given back.
    assert!(
        stdout.contains("\x1b[?1049l") && stdout.contains("\x1b[?25h"),
        "{stdout:?}"
    );
    // In the language the app last spoke, with where the copy is.
    let line = stderr
        .lines()
        .find(|l| l.contains("noodkopie"))
        .unwrap_or_else(|| panic!("{stderr}"));
    let path = line.rsplit(' ').next().unwrap();
    let unsaved = Unsaved {
        reason: String::new(),
        copy: Ok(std::path::PathBuf::from(path)),
    };
    let copy = take_copy(&unsaved);
    assert_eq!(copy.id, "hung");
    assert_eq!(copy.cards[0].votes.get("p1"), Some(&3));
}
