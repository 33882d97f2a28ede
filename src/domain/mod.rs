//! Pure types and rules of the workshop. No terminal, no files, no clock:
//! anything time-dependent takes the time as an argument.

pub mod agenda;
pub mod butcher;
pub mod clock;
pub mod compare;
pub mod deck;
pub mod framework;
pub mod lang;
pub mod policy;
pub mod principle;
pub mod room;
pub mod session;
pub mod setup;
pub mod text;
pub mod votes;

pub use deck::{
    Agenda, Card, CardKind, DecisionOption, DecisionPoint, Deck, Fact, FactPart, PracticeTag,
    Source, Stance,
};
pub use framework::{Framework, GdprRef, PolicyArea, Safeguard};
pub use lang::{Lang, Text};
pub use policy::PolicyDraft;
pub use principle::{Leaning, PrincipleDef, PrincipleLibrary};
pub use session::{
    AreaOwner, CardProgress, CardStatus, ChosenPrinciple, Decision, FollowUp, Mode, NextStep,
    Participant, PrincipleCheck, Session, Stage,
};
pub use votes::VoteSummary;
