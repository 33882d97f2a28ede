//! Files from someone else, through every command of the real binary:
//! session and deck files full of terminal escapes, ids that point outside
//! the data folder, pipes, devices, folders, links and huge files where a
//! session or deck should be. Nothing may reach the terminal that it would
//! act on, nothing may be written outside the data folder, nothing hangs.

use crate::cli_support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use cli_support::{datakompas, datakompas_within, stderr, stdout};
use datakompas::domain::text::acts_on_terminal;
use serde_json::{Value, json};

/// Every escape family a file might carry: CSI (clear screen), OSC 0 (the
/// window title), OSC 52 (the clipboard), DCS, an 8-bit CSI and NEL (C1),
/// a right-to-left override and an isolate.
const PAYLOAD: &str = "\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}Pq#0;2;0;0;0\u{1b}\\\u{9b}31m\u{85}\u{202e}\u{2066}x";

const LIMIT: Duration = Duration::from_secs(10);

const ANN: &str = "tests/fixtures/compare/ann.json";
const BO: &str = "tests/fixtures/compare/bo.json";
const DECK: &str = "tests/fixtures/decks/valid.json";

fn fixture(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

fn sessions_dir(data: &Path) -> PathBuf {
    let dir = data.join("sessions");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The bytes a command printed hold nothing a terminal acts on: with no
/// colour asked for, the command line prints no escapes of its own either.
fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        if let Some(c) = text.chars().find(|c| acts_on_terminal(*c)) {
            panic!("{what}: {stream} holds U+{:04X}:\n{text:?}", u32::from(c));
        }
    }
}

fn run(data: &Path, lang: &str, args: &[&str]) -> Output {
    let locale = if lang == "nl" {
        "nl_NL.UTF-8"
    } else {
        "en_US.UTF-8"
    };
    let mut all = vec!["--color", "never"];
    all.extend_from_slice(args);
    datakompas_within(data, locale, &all, LIMIT)
}

/// A data folder with two readable self-assessments carrying the payload
/// in every text, one whose `mode` is the payload (so the parser's error
/// quotes it), and one whose file name is the payload.
fn hostile_data() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let dir = sessions_dir(data.path());
    for (fixture_path, id) in [(ANN, "ann"), (BO, "bo")] {
        let mut v = fixture(fixture_path);
        v["id"] = json!(id);
        v["title"] = json!(format!("Title {PAYLOAD}"));
        v["participants"][0]["name"] = json!(format!("Name {PAYLOAD}"));
        v["principles"]
            .as_array_mut()
            .unwrap()
            .push(json!({"source": "custom", "id": "own-1", "name": PAYLOAD, "meaning": PAYLOAD}));
        v["cards"][0]["decision"]["rationale"] = json!(format!("Why {PAYLOAD}\nline two"));
        write_json(&dir.join(format!("{id}.json")), &v);
    }
    let mut broken = fixture(ANN);
    broken["id"] = json!("broken");
    broken["mode"] = json!(PAYLOAD);
    write_json(&dir.join("broken.json"), &broken);
    std::fs::write(dir.join(format!("{PAYLOAD}.json")), "not json").unwrap();
    data
}

