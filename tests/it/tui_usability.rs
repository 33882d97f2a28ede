//! What a facilitator running the app for the first time ran into: notes
//! on the projected screen, keys that did nothing, wording that misled.

use crate::tui_support;

use datakompas::domain::{Lang, PrincipleCheck};
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

fn team(lang: Lang) -> (datakompas::tui::app::App, MemoryStore) {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(lang);
    open(&mut app, &mut store, "team");
    (app, store)
}

const NOTES: &str = "Facilitator notes";

#[test]
fn facilitator_notes_are_hidden_until_asked_for_and_never_presented() {
    let (mut app, mut store) = team(Lang::En);
    // Wide: no side panel on any stage by default.
    for stage in 0..5 {
        let s = keys(Scripted::new(t0()), &vec![Right; stage]);
        let text = screen(&run(&mut app, &mut store, 120, 36, s));
        assert!(!text.contains(NOTES), "stage {stage}:\n{text}");
        let s = keys(Scripted::new(t0()), &vec![Left; stage]);
        run(&mut app, &mut store, 120, 36, s);
    }
    // Narrow: not at the end of the discussion either.
    let s = keys(Scripted::new(t0()), &[Right, Right, End]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(!text.contains(NOTES), "{text}");
    // `n` shows them, at the end of the discussion ...
    let s = keys(Scripted::new(t0()), &[Char('n'), End]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains(NOTES), "{text}");
    // ... and beside every stage when the window is wide.
    let text = screen(&run(&mut app, &mut store, 120, 36, Scripted::new(t0())));
    assert!(text.contains(NOTES), "{text}");
    // Presentation mode hides them whatever `n` said.
    let s = Scripted::new(t0()).key(Char('p'));
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(!text.contains(NOTES), "{text}");
}

#[test]
fn the_notes_key_is_listed_in_footer_and_help() {
    let (mut app, mut store) = team(Lang::En);
    let text = screen(&run(&mut app, &mut store, 120, 36, Scripted::new(t0())));
    assert!(text.contains("n facilitator notes"), "{text}");
    let s = Scripted::new(t0()).key(Char('?'));
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(text.contains("facilitator notes"), "{text}");
}

#[test]
fn paging_works_on_every_reading_stage() {
    // Story, discuss, reveal: End reaches the bottom, Home the top again.
    for stage in [0, 2, 4] {
        let mut session = team_session("team");
        session.cards[0].decision.rationale = "Because.\n".repeat(12);
        let mut store = MemoryStore::new().with_session(session);
        let mut app = app(Lang::En);
        // Enough questions that the discussion runs past a small window.
        let more = app.assets.deck.cards[0].prompts.clone();
        app.assets.deck.cards[0].prompts.extend(more.clone());
        app.assets.deck.cards[0].prompts.extend(more);
        open(&mut app, &mut store, "team");
        let s = keys(Scripted::new(t0()), &vec![Right; stage]);
        let top = screen(&run(&mut app, &mut store, 60, 18, s));
        assert!(
            top.contains("↓ more"),
            "stage {stage} does not scroll:\n{top}"
        );
        let text = screen(&run(
            &mut app,
            &mut store,
            60,
            18,
            Scripted::new(t0()).key(PageDown),
        ));
        assert_ne!(top, text, "PgDn on stage {stage} moved nothing");
        let text = screen(&run(
            &mut app,
            &mut store,
            60,
            18,
            Scripted::new(t0()).key(End),
        ));
        assert!(!text.contains("↓ more"), "stage {stage}:\n{text}");
        let back = screen(&run(
            &mut app,
            &mut store,
            60,
            18,
            Scripted::new(t0()).key(Home),
        ));
        assert!(back.contains("↓ more"), "stage {stage}:\n{back}");
        let up = screen(&run(
            &mut app,
            &mut store,
            60,
            18,
            Scripted::new(t0()).key(End).key(PageUp),
        ));
        assert!(up.contains("↓ more"), "stage {stage}:\n{up}");
    }
}

#[test]
fn help_scrolls_when_it_does_not_fit_and_esc_closes_it() {
    let (mut app, mut store) = team(Lang::En);
    let s = keys(Scripted::new(t0()), &[Right, Right, Char('?')]);
    let text = screen(&run(&mut app, &mut store, 60, 18, s));
    assert!(text.contains("↓ more"), "{text}");
    assert!(!text.contains("save and quit"), "{text}");
    assert!(text.contains("Esc closes"), "{text}");
    let text = screen(&run(
        &mut app,
        &mut store,
        60,
        18,
        Scripted::new(t0()).key(PageDown).key(PageDown),
    ));
    assert!(text.contains("save and quit"), "{text}");
    assert!(text.contains("Keys"), "still open:\n{text}");
    let text = screen(&run(
        &mut app,
        &mut store,
        60,
        18,
        Scripted::new(t0()).key(Esc),
    ));
    assert!(!text.contains("save and quit"), "{text}");
    assert!(app.open.is_some() && !app.help);
}

#[test]
fn the_principle_check_asks_about_the_decision_and_explains_the_principle() {
    let (mut app, mut store) = team(Lang::En);
    let s = keys(Scripted::new(t0()), &[Right, Right, Right, Tab, Tab]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        text.contains("Does your decision uphold each principle?"),
        "{text}"
    );
    assert!(text.contains("Choose an option first"), "{text}");
    // The meaning of the principle under the cursor.
    let meaning = assets()
        .library
        .get("transparent")
        .unwrap()
        .meaning
        .en
        .clone();
    let start: String = meaning.chars().take(20).collect();
    assert!(text.contains(&start), "{text}");
    // With an option chosen, its label stands above the list.
    let s = keys(
        Scripted::new(t0()),
        &[BackTab, BackTab, Char(' '), Tab, Tab],
    );
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    let label = deck().cards[0].options[0].label.en.clone();
    assert!(text.contains(&format!("Decision: {label}")), "{text}");
}

/// Walks the open card through its five stages at `size`, and back:
/// `stage(i, screen)` sees each stage, `part(screen)` each part of the
/// decide stage focused in turn.
fn walk_the_stages(
    app: &mut datakompas::tui::app::App,
    store: &mut MemoryStore,
    (w, h): (u16, u16),
    mut stage: impl FnMut(usize, &str),
    mut part: impl FnMut(&str),
) {
    for i in 0..5 {
        let s = keys(Scripted::new(t0()), &vec![Right; i]);
        stage(i, &screen(&run(app, store, w, h, s)));
        if i == 3 {
            for _ in 0..3 {
                let s = Scripted::new(t0()).key(Tab);
                part(&screen(&run(app, store, w, h, s)));
            }
            run(app, store, w, h, Scripted::new(t0()).key(Esc));
        }
        let s = keys(Scripted::new(t0()), &vec![Left; i]);
        run(app, store, w, h, s);
    }
}

#[test]
fn a_self_assessment_speaks_to_one_person() {
    let mut session = solo_session("solo");
    session.cards[0].votes.insert("p1".into(), 2);
    session.cards[0].decision.option = Some("no".into());
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "solo");
    let mut seen = String::new();
    for size in [(80, 24), (120, 36)] {
        walk_the_stages(
            &mut app,
            &mut store,
            size,
            |_, text| {
                assert!(!text.to_lowercase().contains("jullie"), "{text}");
                seen.push_str(text);
            },
            |text| assert!(!text.to_lowercase().contains("jullie"), "{text}"),
        );
        let s = Scripted::new(t0()).key(Char('e'));
        let text = screen(&run(&mut app, &mut store, size.0, size.1, s));
        assert!(!text.to_lowercase().contains("jullie"), "{text}");
        seen.push_str(&text);
        run(
            &mut app,
            &mut store,
            size.0,
            size.1,
            Scripted::new(t0()).key(Esc),
        );
    }
    for said in [
        "Overdenken",
        "Wat zou jouw merk doen?",
        "Jouw besluit",
        "Jouw stem: 2",
    ] {
        assert!(seen.contains(said), "{said} missing");
    }
    assert!(!seen.contains("Bespreken"));
    assert!(
        !seen.contains("(gem. 2,0)") && !seen.contains("ø"),
        "{seen}"
    );
}

