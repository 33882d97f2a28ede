//! The real terminal: raw mode, alternate screen, mouse capture and
//! bracketed paste on the way in; all of it undone on the way out, also
//! after a panic or a signal.

use std::io::{self, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Takes over the terminal. Restoring is the caller's job; a panic hook
/// does it first so the panic message lands on a usable screen.
pub fn enter() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    ) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Gives the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Gives the terminal back, waiting for it at most `limit`: a terminal
/// that stopped reading (a frozen window) must not keep the process alive.
pub fn restore_within(limit: std::time::Duration) {
    let _ = super::signals::within(limit, restore);
}

/// Restores the terminal and lets go of it for good. The handle is not
/// dropped: its drop would show the cursor once more and, on a window that
/// is closed already, print "Failed to show the cursor" to the shell.
pub fn leave(term: Term) {
    restore();
    std::mem::forget(term);
}

/// Whether there is a terminal to run in: the app reads keys from stdin
/// and draws on stdout.
pub fn available() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}
