//! Random key presses, clicks and pastes at random terminal sizes never
//! make the app panic, and never lose a decision already made.

mod tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
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
            Step::Click(x, y) => s.mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: *x,
                row: *y,
                modifiers: KeyModifiers::NONE,
            }),
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