/// The cell where `needle` starts on screen.
fn cell_of<'a>(buffer: &'a ratatui::buffer::Buffer, needle: &str) -> &'a ratatui::buffer::Cell {
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count() as u16;
            return &buffer[(x, y)];
        }
    }
    panic!("{needle} not on screen");
}

#[test]
fn overtime_stands_out_calmly_with_and_without_colour() {
    use ratatui::style::{Color, Modifier};
    for color in [false, true] {
        let (mut app, mut store) = team(Lang::En);
        app.color = color;
        let s = Scripted::new(t0()).key(Right).key(Right).wait(603);
        let terminal = run(&mut app, &mut store, 80, 24, s);
        let over = cell_of(terminal.backend().buffer(), "+0:03 over");
        assert!(over.modifier.contains(Modifier::BOLD), "{over:?}");
        assert!(!over.modifier.contains(Modifier::SLOW_BLINK));
        assert!(!over.modifier.contains(Modifier::RAPID_BLINK));
        if color {
            assert_eq!(over.fg, Color::Yellow);
        } else {
            assert!(over.modifier.contains(Modifier::REVERSED), "{over:?}");
        }
        // Within the timebox the time is an ordinary heading.
        let (mut app, mut store) = team(Lang::En);
        app.color = color;
        let s = Scripted::new(t0()).key(Right).key(Right).wait(60);
        let terminal = run(&mut app, &mut store, 80, 24, s);
        let left = cell_of(terminal.backend().buffer(), "left of 10:00");
        assert!(!left.modifier.contains(Modifier::REVERSED), "{left:?}");
        assert_ne!(left.fg, Color::Yellow);
    }
}

