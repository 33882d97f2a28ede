//! The parse pass: every kind of broken file names `FILE:LINE:COLUMN`,
//! the field path and what was expected.

use crate::deck_support;

use std::path::{Path, PathBuf};

use datakompas::deck::{self, DeckError};
use datakompas::domain::Lang;
use deck_support::{VALID, pretty, valid};

/// Writes `bytes` to a file in a fresh folder and loads it.
fn load(bytes: &[u8]) -> (DeckError, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, bytes).unwrap();
    let err = deck::load_file(&path).expect_err("the file is broken");
    (err, path.display().to_string())
}

/// `VALID` with `from` replaced by `to` exactly once.
fn edited(from: &str, to: &str) -> String {
    assert_eq!(VALID.matches(from).count(), 1, "ambiguous edit: {from}");
    VALID.replacen(from, to, 1)
}

/// The report with the temporary folder taken out, for reading.
fn report(bytes: &[u8]) -> String {
    let (err, file) = load(bytes);
    let text = err.report(Lang::En);
    assert!(
        text.starts_with(&format!("{file}:")),
        "report does not start with the file: {text}"
    );
    text.replace(&file, "broken.json")
}

/// Splits `broken.json:L:C: PATH: MESSAGE`.
fn parts(report: &str) -> (usize, usize, String, String) {
    let rest = report.strip_prefix("broken.json:").expect(report);
    let mut it = rest.splitn(4, ": ");
    let pos = it.next().unwrap();
    let (line, col) = pos.split_once(':').expect(report);
    let path = it.next().unwrap_or_default().to_string();
    let message = it.collect::<Vec<_>>().join(": ");
    (
        line.parse().expect(report),
        col.parse().expect(report),
        path,
        message,
    )
}

