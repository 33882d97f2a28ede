//! The semantic pass over a deck: every rule of the format that JSON
//! itself cannot express, all problems at once, each with its path.

use super::path::JsonPath;
use super::problem::{IdStyle, Problem, ProblemKind};
use super::rules::{Findings, date_after, date_year, is_date, suggest, tag_code};
use crate::domain::{Agenda, Card, CardKind, Deck, Fact, FactPart, Framework, Stance};

/// Fewest and most decision options on a card.
pub const OPTIONS: std::ops::RangeInclusive<usize> = 3..=5;

/// Every error in `deck`, checked against `framework` for safeguard and
/// area ids. Empty when the deck is good.
pub fn validate(deck: &Deck, framework: &Framework) -> Vec<Problem> {
    let (errors, _) = check(deck, framework);
    errors
}

/// What the author should fix although the deck loads.
pub fn warnings(deck: &Deck, framework: &Framework) -> Vec<Problem> {
    let (_, warnings) = check(deck, framework);
    warnings
}

/// Every problem, split into errors and warnings.
fn check(deck: &Deck, framework: &Framework) -> (Vec<Problem>, Vec<Problem>) {
    let root = JsonPath::root();
    let mut f = Findings::default();
    f.id(root.field("id"), &deck.id, IdStyle::Dashes);
    if deck.version.trim().is_empty() {
        f.add(root.field("version"), ProblemKind::EmptyVersion);
    }
    f.text(&root.field("title"), &deck.title);
    f.text(&root.field("description"), &deck.description);

    let cards = root.field("cards");
    if deck.cards.is_empty() {
        f.add(cards.clone(), ProblemKind::NoCards);
    }
    f.unique_ids(
        deck.cards.iter().map(|c| c.id.as_str()),
        IdStyle::Dashes,
        |i| cards.index(i).field("id"),
    );
    for (i, card) in deck.cards.iter().enumerate() {
        check_card(&mut f, &cards.index(i), card, framework);
    }

    let agendas = root.field("agendas");
    f.unique_ids(
        deck.agendas.iter().map(|a| a.id.as_str()),
        IdStyle::Dashes,
        |i| agendas.index(i).field("id"),
    );
    for (i, agenda) in deck.agendas.iter().enumerate() {
        check_agenda(&mut f, &agendas.index(i), agenda, deck);
    }
    f.0.into_iter().partition(|p| !p.kind.is_warning())
}

fn check_agenda(f: &mut Findings, at: &JsonPath, agenda: &Agenda, deck: &Deck) {
    f.text(&at.field("title"), &agenda.title);
    f.text(&at.field("description"), &agenda.description);
    if agenda.minutes == 0 {
        f.add(at.field("minutes"), ProblemKind::AgendaMinutes);
    }
    let cards = at.field("cards");
    if agenda.cards.is_empty() {
        f.add(cards.clone(), ProblemKind::NoAgendaCards);
    }
    f.no_repeats(&cards, agenda.cards.iter().map(String::as_str));
    for (i, id) in agenda.cards.iter().enumerate() {
        if deck.card(id).is_none() {
            let suggestion = suggest(id, deck.cards.iter().map(|c| c.id.as_str()));
            f.add(
                cards.index(i),
                ProblemKind::UnknownAgendaCard {
                    id: id.clone(),
                    suggestion,
                },
            );
        }
    }
}

fn check_card(f: &mut Findings, at: &JsonPath, card: &Card, framework: &Framework) {
    check_texts(f, at, card);
    check_kind(f, at, card);
    if card.data_categories.is_empty() {
        f.add(at.field("data_categories"), ProblemKind::NoDataCategories);
    }
    f.texts(&at.field("data_categories"), &card.data_categories);
    f.no_repeats(&at.field("tags"), card.tags.iter().map(|t| tag_code(*t)));
    check_areas(f, at, card, framework);
    for (i, fact) in card.facts.iter().enumerate() {
        check_fact(f, &at.field("facts").index(i), fact);
    }
    check_decision_point(f, at, card);
    if card.prompts.is_empty() {
        f.add(at.field("prompts"), ProblemKind::NoPrompts);
    }
    f.texts(&at.field("prompts"), &card.prompts);
    check_options(f, at, card);
    check_safeguards(f, at, card, framework);
}

/// The card's own texts, each in both languages.
fn check_texts(f: &mut Findings, at: &JsonPath, card: &Card) {
    f.text(&at.field("title"), &card.title);
    f.text(&at.field("organisation"), &card.organisation);
    if let Some(country) = &card.country {
        f.text(&at.field("country"), country);
    }
    f.text(&at.field("story"), &card.story);
    f.text(&at.field("practice"), &card.practice);
    f.text(&at.field("policy_practice"), &card.policy_practice);
    f.text(&at.field("red_line"), &card.red_line);
    f.text(&at.field("facilitator_notes"), &card.facilitator_notes);
}

