//! The draft data-policy summary, derived from a session's decisions.
//!
//! Nothing here is free text: every commitment, red line and open question
//! points back to the card(s) and principle(s) it came from. The rules, in
//! the order [`draft`] applies them:
//!
//! - A card counts as *decided* when its decision names an option the card
//!   has. Everything else is undecided and becomes an open question.
//! - Every safeguard chosen on a decided card becomes a commitment in the
//!   safeguard's policy area, worded by the framework. A no-go's safeguards
//!   are set aside (the red line says it all) unless the team kept them for
//!   if the practice ever comes back. The same safeguard on several cards
//!   is one commitment listing all those cards.
//! - A commitment is traced to the principles that the decisions behind it
//!   marked *upholds*, in the order the team chose its principles.
//! - Safeguards that share a `topic` set competing bars: only the highest
//!   `level` chosen stands; lower ones are kept on it as *superseded*, with
//!   the cards that set them.
//! - A go, go-with-safeguards or redesign decision is also recorded as what
//!   the team agreed to do: the card's practice in general terms
//!   (`policy_practice`, never the case), the option and its description,
//!   under the card's first policy area.
//! - A no-go decision gives a red line: the card's `red_line`. When a
//!   standing commitment rules out a practice the card carries (its
//!   `excludes` meets the card's tags), the commitment already bars what
//!   the red line bars and more: the two become one line, in the
//!   commitment's wording, traced to both.
//! - Open questions: undecided cards; split votes (see
//!   [`VoteSummary::split`]); decisions that are not a no-go but marked a
//!   principle *tension* or *violates*; and contradictions — a safeguard
//!   that excludes a practice while a card with that practice got a go (or
//!   go with safeguards), also on the same card; and a red line on a card
//!   while another card that does everything that card does (it carries all
//!   of its practice tags) got a go. Sharing one broad tag is not enough:
//!   "no birthday mails" does not contradict "go" on an unrelated profile.
//!   Each safeguard or red line is one contradiction listing every such card.
//!   And a go or go-with-safeguards on a card whose butcher test fails two
//!   or more points, a "no" counting as a failed point and a "partly" as
//!   half of one (see [`crate::domain::butcher::fails`]).
//!
//! Orders are stable: areas in framework order, commitments in framework
//! safeguard order, cards in play order, principles in the team's order.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::deck::{Card, DecisionOption, Deck, PracticeTag, Stance};
use super::framework::{Framework, Safeguard};
use super::lang::Lang;
use super::principle::PrincipleLibrary;
use super::session::{CardProgress, CardStatus, ChosenPrinciple, PrincipleCheck, Session};
use super::votes::VoteSummary;

mod butcher;
mod conflicts;
mod document;

pub use butcher::ButcherFail;
use conflicts::contradictions;
pub use document::{DocumentBlock, NextStepLine, Reasoning};

/// The whole draft, with every text already in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyDraft {
    pub lang: Lang,
    pub session_title: String,
    pub document: DocumentBlock,
    /// Cards with a decision, and cards played in all.
    pub decided: usize,
    pub cards: usize,
    pub principles: Vec<PrincipleEntry>,
    /// Framework areas in order, each with its GDPR references, even when
    /// the team made no commitment there yet.
    pub areas: Vec<AreaSection>,
    pub red_lines: Vec<RedLine>,
    pub open_questions: OpenQuestions,
    /// What, who, by when, as the facilitator listed them.
    pub next_steps: Vec<NextStepLine>,
}

/// A brand principle the team chose, with what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleEntry {
    pub id: String,
    pub name: String,
    pub meaning: String,
    /// Written by the team rather than taken from the library.
    pub custom: bool,
}

/// A card, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRef {
    pub id: String,
    pub title: String,
}

/// A principle, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrincipleRef {
    pub id: String,
    pub name: String,
}

