//! The policy draft's document parts in words, shared by the Markdown,
//! HTML and Word renderers: the document block, owners, next steps, and
//! the reasoning under each line. Returns plain text; each renderer
//! escapes it its own way.

use super::wording::{decimal, join_names};
use crate::domain::Lang;
use crate::domain::policy::{
    AgreedPractice, AreaSection, Commitment, DocumentBlock, PolicyDraft, PrincipleRef, Reasoning,
    RedLine, SplitVote, Superseded,
};
use crate::i18n::export::ExportMsg as M;
use crate::i18n::fill;
use crate::i18n::labels::Label;

/// The principles a line names, each through `each` and joined ("A, B
/// and C"), or that none was marked.
pub fn principle_list(principles: &[PrincipleRef], lang: Lang, each: fn(&str) -> String) -> String {
    if principles.is_empty() {
        return M::NoPrincipleMarked.get(lang).to_string();
    }
    let names: Vec<String> = principles.iter().map(|p| each(&p.name)).collect();
    join_names(&names, lang)
}

/// "The team chose no principles", or for one person without a team.
pub fn no_principles(policy: &PolicyDraft) -> M {
    if policy.document.self_assessment {
        M::NoPrinciplesSolo
    } else {
        M::NoPrinciples
    }
}

/// The draft notice: what the draft records, and to have it checked.
pub fn draft_notice(policy: &PolicyDraft) -> M {
    if policy.document.self_assessment {
        M::DraftNoticeSolo
    } else {
        M::DraftNotice
    }
}

/// The rows of the block a policy document opens with: label, value.
pub fn document_rows(policy: &PolicyDraft, lang: Lang) -> Vec<(&'static str, String)> {
    let d: &DocumentBlock = &policy.document;
    let or_blank = |s: &str| {
        if s.is_empty() {
            M::NotFilledIn.get(lang).to_string()
        } else {
            s.to_string()
        }
    };
    let mut people = d.participants.clone();
    if d.self_assessment {
        // "Self-assessment by Ann", never "1 anonymous voter".
        people = vec![crate::i18n::labels::session_kind(
            crate::domain::Mode::Solo,
            d.participants.first().map(String::as_str),
            lang,
        )];
    } else if d.anonymous > 0 {
        people.push(if d.anonymous == 1 {
            M::AnonymousVoter.get(lang).to_string()
        } else {
            fill(
                M::AnonymousVoters.get(lang),
                &[("n", &d.anonymous.to_string())],
            )
        });
    }
    let version = if d.version.is_empty() {
        M::DocFirstVersion.get(lang)
    } else {
        &d.version
    };
    vec![
        (M::DocOrganisation.get(lang), or_blank(&d.organisation)),
        (M::DocSessionDate.get(lang), d.session_date.clone()),
        (
            M::DocTookPart.get(lang),
            or_blank(&join_names(&people, lang)),
        ),
        (M::DocFacilitator.get(lang), or_blank(&d.facilitator)),
        (
            M::DocDeck.get(lang),
            format!("{} ({} {})", d.deck_title, d.deck_id, d.deck_version),
        ),
        (
            M::DocStatus.get(lang),
            M::DocStatusValue.get(lang).to_string(),
        ),
        (
            M::DocVersion.get(lang),
            fill(
                M::DocVersionDate.get(lang),
                &[("version", version), ("date", &d.updated)],
            ),
        ),
    ]
}

/// "Owner: Legal · Review by: 2027-03-01", or that none is assigned.
pub fn owner_line(area: &AreaSection, lang: Lang) -> String {
    let mut parts = vec![if area.owner.is_empty() {
        M::NoOwner.get(lang).to_string()
    } else {
        fill(M::OwnerLine.get(lang), &[("owner", &area.owner)])
    }];
    if !area.review.is_empty() {
        parts.push(fill(M::ReviewLine.get(lang), &[("date", &area.review)]));
    }
    parts.join(" · ")
}

