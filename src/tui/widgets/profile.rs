//! A short profile of the session: how the gut checks went on average, how
//! the decisions split over go … no-go, and which principles came under
//! strain most often. For a self-assessment it is the person's profile.

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use crate::domain::{Deck, Lang, PrincipleCheck, Session, Stance, VoteSummary};
use crate::i18n::export::stance;
use crate::i18n::format::decimal;
use crate::i18n::labels::{self, Label};
use crate::i18n::{fill, tui::T};
use crate::tui::theme::Theme;

pub fn lines(
    session: &Session,
    deck: &Deck,
    names: &dyn Fn(&str) -> String,
    lang: Lang,
    th: &Theme,
) -> Vec<Line<'static>> {
    let (stances, strained) = tally(session, deck);
    [
        gut_line(session, lang),
        stances_line(&stances, lang),
        strained_line(session, &strained, names, lang),
    ]
    .into_iter()
    .flatten()
    .map(|text| Line::from(Span::styled(text, th.text())))
    .collect()
}

/// How the revealed gut checks went on average.
fn gut_line(session: &Session, lang: Lang) -> Option<String> {
    let all_votes = VoteSummary::from_values(
        session
            .cards
            .iter()
            .flat_map(|c| c.shown_votes().values().copied()),
    );
    let avg = all_votes.average?;
    Some(fill(
        T::ProfileGut.get(lang),
        &[
            ("avg", &decimal(avg, lang)),
            ("low", Label::Vote1.get(lang)),
            ("high", labels::vote_short(Label::Vote5, lang)),
        ],
    ))
}

/// How often each stance was decided, and each principle strained or broken.
fn tally(session: &Session, deck: &Deck) -> (BTreeMap<Stance, usize>, BTreeMap<String, usize>) {
    let mut stances: BTreeMap<Stance, usize> = BTreeMap::new();
    let mut strained: BTreeMap<String, usize> = BTreeMap::new();
    for (p, card) in session.played_cards(deck) {
        if let Some(o) = p.decision.option.as_deref().and_then(|id| card.option(id)) {
            *stances.entry(o.stance).or_default() += 1;
        }
        for (id, check) in &p.decision.principles {
            if matches!(check, PrincipleCheck::Tension | PrincipleCheck::Violates) {
                *strained.entry(id.clone()).or_default() += 1;
            }
        }
    }
    (stances, strained)
}

/// "Decisions: go 2×, no-go 1×", in the stances' order.
fn stances_line(stances: &BTreeMap<Stance, usize>, lang: Lang) -> Option<String> {
    if stances.is_empty() {
        return None;
    }
    let parts: Vec<String> = Stance::ALL
        .iter()
        .filter_map(|s| {
            stances
                .get(s)
                .map(|n| format!("{} {n}×", stance(*s).get(lang)))
        })
        .collect();
    Some(fill(
        T::ProfileDecisions.get(lang),
        &[("list", &parts.join(", "))],
    ))
}

/// The principles under strain, most strained first, then in the team's order.
fn strained_line(
    session: &Session,
    strained: &BTreeMap<String, usize>,
    names: &dyn Fn(&str) -> String,
    lang: Lang,
) -> Option<String> {
    let mut strained: Vec<(usize, usize, String)> = session
        .principles
        .iter()
        .enumerate()
        .filter_map(|(i, p)| strained.get(p.id()).map(|n| (*n, i, names(p.id()))))
        .collect();
    strained.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if strained.is_empty() {
        return None;
    }
    let parts: Vec<String> = strained
        .iter()
        .map(|(n, _, name)| format!("{name} {n}×"))
        .collect();
    Some(fill(
        T::ProfileStrained.get(lang),
        &[("list", &parts.join(", "))],
    ))
}
