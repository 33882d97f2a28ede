//! The deck tests' fixture deck, and the problems a parse reports.

#![allow(dead_code)] // each test file uses the part it needs

use datakompas::deck::{DeckError, ProblemKind};
use serde_json::Value;

/// A small deck with every field filled in and no problem.
pub const VALID: &str = include_str!("../fixtures/decks/valid.json");

/// [`VALID`] as JSON, to edit.
pub fn valid() -> Value {
    serde_json::from_str(VALID).unwrap()
}

/// JSON as a person writes it: pretty, one field a line, so that problems
/// have lines to point at.
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// The problems (path, kind) of a parse that found some; none if it
/// loaded. Any other error fails the test.
pub fn problems<T>(parsed: Result<T, DeckError>) -> Vec<(String, ProblemKind)> {
    match parsed {
        Ok(_) => Vec::new(),
        Err(DeckError::Invalid { problems, .. }) => problems
            .into_iter()
            .map(|(_, p)| (p.path.to_string(), p.kind))
            .collect(),
        Err(other) => panic!("expected semantic problems, got: {other}"),
    }
}
