//! How long drawing a busy screen takes: the decide stage of a team
//! session with votes, safeguards, principle checks and a long rationale,
//! and the end-of-session overview.

#[path = "../tests/tui_support/mod.rs"]
mod tui_support;

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::domain::{Lang, PrincipleCheck};
use datakompas::store::MemoryStore;
use datakompas::tui::app::App;
use datakompas::tui::event_loop::Scripted;
use datakompas::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn busy_app(keys: &[KeyCode]) -> App {
    let mut s = team_session("team");
    for (i, p) in s.cards.iter_mut().enumerate() {
        for v in 1..=4 {
            p.votes.insert(format!("p{v}"), ((i + v) % 5 + 1) as u8);
        }
        p.revealed = true;
        p.decision.option = Some("safe".into());
        p.decision.safeguards = vec!["optin".into(), "explain".into()];
        p.decision
            .principles
            .insert("transparent".into(), PrincipleCheck::Tension);
        p.decision.rationale = "We would only do this when customers asked for it. ".repeat(12);
    }
    let mut store = MemoryStore::new().with_session(s);
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    let script = keys.iter().fold(Scripted::new(t0()), |s, k| s.key(*k));
    run(&mut app, &mut store, 120, 36, script);
    app
}

fn render(c: &mut Criterion) {
    use KeyCode::*;
    for (name, keys) in [
        ("decide_120x36", vec![Right, Right, Right]),
        ("end_120x36", vec![Char('e')]),
        ("story_120x36", vec![]),
    ] {
        let app = busy_app(&keys);
        let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
        c.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|f| {
                        std::hint::black_box(view::draw(f, &app));
                    })
                    .unwrap();
            })
        });
    }
}

criterion_group!(benches, render);
criterion_main!(benches);
