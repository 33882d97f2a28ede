//! The home screen is drawn before the saved sessions are read, and the
//! list follows in the next frame; keys pressed in between act on the
//! list, not on the screen without it.

use crate::backend_support::Noting;
use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::{Down, Enter, Tab};
use tui_support::*;

/// Two saved sessions, the newer one listed first.
fn store() -> MemoryStore {
    let mut older = team_session("older");
    older.title = "Older workshop".into();
    let mut newer = team_session("newer");
    newer.title = "Newer workshop".into();
    newer.touch(t0() + jiff::SignedDuration::from_secs(3600));
    MemoryStore::new().with_session(older).with_session(newer)
}

/// Every frame of a start on the home screen with `script`.
fn frames(lang: Lang, store: &mut MemoryStore, script: Scripted) -> (Vec<String>, String) {
    let mut app = app(lang);
    let backend = Noting::new(TestBackend::new(100, 30), Vec::new(), |b, shown| {
        shown.push(text(b.buffer()))
    });
    let mut terminal = Terminal::new(backend).unwrap();
    let mut rt = Runtime {
        store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    let mut events = script;
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    let opened = app.open.map(|o| o.session.id).unwrap_or_default();
    (terminal.backend().noted.clone(), opened)
}

#[test]
fn the_first_frame_comes_before_the_list_and_the_next_one_shows_it() {
    for (lang, panel, none_yet) in [
        (Lang::En, "Saved sessions", "No saved sessions yet"),
        (Lang::Nl, "Bewaarde sessies", "Nog geen bewaarde sessies"),
    ] {
        let (shown, _) = frames(lang, &mut store(), Scripted::new(t0()));
        assert_eq!(shown.len(), 2, "{shown:#?}");
        let (first, second) = (&shown[0], &shown[1]);
        assert!(first.contains(panel), "{first}");
        // Not yet read is not "none": the panel stays blank for that frame.
        assert!(!first.contains("Newer workshop"), "{first}");
        assert!(!first.contains(none_yet), "{first}");
        assert!(second.contains("Newer workshop"), "{second}");
        assert!(second.contains("Older workshop"), "{second}");
        // With nothing saved, the second frame says so.
        let (shown, _) = frames(lang, &mut MemoryStore::new(), Scripted::new(t0()));
        assert!(!shown[0].contains(none_yet), "{}", shown[0]);
        assert!(shown[1].contains(none_yet), "{}", shown[1]);
    }
}

#[test]
fn keys_pressed_before_the_list_is_read_act_on_the_list() {
    // Tab to the sessions, down to the second, open it: typed at once,
    // before any list could have been drawn.
    let script = keys(Scripted::new(t0()), &[Tab, Down, Enter]);
    let (_, opened) = frames(Lang::En, &mut store(), script);
    assert_eq!(opened, "older");
}