#[test]
fn dutch_stage_names_fit_a_small_window_and_read_naturally() {
    let (mut app, mut store) = team(Lang::Nl);
    let text = screen(&run(&mut app, &mut store, 60, 18, Scripted::new(t0())));
    let tabs = text.lines().nth(2).unwrap();
    for stage in [
        "Verhaal",
        "Onderbuikgevoel",
        "Bespreken",
        "Besluiten",
        "Afloop",
    ] {
        assert!(tabs.contains(stage), "{tabs}");
    }
    let text = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(Char(']')),
    ));
    assert!(text.contains("echte casus"), "{text}");
    assert!(!text.contains('ø'));
}

#[test]
fn the_overview_says_what_was_decided() {
    let mut session = team_session("team");
    session.cards[0].decision.option = Some("no".into());
    let mut store = MemoryStore::new().with_session(session);
    for (lang, said) in [
        (Lang::En, "decided · no-go"),
        (Lang::Nl, "besloten · niet doen"),
    ] {
        let mut app = app(lang);
        open(&mut app, &mut store, "team");
        let s = Scripted::new(t0()).key(Char('o'));
        let text = screen(&run(&mut app, &mut store, 80, 24, s));
        assert!(text.contains(said), "{text}");
        run(
            &mut app,
            &mut store,
            80,
            24,
            Scripted::new(t0()).key(Esc).key(Char('q')),
        );
    }
}

#[test]
fn presentation_mode_uses_the_big_title_only_in_a_tall_window_and_says_so() {
    let (mut app, mut store) = team(Lang::En);
    let s = Scripted::new(t0()).key(Char('p'));
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    // One line of title, the stage tabs right under it.
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("The butcher on the corner"),
        "{text}"
    );
    assert!(text.lines().nth(2).unwrap().contains("Story"), "{text}");
    assert!(
        text.contains("Make the window taller for large titles."),
        "{text}"
    );
    // Tall enough: the big letters, and nothing to explain.
    let (mut app, mut store) = team(Lang::En);
    let s = Scripted::new(t0()).key(Char('p'));
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(!text.contains("The butcher on the corner"), "{text}");
    assert!(!text.contains("large titles"), "{text}");
    assert!(app.presentation);
}

#[test]
fn a_wrapped_read_only_banner_keeps_its_indent() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let why = "Read-only: this session is open in another datakompas (process 4242). Nothing is saved from here.";
    app.opened_read_only(team_session("team"), why.into(), t0());
    let text = screen(&run(&mut app, &mut store, 60, 18, Scripted::new(t0())));
    let first = text.lines().position(|l| l.contains("Read-only:")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[first].starts_with(" Read-only"), "{text}");
    assert!(
        lines[first + 1].starts_with(" ") && lines[first + 1].contains("saved"),
        "{text}"
    );
}

