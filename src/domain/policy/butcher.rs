//! Open questions from the butcher test: a decision to go ahead (with or
//! without safeguards) on a card whose check fails two or more points.

use serde::{Deserialize, Serialize};

use super::{CardRef, Played, card_ref};
use crate::domain::butcher::{ButcherAnswer, ButcherPoint, failed_halves, fails};
use crate::domain::deck::Stance;
use crate::domain::lang::Lang;

/// A go that the team's own butcher test speaks against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ButcherFail {
    pub card: CardRef,
    pub stance: Stance,
    /// Failed points in halves: a "no" is 2, a "partly" 1.
    pub failed_halves: u8,
    /// The points answered "no", in the test's order.
    pub no: Vec<ButcherPoint>,
    /// The points answered "partly", in the test's order.
    pub partly: Vec<ButcherPoint>,
}

pub(super) fn butcher_fails(played: &[Played], lang: Lang) -> Vec<ButcherFail> {
    played
        .iter()
        .filter(|p| matches!(p.stance, Some(Stance::Go | Stance::GoWithSafeguards)))
        .filter(|p| fails(&p.progress.butcher))
        .map(|p| {
            let answered = |a: ButcherAnswer| {
                ButcherPoint::ALL
                    .into_iter()
                    .filter(|pt| p.progress.butcher.get(pt) == Some(&a))
                    .collect()
            };
            ButcherFail {
                card: card_ref(p.card, lang),
                stance: p.stance.unwrap_or(Stance::Go),
                failed_halves: failed_halves(&p.progress.butcher),
                no: answered(ButcherAnswer::No),
                partly: answered(ButcherAnswer::Partly),
            }
        })
        .collect()
}
