//! A deck's ready-made agenda turned into a setup: which cards in which
//! order, and how many minutes each gets.

use super::deck::{Agenda, Deck};
use super::setup::MINUTES_PER_CARD;

/// What a workshop spends besides its cards: the opening, choosing the
/// brand principles and the close with the policy draft; the session
/// clock plans the same.
pub const OVERHEAD_MINUTES: u16 = super::clock::OPENING_MINUTES + super::clock::CLOSE_MINUTES;

/// Minutes per card: the agenda's time less the overhead, shared over its
/// cards. An agenda too short to carry the overhead twice shares all its
/// time. Always within [`MINUTES_PER_CARD`].
pub fn minutes_per_card(agenda: &Agenda) -> u16 {
    let cards = u16::try_from(agenda.cards.len().max(1)).unwrap_or(u16::MAX);
    let room = if agenda.minutes > 2 * OVERHEAD_MINUTES {
        agenda.minutes - OVERHEAD_MINUTES
    } else {
        agenda.minutes
    };
    (room / cards).clamp(*MINUTES_PER_CARD.start(), *MINUTES_PER_CARD.end())
}

/// Every card of the deck with whether the agenda plays it: the agenda's
/// cards first in its order, then the rest in deck order, not chosen. Ids
/// the deck lacks are left out (a checked deck has none).
pub fn card_choice(deck: &Deck, agenda: &Agenda) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = agenda
        .cards
        .iter()
        .filter(|id| deck.card(id).is_some())
        .map(|id| (id.clone(), true))
        .collect();
    for card in &deck.cards {
        if !out.iter().any(|(id, _)| *id == card.id) {
            out.push((card.id.clone(), false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Text;

    fn agenda(minutes: u16, cards: &[&str]) -> Agenda {
        let t = Text {
            en: "x".into(),
            nl: "x".into(),
        };
        Agenda {
            id: "a".into(),
            minutes,
            title: t.clone(),
            description: t,
            cards: cards.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn minutes_are_shared_after_the_overhead() {
        assert_eq!(minutes_per_card(&agenda(60, &["a", "b", "c", "d"])), 10);
        assert_eq!(
            minutes_per_card(&agenda(90, &["a", "b", "c", "d", "e", "f"])),
            11
        );
        assert_eq!(minutes_per_card(&agenda(120, &["a"; 8])), 12);
        // Too short to carry the overhead: all of it goes to the cards.
        assert_eq!(minutes_per_card(&agenda(30, &["a", "b"])), 15);
        assert_eq!(minutes_per_card(&agenda(1, &["a", "b"])), 1);
        assert_eq!(minutes_per_card(&agenda(600, &["a"])), 120);
        assert_eq!(minutes_per_card(&agenda(60, &[])), 40);
    }
}
