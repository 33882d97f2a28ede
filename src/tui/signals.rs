//! SIGTERM, SIGHUP and SIGINT: each one becomes a terminate in the loop's
//! channel, which wakes it at once; the loop then saves once and gives the
//! terminal back. However many come, and however close together, none ends
//! the process by itself.
//!
//! Only a save that hangs may cut this short: the first signal arms a
//! [`Watchdog`], which after a grace period writes the unsaved session to
//! an emergency copy, restores the terminal and ends the process.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jiff::Timestamp;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::app::App;
use super::emergency;
use super::event_loop::Input;
use crate::domain::{Lang, Session};
use crate::i18n::cli::CliMsg;
use crate::i18n::{fill, tui::T};

/// How long a save may take after a signal before the watchdog steps in:
/// long enough for any healthy disk, short enough that a closed window
/// does not leave the process behind for long.
pub const GRACE: Duration = Duration::from_secs(5);
/// How long the watchdog itself waits for the emergency copy and for the
/// terminal: the disk or the terminal may be what hangs.
const STEP: Duration = Duration::from_secs(2);

/// Raises `stop` and sends a terminate into the loop's channel for every
/// signal: the flag is seen before any input still queued, the message
/// wakes a loop that is waiting.
pub fn listen(
    sender: Sender<Input>,
    watchdog: Arc<Watchdog>,
    stop: Arc<AtomicBool>,
) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for _ in signals.forever() {
                watchdog.arm();
                stop.store(true, Ordering::SeqCst);
                // The loop may be gone already: then it is saving or done.
                let _ = sender.send(Input::Terminate);
            }
        })?;
    Ok(())
}

/// Keeps a copy of what is not saved yet, and ends the process if it does
/// not end by itself in time once asked to stop.
pub struct Watchdog {
    at_risk: Mutex<AtRisk>,
    armed: AtomicBool,
    grace: Duration,
}

struct AtRisk {
    session: Option<Session>,
    lang: Lang,
}

impl Watchdog {
    pub fn new(lang: Lang, grace: Duration) -> Arc<Watchdog> {
        Arc::new(Watchdog {
            at_risk: Mutex::new(AtRisk {
                session: None,
                lang,
            }),
            armed: AtomicBool::new(false),
            grace,
        })
    }

    /// Notes what the app holds that its file does not (nothing, once saved).
    pub fn keep(&self, app: &App) {
        let unsaved = app.save.dirty_since.is_some() || app.save.failing.is_some();
        let session = app
            .open
            .as_ref()
            .filter(|o| unsaved && o.read_only.is_none())
            .map(|o| o.session.clone());
        let mut at_risk = self.at_risk.lock().unwrap_or_else(PoisonError::into_inner);
        at_risk.session = session;
        at_risk.lang = app.lang;
    }

    /// Starts the countdown, once: later signals do not restart it.
    pub fn arm(self: &Arc<Self>) {
        if self.armed.swap(true, Ordering::SeqCst) {
            return;
        }
        let me = Arc::clone(self);
        let started = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                std::thread::sleep(me.grace);
                let message = me.expire(Timestamp::now());
                super::terminal::restore_within(STEP);
                let prefix = CliMsg::ErrorPrefix.get(me.lang());
                let _ = writeln!(io::stderr(), "datakompas: {prefix}: {message}");
                std::process::exit(1);
            });
        // Without a watchdog the save simply takes as long as it takes.
        drop(started);
    }

    fn lang(&self) -> Lang {
        self.at_risk
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .lang
    }

    /// The app did not end in time: writes the emergency copy of what is
    /// not saved, and says what happened.
    pub fn expire(&self, now: Timestamp) -> String {
        let (session, lang) = {
            let at_risk = self.at_risk.lock().unwrap_or_else(PoisonError::into_inner);
            (at_risk.session.clone(), at_risk.lang)
        };
        let secs = self.grace.as_secs().to_string();
        let Some(session) = session else {
            return fill(T::StoppedStuck.get(lang), &[("secs", &secs)]);
        };
        let copy = match within(STEP, move || emergency::write_copy(&session, now)) {
            Some(written) => written.map_err(|e| e.describe(lang)),
            None => Err(T::CopyTimedOut.get(lang).to_string()),
        };
        match copy {
            Ok(path) => fill(
                T::SaveStuckCopy.get(lang),
                &[("secs", &secs), ("path", &path.display().to_string())],
            ),
            Err(why) => fill(
                T::SaveStuckNoCopy.get(lang),
                &[("secs", &secs), ("copy", &why)],
            ),
        }
    }
}

/// Runs `work` on a thread of its own and waits for it at most `limit`.
pub fn within<R: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> R + Send + 'static,
) -> Option<R> {
    let (done, result) = mpsc::channel();
    std::thread::Builder::new()
        .spawn(move || {
            let _ = done.send(work());
        })
        .ok()?;
    result.recv_timeout(limit).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_nothing_unsaved_the_watchdog_says_everything_was_saved() {
        let watchdog = Watchdog::new(Lang::Nl, Duration::from_secs(7));
        let said = watchdog.expire(Timestamp::UNIX_EPOCH);
        assert!(said.contains("7 seconden"), "{said}");
        assert!(said.contains("Alles was al bewaard"), "{said}");
    }

    #[test]
    fn work_that_takes_too_long_is_not_waited_for() {
        let slow = within(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5));
            1
        });
        assert_eq!(slow, None);
        assert_eq!(within(Duration::from_secs(5), || 2), Some(2));
    }
}
