//! The real binary in a pseudo-terminal: what it draws is read back with a
//! terminal emulator, keys are written as a terminal would send them, and
//! the window can be closed under it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;

pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const ESC: &str = "\x1b";

pub struct Pty {
    /// Dropping it (after the reader stops) hangs up the terminal, as
    /// closing the window would.
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    writer: Box<dyn Write + Send>,
    pub output: Arc<Mutex<Vec<u8>>>,
    /// The screen as the output so far draws it, kept up by the reader so
    /// that looking at it costs nothing.
    terminal: Arc<Mutex<vt100::Parser>>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// The app with these arguments.
pub fn app_command(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_datakompas"));
    cmd.args(args);
    cmd
}

impl Pty {
    pub fn start(args: &[&str]) -> Pty {
        Pty::spawn(app_command(args))
    }

    /// The app with its error output going to `file` instead of the terminal.
    pub fn start_logging_errors(args: &[&str], file: &Path) -> Pty {
        let mut cmd = CommandBuilder::new("/bin/sh");
        cmd.arg("-c");
        cmd.arg("exec \"$0\" \"$@\" 2>\"$ERRORS\"");
        cmd.arg(env!("CARGO_BIN_EXE_datakompas"));
        cmd.args(args);
        cmd.env("ERRORS", file);
        Pty::spawn(cmd)
    }

    pub fn spawn(mut cmd: CommandBuilder) -> Pty {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
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
        let size = |n: u16| std::num::NonZero::new(n).expect("not zero");
        let terminal = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let (sink, done) = (Arc::clone(&output), Arc::clone(&stop));
        let screen = Arc::clone(&terminal);
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
                let got = &buf[..got as usize];
                sink.lock().unwrap().extend_from_slice(got);
                screen.lock().unwrap().process(got);
            }
            // SAFETY: closing the copy made above, once.
            unsafe { libc::close(fd) };
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            master: Some(pair.master),
            writer,
            output,
            terminal,
            child,
            stop,
            reader: Some(reader),
        }
    }

    /// Closes every handle on the terminal, as closing its window does.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = Box::new(std::io::sink());
        drop(self.master.take());
    }

    pub fn screen(&self) -> String {
        self.parsed().contents()
    }

    /// The screen with colours and styles: a moved highlight changes it.
    fn styled_screen(&self) -> String {
        self.parsed().contents_formatted()
    }

    fn parsed(&self) -> vt100::Screen {
        self.terminal.lock().unwrap().screen().clone()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen());
    }

    /// Types `keys` and waits until the screen changes: the app has taken
    /// them in. Keys reach the app in order either way; the wait keeps a
    /// lone Esc from running into the next key (which would read as Alt).
    /// A key that changes nothing on screen costs at most a second.
    pub fn send(&mut self, keys: &str) {
        let before = self.styled_screen();
        self.write(keys);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(1) {
            if self.styled_screen() != before {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Writes `bytes` to the terminal at once.
    pub fn write(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as
    /// the app sets it; a terminal given back is in its usual cooked mode.
    pub fn raw_mode(&self) -> bool {
        let master = self.master.as_ref().expect("the terminal is open");
        let fd = master.as_raw_fd().expect("a unix pty");
        // SAFETY: a zeroed termios is a valid out-parameter for tcgetattr.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `fd` is this test's open pty master; `t` outlives the call.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(self.pid(), sig) };
    }

    /// Waits for the app to end, at most `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < limit, "the app did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything the app printed so far, escapes and all.
    pub fn printed(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Everything the app printed, once the reader has caught up: the app
    /// has ended and the terminal has nothing more to read (or two seconds
    /// passed).
    pub fn printed_to_the_end(&self) -> String {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2)
            && self.reader.as_ref().is_some_and(|r| !r.is_finished())
        {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.printed()
    }

    /// Everything the app wrote since it last took over the screen, once
    /// the reader has caught up (see [`Pty::printed_to_the_end`]).
    pub fn since_last_entry(&self) -> String {
        let text = self.printed_to_the_end();
        let at = text
            .rfind("\x1b[?1049h")
            .expect("the alternate screen was used");
        text[at..].to_string()
    }
}

impl Drop for Pty {
    /// An app that did not end (a failed test) does not outlive the test.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}

/// The app's last words gave the terminal back: it left the alternate
/// screen, stopped mouse reporting and bracketed paste, showed the cursor,
/// and took none of it up again afterwards.
pub fn assert_terminal_restored(tail: &str) {
    for (seq, what) in [
        ("\x1b[?1049l", "left the alternate screen"),
        ("\x1b[?25h", "showed the cursor"),
        ("\x1b[?2004l", "turned bracketed paste off"),
        ("\x1b[?1000l", "turned mouse capture off"),
    ] {
        assert!(tail.contains(seq), "the app never {what}: {tail:?}");
    }
    let left = tail.rfind("\x1b[?1049l").unwrap();
    let after = &tail[left..];
    for seq in ["\x1b[?1049h", "\x1b[?1000h", "\x1b[?2004h"] {
        assert!(!after.contains(seq), "{seq:?} after leaving: {after:?}");
    }
}

/// The session files the store keeps (backups aside).
pub fn find_sessions(dir: &Path) -> Vec<PathBuf> {
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

/// A session file read back: it must parse, whole.
pub fn read_session(path: &Path) -> datakompas::domain::Session {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

/// Prepares a self-assessment on one card with three principles, in a
/// fresh data folder; returns its id.
pub fn prepare_solo(data: &str, title: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args([
            "--data-dir",
            data,
            "--lang",
            "en",
            "new",
            "--solo",
            "--title",
            title,
            "--principles",
            "transparent,fair,personal",
            "--cards",
            "butcher",
            "--no-open",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let dir = Path::new(data);
    let sessions = find_sessions(dir);
    assert_eq!(sessions.len(), 1);
    read_session(&sessions[0]).id
}

/// From the story of the first card to its rationale, focused and empty.
pub fn go_to_rationale(app: &mut Pty) {
    app.wait_for("Card 1 of 1");
    app.write(&RIGHT.repeat(3));
    app.wait_for("What would your brand do?");
    app.write(&TAB.repeat(3));
    app.wait_for("Type it here.");
}
