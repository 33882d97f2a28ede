//! The real binary in a pseudo-terminal, opening a session whose texts
//! carry terminal escapes: neither the app's screen nor the "Saved: TITLE"
//! line printed after it lets one reach the terminal.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
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

type Output = std::sync::Arc<std::sync::Mutex<Vec<u8>>>;

/// The app in an 80x24 pseudo-terminal, everything it prints collected.
struct App {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Output,
    writer: Box<dyn Write + Send>,
    // Kept open so the terminal is not hung up under the app.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl App {
    fn start(data: &std::path::Path, args: &[&str]) -> App {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_datakompas"));
        cmd.args(["--data-dir", data.to_str().unwrap()]);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let output: Output = Default::default();
        let sink = std::sync::Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        App {
            child,
            output,
            writer,
            _master: pair.master,
        }
    }
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

    let app = App::start(data.path(), &["--lang", "en", "resume", "ann"]);
    let (mut child, output, mut writer) = (app.child, app.output, app.writer);
    let seen = |text: &str| String::from_utf8_lossy(&output.lock().unwrap()).contains(text);
    let start = Instant::now();
    while !seen("PWNED") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app never drew the title"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Through the card to its decision and the notes, then Ctrl-C: saved,
    // and the title said at the prompt.
    for keys in ["\x1b[C", "\x1b[C", "\x1b[C", "\x1b[C", "\x03"] {
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(200));
    }
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let out = output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
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
    let mut app = App::start(data.path(), &["--lang", "en"]);
    let start = Instant::now();
    let screen = |app: &App| {
        let mut parser = vt100::Parser::new(
            std::num::NonZero::new(24).unwrap(),
            std::num::NonZero::new(80).unwrap(),
            0,
        );
        parser.process(&app.output.lock().unwrap());
        parser.screen().contents()
    };
    while screen(&app).matches("can't be read").count() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the home screen never listed both:\n{}",
            screen(&app)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    app.writer.write_all(b"q").unwrap();
    app.writer.flush().unwrap();
    let start = Instant::now();
    while app.child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "q did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}
