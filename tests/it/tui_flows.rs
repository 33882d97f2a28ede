//! Whole journeys through the real app loop, driven by keys over a
//! `TestBackend` with the in-memory store.

use crate::tui_support;

use datakompas::domain::{Lang, PrincipleCheck};
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::{self, *};
use ratatui::style::Modifier;
use tui_support::*;

#[test]
fn a_solo_self_assessment_of_three_cards_ends_with_exactly_those_decisions() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let mut s = Scripted::new(t0());
    // Home → new self-assessment → setup: the name, a title, then start
    // with all three cards.
    s = keys(s, &[Down, Enter])
        .text("Ann")
        .key(Enter)
        .text("Me")
        .key(Enter)
        .key(Enter);
    // Principles: transparent, personal, fair.
    s = keys(s, &[Char(' '), Down, Char(' '), Down, Char(' '), Enter]);
    // Card 1: vote 2; "only with opt-in", safeguard opt-in, transparent upholds, a reason.
    s = keys(
        s,
        &[
            Right,
            Char('2'),
            Right,
            Right,
            Down,
            Char(' '),
            Tab,
            Down,
            Char(' '),
            Tab,
            Char(' '),
            Tab,
        ],
    );
    s = s.text("Clear why.").key(Esc);
    s = keys(s, &[Right, Right]);
    // Card 2: vote 5; no-go.
    s = keys(
        s,
        &[
            Right,
            Char('5'),
            Right,
            Right,
            Down,
            Down,
            Down,
            Char(' '),
            Right,
            Right,
        ],
    );
    // Card 3: vote 3; go; transparent in tension.
    s = keys(
        s,
        &[
            Right,
            Char('3'),
            Right,
            Right,
            Char(' '),
            Tab,
            Tab,
            Char(' '),
            Char(' '),
            Right,
            Right,
        ],
    );
    // End of session, close it, quit.
    s = keys(s, &[Char('q'), Char('q')]);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    assert!(app.quitting, "the app quit:\n{}", screen(&terminal));

    let listing = store.list_ids();
    assert_eq!(listing.len(), 1, "one session stored");
    let session = store.stored(&listing[0]).unwrap();
    assert_eq!(session.title, "Me");
    assert_eq!(session.person(), Some("Ann"));
    let decisions: Vec<Decided> = session
        .cards
        .iter()
        .map(|c| {
            (
                c.decision.option.as_deref(),
                c.decision.safeguards.iter().map(String::as_str).collect(),
                c.decision
                    .principles
                    .iter()
                    .map(|(k, v)| (k.as_str(), *v))
                    .collect(),
                c.decision.rationale.as_str(),
            )
        })
        .collect();
    assert_eq!(
        decisions,
        vec![
            (
                Some("safe"),
                vec!["optin"],
                vec![("transparent", PrincipleCheck::Upholds)],
                "Clear why."
            ),
            (Some("no"), vec![], vec![], ""),
            (
                Some("go"),
                vec![],
                vec![("transparent", PrincipleCheck::Tension)],
                ""
            ),
        ]
    );
    let votes: Vec<Vec<u8>> = session
        .cards
        .iter()
        .map(|c| c.votes.values().copied().collect())
        .collect();
    assert_eq!(votes, vec![vec![2], vec![5], vec![3]]);
    assert!(!store.is_open(&session.id), "the session was let go");
}

/// A self-assessment asks the person's name first, will not start without
/// it, and takes its title from it when none is typed.
#[test]
fn a_self_assessment_asks_whose_it_is() {
    for (lang, asked, title) in [
        (
            Lang::En,
            "Type your name first",
            "Self-assessment by Ann de Vries",
        ),
        (Lang::Nl, "Typ eerst je naam", "Zelfscan van Ann de Vries"),
    ] {
        let mut store = MemoryStore::new();
        let mut app = app(lang);
        // Straight to the start without a name: asked, nothing created.
        let s = keys(
            Scripted::new(t0()),
            &[Down, Enter, Tab, Tab, Tab, Tab, Enter],
        );
        let terminal = run(&mut app, &mut store, 80, 24, s);
        assert!(screen(&terminal).contains(asked), "{}", screen(&terminal));
        assert!(store.list_ids().is_empty());
        // Then the name, and start with the title left empty.
        let s = Scripted::new(t0())
            .text("Ann de Vries")
            .key(Enter)
            .key(Enter)
            .key(Enter);
        let terminal = run(&mut app, &mut store, 80, 24, s);
        let listing = store.list_ids();
        assert_eq!(listing.len(), 1, "{}", screen(&terminal));
        let session = store.stored(&listing[0]).unwrap();
        assert_eq!(session.title, title);
        assert_eq!(session.participants.len(), 1);
        assert_eq!(session.person(), Some("Ann de Vries"));
    }
}

