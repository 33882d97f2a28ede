//! Decks and the assets they lean on: the built-in deck embedded in the
//! binary, user deck files, the principle library and the policy framework.

use crate::domain::{Deck, Framework, PrincipleLibrary};

const BUILTIN_DECK: &str = include_str!("../../scenarios/datakompas-core.json");
const PRINCIPLES: &str = include_str!("../../assets/principles.json");
const FRAMEWORK: &str = include_str!("../../assets/policy-framework.json");

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