#[test]
fn hostile_sessions_reach_no_terminal_through_any_command() {
    let data = hostile_data();
    let d = data.path();
    let broken_path = d.join("sessions/broken.json").display().to_string();
    for lang in ["en", "nl"] {
        let cases: Vec<Vec<&str>> = vec![
            vec!["sessions"],
            vec!["export", "ann"],
            vec!["export", "ann", "--format", "html"],
            vec!["export", "ann", "--format", "json"],
            vec!["export", "ann", "--policy-only"],
            vec!["export", "broken"],
            vec!["export", &broken_path],
            vec!["compare", "ann", "bo"],
            vec!["compare", "ann", "bo", "--format", "md"],
            vec!["compare", "ann", "broken"],
            vec!["resume", "broken"],
            vec!["resume", &broken_path],
            vec!["new", "--title", PAYLOAD, "--solo", "--no-open"],
            // What the user typed is quoted back too.
            vec!["resume", PAYLOAD],
            vec!["export", PAYLOAD],
            vec!["sessions", "delete", PAYLOAD, "--yes"],
            vec!["--lang", PAYLOAD, "sessions"],
        ];
        for args in cases {
            let out = run(d, lang, &args);
            assert_clean(&format!("{lang} {args:?}"), &out);
        }
        // The question before deleting quotes the title.
        let out = datakompas(
            d,
            "C.UTF-8",
            &["--lang", lang, "sessions", "delete", "ann"],
            "n\n",
        );
        assert_clean("sessions delete", &out);
    }
    // The readable part of the text is kept.
    let out = run(d, "en", &["export", "ann"]);
    assert!(stdout(&out).contains("PWNED"), "{}", stdout(&out));
    let out = run(d, "en", &["sessions"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = stdout(&out);
    assert!(listed.contains("\\u001b]0;PWNED\\u0007"), "{listed}");
    assert!(listed.contains("broken cannot be read"), "{listed}");
    // JSON on standard output stays JSON, with the same strings.
    let out = run(d, "en", &["export", "ann", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.to_string().contains("PWNED"));
}

#[test]
fn a_file_written_by_export_keeps_the_text_as_it_is() {
    let data = hostile_data();
    let target = data.path().join("out.json");
    let out = run(
        data.path(),
        "en",
        &[
            "export",
            "ann",
            "--format",
            "json",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert!(v.to_string().contains("\\u001b]0;PWNED"), "{v}");
}

/// A deck carrying the payload: in its texts, as a field name, as a card
/// id, and in its own file name.
fn hostile_decks(dir: &Path) -> Vec<PathBuf> {
    let mut texts = fixture(DECK);
    texts["title"]["en"] = json!(PAYLOAD);
    texts["cards"][0]["story"]["nl"] = json!("voor \u{202e}na");
    texts["cards"][0]["facts"][0]["source"]["url"] = json!("https://example.org/\u{1b}]0;x");
    texts["cards"][0]["facts"][0]["source"]["publisher"] = json!("NRC\u{85}");
    let mut field = fixture(DECK);
    field["cards"][0][PAYLOAD] = json!(1);
    let mut id = fixture(DECK);
    id["cards"][0]["id"] = json!(PAYLOAD);
    let mut paths = Vec::new();
    for (name, v) in [
        ("texts.json", texts),
        ("field.json", field),
        ("id.json", id),
    ] {
        let path = dir.join(name);
        write_json(&path, &v);
        paths.push(path);
    }
    let named = dir.join(format!("{PAYLOAD}.json"));
    std::fs::copy(DECK, &named).unwrap();
    paths.push(named);
    paths
}

#[test]
fn hostile_decks_reach_no_terminal_through_any_command() {
    let data = tempfile::tempdir().unwrap();
    let decks = hostile_decks(data.path());
    for lang in ["en", "nl"] {
        for deck in &decks {
            let deck = deck.to_str().unwrap();
            for args in [
                vec!["deck", "list", "--deck", deck],
                vec!["deck", "show", "ing-2014", "--deck", deck],
                vec!["deck", "show", "nope", "--deck", deck],
                vec!["deck", "validate", deck],
                vec!["new", "--title", "t", "--solo", "--no-open", "--deck", deck],
            ] {
                let out = run(data.path(), lang, &args);
                assert_clean(&format!("{lang} {args:?}"), &out);
            }
        }
    }
}

#[test]
fn deck_texts_with_control_characters_are_refused_with_their_path() {
    let data = tempfile::tempdir().unwrap();
    let decks = hostile_decks(data.path());
    let out = run(
        data.path(),
        "en",
        &["deck", "validate", decks[0].to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains(": title.en: holds the character U+001B, which a terminal would act on instead of showing (a control character, an escape or a direction override); remove it"),
        "{text}"
    );
    for problem in [
        ": cards[0].facts[0].source.url: holds the character U+001B",
        ": cards[0].facts[0].source.publisher: holds the character U+0085",
    ] {
        assert!(text.contains(problem), "{problem}\n{text}");
    }
    assert!(
        text.contains(": cards[0].story.nl: holds the character U+202E"),
        "{text}"
    );
    let out = run(
        data.path(),
        "nl",
        &["deck", "validate", decks[0].to_str().unwrap()],
    );
    assert!(
        stdout(&out).contains(": title.en: bevat het teken U+001B"),
        "{}",
        stdout(&out)
    );
}

/// Ids that would put an export or a save somewhere else.
fn bad_ids(outside: &Path) -> Vec<String> {
    vec![
        "../../../../../../../../../../..".to_string() + &outside.join("x").display().to_string(),
        outside.join("x").display().to_string(),
        String::new(),
        "a\u{1b}]0;PWNED\u{7}".to_string(),
    ]
}

#[test]
fn a_session_whose_id_points_elsewhere_is_refused_and_left_untouched() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let dir = sessions_dir(data.path());
    for (i, id) in bad_ids(outside.path()).iter().enumerate() {
        let mut v = fixture(ANN);
        v["id"] = json!(id);
        let path = dir.join(format!("mailed-{i}.json"));
        write_json(&path, &v);
        let before = std::fs::read(&path).unwrap();
        let key = path.to_str().unwrap();
        for lang in ["en", "nl"] {
            for args in [
                vec!["resume", key],
                vec!["resume", &format!("mailed-{i}")],
                vec!["export", key],
                vec!["export", key, "--format", "html"],
                vec!["compare", key, ANN],
            ] {
                let out = run(data.path(), lang, &args);
                assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
                assert_clean(&format!("{args:?}"), &out);
                let said = stderr(&out);
                let expected = if lang == "en" {
                    "cannot name a session file (letters, digits, dashes, dots and underscores only)"
                } else {
                    "kan geen sessiebestand benoemen (alleen letters, cijfers, streepjes, punten en liggende streepjes)"
                };
                assert!(said.contains(expected), "{args:?}: {said}");
            }
        }
        // Left exactly where it was, as it was, and never set aside.
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let out = run(data.path(), "en", &["sessions"]);
        assert!(
            stdout(&out).contains(&format!("mailed-{i}  ! unreadable")),
            "{}",
            stdout(&out)
        );
    }
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("mailed-") && n.ends_with(".json")),
        "{names:?}"
    );
    assert!(!data.path().join("exports").exists());
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in a folder the test owns.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// A pipe, a link to an endless device, a folder and a file over the cap,
/// each named like a session or a deck.
fn special_files(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let fifo = dir.join("fifo.json");
    mkfifo(&fifo);
    let zero = dir.join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let folder = dir.join("folder.json");
    std::fs::create_dir(&folder).unwrap();
    let huge = dir.join("huge.json");
    // Sparse: over the cap without filling the disk.
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(datakompas::regular_file::MAX_FILE_BYTES + 1)
        .unwrap();
    vec![
        ("fifo", fifo),
        ("zero", zero),
        ("folder", folder),
        ("huge", huge),
    ]
}

#[test]
fn special_files_in_sessions_are_unreadable_at_once() {
    let data = tempfile::tempdir().unwrap();
    let dir = sessions_dir(data.path());
    let specials = special_files(&dir);
    let start = std::time::Instant::now();
    let out = run(data.path(), "en", &["sessions"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    for (needle, _) in &specials {
        assert!(listed.contains(&format!("{needle}  ")), "{listed}");
    }
    for reason in [
        "fifo cannot be read: it is a named pipe, not a regular file. The file is kept as it is; there is no backup of it",
        "zero cannot be read: it is a symbolic link;",
        "folder cannot be read: it is a folder, not a file.",
        "huge cannot be read: it is larger than 16 MiB.",
    ] {
        assert!(listed.contains(reason), "{reason}\n{listed}");
    }
    let out = run(data.path(), "nl", &["sessions"]);
    assert!(
        stdout(&out).contains("fifo is niet te lezen: het is een named pipe, geen gewoon bestand"),
        "{}",
        stdout(&out)
    );
    for (name, path) in &specials {
        let key = path.to_str().unwrap();
        for args in [
            vec!["export", name],
            vec!["export", key],
            vec!["compare", name, ANN],
            vec!["resume", name],
            vec!["resume", key],
        ] {
            let out = run(data.path(), "en", &args);
            let said = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
            assert!(
                said.contains(&format!("session {name} cannot be read: it ")),
                "{args:?}: {said}"
            );
        }
    }
    assert!(start.elapsed() < Duration::from_secs(60));
    // Nothing was set aside, replaced or removed.
    assert!(
        std::fs::symlink_metadata(dir.join("zero.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(dir.join("folder.json").is_dir());
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    // An unreadable session can still be deleted; a link goes, not what it
    // points to.
    let out = run(data.path(), "en", &["sessions", "delete", "zero", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.join("zero.json")).is_err());
}

#[test]
fn special_files_as_decks_are_unreadable_at_once() {
    let data = tempfile::tempdir().unwrap();
    let specials = special_files(data.path());
    for (name, path) in &specials {
        let key = path.to_str().unwrap();
        for args in [
            vec!["deck", "list", "--deck", key],
            vec!["deck", "show", "ing-2014", "--deck", key],
            vec!["deck", "validate", key],
            vec!["new", "--title", "t", "--solo", "--no-open", "--deck", key],
        ] {
            let out = run(data.path(), "en", &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let said = format!("{}{}", stdout(&out), stderr(&out));
            let why = match *name {
                "fifo" => "it is a named pipe, not a regular file",
                // A deck is only read, so a link is followed to what it is.
                "zero" => "it is a device, not a regular file",
                "folder" => "it is a folder, not a file",
                _ => "it is larger than 16 MiB",
            };
            assert!(
                said.contains(&format!("{key}: cannot read the file: {why}")),
                "{args:?}: {said}"
            );
        }
    }
}

#[test]
fn a_linked_session_file_is_refused_and_stays_a_link() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = sessions_dir(data.path());
    let mut v = fixture(ANN);
    v["id"] = json!("linked");
    let target = elsewhere.path().join("real.json");
    write_json(&target, &v);
    let before = std::fs::read(&target).unwrap();
    let link = dir.join("linked.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = run(data.path(), "en", &["sessions"]);
    assert!(stdout(&out).contains("linked cannot be read: it is a symbolic link; datakompas saves sessions only in regular files, so open the file it points to by its own path"), "{}", stdout(&out));
    for args in [vec!["resume", "linked"], vec!["export", "linked"]] {
        let out = run(data.path(), "en", &args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    }
    // The way out the message gives works: the file itself opens.
    let out = run(data.path(), "en", &["export", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}