/// Option, safeguards, principle checks and rationale of one card.
type Decided<'a> = (
    Option<&'a str>,
    Vec<&'a str>,
    Vec<(&'a str, PrincipleCheck)>,
    &'a str,
);

trait Ids {
    fn list_ids(&self) -> Vec<String>;
}

impl Ids for MemoryStore {
    fn list_ids(&self) -> Vec<String> {
        use datakompas::store::SessionStore;
        self.list().unwrap().into_iter().map(|l| l.id).collect()
    }
}

#[test]
fn four_hidden_votes_are_revealed_together() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = Scripted::new(t0()).key(Right).text("2415");
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let hidden = screen(&terminal);
    assert!(hidden.contains("4 of 4 voted"), "{hidden}");
    assert_eq!(
        hidden.matches('●').count(),
        4 + 1,
        "four hidden votes and the hint:\n{hidden}"
    );
    assert!(!hidden.contains("Average"), "{hidden}");

    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("r"));
    let shown = screen(&terminal);
    assert!(shown.contains("Average 3.0 · from 1 to 5"), "{shown}");
    // Without names by default: each voter only ticked.
    for name in ["Ann", "Bo", "Cem", "Dee"] {
        let line = shown.lines().find(|l| l.contains(name)).unwrap();
        assert!(line.contains('✓'), "{name}: {line}");
    }
    assert!(!store.stored("team").unwrap().cards[0].names_shown);
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("s"));
    let shown = screen(&terminal);
    for (name, vote) in [("Ann", '2'), ("Bo", '4'), ("Cem", '1'), ("Dee", '5')] {
        let line = shown.lines().find(|l| l.contains(name)).unwrap();
        assert!(line.contains(vote), "{name} voted {vote}: {line}");
    }
    assert!(store.stored("team").unwrap().cards[0].names_shown);
    let stored = store.stored("team").unwrap();
    let votes: Vec<(&str, u8)> = stored.cards[0]
        .votes
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(votes, vec![("p1", 2), ("p2", 4), ("p3", 1), ("p4", 5)]);
    assert!(stored.cards[0].revealed);
}

#[test]
fn language_switches_live_but_not_while_typing() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("l"));
    assert!(screen(&terminal).contains("Nieuwe teamsessie"));
    // In a text field `l` is a letter; F2 still switches.
    let s = Scripted::new(t0()).key(Enter).text("lol").key(F(2));
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    assert!(text.contains("lol"), "{text}");
    assert!(text.contains("Participants"), "back in English:\n{text}");
}

#[test]
fn a_small_terminal_asks_to_be_made_larger() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let terminal = run(&mut app, &mut store, 50, 15, Scripted::new(t0()));
    assert!(screen(&terminal).contains("Make the terminal larger (now 50×15, needs 60×18)"));
    let mut app = tui_support::app(Lang::Nl);
    let terminal = run(&mut app, &mut store, 59, 30, Scripted::new(t0()));
    assert!(screen(&terminal).contains("Maak het terminalvenster groter (nu 59×30"));
}

#[test]
fn a_failing_save_says_so_calmly_and_retries() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    store.fail_saves = true;
    let s = Scripted::new(t0()).key(Right).text("3").wait(2);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    assert!(
        screen(&terminal).contains("Not saved: No space left on device — retrying"),
        "{}",
        screen(&terminal)
    );
    store.fail_saves = false;
    let later = t0() + jiff::SignedDuration::from_secs(60);
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(later).wait(3));
    assert!(!screen(&terminal).contains("Not saved"));
    assert_eq!(store.stored("team").unwrap().cards[0].votes.len(), 1);
}