/// The facts in words: "Votes split from 1 to 5; weighed against
/// Personal: in tension." None when there is nothing to say.
pub fn strain_sentence(r: &Reasoning, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if let Some([min, max]) = r.split {
        parts.push(fill(
            M::SplitFrom.get(lang),
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ));
    }
    let named = |ps: &[PrincipleRef], state: Label| -> Vec<String> {
        ps.iter()
            .map(|p| {
                fill(
                    M::PrincipleState.get(lang),
                    &[("name", &p.name), ("state", state.get(lang))],
                )
            })
            .collect()
    };
    let mut strained = named(&r.tension, Label::CheckTension);
    strained.extend(named(&r.violates, Label::CheckViolates));
    if !strained.is_empty() {
        parts.push(fill(
            M::WeighedAgainst.get(lang),
            &[("list", &join_names(&strained, lang))],
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let text = parts.join("; ");
    Some(format!("{}.", crate::i18n::labels::capitalised(&text)))
}

/// The team's rationale for a card, with the card named when a line has
/// several cards behind it.
pub fn rationale_line(r: &Reasoning, name_card: bool, lang: Lang) -> Option<String> {
    let text = r.rationale.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return None;
    }
    Some(if name_card {
        fill(
            M::RationaleOf.get(lang),
            &[("card", &r.card.title), ("text", &text)],
        )
    } else {
        text
    })
}

/// Everything to say under a line: rationale and strain per card.
pub fn reasoning_lines(reasons: &[Reasoning], lang: Lang) -> Vec<String> {
    let many = reasons.len() > 1;
    let mut out = Vec::new();
    for r in reasons {
        if let Some(why) = rationale_line(r, many, lang) {
            out.push(format!("{}: {why}", M::WhyLabel.get(lang)));
        }
        if let Some(s) = strain_sentence(r, lang) {
            out.push(if many {
                format!("{}: {s}", r.card.title)
            } else {
                s
            })
        }
    }
    out
}

/// The reasoning under each line of an area, in the order the renderers
/// write the lines: commitments, what was agreed, red lines. A card's
/// reasoning stands under the first line of the area it backs; later lines
/// from the same card name it in their trace, and say it only once.
pub struct AreaReasons {
    pub commitments: Vec<Vec<String>>,
    pub agreed: Vec<Vec<String>>,
    pub red_lines: Vec<Vec<String>>,
}

pub fn area_reasons(area: &AreaSection, lang: Lang) -> AreaReasons {
    let mut seen = std::collections::HashSet::new();
    let mut once = |reasons: &[Reasoning]| -> Vec<String> {
        let fresh: Vec<Reasoning> = reasons
            .iter()
            .filter(|r| seen.insert(r.card.id.clone()))
            .cloned()
            .collect();
        reasoning_lines(&fresh, lang)
    };
    AreaReasons {
        commitments: area
            .commitments
            .iter()
            .map(|c| once(&c.reasoning))
            .collect(),
        agreed: area
            .agreed
            .iter()
            .map(|a| once(std::slice::from_ref(&a.reasoning)))
            .collect(),
        red_lines: area
            .red_lines
            .iter()
            .map(|r| once(std::slice::from_ref(&r.reasoning)))
            .collect(),
    }
}

/// "Also our red line: no-go on Target." for a commitment that stands for
/// red lines too.
pub fn also_red_line(c: &Commitment, lang: Lang) -> Option<String> {
    if c.red_line_cards.is_empty() {
        return None;
    }
    let titles: Vec<String> = c.red_line_cards.iter().map(|r| r.title.clone()).collect();
    Some(fill(
        M::AlsoRedLine.get(lang),
        &[("cards", &join_names(&titles, lang))],
    ))
}

/// The line under a commitment for a lower-level one it was chosen over.
pub fn superseded_line(s: &Superseded, lang: Lang) -> String {
    let cards: Vec<String> = s.cards.iter().map(|c| c.title.clone()).collect();
    fill(
        M::Superseded.get(lang),
        &[("cards", &join_names(&cards, lang)), ("text", &s.text)],
    )
}

/// The safeguards an agreed item came with, if any.
pub fn agreed_safeguards(a: &AgreedPractice, lang: Lang) -> Option<String> {
    if a.safeguards.is_empty() {
        return None;
    }
    Some(fill(
        M::WithSafeguards.get(lang),
        &[("list", &join_names(&a.safeguards, lang))],
    ))
}

/// How far a split vote went: lowest, highest and the average.
pub fn split_line(s: &SplitVote, lang: Lang) -> String {
    fill(
        M::SplitLine.get(lang),
        &[
            ("min", &s.votes.min.unwrap_or_default().to_string()),
            ("max", &s.votes.max.unwrap_or_default().to_string()),
            (
                "average",
                &decimal(s.votes.average.unwrap_or_default(), lang),
            ),
        ],
    )
}

/// What became of a no-go's safeguards.
pub fn red_line_safeguards(r: &RedLine, lang: Lang) -> String {
    if r.kept_safeguards.is_empty() {
        M::NoSafeguardsRedLine.get(lang).to_string()
    } else {
        fill(
            M::KeptSafeguards.get(lang),
            &[("list", &join_names(&r.kept_safeguards, lang))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::CardRef;

    fn reasoning() -> Reasoning {
        Reasoning {
            card: CardRef {
                id: "t".into(),
                title: "Target".into(),
            },
            rationale: " Too\n creepy ".into(),
            split: Some([1, 5]),
            tension: vec![PrincipleRef {
                id: "personal".into(),
                name: "Personal".into(),
            }],
            violates: Vec::new(),
        }
    }

    #[test]
    fn strain_is_said_in_words() {
        assert_eq!(
            strain_sentence(&reasoning(), Lang::En).unwrap(),
            "Votes split from 1 to 5; weighed against Personal: in tension."
        );
        assert_eq!(
            strain_sentence(&reasoning(), Lang::Nl).unwrap(),
            "De stemmen liepen uiteen van 1 tot 5; afgewogen tegen Personal: schuurt."
        );
        assert_eq!(
            reasoning_lines(&[reasoning()], Lang::En)[0],
            "Why: Too creepy"
        );
    }
}
