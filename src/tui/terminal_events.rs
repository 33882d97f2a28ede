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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::crossterm::event;

use super::app::App;
use super::event_loop::{EventSource, Input};
use super::signals::{self, Watchdog};

/// The longest the loop sleeps without input: the discussion timer and the
/// save state on screen stay current.
const TICK: Duration = Duration::from_millis(250);
/// How long, once asked to stop, keys already received are still taken in.
const DRAIN: Duration = Duration::from_secs(1);

pub struct TerminalEvents {
    inbox: Receiver<Input>,
    sender: Sender<Input>,
    watchdog: Arc<Watchdog>,
    /// Raised by a signal or a hang-up: a stop that must not queue behind
    /// a backlog of keys (a long paste without bracketing).
    stop: Arc<AtomicBool>,
    /// Once stopping, until when keys already received are still taken in.
    drain_until: Option<Instant>,
}

impl TerminalEvents {
    /// Starts reading keys, watching for the terminal hanging up, and
    /// listening for SIGTERM, SIGHUP and SIGINT.
    pub fn start(watchdog: Arc<Watchdog>) -> io::Result<TerminalEvents> {
        let (sender, inbox) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        signals::listen(sender.clone(), Arc::clone(&watchdog), Arc::clone(&stop))?;
        let keys = sender.clone();
        std::thread::Builder::new()
            .name("terminal-keys".into())
            .spawn(move || read_keys(&keys))?;
        let hangup = sender.clone();
        let (guard, stopping) = (Arc::clone(&watchdog), Arc::clone(&stop));
        std::thread::Builder::new()
            .name("terminal-hangup".into())
            .spawn(move || watch_hangup(&hangup, &guard, &stopping))?;
        Ok(TerminalEvents {
            inbox,
            sender,
            watchdog,
            stop,
            drain_until: None,
        })
    }
}

impl TerminalEvents {
    /// Keys that arrived before the stop are typing to keep: they are taken
    /// in (the loop draws nothing meanwhile), for a bounded time, since
    /// input may never end; then the terminate.
    fn drain(&mut self) -> Input {
        let until = *self
            .drain_until
            .get_or_insert_with(|| Instant::now() + DRAIN);
        while Instant::now() < until {
            match self.inbox.try_recv() {
                Ok(input @ Input::Event(_)) => return input,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        Input::Terminate
    }
}

impl EventSource for TerminalEvents {
    fn next(&mut self) -> io::Result<Option<Input>> {
        self.next_until(None)
    }

    fn next_until(&mut self, deadline: Option<Timestamp>) -> io::Result<Option<Input>> {
        if self.stop.load(Ordering::SeqCst) {
            return Ok(Some(self.drain()));
        }
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

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
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
fn watch_hangup(sender: &Sender<Input>, watchdog: &Arc<Watchdog>, stop: &AtomicBool) {
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
            stop.store(true, Ordering::SeqCst);
            // Wakes the loop if it is waiting.
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
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Input {
        Input::Event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )))
    }

    /// The loop's side only: no threads, no terminal.
    fn detached() -> TerminalEvents {
        let (sender, inbox) = mpsc::channel();
        TerminalEvents {
            inbox,
            sender,
            watchdog: Watchdog::new(crate::domain::Lang::En, Duration::from_secs(60)),
            stop: Arc::new(AtomicBool::new(false)),
            drain_until: None,
        }
    }

    #[test]
    fn a_stop_jumps_the_queue_but_the_keys_before_it_are_still_taken_in() {
        let mut events = detached();
        let sender = events.sender().unwrap();
        for c in "abc".chars() {
            sender.send(key(c)).unwrap();
        }
        sender.send(Input::Terminate).unwrap();
        sender.send(Input::Tick).unwrap();
        events.stop.store(true, Ordering::SeqCst);
        assert!(events.stopping());
        let got: Vec<Input> = (0..4).map(|_| events.next().unwrap().unwrap()).collect();
        assert_eq!(got, vec![key('a'), key('b'), key('c'), Input::Terminate]);
        // And from then on, only the stop.
        assert_eq!(events.next().unwrap(), Some(Input::Terminate));
    }

    #[test]
    fn taking_in_keys_after_a_stop_ends_in_time_however_many_come() {
        let mut events = detached();
        let sender = events.sender().unwrap();
        events.stop.store(true, Ordering::SeqCst);
        // The time is up already: whatever is queued waits no longer.
        events.drain_until = Some(Instant::now());
        sender.send(key('x')).unwrap();
        assert_eq!(events.next().unwrap(), Some(Input::Terminate));
    }

    #[test]
    fn the_wait_ends_at_the_deadline_and_never_goes_negative() {
        let now: Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
        let soon = now + jiff::SignedDuration::from_millis(400);
        assert_eq!(until(soon, now), Duration::from_millis(400));
        assert_eq!(until(now, soon), Duration::ZERO);
    }
}
