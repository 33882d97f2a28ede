//! A workshop session: everything the facilitator entered.

use std::collections::BTreeMap;

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::butcher::ButcherCheck;
use super::deck::{Card, Deck};
use super::lang::Lang;
use super::room::Membership;

/// The `format` field of every session file.
pub const SESSION_FORMAT: &str = "datakompas-session";
/// The session file version this build writes.
pub const SESSION_VERSION: u32 = 3;

/// The lowest and highest gut-check vote.
pub const VOTE_MIN: u8 = 1;
pub const VOTE_MAX: u8 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Always `datakompas-session`.
    pub format: String,
    pub version: u32,
    /// Date plus a slug of the title, e.g. `2026-11-29-brand-team`.
    pub id: String,
    pub title: String,
    pub mode: Mode,
    pub lang: Lang,
    #[schemars(with = "String")]
    pub created: Timestamp,
    #[schemars(with = "String")]
    pub updated: Timestamp,
    pub deck: DeckRef,
    pub participants: Vec<Participant>,
    /// The team's brand principles, in the order they chose them.
    pub principles: Vec<ChosenPrinciple>,
    pub minutes_per_card: u16,
    /// The selected cards in the order they are played.
    pub cards: Vec<CardProgress>,
    /// Where the session was left, so resume lands there.
    #[serde(default)]
    pub position: Position,
    /// Reveal a card's votes by itself once everyone has voted.
    #[serde(default, skip_serializing_if = "is_false")]
    pub auto_reveal: bool,
    /// Which phone holds which voter's slot in the room (participant id →
    /// a hash of the phone's device token, never the token), so phones
    /// rejoin their own slots when the room reopens.
    #[serde(default, skip_serializing_if = "Membership::is_empty")]
    pub room_members: Membership,
    /// Who owns what in the policy draft, and what happens next.
    #[serde(default, skip_serializing_if = "FollowUp::is_empty")]
    pub follow_up: FollowUp,
    /// The session clock: seconds the session was open in the app, on any
    /// screen. Time while the app is closed does not count.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seconds_elapsed: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Shown for the votes of a card that has not been revealed.
static NO_VOTES: BTreeMap<String, u8> = BTreeMap::new();

/// A card's votes before the reveal, as anything but the session file may
/// show them: how many are in, never their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiddenVotes {
    /// Votes cast so far.
    pub cast: usize,
    /// Voters in the session.
    pub voters: usize,
}

/// What the facilitator adds at the end so the draft can be handed on:
/// the document's details, owners and review dates, next steps.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The organisation or team the policy is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    /// The draft's own version, e.g. `0.1`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Owner and review date per policy area, in no particular order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<AreaOwner>,
    /// In the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<NextStep>,
}

impl FollowUp {
    pub fn is_empty(&self) -> bool {
        *self == FollowUp::default()
    }

    pub fn owner(&self, area: &str) -> Option<&AreaOwner> {
        self.owners.iter().find(|o| o.area == area)
    }

    /// The entry for an area, made when missing.
    pub fn owner_mut(&mut self, area: &str) -> &mut AreaOwner {
        let i = match self.owners.iter().position(|o| o.area == area) {
            Some(i) => i,
            None => {
                self.owners.push(AreaOwner {
                    area: area.to_string(),
                    ..AreaOwner::default()
                });
                self.owners.len() - 1
            }
        };
        &mut self.owners[i]
    }
}

/// Who answers for one policy area, and when it is looked at again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaOwner {
    /// The policy area's id in the framework.
    pub area: String,
    /// A name or a role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// As typed; `YYYY-MM-DD` is asked for but not enforced.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review: String,
}

/// What, who, by when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// Team session or self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Team,
    Solo,
}

/// Which deck the session was run with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeckRef {
    pub id: String,
    pub version: String,
    /// A user deck is kept in the session, so the session stays readable
    /// when the deck file moves. Built-in decks are not copied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<Deck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Stable key for votes: `p1`, `p2`, …
    pub id: String,
    /// Empty for anonymous voting; shown then as "Voter 1".
    #[serde(default)]
    pub name: String,
}

/// A brand principle the team chose: from the library, or their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "source", rename_all = "snake_case", deny_unknown_fields)]
pub enum ChosenPrinciple {
    Library {
        id: String,
    },
    Custom {
        id: String,
        name: String,
        meaning: String,
    },
}

impl ChosenPrinciple {
    pub fn id(&self) -> &str {
        match self {
            ChosenPrinciple::Library { id } | ChosenPrinciple::Custom { id, .. } => id,
        }
    }
}

/// A card's stages, in the order the loop visits them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Story,
    GutCheck,
    Discuss,
    Decide,
    Reveal,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Story,
        Stage::GutCheck,
        Stage::Discuss,
        Stage::Decide,
        Stage::Reveal,
    ];

    pub fn next(self) -> Option<Stage> {
        Stage::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Stage::ALL.get(i + 1).copied())
    }

    pub fn prev(self) -> Option<Stage> {
        Stage::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| i.checked_sub(1))
            .map(|i| Stage::ALL[i])
    }
}

