//! The loop reads one channel that any thread can feed: what another
//! producer sends (the room's votes, later) arrives like a key press.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::{EventSource, Input, Scripted};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::*;

fn key(code: KeyCode) -> Input {
    Input::Event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

#[test]
fn input_from_another_thread_arrives_like_a_key() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let script = Scripted::new(t0());
    let sender = script.sender().expect("a scripted run takes other input");
    std::thread::spawn(move || {
        for input in [key(KeyCode::Right), key(KeyCode::Char('4'))] {
            sender.send(input).unwrap();
        }
    })
    .join()
    .unwrap();
    run(&mut app, &mut store, 80, 24, script);
    assert_eq!(
        store.stored("team").unwrap().cards[0].votes.get("p1"),
        Some(&4)
    );
}
