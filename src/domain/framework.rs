//! The policy framework: policy areas, the law behind them, and the
//! catalogue of safeguards with the commitment each one makes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::deck::PracticeTag;
use super::lang::Text;

/// The file `assets/policy-framework.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// In the order the policy draft presents them.
    pub areas: Vec<PolicyArea>,
    pub safeguards: Vec<Safeguard>,
    /// Law beside the GDPR (Dutch telecom law, the DSA, consumer law, the
    /// AI Act), each filed under the areas it bears on.
    #[serde(default)]
    pub other_law: Vec<LawRef>,
}

impl Framework {
    pub fn area(&self, id: &str) -> Option<&PolicyArea> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn safeguard(&self, id: &str) -> Option<&Safeguard> {
        self.safeguards.iter().find(|s| s.id == id)
    }
}

/// A section of a data policy, e.g. "sharing with partners".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyArea {
    pub id: String,
    pub title: Text,
    /// The question this section of the policy answers.
    pub question: Text,
    pub gdpr: Vec<GdprRef>,
}

/// A GDPR article and what it says, in a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GdprRef {
    /// As it is cited: `Art. 6(4)`.
    pub article: String,
    pub summary: Text,
}

/// A provision outside the GDPR and the areas of the policy it bears on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawRef {
    /// As it is cited: `Telecommunicatiewet art. 11.7`.
    pub citation: String,
    /// What it says, in a line; interpretation is marked as such.
    pub summary: Text,
    /// Area ids.
    pub areas: Vec<String>,
}

/// A safeguard a team can attach to a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Safeguard {
    pub id: String,
    /// The policy area its commitment belongs to.
    pub area: String,
    /// Short label for the checklist.
    pub label: Text,
    /// The sentence the policy draft uses: "We …".
    pub commitment: Text,
    /// Safeguards that set a bar for the same thing share a topic; the
    /// higher `level` is the stricter bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default)]
    pub level: u8,
    /// Practices this commitment rules out; a "go" on a card with such a
    /// practice contradicts it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<PracticeTag>,
}
