//! How long the end of a workshop takes: drafting the policy and rendering
//! each export for a session that played the whole built-in deck. A
//! facilitator presses "export" with the room waiting; this should stay
//! well under a frame's worth of time.

use criterion::{Criterion, criterion_group, criterion_main};
use datakompas::deck;
use datakompas::domain::policy::draft;
use datakompas::domain::session::DeckRef;
use datakompas::domain::{ChosenPrinciple, Lang, Mode, PrincipleCheck, Session};
use datakompas::export::{self, ExportInput, Parts};

/// Four participants, every card voted and decided, every suggested
/// safeguard ticked, every principle checked, a paragraph of rationale.
fn full_session(deck: &datakompas::domain::Deck) -> Session {
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
    s.participants = Session::named_participants(&["Ann", "Bo", "Cem", "Dewi"]);
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

fn bench_export(c: &mut Criterion) {
    let deck = deck::builtin();
    let framework = deck::framework();
    let library = deck::principles();
    let session = full_session(&deck);
    let input = ExportInput {
        session: &session,
        deck: &deck,
        framework: &framework,
        library: &library,
        lang: Lang::Nl,
    };
    c.bench_function("load built-in deck and assets", |b| {
        b.iter(|| (deck::builtin(), deck::framework(), deck::principles()))
    });
    c.bench_function("policy draft, 14 decided cards", |b| {
        b.iter(|| draft(&session, &deck, &framework, &library, Lang::Nl))
    });
    c.bench_function("markdown export, 14 cards", |b| {
        b.iter(|| export::markdown(&input, Parts::Both))
    });
    c.bench_function("html export, 14 cards", |b| {
        b.iter(|| export::html(&input, Parts::Both))
    });
    c.bench_function("json export, 14 cards", |b| {
        b.iter(|| export::json(&input, Parts::Both))
    });
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
