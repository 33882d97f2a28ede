//! Contradictions in a draft: a safeguard or a red line that rules out a
//! practice another decision allows (see the rules in [`super`]).

use std::collections::BTreeMap;

use super::{CardRef, Conflict, Contradiction, NoGo, Played, card_ref};
use crate::domain::deck::{PracticeTag, Stance};
use crate::domain::framework::Framework;
use crate::domain::lang::Lang;

fn allows(stance: Option<Stance>) -> bool {
    matches!(stance, Some(Stance::Go | Stance::GoWithSafeguards))
}

fn shared_tags(a: &[PracticeTag], b: &[PracticeTag]) -> Vec<PracticeTag> {
    let mut tags: Vec<PracticeTag> = a.iter().filter(|t| b.contains(t)).copied().collect();
    tags.sort();
    tags.dedup();
    tags
}

/// How much of a ruled-out practice a card must carry to go against it.
#[derive(Clone, Copy)]
enum Overlap {
    /// Any one tag: a safeguard excludes each of its tags on its own.
    Any,
    /// Every tag: a red line forbids the whole practice of its card.
    All,
}

/// The decisions allowing a practice that `excluded` rules out.
fn conflicts(
    played: &[Played],
    excluded: &[PracticeTag],
    overlap: Overlap,
    lang: Lang,
) -> Vec<Conflict> {
    played
        .iter()
        .filter_map(|p| {
            let stance = p.stance.filter(|s| allows(Some(*s)))?;
            let tags = shared_tags(excluded, &p.card.tags);
            let enough = match overlap {
                Overlap::Any => !tags.is_empty(),
                Overlap::All => !excluded.is_empty() && excluded.iter().all(|t| tags.contains(t)),
            };
            enough.then(|| Conflict {
                card: card_ref(p.card, lang),
                stance,
                tags,
            })
        })
        .collect()
}

pub(super) fn contradictions(
    played: &[Played],
    framework: &Framework,
    lang: Lang,
) -> Vec<Contradiction> {
    let mut found = safeguard_contradictions(played, framework, lang);
    found.extend(red_line_contradictions(played, lang));
    found
}

/// Safeguards some card committed to, against decisions that allow what
/// they exclude.
fn safeguard_contradictions(
    played: &[Played],
    framework: &Framework,
    lang: Lang,
) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for s in framework
        .safeguards
        .iter()
        .filter(|s| !s.excludes.is_empty())
    {
        let chosen_on: Vec<CardRef> = played
            .iter()
            .filter(|p| super::safeguards_stand(p))
            .filter(|p| p.progress.decision.safeguards.contains(&s.id))
            .map(|p| card_ref(p.card, lang))
            .collect();
        if chosen_on.is_empty() {
            continue;
        }
        // The card that chose the safeguard counts too: "no sharing" and a
        // go on sharing in one decision still contradict.
        let conflicts = conflicts(played, &s.excludes, Overlap::Any, lang);
        if !conflicts.is_empty() {
            found.push(Contradiction::Safeguard {
                safeguard: s.id.clone(),
                commitment: s.commitment.get(lang).to_string(),
                chosen_on,
                conflicts,
            });
        }
    }
    found
}

/// No-go cards grouped by the practice they forbid, in the order the
/// first of each was played.
fn no_gos_by_practice<'p, 'a>(
    played: &'p [Played<'a>],
) -> Vec<(Vec<PracticeTag>, Vec<&'p Played<'a>>)> {
    let mut by_practice: Vec<(Vec<PracticeTag>, Vec<&Played>)> = Vec::new();
    let mut index: BTreeMap<Vec<PracticeTag>, usize> = BTreeMap::new();
    for no_go in played.iter().filter(|p| p.stance == Some(Stance::NoGo)) {
        let mut tags = no_go.card.tags.clone();
        tags.sort();
        tags.dedup();
        let at = *index.entry(tags.clone()).or_insert_with(|| {
            by_practice.push((tags, Vec::new()));
            by_practice.len() - 1
        });
        by_practice[at].1.push(no_go);
    }
    by_practice
}

/// Red lines against go decisions on the same practice. No-go cards that
/// forbid the same practice conflict with the same go cards: one entry
/// names them all.
fn red_line_contradictions(played: &[Played], lang: Lang) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for (tags, no_gos) in no_gos_by_practice(played) {
        // A no-go card is never a go, so leaving them out changes nothing
        // but the work.
        let conflicts = conflicts(played, &tags, Overlap::All, lang);
        if !conflicts.is_empty() {
            found.push(Contradiction::RedLine {
                tags,
                no_go_on: no_gos
                    .iter()
                    .map(|p| NoGo {
                        card: card_ref(p.card, lang),
                        red_line: p.card.red_line.get(lang).to_string(),
                    })
                    .collect(),
                conflicts,
            });
        }
    }
    found
}
