//! The facilitator's console while the room is open, the session clock on
//! scripted time, and the revealed spread on the discuss stage.

use crate::tui_support;

use datakompas::domain::{Lang, Session, Stage};
use datakompas::store::MemoryStore;
use datakompas::tui::app::App;
use datakompas::tui::event_loop::Scripted;
use datakompas::tui::room::RoomView;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// The room open with its panel hidden: the card is on the projector.
fn with_room(app: &mut App) {
    let mut view = RoomView::new(room_info(4), Vec::new());
    view.panel = false;
    app.room = Some(view);
}

/// Card 2 of 3, 10 min a card (50 min planned), 14 min into the session
/// and 4 of them on this card: 10 + 10 + 4 = 24 due, so on plan.
fn on_card_two(stage: Stage) -> Session {
    let mut s = team_session("team");
    s.position.card = 1;
    s.position.stage = stage;
    s.seconds_elapsed = 14 * 60;
    s.cards[0].seconds_on_card = 10 * 60;
    s.cards[1].seconds_on_card = 4 * 60;
    s
}

fn revealed(mut s: Session, names: bool) -> Session {
    let p = &mut s.cards[1];
    for (who, v) in [("p1", 1), ("p2", 3), ("p3", 5), ("p4", 5)] {
        p.votes.insert(who.into(), v);
    }
    p.revealed = true;
    p.names_shown = names;
    s
}

fn console(session: Session, lang: Lang, w: u16, h: u16, script: Scripted) -> String {
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(lang);
    open(&mut app, &mut store, "team");
    with_room(&mut app);
    screen(&run(&mut app, &mut store, w, h, script))
}

#[test]
fn the_console_on_the_story_stage() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let shown = console(on_card_two(Stage::Story), lang, w, h, Scripted::new(t0()));
            insta::assert_snapshot!(format!("console_story_{}_{w}x{h}", lang.code()), shown);
        }
    }
}

#[test]
fn the_console_on_the_discuss_stage_with_the_spread() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let s = revealed(on_card_two(Stage::Discuss), true);
            let shown = console(s, lang, w, h, Scripted::new(t0()));
            insta::assert_snapshot!(format!("console_discuss_{}_{w}x{h}", lang.code()), shown);
        }
    }
}

#[test]
fn the_console_shows_notes_next_and_clock_and_p_switches_it_off() {
    let s = Scripted::new(t0());
    let text = console(on_card_two(Stage::Decide), Lang::En, 120, 36, s);
    assert!(text.contains("Facilitator notes"), "{text}");
    assert!(text.contains("Let the group feel the discomfort"), "{text}");
    assert!(text.contains("Session 14:00 of 50 min"), "{text}");
    assert!(text.contains("card 4:00 of 10 min"), "{text}");
    assert!(text.contains("on plan"), "{text}");
    let third = &deck().cards[2];
    assert!(
        text.contains(&format!("Next: Reveal · then card 3: {}", third.title.en)),
        "{text}"
    );
    // The presentation layout: as without the room, nothing for the facilitator.
    let text = console(
        on_card_two(Stage::Decide),
        Lang::En,
        120,
        36,
        Scripted::new(t0()).text("p"),
    );
    assert!(!text.contains("Facilitator notes"), "{text}");
    assert!(!text.contains("Session 14:00"), "{text}");
    assert!(text.contains("p brings back the console"), "{text}");
}

#[test]
fn the_last_card_says_the_end_comes_next() {
    let mut s = on_card_two(Stage::Reveal);
    s.position.card = 2;
    let text = console(s, Lang::Nl, 100, 30, Scripted::new(t0()));
    assert!(text.contains("Hierna: het einde van de sessie"), "{text}");
    let mut s = on_card_two(Stage::Reveal);
    s.position.card = 0;
    let second = &deck().cards[1];
    let text = console(s, Lang::En, 100, 30, Scripted::new(t0()));
    assert!(
        text.contains(&format!("Next: card 2: {}", second.title.en)),
        "{text}"
    );
}

#[test]
fn without_a_room_the_card_screen_has_no_console() {
    let mut store = MemoryStore::new().with_session(on_card_two(Stage::Discuss));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let text = screen(&run(&mut app, &mut store, 120, 36, Scripted::new(t0())));
    assert!(!text.contains("Session 14:00"), "{text}");
    assert!(!text.contains("min left for"), "{text}");
}

