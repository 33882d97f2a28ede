//! How long the app takes to its first frame, through the real start: the
//! store opened on a data folder, the built-in assets loaded, the event
//! loop drawing the home screen at 120×40 on a `TestBackend` (in-process,
//! so the figure is the app's own work, not a terminal's). The first frame
//! comes before the saved sessions are read, so with 500 of them it should
//! cost what it costs with none; the list follows in the next frame, and
//! `until_listed` times the start up to that one. The first start with
//! nothing remembered of the sessions reads them all once.

#[path = "../tests/backend_support/mod.rs"]
mod backend_support;
mod support;

use backend_support::Noting;
use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::store::{FileStore, SessionStore};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};

/// The start on `data`, to the end of the first frame's flush and to the
/// end of the whole run (the list drawn too).
fn start(data: &Path) -> (Duration, Duration) {
    let began = Instant::now();
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
    let mut terminal = Terminal::new(Noting::new(TestBackend::new(120, 40), None, |_, first| {
        first.get_or_insert_with(Instant::now);
    }))
    .unwrap();
    let mut events = Scripted::new(support::at(0));
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    let whole = began.elapsed();
    std::hint::black_box(terminal.backend().inner.buffer());
    let first = terminal.backend().noted.expect("a frame was drawn") - began;
    (first, whole)
}

/// `iters` starts, timed to the first frame or to the end.
fn timed(data: &Path, iters: u64, whole: bool) -> Duration {
    (0..iters)
        .map(|_| {
            let (first, all) = start(data);
            if whole { all } else { first }
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    let none = tempfile::tempdir().unwrap();
    let many = support::saved(500);
    let cache = support::cache_of(many.path());
    for (name, whole) in [("first_frame_120x40", false), ("until_listed_120x40", true)] {
        let mut group = c.benchmark_group(name);
        group.bench_function("no_sessions", |b| {
            b.iter_custom(|iters| timed(none.path(), iters, whole))
        });
        group.bench_function("500_sessions", |b| {
            b.iter_custom(|iters| timed(many.path(), iters, whole))
        });
        // The first start after an update, or with the memory lost: every
        // file read once, and remembered again.
        group.bench_function("500_sessions_nothing_remembered", |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        std::fs::remove_file(&cache).unwrap();
                        let (first, all) = start(many.path());
                        if whole { all } else { first }
                    })
                    .sum()
            })
        });
        group.finish();
    }
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