/// Where in the session the facilitator is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Index into `cards`.
    pub card: usize,
    pub stage: Stage,
}

/// Everything recorded for one card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CardProgress {
    pub card: String,
    /// Participant id → vote from 1 (helpful, as expected) to 5 (creepy, unacceptable).
    #[serde(default)]
    pub votes: BTreeMap<String, u8>,
    /// Whether the votes have been shown to the room. Until then nothing
    /// but this file holds their values; afterwards they are locked until
    /// voting is reopened.
    #[serde(default)]
    pub revealed: bool,
    /// Whether the reveal showed who voted what; by default it shows only
    /// the spread.
    #[serde(default, skip_serializing_if = "is_false")]
    pub names_shown: bool,
    /// Time spent discussing, in seconds.
    #[serde(default)]
    pub seconds_spent: u32,
    /// Time the card was on screen, every stage together, in seconds: what
    /// the card really took against its timebox.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seconds_on_card: u32,
    #[serde(default)]
    pub decision: Decision,
    /// The butcher test as a check: point → yes, partly or no. Points the
    /// team did not answer are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub butcher: ButcherCheck,
}

impl CardProgress {
    pub fn new(card: impl Into<String>) -> Self {
        CardProgress {
            card: card.into(),
            votes: BTreeMap::new(),
            revealed: false,
            names_shown: false,
            seconds_spent: 0,
            seconds_on_card: 0,
            decision: Decision::default(),
            butcher: ButcherCheck::new(),
        }
    }

    /// The votes that may be shown: all of them once revealed, none before.
    /// Every screen and export reads votes through this (or [`Self::hidden`]).
    pub fn shown_votes(&self) -> &BTreeMap<String, u8> {
        if self.revealed {
            &self.votes
        } else {
            &NO_VOTES
        }
    }

    /// Before the reveal: how many of `voters` have voted; none when nobody
    /// has, or once the votes are revealed.
    pub fn hidden(&self, voters: usize) -> Option<HiddenVotes> {
        (!self.revealed && !self.votes.is_empty()).then(|| HiddenVotes {
            cast: self.votes.len(),
            voters: voters.max(self.votes.len()),
        })
    }

    pub fn status(&self) -> CardStatus {
        if self.decision.option.is_some() {
            CardStatus::Decided
        } else if !self.votes.is_empty() {
            CardStatus::Voted
        } else {
            CardStatus::NotStarted
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    NotStarted,
    Voted,
    Decided,
}

/// What the team decided their brand would do.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The chosen option's id; none while undecided.
    #[serde(default)]
    pub option: Option<String>,
    /// Safeguard ids the team attached, in framework order.
    #[serde(default)]
    pub safeguards: Vec<String>,
    /// Principle id → how the decision stands against it.
    #[serde(default)]
    pub principles: BTreeMap<String, PrincipleCheck>,
    #[serde(default)]
    pub rationale: String,
    /// On a no-go: the team keeps its safeguards for if the practice ever
    /// comes back. Otherwise a no-go's safeguards are set aside.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_safeguards: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrincipleCheck {
    Upholds,
    Tension,
    Violates,
}

impl PrincipleCheck {
    pub const ALL: [PrincipleCheck; 3] = [
        PrincipleCheck::Upholds,
        PrincipleCheck::Tension,
        PrincipleCheck::Violates,
    ];
}

impl Session {
    /// A self-assessment's person: its one participant's name, if given.
    pub fn person(&self) -> Option<&str> {
        match (self.mode, self.participants.as_slice()) {
            (Mode::Solo, [p]) if !p.name.trim().is_empty() => Some(p.name.trim()),
            _ => None,
        }
    }

    /// A fresh session over the given cards; `now` stamps created and updated.
    pub fn new(
        id: String,
        title: String,
        mode: Mode,
        lang: Lang,
        deck: DeckRef,
        now: Timestamp,
    ) -> Self {
        Session {
            format: SESSION_FORMAT.to_string(),
            version: SESSION_VERSION,
            id,
            title,
            mode,
            lang,
            created: now,
            updated: now,
            deck,
            participants: Vec::new(),
            principles: Vec::new(),
            minutes_per_card: 10,
            cards: Vec::new(),
            position: Position::default(),
            auto_reveal: false,
            room_members: Membership::new(),
            follow_up: FollowUp::default(),
            seconds_elapsed: 0,
        }
    }

    /// `n` anonymous participants, `p1`…`pn`.
    pub fn anonymous_participants(n: usize) -> Vec<Participant> {
        (1..=n)
            .map(|i| Participant {
                id: format!("p{i}"),
                name: String::new(),
            })
            .collect()
    }