#[test]
fn fixture_is_valid() {
    deck::parse("valid.json", VALID).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn empty_file() {
    for bytes in [&b""[..], b"  \n\n  "] {
        let r = report(bytes);
        assert!(r.starts_with("broken.json:1:1: the file is empty"), "{r}");
    }
}

#[test]
fn truncated_json() {
    let cut = &VALID[..VALID.find("\"prompts\"").unwrap() + 14];
    let (line, col, path, message) = parts(&report(cut.as_bytes()));
    assert_eq!(line, cut.lines().count());
    assert!(col >= 1);
    assert_eq!(path, "cards[0].prompts");
    assert!(message.starts_with("EOF while parsing"), "{message}");
}

#[test]
fn trailing_comma() {
    let text = edited(
        "\"tags\": [\"secondary_use\", \"profiling\"]",
        "\"tags\": [\"secondary_use\", \"profiling\",]",
    );
    let (line, col, path, message) = parts(&report(text.as_bytes()));
    let expect_line = text
        .lines()
        .position(|l| l.contains("\"profiling\",]"))
        .unwrap()
        + 1;
    assert_eq!(line, expect_line);
    assert!(
        col > 30,
        "column points at the comma, not the line start: {col}"
    );
    assert_eq!(path, "cards[0].tags");
    assert!(message.starts_with("trailing comma"), "{message}");
}

#[test]
fn wrong_type() {
    let text = edited("\"year\": 2014", "\"year\": \"2014\"");
    let (line, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(
        line,
        text.lines().position(|l| l.contains("\"2014\"")).unwrap() + 1
    );
    assert_eq!(path, "cards[0].year");
    assert_eq!(message, "invalid type: string \"2014\", expected u16");
}

#[test]
fn text_given_as_plain_string() {
    let text = edited(
        "\"organisation\": { \"en\": \"A web shop\", \"nl\": \"Een webwinkel\" }",
        "\"organisation\": \"A web shop\"",
    );
    let (_, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(path, "cards[1].organisation");
    assert!(
        message.starts_with("invalid type: string \"A web shop\", expected struct Text"),
        "{message}"
    );
}

#[test]
fn unknown_field_is_a_typo_not_ignored() {
    let text = edited(
        "\"title\": { \"en\": \"A birthday discount\"",
        "\"titel\": { \"en\": \"A birthday discount\"",
    );
    let (line, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(
        line,
        text.lines().position(|l| l.contains("\"titel\"")).unwrap() + 1
    );
    assert_eq!(path, "cards[1].titel");
    assert!(
        message.starts_with("unknown field `titel`, expected one of `id`, `kind`, `title`"),
        "{message}"
    );
}

#[test]
fn missing_language() {
    let text = edited(
        "\"label\": { \"en\": \"Only our own offers\", \"nl\": \"Alleen eigen aanbiedingen\" }",
        "\"label\": { \"en\": \"Only our own offers\" }",
    );
    let (_, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(path, "cards[0].options[1].label");
    assert_eq!(message, "missing field `nl`");
}

#[test]
fn missing_field() {
    let text = edited(
        "\"red_line\": {\n        \"en\": \"We do not ask",
        "\"red_lines\": {\n        \"en\": \"We do not ask",
    );
    let r = report(text.as_bytes());
    // An unknown field is found before the missing one.
    assert!(
        r.contains("cards[1].red_lines: unknown field `red_lines`"),
        "{r}"
    );

    let without: String = {
        let mut value = valid();
        value["cards"][1]
            .as_object_mut()
            .unwrap()
            .remove("red_line");
        pretty(&value)
    };
    let (_, _, path, message) = parts(&report(without.as_bytes()));
    assert_eq!(path, "cards[1]");
    assert_eq!(message, "missing field `red_line`");
}

#[test]
fn unknown_kind() {
    let text = edited("\"kind\": \"real_case\"", "\"kind\": \"real-case\"");
    let (_, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(path, "cards[0].kind");
    assert!(
        message.starts_with("unknown variant `real-case`, expected one of `real_case`"),
        "{message}"
    );
}

#[test]
fn anything_after_the_deck() {
    let text = format!("{VALID}\n{{}}\n");
    let (line, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(line, VALID.lines().count() + 2);
    assert_eq!(path, "(top level)");
    assert_eq!(message, "trailing characters");
}

#[test]
fn not_utf8() {
    let text = edited("Your shop wants", "Your shop w\u{0}nts");
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == 0 { 0xFF } else { b })
        .collect();
    let offset = bytes.iter().position(|&b| b == 0xFF).unwrap();
    let r = report(&bytes);
    let (line, col, _, _) = parts(&r);
    let expect_line = text
        .lines()
        .position(|l| l.contains("Your shop w"))
        .unwrap()
        + 1;
    let line_text = text.lines().nth(expect_line - 1).unwrap();
    assert_eq!(line, expect_line);
    assert_eq!(col, line_text.find('\u{0}').unwrap() + 1);
    assert!(
        r.contains(&format!(
            "not UTF-8 text (byte {offset} is not valid UTF-8)"
        )),
        "{r}"
    );
}

#[test]
fn file_that_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("nope.json");
    let err = deck::load_file(&path).unwrap_err();
    assert_eq!(
        err.report(Lang::En),
        format!("{}: file not found", path.display())
    );
    assert_eq!(
        err.report(Lang::Nl),
        format!("{}: bestand niet gevonden", path.display())
    );
}

#[test]
fn a_folder_is_not_a_deck() {
    let dir = tempfile::tempdir().unwrap();
    let err = deck::load_file(dir.path()).unwrap_err();
    assert!(matches!(err, DeckError::Read { .. }), "{err:?}");
    assert!(err.to_string().contains("cannot read the file"));
}

#[test]
fn byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, format!("\u{feff}{VALID}")).unwrap();
    let deck = deck::load_file(Path::new(&path)).unwrap();
    assert_eq!(deck.cards.len(), 2);
}

#[test]
fn dutch_report_keeps_serde_detail() {
    let (err, file) = load(b"");
    assert_eq!(
        err.report(Lang::Nl),
        format!(
            "{file}:1:1: het bestand is leeg; een deck is een JSON-object: {{\"id\": …, \"version\": …, \"cards\": […]}}"
        )
    );
}

/// All reports in one place, to read as an author would see them.
#[test]
fn reports_read_well() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        (
            "truncated",
            VALID[..VALID.find("\"prompts\"").unwrap() + 14].into(),
        ),
        (
            "trailing comma",
            edited("\"profiling\"]", "\"profiling\",]").into(),
        ),
        (
            "wrong type",
            edited("\"year\": 2014", "\"year\": \"2014\"").into(),
        ),
        (
            "unknown field",
            edited(
                "\"id\": \"own-offers\",",
                "\"id\": \"own-offers\", \"titel\": 1,",
            )
            .into(),
        ),
        (
            "missing language",
            edited(
                "{ \"en\": \"Only our own offers\", \"nl\": \"Alleen eigen aanbiedingen\" }",
                "{ \"en\": \"Only our own offers\" }",
            )
            .into(),
        ),
    ];
    let all: Vec<String> = cases
        .into_iter()
        .map(|(name, bytes)| format!("{name}:\n{}", report(&bytes)))
        .collect();
    insta::assert_snapshot!(all.join("\n\n"));
}

#[test]
fn a_field_given_twice() {
    let text = edited("\"year\": 2014,", "\"year\": 2014,\n      \"year\": 2015,");
    let (line, _, path, message) = parts(&report(text.as_bytes()));
    assert_eq!(
        line,
        text.lines().position(|l| l.contains("2015")).unwrap() + 1
    );
    assert_eq!(path, "cards[0]");
    assert_eq!(message, "duplicate field `year`");
}

#[test]
fn a_card_without_its_practice_in_general_terms_is_refused() {
    let without: String = {
        let mut value = valid();
        value["cards"][0]
            .as_object_mut()
            .unwrap()
            .remove("policy_practice");
        pretty(&value)
    };
    let (_, _, path, message) = parts(&report(without.as_bytes()));
    assert_eq!(path, "cards[0]");
    assert_eq!(message, "missing field `policy_practice`");
}
