//! What makes the draft a document someone can take over: who it is for
//! and from, owners and dates, next steps, and the team's reasoning under
//! each line.

use serde::{Deserialize, Serialize};

use super::{CardRef, Played, PrincipleNames, PrincipleRef, card_ref};
use crate::domain::deck::Deck;
use crate::domain::lang::Lang;
use crate::domain::session::{CardProgress, PrincipleCheck, Session};
use crate::domain::votes::VoteSummary;

/// The block a policy document opens with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentBlock {
    /// The organisation or team, as the facilitator typed it; may be empty.
    pub organisation: String,
    /// The session's date, `YYYY-MM-DD`.
    pub session_date: String,
    /// Named participants, in order.
    pub participants: Vec<String>,
    /// Participants who voted without a name.
    pub anonymous: usize,
    /// A self-assessment: one person's decisions, not a team's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub self_assessment: bool,
    pub facilitator: String,
    pub deck_title: String,
    pub deck_id: String,
    pub deck_version: String,
    /// The draft's version as typed; empty means a first draft.
    pub version: String,
    /// The date of the last change to the session, `YYYY-MM-DD`.
    pub updated: String,
}

pub(super) fn document(session: &Session, deck: &Deck, lang: Lang) -> DocumentBlock {
    let f = &session.follow_up;
    let named: Vec<String> = session
        .participants
        .iter()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    DocumentBlock {
        organisation: f.organisation.trim().to_string(),
        session_date: day(session.created),
        anonymous: session.participants.len() - named.len(),
        self_assessment: session.mode == crate::domain::session::Mode::Solo,
        participants: named,
        facilitator: f.facilitator.trim().to_string(),
        deck_title: deck.title.get(lang).to_string(),
        deck_id: deck.id.clone(),
        deck_version: deck.version.clone(),
        version: f.version.trim().to_string(),
        updated: day(session.updated),
    }
}

/// `YYYY-MM-DD` in UTC.
fn day(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d").to_string()
}

/// Why the team decided as it did on one card, for under the line it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasoning {
    pub card: CardRef,
    /// The team's rationale as typed; may be empty.
    pub rationale: String,
    /// Lowest and highest vote, when the votes were split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<[u8; 2]>,
    /// Principles the decision was marked as straining or breaking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tension: Vec<PrincipleRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violates: Vec<PrincipleRef>,
}

impl Reasoning {
    /// Nothing to say: no rationale, no split, no strain.
    pub fn is_empty(&self) -> bool {
        self.rationale.trim().is_empty()
            && self.split.is_none()
            && self.tension.is_empty()
            && self.violates.is_empty()
    }
}

/// The lowest and highest vote on a card whose votes split.
pub(super) fn split(progress: &CardProgress) -> Option<[u8; 2]> {
    let votes = VoteSummary::of(&progress.votes);
    match (votes.split, votes.min, votes.max) {
        (true, Some(min), Some(max)) => Some([min, max]),
        _ => None,
    }
}

pub(super) fn reasoning(p: &Played, names: &PrincipleNames, lang: Lang) -> Reasoning {
    Reasoning {
        card: card_ref(p.card, lang),
        rationale: p.progress.decision.rationale.trim().to_string(),
        split: p.split,
        tension: names.marked(p.progress, PrincipleCheck::Tension),
        violates: names.marked(p.progress, PrincipleCheck::Violates),
    }
}

/// One next step, as the draft lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStepLine {
    pub what: String,
    pub who: String,
    pub by: String,
}

pub(super) fn next_steps(session: &Session) -> Vec<NextStepLine> {
    session
        .follow_up
        .next_steps
        .iter()
        .filter(|s| !s.what.trim().is_empty())
        .map(|s| NextStepLine {
            what: s.what.trim().to_string(),
            who: s.who.trim().to_string(),
            by: s.by.trim().to_string(),
        })
        .collect()
}
