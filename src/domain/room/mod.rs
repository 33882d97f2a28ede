//! The room: what the participants' phones may learn and what they may do.
//!
//! Pure: no sockets, no clock. The app publishes a [`RoomState`]; the room
//! server turns it, with its [`Membership`] book, into the [`PhoneView`]
//! every phone receives, and sends the app a [`RoomEvent`] for each thing a
//! phone did. No vote value is ever in a `RoomState` before the reveal, so
//! no phone can learn one.

mod membership;
mod screen;
mod view;

pub use membership::{JoinError, Joined, Membership, ROOM_CAP};
pub use screen::{
    NamedVote, ScreenCard, ScreenDecision, ScreenFact, ScreenOutcome, ScreenReveal, ScreenView,
    StoryStop, VoteCount,
};
pub use view::{PhoneSlot, PhoneView};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lang::{Lang, Text};
use super::session::{Stage, VOTE_MAX, VOTE_MIN};
use super::votes::VoteSummary;

/// A phone's identity as the app sees it: the hex SHA-256 of the device
/// token the phone keeps. The token itself never leaves the room server,
/// so a session file cannot be used to impersonate a phone.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct DeviceId(pub String);

/// Everything the app lets the room show. All a phone may ever learn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomState {
    /// The session's language; each phone may switch for itself.
    pub lang: Lang,
    /// The card being played; none between cards and at the end.
    pub card: Option<RoomCard>,
    /// The planned voters, in the session's order.
    pub slots: Vec<RoomSlot>,
    /// The revealed votes of the current card; none until the reveal.
    pub reveal: Option<RevealResult>,
    /// An anonymous session takes phones beyond the planned voters (up to
    /// [`ROOM_CAP`]); each extra phone gets a new slot.
    pub allow_extra: bool,
    /// The facilitator closed the room.
    pub closed: bool,
}

/// The card on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomCard {
    /// The card id; a vote names it, so a vote for another card is refused.
    pub id: String,
    pub title: Text,
    pub stage: Stage,
    /// 1-based position in the session, and the number of cards.
    pub number: usize,
    pub total: usize,
}

/// One voter's place in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSlot {
    /// The participant id (`p1`, …) votes are recorded under.
    pub participant: String,
    /// Empty in an anonymous session; shown as "Voter N" (N = position + 1).
    pub name: String,
    /// Whether this voter has voted on the current card. Never the value.
    pub voted: bool,
}

/// The votes of the current card, once the facilitator revealed them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevealResult {
    pub summary: VoteSummary,
    /// Who voted what, only when the facilitator chose to show names.
    pub names: Option<Vec<RevealedVote>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedVote {
    pub participant: String,
    pub value: u8,
}

/// What a phone did, for the app to apply through its usual update path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    /// A phone took (or took back) a slot. With `new_slot` the participant
    /// is not among the session's voters yet: an extra anonymous voter the
    /// app adds with this id.
    Joined {
        participant: String,
        device: DeviceId,
        new_slot: bool,
    },
    /// A vote, or a changed vote, already checked against the published
    /// state: the card is current, on its gut check, not yet revealed.
    Vote {
        participant: String,
        card: String,
        value: u8,
    },
    /// A phone gave its slot up ("Not you?").
    Left { participant: String },
}

/// Why a vote from a phone is refused. Nothing is stored for any of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteError {
    Closed,
    /// The value is not 1..=5.
    OutOfRange,
    /// No card is being played.
    NoCard,
    /// The vote names a card that is not the current one.
    OtherCard,
    /// The current card is not on its gut check.
    NotVoting,
    /// The votes are revealed; only the facilitator can reopen voting.
    Locked,
}

impl RoomState {
    /// An empty room in `lang`, for tests and for the moment before the app's first publish.
    pub fn new(lang: Lang) -> RoomState {
        RoomState {
            lang,
            card: None,
            slots: Vec::new(),
            reveal: None,
            allow_extra: false,
            closed: false,
        }
    }

    /// Whether voters pick their name (a session with named participants)
    /// rather than taking the next "Voter N".
    pub fn named(&self) -> bool {
        self.slots.iter().any(|s| !s.name.trim().is_empty())
    }

    pub fn slot(&self, participant: &str) -> Option<&RoomSlot> {
        self.slots.iter().find(|s| s.participant == participant)
    }

    /// Whether a vote of `value` on `card` may be taken now.
    pub fn check_vote(&self, card: &str, value: u8) -> Result<(), VoteError> {
        if self.closed {
            return Err(VoteError::Closed);
        }
        if !(VOTE_MIN..=VOTE_MAX).contains(&value) {
            return Err(VoteError::OutOfRange);
        }
        let current = self.card.as_ref().ok_or(VoteError::NoCard)?;
        if current.id != card {
            return Err(VoteError::OtherCard);
        }
        if self.reveal.is_some() {
            return Err(VoteError::Locked);
        }
        if current.stage != Stage::GutCheck {
            return Err(VoteError::NotVoting);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
