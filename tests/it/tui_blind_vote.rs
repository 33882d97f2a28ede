//! The blind vote through the real loop: nothing shows a value before the
//! reveal, the reveal asks when votes are missing, shows no names unless
//! asked, and locks the votes until voting is reopened.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

fn started(lang: Lang) -> (datakompas::tui::app::App, MemoryStore) {
    let store = MemoryStore::new().with_session(team_session("team"));
    let mut store = store;
    let mut app = app(lang);
    open(&mut app, &mut store, "team");
    (app, store)
}

#[test]
fn the_count_names_who_is_missing_and_no_value() {
    for (lang, want) in [
        (Lang::En, "3 of 4 voted · waiting for Dee"),
        (Lang::Nl, "3 van 4 gestemd · we wachten op Dee"),
    ] {
        let (mut app, mut store) = started(lang);
        let s = Scripted::new(t0()).key(Right).text("254");
        let shown = screen(&run(&mut app, &mut store, 80, 24, s));
        assert!(shown.contains(want), "{shown}");
        // The voter list is the left column; none of it shows a value.
        let list: Vec<String> = shown
            .lines()
            .filter(|l| ["Ann", "Bo", "Cem"].iter().any(|n| l.contains(n)))
            .map(|l| l.chars().take(30).collect())
            .collect();
        for value in ['2', '5', '4'] {
            assert!(list.iter().all(|l| !l.contains(value)), "{list:?}");
        }
        assert!(
            !shown.contains("Average") && !shown.contains("Gemiddeld"),
            "{shown}"
        );
    }
}

#[test]
fn the_overview_and_end_screen_show_hidden_votes_as_a_count() {
    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0()).key(Right).text("15").text("o");
    let overview = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(overview.contains("hidden (2/4)"), "{overview}");
    assert!(!overview.contains("avg"), "{overview}");
    let end = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("e"),
    ));
    assert!(end.contains("votes hidden (2 of 4 in)"), "{end}");
    assert!(!end.contains("avg") && !end.contains("on average"), "{end}");
    // Back to the card, reveal anyway: now the spread shows everywhere.
    let s = Scripted::new(t0()).key(Esc).text("rr").text("o");
    let overview = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(overview.contains("1–5 (avg 3.0)"), "{overview}");
}

#[test]
fn revealing_with_votes_missing_asks_first() {
    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0()).key(Right).text("24").text("r");
    let asked = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        asked.contains("2 have not voted: reveal anyway? Press r again"),
        "{asked}"
    );
    assert!(!store.stored("team").unwrap().cards[0].revealed);
    // Any other key lets it go; r then asks again rather than revealing.
    let s = Scripted::new(t0()).key(Down).text("r");
    let again = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(again.contains("reveal anyway?"), "{again}");
    assert!(!store.stored("team").unwrap().cards[0].revealed);
    let s = Scripted::new(t0()).text("r");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(shown.contains("Average 3.0"), "{shown}");
    assert!(store.stored("team").unwrap().cards[0].revealed);

    // In Dutch, with one missing.
    let (mut app, mut store) = started(Lang::Nl);
    let s = Scripted::new(t0()).key(Right).text("243r");
    let asked = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        asked.contains("1 heeft nog niet gestemd: toch tonen?"),
        "{asked}"
    );
}

#[test]
fn everyone_in_reveals_at_once_without_asking() {
    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0()).key(Right).text("2415r");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(shown.contains("Average 3.0"), "{shown}");
    assert!(shown.contains("4 of 4 voted · revealed"), "{shown}");
}

#[test]
fn after_the_reveal_a_digit_changes_nothing_until_voting_reopens() {
    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0())
        .key(Right)
        .text("2415r")
        .key(Up)
        .text("3x");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(shown.contains("v reopens voting"), "{shown}");
    let votes = |store: &MemoryStore| store.stored("team").unwrap().cards[0].votes.clone();
    let before: Vec<u8> = votes(&store).values().copied().collect();
    assert_eq!(before, vec![2, 4, 1, 5]);
    // The footer offers reopening.
    assert!(shown.contains("v reopen voting"), "{shown}");

    let s = Scripted::new(t0()).text("v");
    let reopened = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(reopened.contains("Voting is open again"), "{reopened}");
    assert!(!reopened.contains("Average"), "{reopened}");
    let stored = store.stored("team").unwrap();
    assert!(!stored.cards[0].revealed);
    // The cursor went up from Dee to Cem: 3 replaces Cem's 1.
    let s = Scripted::new(t0()).text("3r");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(shown.contains("Average"), "{shown}");
    let after: Vec<u8> = votes(&store).values().copied().collect();
    assert_eq!(after, vec![2, 4, 3, 5]);
    assert!(store.stored("team").unwrap().cards[0].revealed);
}

#[test]
fn names_show_only_when_asked_and_the_choice_is_kept() {
    let (mut app, mut store) = started(Lang::Nl);
    let s = Scripted::new(t0()).key(Right).text("2415r");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        shown.contains("Zonder namen; s laat zien wie wat stemde."),
        "{shown}"
    );
    let ann = shown.lines().find(|l| l.contains("Ann")).unwrap();
    assert!(ann.contains('✓') && !ann.contains('2'), "{ann}");
    let s = Scripted::new(t0()).text("s");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    let ann = shown.lines().find(|l| l.contains("Ann")).unwrap();
    assert!(ann.contains('2'), "{ann}");
    assert!(store.stored("team").unwrap().cards[0].names_shown);
    // Reopening forgets it: the next reveal starts without names again.
    run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("vr"));
    assert!(!store.stored("team").unwrap().cards[0].names_shown);
}

#[test]
fn auto_reveal_is_off_by_default_and_reveals_the_last_vote_in_when_on() {
    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0()).key(Right).text("2415");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(!shown.contains("Average"), "{shown}");
    assert!(!store.stored("team").unwrap().auto_reveal);

    let (mut app, mut store) = started(Lang::En);
    let s = Scripted::new(t0()).key(Right).text("a241");
    let waiting = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(waiting.contains("show by themselves"), "{waiting}");
    assert!(store.stored("team").unwrap().auto_reveal);
    let s = Scripted::new(t0()).text("5");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        shown.contains("Everyone has voted: the votes are revealed."),
        "{shown}"
    );
    assert!(store.stored("team").unwrap().cards[0].revealed);
}

#[test]
fn the_facilitator_types_a_vote_for_someone_and_it_stays_hidden() {
    let (mut app, mut store) = started(Lang::En);
    // Down to Cem and vote for Cem alone.
    let s = Scripted::new(t0()).key(Right).key(Down).key(Down).text("5");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    let cem = shown.lines().find(|l| l.contains("Cem")).unwrap();
    assert!(cem.contains('●') && !cem.contains('5'), "{cem}");
    assert!(
        shown.contains("1 of 4 voted · waiting for Ann, Bo, Dee"),
        "{shown}"
    );
    assert_eq!(
        store.stored("team").unwrap().cards[0].votes.get("p3"),
        Some(&5)
    );
}
