//! The spread of gut-check votes as horizontal bars, with the average.

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use crate::domain::Lang;
use crate::domain::session::{VOTE_MAX, VOTE_MIN};
use crate::i18n::{fill, tui::T};
use crate::tui::theme::Theme;

/// How many votes each value got, from 1 to 5.
pub fn counts(votes: &BTreeMap<String, u8>) -> [usize; 5] {
    let mut out = [0; 5];
    for v in votes.values() {
        if (VOTE_MIN..=VOTE_MAX).contains(v) {
            out[(*v - VOTE_MIN) as usize] += 1;
        }
    }
    out
}

pub fn average(votes: &BTreeMap<String, u8>) -> Option<f64> {
    if votes.is_empty() {
        return None;
    }
    Some(votes.values().map(|v| f64::from(*v)).sum::<f64>() / votes.len() as f64)
}

/// `3.2`, with a decimal comma in Dutch.
pub fn number(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    match lang {
        Lang::En => s,
        Lang::Nl => s.replace('.', ","),
    }
}

/// One line per value: `1 ███████ 2`, then the average and range.
pub fn chart(
    votes: &BTreeMap<String, u8>,
    width: u16,
    lang: Lang,
    th: &Theme,
) -> Vec<Line<'static>> {
    let counts = counts(votes);
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let room = width.saturating_sub(10).clamp(1, 30) as usize;
    let mut out = Vec::new();
    for (i, n) in counts.iter().enumerate() {
        let value = i as u8 + VOTE_MIN;
        let bar = "█".repeat(n * room / most);
        out.push(Line::from(vec![
            Span::styled(format!(" {value} "), th.key()),
            Span::styled(bar, th.bar()),
            Span::raw(format!(" {n}")),
        ]));
    }
    if let Some(avg) = average(votes) {
        let lo = votes.values().min().copied().unwrap_or(0);
        let hi = votes.values().max().copied().unwrap_or(0);
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            fill(
                T::VoteAverage.get(lang),
                &[
                    ("avg", &number(avg, lang)),
                    ("lo", &lo.to_string()),
                    ("hi", &hi.to_string()),
                ],
            ),
            th.heading(),
        )));
    }
    out
}

/// A compact spread for tables: `1·2·3·4·5` counts as `0 1 2 1 0`, plus average.
pub fn summary(votes: &BTreeMap<String, u8>, lang: Lang) -> String {
    match average(votes) {
        None => "–".into(),
        Some(avg) => {
            let lo = votes.values().min().copied().unwrap_or(0);
            let hi = votes.values().max().copied().unwrap_or(0);
            if lo == hi {
                format!("{lo} (ø {})", number(avg, lang))
            } else {
                format!("{lo}–{hi} (ø {})", number(avg, lang))
            }
        }
    }
}
