//! What a cut-off screen says it left out: "↓ more" stands on a row of its
//! own and never covers a word, and the end screen's table ends a cut cell
//! in "…", in both languages and at every size a facilitator may have.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::{self, *};
use tui_support::*;

const SIZES: [(u16, u16); 4] = [(120, 36), (100, 30), (80, 24), (60, 20)];

/// A card story far longer than any window.
fn long_story() -> datakompas::domain::Text {
    t(
        &"Every word of this story matters to the team. ".repeat(60),
        &"Elk woord van dit verhaal telt voor het team. ".repeat(60),
    )
}

fn screen_after(lang: Lang, w: u16, h: u16, keys: &[KeyCode]) -> String {
    let mut app = app(lang);
    app.assets.deck.cards[0].story = long_story();
    app.assets.deck.cards[0].title = t(
        "A very long card title that cannot fit in the table's first column at all",
        "Een heel lange kaarttitel die helemaal niet in de eerste kolom van de tabel past",
    );
    let mut store = MemoryStore::new().with_session(team_session("s"));
    open(&mut app, &mut store, "s");
    let mut s = Scripted::new(t0());
    for k in keys {
        s = s.key(*k);
    }
    screen(&run(&mut app, &mut store, w, h, s))
}

/// Every row showing the marker holds nothing else but borders; `must`:
/// the text is known not to fit, so the marker has to be there.
fn assert_marker_alone(screen: &str, marker: &str, must: bool, what: &str) {
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains(marker)).collect();
    assert!(
        !must || !rows.is_empty(),
        "{what}: no “{marker}”:\n{screen}"
    );
    let border = |c: char| "│┃╭╮╰╯┏┓┗┛─━".contains(c);
    for row in rows {
        // The marker's own panel: from the border before it to the one after
        // (a popup's row shows other text outside its borders).
        let (before, after) = row.split_once(marker).unwrap();
        let left = before.rsplit(border).next().unwrap_or("");
        let right = after.split(border).next().unwrap_or("");
        let words: String = format!("{left}{right}")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            words.is_empty(),
            "{what}: “{marker}” shares its row with “{words}”:\n{screen}"
        );
    }
}

#[test]
fn the_more_marker_never_covers_text() {
    for (lang, marker) in [(Lang::En, "↓ more"), (Lang::Nl, "↓ meer")] {
        for (w, h) in SIZES {
            let at = |what: &str| format!("{what} {lang:?} {w}x{h}");
            let small = h <= 20;
            let story = screen_after(lang, w, h, &[]);
            assert_marker_alone(&story, marker, true, &at("story"));
            let help = screen_after(lang, w, h, &[Char('?')]);
            assert_marker_alone(&help, marker, small, &at("help"));
            let end = screen_after(lang, w, h, &[Char('e')]);
            assert_marker_alone(&end, marker, small, &at("end"));
            // The story scrolled part-way still keeps its marker apart.
            let scrolled = screen_after(lang, w, h, &[Down, Down, Down]);
            assert_marker_alone(&scrolled, marker, true, &at("story scrolled"));
        }
    }
}

#[test]
fn the_end_table_ends_a_cut_cell_in_an_ellipsis() {
    for (lang, start) in [(Lang::En, "A very long card"), (Lang::Nl, "Een heel lange")] {
        for (w, h) in [(120, 36), (100, 30)] {
            let end = screen_after(lang, w, h, &[Char('e')]);
            let row = end
                .lines()
                .find(|l| l.contains(start))
                .unwrap_or_else(|| panic!("{lang:?} {w}x{h}: no row:\n{end}"));
            // The cell's text stops in "…", then the next column follows.
            let cell = row.trim_start_matches(['│', ' ']);
            let cut = cell.split('…').next().unwrap();
            assert!(cell.contains('…'), "{lang:?} {w}x{h}: {row}");
            assert!(
                cut.len() < start.len() + 60,
                "{lang:?} {w}x{h}: cut late: {row}"
            );
        }
    }
}
