//! Where a card's story stops (its decision point), which facts belong to
//! the story and which to the reveal, and the deck's ready-made agendas.

use crate::cli_support;
use crate::deck_support;

use datakompas::deck::{self, ProblemKind};
use datakompas::domain::{CardKind, FactPart};
use deck_support::pretty as text;
use serde_json::{Value, json};

/// The shared fixture deck, with an agenda.
fn fixture() -> Value {
    let mut v = deck_support::valid();
    v["agendas"] = json!([{
        "id": "30-minutes",
        "minutes": 30,
        "title": { "en": "30 minutes: a real case and our own", "nl": "30 minuten: een echte casus en een van onszelf" },
        "description": { "en": "ING first, then our own trade.", "nl": "Eerst ING, dan ons eigen vak." },
        "cards": ["ing-2014", "hypo-birthday"]
    }]);
    v
}

fn fixture_deck() -> datakompas::domain::Deck {
    deck::parse("deck.json", &text(&fixture())).unwrap_or_else(|e| panic!("{e}"))
}

/// The errors (path, kind) in the fixture deck after `edit`.
fn errors(edit: impl FnOnce(&mut Value)) -> Vec<(String, ProblemKind)> {
    let mut value = fixture();
    edit(&mut value);
    deck_support::problems(deck::parse("deck.json", &text(&value)))
}

/// The warnings (path, kind) of the fixture deck after `edit`; it must load.
fn warnings(edit: impl FnOnce(&mut Value)) -> Vec<(String, ProblemKind)> {
    let mut value = fixture();
    edit(&mut value);
    let deck = deck::parse("deck.json", &text(&value)).unwrap_or_else(|e| panic!("{e}"));
    deck::warnings(&deck, &deck::framework())
        .into_iter()
        .map(|p| (p.path.to_string(), p.kind))
        .collect()
}

fn only(edit: impl FnOnce(&mut Value), path: &str, kind: ProblemKind) {
    assert_eq!(errors(edit), vec![(path.to_string(), kind)]);
}

#[test]
fn the_fixture_loads_without_warnings() {
    assert_eq!(errors(|_| {}), vec![]);
    assert_eq!(warnings(|_| {}), vec![]);
}

#[test]
fn facts_belong_to_the_story_unless_marked() {
    let deck = fixture_deck();
    let card = deck.card("ing-2014").unwrap();
    assert_eq!(card.facts[0].part, FactPart::Story);
    assert_eq!(card.facts[1].part, FactPart::Reveal);
    assert_eq!(card.facts_in(FactPart::Story).count(), 1);
    assert_eq!(card.facts_in(FactPart::Reveal).count(), 1);
    let point = card.decision_point.as_ref().unwrap();
    assert_eq!(point.date, "2014-03-10");
    // A story fact is written without `part`, so old decks read the same.
    let written = serde_json::to_value(card).unwrap();
    assert!(written["facts"][0].get("part").is_none());
    assert_eq!(written["facts"][1]["part"], "reveal");
}

#[test]
fn a_fact_part_is_story_or_reveal() {
    let mut value = fixture();
    value["cards"][0]["facts"][0]["part"] = json!("outcome");
    let err = deck::parse("deck.json", &text(&value)).unwrap_err();
    let report = err.to_string();
    assert!(report.contains("cards[0].facts[0].part"), "{report}");
    assert!(
        report.contains("`story`") && report.contains("`reveal`"),
        "{report}"
    );
}

#[test]
fn a_story_fact_after_the_decision_point_is_an_error_with_its_path() {
    only(
        |v| v["cards"][0]["facts"][1]["part"] = json!("story"),
        "cards[0].facts[1].source.date",
        ProblemKind::StoryFactAfterDecision {
            date: "2014-03-18".into(),
            decision: "2014-03-10".into(),
        },
    );
    // Leaving `part` out means the story, too.
    only(
        |v| {
            v["cards"][0]["facts"][1]
                .as_object_mut()
                .unwrap()
                .remove("part");
        },
        "cards[0].facts[1].source.date",
        ProblemKind::StoryFactAfterDecision {
            date: "2014-03-18".into(),
            decision: "2014-03-10".into(),
        },
    );
}

#[test]
fn a_reveal_fact_may_come_after_and_a_story_fact_on_the_day() {
    // Fact 0 is dated the decision day itself; fact 1 is a reveal fact a week later.
    assert_eq!(errors(|_| {}), vec![]);
    // A month-precise story fact in the decision's month is not surely after it.
    assert_eq!(
        errors(|v| v["cards"][0]["facts"][0]["source"]["date"] = json!("2014-03")),
        vec![]
    );
    only(
        |v| v["cards"][0]["facts"][0]["source"]["date"] = json!("2014-04"),
        "cards[0].facts[0].source.date",
        ProblemKind::StoryFactAfterDecision {
            date: "2014-04".into(),
            decision: "2014-03-10".into(),
        },
    );
}

