//! `datakompas compare` as a facilitator runs it: three self-assessments
//! mailed in, compared before the workshop.

use crate::cli_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cli_support::{datakompas, new_session, ok, stderr, stdout};
use tempfile::TempDir;

const ANN: &str = "2026-11-29-ann-self-assessment";
const BO: &str = "2026-11-29-bo-self-assessment";
const CEM: &str = "2026-11-29-cem-self-assessment";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A data folder holding Ann's, Bo's and Cem's self-assessments under their ids.
fn data_dir() -> TempDir {
    let dir = TempDir::new().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for (name, id) in [("ann", ANN), ("bo", BO), ("cem", CEM)] {
        std::fs::copy(
            fixture(&format!("compare/{name}.json")),
            sessions.join(format!("{id}.json")),
        )
        .unwrap();
    }
    dir
}

fn run(data: &Path, args: &[&str]) -> Output {
    datakompas(data, "en_GB.UTF-8", args, "")
}

fn session_path(data: &Path, id: &str) -> PathBuf {
    data.join("sessions").join(format!("{id}.json"))
}

/// Edits a saved session's JSON in place.
fn edit(data: &Path, id: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let path = session_path(data, id);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    f(&mut value);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
}

#[test]
fn text_for_the_facilitator() {
    let dir = data_dir();
    let text = ok(&run(dir.path(), &["--lang", "en", "compare", ANN, BO, CEM]));
    insta::assert_snapshot!("text_en", text);
}

#[test]
fn text_in_dutch() {
    let dir = data_dir();
    let text = ok(&run(dir.path(), &["--lang", "nl", "compare", ANN, BO, CEM]));
    insta::assert_snapshot!("text_nl", text);
}

#[test]
fn markdown_for_the_wiki() {
    let dir = data_dir();
    let md = ok(&run(
        dir.path(),
        &["--lang", "en", "compare", ANN, BO, CEM, "--format", "md"],
    ));
    insta::assert_snapshot!("md_en", md);
}

#[test]
fn markdown_table_has_a_row_per_card_and_user_text_stays_text() {
    let dir = data_dir();
    edit(dir.path(), ANN, |s| {
        s["participants"][0]["name"] = "Ann | *boss* <b>".into();
    });
    let md = ok(&run(
        dir.path(),
        &["--lang", "en", "compare", ANN, BO, CEM, "--format", "md"],
    ));
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut rows = 0;
    let mut cells = Vec::new();
    let mut in_cell = 0;
    let mut html = false;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => {
                rows += 1;
                cells.push(0);
            }
            Event::Start(Tag::TableCell) => {
                in_cell += 1;
                *cells.last_mut().unwrap() += 1;
            }
            Event::End(TagEnd::TableCell) => in_cell -= 1,
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            Event::Start(Tag::Emphasis) if in_cell > 0 => html = true,
            _ => {}
        }
    }
    // The header and six compared cards, each with #, card, three people,
    // spread and differences.
    assert_eq!(rows, 7, "{md}");
    assert!(cells.iter().all(|&n| n == 7), "{cells:?}\n{md}");
    assert!(!html, "user text became markup:\n{md}");
}

#[test]
fn sessions_by_path_in_the_environments_language() {
    let dir = data_dir();
    let paths: Vec<String> = [ANN, BO]
        .iter()
        .map(|id| session_path(dir.path(), id).display().to_string())
        .collect();
    let o = Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args(["compare", &paths[0], &paths[1]])
        .env("DATAKOMPAS_DATA_DIR", dir.path())
        .env("LC_ALL", "nl_NL.UTF-8")
        .output()
        .unwrap();
    let text = ok(&o);
    assert!(text.starts_with("2 sessies naast elkaar\n"), "{text}");
    assert!(text.contains("Eerst bespreken"), "{text}");
}

