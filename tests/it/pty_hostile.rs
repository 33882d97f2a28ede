//! The real binary in a pseudo-terminal, opening a session whose texts
//! carry terminal escapes: neither the app's screen nor the "Saved: TITLE"
//! line printed after it lets one reach the terminal.

use crate::pty_support;

use std::time::{Duration, Instant};

use pty_support::{Pty, RIGHT};
use serde_json::json;

const PAYLOAD: &str = "\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}Pq\u{1b}\\\u{9b}31m\u{85}\u{202e}\u{2066}x";

/// The raw sequences of the payload: none may appear in what was printed
/// (the app's own escapes, for drawing, are of course there).
const RAW: &[&str] = &[
    "\u{1b}]0;PWNED",
    "\u{1b}]52;",
    "\u{1b}Pq",
    "\u{9b}",
    "\u{85}",
    "\u{202e}",
    "\u{2066}",
];

/// The app in an 80x24 pseudo-terminal on the data folder `data`.
fn open_app(data: &std::path::Path, args: &[&str]) -> Pty {
    let dir = data.to_str().unwrap();
    Pty::start(&[&["--data-dir", dir], args].concat())
}

#[test]
fn a_hostile_title_reaches_neither_the_screen_nor_the_saved_line() {
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/compare/ann.json").unwrap())
            .unwrap();
    v["id"] = json!("ann");
    v["title"] = json!(format!("Title {PAYLOAD}"));
    v["participants"][0]["name"] = json!(format!("Ann {PAYLOAD}"));
    v["cards"][0]["decision"]["rationale"] = json!(format!("Why {PAYLOAD}"));
    std::fs::write(sessions.join("ann.json"), serde_json::to_vec(&v).unwrap()).unwrap();

    let mut app = open_app(data.path(), &["--lang", "en", "resume", "ann"]);
    let start = Instant::now();
    while !app.printed().contains("PWNED") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app never drew the title"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Through the card to its decision and the notes, then Ctrl-C: saved,
    // and the title said at the prompt.
    for _ in 0..4 {
        app.send(RIGHT);
    }
    app.write("\x03");
    app.wait_exit(Duration::from_secs(20));
    let text = app.printed_to_the_end();
    for raw in RAW {
        assert!(
            !text.contains(raw),
            "{raw:?} reached the terminal:\n{text:?}"
        );
    }
    let after = &text[text
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left")..];
    assert!(
        after.contains("Saved: Title \\u001b[2J\\u001b]0;PWNED\\u0007"),
        "{after:?}"
    );
}

/// A named pipe and a link to `/dev/zero` in the sessions folder: the home
/// screen lists them as unreadable at once, and `q` quits.
#[test]
fn special_files_do_not_hang_the_home_screen() {
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let fifo = std::ffi::CString::new(sessions.join("x.json").to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in a folder the test owns.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", sessions.join("z.json")).unwrap();
    let mut app = open_app(data.path(), &["--lang", "en"]);
    let start = Instant::now();
    while app.screen().matches("can't be read").count() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the home screen never listed both:\n{}",
            app.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    app.write("q");
    app.wait_exit(Duration::from_secs(10));
}
