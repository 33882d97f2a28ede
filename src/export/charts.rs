//! Inline SVG charts for the HTML export. Every mark carries a text label
//! or symbol, so nothing is told by colour alone.

use maud::{Markup, html};

use super::md_escape::clean;
use super::notes::{CardNote, PrincipleMark};
use crate::domain::session::{VOTE_MAX, VOTE_MIN};
use crate::domain::{Lang, PrincipleCheck, VoteSummary};
use crate::i18n::export::{ExportMsg as M, check};
use crate::i18n::labels::Label;

const BAR_WIDTH: u32 = 26;
const BAR_GAP: u32 = 6;
const BAR_HEIGHT: u32 = 44;

/// Five bars, one per vote value, scaled to `peak` (the largest count on
/// any card, so cards compare at a glance). Counts above, values below.
pub fn vote_bars(votes: &VoteSummary, peak: u32, label: &str) -> Markup {
    let width = 5 * BAR_WIDTH + 4 * BAR_GAP;
    let height = BAR_HEIGHT + 30;
    let peak = peak.max(1);
    html! {
        svg.bars xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(label)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            title { (label) }
            @for value in VOTE_MIN..=VOTE_MAX {
                @let i = u32::from(value - VOTE_MIN);
                @let count = votes.count(value);
                @let h = if count == 0 { 1 } else { (count * BAR_HEIGHT).div_ceil(peak).max(3) };
                @let x = i * (BAR_WIDTH + BAR_GAP);
                @let top = 14 + BAR_HEIGHT - h;
                rect class=(format!("bar v{value}")) x=(x) y=(top) width=(BAR_WIDTH) height=(h) rx="2" {}
                text.count x=(x + BAR_WIDTH / 2) y=(top - 3) text-anchor="middle" { (count) }
                text.value x=(x + BAR_WIDTH / 2) y=(height - 3) text-anchor="middle" { (value) }
            }
        }
    }
}

/// The symbol drawn in a heatmap cell, so the map reads without colour.
pub fn check_symbol(check: Option<PrincipleCheck>) -> &'static str {
    match check {
        Some(PrincipleCheck::Upholds) => "✓",
        Some(PrincipleCheck::Tension) => "~",
        Some(PrincipleCheck::Violates) => "✗",
        None => "·",
    }
}

pub fn check_class(check: Option<PrincipleCheck>) -> &'static str {
    match check {
        Some(PrincipleCheck::Upholds) => "upholds",
        Some(PrincipleCheck::Tension) => "tension",
        Some(PrincipleCheck::Violates) => "violates",
        None => "none",
    }
}

/// Principle names longer than this wrap onto more lines in the chart.
const LABEL_CHARS: usize = 24;

