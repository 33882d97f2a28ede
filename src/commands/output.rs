//! Everything the command line prints goes through here, made safe for a
//! terminal by [`for_terminal`]: sessions and decks come from other people,
//! and their text must not rename the window, write the clipboard or clear
//! the screen. The commands print no escape sequences of their own.

use std::io::{self, Write};

use crate::domain::text::for_terminal;

/// Writes `text` to standard output, as it is apart from what a terminal
/// would act on.
pub fn out(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(for_terminal(text).as_bytes())?;
    stdout.flush()
}

/// `text` and a newline on standard output; a reader that went away
/// (`| head`) is not worth a message.
pub fn out_line(text: &str) {
    let _ = out(&format!("{text}\n"));
}

/// Writes `text` to standard error, without a newline (a question).
pub fn err(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(for_terminal(text).as_bytes());
    let _ = stderr.flush();
}

/// `text` and a newline on standard error.
pub fn err_line(text: &str) {
    err(&format!("{text}\n"));
}
