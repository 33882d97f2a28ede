//! How long the app takes to its first frame, through the real start: the
//! store opened on a data folder, the built-in assets loaded, the event
//! loop drawing the home screen at 120×40 on a `TestBackend` (in-process,
//! so the figure is the app's own work, not a terminal's). The first frame
//! comes before the saved sessions are read, so with 500 of them it should
//! cost what it costs with none; the list follows in the next frame, and
//! `until_listed` times the start up to that one. The first start with
//! nothing remembered of the sessions reads them all once.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::store::{FileStore, SessionStore};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::layout::{Position, Size};
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
    let mut terminal = Terminal::new(FirstFlush::new(TestBackend::new(120, 40))).unwrap();
    let mut events = Scripted::new(support::at(0));
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    let whole = began.elapsed();
    std::hint::black_box(terminal.backend().inner.buffer());
    let first = terminal.backend().first.expect("a frame was drawn") - began;
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

/// A backend that notes when the first frame was flushed to it.
struct FirstFlush<B> {
    inner: B,
    first: Option<Instant>,
}

impl<B> FirstFlush<B> {
    fn new(inner: B) -> Self {
        FirstFlush { inner, first: None }
    }
}

impl<B: Backend> Backend for FirstFlush<B> {
    type Error = B::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        let result = self.inner.flush();
        self.first.get_or_insert_with(Instant::now);
        result
    }
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
