//! The session notes as data: each played card with its texts resolved in
//! one language, ready for any renderer.

use serde::Serialize;

use super::ExportInput;
use crate::domain::butcher::{ButcherAnswer, ButcherPoint, failed_halves, fails};
use crate::domain::policy::PrincipleEntry;
use crate::domain::session::HiddenVotes;
use crate::domain::{Card, CardKind, PrincipleCheck, Stance, Text, VoteSummary};
use crate::domain::{CardProgress, Lang};
use crate::i18n::butcher;

/// Everything the notes show, card by card in play order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionNotes {
    pub cards: Vec<CardNote>,
}

/// One card as the notes show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardNote {
    /// 1-based position in the session.
    pub number: usize,
    pub id: String,
    /// The card's title, or its id when the deck no longer has it.
    pub title: String,
    /// False when the deck lacks the card; the texts below are then empty.
    pub known: bool,
    pub kind: Option<CardKind>,
    pub organisation: String,
    pub year: Option<u16>,
    pub practice: String,
    /// The revealed votes; empty before the reveal.
    pub votes: VoteSummary,
    /// Before the reveal: how many have voted, never what.
    pub hidden: Option<HiddenVotes>,
    pub decision: Option<DecisionNote>,
    /// Labels of the chosen safeguards (the id when the framework lacks it).
    pub safeguards: Vec<String>,
    /// Every team principle, with how the decision stands against it.
    pub principles: Vec<PrincipleMark>,
    pub rationale: String,
    pub seconds_spent: u32,
    /// Time the card was on screen, every stage together; none when the
    /// session clock never ran (a session from before it was kept).
    pub seconds_on_card: Option<u32>,
    /// What really happened; none for hypothetical cards.
    pub outcome: Option<String>,
    /// The facts the reveal shows, with their sources: what the story held
    /// back. Story facts are not repeated in the notes.
    pub reveal_facts: Vec<FactNote>,
    /// The butcher test, all five points once any is answered; empty when
    /// the team did not use it.
    pub butcher: Vec<ButcherLine>,
    /// Failed points in halves, when the test fails (see [`crate::domain::butcher::fails`]).
    pub butcher_fails: Option<u8>,
}

/// A fact and where it was published: `Publisher, date, “title”`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactNote {
    pub text: String,
    pub disputed: bool,
    pub source: String,
}

/// One point of the butcher test with the team's answer, in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ButcherLine {
    pub point: String,
    pub answer: Option<ButcherAnswer>,
    pub answer_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionNote {
    pub stance: Stance,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleMark {
    pub id: String,
    pub name: String,
    pub check: Option<PrincipleCheck>,
}

impl SessionNotes {
    /// `principles` are the team's, as the policy draft resolved them.
    pub fn new(input: &ExportInput, principles: &[PrincipleEntry]) -> SessionNotes {
        let cards = input
            .session
            .cards
            .iter()
            .enumerate()
            .map(|(i, progress)| card_note(input, principles, i + 1, progress))
            .collect();
        SessionNotes { cards }
    }
}

/// The card at `number` in play order, with its texts in the input's language.
fn card_note(
    input: &ExportInput,
    principles: &[PrincipleEntry],
    number: usize,
    progress: &CardProgress,
) -> CardNote {
    let lang = input.lang;
    let card = input.deck.card(&progress.card);
    let text = |get: fn(&Card) -> &Text| {
        card.map(|c| get(c).get(lang).to_string())
            .unwrap_or_default()
    };
    // Outcome and reveal facts only for cards that have an outcome.
    let with_outcome = card.filter(|c| c.kind.has_outcome());
    CardNote {
        number,
        id: progress.card.clone(),
        title: card
            .map(|c| c.title.get(lang).to_string())
            .unwrap_or_else(|| progress.card.clone()),
        known: card.is_some(),
        kind: card.map(|c| c.kind),
        organisation: text(|c| &c.organisation),
        year: card.and_then(|c| c.year),
        practice: text(|c| &c.practice),
        votes: VoteSummary::of(progress.shown_votes()),
        hidden: input.session.hidden_votes(progress),
        decision: card.and_then(|c| decision_note(c, progress, lang)),
        safeguards: safeguard_labels(input, progress),
        principles: principle_marks(principles, progress),
        rationale: progress.decision.rationale.clone(),
        seconds_spent: progress.seconds_spent,
        seconds_on_card: (input.session.seconds_elapsed > 0).then_some(progress.seconds_on_card),
        outcome: with_outcome
            .and_then(|c| c.outcome.as_ref())
            .map(|o| o.get(lang).to_string()),
        reveal_facts: with_outcome
            .map(|c| reveal_facts(c, lang))
            .unwrap_or_default(),
        butcher: butcher_lines(progress, lang),
        butcher_fails: fails(&progress.butcher).then(|| failed_halves(&progress.butcher)),
    }
}

/// The chosen option, when the card is decided.
fn decision_note(card: &Card, progress: &CardProgress, lang: Lang) -> Option<DecisionNote> {
    let option = card.option(progress.decision.option.as_deref()?)?;
    Some(DecisionNote {
        stance: option.stance,
        label: option.label.get(lang).to_string(),
        description: option.description.get(lang).to_string(),
    })
}

/// The chosen safeguards' labels; the id when the framework lacks one.
fn safeguard_labels(input: &ExportInput, progress: &CardProgress) -> Vec<String> {
    progress
        .decision
        .safeguards
        .iter()
        .map(|id| match input.framework.safeguard(id) {
            Some(s) => s.label.get(input.lang).to_string(),
            None => id.clone(),
        })
        .collect()
}

/// Every team principle with how the card's decision stands against it.
fn principle_marks(principles: &[PrincipleEntry], progress: &CardProgress) -> Vec<PrincipleMark> {
    principles
        .iter()
        .map(|p| PrincipleMark {
            id: p.id.clone(),
            name: p.name.clone(),
            check: progress.decision.principles.get(&p.id).copied(),
        })
        .collect()
}

fn reveal_facts(card: &Card, lang: Lang) -> Vec<FactNote> {
    card.facts_in(crate::domain::FactPart::Reveal)
        .map(|f| {
            let mut source = format!("{}, {}", f.source.publisher, f.source.date);
            if let Some(title) = &f.source.title {
                source.push_str(&format!(", “{title}”"));
            }
            FactNote {
                text: f.text.get(lang).to_string(),
                disputed: f.disputed,
                source,
            }
        })
        .collect()
}

fn butcher_lines(progress: &CardProgress, lang: Lang) -> Vec<ButcherLine> {
    if progress.butcher.is_empty() {
        return Vec::new();
    }
    ButcherPoint::ALL
        .iter()
        .map(|p| {
            let answer = progress.butcher.get(p).copied();
            ButcherLine {
                point: butcher::point(*p, lang).to_string(),
                answer,
                answer_label: butcher::answer(answer, lang).to_string(),
            }
        })
        .collect()
}
