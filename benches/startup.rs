//! How long the app takes to its first frame, through the real start: the
//! store opened on a data folder, the built-in assets loaded, the event
//! loop drawing the home screen at 120×40 on a `TestBackend` (in-process,
//! so the figure is the app's own work, not a terminal's). With 500 saved
//! sessions it should cost little more than with none; the first start
//! with nothing remembered of them reads them all once.

#[path = "../tests/store_support/mod.rs"]
mod store_support;

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::domain::{CardProgress, Decision, PrincipleCheck, Session};
use datakompas::store::{FileStore, SessionStore};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::path::Path;

/// A finished team session over every built-in card, as a year of
/// workshops leaves them.
fn finished(n: usize) -> Session {
    let mut s = store_support::full_session(&format!("2026-01-{:02}-team-{n}", n % 28 + 1));
    s.title = format!("Workshop {n}");
    s.deck.embedded = None;
    s.cards = datakompas::deck::builtin()
        .cards
        .iter()
        .map(|c| {
            let mut p = CardProgress::new(&c.id);
            p.votes = BTreeMap::from([("p1".into(), 2), ("p2".into(), 4), ("p3".into(), 5)]);
            p.revealed = true;
            p.decision = Decision {
                option: c.options.first().map(|o| o.id.clone()),
                safeguards: Vec::new(),
                principles: BTreeMap::from([("transparent".into(), PrincipleCheck::Upholds)]),
                rationale: "Only when the customer can see why. ".repeat(6),
                ..Decision::default()
            };
            p
        })
        .collect();
    s.touch(store_support::at(n as i64 * 3600));
    s
}

fn first_frame(data: &Path) {
    let mut store = FileStore::new(Some(data)).unwrap();
    let mut app = App::new(
        datakompas::domain::Lang::Nl,
        true,
        datakompas::tui::builtin_assets(),
    );
    let mut rt = Runtime {
        store: &mut store,
        export_dir: data.to_path_buf(),
        room: Default::default(),
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut events = Scripted::new(store_support::at(0));
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    std::hint::black_box(terminal.backend().buffer());
}

fn bench(c: &mut Criterion) {
    let none = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(many.path())).unwrap();
    for n in 0..500 {
        let s = finished(n);
        store.create(&s).unwrap();
        store.close(&s.id);
    }
    // Saved on earlier days: a file changed within the last seconds is
    // not remembered on disk yet.
    let sessions = many.path().join(datakompas::store::SESSIONS_DIR);
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(&sessions).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "json") {
            let file = std::fs::File::options().write(true).open(entry.path());
            file.unwrap().set_modified(earlier).unwrap();
        }
    }
    // Listing once remembers them, as the last start did.
    assert_eq!(store.list().unwrap().len(), 500);
    let cache = sessions.join(".list-cache");
    assert!(cache.is_file());
    let mut group = c.benchmark_group("first_frame_120x40");
    group.bench_function("no_sessions", |b| b.iter(|| first_frame(none.path())));
    group.bench_function("500_sessions", |b| b.iter(|| first_frame(many.path())));
    // The first start after an update, or with the memory lost: every
    // file read once, and remembered again.
    group.bench_function("500_sessions_nothing_remembered", |b| {
        b.iter_batched(
            || std::fs::remove_file(&cache).unwrap(),
            |()| first_frame(many.path()),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
    // The part of the start that grows with the sessions: the list alone.
    let mut group = c.benchmark_group("session_list");
    group.bench_function("no_sessions", |b| b.iter(|| list(none.path())));
    group.bench_function("500_sessions", |b| b.iter(|| list(many.path())));
    group.finish();
}

/// The saved sessions as a new start lists them.
fn list(data: &Path) -> usize {
    let store = FileStore::new(Some(data)).unwrap();
    store.list().unwrap().len()
}

criterion_group!(benches, bench);
criterion_main!(benches);
