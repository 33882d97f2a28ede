//! A deck of scenario cards, as authors write it in JSON.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lang::Text;

/// A deck: the scenario cards a workshop can draw from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// Where the JSON Schema for this file lives; editors use it, the app ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable identifier, lowercase letters, digits and dashes (`datakompas-core`).
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The deck's version; sessions remember which version they were run with.
    #[schemars(length(min = 1))]
    pub version: String,
    pub title: Text,
    pub description: Text,
    #[schemars(length(min = 1))]
    pub cards: Vec<Card>,
}

impl Deck {
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }
}

/// What sort of case a card is; decides whether it has an outcome to reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// Something that happened, with sources and an outcome.
    RealCase,
    /// The reference point other cards are held against (the butcher).
    Baseline,
    /// A practice held up as an example of doing it well.
    Exemplary,
    /// A case from the team's own trade; no outcome, only their decision.
    Hypothetical,
}

impl CardKind {
    pub const ALL: [CardKind; 4] = [
        CardKind::RealCase,
        CardKind::Baseline,
        CardKind::Exemplary,
        CardKind::Hypothetical,
    ];

    /// Whether the card reveals what really happened.
    pub fn has_outcome(self) -> bool {
        !matches!(self, CardKind::Hypothetical)
    }

    pub fn code(self) -> &'static str {
        match self {
            CardKind::RealCase => "real_case",
            CardKind::Baseline => "baseline",
            CardKind::Exemplary => "exemplary",
            CardKind::Hypothetical => "hypothetical",
        }
    }
}

/// One scenario: the story, what to discuss, what can be decided, and what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable identifier within the deck, lowercase letters, digits and dashes.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub kind: CardKind,
    pub title: Text,
    /// Who did it (a real organisation, or a description for a hypothetical).
    pub organisation: Text,
    /// Country or region, when it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// The year it happened; none for a hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1900, max = 2100))]
    pub year: Option<u16>,
    /// The case, readable aloud in about two minutes.
    pub story: Text,
    /// The data practice in question, in one or two sentences.
    pub practice: Text,
    /// The same practice in general terms, as any organisation could adopt
    /// it ("Using customers' payment data to target offers on behalf of
    /// other companies"); the policy draft words what the team agreed with
    /// this, never with the case's story or practice.
    pub policy_practice: Text,
    /// The kinds of personal data involved.
    #[schemars(length(min = 1))]
    pub data_categories: Vec<Text>,
    /// What the practice is, for contradiction checks in the policy draft.
    #[serde(default)]
    pub tags: Vec<PracticeTag>,
    /// The policy areas (ids from the framework) this card is about.
    #[schemars(length(min = 1))]
    pub areas: Vec<String>,
    /// Sourced facts behind the story.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Questions for the discussion.
    #[schemars(length(min = 1))]
    pub prompts: Vec<Text>,
    /// What the team can decide their brand would do.
    #[schemars(length(min = 3, max = 5))]
    pub options: Vec<DecisionOption>,
    /// Safeguards (ids from the framework) offered on the decision screen.
    #[schemars(length(min = 1))]
    pub safeguards: Vec<String>,
    /// The line the policy draft draws when a team says no-go: "We do not …".
    pub red_line: Text,
    /// What actually happened; required unless the card is hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
    /// Hints for whoever runs the session; hidden in presentation mode.
    pub facilitator_notes: Text,
}

impl Card {
    pub fn option(&self, id: &str) -> Option<&DecisionOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// A fact with where it was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: Text,
    /// Set when the fact is contested; the text says by whom.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
    pub source: Source,
}

/// Where a fact was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Publisher or outlet, e.g. `NRC` or `The New York Times Magazine`.
    #[schemars(length(min = 1))]
    pub publisher: String,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One thing the team can decide, worded for this card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionOption {
    /// Identifier within the card.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub stance: Stance,
    pub label: Text,
    /// What choosing it would mean in practice.
    pub description: Text,
}

/// The four kinds of answer a team can give to a card.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Go,
    GoWithSafeguards,
    Redesign,
    NoGo,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::Go,
        Stance::GoWithSafeguards,
        Stance::Redesign,
        Stance::NoGo,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stance::Go => "go",
            Stance::GoWithSafeguards => "go_with_safeguards",
            Stance::Redesign => "redesign",
            Stance::NoGo => "no_go",
        }
    }
}

/// What a card's practice does, so the policy draft can see when a
/// commitment on one card contradicts a decision on another.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PracticeTag {
    /// Personal data, or insights from it, go to another company.
    ThirdPartySharing,
    /// Data collected for one purpose is used for another.
    SecondaryUse,
    /// Building a profile of a person to predict or target.
    Profiling,
    /// Inferring health, pregnancy, beliefs or other special categories.
    SensitiveInference,
    /// Using where a person is or goes.
    LocationTracking,
    /// Prices or offers that differ per person.
    PersonalPricing,
    /// Testing on people without their knowing.
    Experimentation,
    /// Publishing or handing over a data set said to be anonymous.
    DataRelease,
    /// Personalised messages and offers.
    Personalisation,
}

impl PracticeTag {
    pub const ALL: [PracticeTag; 9] = [
        PracticeTag::ThirdPartySharing,
        PracticeTag::SecondaryUse,
        PracticeTag::Profiling,
        PracticeTag::SensitiveInference,
        PracticeTag::LocationTracking,
        PracticeTag::PersonalPricing,
        PracticeTag::Experimentation,
        PracticeTag::DataRelease,
        PracticeTag::Personalisation,
    ];
}
