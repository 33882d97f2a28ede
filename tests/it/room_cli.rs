//! `--room` on the command line: what cannot open is said before the
//! terminal is taken over, with exit code 2, and leaves the session as it was.

use crate::cli_support;

use cli_support::{datakompas_within, new_session, stderr};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn a_self_assessment_opens_no_room() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), &["--title", "Ann", "--solo"]);
    for (lang, want) in [
        ("en", "The room is for team sessions"),
        ("nl", "De zaal is voor teamsessies"),
    ] {
        let out = datakompas_within(
            dir.path(),
            "C",
            &["--lang", lang, "resume", &id, "--room"],
            LIMIT,
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains(want), "{}", stderr(&out));
    }
}

#[test]
fn a_public_url_that_is_no_url_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), &["--title", "Team", "--participants", "Ann,Bo"]);
    let out = datakompas_within(
        dir.path(),
        "C",
        &[
            "--lang",
            "nl",
            "resume",
            &id,
            "--room",
            "--bind",
            "127.0.0.1",
            "--public-url",
            "ftp://x",
        ],
        LIMIT,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("De zaal kon niet open"),
        "{}",
        stderr(&out)
    );
    // The session was let go: it opens again at once.
    let out = datakompas_within(
        dir.path(),
        "C",
        &["--lang", "en", "resume", &id, "--room", "--bind", "0.0.0.0"],
        LIMIT,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not on every interface"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_address_this_computer_does_not_have_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_session(dir.path(), &["--title", "Team", "--anonymous", "3"]);
    // TEST-NET-3: documentation only, never a local address.
    let out = datakompas_within(
        dir.path(),
        "C",
        &[
            "--lang",
            "en",
            "resume",
            &id,
            "--room",
            "--bind",
            "203.0.113.7",
        ],
        LIMIT,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("this computer has no address 203.0.113.7"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn room_options_are_listed_in_the_help_of_new_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["new", "resume"] {
        let out = datakompas_within(dir.path(), "C", &[cmd, "--help"], LIMIT);
        let text = String::from_utf8_lossy(&out.stdout);
        for flag in [
            "--room",
            "--bind <ADDR>",
            "--port <N>",
            "--public-url <URL>",
        ] {
            assert!(text.contains(flag), "{cmd}: {flag}\n{text}");
        }
    }
}
