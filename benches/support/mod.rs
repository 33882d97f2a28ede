//! What the benchmarks and the instruction counts share: sessions as a
//! long workshop and a year of workshops leave them.

#![allow(dead_code)]

#[path = "../../tests/store_support/mod.rs"]
mod store_support;

use datakompas::deck;
use datakompas::domain::session::DeckRef;
use datakompas::domain::{
    CardProgress, ChosenPrinciple, Decision, Lang, Mode, PrincipleCheck, Session,
};
use datakompas::store::{FileStore, SessionStore};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A fixed time, seconds after the store tests' epoch.
pub fn at(seconds: i64) -> jiff::Timestamp {
    store_support::at(seconds)
}

/// A deck of `n` cards: the built-in ones, repeated under new ids.
pub fn deck_of(n: usize) -> datakompas::domain::Deck {
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
pub fn full_session(deck: &datakompas::domain::Deck, voters: usize) -> Session {
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
        let mut p = CardProgress::new(card.id.clone());
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

/// A finished team session over every built-in card, as a year of
/// workshops leaves them.
pub fn finished(n: usize) -> Session {
    let mut s = store_support::full_session(&format!("2026-01-{:02}-team-{n}", n % 28 + 1));
    s.title = format!("Workshop {n}");
    s.deck.embedded = None;
    s.cards = datakompas::deck::builtin()
        .cards
        .iter()
        .map(|c| {
            let mut p = CardProgress::new(&c.id);
            p.votes = BTreeMap::from([("p1".into(), 2), ("p2".into(), 4), ("p3".into(), 5)]);
            p.revealed = true;
            p.decision = Decision {
                option: c.options.first().map(|o| o.id.clone()),
                safeguards: Vec::new(),
                principles: BTreeMap::from([("transparent".into(), PrincipleCheck::Upholds)]),
                rationale: "Only when the customer can see why. ".repeat(6),
                ..Decision::default()
            };
            p
        })
        .collect();
    s.touch(store_support::at(n as i64 * 3600));
    s
}

/// A data folder with `n` saved sessions, saved an hour ago, listed once
/// so that they are remembered as the last start left them.
pub fn saved(n: usize) -> tempfile::TempDir {
    let many = tempfile::tempdir().unwrap();
    saved_in(many.path(), n);
    many
}

/// [`saved`], in a folder of the caller's.
pub fn saved_in(data: &std::path::Path, n: usize) {
    let mut store = FileStore::new(Some(data)).unwrap();
    for i in 0..n {
        let s = finished(i);
        store.create(&s).unwrap();
        store.close(&s.id);
    }
    // A file changed within the last seconds is not remembered on disk yet.
    let sessions = data.join(datakompas::store::SESSIONS_DIR);
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    // No sessions, no folder yet.
    for entry in std::fs::read_dir(&sessions).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "json") {
            let file = std::fs::File::options().write(true).open(entry.path());
            file.unwrap().set_modified(earlier).unwrap();
        }
    }
    assert_eq!(store.list().unwrap().len(), n);
    assert!(n == 0 || cache_of(data).is_file());
}

/// Where the list is remembered in a data folder.
pub fn cache_of(data: &std::path::Path) -> PathBuf {
    data.join(datakompas::store::SESSIONS_DIR)
        .join(".list-cache")
}

/// A session of `cards` cards and 40 voters, every card decided, with
/// what an export of it is made from.
pub struct Exportable {
    pub deck: datakompas::domain::Deck,
    pub framework: datakompas::domain::Framework,
    pub library: datakompas::domain::PrincipleLibrary,
    pub session: Session,
}

impl Exportable {
    pub fn new(cards: usize) -> Exportable {
        let deck = deck_of(cards);
        let session = full_session(&deck, 40);
        Exportable {
            deck,
            framework: deck::framework(),
            library: deck::principles(),
            session,
        }
    }

    /// In Dutch, the longer language.
    pub fn input(&self) -> datakompas::export::ExportInput<'_> {
        datakompas::export::ExportInput {
            session: &self.session,
            deck: &self.deck,
            framework: &self.framework,
            library: &self.library,
            lang: Lang::Nl,
        }
    }
}
