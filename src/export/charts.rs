//! Inline SVG charts for the HTML export. Every mark carries a text label
//! or symbol, so nothing is told by colour alone.

use maud::{Markup, html};

use super::md_escape::clean;
use super::notes::CardNote;
use crate::domain::session::{VOTE_MAX, VOTE_MIN};
use crate::domain::{Lang, PrincipleCheck, VoteSummary};
use crate::i18n::export::{CheckMsg, ExportMsg as M, check};

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

/// Principle names longer than this are cut in the chart; the full name
/// is in the cell's tooltip and in the list of principles.
const LABEL_CHARS: usize = 24;

fn short(name: &str) -> String {
    let name = clean(name).replace('\n', " ");
    if name.chars().count() <= LABEL_CHARS {
        name
    } else {
        let cut: String = name.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Principles (rows) × cards (columns, by number) with each decision's
/// check as colour and symbol, followed by its legend.
pub fn heatmap(cards: &[CardNote], lang: Lang) -> Markup {
    let Some(first) = cards.first() else {
        return html! {};
    };
    let rows = &first.principles;
    let label_width = 190;
    let cell = 30;
    let head = 26;
    let width = label_width + cell * cards.len() as u32 + 4;
    let height = head + cell * rows.len() as u32 + 4;
    let title = M::ChartHeatmap.get(lang);
    html! {
        svg.heatmap xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            title { (title) }
            @for (c, note) in cards.iter().enumerate() {
                text.colhead x=(label_width + cell * c as u32 + cell / 2) y=(head - 8) text-anchor="middle" {
                    title { (clean(&note.title)) }
                    (note.number)
                }
            }
            @for (r, principle) in rows.iter().enumerate() {
                @let y = head + cell * r as u32;
                text.rowhead x=(label_width - 8) y=(y + cell / 2 + 5) text-anchor="end" {
                    title { (clean(&principle.name)) }
                    (short(&principle.name))
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
        ul.legend aria-label=(M::Legend.get(lang)) {
            @for (mark, label) in [
                (Some(PrincipleCheck::Upholds), CheckMsg::Upholds.get(lang)),
                (Some(PrincipleCheck::Tension), CheckMsg::Tension.get(lang)),
                (Some(PrincipleCheck::Violates), CheckMsg::Violates.get(lang)),
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
