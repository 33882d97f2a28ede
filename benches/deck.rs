//! How long checking a big deck takes: 2,000 cards, once without problems
//! and once with one problem on every card. Finding where each problem is
//! must cost about the file's size plus the problems, not their product.

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::deck;
use datakompas::domain::Lang;
use serde_json::Value;

/// The built-in deck's cards repeated to `n`, each with its own id; with
/// `broken`, every card's Dutch title is empty.
pub fn big_deck(n: usize, broken: bool) -> String {
    let (_, core) = deck::builtin_sources()[0];
    let mut doc: Value = serde_json::from_str(core).unwrap();
    let template = doc["cards"].as_array().unwrap().clone();
    let cards: Vec<Value> = (0..n)
        .map(|i| {
            let mut card = template[i % template.len()].clone();
            card["id"] = Value::String(format!("card-{i}"));
            if broken {
                card["title"]["nl"] = Value::String(String::new());
            }
            card
        })
        .collect();
    doc["cards"] = Value::Array(cards);
    serde_json::to_string_pretty(&doc).unwrap()
}

/// What `deck validate` does with a file's text: parse, check, report.
fn validate(json: &str) -> String {
    match deck::parse("big.json", json) {
        Ok(d) => d.cards.len().to_string(),
        Err(e) => e.report(Lang::En),
    }
}

fn bench(c: &mut Criterion) {
    let good = big_deck(2_000, false);
    let broken = big_deck(2_000, true);
    assert!(deck::parse("good.json", &good).is_ok());
    assert_eq!(
        deck::parse("big.json", &broken)
            .unwrap_err()
            .problems()
            .len(),
        2_000
    );
    let mut group = c.benchmark_group("deck_validate_2000");
    group.sample_size(10);
    group.bench_function("no_problems", |b| b.iter(|| validate(&good)));
    group.bench_function("problem_per_card", |b| b.iter(|| validate(&broken)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
