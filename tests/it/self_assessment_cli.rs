//! A self-assessment speaks of one person: `new --solo --name` names it,
//! and `compare` and every export use that name, in both languages; an
//! old file without a name still reads well. And the command line's help
//! follows `--lang`.

use crate::cli_support;
use crate::export_support;

use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::{datakompas, new_session, ok, stdout};
use tempfile::TempDir;

fn run(data: &Path, args: &[&str]) -> Output {
    datakompas(data, "en_GB.UTF-8", args, "")
}

/// `datakompas new --solo … --no-open`, returning the new session's id.
fn self_assessment(data: &Path, args: &[&str]) -> String {
    new_session(data, &[&["--solo"], args].concat())
}

fn session_path(data: &Path, id: &str) -> PathBuf {
    data.join("sessions").join(format!("{id}.json"))
}

/// Gives card `card` a vote and the card's first option, and sets the day
/// the session was started, as if it had been played then.
fn play(data: &Path, id: &str, card: &str, vote: u8, created: &str) {
    let path = session_path(data, id);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let deck = datakompas::deck::builtin();
    let option = deck.card(card).unwrap().options[0].id.clone();
    v["created"] = created.into();
    for c in v["cards"].as_array_mut().unwrap() {
        if c["card"] == card {
            c["votes"] = serde_json::json!({ "p1": vote });
            c["decision"]["option"] = option.clone().into();
        }
    }
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

fn export(data: &Path, lang: &str, id: &str, format: &str) -> String {
    ok(&run(
        data,
        &["--lang", lang, "export", id, "--format", format],
    ))
}

/// The text of a Word export: its paragraphs and table cells, one a line.
fn docx_text(data: &Path, lang: &str, id: &str) -> String {
    let file = data.join(format!("{id}-{lang}.docx"));
    let out = file.to_str().unwrap();
    ok(&run(
        data,
        &["--lang", lang, "export", id, "--format", "docx", "-o", out],
    ));
    export_support::word_text(&std::fs::read(&file).unwrap())
}

#[test]
fn every_export_says_whose_self_assessment_it_is() {
    let dir = TempDir::new().unwrap();
    let id = self_assessment(
        dir.path(),
        &[
            "--title",
            "Before the workshop",
            "--name",
            "Ann",
            "--cards",
            "butcher",
        ],
    );
    for (lang, by, never) in [
        (
            "en",
            "Self-assessment by Ann",
            ["anonymous voter", "the team", "The team"],
        ),
        (
            "nl",
            "Zelfscan van Ann",
            ["anonieme stemmer", "het team", "Het team"],
        ),
    ] {
        let md = export(dir.path(), lang, &id, "md");
        let html = export(dir.path(), lang, &id, "html");
        let docx = docx_text(dir.path(), lang, &id);
        // The JSON's policy draft says it is one person's, with the name.
        let json: serde_json::Value =
            serde_json::from_str(&export(dir.path(), lang, &id, "json")).unwrap();
        assert_eq!(json["policy"]["document"]["self_assessment"], true);
        assert_eq!(json["policy"]["document"]["participants"][0], "Ann");
        assert_eq!(json["session"]["participants"][0]["name"], "Ann");
        for (format, text) in [("md", &md), ("html", &html), ("docx", &docx)] {
            assert!(text.contains(by), "{lang} {format}: {text}");
            for word in never {
                assert!(
                    !text.contains(word),
                    "{lang} {format} says “{word}”: {text}"
                );
            }
        }
    }
}

#[test]
fn a_self_assessment_without_a_name_still_reads_well() {
    let dir = TempDir::new().unwrap();
    let id = self_assessment(dir.path(), &["--title", "Mine", "--cards", "butcher"]);
    let md = export(dir.path(), "en", &id, "md");
    assert!(md.contains("- **Type:** Self-assessment\n"), "{md}");
    assert!(md.contains("- **Participants:** one person\n"), "{md}");
    assert!(!md.contains("anonymous voter"), "{md}");
    let md = export(dir.path(), "nl", &id, "md");
    assert!(md.contains("- **Soort:** Zelfscan\n"), "{md}");
    assert!(md.contains("- **Deelnemers:** één persoon\n"), "{md}");
}

#[test]
fn compare_names_columns_after_the_person_and_tells_one_person_twice_apart() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let before = self_assessment(d, &["--title", "Ann early", "--name", "Ann"]);
    let bo = self_assessment(d, &["--title", "Bo", "--name", "Bo"]);
    let after = self_assessment(d, &["--title", "Ann late", "--name", "Ann"]);
    play(d, &before, "butcher", 1, "2026-11-02T09:00:00Z");
    play(d, &bo, "butcher", 4, "2026-11-27T09:00:00Z");
    play(d, &after, "butcher", 5, "2026-11-29T09:00:00Z");
    let text = ok(&run(d, &["--lang", "nl", "compare", &before, &bo, &after]));
    for label in ["Ann (2026-11-02)", "Bo", "Ann (2026-11-29)"] {
        assert!(text.contains(label), "{label}: {text}");
    }
    assert!(!text.contains("Zelfscan"), "{text}");
    assert!(!text.contains("(2)"), "{text}");
}

#[test]
fn name_needs_solo() {
    let dir = TempDir::new().unwrap();
    let o = run(
        dir.path(),
        &["new", "--title", "T", "--anonymous", "3", "--name", "Ann"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn help_follows_the_language() {
    let dir = TempDir::new().unwrap();
    let nl = ok(&run(dir.path(), &["--lang", "nl", "--help"]));
    for word in [
        "Gebruik:",
        "Opdrachten:",
        "Opties:",
        "Zelfscans vergelijken",
        "Hulp tonen",
    ] {
        assert!(nl.contains(word), "{word}: {nl}");
    }
    for english in ["Usage:", "Commands:", "Options:", "Print help", "[default:"] {
        assert!(!nl.contains(english), "{english}: {nl}");
    }
    let sessions = ok(&run(dir.path(), &["--lang", "nl", "sessions", "--help"]));
    assert!(
        sessions.contains("Opgeslagen sessies tonen, of er een verwijderen"),
        "{sessions}"
    );
    assert!(
        sessions.contains("delete  Een opgeslagen sessie verwijderen"),
        "{sessions}"
    );
    assert!(!sessions.contains("Print"), "{sessions}");
    // `--lang=nl` after the command, and the environment's language.
    let new = ok(&run(dir.path(), &["new", "--help", "--lang=nl"]));
    assert!(new.contains("Wie de zelfscan doet"), "{new}");
    let env = ok(&datakompas(
        dir.path(),
        "nl_NL.UTF-8",
        &["export", "--help"],
        "",
    ));
    assert!(env.contains("Alleen het sessieverslag"), "{env}");
    // English stays English.
    let en = ok(&run(dir.path(), &["--lang", "en", "sessions", "--help"]));
    assert!(en.contains("List saved sessions, or delete one"), "{en}");
    assert!(en.contains("Usage:"), "{en}");
}