#[test]
fn fewer_than_two_sessions_is_refused_in_both_languages() {
    let dir = data_dir();
    let o = run(dir.path(), &["--lang", "en", "compare", ANN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("at least two sessions"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    let o = run(dir.path(), &["--lang", "nl", "compare", ANN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("minstens twee sessies"),
        "{}",
        stderr(&o)
    );
    // None at all is a usage error, exit 2 too.
    assert_eq!(run(dir.path(), &["compare"]).status.code(), Some(2));
}

#[test]
fn an_unknown_session_is_named() {
    let dir = data_dir();
    let o = run(
        dir.path(),
        &["--lang", "en", "compare", ANN, "no-such-session"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-session"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_broken_session_file_is_refused_not_moved() {
    let dir = data_dir();
    let path = session_path(dir.path(), BO);
    std::fs::write(&path, "{ not json").unwrap();
    let o = run(dir.path(), &["--lang", "en", "compare", ANN, BO]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
}

#[test]
fn decks_without_a_shared_card_are_a_clear_error() {
    let dir = data_dir();
    let deck = fixture("decks/valid.json").display().to_string();
    let own = new_session(
        dir.path(),
        &[
            "--title",
            "Own deck",
            "--solo",
            "--deck",
            &deck,
            "--cards",
            "hypo-birthday",
        ],
    );
    for lang in ["en", "nl"] {
        let o = run(dir.path(), &["--lang", lang, "compare", ANN, &own]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        let want = if lang == "en" {
            "no card in common"
        } else {
            "geen kaart gemeen"
        };
        assert!(err.contains(want), "{err}");
        assert!(err.contains("datakompas-core, test-deck"), "{err}");
    }
}

#[test]
fn different_decks_compare_the_cards_they_share() {
    let dir = data_dir();
    let deck = fixture("decks/valid.json").display().to_string();
    let own = new_session(dir.path(), &["--title", "Dee", "--solo", "--deck", &deck]);
    edit(dir.path(), &own, |s| {
        s["cards"][0]["votes"] = serde_json::json!({"p1": 5});
    });
    let text = ok(&run(dir.path(), &["--lang", "en", "compare", ANN, &own]));
    assert!(text.contains("different decks"), "{text}");
    assert!(text.contains("ING: payment data"), "{text}");
    assert!(!text.contains("butcher"), "{text}");
}

#[test]
fn shared_cards_nobody_answered_twice_are_a_clear_error() {
    let dir = data_dir();
    let fresh = new_session(
        dir.path(),
        &["--title", "Fresh", "--solo", "--cards", "butcher"],
    );
    let o = run(dir.path(), &["--lang", "en", "compare", ANN, &fresh]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing to compare"), "{}", stderr(&o));
}

#[test]
fn a_team_session_counts_with_its_average() {
    let dir = data_dir();
    let team = new_session(
        dir.path(),
        &[
            "--title",
            "Brand team",
            "--participants",
            "Eva,Fay,Gus",
            "--cards",
            "butcher",
        ],
    );
    edit(dir.path(), &team, |s| {
        s["cards"][0]["votes"] = serde_json::json!({"p1": 4, "p2": 5, "p3": 5});
        s["cards"][0]["decision"]["option"] = "no-personal-greetings".into();
    });
    // Before the reveal the team's votes are nobody's to compare.
    let hidden = ok(&run(dir.path(), &["--lang", "en", "compare", ANN, &team]));
    assert!(hidden.contains("votes hidden (3 of 3 in)"), "{hidden}");
    assert!(!hidden.contains("4.7"), "{hidden}");
    let hidden_nl = ok(&run(dir.path(), &["--lang", "nl", "compare", ANN, &team]));
    assert!(
        hidden_nl.contains("stemmen verborgen (3 van 3 binnen)"),
        "{hidden_nl}"
    );
    edit(dir.path(), &team, |s| {
        s["cards"][0]["revealed"] = true.into()
    });
    let text = ok(&run(dir.path(), &["--lang", "en", "compare", ANN, &team]));
    // (4 + 5 + 5) / 3 = 4.7 against Ann's 1: split, and go+ against no-go.
    assert!(
        text.contains("Brand team  team session, 3 voters"),
        "{text}"
    );
    let row = text
        .lines()
        .find(|l| l.contains("The butcher on the corner") && l.starts_with('1'))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("1 go+"), "{row}");
    assert!(row.contains("4.7 no-go"), "{row}");
    assert!(row.contains("3.7"), "{row}");
    assert!(row.contains("disagree, split"), "{row}");
    let nl = ok(&run(dir.path(), &["--lang", "nl", "compare", ANN, &team]));
    assert!(nl.contains("4,7 niet"), "{nl}");
}

#[test]
fn writes_a_file_and_refuses_to_overwrite_without_force() {
    let dir = data_dir();
    let out = dir.path().join("agenda.md");
    let out_arg = out.to_str().unwrap();
    let args = [
        "--lang", "en", "compare", ANN, BO, CEM, "--format", "md", "-o", out_arg,
    ];
    let o = run(dir.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains(out_arg), "{}", stderr(&o));
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("# Comparing 3 sessions"), "{first}");

    std::fs::write(&out, "keep me").unwrap();
    let o = run(dir.path(), &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");

    let mut forced = args.to_vec();
    forced.push("--force");
    let o = run(dir.path(), &forced);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
}
