//! Comparing sessions card by card, so a facilitator sees where people
//! disagree before the workshop and can build the agenda from that.
//!
//! The rules, in the order [`compare`] applies them:
//!
//! - Each session is one *person* (a self-assessment, or a whole team).
//!   Their label is the solo participant's name when set, otherwise the
//!   session title, without the words all those titles share at the start
//!   or end ("Ann, self-assessment" and "Bo, self-assessment" read "Ann"
//!   and "Bo"); equal labels get the day the session was started, in UTC
//!   (`Ann (2026-11-29)`), and any still equal ` (2)`, ` (3)`, … in
//!   argument order.
//! - Cards are matched by id. A person *answered* a card when their session
//!   plays it, their deck has it, and they gave a gut-check vote or chose
//!   an option. A card someone skipped counts only for those who answered.
//!   Cards fewer than two people answered are not compared; they are listed
//!   in [`Comparison::not_compared`].
//! - A person's vote is the average of their session's valid votes on the
//!   card, rounded to one decimal: a self-assessment's single vote, or a
//!   team's average. The *spread* is the highest minus the lowest of those
//!   votes; the card is *split* from [`SPLIT_SPREAD`] on, as for a room's
//!   votes ([`VoteSummary::split`]).
//! - A person's stance is that of the option they chose. Stances *differ*
//!   when those who decided chose more than one stance. The *gap* is how
//!   many steps lie between the most and the least permissive of them, in
//!   the order go, go with safeguards, redesign, no-go (go against no-go
//!   is 3).
//! - Principles are matched across sessions by library id, or by name for a
//!   team's own principle (case and spacing ignored; an own principle named
//!   like a library one is that one). A principle is *judged differently*
//!   on a card when two or more people judged it there and did not all
//!   give the same check.
//! - A card shows *disagreement* when stances differ, the vote is split, or
//!   a principle was judged differently.
//! - Ranking, most to discuss first: cards with disagreement before those
//!   without; then the stance gap, then the vote spread, then how many
//!   principles were judged differently, then how many people answered; a
//!   tie keeps play order (the first session's, then cards only later
//!   sessions have).
//! - The agenda follows the ranking: the first [`AGENDA_SIZE`] cards with
//!   disagreement to discuss, the other cards with disagreement if time
//!   allows, and the cards without, to confirm quickly.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::deck::{Deck, Stance};
use super::lang::Lang;
use super::principle::{PrincipleLibrary, normalise};
use super::session::{ChosenPrinciple, Mode, PrincipleCheck, Session};
use super::votes::{SPLIT_SPREAD, VoteSummary};

/// How many cards the agenda puts up for discussion at most.
pub const AGENDA_SIZE: usize = 5;

/// One session to compare, with the deck it was played with.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub session: &'a Session,
    pub deck: &'a Deck,
}

/// Why sessions cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareProblem {
    /// Fewer than two sessions.
    TooFew,
    /// No card is in more than one session.
    NoSharedCards,
    /// Cards are shared, but none was answered by two people yet.
    NothingAnswered,
}

/// The whole comparison, texts in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub people: Vec<Person>,
    /// Compared cards, most disagreement first.
    pub cards: Vec<CardComparison>,
    /// Cards in more than one session that fewer than two people answered.
    pub not_compared: Vec<CardName>,
    /// The sessions were played with different decks (by deck id).
    pub decks_differ: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub label: String,
    pub session_id: String,
    pub mode: Mode,
    /// Voters in the session.
    pub voters: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardName {
    pub id: String,
    pub title: String,
}

/// What one person gave on a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The vote in tenths (43 = 4.3); none without a valid vote, and none
    /// before the reveal.
    pub vote_tenths: Option<u16>,
    /// Before the reveal: how many have voted, never what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<super::session::HiddenVotes>,
    pub stance: Option<Stance>,
}

/// One card across the people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardComparison {
    pub card: CardName,
    /// Per person, in argument order; none where they skipped the card.
    pub answers: Vec<Option<Answer>>,
    /// Highest minus lowest vote, in tenths.
    pub spread_tenths: u16,
    pub split: bool,
    pub stances_differ: bool,
    /// Steps between the most and least permissive stance chosen (0..=3).
    pub stance_gap: u8,
    /// Principles judged differently, in order of first appearance.
    pub principles: Vec<PrincipleDiff>,
    /// Where the card stands in play order, for ties.
    pub play_index: usize,
}

/// A principle people judged differently on one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleDiff {
    pub name: String,
    /// Per person; none where they did not judge it (or do not hold it).
    pub checks: Vec<Option<PrincipleCheck>>,
}

/// The ranking key: larger means more to discuss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score {
    pub disagreement: bool,
    pub stance_gap: u8,
    pub spread_tenths: u16,
    pub principles: usize,
    pub answered: usize,
}

impl CardComparison {
    pub fn score(&self) -> Score {
        Score {
            disagreement: self.disagreement(),
            stance_gap: self.stance_gap,
            spread_tenths: self.spread_tenths,
            principles: self.principles.len(),
            answered: self.answered(),
        }
    }

