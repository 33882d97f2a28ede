//! `datakompas export` as a user runs it.

mod export_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use export_support::Fixture;
use tempfile::TempDir;

/// A data folder holding the fixture workshop (with its deck embedded, as
/// a session played with a user deck is saved), under its id.
fn data_dir() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let mut f = Fixture::workshop();
    f.session.deck.embedded = Some(f.deck.clone());
    let path = sessions.join(format!("{}.json", f.session.id));
    std::fs::write(&path, serde_json::to_string_pretty(&f.session).unwrap()).unwrap();
    (dir, path)
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args(args)
        .env("DATAKOMPAS_DATA_DIR", data)
        .env("LC_ALL", "nl_NL.UTF-8")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ID: &str = "2026-11-29-brand-team";

#[test]
fn exports_by_id_to_stdout_in_the_sessions_language() {
    let (dir, _) = data_dir();
    let o = run(dir.path(), &["export", ID]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    // The environment says Dutch; the session is English and wins.
    assert!(
        md.starts_with("# Session notes: Brand team, November\n"),
        "{md}"
    );
    assert!(md.contains("# Draft data policy: Brand team, November"));
    assert!(md.contains("## 3. The pregnancy score"));
}

#[test]
fn lang_flag_overrides_the_sessions_language() {
    let (dir, _) = data_dir();
    let o = run(dir.path(), &["--lang", "nl", "export", ID, "--policy-only"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# Concept-databeleid: Brand team, November\n"));
    assert!(!stdout(&o).contains("Sessieverslag"));
}

#[test]
fn exports_by_path_in_every_format() {
    let (dir, path) = data_dir();
    let path = path.to_str().unwrap();
    let html = stdout(&run(dir.path(), &["export", path, "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>"));
    let json = stdout(&run(
        dir.path(),
        &["export", path, "--format", "json", "--notes-only"],
    ));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["format"], "datakompas-export");
    assert!(value.get("policy").is_none());
}

#[test]
fn writes_a_file_and_refuses_to_overwrite_without_force() {
    let (dir, _) = data_dir();
    let out = dir.path().join("notes.md");
    let out_arg = out.to_str().unwrap();

    let o = run(dir.path(), &["export", ID, "-o", out_arg]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains(out_arg));
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("# Session notes"));

    std::fs::write(&out, "keep me").unwrap();
    let o = run(
        dir.path(),
        &["export", ID, "-o", out_arg, "--format", "html"],
    );
    assert_eq!(o.status.code(), Some(2));
    // Messages follow the environment's language.
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert!(stderr(&o).contains("bestaat al"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");

    let o = run(dir.path(), &["export", ID, "-o", out_arg, "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
}

#[test]
fn an_unknown_session_is_a_clear_error() {
    let (dir, _) = data_dir();
    let o = run(dir.path(), &["--lang", "en", "export", "no-such-session"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no session “no-such-session”"), "{err}");
    assert!(stdout(&o).is_empty());
    // An id never reaches outside the sessions folder.
    let o = run(dir.path(), &["--lang", "en", "export", "../sessions/x"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_broken_session_file_is_a_clear_error() {
    let (dir, _) = data_dir();
    let bad = dir.path().join("broken.json");
    std::fs::write(
        &bad,
        r#"{"format": "datakompas-session", "version": 1, "id": 5}"#,
    )
    .unwrap();
    let o = run(
        dir.path(),
        &["--lang", "en", "export", bad.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a valid session file"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("id"), "{}", stderr(&o));
}

#[test]
fn policy_only_and_notes_only_exclude_each_other() {
    let (dir, _) = data_dir();
    let o = run(dir.path(), &["export", ID, "--policy-only", "--notes-only"]);
    assert_eq!(o.status.code(), Some(2));
}
