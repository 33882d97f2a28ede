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
    let mut out = Vec::new();
    let all_votes = VoteSummary::from_values(
        session
            .cards
            .iter()
            .flat_map(|c| c.shown_votes().values().copied()),
    );
    if let Some(avg) = all_votes.average {
        out.push(Line::from(Span::styled(
            fill(
                T::ProfileGut.get(lang),
                &[
                    ("avg", &decimal(avg, lang)),
                    ("low", Label::Vote1.get(lang)),
                    ("high", labels::vote_short(Label::Vote5, lang)),
                ],
            ),
            th.text(),
        )));
    }
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
    if !stances.is_empty() {
        let parts: Vec<String> = Stance::ALL
            .iter()
            .filter_map(|s| {
                stances
                    .get(s)
                    .map(|n| format!("{} {n}×", stance(*s).get(lang)))
            })
            .collect();
        out.push(Line::from(Span::styled(
            fill(
                T::ProfileDecisions.get(lang),
                &[("list", &parts.join(", "))],
            ),
            th.text(),
        )));
    }
    // In the team's order, most strained first.
    let mut strained: Vec<(usize, usize, String)> = session
        .principles
        .iter()
        .enumerate()
        .filter_map(|(i, p)| strained.get(p.id()).map(|n| (*n, i, names(p.id()))))
        .collect();
    strained.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if !strained.is_empty() {
        let parts: Vec<String> = strained
            .iter()
            .map(|(n, _, name)| format!("{name} {n}×"))
            .collect();
        out.push(Line::from(Span::styled(
            fill(T::ProfileStrained.get(lang), &[("list", &parts.join(", "))]),
            th.text(),
        )));
    }
    out
}
