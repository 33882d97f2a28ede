//! Small promises of the command line, each on the real binary: where a
//! broken file's error is, ids for sessions made at the same moment, and
//! backups named only when they exist. (A refused delete exits 2: see
//! `sessions_cli`.)

use crate::cli_support;

use std::path::Path;
use std::process::Output;

use cli_support::{datakompas, stderr, stdout};

fn run(data: &Path, args: &[&str]) -> Output {
    datakompas(data, "en_US.UTF-8", args, "")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The 1-based column, in characters, of the `nth` (0-based) `needle` on
/// `line`.
fn column_of(line: &str, needle: char, nth: usize) -> usize {
    line.chars()
        .enumerate()
        .filter(|(_, c)| *c == needle)
        .nth(nth)
        .unwrap()
        .0
        + 1
}

#[test]
fn a_syntax_error_is_reported_before_a_type_error_above_it() {
    let dir = tempfile::tempdir().unwrap();
    // Line 4 lacks every required field of a card; line 5 has a trailing
    // comma. The file is not JSON, so that is what is said, where it is.
    let text =
        "{\n  \"id\": \"x\",\n  \"cards\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\",}\n  ]\n}\n";
    let file = write(dir.path(), "deck.json", text);
    let out = run(dir.path(), &["deck", "validate", &file]);
    assert_eq!(out.status.code(), Some(2));
    let col = column_of("    {\"id\": \"b\",}", '}', 0);
    assert_eq!(
        stdout(&out).lines().next().unwrap(),
        format!("{file}:5:{col}: cards[1]: trailing comma")
    );
}

#[test]
fn columns_count_characters_for_syntax_and_semantic_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string("tests/fixtures/decks/valid.json").unwrap();
    let from = "\"title\": { \"en\": \"Test deck\", \"nl\": \"Testdeck\" }";
    assert!(good.contains(from));
    let line_no = good.lines().position(|l| l.contains(from)).unwrap() + 1;

    // A syntax error after "één café" on its line.
    let syntax_line = "\"title\": { \"en\": \"één café\", \"nl\": \"één café\" } x";
    let file = write(
        dir.path(),
        "syntax.json",
        &good.replacen(from, syntax_line, 1),
    );
    let out = run(dir.path(), &["deck", "validate", &file]);
    let full_line = good
        .lines()
        .nth(line_no - 1)
        .unwrap()
        .replacen(from, syntax_line, 1);
    let col = column_of(&full_line, 'x', 0);
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!("{file}:{line_no}:{col}: ")),
        "{said}"
    );

    // A semantic error after "één café" on its line: the empty Dutch text.
    let semantic_line = "\"title\": { \"en\": \"één café\", \"nl\": \"\" }";
    let file = write(
        dir.path(),
        "semantic.json",
        &good.replacen(from, semantic_line, 1),
    );
    let out = run(dir.path(), &["deck", "validate", &file]);
    let full_line = good
        .lines()
        .nth(line_no - 1)
        .unwrap()
        .replacen(from, semantic_line, 1);
    // The value `""` starts at the fifth quote after "nl".
    let col = column_of(&full_line, '"', 8);
    let said = stdout(&out);
    assert!(
        said.contains(&format!(
            "{file}:{line_no}:{col}: title.nl: the Dutch text is empty"
        )),
        "{said}"
    );
}

#[test]
fn a_raw_newline_inside_a_string_is_reported_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\n  \"id\": \"x\",\n  \"title\": {\"en\": \"one\ntwo\"}\n}\n";
    let file = write(dir.path(), "deck.json", text);
    let out = run(dir.path(), &["deck", "validate", &file]);
    // Line 3 is `  "title": {"en": "one`; the newline follows its last character.
    let col = "  \"title\": {\"en\": \"one\"".chars().count();
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!("{file}:3:{col}: title.en: control character")),
        "{said}"
    );
    // The same in a session file.
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    write(&sessions, "s.json", "{\n  \"title\": \"één\ncafé\"\n}\n");
    let out = run(dir.path(), &["sessions"]);
    let col = "  \"title\": \"één".chars().count() + 1;
    assert!(
        stdout(&out).contains(&format!("(at line 2, column {col}: control character")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn two_new_sessions_with_one_title_at_one_moment_both_succeed() {
    for _ in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_datakompas"))
                .args([
                    "--lang",
                    "en",
                    "new",
                    "--title",
                    "Team",
                    "--solo",
                    "--no-open",
                ])
                .env("DATAKOMPAS_DATA_DIR", dir.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("sessions"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort_by_key(|n| n.len());
        assert_eq!(names.len(), 2, "{names:?}");
        let base = names[0].strip_suffix(".json").unwrap();
        assert!(base.ends_with("-team"), "{names:?}");
        assert_eq!(names[1], format!("{base}-2.json"));
    }
}

#[test]
fn an_unreadable_session_points_to_backups_only_when_there_are_some() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    write(&sessions, "x.json", "{");
    for (lang, locale, no_backup) in [
        ("en", "en_US.UTF-8", "there is no backup of it"),
        ("nl", "nl_NL.UTF-8", "er is geen back-up van"),
    ] {
        let out = datakompas(dir.path(), locale, &["sessions"], "");
        let said = stdout(&out);
        assert!(said.contains(no_backup), "{lang}: {said}");
        assert!(!said.contains(".backups"), "{lang}: {said}");
    }
    let backups = sessions.join(".backups");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::copy("tests/fixtures/compare/ann.json", backups.join("x.1.json")).unwrap();
    let out = run(dir.path(), &["sessions"]);
    let said = stdout(&out);
    assert!(
        said.contains(&format!("earlier versions are in {}", backups.display())),
        "{said}"
    );
}