/// One policy area of the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaSection {
    pub id: String,
    pub title: String,
    /// The question this part of the policy answers.
    pub question: String,
    /// Who answers for this area (a name or a role); may be empty.
    pub owner: String,
    /// When it is reviewed, as typed; may be empty.
    pub review: String,
    pub gdpr: Vec<GdprLine>,
    /// Other law than the GDPR that bears on this area.
    pub other_law: Vec<GdprLine>,
    pub commitments: Vec<Commitment>,
    /// What the team agreed to do in this area (go, go with safeguards,
    /// redesign), card by card.
    pub agreed: Vec<AgreedPractice>,
    /// The red lines drawn on cards about this area; the full list also
    /// stands in [`PolicyDraft::red_lines`].
    pub red_lines: Vec<RedLine>,
}

impl AreaSection {
    pub fn is_empty(&self) -> bool {
        self.commitments.is_empty() && self.agreed.is_empty() && self.red_lines.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GdprLine {
    pub article: String,
    pub summary: String,
}

/// "We …": one safeguard the team committed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub safeguard: String,
    pub label: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub level: u8,
    /// The cards whose decisions chose it, in play order.
    pub cards: Vec<CardRef>,
    /// Principles those decisions marked as upheld.
    pub principles: Vec<PrincipleRef>,
    /// Weaker bars on the same topic that this one overrides.
    pub superseded: Vec<Superseded>,
    /// No-go cards whose red line this commitment also stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_line_cards: Vec<CardRef>,
    /// The team's reasoning on each card behind it, in play order.
    pub reasoning: Vec<Reasoning>,
}

/// A lower bar that a stricter commitment overrides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Superseded {
    pub safeguard: String,
    pub label: String,
    pub text: String,
    pub level: u8,
    pub cards: Vec<CardRef>,
}

/// A practice the team said their brand would do, and in what form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreedPractice {
    pub card: CardRef,
    pub stance: Stance,
    /// The card's practice in general terms (`policy_practice`).
    pub practice: String,
    /// The chosen option's label and what it means.
    pub option: String,
    pub description: String,
    /// Labels of the safeguards chosen with it.
    pub safeguards: Vec<String>,
    pub principles: Vec<PrincipleRef>,
    pub reasoning: Reasoning,
}

/// "We do not …", from a no-go decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedLine {
    /// The card's red line, or the wording of the commitment it merged into.
    pub text: String,
    pub card: CardRef,
    /// Principles the no-go was marked as upholding.
    pub principles: Vec<PrincipleRef>,
    /// The safeguard id of the commitment that stands for this red line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// Safeguard labels the team kept for if the practice ever comes back.
    pub kept_safeguards: Vec<String>,
    /// Safeguard labels ticked on the no-go but set aside.
    pub set_aside_safeguards: Vec<String>,
    pub reasoning: Reasoning,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OpenQuestions {
    pub undecided: Vec<Undecided>,
    pub split_votes: Vec<SplitVote>,
    pub tensions: Vec<AcceptedTension>,
    pub contradictions: Vec<Contradiction>,
    /// Go decisions that fail the team's own butcher test.
    #[serde(default)]
    pub butcher: Vec<ButcherFail>,
}

impl OpenQuestions {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.undecided.len()
            + self.split_votes.len()
            + self.tensions.len()
            + self.contradictions.len()
            + self.butcher.len()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undecided {
    pub card: CardRef,
    pub status: CardStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitVote {
    pub card: CardRef,
    pub votes: VoteSummary,
}

/// A decision taken although it strains or breaks a principle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedTension {
    pub card: CardRef,
    pub stance: Stance,
    pub tension: Vec<PrincipleRef>,
    pub violates: Vec<PrincipleRef>,
    /// The team's principles this decision was not weighed against.
    #[serde(default)]
    pub not_judged: Vec<PrincipleRef>,
}

/// A commitment or red line that decisions on other cards go against.
/// One per commitment or red line, listing every decision that conflicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Contradiction {
    /// A safeguard rules out a practice that decisions allow.
    Safeguard {
        safeguard: String,
        commitment: String,
        chosen_on: Vec<CardRef>,
        conflicts: Vec<Conflict>,
    },
    /// Red lines on one practice, a go on other cards with that practice.
    /// No-go cards whose practice is the same share one entry, so the list
    /// grows with the practices, not with no-go cards times go cards.
    RedLine {
        /// The practice tags every one of these red lines forbids.
        tags: Vec<PracticeTag>,
        no_go_on: Vec<NoGo>,
        conflicts: Vec<Conflict>,
    },
}

