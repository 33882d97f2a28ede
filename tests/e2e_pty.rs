//! The real binary in a pseudo-terminal: start on a fresh data folder,
//! decide one card, quit; the session file holds the decision and the
//! terminal is given back (alternate screen left, cursor shown, mouse and
//! paste modes off).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 24;
const COLS: u16 = 80;

struct Pty {
    /// Dropping it (after the reader stops) hangs up the terminal, as
    /// closing the window would.
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pty {
    fn start(args: &[&str]) -> Pty {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_datakompas"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("the app starts");
        drop(pair.slave);
        // Read from a copy of the master that the test can close, so that
        // dropping the master really hangs the terminal up.
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        // SAFETY: duplicating a descriptor this test owns.
        let fd = unsafe { libc::dup(fd) };
        assert!(fd >= 0);
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (sink, done) = (Arc::clone(&output), Arc::clone(&stop));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !done.load(Ordering::Relaxed) {
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd; `buf` outlives the read.
                let n = unsafe { libc::poll(&mut p, 1, 50) };
                if n <= 0 {
                    continue;
                }
                let got = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if got <= 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..got as usize]);
            }
            // SAFETY: closing the copy made above, once.
            unsafe { libc::close(fd) };
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            master: Some(pair.master),
            writer,
            output,
            child,
            stop,
            reader: Some(reader),
        }
    }

    /// Closes every handle on the terminal, as closing its window does.
    fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = Box::new(std::io::sink());
        drop(self.master.take());
    }

    fn screen(&self) -> String {
        let size = |n: u16| std::num::NonZero::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(ROWS), size(COLS), 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
}

const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const ENTER: &str = "\r";
const TAB: &str = "\t";
const ESC: &str = "\x1b";

#[test]
fn decide_one_card_quit_and_find_the_decision_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let mut app = Pty::start(&["--data-dir", data, "--lang", "en"]);
    app.wait_for("New self-assessment");
    app.send(DOWN);
    app.send(ENTER);
    app.wait_for("Minutes per card");
    app.send("E2E check");
    // Title → minutes → cards: all off, the first one on, start.
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

    let start = Instant::now();
    let status = loop {
        if let Some(status) = app.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");

    // The terminal was given back.
    std::thread::sleep(Duration::from_millis(200));
    let out = app.output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    let tail = &text[text
        .rfind("\x1b[?1049h")
        .expect("the alternate screen was used")..];
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

/// The session files the store keeps (backups aside).
fn find_sessions(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let sessions = dir.join(datakompas::store::SESSIONS_DIR);
    let mut out: Vec<_> = std::fs::read_dir(&sessions)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
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
    let start = Instant::now();
    while app.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "SIGTERM did not end the app"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(200));
    let out = app.output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    let tail = &text[text.rfind("\x1b[?1049h").unwrap()..];
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
    let mut app = Pty::start(&["--data-dir", data, "--lang", "en"]);
    app.wait_for("New self-assessment");
    app.send(DOWN);
    app.send(ENTER);
    app.wait_for("Minutes per card");
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
    let start = Instant::now();
    while app.child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let sessions = find_sessions(dir.path());
    assert_eq!(sessions.len(), 1);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sessions[0]).unwrap()).unwrap();
    assert_eq!(json["cards"][0]["votes"]["p1"], 2, "{json}");
    let lock = sessions[0].with_extension("lock");
    assert!(!lock.exists(), "the lock was let go");
}
