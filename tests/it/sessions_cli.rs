//! `datakompas new` and `datakompas sessions`, run as a user runs them.

use crate::cli_support;

use std::path::Path;
use std::process::{Command, Output};

use cli_support::{datakompas, new_session, printed_id, stderr, stdout};
use datakompas::store::{FileStore, SessionStore};

/// The commands here always get `--lang`; the locale is English otherwise.
fn run(data: &Path, args: &[&str]) -> Output {
    run_with_input(data, args, "")
}

fn run_with_input(data: &Path, args: &[&str], input: &str) -> Output {
    datakompas(data, "en_GB.UTF-8", args, input)
}

fn first_card() -> String {
    datakompas::deck::builtin().cards[0].id.clone()
}

#[test]
fn a_prepared_session_is_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &[
            "--lang",
            "en",
            "new",
            "--title",
            "Merkteam Q4",
            "--participants",
            "Ann, Bo,Cem",
            "--minutes-per-card",
            "8",
            "--no-open",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Session prepared: Merkteam Q4"), "{text}");
    let id = printed_id(&text);
    assert!(id.ends_with("-merkteam-q4"), "{id}");
    let path = tmp.path().join("sessions").join(format!("{id}.json"));
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(text.contains(&format!("datakompas resume {id}")), "{text}");

    // The file holds what was asked for, and is not left locked.
    let mut store = FileStore::new(Some(tmp.path())).unwrap();
    let session = store.open(&id).unwrap().session;
    let names: Vec<&str> = session
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Bo", "Cem"]);
    assert_eq!(session.minutes_per_card, 8);
    assert_eq!(session.cards.len(), datakompas::deck::builtin().cards.len());
    assert_eq!(session.deck.id, datakompas::deck::builtin().id);
    assert!(session.deck.embedded.is_none());
    store.close(&id);

    let out = run(tmp.path(), &["--lang", "en", "sessions"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&out);
    let total = session.cards.len();
    let row = list.lines().find(|l| l.starts_with(&id)).expect("listed");
    assert!(row.contains("Merkteam Q4"), "{list}");
    assert!(row.contains("team"), "{list}");
    assert!(row.contains(&format!("0/{total} decided")), "{list}");
    assert!(row.contains("today"), "{list}");

    // A second session with the same title gets its own id.
    let second = new_session(tmp.path(), &["--title", "Merkteam Q4", "--anonymous", "4"]);
    assert_eq!(second, format!("{id}-2"));
}

#[test]
fn solo_anonymous_cards_principles_and_a_user_deck() {
    let tmp = tempfile::tempdir().unwrap();
    let card = first_card();
    let principle = datakompas::deck::principles().principles[0].id.clone();
    let id = new_session(
        tmp.path(),
        &[
            "--title",
            "Ann",
            "--solo",
            "--name",
            "Ann",
            "--cards",
            &card,
            "--principles",
            &principle,
        ],
    );
    let store = FileStore::new(Some(tmp.path())).unwrap();
    let s = store.read(&id).unwrap();
    assert_eq!(s.mode, datakompas::domain::Mode::Solo);
    assert_eq!(s.participants.len(), 1);
    assert_eq!(s.person(), Some("Ann"));
    assert_eq!(s.cards.len(), 1);
    assert_eq!(s.principles[0].id(), principle);

    let id = new_session(tmp.path(), &["--title", "Anoniem", "--anonymous", "5"]);
    let s = store.read(&id).unwrap();
    assert_eq!(s.participants.len(), 5);
    assert!(s.participants.iter().all(|p| p.name.is_empty()));

    // A user deck travels inside the session.
    let mut deck = datakompas::deck::builtin();
    deck.id = "eigen-deck".into();
    deck.version = "0.2.0".into();
    let deck_file = tmp.path().join("eigen.json");
    std::fs::write(&deck_file, serde_json::to_vec_pretty(&deck).unwrap()).unwrap();
    let id = new_session(
        tmp.path(),
        &[
            "--title",
            "Eigen deck",
            "--anonymous",
            "2",
            "--deck",
            deck_file.to_str().unwrap(),
        ],
    );
    std::fs::remove_file(&deck_file).unwrap();
    let s = store.read(&id).unwrap();
    assert_eq!(s.deck.id, "eigen-deck");
    assert_eq!(s.deck.version, "0.2.0");
    assert_eq!(s.deck.embedded.as_ref(), Some(&deck));

    // The list says which is which.
    let list = stdout(&run(tmp.path(), &["--lang", "nl", "sessions"]));
    assert!(list.contains("zelfscan"), "{list}");
    assert!(list.contains("VOORTGANG"), "{list}");
}

#[test]
fn bad_options_exit_2_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let card = first_card();
    let bad_deck = tmp.path().join("kapot.json");
    std::fs::write(&bad_deck, "{\n  \"id\": \"x\",\n  \"versoin\": \"1\"\n}\n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "--title",
                "T",
                "--anonymous",
                "2",
                "--cards",
                "nope,butcherr",
            ],
            "no card nope, butcherr in this deck; the cards are: ",
        ),
        (
            &[
                "--title",
                "T",
                "--anonymous",
                "2",
                "--cards",
                &format!("{card},{card}"),
            ],
            "twice",
        ),
        (
            &["--title", "T", "--anonymous", "2", "--principles", "kind"],
            "no principle kind in the library; the principles are: ",
        ),
        (&["--title", "T"], "--participants \"Ann,Bo,Cem\""),
        (&["--title", "  ", "--solo"], "the title is empty"),
        (&["--title", "T", "--anonymous", "0"], "1 to 30 voters"),
        (&["--title", "T", "--anonymous", "31"], "1 to 30 voters"),
        (
            &["--title", "T", "--anonymous", "2", "--cards", " , "],
            "pick at least one card with --cards",
        ),
        (&["--title", "T", "--participants", "Ann,,Bo"], "empty name"),
        (
            &["--title", "T", "--participants", "Ann,ann"],
            "\"ann\" is in --participants twice",
        ),
        (
            &["--title", "T", "--solo", "--minutes-per-card", "0"],
            "--minutes-per-card needs a number from 1 to 120",
        ),
        (
            &["--title", "T", "--solo", "--participants", "Ann"],
            "cannot be used with",
        ),
        (
            &[
                "--title",
                "T",
                "--solo",
                "--deck",
                bad_deck.to_str().unwrap(),
            ],
            "kapot.json:3:",
        ),
        (
            &["--title", "T", "--solo", "--deck", "/nonexistent/deck.json"],
            "/nonexistent/deck.json: ",
        ),
    ];
    for (args, expected) in cases {
        let mut full = vec!["--lang", "en", "new", "--no-open"];
        full.extend_from_slice(args);
        let out = run(tmp.path(), &full);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // Nothing was created by any of them.
    let list = stdout(&run(tmp.path(), &["--lang", "en", "sessions"]));
    assert!(list.starts_with("No saved sessions yet"), "{list}");
}

