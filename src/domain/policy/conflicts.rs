//! Contradictions in a draft: a safeguard or a red line that rules out a
//! practice another decision allows (see the rules in [`super`]).

use super::{CardRef, Conflict, Contradiction, Played, card_ref};
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

/// The decisions allowing a practice that `excluded` rules out; `skip`
/// leaves one card out (a red line's own card).
fn conflicts(
    played: &[Played],
    excluded: &[PracticeTag],
    overlap: Overlap,
    skip: Option<&str>,
    lang: Lang,
) -> Vec<Conflict> {
    played
        .iter()
        .filter(|p| Some(p.card.id.as_str()) != skip)
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
        let conflicts = conflicts(played, &s.excludes, Overlap::Any, None, lang);
        if !conflicts.is_empty() {
            found.push(Contradiction::Safeguard {
                safeguard: s.id.clone(),
                commitment: s.commitment.get(lang).to_string(),
                chosen_on,
                conflicts,
            });
        }
    }
    for no_go in played.iter().filter(|p| p.stance == Some(Stance::NoGo)) {
        let conflicts = conflicts(
            played,
            &no_go.card.tags,
            Overlap::All,
            Some(&no_go.card.id),
            lang,
        );
        if !conflicts.is_empty() {
            found.push(Contradiction::RedLine {
                red_line: no_go.card.red_line.get(lang).to_string(),
                no_go_on: card_ref(no_go.card, lang),
                conflicts,
            });
        }
    }
    found
}
