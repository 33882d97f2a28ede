//! The real terminal's input, read on threads of its own and sent into one
//! channel that the loop waits on. Whatever arrives on the terminal — a
//! paste that never ends, half a mouse report, nothing at all — can stall
//! only the reading thread, never the loop's redraws, saves or signals.
//!
//! The channel takes more producers: [`EventSource::sender`] hands out a
//! sender, and a thread of any kind (votes from phones, say) sends its own
//! [`Input`]s through it.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::crossterm::event;

use super::app::App;
use super::event_loop::{EventSource, Input};
use super::signals::{self, Watchdog};

/// The longest the loop sleeps without input: the discussion timer and the
/// save state on screen stay current.
const TICK: Duration = Duration::from_millis(250);

pub struct TerminalEvents {
    inbox: Receiver<Input>,
    sender: Sender<Input>,
    watchdog: Arc<Watchdog>,
}

impl TerminalEvents {
    /// Starts reading keys, watching for the terminal hanging up, and
    /// listening for SIGTERM, SIGHUP and SIGINT.
    pub fn start(watchdog: Arc<Watchdog>) -> io::Result<TerminalEvents> {
        let (sender, inbox) = mpsc::channel();
        signals::listen(sender.clone(), Arc::clone(&watchdog))?;
        let keys = sender.clone();
        std::thread::Builder::new()
            .name("terminal-keys".into())
            .spawn(move || read_keys(&keys))?;
        let hangup = sender.clone();
        let guard = Arc::clone(&watchdog);
        std::thread::Builder::new()
            .name("terminal-hangup".into())
            .spawn(move || watch_hangup(&hangup, &guard))?;
        Ok(TerminalEvents {
            inbox,
            sender,
            watchdog,
        })
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        self.next_until(None)
    }

    fn next_until(&mut self, deadline: Option<Timestamp>) -> io::Result<Option<Input>> {
        let wait = deadline.map_or(TICK, |d| until(d, Timestamp::now()).min(TICK));
        match self.inbox.recv_timeout(wait) {
            Ok(input) => Ok(Some(input)),
            // This source holds a sender itself, so the channel never closes.
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                Ok(Some(Input::Tick))
            }
        }
    }

    fn now(&self) -> Timestamp {
        Timestamp::now()
    }

    fn keep(&mut self, app: &App) {
        self.watchdog.keep(app);
    }

    fn sender(&self) -> Option<Sender<Input>> {
        Some(self.sender.clone())
    }
}

/// How long from `now` until `deadline`; nothing when it has passed.
fn until(deadline: Timestamp, now: Timestamp) -> Duration {
    Duration::try_from(deadline.duration_since(now)).unwrap_or(Duration::ZERO)
}

/// Reads the terminal's events for as long as the loop listens. A partial
/// escape sequence leaves crossterm waiting for its end in `read(2)`: that
/// blocks this thread only.
fn read_keys(sender: &Sender<Input>) {
    loop {
        // crossterm spins forever reading a terminal that has hung up, so
        // it is only asked while the terminal is known to be there. Every
        // tick it is asked anyway: a window resize comes as a signal it
        // turns into an event.
        if wait_for_input(TICK) == Ready::HungUp {
            return;
        }
        loop {
            match event::poll(Duration::ZERO) {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        if sender.send(Input::Event(ev)).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                Ok(false) => break,
                Err(_) => return,
            }
        }
    }
}

/// Sends a terminate when the terminal hangs up (the window closed, the
/// connection dropped), also while the key reader is stuck inside a read.
/// Like a signal, it arms the watchdog: nobody is left to wait for a save
/// that hangs.
fn watch_hangup(sender: &Sender<Input>, watchdog: &Arc<Watchdog>) {
    loop {
        // Asking for no events still reports a hang-up, and nothing else.
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let n = unsafe { libc::poll(&mut fd, 1, -1) };
        if n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            watchdog.arm();
            let _ = sender.send(Input::Terminate);
            return;
        }
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}

/// Whether the terminal has hung up, without waiting.
pub fn hung_up() -> bool {
    wait_for_input(Duration::ZERO) == Ready::HungUp
}

#[derive(Debug, PartialEq)]
enum Ready {
    /// Bytes to read, or the time was up.
    Maybe,
    HungUp,
}

/// Waits up to `timeout` for bytes on the terminal.
fn wait_for_input(timeout: Duration) -> Ready {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd for the duration of the call.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    if n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Ready::HungUp
    } else {
        Ready::Maybe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_ends_at_the_deadline_and_never_goes_negative() {
        let now: Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
        let soon = now + jiff::SignedDuration::from_millis(400);
        assert_eq!(until(soon, now), Duration::from_millis(400));
        assert_eq!(until(now, soon), Duration::ZERO);
    }
}