#[test]
fn dutch_messages_read_naturally() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["--lang", "nl", "new", "--title", "T", "--no-open"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("fout: een teamsessie heeft stemmers nodig"),
        "{}",
        stderr(&out)
    );
    let out = run(tmp.path(), &["--lang", "nl", "sessions"]);
    assert!(stdout(&out).starts_with("Nog geen opgeslagen sessies"));
}

#[test]
fn delete_asks_unless_yes() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_session(tmp.path(), &["--title", "Weg ermee", "--anonymous", "3"]);

    let out = run_with_input(
        tmp.path(),
        &["--lang", "en", "sessions", "delete", &id],
        "n\n",
    );
    assert!(out.status.success());
    assert!(stderr(&out).contains(&format!(
        "Delete session {id} (\"Weg ermee\") and its backups? [y/N]"
    )));
    assert!(stdout(&out).contains("Nothing deleted."));
    // No answer at all is no as well.
    let out = run_with_input(tmp.path(), &["--lang", "en", "sessions", "delete", &id], "");
    assert!(stdout(&out).contains("Nothing deleted."));

    let out = run_with_input(
        tmp.path(),
        &["--lang", "nl", "sessions", "delete", &id],
        "j\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("[j/N]"));
    assert!(stdout(&out).contains(&format!("{id} is verwijderd.")));
    assert!(!tmp.path().join(format!("sessions/{id}.json")).exists());

    let id = new_session(tmp.path(), &["--title", "Ook weg", "--solo"]);
    let out = run(
        tmp.path(),
        &["--lang", "en", "sessions", "delete", &id, "--yes"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("Deleted {id}.")));

    let out = run(
        tmp.path(),
        &["--lang", "en", "sessions", "delete", &id, "--yes"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("there is no session \"{id}\"")));
}

#[test]
fn a_session_open_elsewhere_is_not_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_session(tmp.path(), &["--title", "Bezet", "--solo"]);
    let mut holder = FileStore::new(Some(tmp.path())).unwrap();
    holder.open(&id).unwrap();
    let out = run(
        tmp.path(),
        &["--lang", "en", "sessions", "delete", &id, "--yes"],
    );
    // Refused, as a bad request is: exit 2, not the 1 of a failing machine.
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let expected = format!(
        "session {id} is open in another datakompas (process {})",
        std::process::id()
    );
    assert!(err.contains(&expected), "{err}");
    assert!(holder.read(&id).is_ok());
}

#[test]
fn unreadable_sessions_are_listed_and_can_be_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_session(tmp.path(), &["--title", "Goed", "--solo"]);
    let broken = tmp.path().join("sessions/2026-01-01-kapot.json");
    std::fs::write(&broken, "{ half").unwrap();
    let list = stdout(&run(tmp.path(), &["--lang", "en", "sessions"]));
    assert!(list.lines().any(|l| l.starts_with(&id)), "{list}");
    let row = list
        .lines()
        .find(|l| l.starts_with("2026-01-01-kapot"))
        .expect("listed, not skipped");
    assert!(row.contains("unreadable"), "{list}");
    assert!(
        list.contains("2026-01-01-kapot cannot be read: it is not valid JSON (at line 1"),
        "{list}"
    );

    let out = run_with_input(
        tmp.path(),
        &["--lang", "en", "sessions", "delete", "2026-01-01-kapot"],
        "y\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Delete the unreadable session 2026-01-01-kapot"));
    assert!(!broken.exists());
}

#[test]
fn a_session_can_be_named_by_path_and_the_data_dir_by_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args([
            "--lang",
            "en",
            "new",
            "--title",
            "Via env",
            "--solo",
            "--no-open",
        ])
        .env("DATAKOMPAS_DATA_DIR", tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read_dir(tmp.path().join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let other = tempfile::tempdir().unwrap();
    let out = run(
        other.path(),
        &[
            "--lang",
            "en",
            "sessions",
            "delete",
            file.to_str().unwrap(),
            "--yes",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!file.exists());
}
