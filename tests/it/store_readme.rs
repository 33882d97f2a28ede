//! The README documents the session file well enough for another tool:
//! its example is a session this build reads, and every field a session
//! can hold has a row in its table.

use crate::store_support;

use std::collections::BTreeSet;

use serde_json::Value;

fn section() -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("\n## Session files")
        .expect("the session-format section");
    let rest = &readme[start + 1..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_string()
}

fn example() -> String {
    let s = section();
    let start = s.find("```json\n").expect("a JSON example") + "```json\n".len();
    let len = s[start..].find("```").unwrap();
    s[start..start + len].to_string()
}

/// Dotted paths of every field in a JSON value: `cards[].decision.option`.
/// Map-like objects (votes, per-principle checks) are one field.
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                // An array of objects is documented as `name[]`, its
                // objects' fields as `name[].field`.
                if child
                    .as_array()
                    .is_some_and(|items| items.iter().any(Value::is_object))
                {
                    out.insert(format!("{path}[]"));
                } else {
                    out.insert(path.clone());
                }
                let keyed_by_id = [
                    "cards[].votes",
                    "cards[].decision.principles",
                    "cards[].butcher",
                    "room_members",
                ];
                if path != "deck.embedded" && !keyed_by_id.contains(&path.as_str()) {
                    paths(child, &path, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_example_is_a_session_this_build_reads() {
    let session = datakompas::store::decode(example().as_bytes()).unwrap();
    assert_eq!(session.id, "2026-11-29-brand-team-q4");
    assert_eq!(session.decided_count(), (1, 3));
    // Every card it names exists in the built-in deck, every library
    // principle in the library.
    let deck = datakompas::deck::builtin();
    for c in &session.cards {
        assert!(deck.card(&c.card).is_some(), "{}", c.card);
    }
    let library = datakompas::deck::principles();
    for p in &session.principles {
        if let datakompas::domain::ChosenPrinciple::Library { id } = p {
            assert!(library.get(id).is_some(), "{id}");
        }
    }
}

#[test]
fn every_field_has_a_row_in_the_table() {
    let section = section();
    let mut fields = BTreeSet::new();
    let full = serde_json::to_value(store_support::full_session("x")).unwrap();
    paths(&full, "", &mut fields);
    paths(&serde_json::from_str(&example()).unwrap(), "", &mut fields);
    let missing: Vec<&String> = fields
        .iter()
        .filter(|f| !section.contains(&format!("| `{f}` |")))
        .collect();
    assert!(missing.is_empty(), "not documented: {missing:?}");
}