#[test]
fn the_clock_counts_only_while_the_app_runs_and_resumes_from_the_file() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = Scripted::new(t0()).wait(90);
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.seconds_elapsed, 90);
    assert_eq!(stored.cards[0].seconds_on_card, 90);
    // An hour passes with the app not running: it does not count.
    let later = t0() + jiff::SignedDuration::from_hours(1);
    run(&mut app, &mut store, 80, 24, Scripted::new(later).wait(30));
    assert_eq!(store.stored("team").unwrap().seconds_elapsed, 120);
    // Quit, open the file again: the clock goes on from what it holds.
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(later).key(Char('q')).key(Char('q')),
    );
    let mut app = self::app(Lang::En);
    open(&mut app, &mut store, "team");
    assert_eq!(
        app.open.as_ref().unwrap().session.seconds_elapsed,
        120,
        "read back from the file"
    );
    run(&mut app, &mut store, 80, 24, Scripted::new(later).wait(45));
    assert_eq!(store.stored("team").unwrap().seconds_elapsed, 165);
}

#[test]
fn time_off_the_cards_counts_for_the_session_but_for_no_card() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // The overview for a minute, then back to the card for ten seconds.
    let s = Scripted::new(t0())
        .key(Char('o'))
        .wait(60)
        .key(Esc)
        .wait(10);
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.seconds_elapsed, 70);
    assert!(
        (10..=11).contains(&stored.cards[0].seconds_on_card),
        "{}",
        stored.cards[0].seconds_on_card
    );
}

#[test]
fn the_time_left_is_shared_over_the_cards_to_go() {
    // 50 min planned, 40 until the close; 12 min in, on the discuss stage
    // of card 1: 28 min left for 3 cards, about 9 each.
    let mut s = team_session("team");
    s.position.stage = Stage::Discuss;
    s.seconds_elapsed = 12 * 60;
    let text = console(s.clone(), Lang::En, 100, 30, Scripted::new(t0()));
    assert!(
        text.contains("28 min left for 3 cards: about 9 each"),
        "{text}"
    );
    let text = console(s.clone(), Lang::Nl, 100, 30, Scripted::new(t0()));
    assert!(
        text.contains("nog 28 min voor 3 kaarten: ongeveer 9 per kaart"),
        "{text}"
    );
    // Four minutes of talk later the minute count follows the clock.
    let text = console(s.clone(), Lang::En, 100, 30, Scripted::new(t0()).wait(240));
    assert!(
        text.contains("24 min left for 3 cards: about 8 each"),
        "{text}"
    );
    // The last card, and past the plan.
    s.position.card = 2;
    s.seconds_elapsed = 33 * 60;
    let text = console(s.clone(), Lang::En, 100, 30, Scripted::new(t0()));
    assert!(text.contains("7 min left for this last card"), "{text}");
    s.seconds_elapsed = 45 * 60;
    let text = console(s, Lang::En, 100, 30, Scripted::new(t0()));
    assert!(
        text.contains("The planned time for the cards is used up, with 1 to go"),
        "{text}"
    );
}

#[test]
fn behind_plan_is_said_in_words() {
    // Due on card 2 after 4 min on it: 10 + 10 + 4 = 24 min; at 30 min in,
    // 6 min behind.
    let mut s = on_card_two(Stage::Story);
    s.seconds_elapsed = 30 * 60;
    let text = console(s.clone(), Lang::En, 80, 24, Scripted::new(t0()));
    assert!(text.contains("6 min behind plan"), "{text}");
    let text = console(s.clone(), Lang::Nl, 80, 24, Scripted::new(t0()));
    assert!(text.contains("6 min achter op schema"), "{text}");
    // A minute more on the card is within its timebox: still 6 behind,
    // not 7; the session and the card count on together.
    let text = console(s, Lang::En, 80, 24, Scripted::new(t0()).wait(60));
    assert!(text.contains("6 min behind plan"), "{text}");
    assert!(text.contains("Session 31:00"), "{text}");
}

#[test]
fn the_discuss_stage_shows_the_spread_with_names_only_if_shown() {
    let text = console(
        revealed(on_card_two(Stage::Discuss), true),
        Lang::En,
        100,
        30,
        Scripted::new(t0()),
    );
    assert!(text.contains("average 3.5"), "{text}");
    assert!(
        text.contains("lowest 1: Ann · highest 5: Cem, Dee"),
        "{text}"
    );
    let mut store = MemoryStore::new().with_session(revealed(on_card_two(Stage::Discuss), false));
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    // Without the room too: the spread belongs to the discuss stage.
    let text = screen(&run(&mut app, &mut store, 100, 30, Scripted::new(t0())));
    assert!(text.contains("laagste 1 · hoogste 5"), "{text}");
    assert!(text.contains("gemiddeld 3,5"), "{text}");
    assert!(!text.contains("Ann"), "{text}");
}

#[test]
fn hidden_votes_never_show_on_the_discuss_stage() {
    let mut s = revealed(on_card_two(Stage::Discuss), true);
    s.cards[1].revealed = false;
    let text = console(s, Lang::En, 100, 30, Scripted::new(t0()));
    assert!(!text.contains("lowest"), "{text}");
    assert!(!text.contains("average"), "{text}");
}
