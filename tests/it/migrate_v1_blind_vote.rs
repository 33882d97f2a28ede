//! A real version-1 session file, as datakompas 1 wrote it, read by this
//! build: it becomes version 2 with the blind vote's defaults, and the
//! votes it holds are exactly those it held.

use datakompas::domain::Mode;

const V1: &str = include_str!("../fixtures/sessions/workshop.json");

#[test]
fn a_version_1_team_session_reads_as_version_2_with_defaults() {
    let raw: serde_json::Value = serde_json::from_str(V1).unwrap();
    assert_eq!(raw["version"], 1, "the fixture is a version-1 file");
    let s = datakompas::store::decode(V1.as_bytes()).unwrap();
    assert_eq!(s.version, datakompas::domain::session::SESSION_VERSION);
    assert_eq!(s.mode, Mode::Team);
    assert!(!s.auto_reveal);
    assert!(s.room_members.is_empty());
    for (card, before) in s.cards.iter().zip(raw["cards"].as_array().unwrap()) {
        assert_eq!(card.revealed, before["revealed"].as_bool().unwrap_or(false));
        assert!(!card.names_shown);
        let votes: serde_json::Value = serde_json::to_value(&card.votes).unwrap();
        assert_eq!(votes, before["votes"], "{}", card.card);
    }
    // Written back, it is a version-2 file without the new fields' defaults.
    let out = serde_json::to_value(&s).unwrap();
    assert_eq!(out["version"], datakompas::domain::session::SESSION_VERSION);
    assert!(out.get("auto_reveal").is_none());
    assert!(out.get("room_members").is_none());
    assert!(out["cards"][0].get("names_shown").is_none());
}

#[test]
fn a_version_1_self_assessment_keeps_its_votes_visible() {
    let mut raw: serde_json::Value = serde_json::from_str(V1).unwrap();
    raw["mode"] = "solo".into();
    raw["participants"] = serde_json::json!([{"id": "p1", "name": "Ann"}]);
    for card in raw["cards"].as_array_mut().unwrap() {
        card["votes"] = serde_json::json!({"p1": 3});
        card["revealed"] = false.into();
    }
    let s = datakompas::store::decode(raw.to_string().as_bytes()).unwrap();
    assert!(
        s.cards
            .iter()
            .all(|c| c.revealed && c.shown_votes().len() == 1)
    );
}