    /// Whether there is anything to talk about.
    pub fn disagreement(&self) -> bool {
        self.stances_differ || self.split || !self.principles.is_empty()
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().flatten().count()
    }

    /// The lowest and highest vote, in tenths.
    pub fn vote_range(&self) -> Option<(u16, u16)> {
        let votes = || self.answers.iter().flatten().filter_map(|a| a.vote_tenths);
        Some((votes().min()?, votes().max()?))
    }

    /// The distinct stances chosen, most permissive first.
    pub fn stances(&self) -> Vec<Stance> {
        let set: BTreeSet<Stance> = self
            .answers
            .iter()
            .flatten()
            .filter_map(|a| a.stance)
            .collect();
        set.into_iter().collect()
    }
}

/// The suggested agenda, as indexes into [`Comparison::cards`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agenda {
    pub discuss: Vec<usize>,
    pub if_time: Vec<usize>,
    pub confirm: Vec<usize>,
}

impl Comparison {
    pub fn agenda(&self) -> Agenda {
        let mut agenda = Agenda::default();
        for (i, card) in self.cards.iter().enumerate() {
            if !card.disagreement() {
                agenda.confirm.push(i);
            } else if agenda.discuss.len() < AGENDA_SIZE {
                agenda.discuss.push(i);
            } else {
                agenda.if_time.push(i);
            }
        }
        agenda
    }
}

/// Compares the sessions. Pure and deterministic.
pub fn compare(
    entries: &[Entry],
    library: &PrincipleLibrary,
    lang: Lang,
) -> Result<Comparison, CompareProblem> {
    if entries.len() < 2 {
        return Err(CompareProblem::TooFew);
    }
    let people = people(entries);
    let principles = principle_keys(entries, library, lang);
    let mut cards = Vec::new();
    let mut not_compared = Vec::new();
    let mut shared_any = false;
    for (play_index, (id, title)) in play_order(entries, lang).into_iter().enumerate() {
        let held = entries
            .iter()
            .filter(|e| e.session.played_cards(e.deck).any(|(p, _)| p.card == id))
            .count();
        if held < 2 {
            continue;
        }
        shared_any = true;
        let name = CardName {
            id: id.to_string(),
            title: title.to_string(),
        };
        let answers: Vec<Option<Answer>> = entries.iter().map(|e| answer(e, id)).collect();
        if answers.iter().flatten().count() < 2 {
            not_compared.push(name);
            continue;
        }
        cards.push(card_comparison(
            name,
            answers,
            entries,
            &principles,
            play_index,
        ));
    }
    if !shared_any {
        return Err(CompareProblem::NoSharedCards);
    }
    if cards.is_empty() {
        return Err(CompareProblem::NothingAnswered);
    }
    cards.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then(a.play_index.cmp(&b.play_index))
    });
    let decks: BTreeSet<&str> = entries.iter().map(|e| e.session.deck.id.as_str()).collect();
    Ok(Comparison {
        people,
        cards,
        not_compared,
        decks_differ: decks.len() > 1,
    })
}

/// Card ids with their titles in play order: the first session's, then
/// what later ones add.
fn play_order<'a>(entries: &[Entry<'a>], lang: Lang) -> Vec<(&'a str, &'a str)> {
    let mut order: Vec<(&str, &str)> = Vec::new();
    for e in entries {
        for (progress, card) in e.session.played_cards(e.deck) {
            if !order.iter().any(|(id, _)| *id == progress.card) {
                order.push((progress.card.as_str(), card.title.get(lang)));
            }
        }
    }
    order
}

/// Who is who, with equal labels told apart.
fn people(entries: &[Entry]) -> Vec<Person> {
    let names: Vec<Option<&str>> = entries.iter().map(|e| e.session.person()).collect();
    let titles: Vec<&str> = entries
        .iter()
        .zip(&names)
        .filter(|(_, name)| name.is_none())
        .map(|(e, _)| e.session.title.as_str())
        .collect();
    let mut short = distinctive(&titles).into_iter();
    let bases: Vec<String> = entries
        .iter()
        .zip(names)
        .map(|(e, name)| match name {
            Some(name) => name.to_string(),
            None => short
                .next()
                .unwrap_or_else(|| e.session.title.trim().to_string()),
        })
        .collect();
    let mut people: Vec<Person> = Vec::new();
    for (e, base) in entries.iter().zip(&bases) {
        let s = e.session;
        // The same person twice (an earlier and a later self-assessment)
        // is told apart by the day each was started.
        let base = if bases.iter().filter(|b| *b == base).count() > 1 {
            format!("{base} ({})", s.created.strftime("%Y-%m-%d"))
        } else {
            base.clone()
        };
        let mut label = base.clone();
        let mut n = 1;
        while people.iter().any(|p| p.label == label) {
            n += 1;
            label = format!("{base} ({n})");
        }
        people.push(Person {
            label,
            session_id: s.id.clone(),
            mode: s.mode,
            voters: s.participants.len(),
        });
    }
    people
}

