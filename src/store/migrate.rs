//! Reading a session file of any version this build knows.
//!
//! Every file carries `format` and `version`. Loading checks both before
//! anything else, upgrades older versions one step at a time, and only then
//! deserialises into [`Session`]. A file from a newer datakompas is refused,
//! never guessed at: guessing and saving would throw away what it added.

use std::fmt;

use serde_json::Value;

use crate::domain::session::SESSION_FORMAT;
use crate::domain::{Lang, Session};

/// Why a session file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// Not JSON at all (truncated, binary, empty): where the parser gave
    /// up, and its own (English) words for why.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a datakompas session (`format` missing or different).
    WrongFormat { found: Option<String> },
    /// No usable `version` field.
    NoVersion,
    /// Written by a newer datakompas; this build must not touch it.
    TooNew { version: u64 },
    /// A version no datakompas ever wrote (0, or below the oldest known).
    UnknownVersion { version: u64 },
    /// The `id` inside cannot name a file: it could point exports or saves
    /// elsewhere (`../../x`, `/tmp/x`), so the session is not opened.
    BadId { id: String },
    /// The right format and version, but a field is missing or wrong.
    /// `path` is `.` when the whole document is wrong; `detail` is serde's
    /// own (English) message.
    Invalid { path: String, detail: String },
}

impl MigrateError {
    /// Whether the file is healthy but newer than this build; such files
    /// are left exactly where they are.
    pub fn is_too_new(&self) -> bool {
        matches!(self, MigrateError::TooNew { .. })
    }
}

/// In English; the user reads it through [`super::describe_store_error`].
impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::describe::describe_migrate_error(self, Lang::En))
    }
}

impl std::error::Error for MigrateError {}

/// One upgrade: a file of version `from` becomes version `from + 1`.
pub(crate) type Step = fn(Value) -> Result<Value, MigrateError>;

/// The upgrade steps, oldest first; step `i` turns version `i + 1` into
/// `i + 2`. The machinery sets `version` after each step.
const STEPS: &[Step] = &[one_to_two, two_to_three];

/// Version 2 adds fields that all have defaults (set by serde, and the
/// new number by [`migrate_with`] after every step). It also makes the blind
/// vote strict: votes count as shown only once revealed. A
/// self-assessment never had a reveal (its one vote was always shown), so
/// its voted cards are marked revealed to keep them visible.
fn one_to_two(mut value: Value) -> Result<Value, MigrateError> {
    let solo = value.get("mode").and_then(Value::as_str) == Some("solo");
    if solo && let Some(cards) = value.get_mut("cards").and_then(Value::as_array_mut) {
        for card in cards.iter_mut().filter_map(Value::as_object_mut) {
            let voted = card
                .get("votes")
                .and_then(Value::as_object)
                .is_some_and(|v| !v.is_empty());
            if voted {
                card.insert("revealed".into(), Value::Bool(true));
            }
        }
    }
    Ok(value)
}

/// Version 3 adds the session clock (`seconds_elapsed`) and each card's
/// time on screen (`cards[].seconds_on_card`). Time before the upgrade was
/// never measured, so both start at zero, which serde's defaults give.
fn two_to_three(value: Value) -> Result<Value, MigrateError> {
    Ok(value)
}

const OLDEST_VERSION: u64 = 1;

/// Reads a session from its parsed JSON, upgrading older versions.
pub fn migrate(value: Value) -> Result<Session, MigrateError> {
    migrate_with(value, OLDEST_VERSION, STEPS)
}

/// Reads a session from the bytes of a file.
///
/// A file of the current version is read straight into [`Session`] after
/// a peek at its `format` and `version`, without building a JSON tree
/// first. Anything else (an older version, or a file that fails the direct
/// read) takes the general path, so errors are worded exactly as before.
pub fn decode(bytes: &[u8]) -> Result<Session, MigrateError> {
    decode_with(bytes, OLDEST_VERSION, STEPS)
}

pub(crate) fn decode_with(
    bytes: &[u8],
    oldest: u64,
    steps: &[Step],
) -> Result<Session, MigrateError> {
    let current = oldest + steps.len() as u64;
    if is_current(bytes, current)
        && let Ok(session) = serde_json::from_slice::<Session>(bytes)
        && super::location::is_valid_id(&session.id)
    {
        return Ok(session);
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| not_json(bytes, &e))?;
    migrate_with(value, oldest, steps)
}

