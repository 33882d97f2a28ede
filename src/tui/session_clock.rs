//! The session clock: while a session is open in the app, every second
//! counts for the session, and on the card loop for the card on screen.
//! The discussion timer's count on the card is brought up to date here
//! too. Time is passed in, so tests run it on a scripted clock.

use jiff::Timestamp;

use super::app::App;
use super::screens::Screen;

/// A save every this many seconds of the clock alone. Every change, screen
/// change and quit saves it anyway; this only bounds what a crash on an
/// idle screen loses, without a save (and a redrawn header) every moment.
const SAVE_EVERY: u32 = 300;

/// Starts counting from `now`, unless nothing may be saved.
pub fn start(open: &mut super::app::OpenSession, now: Timestamp) {
    open.clock_mark = open.read_only.is_none().then_some(now);
}

/// The loop starts (again): the clock counts from `now`, not from when
/// the session was opened or the loop last ran.
pub fn resume(app: &mut App, now: Timestamp) {
    if let Some(open) = app.open.as_mut() {
        start(open, now);
    }
}

/// Adds the whole seconds since the last tick to the session and, on the
/// card loop, to the card on screen; a part of a second waits for the next.
pub fn tick(app: &mut App, now: Timestamp) {
    let on_card = matches!(app.screen, Screen::Card);
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let Some(mark) = open.clock_mark else {
        return;
    };
    // A clock set back counts nothing, and a jump cannot wrap the count.
    let secs = now.duration_since(mark).as_secs().max(0);
    if secs == 0 {
        return;
    }
    open.clock_mark = mark
        .saturating_add(jiff::SignedDuration::from_secs(secs))
        .ok();
    let secs = u32::try_from(secs).unwrap_or(u32::MAX);
    let session = &mut open.session;
    let before = session.seconds_elapsed;
    session.seconds_elapsed = before.saturating_add(secs);
    if on_card && let Some(p) = session.cards.get_mut(session.position.card) {
        p.seconds_on_card = p.seconds_on_card.saturating_add(secs);
    }
    if before / SAVE_EVERY != session.seconds_elapsed / SAVE_EVERY {
        app.save.dirty_since.get_or_insert(now);
    }
}

/// Brings the discussion timer's count on the card up to date; a save
/// follows every half minute of it.
pub fn tick_discussion(app: &mut App, now: Timestamp) {
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let due = super::screens::card::timer::tick(&open.view.discuss, &mut open.session, now);
    if due && open.read_only.is_none() {
        app.save.dirty_since.get_or_insert(now);
    }
}

/// Counts up to `now` and stops: the session is being let go, so what
/// the clock added since the last save is saved with it.
pub fn stop(app: &mut App, now: Timestamp) {
    let elapsed = |app: &App| app.open.as_ref().map(|o| o.session.seconds_elapsed);
    let before = elapsed(app);
    tick(app, now);
    if elapsed(app) != before {
        app.save.dirty_since.get_or_insert(now);
    }
    if let Some(open) = app.open.as_mut() {
        open.clock_mark = None;
    }
}