/// Titles without the words they all share at the start and at the end,
/// so "Ann, self-assessment" and "Bo, self-assessment" read "Ann" and
/// "Bo". Punctuation left dangling goes too. Titles are kept whole when
/// that would leave one of them empty, or when there is only one.
fn distinctive(titles: &[&str]) -> Vec<String> {
    let words: Vec<Vec<&str>> = titles
        .iter()
        .map(|t| t.split_whitespace().collect())
        .collect();
    let whole = || {
        titles
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    if words.len() < 2 {
        return whole();
    }
    let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
    let shared = |at: &dyn Fn(&Vec<&str>, usize) -> String| {
        (0..shortest)
            .take_while(|&i| words.iter().all(|w| at(w, i) == at(&words[0], i)))
            .count()
    };
    let lead = shared(&|w, i| w[i].to_lowercase());
    let tail = shared(&|w, i| w[w.len() - 1 - i].to_lowercase());
    let trimmed: Vec<String> = words
        .iter()
        .map(|w| {
            let end = w.len().saturating_sub(tail);
            let kept = if lead < end { &w[lead..end] } else { &w[0..0] };
            kept.join(" ")
                .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
                .to_string()
        })
        .collect();
    if trimmed.iter().any(String::is_empty) {
        whole()
    } else {
        trimmed
    }
}

/// What the session in `e` gave on card `id`; none when it skipped it.
fn answer(e: &Entry, id: &str) -> Option<Answer> {
    let (progress, card) = e.session.played_cards(e.deck).find(|(p, _)| p.card == id)?;
    let votes = VoteSummary::of(progress.shown_votes());
    let hidden = e.session.hidden_votes(progress);
    let vote_tenths = (votes.total > 0).then(|| {
        let sum: u32 = (1u32..=5).map(|v| votes.count(v as u8) * v).sum();
        // Rounded half up, in whole numbers so nothing depends on floats.
        ((sum * 20 + votes.total) / (2 * votes.total)) as u16
    });
    let stance = progress
        .decision
        .option
        .as_deref()
        .and_then(|o| card.option(o))
        .map(|o| o.stance);
    (vote_tenths.is_some() || stance.is_some() || hidden.is_some()).then_some(Answer {
        vote_tenths,
        hidden,
        stance,
    })
}

/// A principle as it is matched across sessions.
struct PrincipleKey {
    key: String,
    name: String,
    /// Per session: its own id for this principle, if it holds it.
    local: Vec<Option<String>>,
}

fn principle_keys(entries: &[Entry], library: &PrincipleLibrary, lang: Lang) -> Vec<PrincipleKey> {
    let mut keys: Vec<PrincipleKey> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for p in &e.session.principles {
            let (key, name) = match p {
                ChosenPrinciple::Library { id } => (id.clone(), p.name(library, lang)),
                // A team's own principle that the library has counts as the library's.
                ChosenPrinciple::Custom { name, .. } => match library.named(name) {
                    Some(d) => (d.id.clone(), d.name.get(lang).to_string()),
                    None => (
                        format!("custom:{}", normalise(name)),
                        name.trim().to_string(),
                    ),
                },
            };
            let index = match keys.iter().position(|k| k.key == key) {
                Some(index) => index,
                None => {
                    keys.push(PrincipleKey {
                        key,
                        name,
                        local: vec![None; entries.len()],
                    });
                    keys.len() - 1
                }
            };
            keys[index].local[i].get_or_insert_with(|| p.id().to_string());
        }
    }
    keys
}

fn card_comparison(
    card: CardName,
    answers: Vec<Option<Answer>>,
    entries: &[Entry],
    principles: &[PrincipleKey],
    play_index: usize,
) -> CardComparison {
    let votes: Vec<u16> = answers
        .iter()
        .flatten()
        .filter_map(|a| a.vote_tenths)
        .collect();
    let spread_tenths = match (votes.iter().min(), votes.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    };
    let stances: BTreeSet<Stance> = answers.iter().flatten().filter_map(|a| a.stance).collect();
    let step = |s: &Stance| Stance::ALL.iter().position(|x| x == s).unwrap_or(0) as u8;
    let stance_gap = match (stances.first(), stances.last()) {
        (Some(lo), Some(hi)) => step(hi) - step(lo),
        _ => 0,
    };
    let diffs = principles
        .iter()
        .filter_map(|k| {
            let checks: Vec<Option<PrincipleCheck>> = entries
                .iter()
                .zip(&answers)
                .zip(&k.local)
                .map(|((e, answer), local)| {
                    answer.as_ref()?;
                    let progress = e.session.progress(&card.id)?;
                    progress.decision.principles.get(local.as_deref()?).copied()
                })
                .collect();
            let given: BTreeSet<_> = checks.iter().flatten().map(|c| *c as u8).collect();
            (checks.iter().flatten().count() >= 2 && given.len() > 1).then(|| PrincipleDiff {
                name: k.name.clone(),
                checks,
            })
        })
        .collect();
    CardComparison {
        card,
        answers,
        spread_tenths,
        split: spread_tenths >= u16::from(SPLIT_SPREAD) * 10,
        stances_differ: stances.len() > 1,
        stance_gap,
        principles: diffs,
        play_index,
    }
}

#[cfg(test)]
mod tests;
