//! The app needs a terminal. Without one (a script, a pipe, a cron job) it
//! says so in the user's language and exits 2, and a session it was asked
//! to resume is let go again, untouched.

use crate::cli_support;

use std::path::Path;
use std::time::Duration;

/// The binary with nothing on standard input: not a terminal.
fn datakompas(data: &Path, args: &[&str]) -> std::process::Output {
    cli_support::datakompas_within(data, "C", args, Duration::from_secs(20))
}

/// A self-assessment prepared in `data`: its id and its file.
fn prepared(data: &Path) -> (String, std::path::PathBuf) {
    let id = cli_support::new_session(data, &["--solo", "--title", "Piped"]);
    let file = data
        .join(datakompas::store::SESSIONS_DIR)
        .join(format!("{id}.json"));
    assert!(file.is_file(), "{}", file.display());
    (id, file)
}

#[test]
fn resume_without_a_terminal_says_so_and_lets_the_session_go() {
    let dir = tempfile::tempdir().unwrap();
    let (id, file) = prepared(dir.path());
    let before = std::fs::read(&file).unwrap();
    for (lang, says) in [
        ("en", "The workshop app needs a terminal"),
        ("nl", "De workshop-app heeft een terminal nodig"),
    ] {
        let out = datakompas(dir.path(), &["--lang", lang, "resume", &id]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(stderr.contains("datakompas export"), "{stderr}");
        assert!(!stderr.contains("os error"), "{stderr}");
        assert!(out.stdout.is_empty(), "nothing drawn: {:?}", out.stdout);
        assert!(!file.with_extension("lock").exists(), "the lock was let go");
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is untouched"
    );
}

#[test]
fn the_home_screen_without_a_terminal_says_so_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = datakompas(dir.path(), &["--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_wrong_id_is_still_reported_as_such_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = datakompas(dir.path(), &["--lang", "en", "resume", "no-such-session"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("needs a terminal"), "{stderr}");
}
