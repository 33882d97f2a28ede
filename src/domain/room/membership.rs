//! The membership book: which phone holds which voter's slot.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DeviceId, RoomState};

/// At most this many phones in one room, extra anonymous voters included.
pub const ROOM_CAP: usize = 100;

/// Which device holds which slot. The app keeps a copy in the session (it
/// learns every change from [`RoomEvent`](super::RoomEvent)s), and hands it
/// back when the room reopens, so phones rejoin their own slots.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Membership {
    /// Participant id → the device holding it.
    claims: BTreeMap<String, DeviceId>,
}

/// The slot a phone got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub participant: String,
    /// Not among the published slots: an extra anonymous voter.
    pub new_slot: bool,
    /// The device already held this slot (a reload, a lost connection).
    pub rejoined: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    Closed,
    /// A named session: the phone must say who it is.
    NameRequired,
    /// No voter with that id.
    UnknownName,
    /// Another phone holds that voter.
    Taken,
    /// Every slot is taken and no more may be added.
    Full,
}

impl Membership {
    pub fn new() -> Membership {
        Membership::default()
    }

    /// A book from saved (participant, device) pairs. A device named twice
    /// keeps only its last slot, so one phone never holds two votes.
    pub fn from_claims(claims: impl IntoIterator<Item = (String, DeviceId)>) -> Membership {
        let mut book = Membership::new();
        for (participant, device) in claims {
            book.claims.retain(|_, d| *d != device);
            book.claims.insert(participant, device);
        }
        book
    }

    pub fn claims(&self) -> impl Iterator<Item = (&str, &DeviceId)> {
        self.claims.iter().map(|(p, d)| (p.as_str(), d))
    }

    pub fn len(&self) -> usize {
        self.claims.len()
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// The participant a device holds.
    pub fn holder(&self, device: &DeviceId) -> Option<&str> {
        self.claims
            .iter()
            .find(|(_, d)| *d == device)
            .map(|(p, _)| p.as_str())
    }

    pub fn is_taken(&self, participant: &str) -> bool {
        self.claims.contains_key(participant)
    }

    /// A phone joins. A device that holds a slot gets it back whatever it
    /// asks for; otherwise a named session gives it the voter it `wanted`
    /// if free, an anonymous one the first free "Voter N", or, when the
    /// facilitator allows extra voters, a new slot up to [`ROOM_CAP`].
    pub fn join(
        &mut self,
        state: &RoomState,
        device: &DeviceId,
        wanted: Option<&str>,
    ) -> Result<Joined, JoinError> {
        if state.closed {
            return Err(JoinError::Closed);
        }
        if let Some(held) = self.holder(device) {
            return Ok(Joined {
                participant: held.to_string(),
                new_slot: state.slot(held).is_none(),
                rejoined: true,
            });
        }
        if self.claims.len() >= ROOM_CAP {
            return Err(JoinError::Full);
        }
        let (participant, new_slot) = if state.named() {
            let wanted = wanted.ok_or(JoinError::NameRequired)?;
            let slot = state.slot(wanted).ok_or(JoinError::UnknownName)?;
            if self.is_taken(&slot.participant) {
                return Err(JoinError::Taken);
            }
            (slot.participant.clone(), false)
        } else if let Some(free) = state.slots.iter().find(|s| !self.is_taken(&s.participant)) {
            (free.participant.clone(), false)
        } else if state.allow_extra {
            (self.next_id(state), true)
        } else {
            return Err(JoinError::Full);
        };
        self.claims.insert(participant.clone(), device.clone());
        Ok(Joined {
            participant,
            new_slot,
            rejoined: false,
        })
    }

    /// The facilitator frees a slot; the device that held it is returned.
    pub fn free(&mut self, participant: &str) -> Option<DeviceId> {
        self.claims.remove(participant)
    }

    /// A phone gives its slot up; the participant it held is returned.
    pub fn leave(&mut self, device: &DeviceId) -> Option<String> {
        let participant = self.holder(device)?.to_string();
        self.claims.remove(&participant);
        Some(participant)
    }

    /// The next unused `pN` id, after every published and pending slot.
    fn next_id(&self, state: &RoomState) -> String {
        let number = |id: &str| id.strip_prefix('p').and_then(|n| n.parse::<usize>().ok());
        let highest = state
            .slots
            .iter()
            .map(|s| s.participant.as_str())
            .chain(self.claims.keys().map(String::as_str))
            .filter_map(number)
            .max()
            .unwrap_or(0);
        format!("p{}", highest + 1)
    }
}