#[test]
fn a_session_locked_elsewhere_opens_read_only_and_refuses_changes() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    store.locked_elsewhere.insert("team".into());
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).key(Right));
    let text = screen(&terminal);
    assert!(
        text.contains("open in another datakompas (process 4242)"),
        "{text}"
    );
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("4"));
    let text = screen(&terminal);
    assert!(text.contains("This session is read-only"), "{text}");
    assert!(text.contains("0 of 4 voted"), "{text}");
    assert!(store.stored("team").unwrap().cards[0].votes.is_empty());
}

#[test]
fn the_discussion_timer_counts_into_the_session_and_goes_quietly_over() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = Scripted::new(t0()).key(Right).key(Right).wait(700);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    assert!(text.contains("+1:40 over"), "{text}");
    let spent = store.stored("team").unwrap().cards[0].seconds_spent;
    assert!((700..=701).contains(&spent), "{spent}");
    // Paused time does not count.
    let s = Scripted::new(t0()).text(" ").wait(300);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    assert!(screen(&terminal).contains("paused"));
}

#[test]
fn pasted_text_loses_its_control_characters() {
    let mut store = MemoryStore::new().with_session(solo_session("solo"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "solo");
    let s = keys(Scripted::new(t0()), &[Right, Right, Right, Tab, Tab, Tab])
        .paste("We\u{1b}[31m said\u{7} no.\r\nTwice.");
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("solo").unwrap();
    assert_eq!(
        stored.cards[0].decision.rationale,
        "We[31m said no.\nTwice."
    );
}

#[test]
fn without_colour_the_focused_row_is_still_marked() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).key(Down));
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|y| text_row(buffer, *y).contains("New self-assessment"))
        .unwrap();
    let x = text_row(buffer, row).find("New self").unwrap() as u16;
    let cell = &buffer[(x, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
}

fn text_row(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn a_decision_survives_moving_around_and_editing_elsewhere() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = keys(Scripted::new(t0()), &[Left, Right, Right, Right, Char(' ')]);
    let s = keys(
        s,
        &[
            Char(']'),
            Char('o'),
            Down,
            Down,
            Enter,
            Char('['),
            Char('['),
            Char('q'),
        ],
    );
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.cards[0].decision.option.as_deref(), Some("go"));
}

#[test]
fn exports_are_written_from_the_end_screen_and_the_path_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
    let mut rt = datakompas::tui::event_loop::Runtime {
        store: &mut store,
        export_dir: dir.path().to_path_buf(),
        room: Default::default(),
    };
    let mut events = Scripted::new(t0()).text("e").text("m");
    datakompas::tui::event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    let path = dir.path().join("team.md");
    let text = screen(&terminal);
    assert!(
        text.contains(&format!("Exported to {}", path.display())),
        "{text}"
    );
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.contains("Brand team Q4"), "{md}");
    // Names and rationales stay private to the user, like the session.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    // A second export never overwrites the first.
    let mut events = Scripted::new(t0()).text("m").text("h");
    datakompas::tui::event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    assert!(dir.path().join("team-2.md").exists());
    assert!(dir.path().join("team.html").exists());
}

#[test]
fn clicks_choose_menu_items_and_stages() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    // "Browse the deck" is the fourth row of the menu.
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()));
    let row = screen(&terminal)
        .lines()
        .position(|l| l.contains("Browse the deck"))
        .unwrap() as u16;
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(5, row)),
    );
    assert!(
        screen(&terminal).contains("The deck"),
        "{}",
        screen(&terminal)
    );

    let mut app = tui_support::app(Lang::En);
    open(&mut app, &mut store, "team");
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()));
    let text = screen(&terminal);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Decide"))
        .unwrap();
    let col = line[..line.find("Decide").unwrap()].chars().count() as u16;
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).mouse(click(col + 1, row as u16)),
    );
    assert!(screen(&terminal).contains("What would your brand do?"));
}

