//! Running the real binary as a user runs it, for the command-line tests:
//! a private data folder, a chosen locale, nothing from the caller's
//! environment that would change the output.

#![allow(dead_code)] // each test file uses the part it needs

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `datakompas ARGS` with `data` as its data folder, `locale` as
/// `LC_ALL`, and `input` on standard input.
pub fn datakompas(data: &Path, locale: &str, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args(args)
        .env("DATAKOMPAS_DATA_DIR", data)
        .env("LC_ALL", locale)
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
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

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_datakompas"))
        .args(args)
        .env("DATAKOMPAS_DATA_DIR", data)
        .env("LC_ALL", locale)
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "datakompas {args:?} still running after {limit:?}; it printed:\n{}\n{}",
                stdout(&out),
                stderr(&out)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}
