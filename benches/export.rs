//! How long the end of a workshop takes: drafting the policy and rendering
//! each export (Markdown, HTML, JSON, Word) for a session of 300 cards and
//! 40 voters, and of 3,000 cards to see how it grows. A facilitator
//! presses "export" with the room waiting.

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::deck;
use datakompas::domain::policy::draft;
use datakompas::domain::session::DeckRef;
use datakompas::domain::{ChosenPrinciple, Lang, Mode, PrincipleCheck, Session};
use datakompas::export::{self, ExportInput, Parts};

/// A deck of `n` cards: the built-in ones, repeated under new ids.
fn deck_of(n: usize) -> datakompas::domain::Deck {
    let mut deck = deck::builtin();
    let template = deck.cards.clone();
    deck.cards = (0..n)
        .map(|i| {
            let mut card = template[i % template.len()].clone();
            card.id = format!("{}-{i}", card.id);
            card
        })
        .collect();
    deck
}

/// `voters` participants, every card voted and decided, every suggested
/// safeguard ticked, every principle checked, a paragraph of rationale.
fn full_session(deck: &datakompas::domain::Deck, voters: usize) -> Session {
    let now = "2026-11-29T10:00:00Z".parse().unwrap();
    let deck_ref = DeckRef {
        id: deck.id.clone(),
        version: deck.version.clone(),
        embedded: None,
    };
    let mut s = Session::new(
        "2026-11-29-bench".into(),
        "Brand team".into(),
        Mode::Team,
        Lang::En,
        deck_ref,
        now,
    );
    let names: Vec<String> = (1..=voters).map(|n| format!("Voter {n}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    s.participants = Session::named_participants(&names);
    s.principles = ["transparent", "helpful", "in_control", "personal", "fair"]
        .iter()
        .map(|id| ChosenPrinciple::Library { id: id.to_string() })
        .collect();
    for (i, card) in deck.cards.iter().enumerate() {
        let mut p = datakompas::domain::CardProgress::new(card.id.clone());
        for (j, participant) in s.participants.iter().enumerate() {
            p.votes
                .insert(participant.id.clone(), ((i + j) % 5 + 1) as u8);
        }
        p.revealed = true;
        p.seconds_spent = 600;
        let option = &card.options[i % card.options.len()];
        p.decision.option = Some(option.id.clone());
        p.decision.safeguards = card.safeguards.clone();
        for (k, principle) in s.principles.iter().enumerate() {
            let check = PrincipleCheck::ALL[(i + k) % 3];
            p.decision
                .principles
                .insert(principle.id().to_string(), check);
        }
        p.decision.rationale =
            "We weighed what customers expect against what the data could do. ".repeat(8);
        s.cards.push(p);
    }
    s
}

fn bench_assets(c: &mut Criterion) {
    c.bench_function("load built-in deck and assets", |b| {
        b.iter(|| (deck::builtin(), deck::framework(), deck::principles()))
    });
}

/// The draft and every format for a session of `cards` cards and 40
/// voters: the figures should grow with the cards, not faster.
fn bench_size(c: &mut Criterion, cards: usize) {
    let deck = deck_of(cards);
    let framework = deck::framework();
    let library = deck::principles();
    let session = full_session(&deck, 40);
    let input = ExportInput {
        session: &session,
        deck: &deck,
        framework: &framework,
        library: &library,
        lang: Lang::Nl,
    };
    let mut group = c.benchmark_group(format!("export_{cards}_cards_40_voters"));
    if cards > 1000 {
        group.sample_size(10);
    }
    group.bench_function("policy_draft", |b| {
        b.iter(|| draft(&session, &deck, &framework, &library, Lang::Nl))
    });
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
