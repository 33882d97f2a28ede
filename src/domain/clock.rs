//! The session's plan against its clock: how long the whole session was
//! meant to take, where the plan says it should be now, and how much time
//! is left for the cards still to come. Pure arithmetic on the session.

use super::session::{Mode, Session};

/// Planned before the first card: the opening and choosing the principles.
pub const OPENING_MINUTES: u16 = 10;
/// Planned after the last card: the close with the policy draft.
pub const CLOSE_MINUTES: u16 = 10;

/// What the session plans, in seconds. A team session plans its opening
/// and close besides the cards; a self-assessment has neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub opening: u32,
    /// Every card's timebox, all its stages together.
    pub per_card: u32,
    pub cards: usize,
    pub close: u32,
}

impl Plan {
    pub fn of(session: &Session) -> Plan {
        Plan::new(session.mode, session.minutes_per_card, session.cards.len())
    }

    /// The plan of a session of `mode` with this many cards, before there
    /// is a session (its setup).
    pub fn new(mode: Mode, minutes_per_card: u16, cards: usize) -> Plan {
        let team = mode == Mode::Team;
        let minutes = |m: u16| if team { u32::from(m) * 60 } else { 0 };
        Plan {
            opening: minutes(OPENING_MINUTES),
            per_card: u32::from(minutes_per_card) * 60,
            cards,
            close: minutes(CLOSE_MINUTES),
        }
    }

    pub fn cards_total(&self) -> u32 {
        self.per_card
            .saturating_mul(u32::try_from(self.cards).unwrap_or(u32::MAX))
    }

    /// The whole session: opening, every card, close.
    pub fn total(&self) -> u32 {
        self.opening
            .saturating_add(self.cards_total())
            .saturating_add(self.close)
    }

    /// Where the session clock should stand when card `at` (from 0) has
    /// been on screen for `on_card` seconds: the opening, the cards before
    /// it, and as much of its own timebox as it has used.
    pub fn due_at(&self, at: usize, on_card: u32) -> u32 {
        let before = self
            .per_card
            .saturating_mul(u32::try_from(at.min(self.cards)).unwrap_or(u32::MAX));
        self.opening
            .saturating_add(before)
            .saturating_add(on_card.min(self.per_card))
    }
}

/// How the session stands against its plan at the card being played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub elapsed: u32,
    pub planned: u32,
    /// Seconds behind the plan; negative when ahead.
    pub behind: i64,
    /// Seconds left for the cards from this one on, the close kept apart;
    /// zero once the cards' time is used up.
    pub left: u32,
    /// The cards from this one on, this one included.
    pub cards_left: usize,
}

impl Standing {
    pub fn of(session: &Session) -> Standing {
        let plan = Plan::of(session);
        let at = session.position.card.min(session.cards.len());
        let on_card = session.cards.get(at).map_or(0, |p| p.seconds_on_card);
        let elapsed = session.seconds_elapsed;
        let until_close = plan.total().saturating_sub(plan.close);
        Standing {
            elapsed,
            planned: plan.total(),
            behind: i64::from(elapsed) - i64::from(plan.due_at(at, on_card)),
            left: until_close.saturating_sub(elapsed),
            cards_left: session.cards.len().saturating_sub(at),
        }
    }

    /// Whole minutes behind the plan, once it is at least one.
    pub fn minutes_behind(&self) -> Option<u32> {
        let minutes = self.behind / 60;
        (minutes >= 1).then(|| u32::try_from(minutes).unwrap_or(u32::MAX))
    }

    /// Whole minutes left for each card still to play, if any are.
    pub fn minutes_each(&self) -> Option<u32> {
        let cards = u32::try_from(self.cards_left).ok().filter(|n| *n > 0)?;
        Some(self.left / 60 / cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;
    use crate::domain::session::CardProgress;

    fn session(cards: usize, minutes: u16) -> Session {
        let mut s = Session::for_tests(Mode::Team);
        s.minutes_per_card = minutes;
        s.cards = (0..cards)
            .map(|i| CardProgress::new(format!("c{i}")))
            .collect();
        s
    }

    #[test]
    fn the_plan_counts_the_opening_every_card_and_the_close() {
        let s = session(4, 10);
        assert_eq!(Plan::of(&s).total(), (10 + 40 + 10) * 60);
        let mut solo = s.clone();
        solo.mode = Mode::Solo;
        assert_eq!(Plan::of(&solo).total(), 40 * 60);
    }

    #[test]
    fn time_left_is_shared_over_the_cards_still_to_play() {
        // 60 min planned; 12 min in, on card 2 of 4 (3 cards to go).
        let mut s = session(4, 10);
        s.position.card = 1;
        s.position.stage = Stage::Discuss;
        s.seconds_elapsed = 12 * 60;
        let st = Standing::of(&s);
        assert_eq!(st.cards_left, 3);
        assert_eq!(st.left, 38 * 60);
        assert_eq!(st.minutes_each(), Some(12));
    }

    #[test]
    fn behind_plan_is_elapsed_against_where_the_plan_is_now() {
        let mut s = session(4, 10);
        s.position.card = 1;
        s.cards[1].seconds_on_card = 4 * 60;
        // Due: 10 opening + 10 for card 1 + 4 on card 2 = 24 min.
        s.seconds_elapsed = 30 * 60 + 59;
        let st = Standing::of(&s);
        assert_eq!(st.minutes_behind(), Some(6));
        s.seconds_elapsed = 24 * 60 + 59;
        assert_eq!(Standing::of(&s).minutes_behind(), None);
        s.seconds_elapsed = 10;
        assert_eq!(Standing::of(&s).minutes_behind(), None);
    }

    #[test]
    fn a_card_over_its_timebox_counts_only_its_timebox_as_planned() {
        let mut s = session(2, 10);
        s.cards[0].seconds_on_card = 25 * 60;
        s.seconds_elapsed = 35 * 60;
        assert_eq!(Standing::of(&s).minutes_behind(), Some(15));
    }

    #[test]
    fn past_the_plan_nothing_is_left_and_nothing_wraps() {
        let mut s = session(3, 120);
        s.position.card = 2;
        s.seconds_elapsed = u32::MAX;
        let st = Standing::of(&s);
        assert_eq!(st.left, 0);
        assert_eq!(st.minutes_each(), Some(0));
        s.cards.clear();
        s.position.card = 5;
        assert_eq!(Standing::of(&s).minutes_each(), None);
    }
}
