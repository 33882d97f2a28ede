//! What the room's shared screen (the projector) shows: the card as the
//! facilitator plays it, in the session's language. Built from the
//! session alone, so it can hold nothing the session does not let the
//! room see: never the facilitator's notes, never a vote before the
//! reveal, names beside votes only when the reveal showed them, what
//! really happened only once the card is on its reveal stage.

use serde::Serialize;

use crate::domain::deck::{Card, Deck, Fact, FactPart};
use crate::domain::framework::Framework;
use crate::domain::lang::Lang;
use crate::domain::session::{CardProgress, Session, Stage};
use crate::domain::votes::VoteSummary;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenView {
    pub lang: Lang,
    /// The session's title, for the screen between cards.
    pub title: String,
    /// The card on the table; none between cards and at the end.
    pub card: Option<ScreenCard>,
    /// Show the QR code and join code: while people join (no card yet or
    /// the story) and while they vote.
    pub join: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenCard {
    pub id: String,
    /// 1-based position in the session, and the number of cards.
    pub number: usize,
    pub total: usize,
    pub stage: Stage,
    pub title: String,
    /// "ING · 2014"; empty for a card without an organisation.
    pub byline: String,
    pub story: String,
    /// Where the story stops: the moment the team now stands at.
    pub stops: Option<StoryStop>,
    /// The data practice in question.
    pub practice: String,
    /// Discussion prompts, on the discuss stage only.
    pub prompts: Vec<String>,
    /// How many have voted, during the gut check until the reveal. Never a value.
    pub voted: Option<VoteCount>,
    pub reveal: Option<ScreenReveal>,
    /// From the decide stage on, once an option is chosen.
    pub decision: Option<ScreenDecision>,
    /// On the reveal stage only.
    pub outcome: Option<ScreenOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryStop {
    /// As the deck gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the page
    /// writes it in the session's language.
    pub date: String,
    pub moment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VoteCount {
    pub voted: usize,
    pub voters: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenReveal {
    pub summary: VoteSummary,
    /// Who voted what, only when the reveal showed names.
    pub names: Option<Vec<NamedVote>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedVote {
    /// Empty for an anonymous voter, shown as "Voter N".
    pub name: String,
    /// 1-based place among the voters.
    pub number: usize,
    pub value: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenDecision {
    pub option: String,
    /// The option's stance id (`go`, `no_go`, …), for its colour.
    pub stance: String,
    pub safeguards: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenOutcome {
    /// What really happened; none for a hypothetical.
    pub text: Option<String>,
    pub facts: Vec<ScreenFact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreenFact {
    pub text: String,
    pub disputed: bool,
    /// "publisher, date, “title”".
    pub source: String,
}

impl ScreenView {
    /// Nothing to show yet: the moment before the app's first publish.
    pub fn empty(lang: Lang) -> ScreenView {
        ScreenView {
            lang,
            title: String::new(),
            card: None,
            join: true,
        }
    }

    /// The screen for `session` at its position, in `lang`. `playing` is
    /// false while the facilitator is on a screen without a card (setup,
    /// the end), so the projector shows no card then.
    pub fn new(
        session: &Session,
        deck: &Deck,
        framework: &Framework,
        lang: Lang,
        playing: bool,
    ) -> ScreenView {
        let at = session.position;
        let card = session
            .cards
            .get(at.card)
            .filter(|_| playing)
            .and_then(|p| Some((p, deck.card(&p.card)?)))
            .map(|(p, c)| screen_card(session, p, c, framework, lang));
        let join = card.as_ref().is_none_or(|c| {
            c.stage == Stage::Story || (c.stage == Stage::GutCheck && c.reveal.is_none())
        });
        ScreenView {
            lang,
            title: session.title.clone(),
            card,
            join,
        }
    }
}

fn screen_card(
    session: &Session,
    progress: &CardProgress,
    card: &Card,
    framework: &Framework,
    lang: Lang,
) -> ScreenCard {
    let stage = session.position.stage;
    ScreenCard {
        id: card.id.clone(),
        number: session.position.card + 1,
        total: session.cards.len(),
        stage,
        title: card.title.get(lang).to_string(),
        byline: byline(card, lang),
        story: card.story.get(lang).to_string(),
        stops: card.decision_point.as_ref().map(|p| StoryStop {
            date: p.date.clone(),
            moment: p.moment.get(lang).to_string(),
        }),
        practice: card.practice.get(lang).to_string(),
        prompts: if stage == Stage::Discuss {
            card.prompts
                .iter()
                .map(|p| p.get(lang).to_string())
                .collect()
        } else {
            Vec::new()
        },
        voted: (!progress.revealed && stage == Stage::GutCheck)
            .then(|| vote_count(session, progress)),
        reveal: progress.revealed.then(|| reveal(session, progress)),
        decision: (stage >= Stage::Decide)
            .then(|| decision(progress, card, framework, lang))
            .flatten(),
        outcome: (stage == Stage::Reveal).then(|| outcome(card, lang)),
    }
}

/// "ING · 2014", leaving out what the card does not say.
fn byline(card: &Card, lang: Lang) -> String {
    [
        card.organisation.get(lang).to_string(),
        card.year.map(|y| y.to_string()).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// How many have voted of how many may: never fewer voters than votes.
fn vote_count(session: &Session, progress: &CardProgress) -> VoteCount {
    let cast = progress.votes.len();
    VoteCount {
        voted: cast,
        voters: session.participants.len().max(cast),
    }
}

/// The shown votes, with names beside them only if the reveal showed them.
fn reveal(session: &Session, progress: &CardProgress) -> ScreenReveal {
    let shown = progress.shown_votes();
    ScreenReveal {
        summary: VoteSummary::of(shown),
        names: progress.names_shown.then(|| {
            session
                .participants
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    Some(NamedVote {
                        name: p.name.clone(),
                        number: i + 1,
                        value: *shown.get(&p.id)?,
                    })
                })
                .collect()
        }),
    }
}

/// The chosen option and its safeguards; none before an option is chosen.
fn decision(
    progress: &CardProgress,
    card: &Card,
    framework: &Framework,
    lang: Lang,
) -> Option<ScreenDecision> {
    let id = progress.decision.option.as_ref()?;
    let option = card.options.iter().find(|o| &o.id == id)?;
    let stance = serde_json::to_value(option.stance)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Some(ScreenDecision {
        option: option.label.get(lang).to_string(),
        stance,
        safeguards: progress
            .decision
            .safeguards
            .iter()
            .filter_map(|s| framework.safeguard(s))
            .map(|s| s.label.get(lang).to_string())
            .collect(),
    })
}

/// What really happened (none for a hypothetical) and the reveal's facts.
fn outcome(card: &Card, lang: Lang) -> ScreenOutcome {
    ScreenOutcome {
        text: card
            .outcome
            .as_ref()
            .filter(|_| card.kind.has_outcome())
            .map(|o| o.get(lang).to_string()),
        facts: card
            .facts_in(FactPart::Reveal)
            .map(|f| fact(f, lang))
            .collect(),
    }
}

/// A fact with its source as "publisher, date, “title”".
fn fact(f: &Fact, lang: Lang) -> ScreenFact {
    let s = &f.source;
    let mut source = format!("{}, {}", s.publisher, s.date);
    if let Some(t) = &s.title {
        source.push_str(&format!(", “{t}”"));
    }
    ScreenFact {
        text: f.text.get(lang).to_string(),
        disputed: f.disputed,
        source,
    }
}