#[test]
fn a_team_session_of_three_cards_with_four_people_from_home_to_the_end() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::Nl);
    let mut s = keys(Scripted::new(t0()), &[Enter])
        .text("Merkteam")
        .key(Tab);
    for name in ["Ann", "Bo", "Cem", "Dee"] {
        s = s.text(name).key(Enter);
    }
    // Empty name → on to the numbers; Tab to the cards; Enter starts.
    s = keys(s, &[Enter, Tab, Tab, Enter]);
    s = keys(s, &[Char(' '), Down, Char(' '), Down, Char(' '), Enter]);
    for (votes, option_downs) in [("2415", 1), ("3345", 3), ("1122", 0)] {
        s = s
            .key(Right)
            .text(votes)
            .text("r")
            .key(Right)
            .wait(90)
            .key(Right);
        for _ in 0..option_downs {
            s = s.key(Down);
        }
        s = keys(s, &[Char(' '), Right, Right]);
    }
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    assert!(text.contains("Afronding"), "{text}");
    assert!(text.contains("Concept, geen juridisch advies."), "{text}");

    let id = store.list_ids().pop().unwrap();
    let session = store.stored(&id).unwrap();
    assert_eq!(session.participants.len(), 4);
    assert_eq!(session.participants[3].name, "Dee");
    let options: Vec<Option<&str>> = session
        .cards
        .iter()
        .map(|c| c.decision.option.as_deref())
        .collect();
    assert_eq!(options, vec![Some("safe"), Some("no"), Some("go")]);
    for (card, expected) in session
        .cards
        .iter()
        .zip([[2, 4, 1, 5], [3, 3, 4, 5], [1, 1, 2, 2]])
    {
        let votes: Vec<u8> = card.votes.values().copied().collect();
        assert_eq!(votes, expected);
        assert!(card.revealed);
        assert!(
            (90..=92).contains(&card.seconds_spent),
            "{}",
            card.seconds_spent
        );
    }
}

#[test]
fn read_only_when_asked_shows_it_and_saves_nothing() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    {
        let mut rt = datakompas::tui::event_loop::Runtime {
            store: &mut store,
            export_dir: export_dir(),
            room: Default::default(),
        };
        datakompas::tui::event_loop::open(&mut app, &mut rt, "team", true, t0()).unwrap();
    }
    let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()).key(Right));
    let text = screen(&terminal);
    assert!(text.contains("Read-only, as asked"), "{text}");
    assert!(text.contains("read-only"), "{text}");
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("3").wait(5).text("qq"),
    );
    assert!(store.stored("team").unwrap().cards[0].votes.is_empty());
    assert_eq!(store.saves, 0);
}

#[test]
fn resizing_keeps_the_place_and_the_work() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = keys(
        Scripted::new(t0()),
        &[Right, Right, Right, Char(' '), Tab, Tab, Tab],
    )
    .text("Because.");
    run(&mut app, &mut store, 120, 36, s);
    // Shrunk below the minimum: keys wait, nothing is lost.
    let terminal = run(
        &mut app,
        &mut store,
        40,
        10,
        Scripted::new(t0()).text("xyz"),
    );
    assert!(screen(&terminal).contains("Make the terminal larger (now 40×10"));
    let terminal = run(&mut app, &mut store, 60, 18, Scripted::new(t0()));
    let text = screen(&terminal);
    assert!(text.contains("Because."), "{text}");
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.cards[0].decision.rationale, "Because.");
    assert_eq!(stored.cards[0].decision.option.as_deref(), Some("go"));
}

/// Events that run out into a panic, as a bug deep in the loop would.
struct Boom(Scripted);

impl datakompas::tui::event_loop::EventSource for Boom {
    fn next(&mut self) -> std::io::Result<Option<datakompas::tui::event_loop::Input>> {
        match self.0.next()? {
            Some(input) => Ok(Some(input)),
            None => panic!("a bug in the loop"),
        }
    }

    fn now(&self) -> jiff::Timestamp {
        self.0.now()
    }
}

