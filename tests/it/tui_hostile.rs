//! The app with files from someone else: sessions whose id points outside
//! the data folder, whose texts carry terminal escapes, and special files
//! where sessions should be.

use crate::tui_support;

use std::path::Path;

use datakompas::domain::Lang;
use datakompas::domain::text::acts_on_terminal;
use datakompas::store::{FileStore, MemoryStore, SessionStore};
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;

const PAYLOAD: &str = "\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}Pq\u{1b}\\\u{9b}31m\u{85}\u{202e}\u{2066}x";

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// `resume FILE` of a mailed session whose id is a traversal or an absolute
/// path, then the export keys: the file is refused before anything runs,
/// and nothing is written anywhere.
#[test]
fn a_mailed_session_with_a_bad_id_is_not_opened_and_exports_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mail = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let exports = data.path().join("exports");
    let traversal = format!(
        "../../../../../../../../../..{}",
        outside.path().join("x").display()
    );
    let absolute = outside.path().join("x").display().to_string();
    for (n, id) in [traversal, absolute].iter().enumerate() {
        let mut session = team_session("team");
        session.id = id.clone();
        let path = mail.path().join(format!("mailed-{n}.json"));
        std::fs::write(&path, serde_json::to_vec_pretty(&session).unwrap()).unwrap();
        let before = std::fs::read(&path).unwrap();
        for read_only in [false, true] {
            let mut store = FileStore::new(Some(data.path())).unwrap();
            let mut app = app(Lang::En);
            let mut rt = Runtime {
                store: &mut store,
                export_dir: exports.clone(),
                room: Default::default(),
            };
            let err = event_loop::open(&mut app, &mut rt, path.to_str().unwrap(), read_only, t0())
                .unwrap_err();
            assert!(
                err.to_string().contains("cannot name a session file"),
                "{err}"
            );
            assert!(app.open.is_none());
            // Whatever is pressed next, there is no session to export.
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            let mut events = Scripted::new(t0()).text("e").text("m").text("h").text("j");
            event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            files_in(mail.path()).len(),
            n + 1,
            "{:?}",
            files_in(mail.path())
        );
    }
    assert!(files_in(outside.path()).is_empty());
    assert!(!exports.exists());
}

/// Should a session with such an id be open anyway (a store that does not
/// check), the export itself refuses to build a path from it.
#[test]
fn the_export_builds_no_path_from_an_unchecked_id() {
    let outside = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    let export_dir = exports.path().join("exports");
    for lang in [Lang::En, Lang::Nl] {
        let id = format!(
            "../../../../../../../..{}",
            outside.path().join("x").display()
        );
        let mut session = team_session(&id);
        session.id = id.clone();
        let mut store = MemoryStore::new().with_session(session);
        let mut app = app(lang);
        let mut rt = Runtime {
            store: &mut store,
            export_dir: export_dir.clone(),
            room: Default::default(),
        };
        event_loop::open(&mut app, &mut rt, &id, false, t0()).unwrap();
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
        let mut events = Scripted::new(t0()).text("e").text("m");
        event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
        let shown = screen(&terminal);
        let expected = match lang {
            Lang::En => "Export failed: the session id",
            Lang::Nl => "Exporteren mislukt: de sessie-id",
        };
        assert!(shown.contains(expected), "{shown}");
        assert!(files_in(outside.path()).is_empty());
        assert!(files_in(&export_dir).is_empty());
    }
}

fn hostile_session(id: &str) -> datakompas::domain::Session {
    let mut s = team_session(id);
    s.title = format!("Title {PAYLOAD}");
    s.participants =
        datakompas::domain::Session::named_participants(&[&format!("Ann{PAYLOAD}"), "Bo"]);
    s.principles
        .push(datakompas::domain::ChosenPrinciple::Custom {
            id: "own-1".into(),
            name: format!("Own {PAYLOAD}"),
            meaning: format!("Meaning {PAYLOAD}"),
        });
    s.cards[0].decision.rationale = format!("Why {PAYLOAD}");
    s
}

fn assert_no_escape_in(terminal: &Terminal<TestBackend>, what: &str) {
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(acts_on_terminal),
            "{what}: a cell holds {:?}\n{}",
            cell.symbol(),
            screen(terminal)
        );
    }
}

/// Session texts with every escape family, on the home screen and through
/// the card loop to the end screen, at several sizes: no cell of the frame
/// holds anything a terminal would act on.
#[test]
fn escapes_in_session_texts_never_reach_a_cell() {
    for (w, h) in [(120, 36), (80, 24), (60, 20)] {
        for lang in [Lang::En, Lang::Nl] {
            let mut store = MemoryStore::new().with_session(hostile_session("team"));
            let mut app = app(lang);
            let terminal = run(&mut app, &mut store, w, h, Scripted::new(t0()));
            assert_no_escape_in(&terminal, "home");
            assert!(screen(&terminal).contains("PWNED"), "{}", screen(&terminal));
            open(&mut app, &mut store, "team");
            for script in [
                Scripted::new(t0()),
                Scripted::new(t0()).key(ratatui::crossterm::event::KeyCode::Right),
                Scripted::new(t0()).text("o"),
                Scripted::new(t0()).text("e"),
                Scripted::new(t0()).key(ratatui::crossterm::event::KeyCode::F(1)),
            ] {
                let terminal = run(&mut app, &mut store, w, h, script);
                assert_no_escape_in(&terminal, &format!("{w}x{h} {lang:?}"));
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn special_files_on_the_home_screen_are_unreadable_and_nothing_hangs() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("sessions");
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = std::ffi::CString::new(dir.join("fifo.json").to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in a folder the test owns.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.json")).unwrap();
    std::fs::create_dir(dir.join("folder.json")).unwrap();
    let huge = std::fs::File::create(dir.join("huge.json")).unwrap();
    huge.set_len(datakompas::regular_file::MAX_FILE_BYTES + 1)
        .unwrap();
    let start = std::time::Instant::now();
    let mut store = FileStore::new(Some(data.path())).unwrap();
    assert_eq!(store.list().unwrap().len(), 4);
    let mut app = app(Lang::En);
    // Down to each, Enter to open it: each is told, none opens.
    let mut script = Scripted::new(t0()).key(ratatui::crossterm::event::KeyCode::Tab);
    for _ in 0..4 {
        script = script
            .key(ratatui::crossterm::event::KeyCode::Enter)
            .key(ratatui::crossterm::event::KeyCode::Down);
    }
    let terminal = run(&mut app, &mut store, 100, 30, script);
    let shown = screen(&terminal);
    for name in ["fifo", "zero", "folder", "huge"] {
        assert!(shown.contains(name), "{shown}");
    }
    assert!(shown.contains("can't be read"), "{shown}");
    assert!(app.open.is_none());
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}
