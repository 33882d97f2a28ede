//! The real binary in a pseudo-terminal, treated as a laptop and a window
//! manager treat it: killed mid-sentence, closed with two or three signals
//! at once, fed half an escape sequence. The work is on disk and the
//! terminal given back every time.

use crate::pty_support;

use std::time::{Duration, Instant};

use datakompas::domain::Lang;
use datakompas::i18n::tui::T;
use pty_support::*;

/// A small, seeded generator: the trials differ, and a failing seed can be
/// run again.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn seed() -> u64 {
    std::env::var("DATAKOMPAS_TRIAL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
                .into()
        })
}

const TRIALS: usize = 20;

#[test]
fn steady_typing_killed_at_any_moment_loses_at_most_two_seconds() {
    let seed = seed();
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let id = prepare_solo(data, "Kill test");
    let file = find_sessions(dir.path()).remove(0);
    let fresh = std::fs::read(&file).unwrap();
    let words = "we ask first and explain why to everyone ";
    let mut worst = Duration::ZERO;
    for trial in 0..TRIALS {
        std::fs::write(&file, &fresh).unwrap();
        let mut app = Pty::start(&["--data-dir", data, "--lang", "en", "resume", &id]);
        go_to_rationale(&mut app);
        // One key every 50 ms, for anything from a fraction of a second to
        // about three seconds, and then the power goes.
        let typing = Duration::from_millis(200 + rng.next() % 2800);
        let start = Instant::now();
        let mut sent = Vec::new();
        for c in words.chars().cycle() {
            if start.elapsed() >= typing {
                break;
            }
            app.write(&c.to_string());
            sent.push((c, Instant::now()));
            std::thread::sleep(Duration::from_millis(50));
        }
        let killed = Instant::now();
        app.signal(libc::SIGKILL);
        app.wait_exit(Duration::from_secs(10));

        let session = read_session(&file);
        let saved = &session.cards[0].decision.rationale;
        let typed: String = sent.iter().map(|(c, _)| c).collect();
        let context = format!("trial {trial}, seed {seed}: typed {typed:?}, saved {saved:?}");
        assert!(typed.starts_with(saved.as_str()), "{context}");
        let lost = match sent.get(saved.chars().count()) {
            Some((_, at)) => killed - *at,
            None => Duration::ZERO,
        };
        assert!(
            lost <= Duration::from_secs(2),
            "{context}: {lost:?} of typing lost"
        );
        worst = worst.max(lost);
    }
    eprintln!("seed {seed}: at most {worst:?} of typing lost in {TRIALS} trials");
}

/// Types into the rationale, waits until the app shows it (so it is in
/// the app, not yet on disk), then sends `signals` back to back.
fn signals_while_typing(signals: &[i32]) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let id = prepare_solo(data, "Signal test");
    let mut app = Pty::start(&["--data-dir", data, "--lang", "en", "resume", &id]);
    go_to_rationale(&mut app);
    app.write("no tracking");
    app.wait_for("no tracking");
    assert!(app.raw_mode(), "the app runs in raw mode");
    // Microseconds apart, as a closing window delivers them.
    for &sig in signals {
        app.signal(sig);
    }
    let status = app.wait_exit(Duration::from_secs(10));
    assert!(status.success(), "{signals:?}: {status:?}");
    assert_terminal_restored(&app.since_last_entry());
    assert!(!app.raw_mode(), "{signals:?}: raw mode was left");
    let file = find_sessions(dir.path()).remove(0);
    let session = read_session(&file);
    assert_eq!(
        session.cards[0].decision.rationale, "no tracking",
        "{signals:?}"
    );
    assert!(
        !file.with_extension("lock").exists(),
        "{signals:?}: the lock was let go"
    );
}

#[test]
fn hangup_and_terminate_together_save_and_restore_the_terminal() {
    signals_while_typing(&[libc::SIGHUP, libc::SIGTERM]);
}

#[test]
fn two_terminates_save_and_restore_the_terminal() {
    signals_while_typing(&[libc::SIGTERM, libc::SIGTERM]);
}

#[test]
fn two_hangups_and_an_interrupt_save_and_restore_the_terminal() {
    signals_while_typing(&[libc::SIGHUP, libc::SIGHUP, libc::SIGINT]);
}

/// Half an escape sequence arrives and its end never does: the app goes on
/// saving and drawing, and one signal ends it, saved.
fn unfinished_input(partial: &str) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let id = prepare_solo(data, "Partial input");
    let mut app = Pty::start(&["--data-dir", data, "--lang", "en", "resume", &id]);
    go_to_rationale(&mut app);
    app.write("we ask");
    app.wait_for("we ask");
    let saving = T::Saving.get(Lang::En);
    let saved = T::Saved.get(Lang::En);
    let before = app.screen().lines().next().unwrap_or_default().to_string();
    // On its own, as a terminal sends it: read alone, it yields no event,
    // and the reader waits in read(2) for the rest. The autosave is still
    // most of a second away.
    app.write(partial);
    // Autosave and redraw go on: the file gets the text, the header comes
    // to say so.
    let file = find_sessions(dir.path()).remove(0);
    let start = Instant::now();
    while read_session(&file).cards[0].decision.rationale != "we ask" {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{partial:?}: never autosaved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    if before.contains(saving) {
        app.wait_for(saved);
    }
    app.signal(libc::SIGTERM);
    let status = app.wait_exit(Duration::from_secs(10));
    assert!(status.success(), "{partial:?}: {status:?}");
    assert_terminal_restored(&app.since_last_entry());
    assert!(!app.raw_mode(), "{partial:?}: raw mode was left");
    assert!(!file.with_extension("lock").exists(), "{partial:?}");
}

#[test]
fn a_paste_that_never_ends_does_not_stop_saving_or_signals() {
    unfinished_input("\x1b[200~abc");
}

#[test]
fn a_cut_off_mouse_report_does_not_stop_saving_or_signals() {
    unfinished_input("\x1b[<0;");
}

#[test]
fn closing_the_window_saves_and_prints_nothing_to_the_closed_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let id = prepare_solo(data, "Window close");
    let errors = dir.path().join("stderr.txt");
    let mut app = Pty::start_logging_errors(
        &["--data-dir", data, "--lang", "en", "resume", &id],
        &errors,
    );
    go_to_rationale(&mut app);
    app.write("be open");
    app.wait_for("be open");
    // Half a mouse report is pending when the window goes.
    app.write("\x1b[<0;");
    // As a window manager does it: the shell passes a hangup on, the
    // terminal goes away.
    app.signal(libc::SIGHUP);
    app.hang_up();
    app.wait_exit(Duration::from_secs(10));
    let file = find_sessions(dir.path()).remove(0);
    assert_eq!(read_session(&file).cards[0].decision.rationale, "be open");
    assert!(!file.with_extension("lock").exists(), "the lock was let go");
    let said = std::fs::read_to_string(&errors).unwrap();
    assert!(!said.contains("Failed to show the cursor"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
}
