//! Session files of version 1 read as version 2: the butcher test's
//! answers are new, empty in an old file, and stay out of the file while
//! empty.

use datakompas::domain::butcher::{ButcherAnswer, ButcherPoint};
use datakompas::domain::session::SESSION_VERSION;
use datakompas::store::{MigrateError, decode};

/// A real file written by the first released version.
const VERSION_1: &str = include_str!("../fixtures/sessions/workshop.json");

#[test]
fn a_version_1_file_reads_as_version_2_without_butcher_answers() {
    assert!(VERSION_1.contains("\"version\": 1,"));
    let session = decode(VERSION_1.as_bytes()).unwrap();
    assert_eq!(session.version, SESSION_VERSION);
    assert!(session.cards.iter().all(|c| c.butcher.is_empty()));
    // Everything else as it was.
    let old: serde_json::Value = serde_json::from_str(VERSION_1).unwrap();
    let saved = serde_json::to_value(&session).unwrap();
    assert_eq!(saved["cards"], old["cards"]);
    assert!(saved["cards"][0].get("butcher").is_none());
}

#[test]
fn answers_round_trip_in_a_version_2_file() {
    let mut session = decode(VERSION_1.as_bytes()).unwrap();
    session.cards[0]
        .butcher
        .insert(ButcherPoint::CanWalkAway, ButcherAnswer::Partly);
    let text = serde_json::to_string_pretty(&session).unwrap();
    assert!(text.contains("\"can_walk_away\": \"partly\""), "{text}");
    let back = decode(text.as_bytes()).unwrap();
    assert_eq!(back, session);
}

#[test]
fn an_unknown_point_or_answer_is_refused_with_its_path() {
    let mut value: serde_json::Value = serde_json::from_str(VERSION_1).unwrap();
    value["version"] = serde_json::json!(2);
    value["cards"][0]["butcher"] = serde_json::json!({ "two_way": "maybe" });
    let err = decode(value.to_string().as_bytes()).unwrap_err();
    match err {
        MigrateError::Invalid { path, .. } => assert!(path.contains("butcher"), "{path}"),
        other => panic!("{other:?}"),
    }
}