/// A no-go card and the red line it drew, in a contradiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoGo {
    pub card: CardRef,
    pub red_line: String,
}

impl Contradiction {
    pub fn conflicts(&self) -> &[Conflict] {
        match self {
            Contradiction::Safeguard { conflicts, .. }
            | Contradiction::RedLine { conflicts, .. } => conflicts,
        }
    }
}

/// A go (or go with safeguards) on a card, and the practices it shares
/// with the commitment or red line it goes against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub card: CardRef,
    pub stance: Stance,
    pub tags: Vec<PracticeTag>,
}

/// A played card with its decision resolved against the deck.
struct Played<'a> {
    progress: &'a CardProgress,
    card: &'a Card,
    /// The chosen option, when the card is decided.
    option: Option<&'a DecisionOption>,
    stance: Option<Stance>,
    /// The lowest and highest vote when the votes split; worked out once,
    /// as every commitment a card stands behind repeats its reasoning.
    split: Option<[u8; 2]>,
}

/// Builds the draft. Pure and deterministic.
pub fn draft(
    session: &Session,
    deck: &Deck,
    framework: &Framework,
    library: &PrincipleLibrary,
    lang: Lang,
) -> PolicyDraft {
    let played = played(session, deck);
    let names = PrincipleNames::new(session, library, lang);
    let mut areas = empty_areas(framework, lang);
    for commitment in commitments(&played, framework, &names, lang) {
        let area = framework
            .safeguard(&commitment.safeguard)
            .map(|s| s.area.as_str())
            .unwrap_or_default();
        section(&mut areas, area).commitments.push(commitment);
    }
    for p in &played {
        if let Some(agreed) = agreed_practice(p, framework, &names, lang) {
            section(&mut areas, home_area(p.card, framework))
                .agreed
                .push(agreed);
        }
    }
    let red_lines = place_red_lines(&played, &mut areas, framework, &names, lang);
    for area in &mut areas {
        if let Some(o) = session.follow_up.owner(&area.id) {
            area.owner = o.owner.trim().to_string();
            area.review = o.review.trim().to_string();
        }
    }

    PolicyDraft {
        lang,
        session_title: session.title.clone(),
        document: document::document(session, deck, lang),
        next_steps: document::next_steps(session),
        decided: played.iter().filter(|p| p.stance.is_some()).count(),
        cards: played.len(),
        red_lines,
        open_questions: open_questions(&played, framework, &names, lang),
        principles: names.entries,
        areas,
    }
}

/// The played cards the deck has, each with its decision resolved.
fn played<'a>(session: &'a Session, deck: &'a Deck) -> Vec<Played<'a>> {
    // The deck's cards by id, the first of an id as `Deck::card` finds it:
    // one lookup per played card instead of a scan of the deck each.
    let mut by_id: HashMap<&str, &Card> = HashMap::with_capacity(deck.cards.len());
    for card in &deck.cards {
        by_id.entry(card.id.as_str()).or_insert(card);
    }
    session
        .cards
        .iter()
        .filter_map(|p| Some((p, *by_id.get(p.card.as_str())?)))
        .map(|(progress, card)| {
            let option = progress
                .decision
                .option
                .as_deref()
                .and_then(|id| card.option(id));
            Played {
                progress,
                card,
                option,
                stance: option.map(|o| o.stance),
                split: document::split(progress),
            }
        })
        .collect()
}

