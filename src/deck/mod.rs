//! Decks and the assets they lean on: the built-in deck embedded in the
//! binary, user deck files, the principle library and the policy framework.
//!
//! Loading runs two passes. The parse pass turns JSON into types and, when
//! it cannot, says `FILE:LINE:COLUMN`, the field path and what was expected.
//! The semantic pass ([`validate`]) then reports every broken rule at once.

use std::path::Path;

use crate::domain::{Deck, Framework, PrincipleLibrary};
use crate::regular_file::{self, Links, ReadError};

mod assets;
mod card_text;
mod error;
mod locate;
mod path;
mod problem;
mod rules;
mod source;
mod validate;
mod wrap;

pub use assets::{validate_framework, validate_principles};
pub use card_text::{card_text, kind_label, stance_label};
pub use error::DeckError;
pub use locate::{Position, locate};
pub use path::{JsonPath, Seg};
pub use problem::{IdStyle, Problem, ProblemKind, YEARS};
pub use rules::{date_after, suggest};
pub use validate::{OPTIONS, validate, warnings};
pub use wrap::wrap;

const BUILTIN_DECK: &str = include_str!("../../scenarios/datakompas-core.json");
const PRINCIPLES: &str = include_str!("../../assets/principles.json");
const FRAMEWORK: &str = include_str!("../../assets/policy-framework.json");

/// The names the embedded files go by in reports.
pub const BUILTIN_DECK_NAME: &str = "scenarios/datakompas-core.json";
pub const PRINCIPLES_NAME: &str = "assets/principles.json";
pub const FRAMEWORK_NAME: &str = "assets/policy-framework.json";

/// The deck that ships with the app. Its validity is proven by the tests,
/// so parsing it cannot fail in a released binary.
pub fn builtin() -> Deck {
    serde_json::from_str(BUILTIN_DECK).expect("built-in deck is valid (tested)")
}

/// The brand-principle library.
pub fn principles() -> PrincipleLibrary {
    serde_json::from_str(PRINCIPLES).expect("principle library is valid (tested)")
}

/// The policy framework: areas, GDPR references, safeguards.
pub fn framework() -> Framework {
    serde_json::from_str(FRAMEWORK).expect("policy framework is valid (tested)")
}

/// The embedded JSON texts, for checks that need the source itself.
pub fn builtin_sources() -> [(&'static str, &'static str); 3] {
    [
        (BUILTIN_DECK_NAME, BUILTIN_DECK),
        (PRINCIPLES_NAME, PRINCIPLES),
        (FRAMEWORK_NAME, FRAMEWORK),
    ]
}

/// Reads a deck file and runs both passes against the built-in framework.
pub fn load_file(path: &Path) -> Result<Deck, DeckError> {
    load_file_warned(path).map(|(deck, _)| deck)
}

/// As [`load_file`], with the warnings the deck loads despite, each with
/// its place in the file.
pub fn load_file_warned(path: &Path) -> Result<(Deck, Vec<(Position, Problem)>), DeckError> {
    let file = path.display().to_string();
    // Only a regular file, never a pipe or a device, and never more than
    // the cap: a deck is someone else's file.
    let bytes = regular_file::read(path, Links::Follow).map_err(|e| match e {
        ReadError::NotFound => DeckError::NotFound { file: file.clone() },
        reason => DeckError::Read {
            file: file.clone(),
            reason,
        },
    })?;
    let json = source::decode(&file, &bytes)?;
    let deck = parse(&file, json)?;
    let found = warnings(&deck, &framework());
    Ok((deck, located(json, found)))
}

/// As [`parse`], from the raw bytes of a file: text that is not UTF-8 is
/// reported with its position.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Deck, DeckError> {
    parse(name, source::decode(name, bytes)?)
}

/// Parses deck JSON named `name` (for reports) and runs both passes
/// against the built-in framework.
pub fn parse(name: &str, json: &str) -> Result<Deck, DeckError> {
    parse_with(name, json, &framework())
}

/// As [`parse`], against a given framework.
pub fn parse_with(name: &str, json: &str, framework: &Framework) -> Result<Deck, DeckError> {
    let deck: Deck = source::parse_str(name, json)?;
    let problems = validate(&deck, framework);
    checked(name, json, deck, problems)
}

/// Parses and checks a policy framework file's text.
pub fn parse_framework(name: &str, json: &str) -> Result<Framework, DeckError> {
    let framework: Framework = source::parse_str(name, json)?;
    let problems = validate_framework(&framework);
    checked(name, json, framework, problems)
}

/// Parses and checks a principle library file's text.
pub fn parse_principles(name: &str, json: &str) -> Result<PrincipleLibrary, DeckError> {
    let library: PrincipleLibrary = source::parse_str(name, json)?;
    let problems = validate_principles(&library);
    checked(name, json, library, problems)
}

/// The value, or every problem with its place in the source.
fn checked<T>(name: &str, json: &str, value: T, problems: Vec<Problem>) -> Result<T, DeckError> {
    if problems.is_empty() {
        return Ok(value);
    }
    Err(DeckError::Invalid {
        file: name.to_string(),
        problems: located(json, problems),
    })
}

/// Each problem with its place in `json`, top to bottom, as the author
/// reads the file.
fn located(json: &str, problems: Vec<Problem>) -> Vec<(Position, Problem)> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let paths: Vec<&JsonPath> = problems.iter().map(|p| &p.path).collect();
    let positions = locate::Locator::new(json).locate_all(&paths);
    let mut located: Vec<(Position, Problem)> = positions.into_iter().zip(problems).collect();
    // Top to bottom, as the author reads the file.
    located.sort_by_key(|(pos, _)| (pos.line, pos.column));
    located
}
