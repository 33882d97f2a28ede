//! Setup offers the deck's ready-made agendas besides picking cards by
//! hand: an agenda sets the cards, their order and the minutes per card.

use crate::tui_support;

use datakompas::domain::{Lang, Session};
use datakompas::store::MemoryStore;
use datakompas::tui::app::App;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

/// Home → new team session, one name, then Tab to the agenda field.
fn to_agenda() -> Scripted {
    let s = keys(Scripted::new(t0()), &[Enter, Tab]).text("Ann");
    keys(s, &[Enter, Tab, Tab, Tab])
}

/// Starts the session as set up: the session the app created, and its
/// cards in order.
fn start(app: &mut App, store: &mut MemoryStore) -> (Session, Vec<String>) {
    run(app, store, 100, 30, Scripted::new(t0()).key(Enter));
    let session = created(store);
    let cards = session.cards.iter().map(|c| c.card.clone()).collect();
    (session, cards)
}

#[test]
fn an_agenda_sets_the_cards_their_order_and_the_minutes() {
    let mut store = MemoryStore::new();
    let mut app = app_with_agendas(Lang::En);
    let s = keys(to_agenda(), &[Right]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(
        text.contains("Agenda:  ◂ 60 minutes: three cards ▸"),
        "{text}"
    );
    assert!(text.contains("Target first, then the butcher"), "{text}");
    assert!(text.contains("Minutes per card:  ◂ 13 ▸"), "{text}");
    assert!(
        text.contains("Cards: 3 chosen, about 39 min; 59 min in all"),
        "{text}"
    );
    let (session, cards) = start(&mut app, &mut store);
    assert_eq!(cards, ["target", "butcher", "walkby"]);
    assert_eq!(session.minutes_per_card, 13);
}

#[test]
fn the_next_agenda_leaves_out_the_cards_it_does_not_play() {
    let mut store = MemoryStore::new();
    let mut app = app_with_agendas(Lang::Nl);
    // Past the last agenda it stays on the last.
    let s = keys(to_agenda(), &[Right, Right, Right]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(text.contains("◂ 30 minuten: de slager ▸"), "{text}");
    assert!(
        text.contains("Kaarten: 1 gekozen, ongeveer 30 min; 50 min in totaal"),
        "{text}"
    );
    assert!(text.contains("[ ]  2. Target"), "{text}");
    let (session, cards) = start(&mut app, &mut store);
    assert_eq!(cards, ["butcher"]);
    assert_eq!(session.minutes_per_card, 30);
}

#[test]
fn picking_cards_by_hand_leaves_the_agenda_and_keeps_the_choice() {
    let mut store = MemoryStore::new();
    let mut app = app_with_agendas(Lang::En);
    // The agenda, then into the cards: the first one off.
    let s = keys(to_agenda(), &[Right, Tab, Char(' ')]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(text.contains("◂ cards picked by hand ▸"), "{text}");
    assert!(text.contains("Cards: 2 chosen"), "{text}");
    let (session, cards) = start(&mut app, &mut store);
    assert_eq!(cards, ["butcher", "walkby"]);
    assert_eq!(session.minutes_per_card, 13);
}

#[test]
fn left_goes_back_to_picking_by_hand() {
    let mut store = MemoryStore::new();
    let mut app = app_with_agendas(Lang::En);
    let s = keys(to_agenda(), &[Right, Left]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(text.contains("◂ cards picked by hand ▸"), "{text}");
    assert!(text.contains("← → for a ready-made agenda"), "{text}");
    assert!(
        text.contains("←→ agenda"),
        "the footer names the keys:\n{text}"
    );
}

#[test]
fn a_self_assessment_and_a_deck_without_agendas_have_no_agenda_field() {
    let mut store = MemoryStore::new();
    let mut app = app_with_agendas(Lang::En);
    let s = keys(Scripted::new(t0()), &[Down, Enter]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(text.contains("Minutes per card"), "{text}");
    assert!(!text.contains("Agenda"), "{text}");
    let mut app = tui_support::app(Lang::En);
    let s = keys(Scripted::new(t0()), &[Enter]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(text.contains("Minutes per card"), "{text}");
    assert!(!text.contains("Agenda"), "{text}");
}

/// The heading's total counts what the console and the exports count: a
/// team session's opening and close, with or without an agenda; a
/// self-assessment plans its cards only.
#[test]
fn the_cards_heading_gives_a_team_sessions_whole_time() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let text = screen(&run(
        &mut app,
        &mut store,
        100,
        30,
        keys(Scripted::new(t0()), &[Enter]),
    ));
    assert!(
        text.contains("Cards: 3 chosen, about 30 min; 50 min in all"),
        "{text}"
    );
    let mut app = app_with_agendas(Lang::Nl);
    let s = keys(Scripted::new(t0()), &[Down, Enter]);
    let text = screen(&run(&mut app, &mut store, 100, 30, s));
    assert!(
        text.contains("Kaarten: 3 gekozen, ongeveer 3 min ─"),
        "{text}"
    );
    assert!(!text.contains("in totaal"), "{text}");
}

/// Where the whole time does not fit the panel's title, the title keeps
/// its cards' time whole rather than showing a total cut off.
#[test]
fn a_narrow_cards_heading_leaves_the_total_out_rather_than_cut_it() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::Nl);
    let s = keys(Scripted::new(t0()), &[Enter]);
    let text = screen(&run(&mut app, &mut store, 60, 20, s));
    let whole = text.contains("Kaarten: 3 gekozen, ongeveer 30 min; 50 min in totaal ─");
    let short = text.contains("Kaarten: 3 gekozen, ongeveer 30 min ─");
    assert!(whole || short, "{text}");
    // The built-in deck's 24 cards make a heading longer than 60 columns.
    let mut app =
        datakompas::tui::app::App::new(Lang::Nl, false, datakompas::tui::builtin_assets());
    let s = keys(Scripted::new(t0()), &[Enter]);
    let text = screen(&run(&mut app, &mut store, 60, 20, s));
    assert!(
        text.contains("Kaarten: 24 gekozen, ongeveer 4 uur ─"),
        "{text}"
    );
}