/// Every no-go card's red line, each placed in its area unless a
/// commitment there already bars the same: then that commitment's
/// wording stands for it.
fn place_red_lines(
    played: &[Played],
    areas: &mut Vec<AreaSection>,
    framework: &Framework,
    names: &PrincipleNames,
    lang: Lang,
) -> Vec<RedLine> {
    let mut red_lines = Vec::new();
    for p in played.iter().filter(|p| p.stance == Some(Stance::NoGo)) {
        let mut line = red_line(p, framework, names, lang);
        if let Some(c) = covering_commitment(areas, p, framework) {
            // One line for one bar: the commitment's wording stands.
            c.red_line_cards.push(line.card.clone());
            line.text = c.text.clone();
            line.merged_into = Some(c.safeguard.clone());
        } else {
            section(areas, home_area(p.card, framework))
                .red_lines
                .push(line.clone());
        }
        red_lines.push(line);
    }
    red_lines
}

/// Every framework area in order, with its GDPR references and nothing
/// committed yet.
fn empty_areas(framework: &Framework, lang: Lang) -> Vec<AreaSection> {
    framework
        .areas
        .iter()
        .map(|a| AreaSection {
            id: a.id.clone(),
            title: a.title.get(lang).to_string(),
            question: a.question.get(lang).to_string(),
            gdpr: a
                .gdpr
                .iter()
                .map(|g| GdprLine {
                    article: g.article.clone(),
                    summary: g.summary.get(lang).to_string(),
                })
                .collect(),
            other_law: framework
                .other_law
                .iter()
                .filter(|l| l.areas.contains(&a.id))
                .map(|l| GdprLine {
                    article: l.citation.clone(),
                    summary: l.summary.get(lang).to_string(),
                })
                .collect(),
            owner: String::new(),
            review: String::new(),
            commitments: Vec::new(),
            agreed: Vec::new(),
            red_lines: Vec::new(),
        })
        .collect()
}

/// The standing commitment that rules out a practice this no-go card
/// carries, and so bars everything its red line bars; the first in
/// framework order.
fn covering_commitment<'a>(
    areas: &'a mut [AreaSection],
    p: &Played,
    framework: &Framework,
) -> Option<&'a mut Commitment> {
    areas
        .iter_mut()
        .flat_map(|a| a.commitments.iter_mut())
        .find(|c| {
            framework
                .safeguard(&c.safeguard)
                .is_some_and(|s| s.excludes.iter().any(|t| p.card.tags.contains(t)))
        })
}

/// What a go, go-with-safeguards or redesign decision agreed to do.
fn agreed_practice(
    p: &Played,
    framework: &Framework,
    names: &PrincipleNames,
    lang: Lang,
) -> Option<AgreedPractice> {
    let option = p.option.filter(|o| o.stance != Stance::NoGo)?;
    Some(AgreedPractice {
        card: card_ref(p.card, lang),
        stance: option.stance,
        practice: p.card.policy_practice.get(lang).to_string(),
        option: option.label.get(lang).to_string(),
        description: option.description.get(lang).to_string(),
        safeguards: chosen_safeguards(p, framework)
            .map(|s| s.label.get(lang).to_string())
            .collect(),
        principles: names.marked(p.progress, PrincipleCheck::Upholds),
        reasoning: document::reasoning(p, names, lang),
    })
}

/// The area a card's decision is filed under: its first area the framework
/// knows.
fn home_area<'a>(card: &'a Card, framework: &Framework) -> &'a str {
    card.areas
        .iter()
        .find(|a| framework.area(a).is_some())
        .or(card.areas.first())
        .map(String::as_str)
        .unwrap_or_default()
}

/// The red line a no-go decision draws.
fn red_line(p: &Played, framework: &Framework, names: &PrincipleNames, lang: Lang) -> RedLine {
    let labels: Vec<String> = framework
        .safeguards
        .iter()
        .filter(|s| p.progress.decision.safeguards.contains(&s.id))
        .map(|s| s.label.get(lang).to_string())
        .collect();
    let (kept_safeguards, set_aside_safeguards) = if p.progress.decision.keep_safeguards {
        (labels, Vec::new())
    } else {
        (Vec::new(), labels)
    };
    RedLine {
        text: p.card.red_line.get(lang).to_string(),
        card: card_ref(p.card, lang),
        principles: names.marked(p.progress, PrincipleCheck::Upholds),
        merged_into: None,
        kept_safeguards,
        set_aside_safeguards,
        reasoning: document::reasoning(p, names, lang),
    }
}

