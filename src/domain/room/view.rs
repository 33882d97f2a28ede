//! What every phone receives: the published state, seen through the
//! membership book. The same view goes to every phone; each finds its own
//! slot in it by the participant id it was given when it joined.

use serde::Serialize;

use super::{Membership, ROOM_CAP, RevealResult, RoomCard, RoomState};
use crate::domain::Lang;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhoneView {
    pub lang: Lang,
    pub closed: bool,
    /// Voters pick their name; otherwise they take the next "Voter N".
    pub named: bool,
    pub card: Option<RoomCard>,
    pub slots: Vec<PhoneSlot>,
    /// Whether a phone that holds no slot can still get one.
    pub can_join: bool,
    pub reveal: Option<RevealResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneSlot {
    pub participant: String,
    /// Empty in an anonymous session.
    pub name: String,
    /// 1-based, for "Voter N".
    pub number: usize,
    /// A phone holds this slot.
    pub joined: bool,
    pub voted: bool,
}

impl PhoneView {
    pub fn new(state: &RoomState, members: &Membership) -> PhoneView {
        let mut slots: Vec<PhoneSlot> = state
            .slots
            .iter()
            .enumerate()
            .map(|(i, s)| PhoneSlot {
                participant: s.participant.clone(),
                name: s.name.clone(),
                number: i + 1,
                joined: members.is_taken(&s.participant),
                voted: s.voted,
            })
            .collect();
        // Extra voters the app has not published yet still see their slot.
        for (participant, _) in members.claims() {
            if state.slot(participant).is_none() {
                slots.push(PhoneSlot {
                    participant: participant.to_string(),
                    name: String::new(),
                    number: slots.len() + 1,
                    joined: true,
                    voted: false,
                });
            }
        }
        let free = slots.iter().any(|s| !s.joined);
        let can_join = !state.closed
            && members.len() < ROOM_CAP
            && (free || (state.allow_extra && !state.named()));
        PhoneView {
            lang: state.lang,
            closed: state.closed,
            named: state.named(),
            card: state.card.clone(),
            slots,
            can_join,
            reveal: state.reveal.clone(),
        }
    }
}
