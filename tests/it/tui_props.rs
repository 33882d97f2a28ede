//! Random key presses, clicks and pastes at random terminal sizes never
//! make the app panic, and never lose a decision already made.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseEvent, MouseEventKind};
use tui_support::*;

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode),
    Ctrl(char),
    Click(u16, u16),
    Wheel(bool),
    Paste(String),
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    let codes = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(2),
    ]);
    let chars = prop::sample::select(" 12345abeijklmnopqrx[]?+-".chars().collect::<Vec<_>>());
    prop_oneof![
        4 => codes.prop_map(Step::Key),
        4 => chars.prop_map(|c| Step::Key(KeyCode::Char(c))),
        1 => prop::sample::select(vec!['c', 'a', 'e', 'k']).prop_map(Step::Ctrl),
        2 => (0u16..140, 0u16..50).prop_map(|(x, y)| Step::Click(x, y)),
        1 => any::<bool>().prop_map(Step::Wheel),
        1 => "[a-z\\x00-\\x1f\n\t ]{0,12}".prop_map(Step::Paste),
        1 => (0i64..900).prop_map(Step::Wait),
    ]
}

fn script(steps: &[Step]) -> Scripted {
    steps
        .iter()
        .fold(Scripted::new(t0()), |s, step| match step {
            Step::Key(c) => s.key(*c),
            Step::Ctrl(c) => s.ctrl(*c),
            Step::Click(x, y) => s.mouse(click(*x, *y)),
            Step::Wheel(up) => s.mouse(MouseEvent {
                kind: if *up {
                    MouseEventKind::ScrollUp
                } else {
                    MouseEventKind::ScrollDown
                },
                column: 10,
                row: 10,
                modifiers: KeyModifiers::NONE,
            }),
            Step::Paste(text) => s.paste(text),
            Step::Wait(secs) => s.wait(*secs),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_or_loses_a_decision(
        steps in prop::collection::vec(step(), 0..60),
        w in 20u16..140,
        h in 5u16..50,
        dutch in any::<bool>(),
    ) {
        let mut session = team_session("team");
        session.cards[0].decision.option = Some("safe".into());
        let mut store = MemoryStore::new().with_session(session);
        let mut app = app(if dutch { Lang::Nl } else { Lang::En });
        open(&mut app, &mut store, "team");
        run(&mut app, &mut store, w, h, script(&steps));

        let stored = store.stored("team").expect("the session is still stored");
        // An option can be changed, never taken away.
        prop_assert!(stored.cards[0].decision.option.is_some());
        // Whatever the app holds has reached the store.
        if let Some(open) = &app.open {
            prop_assert_eq!(Some(&open.session), store.stored(&open.session.id));
        }
    }
}

/// What a hand-edited or damaged (but parseable) session file can hold.
#[derive(Debug, Clone, Copy)]
enum Damage {
    PositionOutOfRange(usize),
    NoCards,
    Votes(u8),
    MaxSeconds,
    UnknownOption,
    UnknownPrinciple,
    UnknownCard,
    EmptyParticipantId,
    DuplicateParticipantIds,
    ZeroMinutes,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (3usize..10_000).prop_map(Damage::PositionOutOfRange),
        Just(Damage::NoCards),
        prop::sample::select(vec![0u8, 6, 200, 255]).prop_map(Damage::Votes),
        Just(Damage::MaxSeconds),
        Just(Damage::UnknownOption),
        Just(Damage::UnknownPrinciple),
        Just(Damage::UnknownCard),
        Just(Damage::EmptyParticipantId),
        Just(Damage::DuplicateParticipantIds),
        Just(Damage::ZeroMinutes),
    ]
}

fn damaged(damages: &[Damage]) -> datakompas::domain::Session {
    use datakompas::domain::{CardProgress, ChosenPrinciple, PrincipleCheck};
    let mut s = team_session("team");
    s.cards[0].decision.option = Some("safe".into());
    for d in damages {
        match *d {
            Damage::PositionOutOfRange(card) => s.position.card = card,
            Damage::NoCards => s.cards.clear(),
            Damage::Votes(v) => {
                for c in &mut s.cards {
                    c.votes.insert("p1".into(), v);
                    c.votes.insert("ghost".into(), v);
                }
            }
            Damage::MaxSeconds => {
                for c in &mut s.cards {
                    c.seconds_spent = u32::MAX;
                }
            }
            Damage::UnknownOption => {
                if let Some(c) = s.cards.last_mut() {
                    c.decision.option = Some("no-such-option".into());
                    c.decision.safeguards.push("no-such-safeguard".into());
                }
            }
            Damage::UnknownPrinciple => {
                s.principles.push(ChosenPrinciple::Library {
                    id: "no-such-principle".into(),
                });
                for c in &mut s.cards {
                    c.decision
                        .principles
                        .insert("no-such-principle".into(), PrincipleCheck::Tension);
                    c.decision
                        .principles
                        .insert("never-chosen".into(), PrincipleCheck::Violates);
                }
            }
            Damage::UnknownCard => s
                .cards
                .insert(1.min(s.cards.len()), CardProgress::new("no-such-card")),
            Damage::EmptyParticipantId => {
                if let Some(p) = s.participants.first_mut() {
                    p.id = String::new();
                }
            }
            Damage::DuplicateParticipantIds => {
                let first = s.participants.first().map(|p| p.id.clone());
                if let (Some(id), Some(p)) = (first, s.participants.last_mut()) {
                    p.id = id;
                }
            }
            Damage::ZeroMinutes => s.minutes_per_card = 0,
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A hand-edited session opens and survives random input, and keeps
    /// everything the app gives no way to change.
    #[test]
    fn hostile_sessions_never_panic_or_lose_what_they_hold(
        damages in prop::collection::vec(damage(), 1..5),
        steps in prop::collection::vec(step(), 0..50),
        w in 20u16..140,
        h in 5u16..50,
        dutch in any::<bool>(),
    ) {
        let before = damaged(&damages);
        let mut store = MemoryStore::new().with_session(before.clone());
        let mut app = app(if dutch { Lang::Nl } else { Lang::En });
        open(&mut app, &mut store, "team");
        run(&mut app, &mut store, w, h, script(&steps));

        let after = store.stored("team").expect("the session is still stored");
        prop_assert_eq!(&after.id, &before.id);
        prop_assert_eq!(&after.title, &before.title);
        prop_assert_eq!(&after.participants, &before.participants);
        prop_assert_eq!(after.minutes_per_card, before.minutes_per_card);
        let cards = |s: &datakompas::domain::Session| {
            s.cards.iter().map(|c| c.card.clone()).collect::<Vec<_>>()
        };
        prop_assert_eq!(cards(after), cards(&before));
        // A principle the library does not know cannot be unticked here.
        prop_assert!(before
            .principles
            .iter()
            .filter(|p| p.id() == "no-such-principle")
            .all(|p| after.principles.contains(p)));
        for (b, a) in before.cards.iter().zip(&after.cards) {
            // Time only grows; nobody can take a vote of someone not on the list.
            prop_assert!(a.seconds_spent >= b.seconds_spent);
            prop_assert_eq!(a.votes.get("ghost"), b.votes.get("ghost"));
            // An option can be changed, never taken away.
            prop_assert!(b.decision.option.is_none() || a.decision.option.is_some());
            // Checks for principles the team did not choose stay as they were.
            prop_assert_eq!(
                a.decision.principles.get("never-chosen"),
                b.decision.principles.get("never-chosen")
            );
        }
        if let Some(open) = &app.open {
            prop_assert_eq!(Some(&open.session), store.stored(&open.session.id));
        }
    }
}

/// Found by the property above: the discussion timer ticks without marking
/// the session for saving (it saves every half minute), so a run that ended
/// a second into Discuss left the app ahead of the store.
#[test]
fn a_run_that_ends_while_the_timer_runs_saves_the_time_spent() {
    use ratatui::crossterm::event::KeyCode::{Right, Tab};
    let mut session = team_session("team");
    session.cards[0].decision.option = Some("safe".into());
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let steps = [
        Step::Key(Right),
        Step::Key(Right),
        Step::Key(Tab),
        Step::Wait(2),
    ];
    run(&mut app, &mut store, 60, 18, script(&steps));
    let open = app.open.as_ref().expect("still open");
    assert!(open.session.cards[0].seconds_spent > 0);
    assert_eq!(Some(&open.session), store.stored("team"));
}