fn open_questions(
    played: &[Played],
    framework: &Framework,
    names: &PrincipleNames,
    lang: Lang,
) -> OpenQuestions {
    OpenQuestions {
        undecided: played
            .iter()
            .filter(|p| p.stance.is_none())
            .map(|p| Undecided {
                card: card_ref(p.card, lang),
                status: if p.progress.votes.is_empty() {
                    CardStatus::NotStarted
                } else {
                    CardStatus::Voted
                },
            })
            .collect(),
        split_votes: played
            .iter()
            .filter_map(|p| {
                // Unrevealed votes are nobody's to see, split or not.
                let votes = VoteSummary::of(p.progress.shown_votes());
                votes.split.then(|| SplitVote {
                    card: card_ref(p.card, lang),
                    votes,
                })
            })
            .collect(),
        tensions: played
            .iter()
            .filter_map(|p| {
                let stance = p.stance?;
                // Saying no to a practice that strains a principle is the
                // principle at work, not a tension the team accepted.
                let (tension, violates) = if stance == Stance::NoGo {
                    (Vec::new(), Vec::new())
                } else {
                    (
                        names.marked(p.progress, PrincipleCheck::Tension),
                        names.marked(p.progress, PrincipleCheck::Violates),
                    )
                };
                let not_judged = names.unjudged(p.progress);
                (!tension.is_empty() || !violates.is_empty() || !not_judged.is_empty()).then(|| {
                    AcceptedTension {
                        card: card_ref(p.card, lang),
                        stance,
                        tension,
                        violates,
                        not_judged,
                    }
                })
            })
            .collect(),
        contradictions: contradictions(played, framework, lang),
        butcher: butcher::butcher_fails(played, lang),
    }
}

/// The section for an area id; an id the framework lacks gets its own
/// section at the end rather than being dropped.
fn section<'a>(areas: &'a mut Vec<AreaSection>, id: &str) -> &'a mut AreaSection {
    let index = match areas.iter().position(|a| a.id == id) {
        Some(i) => i,
        None => {
            areas.push(AreaSection {
                id: id.to_string(),
                title: id.to_string(),
                question: String::new(),
                owner: String::new(),
                review: String::new(),
                gdpr: Vec::new(),
                other_law: Vec::new(),
                commitments: Vec::new(),
                agreed: Vec::new(),
                red_lines: Vec::new(),
            });
            areas.len() - 1
        }
    };
    &mut areas[index]
}

fn card_ref(card: &Card, lang: Lang) -> CardRef {
    CardRef {
        id: card.id.clone(),
        title: card.title.get(lang).to_string(),
    }
}

/// The framework safeguards a decided card chose, in framework order;
/// ids the framework does not know are left out.
fn chosen_safeguards<'a>(
    p: &'a Played,
    framework: &'a Framework,
) -> impl Iterator<Item = &'a Safeguard> + 'a {
    framework
        .safeguards
        .iter()
        .filter(move |s| p.progress.decision.safeguards.contains(&s.id))
}

/// Whether a card's safeguards count as commitments: decided, and not a
/// no-go unless the team kept them.
fn safeguards_stand(p: &Played) -> bool {
    match p.stance {
        None => false,
        Some(Stance::NoGo) => p.progress.decision.keep_safeguards,
        Some(_) => true,
    }
}

/// Merges the chosen safeguards into commitments and applies the stricter bar.
fn commitments(
    played: &[Played],
    framework: &Framework,
    names: &PrincipleNames,
    lang: Lang,
) -> Vec<Commitment> {
    let chosen = safeguards_by_card(played, framework);
    let top_level = top_levels(&chosen);
    let is_standing = |s: &Safeguard| match &s.topic {
        Some(topic) => top_level.get(topic.as_str()) == Some(&s.level),
        None => true,
    };
    chosen
        .iter()
        .filter(|(s, _)| is_standing(s))
        .map(|(s, cards)| Commitment {
            safeguard: s.id.clone(),
            label: s.label.get(lang).to_string(),
            text: s.commitment.get(lang).to_string(),
            topic: s.topic.clone(),
            level: s.level,
            cards: cards.iter().map(|p| card_ref(p.card, lang)).collect(),
            principles: names.marked_any(cards.iter().map(|p| p.progress), PrincipleCheck::Upholds),
            superseded: chosen
                .iter()
                .filter(|(weaker, _)| {
                    weaker.topic.is_some() && weaker.topic == s.topic && !is_standing(weaker)
                })
                .map(|(weaker, cards)| superseded(weaker, cards, lang))
                .collect(),
            red_line_cards: Vec::new(),
            reasoning: cards
                .iter()
                .map(|p| document::reasoning(p, names, lang))
                .collect(),
        })
        .collect()
}

