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
