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

/// A finished team session over 300 cards (the built-in ones, repeated
/// under new ids in a deck of its own), every card decided.
fn long_session() -> (App, MemoryStore) {
    let mut deck = datakompas::deck::builtin();
    let template = deck.cards.clone();
    deck.cards = (0..300)
        .map(|i| {
            let mut card = template[i % template.len()].clone();
            card.id = format!("card-{i}");
            card
        })
        .collect();
    let mut s = team_session("long");
    s.deck.id = deck.id.clone();
    s.deck.version = deck.version.clone();
    s.cards = deck
        .cards
        .iter()
        .enumerate()
        .map(|(i, card)| {
            let mut p = datakompas::domain::CardProgress::new(&card.id);
            for v in 1..=4 {
                p.votes.insert(format!("p{v}"), ((i + v) % 5 + 1) as u8);
            }
            p.revealed = true;
            p.decision.option = card
                .options
                .get(i % card.options.len())
                .map(|o| o.id.clone());
            p.decision
                .principles
                .insert("transparent".into(), PrincipleCheck::Tension);
            p.decision.rationale = "Only when customers asked for it. ".repeat(4);
            p
        })
        .collect();
    s.deck.embedded = Some(deck);
    let mut store = MemoryStore::new().with_session(s);
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "long");
    (app, store)
}

/// The end screen of a 300-card session at 200×60 against a bare
/// `Paragraph` of the same visible text: the frame should cost little
/// more than drawing what is seen.
fn end_screen(c: &mut Criterion) {
    let (mut app, mut store) = long_session();
    let script = Scripted::new(t0())
        .key(KeyCode::Char('o'))
        .key(KeyCode::Char('e'));
    let drawn = run(&mut app, &mut store, 200, 60, script);
    let buffer = drawn.backend().buffer().clone();
    let text: Vec<String> = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    assert!(
        text.iter()
            .any(|l| l.contains(datakompas::i18n::tui::T::PolicyPreview.get(Lang::Nl))),
        "the end screen of the long session is shown"
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut group = c.benchmark_group("end_300_cards_200x60");
    group.bench_function("frame", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    std::hint::black_box(view::draw(f, &app));
                })
                .unwrap();
        })
    });
    group.bench_function("bare_paragraph", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    let lines: Vec<ratatui::text::Line> = text
                        .iter()
                        .map(|l| ratatui::text::Line::raw(l.as_str()))
                        .collect();
                    f.render_widget(ratatui::widgets::Paragraph::new(lines), f.area());
                })
                .unwrap();
        })
    });
    group.finish();
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

criterion_group!(benches, render, end_screen);
criterion_main!(benches);
