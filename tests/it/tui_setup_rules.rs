//! The setup screen keeps the same rules as `datakompas new`: no name
//! twice, at most 30 voters.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::domain::setup::MAX_VOTERS;
use datakompas::store::{MemoryStore, SessionStore};
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

/// The names of the voters in the session the app created.
fn voters(store: &MemoryStore) -> Vec<String> {
    created(store)
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn a_name_already_on_the_list_is_refused_calmly() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let s = keys(Scripted::new(t0()), &[Enter, Tab])
        .text("Ann")
        .key(Enter)
        .text("ann ")
        .key(Enter);
    let terminal = run(&mut app, &mut store, 100, 30, s);
    let shown = screen(&terminal);
    assert!(
        shown.contains("ann is already on the list; give everyone their own name."),
        "{shown}"
    );
    assert!(store.list().unwrap().is_empty());

    // Starting with the same name still typed is refused too; a new one starts.
    let mut app = tui_support::app(Lang::Nl);
    let s = keys(Scripted::new(t0()), &[Enter, Tab])
        .text("Ann")
        .key(Enter)
        .text("ANN");
    let s = keys(s, &[Down, Down, Down, Down, Enter]);
    let terminal = run(&mut app, &mut store, 100, 30, s);
    assert!(screen(&terminal).contains("ANN staat al op de lijst"));
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn the_thirty_first_voter_is_refused() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let names: Vec<String> = (1..=MAX_VOTERS + 1).map(|i| format!("Voter {i}")).collect();
    let s = keys(Scripted::new(t0()), &[Enter, Tab]).paste(&names.join(","));
    let terminal = run(&mut app, &mut store, 100, 30, s);
    let shown = screen(&terminal);
    assert!(
        shown.contains("That's the lot: a session has at most 30 voters."),
        "{shown}"
    );
    // The thirty that fit are kept and the session starts with them.
    let s = keys(Scripted::new(t0()), &[Enter, Char('+'), Enter]);
    run(&mut app, &mut store, 100, 30, s);
    let voters = voters(&store);
    assert_eq!(voters.len(), MAX_VOTERS);
    assert_eq!(voters.last().unwrap(), "Voter 30");
}

#[test]
fn anonymous_voters_stop_at_thirty() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    // Team setup, focus on the number of anonymous voters, then far too many.
    let mut s = keys(Scripted::new(t0()), &[Enter, Tab, Tab]);
    for _ in 0..40 {
        s = s.key(Up);
    }
    let s = keys(s, &[Char('+'), Enter]);
    run(&mut app, &mut store, 100, 30, s);
    assert_eq!(voters(&store).len(), MAX_VOTERS);
}