#[test]
fn a_decision_point_has_a_real_date_and_a_moment_in_both_languages() {
    only(
        |v| v["cards"][0]["decision_point"]["date"] = json!("10-03-2014"),
        "cards[0].decision_point.date",
        ProblemKind::BadDate("10-03-2014".into()),
    );
    only(
        |v| v["cards"][0]["decision_point"]["date"] = json!("2150"),
        "cards[0].decision_point.date",
        ProblemKind::YearOutOfRange(2150),
    );
    only(
        |v| v["cards"][0]["decision_point"]["moment"]["nl"] = json!(" "),
        "cards[0].decision_point.moment.nl",
        ProblemKind::EmptyText(datakompas::domain::Lang::Nl),
    );
    let mut value = fixture();
    value["cards"][0]["decision_point"]["when"] = json!("soon");
    let err = deck::parse("deck.json", &text(&value)).unwrap_err();
    assert!(err.to_string().contains("unknown field `when`"), "{err}");
}

#[test]
fn a_hypothetical_has_no_decision_point() {
    only(
        |v| v["cards"][1]["decision_point"] = v["cards"][0]["decision_point"].clone(),
        "cards[1].decision_point",
        ProblemKind::DecisionPointOnHypothetical,
    );
}

#[test]
fn a_missing_decision_point_is_a_warning_on_every_kind_but_hypothetical() {
    for kind in ["real_case", "baseline", "exemplary"] {
        let found = warnings(|v| {
            v["cards"][0]["kind"] = json!(kind);
            v["cards"][0]
                .as_object_mut()
                .unwrap()
                .remove("decision_point");
        });
        assert_eq!(
            found,
            vec![(
                "cards[0].decision_point".into(),
                ProblemKind::MissingDecisionPoint
            )],
            "{kind}"
        );
    }
    assert!(ProblemKind::MissingDecisionPoint.is_warning());
}

#[test]
fn an_outcome_without_a_reveal_fact_is_a_warning() {
    let found = warnings(|v| {
        v["cards"][0]["facts"][1]["part"] = json!("story");
        v["cards"][0]["facts"][1]["source"]["date"] = json!("2014-03-10");
    });
    assert_eq!(
        found,
        vec![("cards[0].facts".into(), ProblemKind::NoRevealFact)]
    );
    assert!(ProblemKind::NoRevealFact.is_warning());
    // A baseline card's outcome is the reference itself, not a revealed
    // event: it needs no reveal fact.
    let found = warnings(|v| {
        v["cards"][0]["kind"] = json!("baseline");
        v["cards"][0]["facts"][1]["part"] = json!("story");
        v["cards"][0]["facts"][1]["source"]["date"] = json!("2014-03-10");
    });
    assert_eq!(found, vec![]);
}

/// The fixture deck without the first card's decision point, written to
/// `deck.json` in `dir`: where it was written, and what.
fn without_a_decision_point(dir: &std::path::Path) -> (std::path::PathBuf, Value) {
    let path = dir.join("deck.json");
    let mut value = fixture();
    value["cards"][0]
        .as_object_mut()
        .unwrap()
        .remove("decision_point");
    std::fs::write(&path, text(&value)).unwrap();
    (path, value)
}

#[test]
fn deck_validate_lists_warnings_and_still_passes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, value) = without_a_decision_point(dir.path());
    let (deck, found) = deck::load_file_warned(&path).unwrap();
    assert_eq!(deck.cards.len(), 2);
    assert_eq!(found.len(), 1);
    let (pos, problem) = &found[0];
    assert_eq!(problem.kind, ProblemKind::MissingDecisionPoint);
    // Where the field would be: the card it is missing from.
    let written = text(&value);
    let line = written.lines().nth(pos.line - 1).unwrap();
    assert_eq!(line.trim(), "{", "{pos:?}");
}

#[test]
fn deck_validate_shows_warnings_under_ok_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = without_a_decision_point(dir.path());
    let file = path.display().to_string();
    for (lang, ok, warning) in [("en", "OK", "warning:"), ("nl", "OK", "waarschuwing:")] {
        let out = cli_support::datakompas(
            dir.path(),
            "C.UTF-8",
            &["--lang", lang, "deck", "validate", &file],
            "",
        );
        assert!(out.status.success(), "{}", cli_support::stderr(&out));
        let stdout = cli_support::stdout(&out);
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(lines[0].starts_with(&format!("{ok}  {file}")), "{stdout}");
        assert!(
            lines[1].contains(warning) && lines[1].contains("cards[0].decision_point"),
            "{stdout}"
        );
        assert_eq!(lines.len(), 2, "{stdout}");
    }
}

