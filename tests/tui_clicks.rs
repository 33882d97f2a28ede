//! A click on a row of a list acts on the row drawn there: a principle, a
//! card of the deck, a row of the owners and next steps.

mod tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::Enter;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_support::*;

fn click(column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

/// The row and column where `text` first shows on the screen.
fn find(screen: &str, text: &str) -> (u16, u16) {
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on the screen:\n{screen}"));
    let col = line[..line.find(text).unwrap()].chars().count();
    (col as u16, row as u16)
}

#[test]
fn a_click_on_a_principle_ticks_or_unticks_the_one_clicked() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("b"));
    let before = screen(&terminal);
    assert!(before.contains("[ ] Discreet"), "{before}");
    assert!(before.contains("[x] Fair"), "{before}");
    let (col, row) = find(&before, "Discreet");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row)),
    );
    let after = screen(&terminal);
    assert!(after.contains("[x] Discreet"), "{after}");
    assert!(after.contains("4 chosen (pick 3–7)"), "{after}");
    let (col, row) = find(&after, "Fair");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row)),
    );
    let after = screen(&terminal);
    assert!(after.contains("3 chosen (pick 3–7)"), "{after}");
    assert!(after.contains("[ ] Fair"), "{after}");
    assert!(after.contains("[x] Discreet"), "{after}");
}

#[test]
fn a_click_on_a_card_of_the_deck_shows_that_card() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::Nl);
    let home = screen(&run(&mut app, &mut store, 80, 24, Scripted::new(t0())));
    let (col, row) = find(&home, "Door de kaarten bladeren");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row)),
    );
    let browse = screen(&terminal);
    assert!(browse.contains("De slager om de hoek ·"), "{browse}");
    let (col, row) = find(&browse, "Pushberichten");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row)),
    );
    let shown = screen(&terminal);
    assert!(
        shown.contains("Pushberichten in het voorbijgaan"),
        "{shown}"
    );
    assert!(!shown.contains("De slager om de hoek ·"), "{shown}");
}

#[test]
fn a_click_on_a_row_of_the_next_steps_opens_that_row_for_editing() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("e").text("f"),
    );
    let list = screen(&terminal);
    let (col, row) = find(&list, "Draft version");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0())
            .mouse(click(col, row))
            .text("v2")
            .key(Enter),
    );
    let after = screen(&terminal);
    assert!(after.contains("Draft version: v2"), "{after}");
}

#[test]
fn a_click_on_a_saved_session_opens_it() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    let home = screen(&run(&mut app, &mut store, 80, 24, Scripted::new(t0())));
    let (col, row) = find(&home, "decided ·");
    // The title's row, above its details; both answer the click.
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row - 1)),
    );
    let opened = screen(&terminal);
    assert!(!opened.contains("Saved sessions"), "{opened}");
    assert!(opened.contains("Card 1 of"), "{opened}");
}

#[test]
fn a_click_on_a_card_of_the_setup_turns_that_card_off() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let setup = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(Enter),
    ));
    assert!(setup.contains("[x]  2."), "{setup}");
    let (col, row) = find(&setup, "[x]  2.");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col, row)),
    );
    let after = screen(&terminal);
    assert!(after.contains("[ ]  2."), "{after}");
    assert!(after.contains("[x]  1."), "{after}");
}

#[test]
fn a_click_on_a_card_of_the_overview_opens_that_card() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let overview = screen(&run(
        &mut app,
        &mut store,
        100,
        30,
        Scripted::new(t0()).text("o"),
    ));
    let (col, row) = find(&overview, "▸ 1");
    let terminal = run(
        &mut app,
        &mut store,
        100,
        30,
        Scripted::new(t0()).mouse(click(col + 4, row + 1)),
    );
    let card = screen(&terminal);
    assert!(card.contains("Card 2 of"), "{card}");
}
