//! The spread of gut-check votes as horizontal bars, with the average;
//! the numbers come from the domain's [`VoteSummary`].

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use crate::domain::session::VOTE_MIN;
use crate::domain::{CardProgress, Lang, VoteSummary};
use crate::i18n::format::decimal;
use crate::i18n::{fill, tui::T};
use crate::tui::theme::Theme;

/// One line per value: `1 ███████ 2`, then the average and range, and a
/// word when the room is split.
pub fn chart(
    votes: &BTreeMap<String, u8>,
    width: u16,
    lang: Lang,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = VoteSummary::of(votes);
    let most = s.counts.iter().copied().max().unwrap_or(0).max(1) as usize;
    let room = width.saturating_sub(10).clamp(1, 30) as usize;
    let mut out = Vec::new();
    for (i, n) in s.counts.iter().enumerate() {
        let value = i as u8 + VOTE_MIN;
        let bar = "█".repeat(*n as usize * room / most);
        out.push(Line::from(vec![
            Span::styled(format!(" {value} "), th.key()),
            Span::styled(bar, th.bar()),
            Span::raw(format!(" {n}")),
        ]));
    }
    if let (Some(avg), Some(lo), Some(hi)) = (s.average, s.min, s.max) {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            fill(
                T::VoteAverage.get(lang),
                &[
                    ("avg", &decimal(avg, lang)),
                    ("lo", &lo.to_string()),
                    ("hi", &hi.to_string()),
                ],
            ),
            th.heading(),
        )));
        if s.split {
            out.push(Line::from(Span::styled(
                T::VoteSplit.get(lang),
                th.notice(),
            )));
        }
    }
    out
}

/// A self-assessment's one vote: `Your vote: 2`.
pub fn yours(votes: &BTreeMap<String, u8>, lang: Lang) -> String {
    match votes.values().next() {
        Some(v) => fill(T::GutYourVote.get(lang), &[("v", &v.to_string())]),
        None => "–".into(),
    }
}

/// A card's votes in a table cell: `1–5 (avg 3.0)`, before the reveal
/// only `hidden (6/9)`, `–` without votes.
pub fn cell(p: &CardProgress, voters: usize, solo: bool, lang: Lang) -> String {
    match p.hidden(voters) {
        Some(h) => fill(
            T::VotesHiddenShort.get(lang),
            &[("n", &h.cast.to_string()), ("total", &h.voters.to_string())],
        ),
        None if solo => p
            .shown_votes()
            .values()
            .next()
            .map_or("–".into(), u8::to_string),
        None => summary(p.shown_votes(), lang),
    }
}

/// A card's votes in a sentence: the spread (or in a self-assessment the
/// one vote), before the reveal `votes hidden (6 of 9 in)`.
pub fn line(p: &CardProgress, voters: usize, solo: bool, lang: Lang) -> String {
    match p.hidden(voters) {
        Some(h) => fill(
            T::VotesHidden.get(lang),
            &[("n", &h.cast.to_string()), ("total", &h.voters.to_string())],
        ),
        None if solo => yours(p.shown_votes(), lang),
        None => summary(p.shown_votes(), lang),
    }
}

/// A compact spread for tables: `1–5 (avg 3.0)`, or `–` without votes.
pub fn summary(votes: &BTreeMap<String, u8>, lang: Lang) -> String {
    let s = VoteSummary::of(votes);
    let avg_w = T::VoteAverageShort.get(lang);
    match (s.average, s.min, s.max) {
        (Some(avg), Some(lo), Some(hi)) if lo == hi => {
            format!("{lo} ({avg_w} {})", decimal(avg, lang))
        }
        (Some(avg), Some(lo), Some(hi)) => format!("{lo}–{hi} ({avg_w} {})", decimal(avg, lang)),
        _ => "–".into(),
    }
}