/// A label wrapped at word boundaries into lines of at most
/// [`LABEL_CHARS`]; a word longer than that gets a line of its own, split.
fn wrapped(name: &str) -> Vec<String> {
    let name = clean(name).replace('\n', " ");
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > LABEL_CHARS {
            let rest = word.split_off(LABEL_CHARS);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        let word: String = word.into_iter().collect();
        match lines.last_mut() {
            Some(last) if last.chars().count() + 1 + word.chars().count() <= LABEL_CHARS => {
                last.push(' ');
                last.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Height of one line of a row label.
const LINE: u32 = 14;

/// The heatmap's measures: a label column, square cells, a head row, and
/// each principle's row as tall as its wrapped name needs.
struct Grid {
    label_width: u32,
    cell: u32,
    head: u32,
    /// Each row's name, wrapped; and where the row starts.
    labels: Vec<Vec<String>>,
    tops: Vec<u32>,
}

impl Grid {
    fn new(rows: &[PrincipleMark]) -> Grid {
        let mut grid = Grid {
            label_width: 190,
            cell: 30,
            head: 26,
            // Names wrap rather than being cut; a row grows with its label.
            labels: rows.iter().map(|p| wrapped(&p.name)).collect(),
            tops: Vec::with_capacity(rows.len()),
        };
        let mut y = grid.head;
        for r in 0..grid.labels.len() {
            grid.tops.push(y);
            y += grid.row_h(r);
        }
        grid
    }

    fn row_h(&self, r: usize) -> u32 {
        self.cell.max(LINE * self.labels[r].len() as u32 + 4)
    }

    /// Where the rows end.
    fn bottom(&self) -> u32 {
        match self.tops.last() {
            Some(&top) => top + self.row_h(self.tops.len() - 1),
            None => self.head,
        }
    }
}

/// Principles (rows) × cards (columns, by number) with each decision's
/// check as colour and symbol, followed by its legend.
pub fn heatmap(cards: &[CardNote], lang: Lang) -> Markup {
    let Some(first) = cards.first() else {
        return html! {};
    };
    let rows = &first.principles;
    let grid = Grid::new(rows);
    let width = grid.label_width + grid.cell * cards.len() as u32 + 4;
    let height = grid.bottom() + 4;
    let title = M::ChartHeatmap.get(lang);
    html! {
        svg.heatmap xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            title { (title) }
            @for (c, note) in cards.iter().enumerate() {
                text.colhead x=(grid.label_width + grid.cell * c as u32 + grid.cell / 2) y=(grid.head - 8) text-anchor="middle" {
                    title { (clean(&note.title)) }
                    (note.number)
                }
            }
            @for (r, principle) in rows.iter().enumerate() {
                (heatmap_row(&grid, r, principle, cards, lang))
            }
        }
        (heatmap_legend(lang))
    }
}

/// One principle: its wrapped name, then a cell per card.
fn heatmap_row(
    grid: &Grid,
    r: usize,
    principle: &PrincipleMark,
    cards: &[CardNote],
    lang: Lang,
) -> Markup {
    let (label_width, cell) = (grid.label_width, grid.cell);
    let lines = &grid.labels[r];
    let h = grid.row_h(r);
    let y = grid.tops[r] + (h - cell) / 2;
    let first_line = grid.tops[r] + h / 2 + 5 - LINE * (lines.len() as u32 - 1) / 2;
    html! {
        text.rowhead x=(label_width - 8) y=(first_line) text-anchor="end" {
            title { (clean(&principle.name)) }
            @for (i, line) in lines.iter().enumerate() {
                tspan x=(label_width - 8) y=(first_line + LINE * i as u32) { (line) }
            }
        }
        @for (c, note) in cards.iter().enumerate() {
            @let mark = note.principles.get(r).and_then(|p| p.check);
            @let x = label_width + cell * c as u32;
            g {
                title {
                    (clean(&principle.name)) " × " (note.number) ". " (clean(&note.title)) ": "
                    (mark.map(|m| check(m).get(lang)).unwrap_or(M::NotChecked.get(lang)))
                }
                rect class=(format!("cell {}", check_class(mark))) x=(x + 1) y=(y + 1)
                    width=(cell - 2) height=(cell - 2) rx="3" {}
                text.symbol x=(x + cell / 2) y=(y + cell / 2 + 5) text-anchor="middle" {
                    (check_symbol(mark))
                }
            }
        }
    }
}

/// What each cell's colour and symbol mean.
fn heatmap_legend(lang: Lang) -> Markup {
    html! {
        ul.legend aria-label=(M::Legend.get(lang)) {
            @for (mark, label) in [
                (Some(PrincipleCheck::Upholds), Label::CheckUpholds.get(lang)),
                (Some(PrincipleCheck::Tension), Label::CheckTension.get(lang)),
                (Some(PrincipleCheck::Violates), Label::CheckViolates.get(lang)),
                (None, M::NotChecked.get(lang)),
            ] {
                li {
                    span class=(format!("swatch {}", check_class(mark))) { (check_symbol(mark)) }
                    " " (label)
                }
            }
        }
    }
}
