//! The discussion timer: it runs on the discuss stage against the card's
//! timebox, and can be paused. Time is passed in, so tests control it.

use jiff::Timestamp;

use super::current_mut;
use super::discuss::DiscussView;
use crate::domain::Session;

/// Brings the card's `seconds_spent` up to date while the timer runs;
/// true when a save is due (every half minute).
pub fn tick(view: &DiscussView, session: &mut Session, now: Timestamp) -> bool {
    let Some(since) = view.timer_since else {
        return false;
    };
    // A clock that jumps, or a hand-edited time near the limit, must not
    // wrap or panic: the count simply stops at its largest value.
    let run = u32::try_from(now.duration_since(since).as_secs().max(0)).unwrap_or(u32::MAX);
    let total = view.timer_base.saturating_add(run);
    match current_mut(session) {
        Some(p) => {
            let due = total / 30 != p.seconds_spent / 30;
            p.seconds_spent = total;
            due
        }
        None => false,
    }
}

pub fn stop(view: &mut DiscussView) {
    view.timer_since = None;
}

/// Runs from `now` on, on top of what the card has had already.
pub fn start(view: &mut DiscussView, session: &Session, now: Timestamp) {
    let base = session
        .cards
        .get(session.position.card)
        .map_or(0, |p| p.seconds_spent);
    view.timer_base = base;
    view.timer_since = Some(now);
}

pub fn toggle(view: &mut DiscussView, session: &Session, now: Timestamp) {
    if view.timer_since.is_some() {
        stop(view);
    } else {
        start(view, session, now);
    }
}