/// Policy areas: at least one, each once, each in the framework.
fn check_areas(f: &mut Findings, at: &JsonPath, card: &Card, framework: &Framework) {
    let known: Vec<&str> = framework.areas.iter().map(|a| a.id.as_str()).collect();
    f.references(
        &at.field("areas"),
        &card.areas,
        &known,
        ProblemKind::NoAreas,
        |id, suggestion| ProblemKind::UnknownArea { id, suggestion },
    );
}

/// Decision options: how many, one a no-go, ids unique, texts filled.
fn check_options(f: &mut Findings, at: &JsonPath, card: &Card) {
    let options = at.field("options");
    if !OPTIONS.contains(&card.options.len()) {
        f.add(
            options.clone(),
            ProblemKind::OptionCount(card.options.len()),
        );
    }
    if !card.options.iter().any(|o| o.stance == Stance::NoGo) {
        f.add(options.clone(), ProblemKind::NoNoGo);
    }
    f.unique_ids(
        card.options.iter().map(|o| o.id.as_str()),
        IdStyle::Dashes,
        |i| options.index(i).field("id"),
    );
    for (i, option) in card.options.iter().enumerate() {
        f.text(&options.index(i).field("label"), &option.label);
        f.text(&options.index(i).field("description"), &option.description);
    }
}

/// Suggested safeguards: at least one, each once, each in the framework.
fn check_safeguards(f: &mut Findings, at: &JsonPath, card: &Card, framework: &Framework) {
    let known: Vec<&str> = framework.safeguards.iter().map(|s| s.id.as_str()).collect();
    f.references(
        &at.field("safeguards"),
        &card.safeguards,
        &known,
        ProblemKind::NoSafeguards,
        |id, suggestion| ProblemKind::UnknownSafeguard { id, suggestion },
    );
}

/// What a card's kind asks of it: a real case has a year, facts and an
/// outcome; a hypothetical has no year and no outcome.
fn check_kind(f: &mut Findings, at: &JsonPath, card: &Card) {
    match (card.kind.has_outcome(), &card.outcome) {
        (true, None) => f.add(at.field("outcome"), ProblemKind::MissingOutcome),
        (false, Some(_)) => f.add(at.field("outcome"), ProblemKind::OutcomeOnHypothetical),
        (_, Some(outcome)) => f.text(&at.field("outcome"), outcome),
        (false, None) => {}
    }
    match (card.kind, card.year) {
        (CardKind::Hypothetical, Some(_)) => {
            f.add(at.field("year"), ProblemKind::YearOnHypothetical)
        }
        (CardKind::RealCase, None) => f.add(at.field("year"), ProblemKind::MissingYear),
        (_, Some(year)) => f.year(at.field("year"), i64::from(year)),
        (_, None) => {}
    }
    if card.kind == CardKind::RealCase && card.facts.is_empty() {
        f.add(at.field("facts"), ProblemKind::NoFacts);
    }
}

/// Where the story stops, and that no story fact is from after it.
fn check_decision_point(f: &mut Findings, at: &JsonPath, card: &Card) {
    let point = at.field("decision_point");
    match (&card.decision_point, card.kind) {
        (Some(_), CardKind::Hypothetical) => {
            f.add(point.clone(), ProblemKind::DecisionPointOnHypothetical)
        }
        (None, CardKind::Hypothetical) => {}
        (None, _) => f.add(point.clone(), ProblemKind::MissingDecisionPoint),
        (Some(_), _) => {}
    }
    if card.kind == CardKind::RealCase
        && card.outcome.is_some()
        && card.facts_in(FactPart::Reveal).next().is_none()
    {
        f.add(at.field("facts"), ProblemKind::NoRevealFact);
    }
    let Some(decision) = &card.decision_point else {
        return;
    };
    f.text(&point.field("moment"), &decision.moment);
    if !is_date(&decision.date) {
        f.add(
            point.field("date"),
            ProblemKind::BadDate(decision.date.clone()),
        );
        return;
    }
    if let Some(year) = date_year(&decision.date) {
        f.year(point.field("date"), year);
    }
    for (i, fact) in card.facts.iter().enumerate() {
        if fact.part == FactPart::Story
            && is_date(&fact.source.date)
            && date_after(&fact.source.date, &decision.date)
        {
            f.add(
                at.field("facts").index(i).field("source").field("date"),
                ProblemKind::StoryFactAfterDecision {
                    date: fact.source.date.clone(),
                    decision: decision.date.clone(),
                },
            );
        }
    }
}

fn check_fact(f: &mut Findings, at: &JsonPath, fact: &Fact) {
    f.text(&at.field("text"), &fact.text);
    let source = at.field("source");
    f.non_empty(source.field("publisher"), &fact.source.publisher);
    let date = &fact.source.date;
    if !is_date(date) {
        f.add(source.field("date"), ProblemKind::BadDate(date.clone()));
    } else if let Some(year) = date_year(date) {
        f.year(source.field("date"), year);
    }
    if let Some(title) = &fact.source.title {
        f.non_empty(source.field("title"), title);
    }
    if let Some(url) = &fact.source.url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            f.add(source.field("url"), ProblemKind::BadUrl(url.clone()));
        }
        f.no_controls(source.field("url"), url);
    }
}
