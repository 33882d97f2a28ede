//! The butcher test as a check: the five things that make the butcher on
//! the corner acceptable, each answered yes, partly or no for a card.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the five points, in the order the butcher card names them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ButcherPoint {
    /// A visible relationship both ways: the customer knows the butcher too.
    TwoWay,
    /// The customer sees what the butcher knows about them.
    CustomerSees,
    /// What is known is used for the customer's own good.
    ServesCustomer,
    /// The butcher does not sell it on.
    NotSoldOn,
    /// The customer can walk to another shop.
    CanWalkAway,
}

impl ButcherPoint {
    pub const ALL: [ButcherPoint; 5] = [
        ButcherPoint::TwoWay,
        ButcherPoint::CustomerSees,
        ButcherPoint::ServesCustomer,
        ButcherPoint::NotSoldOn,
        ButcherPoint::CanWalkAway,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ButcherAnswer {
    Yes,
    Partly,
    No,
}

impl ButcherAnswer {
    pub const ALL: [ButcherAnswer; 3] =
        [ButcherAnswer::Yes, ButcherAnswer::Partly, ButcherAnswer::No];

    /// How much of a failed point the answer is, in halves: a "no" fails
    /// the point, a "partly" half of it, so two partlies weigh one no.
    pub fn failed_halves(self) -> u8 {
        match self {
            ButcherAnswer::Yes => 0,
            ButcherAnswer::Partly => 1,
            ButcherAnswer::No => 2,
        }
    }
}

/// The team's answers for one card; a point not answered is not there.
pub type ButcherCheck = BTreeMap<ButcherPoint, ButcherAnswer>;

/// From this many failed points a decision to go ahead is an open question.
pub const FAILED_POINTS_OPEN: u8 = 2;

/// Failed points in halves: each "no" 2, each "partly" 1.
pub fn failed_halves(check: &ButcherCheck) -> u8 {
    check.values().map(|a| a.failed_halves()).sum()
}

/// Whether the answers fail the test: two or more points, counting a
/// "partly" as half a point (two "no"s, one "no" and two "partly"s, four
/// "partly"s …). Unanswered points count for nothing.
pub fn fails(check: &ButcherCheck) -> bool {
    failed_halves(check) >= 2 * FAILED_POINTS_OPEN
}

#[cfg(test)]
mod tests {
    use super::ButcherAnswer::*;
    use super::ButcherPoint::*;
    use super::*;

    fn check(answers: &[(ButcherPoint, ButcherAnswer)]) -> ButcherCheck {
        answers.iter().copied().collect()
    }

    #[test]
    fn two_failed_points_fail_and_partly_counts_half() {
        assert!(!fails(&check(&[])));
        assert!(!fails(&check(&[(TwoWay, No)])));
        assert!(fails(&check(&[(TwoWay, No), (NotSoldOn, No)])));
        assert!(fails(&check(&[
            (TwoWay, No),
            (NotSoldOn, Partly),
            (CanWalkAway, Partly)
        ])));
        assert!(!fails(&check(&[(TwoWay, No), (NotSoldOn, Partly)])));
        assert!(!fails(&check(&[
            (TwoWay, Partly),
            (CustomerSees, Partly),
            (ServesCustomer, Partly),
            (NotSoldOn, Yes),
            (CanWalkAway, Yes)
        ])));
        assert!(fails(&check(&[
            (TwoWay, Partly),
            (CustomerSees, Partly),
            (ServesCustomer, Partly),
            (NotSoldOn, Partly)
        ])));
    }

    #[test]
    fn answers_are_stored_by_name() {
        let c = check(&[(CanWalkAway, Partly), (TwoWay, Yes)]);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"two_way":"yes","can_walk_away":"partly"}"#);
        let back: ButcherCheck = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
    }
}
