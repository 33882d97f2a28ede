//! `datakompas export` as a user runs it.

use crate::cli_support;
use crate::export_support;

use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::{datakompas, stderr, stdout};
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

/// The environment says Dutch; exports follow the session unless `--lang`.
fn run(data: &Path, args: &[&str]) -> Output {
    datakompas(data, "nl_NL.UTF-8", args, "")
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
    assert!(err.contains("no session \"no-such-session\""), "{err}");
    assert!(err.contains("datakompas sessions"), "{err}");
    assert!(stdout(&o).is_empty());
    // An id never reaches outside the sessions folder.
    let o = run(dir.path(), &["--lang", "en", "export", "../sessions/x"]);
    assert_eq!(o.status.code(), Some(2));
    // A folder is not a session file, and is told as such.
    let folder = dir.path().join("sessions");
    let o = run(
        dir.path(),
        &["--lang", "en", "export", folder.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot be read: it is a folder, not a file"),
        "{}",
        stderr(&o)
    );
}

/// The fixture session as JSON, changed by `edit`, written as `name` in
/// the data folder; returns its path.
fn edited_session(dir: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let f = Fixture::workshop();
    let mut json = serde_json::to_value(&f.session).unwrap();
    edit(&mut json);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    path
}

#[test]
fn a_broken_session_file_is_a_clear_error() {
    let (dir, _) = data_dir();
    let bad = edited_session(dir.path(), "broken.json", |v| v["id"] = 5.into());
    let o = run(
        dir.path(),
        &["--lang", "en", "export", bad.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("session broken cannot be read"), "{err}");
    assert!(err.contains("\"id\""), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_file_of_another_format_is_refused_in_the_users_language() {
    let (dir, _) = data_dir();
    let deck = edited_session(dir.path(), "deck.json", |v| {
        v["format"] = "datakompas-deck".into();
    });
    let o = run(dir.path(), &["export", deck.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("sessie deck is niet te lezen"), "{err}");
    assert!(err.contains("geen datakompas-sessie"), "{err}");
    assert!(err.contains("datakompas-deck"), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_session_from_a_newer_datakompas_is_refused_and_left_alone() {
    let (dir, _) = data_dir();
    let newer = edited_session(&dir.path().join("sessions"), "2026-12-01-newer.json", |v| {
        v["version"] = 9.into();
        v["team_mood"] = "sunny".into();
    });
    let before = std::fs::read(&newer).unwrap();
    let o = run(dir.path(), &["--lang", "en", "export", "2026-12-01-newer"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("newer datakompas"), "{err}");
    assert!(err.contains("update datakompas"), "{err}");
    assert!(stdout(&o).is_empty());
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn a_session_set_aside_as_corrupt_names_its_backup() {
    let (dir, path) = data_dir();
    let sessions = dir.path().join("sessions");
    let good = std::fs::read(&path).unwrap();
    let backups = sessions.join(".backups");
    std::fs::create_dir_all(&backups).unwrap();
    let backup = backups.join(format!("{ID}.1.json"));
    std::fs::write(&backup, &good).unwrap();
    let aside = sessions.join(format!("{ID}.json.corrupt-20261129T100000Z"));
    std::fs::rename(&path, &aside).unwrap();
    std::fs::write(&aside, b"{\"format\": \"datakompas-se").unwrap();

    let o = run(dir.path(), &["--lang", "en", "export", ID]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(!err.contains("no session"), "{err}");
    assert!(err.contains("set aside"), "{err}");
    assert!(err.contains(aside.to_str().unwrap()), "{err}");
    assert!(err.contains(backup.to_str().unwrap()), "{err}");
    assert!(stdout(&o).is_empty());

    // A file that does not parse at all says where it stopped.
    std::fs::write(sessions.join(format!("{ID}.json")), b"{\n  \"format\": ").unwrap();
    let o = run(dir.path(), &["export", ID]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("geen geldige JSON"), "{err}");
    assert!(err.contains("regel 2"), "{err}");
}

#[test]
fn policy_only_and_notes_only_exclude_each_other() {
    let (dir, _) = data_dir();
    let o = run(dir.path(), &["export", ID, "--policy-only", "--notes-only"]);
    assert_eq!(o.status.code(), Some(2));
}