    /// Named participants, `p1`…`pn` in the given order.
    pub fn named_participants<S: AsRef<str>>(names: &[S]) -> Vec<Participant> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| Participant {
                id: format!("p{}", i + 1),
                name: n.as_ref().trim().to_string(),
            })
            .collect()
    }

    /// A copy that holds only what was revealed: the votes of cards not yet
    /// revealed are left out. What leaves the app (exports) is made from it.
    pub fn shareable(&self) -> Session {
        let mut out = self.clone();
        // Which phone held which slot is nobody's business but the room's.
        out.room_members = Membership::new();
        for progress in &mut out.cards {
            if !progress.revealed {
                progress.votes.clear();
            }
        }
        out
    }

    /// Before the reveal of card `progress`: how many have voted.
    pub fn hidden_votes(&self, progress: &CardProgress) -> Option<HiddenVotes> {
        progress.hidden(self.participants.len())
    }

    /// Whether `id` is one of the team's chosen principles.
    pub fn has_principle(&self, id: &str) -> bool {
        self.principles.iter().any(|p| p.id() == id)
    }

    /// A copy without the checks cards hold for principles the team has not
    /// (or no longer) chosen. Those checks are kept in the session, so
    /// ticking a principle again brings them back, but nothing shows them.
    pub fn without_unchosen_checks(&self) -> Session {
        let mut out = self.clone();
        for progress in &mut out.cards {
            progress
                .decision
                .principles
                .retain(|id, _| self.has_principle(id));
        }
        out
    }

    pub fn progress(&self, card_id: &str) -> Option<&CardProgress> {
        self.cards.iter().find(|c| c.card == card_id)
    }

    /// How many cards have a decision, out of how many.
    pub fn decided_count(&self) -> (usize, usize) {
        let decided = self
            .cards
            .iter()
            .filter(|c| c.status() == CardStatus::Decided)
            .count();
        (decided, self.cards.len())
    }

    /// The deck this session was run with: its own copy, or the given built-in.
    pub fn deck<'a>(&'a self, builtin: &'a Deck) -> &'a Deck {
        self.deck.embedded.as_ref().unwrap_or(builtin)
    }

    /// The session's cards paired with their definitions; cards the deck
    /// no longer has are skipped.
    pub fn played_cards<'a>(
        &'a self,
        deck: &'a Deck,
    ) -> impl Iterator<Item = (&'a CardProgress, &'a Card)> + 'a {
        self.cards
            .iter()
            .filter_map(move |p| deck.card(&p.card).map(|c| (p, c)))
    }

    pub fn touch(&mut self, now: Timestamp) {
        self.updated = now;
    }
}

/// What the unit tests start from, so that each builds only what it tests.
#[cfg(test)]
impl Session {
    /// Session "s" of mode `mode` on deck "d" version 1, in English,
    /// started at the epoch, with no participants and no cards.
    pub(crate) fn for_tests(mode: Mode) -> Session {
        Session::new(
            "s".into(),
            "S".into(),
            mode,
            Lang::En,
            DeckRef {
                id: "d".into(),
                version: "1".into(),
                embedded: None,
            },
            Timestamp::UNIX_EPOCH,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_walk_in_order() {
        assert_eq!(Stage::Story.next(), Some(Stage::GutCheck));
        assert_eq!(Stage::Reveal.next(), None);
        assert_eq!(Stage::Story.prev(), None);
        assert_eq!(Stage::Reveal.prev(), Some(Stage::Decide));
    }

    #[test]
    fn status_follows_votes_and_decision() {
        let mut p = CardProgress::new("x");
        assert_eq!(p.status(), CardStatus::NotStarted);
        p.votes.insert("p1".into(), 3);
        assert_eq!(p.status(), CardStatus::Voted);
        p.decision.option = Some("no".into());
        assert_eq!(p.status(), CardStatus::Decided);
    }

    #[test]
    fn votes_stay_hidden_until_revealed() {
        let mut p = CardProgress::new("x");
        assert_eq!(p.hidden(3), None);
        p.votes.insert("p1".into(), 5);
        p.votes.insert("p2".into(), 1);
        assert!(p.shown_votes().is_empty());
        assert_eq!(p.hidden(3), Some(HiddenVotes { cast: 2, voters: 3 }));
        p.revealed = true;
        assert_eq!(p.shown_votes().len(), 2);
        assert_eq!(p.hidden(3), None);
    }

    #[test]
    fn a_shareable_copy_has_only_revealed_votes() {
        let mut s = Session::for_tests(Mode::Team);
        let mut open = CardProgress::new("a");
        open.votes.insert("p1".into(), 4);
        let mut shown = CardProgress::new("b");
        shown.votes.insert("p1".into(), 2);
        shown.revealed = true;
        s.cards = vec![open, shown];
        let shared = s.shareable();
        assert!(shared.cards[0].votes.is_empty());
        assert_eq!(shared.cards[1].votes.get("p1"), Some(&2));
        // The session itself keeps every vote.
        assert_eq!(s.cards[0].votes.get("p1"), Some(&4));
    }

    #[test]
    fn participants_get_stable_ids() {
        let named = Session::named_participants(&["Ann", " Bo "]);
        assert_eq!(
            named[1],
            Participant {
                id: "p2".into(),
                name: "Bo".into()
            }
        );
        assert_eq!(Session::anonymous_participants(3).len(), 3);
    }
}