/// Each safeguard (framework order) with the decided cards that chose it;
/// safeguards no card chose are left out.
fn safeguards_by_card<'a, 'p>(
    played: &'p [Played<'a>],
    framework: &'a Framework,
) -> Vec<(&'a Safeguard, Vec<&'p Played<'a>>)> {
    framework
        .safeguards
        .iter()
        .map(|s| {
            let cards = played
                .iter()
                .filter(|p| safeguards_stand(p))
                .filter(|p| p.progress.decision.safeguards.contains(&s.id))
                .collect::<Vec<_>>();
            (s, cards)
        })
        .filter(|(_, cards)| !cards.is_empty())
        .collect()
}

/// The strictest level chosen on each topic: that one stands.
fn top_levels<'a>(chosen: &[(&'a Safeguard, Vec<&Played>)]) -> BTreeMap<&'a str, u8> {
    let mut top_level: BTreeMap<&str, u8> = BTreeMap::new();
    for (s, _) in chosen {
        if let Some(topic) = &s.topic {
            let level = top_level.entry(topic.as_str()).or_insert(s.level);
            *level = (*level).max(s.level);
        }
    }
    top_level
}

/// A weaker safeguard some cards chose, kept beside the one that stands.
fn superseded(weaker: &Safeguard, cards: &[&Played], lang: Lang) -> Superseded {
    Superseded {
        safeguard: weaker.id.clone(),
        label: weaker.label.get(lang).to_string(),
        text: weaker.commitment.get(lang).to_string(),
        level: weaker.level,
        cards: cards.iter().map(|p| card_ref(p.card, lang)).collect(),
    }
}

/// The team's principles resolved to names, for tracing.
struct PrincipleNames {
    entries: Vec<PrincipleEntry>,
}

impl PrincipleNames {
    fn new(session: &Session, library: &PrincipleLibrary, lang: Lang) -> Self {
        let entries = session
            .principles
            .iter()
            .map(|p| PrincipleEntry {
                id: p.id().to_string(),
                name: p.name(library, lang),
                meaning: p.meaning(library, lang),
                custom: matches!(p, ChosenPrinciple::Custom { .. }),
            })
            .collect();
        PrincipleNames { entries }
    }

    /// The team's principles a decision left without a check.
    fn unjudged(&self, progress: &CardProgress) -> Vec<PrincipleRef> {
        self.entries
            .iter()
            .filter(|e| !progress.decision.principles.contains_key(&e.id))
            .map(|e| PrincipleRef {
                id: e.id.clone(),
                name: e.name.clone(),
            })
            .collect()
    }

    /// Principles a decision marked with `check`, in the team's order.
    fn marked(&self, progress: &CardProgress, check: PrincipleCheck) -> Vec<PrincipleRef> {
        self.marked_any(std::iter::once(progress), check)
    }

    /// Principles any of the decisions marked with `check`, in the team's
    /// order; ids the team did not choose are ignored.
    fn marked_any<'a>(
        &self,
        progress: impl Iterator<Item = &'a CardProgress> + Clone,
        check: PrincipleCheck,
    ) -> Vec<PrincipleRef> {
        self.entries
            .iter()
            .filter(|e| {
                progress
                    .clone()
                    .any(|p| p.decision.principles.get(&e.id) == Some(&check))
            })
            .map(|e| PrincipleRef {
                id: e.id.clone(),
                name: e.name.clone(),
            })
            .collect()
    }
}
