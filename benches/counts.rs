//! One piece of work, done once, for counting its instructions with
//! valgrind: a count does not depend on what else the machine is doing,
//! so it compares builds where a busy machine's times cannot. The setup is
//! left out of the count by naming only `measured`:
//!
//! ```sh
//! cargo bench --bench counts --no-run
//! valgrind --tool=callgrind --toggle-collect='*measured*' \
//!     target/release/deps/counts-HASH draft 3000
//! ```
//!
//! Work: `draft N`, `markdown N`, `html N`, `json N`, `word N` (a session
//! of N cards and 40 voters), `list N` and `start N` (a start with N saved
//! sessions, until the list is drawn). `saved N DIR` leaves a data folder
//! of N saved sessions in DIR, to start the real binary on.

mod support;

use datakompas::domain::Lang;
use datakompas::export::{self, Parts};
use datakompas::store::{FileStore, SessionStore};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// The work the count names; never inlined, so its name stays.
#[inline(never)]
fn measured<T>(work: impl FnOnce() -> T) -> T {
    black_box(work())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (what, n) = match args.as_slice() {
        [what, n, ..] => (what.as_str(), n.parse::<usize>().expect("a number")),
        _ => panic!("usage: counts WORK N"),
    };
    match what {
        "saved" => support::saved_in(std::path::Path::new(args.get(2).expect("a folder")), n),
        "list" | "start" => sessions(what, n),
        _ => exports(what, n),
    }
}

fn exports(what: &str, cards: usize) {
    let built = support::Exportable::new(cards);
    let input = built.input();
    match what {
        "draft" => {
            measured(|| input.policy());
        }
        "markdown" => {
            measured(|| export::markdown(&input, Parts::Both));
        }
        "html" => {
            measured(|| export::html(&input, Parts::Both));
        }
        "json" => {
            measured(|| export::json(&input, Parts::Both));
        }
        "word" => {
            measured(|| export::docx(&input, Parts::Both).unwrap());
        }
        _ => panic!("unknown work {what}"),
    }
}

fn sessions(what: &str, n: usize) {
    let data = support::saved(n);
    match what {
        "list" => {
            measured(|| FileStore::new(Some(data.path())).unwrap().list().unwrap());
        }
        _ => {
            measured(|| {
                let mut store = FileStore::new(Some(data.path())).unwrap();
                let mut app = App::new(Lang::Nl, true, datakompas::tui::builtin_assets());
                let mut rt = Runtime {
                    store: &mut store,
                    export_dir: data.path().to_path_buf(),
                    room: Default::default(),
                };
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                let mut events = Scripted::new(support::at(0));
                event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
                terminal.backend().buffer().clone()
            });
        }
    }
}
