//! The JSON export: the session as saved, the vote statistics per card
//! and the derived policy draft, under a `format` and `version`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{EXPORT_FORMAT, EXPORT_VERSION, ExportInput, Parts};
use crate::domain::policy::PolicyDraft;
use crate::domain::session::HiddenVotes;
use crate::domain::{Lang, Session, VoteSummary};

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    /// The language of the draft's texts.
    lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<Session>,
    /// Card id → vote statistics, for every card but those with hidden votes.
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<BTreeMap<&'a str, VoteSummary>>,
    /// Card id → how many have voted, for cards not yet revealed.
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_votes: Option<BTreeMap<&'a str, HiddenVotes>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<PolicyDraft>,
    /// The plan against the session clock, once the clock has run.
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<Time<'a>>,
}

/// Planned against real time, in seconds.
#[derive(Serialize)]
struct Time<'a> {
    planned: u32,
    elapsed: u32,
    /// What the plan is made of: the opening, each card, the close.
    opening: u32,
    per_card: u32,
    close: u32,
    cards: Vec<CardTime<'a>>,
}

#[derive(Serialize)]
struct CardTime<'a> {
    card: &'a str,
    planned: u32,
    on_card: u32,
    discussion: u32,
}

fn time(session: &Session) -> Option<Time<'_>> {
    use crate::domain::clock::Plan;
    if session.seconds_elapsed == 0 {
        return None;
    }
    let plan = Plan::of(session);
    Some(Time {
        planned: plan.total(),
        elapsed: session.seconds_elapsed,
        opening: plan.opening,
        per_card: plan.per_card,
        close: plan.close,
        cards: session
            .cards
            .iter()
            .map(|c| CardTime {
                card: &c.card,
                planned: plan.per_card,
                on_card: c.seconds_on_card,
                discussion: c.seconds_spent,
            })
            .collect(),
    })
}

pub fn render(input: &ExportInput, parts: Parts) -> String {
    let session = input.session;
    let export = Export {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        lang: input.lang,
        // Checks for principles the team dropped are kept in the session
        // file but are not part of what it decided.
        // Votes not yet revealed stay in the session file, out of exports.
        session: parts
            .notes()
            .then(|| session.without_unchosen_checks().shareable()),
        votes: parts.notes().then(|| {
            session
                .cards
                .iter()
                .filter(|c| session.hidden_votes(c).is_none())
                .map(|c| (c.card.as_str(), VoteSummary::of(c.shown_votes())))
                .collect()
        }),
        hidden_votes: parts
            .notes()
            .then(|| {
                session
                    .cards
                    .iter()
                    .filter_map(|c| Some((c.card.as_str(), session.hidden_votes(c)?)))
                    .collect::<BTreeMap<_, _>>()
            })
            .filter(|m| !m.is_empty()),
        policy: parts.policy().then(|| input.policy()),
        time: parts.notes().then(|| time(session)).flatten(),
    };
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&export).unwrap_or_default();
    text.push('\n');
    text
}