/// Whether the file is an object saying it is a session of version
/// `current`; read without keeping anything else.
fn is_current(bytes: &[u8], current: u64) -> bool {
    #[derive(serde::Deserialize)]
    struct Peek<'a> {
        #[serde(borrow)]
        format: Option<std::borrow::Cow<'a, str>>,
        version: Option<u64>,
    }
    // A struct would also accept an array; only an object is a session.
    let starts_as_object = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{');
    starts_as_object
        && serde_json::from_slice::<Peek>(bytes).is_ok_and(|p| {
            p.format.as_deref() == Some(SESSION_FORMAT) && p.version == Some(current)
        })
}

fn not_json(bytes: &[u8], e: &serde_json::Error) -> MigrateError {
    // serde_json ends its message with the position; it is given apart.
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    // Counted in characters, as editors do, not in serde_json's bytes.
    let (line, column) = crate::domain::text::json_error_position(bytes, e.line(), e.column());
    MigrateError::NotJson {
        line,
        column,
        detail,
    }
}

/// The migration machinery with its steps passed in, so tests can prove
/// the chain with steps of their own.
pub(crate) fn migrate_with(
    mut value: Value,
    oldest: u64,
    steps: &[Step],
) -> Result<Session, MigrateError> {
    let Some(object) = value.as_object() else {
        return Err(MigrateError::WrongFormat { found: None });
    };
    match object.get("format") {
        Some(Value::String(f)) if f == SESSION_FORMAT => {}
        Some(Value::String(f)) => {
            return Err(MigrateError::WrongFormat {
                found: Some(f.clone()),
            });
        }
        _ => return Err(MigrateError::WrongFormat { found: None }),
    }
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(MigrateError::NoVersion)?;
    let current = oldest + steps.len() as u64;
    if version > current {
        return Err(MigrateError::TooNew { version });
    }
    if version < oldest {
        return Err(MigrateError::UnknownVersion { version });
    }
    for (i, step) in steps.iter().enumerate().skip((version - oldest) as usize) {
        value = step(value)?;
        let next = oldest + i as u64 + 1;
        if let Some(object) = value.as_object_mut() {
            object.insert("version".into(), Value::from(next));
        }
    }
    let session: Session =
        serde_path_to_error::deserialize(value).map_err(|e| MigrateError::Invalid {
            path: e.path().to_string(),
            detail: e.inner().to_string(),
        })?;
    // The same rule as when a session is created: the id names its files.
    if !super::location::is_valid_id(&session.id) {
        return Err(MigrateError::BadId { id: session.id });
    }
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "format": "datakompas-session",
            "version": 1,
            "id": "2026-11-29-team",
            "title": "Team",
            "mode": "team",
            "lang": "nl",
            "created": "2026-11-29T10:00:00Z",
            "updated": "2026-11-29T10:00:00Z",
            "deck": {"id": "datakompas-core", "version": "1.0.0"},
            "participants": [{"id": "p1"}],
            "principles": [],
            "minutes_per_card": 10,
            "cards": [{"card": "butcher"}]
        })
    }

    #[test]
    fn a_version_1_file_becomes_version_2_with_empty_follow_up() {
        let mut v = minimal();
        v["cards"][0]["decision"] = json!({"option": "no", "safeguards": ["dpia_first"]});
        let s = migrate(v).unwrap();
        assert_eq!(s.version, crate::domain::session::SESSION_VERSION);
        assert!(s.follow_up.is_empty());
        assert!(!s.cards[0].decision.keep_safeguards);
        // Saved again, the new fields stay out of the file while empty.
        let saved = serde_json::to_value(&s).unwrap();
        assert!(saved.get("follow_up").is_none());
        assert!(
            saved["cards"][0]["decision"]
                .get("keep_safeguards")
                .is_none()
        );
    }

    #[test]
    fn optional_fields_take_their_defaults() {
        let s = migrate(minimal()).unwrap();
        assert_eq!(s.position.card, 0);
        assert_eq!(s.participants[0].name, "");
        assert!(s.cards[0].votes.is_empty());
        assert_eq!(s.cards[0].decision.option, None);
    }

    #[test]
    fn a_version_1_file_becomes_version_2_with_defaults() {
        let mut v = minimal();
        v["cards"][0]["votes"] = json!({"p1": 4});
        let s = migrate(v).unwrap();
        assert_eq!(s.version, crate::domain::session::SESSION_VERSION);
        assert!(!s.auto_reveal);
        // A team's unrevealed votes stay hidden.
        assert!(!s.cards[0].revealed);
        assert!(!s.cards[0].names_shown);
    }

    #[test]
    fn a_version_1_self_assessment_keeps_its_vote_shown() {
        let mut v = minimal();
        v["mode"] = json!("solo");
        v["cards"] = json!([{"card": "butcher", "votes": {"p1": 2}}, {"card": "ing-2014"}]);
        let s = migrate(v).unwrap();
        assert!(s.cards[0].revealed);
        assert!(!s.cards[1].revealed);
    }

    #[test]
    fn newer_versions_are_refused_with_a_clear_reason() {
        let mut v = minimal();
        v["version"] = json!(4);
        v["something_new"] = json!(true);
        let err = migrate(v).unwrap_err();
        assert_eq!(err, MigrateError::TooNew { version: 4 });
        assert!(err.is_too_new());
        assert!(err.to_string().contains("newer datakompas"));
    }

    #[test]
    fn wrong_format_missing_version_and_bad_fields_are_named() {
        let mut v = minimal();
        v["format"] = json!("datakompas-deck");
        assert_eq!(
            migrate(v).unwrap_err(),
            MigrateError::WrongFormat {
                found: Some("datakompas-deck".into())
            }
        );
        let mut v = minimal();
        v.as_object_mut().unwrap().remove("version");
        assert_eq!(migrate(v).unwrap_err(), MigrateError::NoVersion);
        let mut v = minimal();
        v["version"] = json!(0);
        assert_eq!(
            migrate(v).unwrap_err(),
            MigrateError::UnknownVersion { version: 0 }
        );
        let mut v = minimal();
        v["cards"][0]["votes"] = json!({"p1": "five"});
        match migrate(v).unwrap_err() {
            MigrateError::Invalid { path, .. } => assert_eq!(path, "cards[0].votes.p1"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert!(matches!(
            decode(b"{\"format\": \"datakompas-se"),
            Err(MigrateError::NotJson { line: 1, .. })
        ));
    }

    #[test]
    fn the_direct_read_gives_what_the_general_path_gives() {
        let current = || {
            let mut v = minimal();
            v["version"] = json!(crate::domain::session::SESSION_VERSION);
            v
        };
        let minimal = current;
        let bytes = serde_json::to_vec(&minimal()).unwrap();
        assert!(is_current(&bytes, OLDEST_VERSION + STEPS.len() as u64));
        let direct = decode(&bytes).unwrap();
        let general = migrate(minimal()).unwrap();
        assert_eq!(
            serde_json::to_value(&direct).unwrap(),
            serde_json::to_value(&general).unwrap()
        );
        // Files the direct read refuses are judged by the general path.
        let dup = br#"{"format": "datakompas-session", "version": 2, "version": 2}"#;
        assert!(matches!(decode(dup), Err(MigrateError::Invalid { .. })));
        assert_eq!(
            decode(b"[\"datakompas-session\", 1]").unwrap_err(),
            MigrateError::WrongFormat { found: None }
        );
        let mut v = minimal();
        v["id"] = json!("../x");
        assert_eq!(
            decode(&serde_json::to_vec(&v).unwrap()).unwrap_err(),
            MigrateError::BadId { id: "../x".into() }
        );
        let mut v = minimal();
        v["cards"][0]["votes"] = json!({"p1": "five"});
        match decode(&serde_json::to_vec(&v).unwrap()).unwrap_err() {
            MigrateError::Invalid { path, .. } => assert_eq!(path, "cards[0].votes.p1"),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn ids_that_cannot_name_a_file_are_refused() {
        for bad in [
            "../../x",
            "/tmp/x",
            "",
            "a\u{1b}]0;x\u{7}",
            "a/b",
            ".hidden",
        ] {
            let mut v = minimal();
            v["id"] = json!(bad);
            assert_eq!(
                migrate(v).unwrap_err(),
                MigrateError::BadId { id: bad.into() },
                "{bad:?}"
            );
        }
    }

    #[test]
    fn older_versions_walk_every_step_in_order() {
        // A made-up history for the machinery only: version 1 called the
        // title `name`, version 2 had no per-card minutes.
        fn one_to_two(mut v: Value) -> Result<Value, MigrateError> {
            let o = v.as_object_mut().unwrap();
            let name = o.remove("name").unwrap_or(Value::Null);
            o.insert("title".into(), name);
            Ok(v)
        }
        fn two_to_three(mut v: Value) -> Result<Value, MigrateError> {
            v["minutes_per_card"] = json!(7);
            Ok(v)
        }
        let steps: &[Step] = &[one_to_two, two_to_three];
        let mut v = minimal();
        let o = v.as_object_mut().unwrap();
        o.remove("title");
        o.remove("minutes_per_card");
        o.insert("name".into(), json!("Oud"));
        let s = migrate_with(v, 1, steps).unwrap();
        assert_eq!(s.title, "Oud");
        assert_eq!(s.minutes_per_card, 7);
        assert_eq!(s.version, 3);

        let mut v = minimal();
        v["version"] = json!(4);
        assert_eq!(
            migrate_with(v, 1, steps).unwrap_err(),
            MigrateError::TooNew { version: 4 }
        );
    }
}
