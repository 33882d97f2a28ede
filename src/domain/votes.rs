//! Gut-check vote statistics: counts, average, spread, and whether the
//! room was split. Shared by the exports and the app's screens.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::session::{VOTE_MAX, VOTE_MIN};

/// The spread (highest vote minus lowest) from which a vote counts as split.
pub const SPLIT_SPREAD: u8 = 3;

/// What the votes on one card add up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteSummary {
    /// How many votes of 1, 2, 3, 4 and 5 (index 0 is the number of 1s).
    pub counts: [u32; 5],
    /// Valid votes cast.
    pub total: u32,
    /// Mean of the valid votes; none without votes.
    pub average: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// Highest minus lowest vote; 0 with fewer than two votes.
    pub spread: u8,
    /// The room disagreed: the spread is [`SPLIT_SPREAD`] or more, e.g. a 1
    /// and a 4, or a 2 and a 5, so at least one person found it fine while
    /// another found it creepy.
    pub split: bool,
    /// Votes outside 1..=5 (a hand-edited file); left out of everything above.
    pub ignored: u32,
}

impl VoteSummary {
    /// Summarises a card's votes (participant id → vote).
    pub fn of(votes: &BTreeMap<String, u8>) -> VoteSummary {
        Self::from_values(votes.values().copied())
    }

    pub fn from_values(values: impl IntoIterator<Item = u8>) -> VoteSummary {
        let mut counts = [0u32; 5];
        let mut ignored = 0;
        for v in values {
            if (VOTE_MIN..=VOTE_MAX).contains(&v) {
                counts[usize::from(v - VOTE_MIN)] += 1;
            } else {
                ignored += 1;
            }
        }
        let total: u32 = counts.iter().sum();
        let value_of = |i: usize| VOTE_MIN + i as u8;
        let min = counts.iter().position(|&c| c > 0).map(value_of);
        let max = counts.iter().rposition(|&c| c > 0).map(value_of);
        let sum: u32 = counts
            .iter()
            .enumerate()
            .map(|(i, &c)| c * u32::from(value_of(i)))
            .sum();
        let average = (total > 0).then(|| f64::from(sum) / f64::from(total));
        let spread = match (min, max) {
            (Some(lo), Some(hi)) => hi - lo,
            _ => 0,
        };
        VoteSummary {
            counts,
            total,
            average,
            min,
            max,
            spread,
            split: spread >= SPLIT_SPREAD,
            ignored,
        }
    }

    /// The number of votes for `value` (1..=5); 0 outside that range.
    pub fn count(&self, value: u8) -> u32 {
        if (VOTE_MIN..=VOTE_MAX).contains(&value) {
            self.counts[usize::from(value - VOTE_MIN)]
        } else {
            0
        }
    }

    /// The largest count of any single value, for scaling charts.
    pub fn peak(&self) -> u32 {
        self.counts.iter().copied().max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(values: &[u8]) -> VoteSummary {
        VoteSummary::from_values(values.iter().copied())
    }

    #[test]
    fn no_votes_is_empty_and_not_split() {
        let s = summary(&[]);
        assert_eq!(s.total, 0);
        assert_eq!(s.average, None);
        assert_eq!(s.spread, 0);
        assert!(!s.split);
    }

    #[test]
    fn one_vote_is_never_split() {
        let s = summary(&[5]);
        assert_eq!(
            (s.min, s.max, s.spread, s.split),
            (Some(5), Some(5), 0, false)
        );
    }

    #[test]
    fn spread_of_two_is_not_split_three_is() {
        assert!(!summary(&[2, 4, 3]).split);
        assert!(!summary(&[3, 5]).split);
        assert!(summary(&[1, 4]).split);
        assert!(summary(&[2, 5, 5, 5]).split);
        assert!(summary(&[1, 5]).split);
    }

    #[test]
    fn counts_and_average() {
        let s = summary(&[1, 1, 3, 5, 5, 5]);
        assert_eq!(s.counts, [2, 0, 1, 0, 3]);
        assert_eq!(s.total, 6);
        assert_eq!(s.average, Some(20.0 / 6.0));
        assert_eq!(s.count(5), 3);
        assert_eq!(s.count(9), 0);
        assert_eq!(s.peak(), 3);
    }

    #[test]
    fn out_of_range_votes_are_ignored() {
        let s = summary(&[0, 6, 200, 2]);
        assert_eq!(s.total, 1);
        assert_eq!(s.ignored, 3);
        assert!(!s.split);
    }
}
