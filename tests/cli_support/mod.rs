//! Running the real binary as a user runs it, for the command-line tests:
//! a private data folder, a chosen locale, nothing from the caller's
//! environment that would change the output.

#![allow(dead_code)] // each test file uses the part it needs

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary with `data` as its data folder and `locale` as `LC_ALL`,
/// and nothing else from the environment that could change its words. It
/// runs in the crate folder, so fixture paths can be relative and what it
/// prints is the same on every machine.
fn command(data: &Path, locale: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_datakompas"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DATAKOMPAS_DATA_DIR", data)
        .env("LC_ALL", locale)
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    cmd
}

/// Runs `datakompas ARGS` with `data` as its data folder, `locale` as
/// `LC_ALL`, and `input` on standard input.
pub fn datakompas(data: &Path, locale: &str, args: &[&str], input: &str) -> Output {
    let mut child = command(data, locale, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// As [`datakompas`] with nothing on standard input, run as user `uid`
/// (and the group of that number) when one is given.
pub fn datakompas_as(data: &Path, locale: &str, args: &[&str], uid: Option<u32>) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = command(data, locale, args);
    if let Some(id) = uid {
        cmd.uid(id).gid(id);
    }
    cmd.stdin(Stdio::null()).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a command that had to succeed printed; a failure fails the test
/// with its error output.
pub fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    stdout(o)
}

/// The id `datakompas new` printed on its `id:` line.
pub fn printed_id(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("id:"))
        .expect("new prints the id")
        .trim()
        .to_string()
}

/// Runs `datakompas --lang en new --no-open ARGS` in `data` and returns the
/// new session's id; a `new` that fails or hangs fails the test.
pub fn new_session(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["--lang", "en", "new", "--no-open"];
    all.extend_from_slice(args);
    let out = datakompas_within(data, "C", &all, std::time::Duration::from_secs(20));
    printed_id(&ok(&out))
}

/// As [`datakompas`] with nothing on standard input, but never waits more
/// than `limit`: a command that hangs is killed and the test fails with
/// what it had printed.
pub fn datakompas_within(
    data: &Path,
    locale: &str,
    args: &[&str],
    limit: std::time::Duration,
) -> Output {
    let mut child = command(data, locale, args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting: output beyond a pipe's buffer (64 KiB)
    // would otherwise block the child and look like a hang.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            let output = Output {
                status: std::process::ExitStatus::default(),
                stdout: out.join().unwrap(),
                stderr: err.join().unwrap(),
            };
            panic!(
                "datakompas {args:?} still running after {limit:?}; it printed:\n{}\n{}",
                stdout(&output),
                stderr(&output)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}
