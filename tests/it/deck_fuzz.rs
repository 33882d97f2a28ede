//! Whatever an author's editor produces, loading a deck answers with a
//! deck or a report, never a panic, and the report points inside the file.

use crate::deck_support;

use datakompas::deck::{self, DeckError, JsonPath};
use deck_support::VALID;
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::Value;

/// Line and column of every error point lie within the text.
fn points_inside(text: &[u8], err: &DeckError) {
    let lines = text.split(|&b| b == b'\n').count();
    let positions: Vec<_> = match err {
        DeckError::NotUtf8 { at, .. } | DeckError::Syntax { at, .. } => vec![*at],
        DeckError::Invalid { problems, .. } => problems.iter().map(|(at, _)| *at).collect(),
        DeckError::Empty { .. } => Vec::new(),
        other => panic!("unexpected error for in-memory text: {other}"),
    };
    for at in positions {
        assert!(at.line >= 1 && at.line <= lines, "{err}");
        assert!(at.column >= 1, "{err}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        if let Err(e) = deck::parse_bytes("x.json", &bytes) {
            points_inside(&bytes, &e);
        }
    }

    /// A valid deck with a slice cut out and other bytes put in: the
    /// typing mistakes of a real author.
    #[test]
    fn damaged_deck(at in 0..VALID.len(), cut in 0usize..40, insert in "[ -~]{0,6}") {
        let mut bytes = VALID.as_bytes().to_vec();
        let end = (at + cut).min(bytes.len());
        bytes.splice(at..end, insert.bytes());
        if let Err(e) = deck::parse_bytes("x.json", &bytes) {
            points_inside(&bytes, &e);
            prop_assert!(!e.report(datakompas::domain::Lang::Nl).is_empty());
        }
    }
}

/// Every value in a JSON document, with its path.
fn leaves(value: &Value, path: JsonPath, out: &mut Vec<(JsonPath, Value)>) {
    out.push((path.clone(), value.clone()));
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                leaves(v, path.field(k), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, path.index(i), out);
            }
        }
        _ => {}
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-zé\"\\\\{}\\[\\],: ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_é]{1,6}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The position found for a path is where that very value starts, in
    /// compact and in pretty JSON alike.
    #[test]
    fn located_value_is_the_value(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let mut all = Vec::new();
        leaves(&value, JsonPath::root(), &mut all);
        for (path, expected) in all {
            let at = deck::locate(&text, &path);
            let line = text.lines().nth(at.line - 1).unwrap();
            let offset_in_line: usize = line.chars().take(at.column - 1).map(char::len_utf8).sum();
            let line_start: usize = text.lines().take(at.line - 1).map(|l| l.len() + 1).sum();
            let mut de = serde_json::Deserializer::from_str(&text[line_start + offset_in_line..]);
            let found = Value::deserialize(&mut de).unwrap();
            prop_assert_eq!(found, expected, "{}", path);
        }
    }
}
