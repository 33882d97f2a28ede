//! The real binary in a pseudo-terminal: start on a fresh data folder,
//! decide one card, quit; the session file holds the decision and the
//! terminal is given back (alternate screen left, cursor shown, mouse and
//! paste modes off).

use crate::pty_support;

use std::time::Duration;

use pty_support::*;

/// The app on data folder `data`, on the setup of a new self-assessment.
fn setting_up_a_self_assessment(data: &str) -> Pty {
    let mut app = Pty::start(&["--data-dir", data, "--lang", "en"]);
    app.wait_for("New self-assessment");
    app.send(DOWN);
    app.send(ENTER);
    app.wait_for("Minutes per card");
    app
}

#[test]
fn decide_one_card_quit_and_find_the_decision_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let mut app = setting_up_a_self_assessment(data);
    // Name → title → minutes → cards: all off, the first one on, start.
    app.send("Ann");
    app.send(ENTER);
    app.send("E2E check");
    app.send(ENTER);
    app.send(TAB);
    app.send("a");
    app.send(" ");
    app.send(ENTER);
    app.wait_for("What does your brand stand for?");
    app.send(" ");
    app.send(DOWN);
    app.send(" ");
    app.send(DOWN);
    app.send(" ");
    app.send(ENTER);
    app.wait_for("Card 1 of 1");
    app.send(RIGHT);
    app.send("3");
    app.send(RIGHT);
    app.send(RIGHT);
    app.wait_for("What would your brand do?");
    app.send(" ");
    app.wait_for("(•)");
    app.send("q");
    app.wait_for("New team session");
    app.send("q");

    let status = app.wait_exit(Duration::from_secs(20));
    assert!(status.success(), "{status:?}");

    // The terminal was given back.
    let tail = &app.since_last_entry();
    for (seq, what) in [
        ("\x1b[?1049l", "left the alternate screen"),
        ("\x1b[?25h", "showed the cursor"),
        ("\x1b[?2004l", "turned bracketed paste off"),
        ("\x1b[?1000l", "turned mouse capture off"),
    ] {
        assert!(tail.contains(seq), "the app never {what}");
    }

    // The session file holds the decision.
    let sessions = find_sessions(dir.path());
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sessions[0]).unwrap()).unwrap();
    assert_eq!(json["title"], "E2E check");
    let card = &json["cards"][0];
    assert!(card["decision"]["option"].is_string(), "{card}");
    assert_eq!(card["votes"]["p1"], 3);
}

#[test]
fn sigterm_saves_the_session_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let mut app = Pty::start(&["--data-dir", data, "--lang", "nl"]);
    app.wait_for("Nieuwe zelfscan");
    app.send(DOWN);
    app.send(ENTER);
    app.wait_for("Minuten per kaart");
    app.send("Ann");
    app.send(ENTER);
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("Waar staat jouw merk voor?");
    app.send(ENTER);
    app.wait_for("Kies 3 tot 7");
    app.send(ESC);
    app.wait_for("Nieuwe teamsessie");
    // Back into the session, vote, and be terminated straight away: the
    // vote must be on disk although no debounce had passed.
    app.send(TAB);
    app.send(ENTER);
    app.wait_for("Waar staat jouw merk voor?");
    app.send(" ");
    app.send(DOWN);
    app.send(" ");
    app.send(DOWN);
    app.send(" ");
    app.send(ENTER);
    app.send(RIGHT);
    app.send("5");
    let pid = app.child.process_id().expect("a pid") as i32;
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(pid, libc::SIGTERM) };
    app.wait_exit(Duration::from_secs(20));
    let tail = &app.since_last_entry();
    assert!(
        tail.contains("\x1b[?1049l") && tail.contains("\x1b[?25h"),
        "terminal restored"
    );
    let sessions = find_sessions(dir.path());
    assert_eq!(sessions.len(), 1);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sessions[0]).unwrap()).unwrap();
    assert_eq!(json["cards"][0]["votes"]["p1"], 5, "{json}");
    // Back at the prompt, the user is told where the work is.
    let after = &tail[tail.rfind("\x1b[?1049l").unwrap()..];
    let id = json["id"].as_str().unwrap();
    assert!(
        after.contains(&format!("datakompas resume {id}")),
        "{after:?}"
    );
}

#[test]
fn closing_the_terminal_saves_and_ends_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let mut app = setting_up_a_self_assessment(data);
    app.send("Ann");
    app.send(ENTER);
    app.send(ENTER);
    app.send(ENTER);
    app.wait_for("What does your brand stand for?");
    for keys in [" ", DOWN, " ", DOWN, " ", ENTER] {
        app.send(keys);
    }
    app.wait_for("Card 1 of");
    app.send(RIGHT);
    app.send("2");
    app.wait_for("Your vote: 2");
    // The window closes: no quit key, no signal of our own.
    app.hang_up();
    app.wait_exit(Duration::from_secs(20));
    let sessions = find_sessions(dir.path());
    assert_eq!(sessions.len(), 1);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sessions[0]).unwrap()).unwrap();
    assert_eq!(json["cards"][0]["votes"]["p1"], 2, "{json}");
    let lock = sessions[0].with_extension("lock");
    assert!(!lock.exists(), "the lock was let go");
}