#[test]
fn the_own_principle_form_and_its_footer_say_the_same_about_esc() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = Scripted::new(t0()).key(Char('b')).key(Char('a'));
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("Esc cancels"), "{text}");
    let footer = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.ends_with("Esc cancel"), "{footer}");
    assert!(!text.contains("done typing"), "{text}");
    // And Esc does cancel: the draft is gone, the list is back.
    let s = Scripted::new(t0()).text("Kind").key(Esc);
    run(&mut app, &mut store, 80, 24, s);
    assert_eq!(app.context(), datakompas::tui::keymap::Context::Principles);
}

#[test]
fn setup_numbers_follow_left_and_right_and_the_footer_follows_the_field() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    // Home → new team session; Tab to the anonymous voters.
    let s = keys(Scripted::new(t0()), &[Enter, Tab, Tab, Right, Right, Left]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("◂ 1 ▸"), "{text}");
    assert!(text.contains("←→ fewer / more"), "{text}");
    assert!(!text.contains("card on/off"), "{text}");
    // Minutes per card: 10 by default, → → ← makes 11.
    let s = keys(Scripted::new(t0()), &[Tab, Right, Right, Left]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("◂ 11 ▸"), "{text}");
    assert!(text.contains("fewer / more"), "{text}");
    // The card list has its own keys, and marks the hypothetical.
    let s = keys(Scripted::new(t0()), &[Tab]);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("card on/off"), "{text}");
    assert!(!text.contains("fewer / more"), "{text}");
    assert!(
        text.contains("Walk-by push offers · hypothetical"),
        "{text}"
    );
    assert!(
        !text.contains("The butcher on the corner · hypothetical"),
        "{text}"
    );
}

#[test]
fn a_hypothetical_reveal_says_the_outcome_is_theirs_in_one_column() {
    let (mut app, mut store) = team(Lang::En);
    // The third card is the hypothetical; its reveal is the fifth stage.
    let s = keys(
        Scripted::new(t0()),
        &[Char(']'), Char(']'), Right, Right, Right, Right],
    );
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(text.contains("No outcome: this one is yours"), "{text}");
    assert!(
        text.contains("there is no outcome, only your decision"),
        "{text}"
    );
    assert!(!text.contains("What actually happened"), "{text}");
    // No panel beside it left empty: the decision reads right below.
    let heading = text.lines().position(|l| l.contains("No outcome")).unwrap();
    let decision = text
        .lines()
        .position(|l| l.contains("Your decision"))
        .unwrap();
    assert!(decision > heading, "{text}");
    // Dutch, team and self-assessment.
    let s = Scripted::new(t0()).key(Char('l'));
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("Geen afloop: deze is van jullie"), "{text}");
    let mut store = MemoryStore::new().with_session(solo_session("solo"));
    let mut app = tui_support::app(Lang::Nl);
    open(&mut app, &mut store, "solo");
    let s = keys(
        Scripted::new(t0()),
        &[Char(']'), Char(']'), Right, Right, Right, Right],
    );
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(text.contains("Geen afloop: deze is van jou"), "{text}");
    assert!(!text.to_lowercase().contains("jullie"), "{text}");
}

#[test]
fn a_narrow_header_shortens_the_title_and_keeps_the_save_state() {
    let mut session = team_session("long");
    session.title = "Workshop Merkwaard for the whole spring planning".into();
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "long");
    let s = Scripted::new(t0()).key(Char('e'));
    let text = screen(&run(&mut app, &mut store, 60, 18, s));
    let header = text.lines().next().unwrap();
    assert!(header.contains("End of session · Workshop"), "{header}");
    assert!(
        header.contains("… ") && header.ends_with("✓ saved  EN"),
        "{header}"
    );
}

#[test]
fn the_participants_hint_fits_a_narrow_setup() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::Nl);
    let text = screen(&run(
        &mut app,
        &mut store,
        60,
        18,
        Scripted::new(t0()).key(Enter),
    ));
    assert!(
        text.contains("Naam · ← → kiest, Backspace haalt weg"),
        "{text}"
    );
    let text = screen(&run(&mut app, &mut store, 120, 36, Scripted::new(t0())));
    assert!(
        text.contains("zonder getypte tekst kies je met ← → een naam"),
        "{text}"
    );
}

