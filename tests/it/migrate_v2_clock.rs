//! A real version-2 session file, as the previous datakompas wrote it
//! (three named voters, the first card voted, revealed with names and
//! decided), read by this build: it becomes version 3 with the session
//! clock at zero, everything else as it was, and the clock stays out of
//! the file until it has run.

use datakompas::domain::session::SESSION_VERSION;

const V2: &str = include_str!("../fixtures/sessions/version2.json");

#[test]
fn a_version_2_file_reads_as_version_3_with_its_clock_at_zero() {
    let raw: serde_json::Value = serde_json::from_str(V2).unwrap();
    assert_eq!(raw["version"], 2, "the fixture is a version-2 file");
    let s = datakompas::store::decode(V2.as_bytes()).unwrap();
    assert_eq!(SESSION_VERSION, 3);
    assert_eq!(s.version, 3);
    assert_eq!(s.seconds_elapsed, 0);
    assert!(s.cards.iter().all(|c| c.seconds_on_card == 0));
    assert!(s.cards[0].revealed && s.cards[0].names_shown);
    assert!(s.cards[0].decision.option.is_some());
    // Written back: version 3, and every version-2 field exactly as it was.
    let mut out = serde_json::to_value(&s).unwrap();
    assert_eq!(out["version"], 3);
    assert!(out.get("seconds_elapsed").is_none());
    assert!(out["cards"][0].get("seconds_on_card").is_none());
    out["version"] = 2.into();
    assert_eq!(out, raw);
}

#[test]
fn the_clock_round_trips_in_a_version_3_file() {
    let mut s = datakompas::store::decode(V2.as_bytes()).unwrap();
    s.seconds_elapsed = 1234;
    s.cards[1].seconds_on_card = 321;
    let text = serde_json::to_string_pretty(&s).unwrap();
    assert!(text.contains("\"seconds_elapsed\": 1234"), "{text}");
    assert!(text.contains("\"seconds_on_card\": 321"), "{text}");
    assert_eq!(datakompas::store::decode(text.as_bytes()).unwrap(), s);
}
