//! `datakompas deck …` as a user runs it: the real binary, a private data
//! folder, an explicit language.

use crate::cli_support;

use std::path::Path;

use datakompas::deck;
use datakompas::domain::Lang;

const FIXTURE: &str = "tests/fixtures/decks/valid.json";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `datakompas --lang LANG ARGS` with a fresh data folder, from the
/// crate folder, so fixture paths are relative and the output is the same
/// on every machine.
fn run(lang: &str, args: &[&str]) -> Run {
    let data = tempfile::tempdir().unwrap();
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    let out = cli_support::datakompas(data.path(), "C", &all, "");
    Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn list_shows_the_builtin_deck_in_english() {
    let r = run("en", &["deck", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let deck = deck::builtin();
    let first = r.stdout.lines().next().unwrap();
    assert!(first.starts_with(&format!("{}, version {}", deck.title.en, deck.version)));
    assert!(r.stdout.contains("ID") && r.stdout.contains("KIND") && r.stdout.contains("TITLE"));
    for card in &deck.cards {
        let line = r
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{} ", card.id)))
            .unwrap_or_else(|| panic!("no line for {}", card.id));
        assert!(line.ends_with(&card.title.en), "{line}");
        assert!(line.contains(deck::kind_label(card.kind, Lang::En)));
        if let Some(year) = card.year {
            assert!(line.contains(&year.to_string()));
        }
    }
}

#[test]
fn list_in_dutch_shows_the_deck_in_dutch() {
    let r = run("nl", &["deck", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let deck = deck::builtin();
    assert!(
        r.stdout
            .starts_with(&format!("{}, versie {}", deck.title.nl, deck.version)),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("SOORT") && r.stdout.contains("TITEL"));
    for card in &deck.cards {
        assert!(r.stdout.contains(&card.title.nl), "{}", card.id);
        assert!(r.stdout.contains(deck::kind_label(card.kind, Lang::Nl)));
    }
    assert!(
        r.stdout
            .contains("Een kaart lezen: datakompas deck show ID")
    );
}

#[test]
fn list_a_deck_file() {
    let en = run("en", &["deck", "list", "--deck", FIXTURE]);
    let nl = run("nl", &["deck", "list", "--deck", FIXTURE]);
    assert_eq!((en.code, nl.code), (0, 0));
    insta::assert_snapshot!("list_en", en.stdout);
    insta::assert_snapshot!("list_nl", nl.stdout);
}

#[test]
fn list_a_broken_or_missing_deck_file() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(
        dir.path(),
        "broken.json",
        "{\"id\": \"x\",\n  \"cards\": 3}",
    );
    let r = run("en", &["deck", "list", "--deck", &broken]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.starts_with(&format!(
            "datakompas: error: {broken}:2:12: cards: invalid type: integer `3`, expected a sequence"
        )),
        "{}",
        r.stderr
    );

    let missing = dir.path().join("missing.json").display().to_string();
    let r = run("nl", &["deck", "list", "--deck", &missing]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!("datakompas: fout: {missing}: bestand niet gevonden\n")
    );
}

#[test]
fn validate_a_good_file() {
    let r = run("en", &["deck", "validate", FIXTURE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("OK  {FIXTURE}: 2 cards\n"));
    assert!(r.stderr.is_empty());

    let r = run("nl", &["deck", "validate", FIXTURE]);
    assert_eq!(r.stdout, format!("OK  {FIXTURE}: 2 kaarten\n"));
}

#[test]
fn validate_reports_every_bad_file_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(FIXTURE).unwrap();
    let syntax = write(
        dir.path(),
        "syntax.json",
        &good.replacen(
            "\"kind\": \"hypothetical\"",
            "\"kind\": \"hypothetical\",,",
            1,
        ),
    );
    let semantic = write(
        dir.path(),
        "semantic.json",
        &good
            .replacen(
                "\"safeguards\": [\"purpose_stated\"]",
                "\"safeguards\": [\"nope\"]",
                1,
            )
            .replacen("\"version\": \"0.1.0\"", "\"version\": \"\"", 1),
    );
    let missing = dir.path().join("missing.json").display().to_string();

    let r = run(
        "en",
        &["deck", "validate", FIXTURE, &syntax, &semantic, &missing],
    );
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], format!("OK  {FIXTURE}: 2 cards"));
    assert!(
        lines[1].starts_with(&format!("{syntax}:90:30: cards[1]: key must be a string")),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], format!("{semantic}: 2 problems"));
    assert_eq!(
        lines[3],
        format!("  {semantic}:4:14: version: the version is empty; give it one, such as \"1.0.0\"")
    );
    assert_eq!(
        lines[4],
        format!(
            "  {semantic}:74:22: cards[0].safeguards[0]: `nope` is not a safeguard in the policy framework"
        )
    );
    assert_eq!(lines[5], format!("{missing}: file not found"));
    assert_eq!(lines.len(), 6);
    assert_eq!(r.stderr, "datakompas: error: 3 of 4 files have problems\n");

    let r = run("nl", &["deck", "validate", &semantic]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.starts_with(&format!("{semantic}: 2 problemen\n")));
    assert_eq!(
        r.stderr,
        format!("datakompas: fout: {semantic} heeft problemen\n")
    );
}

#[test]
fn validate_needs_a_file() {
    let r = run("en", &["deck", "validate"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("FILE"), "{}", r.stderr);
}

#[test]
fn schema_is_the_deck_format() {
    let r = run("en", &["deck", "schema"]);
    assert_eq!(r.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(schema["title"], "Deck");
    assert!(schema["properties"]["$schema"].is_object());
    assert_eq!(schema["additionalProperties"], false);
    insta::assert_snapshot!("schema", r.stdout);
}

#[test]
fn show_a_card_in_both_languages() {
    let en = run("en", &["deck", "show", "ing-2014", "--deck", FIXTURE]);
    let nl = run("nl", &["deck", "show", "ing-2014", "--deck", FIXTURE]);
    assert_eq!((en.code, nl.code), (0, 0));
    assert!(en.stdout.lines().all(|l| l.chars().count() <= 80));
    // The safeguard's label comes from the built-in framework, which has
    // its own life; the snapshot is about the card's layout.
    let label = |lang| {
        deck::framework()
            .safeguard("purpose_stated")
            .unwrap()
            .label
            .get(lang)
            .to_string()
    };
    for (run, lang) in [(&en, Lang::En), (&nl, Lang::Nl)] {
        assert!(run.stdout.contains(&format!("  - {}\n", label(lang))));
    }
    insta::assert_snapshot!(
        "show_en",
        en.stdout
            .replace(&label(Lang::En), "<label of purpose_stated>")
    );
    insta::assert_snapshot!(
        "show_nl",
        nl.stdout
            .replace(&label(Lang::Nl), "<label of purpose_stated>")
    );

    let hypo = run("en", &["deck", "show", "hypo-birthday", "--deck", FIXTURE]);
    assert!(hypo.stdout.contains("Kind          hypothetical"));
    assert!(!hypo.stdout.contains("What happened"));
    assert!(!hypo.stdout.contains("Year"));
}

#[test]
fn show_every_builtin_card() {
    let deck = deck::builtin();
    let framework = deck::framework();
    for card in &deck.cards {
        let r = run("nl", &["deck", "show", &card.id]);
        assert_eq!(r.code, 0, "{}: {}", card.id, r.stderr);
        assert!(r.stdout.starts_with(&format!("{}\n", card.title.nl)));
        for id in &card.safeguards {
            let label = &framework.safeguard(id).unwrap().label.nl;
            assert!(r.stdout.contains(label.as_str()), "{}: {id}", card.id);
        }
    }
}

#[test]
fn show_an_unknown_card() {
    let r = run("en", &["deck", "show", "ing-2041", "--deck", FIXTURE]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        format!(
            "datakompas: error: deck {FIXTURE} has no card ing-2041; did you mean ing-2014? `datakompas deck list` shows the card ids.\n"
        )
    );
    let r = run("nl", &["deck", "show", "nothing-like-it"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "datakompas: fout: deck {} heeft geen kaart nothing-like-it. Met `datakompas deck list` zie je de kaart-id's.\n",
            deck::builtin().id
        )
    );
}