#[test]
fn the_rationale_placeholder_fits_whether_it_has_focus() {
    let (mut app, mut store) = team(Lang::En);
    let s = keys(Scripted::new(t0()), &[Right, Right, Right]);
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(text.contains("Tab here and type."), "{text}");
    let s = keys(Scripted::new(t0()), &[Tab, Tab, Tab]);
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(
        text.contains("Why does your brand decide this? Type it here."),
        "{text}"
    );
    assert!(!text.contains("Tab here"), "{text}");
}

#[test]
fn the_meaning_of_an_own_principle_wraps_instead_of_scrolling_away() {
    let (mut app, mut store) = team(Lang::En);
    let meaning = "We treat data the way a good neighbour treats a secret, and we say so out loud.";
    let s = Scripted::new(t0())
        .key(Char('b'))
        .key(Char('a'))
        .text("Neighbourly")
        .key(Tab)
        .text(meaning);
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("We treat data the way"), "{text}");
    assert!(text.contains("so out loud."), "{text}");
}

#[test]
fn the_reveal_recap_lists_principles_not_judged_yet() {
    let mut session = team_session("team");
    session.cards[0].decision.option = Some("no".into());
    session.cards[0]
        .decision
        .principles
        .insert("transparent".into(), PrincipleCheck::Upholds);
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = keys(Scripted::new(t0()), &[Right, Right, Right, Right]);
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    assert!(text.contains("• Transparent: upholds"), "{text}");
    assert!(text.contains("• Personal: not judged yet"), "{text}");
    assert!(text.contains("• Fair: not judged yet"), "{text}");
    let s = Scripted::new(t0()).key(Char('l'));
    let text = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(text.contains("• Persoonlijk: nog niet gewogen"), "{text}");
}

#[test]
fn a_team_session_speaks_to_the_team() {
    let (mut app, mut store) = team(Lang::Nl);
    for size in [(80, 24), (120, 36)] {
        for card in 0..3 {
            walk_the_stages(
                &mut app,
                &mut store,
                size,
                |stage, text| {
                    let lower = text.to_lowercase();
                    // The app's own words; card texts are the deck's.
                    for word in ["jouw ", "jij ", " je "] {
                        assert!(!lower.contains(word), "card {card} stage {stage}:\n{text}");
                    }
                },
                |text| assert!(!text.to_lowercase().contains("jouw "), "{text}"),
            );
            run(
                &mut app,
                &mut store,
                size.0,
                size.1,
                Scripted::new(t0()).key(Char(']')),
            );
        }
        let s = Scripted::new(t0()).key(Char('e'));
        let text = screen(&run(&mut app, &mut store, size.0, size.1, s));
        assert!(!text.to_lowercase().contains("jouw "), "{text}");
        run(
            &mut app,
            &mut store,
            size.0,
            size.1,
            Scripted::new(t0()).key(Esc),
        );
        for _ in 0..3 {
            run(
                &mut app,
                &mut store,
                size.0,
                size.1,
                Scripted::new(t0()).key(Char('[')),
            );
        }
    }
}

#[test]
fn a_self_assessment_ends_by_naming_the_file_to_send_the_facilitator() {
    use datakompas::store::{FileStore, SessionStore};
    let dir = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(dir.path())).unwrap();
    store.create(&solo_session("solo")).unwrap();
    store.close("solo");
    let mut app = app(Lang::En);
    {
        let mut rt = datakompas::tui::event_loop::Runtime {
            store: &mut store,
            export_dir: export_dir(),
            room: Default::default(),
        };
        datakompas::tui::event_loop::open(&mut app, &mut rt, "solo", false, t0()).unwrap();
    }
    let s = keys(Scripted::new(t0()).text("e"), &[End]);
    let text = screen(&run(&mut app, &mut store, 120, 36, s));
    let file = store.session_path("solo");
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert!(text.contains("Send your facilitator this file"), "{text}");
    assert!(text.contains(&name), "{text}");
    store.close("solo");
}
