//! The library of brand principles a team picks from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lang::{Lang, Text};
use super::session::ChosenPrinciple;

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

    /// The library's principle whose name, in either language, is `name`
    /// (case and spacing aside): a team's own principle that is one of these.
    pub fn named(&self, name: &str) -> Option<&PrincipleDef> {
        let wanted = normalise(name);
        self.principles.iter().find(|d| {
            normalise(d.name.get(Lang::En)) == wanted || normalise(d.name.get(Lang::Nl)) == wanted
        })
    }
}

/// A name as it is matched: single spaces, lower case.
pub fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The one place a chosen principle's words are looked up: the app, the
/// policy draft, the exports and `compare` all name it through here.
impl ChosenPrinciple {
    /// Its name in `lang`: the library's, or the team's own. A library
    /// that no longer has it leaves the id, so it stays visible.
    pub fn name(&self, library: &PrincipleLibrary, lang: Lang) -> String {
        match self {
            ChosenPrinciple::Library { id } => library
                .get(id)
                .map_or_else(|| id.clone(), |d| d.name.get(lang).to_string()),
            ChosenPrinciple::Custom { name, .. } => name.clone(),
        }
    }

    /// What it means, in its one line; empty when the library lacks it.
    pub fn meaning(&self, library: &PrincipleLibrary, lang: Lang) -> String {
        match self {
            ChosenPrinciple::Library { id } => library
                .get(id)
                .map_or_else(String::new, |d| d.meaning.get(lang).to_string()),
            ChosenPrinciple::Custom { meaning, .. } => meaning.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> PrincipleLibrary {
        PrincipleLibrary {
            schema: None,
            principles: vec![PrincipleDef {
                id: "discreet".into(),
                name: Text::new("Discreet", "Discreet"),
                meaning: Text::new("We keep it to ourselves.", "We houden het voor ons."),
                leaning: Leaning::Restraint,
            }],
        }
    }

    #[test]
    fn a_chosen_principle_is_named_by_the_library_or_by_the_team() {
        let lib = library();
        let chosen = ChosenPrinciple::Library {
            id: "discreet".into(),
        };
        assert_eq!(chosen.name(&lib, Lang::Nl), "Discreet");
        assert_eq!(chosen.meaning(&lib, Lang::Nl), "We houden het voor ons.");
        // Gone from the library: the id stays visible, the meaning empty.
        let gone = ChosenPrinciple::Library { id: "old".into() };
        assert_eq!(gone.name(&lib, Lang::En), "old");
        assert_eq!(gone.meaning(&lib, Lang::En), "");
        let own = ChosenPrinciple::Custom {
            id: "c1".into(),
            name: "Neighbourly".into(),
            meaning: "Like a good neighbour.".into(),
        };
        assert_eq!(own.name(&lib, Lang::Nl), "Neighbourly");
        assert_eq!(own.meaning(&lib, Lang::Nl), "Like a good neighbour.");
    }

    #[test]
    fn a_name_finds_its_library_principle_whatever_its_case_and_spacing() {
        let lib = library();
        assert_eq!(
            lib.named("  discreet ").map(|d| d.id.as_str()),
            Some("discreet")
        );
        assert!(lib.named("Discrete").is_none());
    }
}
