//! The words both renderings of a comparison share: votes, cells, marks
//! and the one line of why per card. User text goes through `esc`, so the
//! Markdown can escape it and the terminal can clean it.

use crate::domain::compare::{Answer, CardComparison, Comparison, Person};
use crate::domain::{Lang, Mode, PrincipleCheck, Stance};
use crate::i18n::compare::{CompareMsg as M, short_stance};
use crate::i18n::export::{check, stance};
use crate::i18n::labels::{self, Label};

/// A vote in tenths as people read it: `4`, `4.3` (`4,3` in Dutch).
pub fn vote(tenths: u16, lang: Lang) -> String {
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        return whole.to_string();
    }
    let sep = if lang == Lang::Nl { ',' } else { '.' };
    format!("{whole}{sep}{tenth}")
}

/// One person's answer in a table cell: vote and short stance, `–` when skipped.
pub fn cell(answer: Option<&Answer>, lang: Lang) -> String {
    let Some(a) = answer else {
        return "–".to_string();
    };
    let parts: Vec<String> = a
        .vote_tenths
        .map(|v| vote(v, lang))
        .or_else(|| {
            a.hidden.map(|h| {
                M::Hidden.fill(
                    lang,
                    &[
                        ("cast", &h.cast.to_string()),
                        ("voters", &h.voters.to_string()),
                    ],
                )
            })
        })
        .into_iter()
        .chain(a.stance.map(|s| short_stance(s).get(lang).to_string()))
        .collect();
    parts.join(" ")
}

/// The marks of a card's differences, e.g. `disagree, split`.
pub fn marks(card: &CardComparison, lang: Lang) -> String {
    let mut marks = Vec::new();
    if card.stances_differ {
        marks.push(M::MarkDisagree.get(lang));
    }
    if card.split {
        marks.push(M::MarkSplit.get(lang));
    }
    if !card.principles.is_empty() {
        marks.push(M::MarkPrinciples.get(lang));
    }
    marks.join(", ")
}

pub fn person_kind(p: &Person, lang: Lang) -> String {
    let kind = labels::mode(p.mode).get(lang);
    match (p.mode, p.voters) {
        (Mode::Solo, _) => kind.to_string(),
        (Mode::Team, 1) => M::TeamOne.fill(lang, &[("kind", kind)]),
        (Mode::Team, n) => M::Team.fill(lang, &[("kind", kind), ("n", &n.to_string())]),
    }
}

/// The legend's first line: the gut check's scale.
pub fn scale(lang: Lang) -> String {
    M::Scale.fill(
        lang,
        &[
            ("stage", Label::StageGutCheck.title(lang)),
            ("scale", &labels::scale(lang)),
        ],
    )
}

/// Labels of the people whose answer passes `pick`, joined.
fn names_where(
    c: &Comparison,
    answers: &[Option<Answer>],
    pick: impl Fn(&Answer) -> bool,
    esc: &dyn Fn(&str) -> String,
) -> String {
    c.people
        .iter()
        .zip(answers)
        .filter(|(_, a)| a.as_ref().is_some_and(&pick))
        .map(|(p, _)| esc(&p.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn votes_part(card: &CardComparison, lang: Lang) -> Option<String> {
    let (lo, hi) = card.vote_range()?;
    let (min, max) = (vote(lo, lang), vote(hi, lang));
    Some(if card.split {
        M::WhySplit.fill(lang, &[("min", &min), ("max", &max)])
    } else if lo == hi {
        M::WhyVotesSame.fill(lang, &[("value", &min)])
    } else {
        M::WhyVotes.fill(lang, &[("min", &min), ("max", &max)])
    })
}

/// Why a card is on the agenda: who chose what, how far the votes lie
/// apart, which shared principles were judged differently.
pub fn why(
    c: &Comparison,
    card: &CardComparison,
    lang: Lang,
    esc: &dyn Fn(&str) -> String,
) -> String {
    let mut parts = Vec::new();
    if card.stances_differ {
        let list: Vec<String> = card
            .stances()
            .into_iter()
            .map(|s: Stance| {
                let names = names_where(c, &card.answers, |a| a.stance == Some(s), esc);
                M::WhyStanceBy.fill(lang, &[("stance", stance(s).get(lang)), ("names", &names)])
            })
            .collect();
        parts.push(M::WhyStances.fill(lang, &[("list", &list.join("; "))]));
    } else {
        parts.push(agreed_stance(card, lang));
    }
    parts.extend(votes_part(card, lang));
    let skipped: Vec<String> = c
        .people
        .iter()
        .zip(&card.answers)
        .filter(|(_, a)| a.is_none())
        .map(|(p, _)| esc(&p.label))
        .collect();
    if !skipped.is_empty() {
        parts.push(M::WhySkipped.fill(lang, &[("names", &skipped.join(", "))]));
    }
    for diff in &card.principles {
        let list: Vec<String> = PrincipleCheck::ALL
            .iter()
            .filter_map(|&k| {
                let names: Vec<String> = c
                    .people
                    .iter()
                    .zip(&diff.checks)
                    .filter(|(_, x)| **x == Some(k))
                    .map(|(p, _)| esc(&p.label))
                    .collect();
                (!names.is_empty()).then(|| {
                    M::WhyStanceBy.fill(
                        lang,
                        &[("stance", check(k).get(lang)), ("names", &names.join(", "))],
                    )
                })
            })
            .collect();
        parts.push(M::WhyPrinciple.fill(
            lang,
            &[("principle", &esc(&diff.name)), ("list", &list.join("; "))],
        ));
    }
    parts.join(" · ")
}

/// What everyone who decided chose, or that no one did.
fn agreed_stance(card: &CardComparison, lang: Lang) -> String {
    match card.stances().first() {
        Some(&s) => M::AllChose.fill(lang, &[("stance", stance(s).get(lang))]),
        None => M::NoneDecided.get(lang).to_string(),
    }
}
