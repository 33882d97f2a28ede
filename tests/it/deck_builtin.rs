//! The files that ship inside the binary: the built-in deck, the principle
//! library and the policy framework pass every check, in both languages.

use datakompas::deck::{self, DeckError};
use datakompas::domain::{CardKind, Lang};

fn ok<T>(result: Result<T, DeckError>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn builtin_files_pass_both_passes() {
    let [
        (deck_name, deck_json),
        (principles_name, principles_json),
        (fw_name, fw_json),
    ] = deck::builtin_sources();
    let framework = ok(deck::parse_framework(fw_name, fw_json));
    ok(deck::parse_principles(principles_name, principles_json));
    ok(deck::parse_with(deck_name, deck_json, &framework));
    // What the app uses is what was checked.
    assert_eq!(deck::framework(), framework);
    assert!(deck::validate(&deck::builtin(), &deck::framework()).is_empty());
}

/// Every `{"en", "nl"}` object anywhere in the embedded JSON has text in
/// both languages; this walks the raw JSON, so no field is skipped because
/// a check forgot it.
#[test]
fn every_text_has_both_languages() {
    fn walk(value: &serde_json::Value, path: String, empty: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                let is_text = map.contains_key("en") || map.contains_key("nl");
                if is_text {
                    for lang in Lang::ALL {
                        let text = map.get(lang.code()).and_then(|v| v.as_str());
                        if text.is_none_or(|t| t.trim().is_empty()) {
                            empty.push(format!("{path}.{}", lang.code()));
                        }
                    }
                }
                for (key, v) in map {
                    walk(v, format!("{path}.{key}"), empty);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{path}[{i}]"), empty);
                }
            }
            _ => {}
        }
    }
    for (name, json) in deck::builtin_sources() {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let mut empty = Vec::new();
        walk(&value, String::new(), &mut empty);
        assert!(empty.is_empty(), "{name}: missing text at {empty:?}");
    }
}

/// The built-in deck's own bar, higher than the format's: every card has
/// at least three prompts, every real case at least three sourced facts.
#[test]
fn builtin_cards_meet_the_content_bar() {
    let deck = deck::builtin();
    for card in &deck.cards {
        assert!(card.prompts.len() >= 3, "{}: fewer than 3 prompts", card.id);
        if card.kind == CardKind::RealCase {
            assert!(card.facts.len() >= 3, "{}: fewer than 3 facts", card.id);
        }
    }
}