#[test]
fn agendas_are_read_in_order() {
    let deck = fixture_deck();
    let agenda = deck.agenda("30-minutes").unwrap();
    assert_eq!(agenda.minutes, 30);
    assert_eq!(agenda.cards, ["ing-2014", "hypo-birthday"]);
    // A deck without agendas is still a deck.
    let mut value = fixture();
    value.as_object_mut().unwrap().remove("agendas");
    assert!(
        deck::parse("deck.json", &text(&value))
            .unwrap()
            .agendas
            .is_empty()
    );
}

#[test]
fn an_agenda_names_cards_of_the_deck() {
    only(
        |v| v["agendas"][0]["cards"][1] = json!("hypo-birthdy"),
        "agendas[0].cards[1]",
        ProblemKind::UnknownAgendaCard {
            id: "hypo-birthdy".into(),
            suggestion: Some("hypo-birthday".into()),
        },
    );
    only(
        |v| v["agendas"][0]["cards"][1] = json!("tomtom"),
        "agendas[0].cards[1]",
        ProblemKind::UnknownAgendaCard {
            id: "tomtom".into(),
            suggestion: None,
        },
    );
    only(
        |v| v["agendas"][0]["cards"][1] = json!("ing-2014"),
        "agendas[0].cards[1]",
        ProblemKind::Repeated {
            item: "ing-2014".into(),
        },
    );
    only(
        |v| v["agendas"][0]["cards"] = json!([]),
        "agendas[0].cards",
        ProblemKind::NoAgendaCards,
    );
    let message = ProblemKind::UnknownAgendaCard {
        id: "hypo-birthdy".into(),
        suggestion: Some("hypo-birthday".into()),
    }
    .message(datakompas::domain::Lang::En);
    assert!(
        message.contains("did you mean `hypo-birthday`?"),
        "{message}"
    );
}

#[test]
fn agenda_ids_are_unique_and_well_formed() {
    only(
        |v| {
            let copy = v["agendas"][0].clone();
            v["agendas"].as_array_mut().unwrap().push(copy);
        },
        "agendas[1].id",
        ProblemKind::DuplicateId {
            id: "30-minutes".into(),
            first: deck::JsonPath::parse("agendas[0].id"),
        },
    );
    only(
        |v| v["agendas"][0]["id"] = json!("30 minutes"),
        "agendas[0].id",
        ProblemKind::BadId {
            id: "30 minutes".into(),
            style: deck::IdStyle::Dashes,
        },
    );
}

#[test]
fn an_agenda_has_minutes_and_texts() {
    only(
        |v| v["agendas"][0]["minutes"] = json!(0),
        "agendas[0].minutes",
        ProblemKind::AgendaMinutes,
    );
    only(
        |v| v["agendas"][0]["title"]["en"] = json!(""),
        "agendas[0].title.en",
        ProblemKind::EmptyText(datakompas::domain::Lang::En),
    );
}

/// Walks the built-in deck: on every card that has a decision point, no
/// story fact is dated after it, and no card but a hypothetical is
/// without one. (That every card has one is checked once the built-in
/// deck carries them all.)
#[test]
fn builtin_story_facts_stop_at_the_decision_point() {
    let deck = deck::builtin();
    for card in &deck.cards {
        if card.kind == CardKind::Hypothetical {
            assert!(card.decision_point.is_none(), "{}", card.id);
        }
        let Some(point) = &card.decision_point else {
            continue;
        };
        for fact in card.facts_in(FactPart::Story) {
            assert!(
                !deck::date_after(&fact.source.date, &point.date),
                "{}: story fact dated {} is after the decision point {}: {}",
                card.id,
                fact.source.date,
                point.date,
                fact.text.en
            );
        }
    }
    for agenda in &deck.agendas {
        for id in &agenda.cards {
            assert!(deck.card(id).is_some(), "{}: {id}", agenda.id);
        }
    }
}

#[test]
fn the_story_fact_message_writes_dates_as_prose() {
    let kind = ProblemKind::StoryFactAfterDecision {
        date: "2014-03-18".into(),
        decision: "2014-03".into(),
    };
    assert_eq!(
        kind.message(datakompas::domain::Lang::Nl),
        "dit feit uit het verhaal is van 18 maart 2014, na het beslismoment (maart 2014); het verhaal stopt bij de beslissing, dus zet bij het feit `\"part\": \"reveal\"` of verschuif het beslismoment"
    );
    assert!(kind.message(datakompas::domain::Lang::En).starts_with(
        "this story fact is from 18 March 2014, after the decision point (March 2014)"
    ));
}

#[test]
fn every_builtin_card_but_a_hypothetical_has_a_decision_point_and_no_warning() {
    let deck = datakompas::deck::builtin();
    let missing: Vec<&str> = deck
        .cards
        .iter()
        .filter(|c| {
            c.kind != datakompas::domain::CardKind::Hypothetical && c.decision_point.is_none()
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no decision point: {missing:?}");
    let warnings = datakompas::deck::warnings(&deck, &datakompas::deck::framework());
    assert!(warnings.is_empty(), "{warnings:?}");
}