#[test]
fn a_panic_in_the_loop_still_saves_what_was_entered_and_lets_go() {
    use datakompas::tui::event_loop::{self, Ended, Runtime};
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut events = Boom(Scripted::new(t0()).key(Right).text("4"));
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    let ended = event_loop::run_guarded(&mut terminal, &mut app, &mut rt, &mut events);
    assert!(matches!(ended, Ended::Panicked), "{ended:?}");
    assert_eq!(
        store.stored("team").unwrap().cards[0].votes.get("p1"),
        Some(&4)
    );
    assert!(!store.is_open("team"));
}

#[test]
fn any_participant_can_be_taken_off_the_list() {
    let mut store = MemoryStore::new();
    let mut app = app(Lang::En);
    let mut s = keys(Scripted::new(t0()), &[Enter, Tab]);
    for name in ["Ann", "Bo", "Cem"] {
        s = s.text(name).key(Enter);
    }
    // ← ← picks Bo; Backspace removes Bo; Enter on the empty field moves on.
    s = keys(s, &[Left, Left, Backspace, Enter, Char('+'), Enter]);
    run(&mut app, &mut store, 80, 24, s);
    let id = store.list_ids().pop().expect("a session was created");
    let names: Vec<String> = store
        .stored(&id)
        .unwrap()
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, vec!["Ann", "Cem"]);
}

#[test]
fn a_no_go_sets_safeguards_aside_until_the_team_keeps_them() {
    let mut s = team_session("team");
    s.cards[0].decision.option = Some("no".into());
    s.cards[0].decision.safeguards = vec!["optin".into()];
    s.position.stage = datakompas::domain::Stage::Decide;
    let mut store = MemoryStore::new().with_session(s);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let terminal = run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(KeyCode::Tab),
    );
    let text = screen(&terminal);
    assert!(
        text.contains("No safeguards needed: this becomes a red line."),
        "{text}"
    );
    assert!(
        text.contains("Keep safeguards too, if it ever comes back"),
        "{text}"
    );
    // The first row keeps them; the draft then carries them.
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(KeyCode::Char(' ')),
    );
    assert!(
        store.stored("team").unwrap().cards[0]
            .decision
            .keep_safeguards
    );
}

#[test]
fn owners_and_next_steps_are_filled_in_on_the_end_screen() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // End screen, the list, the organisation row: type it and keep it.
    let s = Scripted::new(t0())
        .text("e")
        .text("f")
        .key(KeyCode::Enter)
        .text("Acme, brand team")
        .key(KeyCode::Enter)
        // A next step: what, who, by when.
        .text("a")
        .text("Ask Legal about retention")
        .key(KeyCode::Tab)
        .text("Bo")
        .key(KeyCode::Tab)
        .text("2027-01-15")
        .key(KeyCode::Enter);
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    assert!(
        text.contains("Ask Legal about retention — Bo — 2027-01-15"),
        "{text}"
    );
    // The cursor stays on the new step. One stray x removes nothing; a
    // second one does.
    let f = &store.stored("team").unwrap().follow_up;
    assert_eq!(f.organisation, "Acme, brand team");
    assert_eq!(f.next_steps.len(), 1);
    assert_eq!(f.next_steps[0].who, "Bo");
    run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("x"));
    assert_eq!(store.stored("team").unwrap().follow_up.next_steps.len(), 1);
    run(&mut app, &mut store, 80, 24, Scripted::new(t0()).text("x"));
    assert!(
        store
            .stored("team")
            .unwrap()
            .follow_up
            .next_steps
            .is_empty()
    );
}

/// Frames drawn on the end screen of a team session after `idle` more
/// ticks and a second, once any due save has happened.
fn end_screen_frames(idle: usize) -> usize {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let mut script = keys(Scripted::new(t0()), &[Char('o'), Char('e')]).wait(60);
    for _ in 0..idle {
        script = script.input(datakompas::tui::event_loop::Input::Tick);
    }
    if idle > 0 {
        script = script.wait(1);
    }
    let mut terminal = run(&mut app, &mut store, 120, 36, script);
    assert!(app.open.is_some(), "still in the session");
    terminal.get_frame().count()
}

#[test]
fn an_idle_second_on_the_end_screen_draws_nothing_again() {
    assert_eq!(end_screen_frames(4), end_screen_frames(0));
    // A key still draws.
    assert!(end_screen_frames(0) > 1);
}
