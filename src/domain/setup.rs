//! The rules a new session must meet, whoever sets it up: the command line
//! and the app check the same limits.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use super::session::{Mode, Session};

/// More voters than this is not a workshop any more.
pub const MAX_VOTERS: usize = 30;
/// Fewer principles than this hardly makes a compass…
pub const MIN_PRINCIPLES: usize = 3;
/// …and more than this is not one any more.
pub const MAX_PRINCIPLES: usize = 7;
/// The timebox per card, in minutes.
pub const MINUTES_PER_CARD: RangeInclusive<u16> = 1..=120;

/// What is wrong with a new session, first problem first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupProblem {
    EmptyTitle,
    /// A team session without voters.
    NoVoters,
    /// More than [`MAX_VOTERS`].
    TooManyVoters,
    /// A named voter whose name is empty.
    EmptyName,
    /// The same name twice (case does not count); the second spelling.
    DuplicateName(String),
    /// Outside [`MINUTES_PER_CARD`].
    Minutes,
    NoCards,
    /// More than [`MAX_PRINCIPLES`].
    TooManyPrinciples,
}

/// Whether one more named voter can join `names`: refused when the name is
/// empty or already there, or when the session is full.
pub fn check_new_name(names: &[String], name: &str) -> Result<(), SetupProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SetupProblem::EmptyName);
    }
    if names.iter().any(|n| same_name(n, name)) {
        return Err(SetupProblem::DuplicateName(name.to_string()));
    }
    if names.len() >= MAX_VOTERS {
        return Err(SetupProblem::TooManyVoters);
    }
    Ok(())
}

/// A list of voter names: none empty, none twice, not too many.
pub fn check_names(names: &[String]) -> Result<(), SetupProblem> {
    if names.iter().any(|n| n.trim().is_empty()) {
        return Err(SetupProblem::EmptyName);
    }
    let mut seen = BTreeSet::new();
    if let Some(dup) = names.iter().find(|n| !seen.insert(n.trim().to_lowercase())) {
        return Err(SetupProblem::DuplicateName(dup.trim().to_string()));
    }
    check_voter_count(names.len())
}

/// A number of voters from 1 to [`MAX_VOTERS`].
pub fn check_voter_count(n: usize) -> Result<(), SetupProblem> {
    match n {
        0 => Err(SetupProblem::NoVoters),
        n if n > MAX_VOTERS => Err(SetupProblem::TooManyVoters),
        _ => Ok(()),
    }
}

/// Every rule of a new session at once.
pub fn validate_setup(session: &Session) -> Result<(), SetupProblem> {
    if session.title.trim().is_empty() {
        return Err(SetupProblem::EmptyTitle);
    }
    if session.mode == Mode::Team {
        let names: Vec<String> = session
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect();
        if names.iter().all(|n| n.is_empty()) {
            check_voter_count(names.len())?;
        } else {
            check_names(&names)?;
        }
    }
    if !MINUTES_PER_CARD.contains(&session.minutes_per_card) {
        return Err(SetupProblem::Minutes);
    }
    if session.cards.is_empty() {
        return Err(SetupProblem::NoCards);
    }
    if session.principles.len() > MAX_PRINCIPLES {
        return Err(SetupProblem::TooManyPrinciples);
    }
    Ok(())
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::DeckRef;
    use crate::domain::{CardProgress, ChosenPrinciple, Lang};

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn team(participants: Vec<crate::domain::Participant>) -> Session {
        let deck = DeckRef {
            id: "d".into(),
            version: "1".into(),
            embedded: None,
        };
        let now = "2026-11-29T10:00:00Z".parse().unwrap();
        let mut s = Session::new("x".into(), "Team".into(), Mode::Team, Lang::Nl, deck, now);
        s.participants = participants;
        s.cards = vec![CardProgress::new("c1")];
        s
    }

    #[test]
    fn a_new_name_must_be_new_and_fit() {
        let ann = names(&["Ann", "Bo"]);
        assert_eq!(check_new_name(&ann, " Cem "), Ok(()));
        assert_eq!(
            check_new_name(&ann, "ann"),
            Err(SetupProblem::DuplicateName("ann".into()))
        );
        assert_eq!(check_new_name(&ann, "  "), Err(SetupProblem::EmptyName));
        let full: Vec<String> = (1..=MAX_VOTERS).map(|i| format!("v{i}")).collect();
        assert_eq!(
            check_new_name(&full, "new"),
            Err(SetupProblem::TooManyVoters)
        );
        assert_eq!(check_new_name(&full[1..], "new"), Ok(()));
    }

    #[test]
    fn name_lists_and_counts() {
        assert_eq!(check_names(&names(&["Ann", "Bo"])), Ok(()));
        assert_eq!(
            check_names(&names(&["Ann", "Bo", "ANN "])),
            Err(SetupProblem::DuplicateName("ANN".into()))
        );
        assert_eq!(
            check_names(&names(&["Ann", ""])),
            Err(SetupProblem::EmptyName)
        );
        assert_eq!(check_names(&[]), Err(SetupProblem::NoVoters));
        assert_eq!(check_voter_count(MAX_VOTERS), Ok(()));
        assert_eq!(
            check_voter_count(MAX_VOTERS + 1),
            Err(SetupProblem::TooManyVoters)
        );
    }

    #[test]
    fn a_whole_session_is_checked() {
        let ok = team(Session::named_participants(&["Ann", "Bo"]));
        assert_eq!(validate_setup(&ok), Ok(()));
        assert_eq!(
            validate_setup(&team(Session::anonymous_participants(MAX_VOTERS + 1))),
            Err(SetupProblem::TooManyVoters)
        );
        assert_eq!(
            validate_setup(&team(Session::named_participants(&["Ann", "ann"]))),
            Err(SetupProblem::DuplicateName("ann".into()))
        );
        assert_eq!(
            validate_setup(&team(Vec::new())),
            Err(SetupProblem::NoVoters)
        );
        let mut s = ok.clone();
        s.minutes_per_card = 0;
        assert_eq!(validate_setup(&s), Err(SetupProblem::Minutes));
        let mut s = ok.clone();
        s.cards.clear();
        assert_eq!(validate_setup(&s), Err(SetupProblem::NoCards));
        let mut s = ok.clone();
        s.principles = (0..=MAX_PRINCIPLES)
            .map(|i| ChosenPrinciple::Library {
                id: format!("p{i}"),
            })
            .collect();
        assert_eq!(validate_setup(&s), Err(SetupProblem::TooManyPrinciples));
        let mut s = ok;
        s.title = " ".into();
        assert_eq!(validate_setup(&s), Err(SetupProblem::EmptyTitle));
        // A self-assessment has its one voter by construction.
        let mut solo = team(Session::anonymous_participants(1));
        solo.mode = Mode::Solo;
        assert_eq!(validate_setup(&solo), Ok(()));
    }
}
