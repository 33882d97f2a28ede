//! The JSON export: the session as saved, the vote statistics per card
//! and the derived policy draft, under a `format` and `version`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{EXPORT_FORMAT, EXPORT_VERSION, ExportInput, Parts};
use crate::domain::policy::PolicyDraft;
use crate::domain::{Lang, Session, VoteSummary};

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    /// The language of the draft's texts.
    lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    session: Option<Session>,
    /// Card id → vote statistics.
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<BTreeMap<&'a str, VoteSummary>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<PolicyDraft>,
}

pub fn render(input: &ExportInput, parts: Parts) -> String {
    let session = input.session;
    let export = Export {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        lang: input.lang,
        // Checks for principles the team dropped are kept in the session
        // file but are not part of what it decided.
        session: parts.notes().then(|| session.without_unchosen_checks()),
        votes: parts.notes().then(|| {
            session
                .cards
                .iter()
                .map(|c| (c.card.as_str(), VoteSummary::of(&c.votes)))
                .collect()
        }),
        policy: parts.policy().then(|| input.policy()),
    };
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(&export).unwrap_or_default();
    text.push('\n');
    text
}
