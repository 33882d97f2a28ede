//! The library of brand principles a team picks from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lang::Text;

/// Which way a principle tends to pull a data decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Leaning {
    /// Tends to argue for using more data (helpful, personal, innovative).
    MoreData,
    /// Tends to argue for restraint (discreet, transparent, in control).
    Restraint,
    /// Pulls either way depending on the case.
    Balanced,
}

/// A principle in the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrincipleDef {
    pub id: String,
    pub name: Text,
    /// What it means, in one line.
    pub meaning: Text,
    pub leaning: Leaning,
}

/// The file `assets/principles.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrincipleLibrary {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub principles: Vec<PrincipleDef>,
}

impl PrincipleLibrary {
    pub fn get(&self, id: &str) -> Option<&PrincipleDef> {
        self.principles.iter().find(|p| p.id == id)
    }
}
