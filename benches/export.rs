//! How long the end of a workshop takes: drafting the policy and rendering
//! each export (Markdown, HTML, JSON, Word) for a session of 300 cards and
//! 40 voters, and of 3,000 cards to see how it grows. A facilitator
//! presses "export" with the room waiting.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::deck;
use datakompas::export::{self, Parts};

fn bench_assets(c: &mut Criterion) {
    c.bench_function("load built-in deck and assets", |b| {
        b.iter(|| (deck::builtin(), deck::framework(), deck::principles()))
    });
}

/// The draft and every format for a session of `cards` cards and 40
/// voters: the figures should grow with the cards, not faster.
fn bench_size(c: &mut Criterion, cards: usize) {
    let built = support::Exportable::new(cards);
    let input = built.input();
    let mut group = c.benchmark_group(format!("export_{cards}_cards_40_voters"));
    if cards > 1000 {
        group.sample_size(10);
    }
    group.bench_function("policy_draft", |b| b.iter(|| input.policy()));
    group.bench_function("markdown", |b| {
        b.iter(|| export::markdown(&input, Parts::Both))
    });
    group.bench_function("html", |b| b.iter(|| export::html(&input, Parts::Both)));
    group.bench_function("json", |b| b.iter(|| export::json(&input, Parts::Both)));
    group.bench_function("word", |b| b.iter(|| export::docx(&input, Parts::Both)));
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    bench_assets(c);
    for cards in [300, 3000] {
        bench_size(c, cards);
    }
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
