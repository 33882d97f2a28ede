//! The semantic pass: each rule of the deck format has a deck that breaks
//! it, and every problem is reported, with its path, in one go.

use crate::deck_support;

use datakompas::deck::{self, IdStyle, ProblemKind};
use datakompas::domain::Lang;
use deck_support::{pretty, valid};
use serde_json::{Value, json};

/// The problems (path, kind) in the fixture deck after `edit`.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<(String, ProblemKind)> {
    let mut value = valid();
    edit(&mut value);
    deck_support::problems(deck::parse("deck.json", &pretty(&value)))
}

/// Asserts the edit gives exactly this one problem.
fn only(edit: impl FnOnce(&mut Value), path: &str, kind: ProblemKind) {
    assert_eq!(problems(edit), vec![(path.to_string(), kind)]);
}

fn card(v: &mut Value, i: usize) -> &mut serde_json::Map<String, Value> {
    v["cards"][i].as_object_mut().unwrap()
}

#[test]
fn the_fixture_has_no_problems() {
    assert_eq!(problems(|_| {}), vec![]);
}

#[test]
fn deck_needs_cards() {
    only(|v| v["cards"] = json!([]), "cards", ProblemKind::NoCards);
}

#[test]
fn deck_needs_a_version() {
    only(
        |v| v["version"] = json!("  "),
        "version",
        ProblemKind::EmptyVersion,
    );
}

#[test]
fn deck_id_must_be_an_id() {
    only(
        |v| v["id"] = json!("Test Deck"),
        "id",
        ProblemKind::BadId {
            id: "Test Deck".into(),
            style: IdStyle::Dashes,
        },
    );
}

#[test]
fn card_ids_are_unique() {
    only(
        |v| v["cards"][1]["id"] = json!("ing-2014"),
        "cards[1].id",
        ProblemKind::DuplicateId {
            id: "ing-2014".into(),
            first: deck::JsonPath::parse("cards[0].id"),
        },
    );
}

#[test]
fn card_ids_follow_the_pattern() {
    for bad in ["ING-2014", "ing_2014", "ing--2014", "-ing", "ing 2014", ""] {
        only(
            |v| v["cards"][0]["id"] = json!(bad),
            "cards[0].id",
            ProblemKind::BadId {
                id: bad.into(),
                style: IdStyle::Dashes,
            },
        );
    }
}

#[test]
fn option_ids_are_unique_within_a_card_only() {
    only(
        |v| v["cards"][0]["options"][1]["id"] = json!("no-go"),
        "cards[0].options[2].id",
        ProblemKind::DuplicateId {
            id: "no-go".into(),
            first: deck::JsonPath::parse("cards[0].options[1].id"),
        },
    );
    // The same option id on two cards is fine: both cards have `no-go`.
    let v = valid();
    assert_eq!(
        v["cards"][0]["options"][2]["id"],
        v["cards"][1]["options"][2]["id"]
    );
}

#[test]
fn option_ids_follow_the_pattern() {
    only(
        |v| v["cards"][1]["options"][0]["id"] = json!("Go!"),
        "cards[1].options[0].id",
        ProblemKind::BadId {
            id: "Go!".into(),
            style: IdStyle::Dashes,
        },
    );
}

#[test]
fn every_text_needs_both_languages_filled() {
    let places = [
        "/title",
        "/description",
        "/cards/0/title",
        "/cards/0/organisation",
        "/cards/0/country",
        "/cards/0/story",
        "/cards/0/practice",
        "/cards/0/data_categories/0",
        "/cards/0/facts/1/text",
        "/cards/0/prompts/0",
        "/cards/0/options/2/label",
        "/cards/0/options/2/description",
        "/cards/0/red_line",
        "/cards/0/outcome",
        "/cards/0/facilitator_notes",
    ];
    for place in places {
        for (lang, blank) in [(Lang::En, ""), (Lang::Nl, " \n\t ")] {
            let expected_path = format!(
                "{}.{}",
                place
                    .trim_start_matches('/')
                    .split('/')
                    .fold(String::new(), |acc, seg| match seg.parse::<usize>() {
                        Ok(i) => format!("{acc}[{i}]"),
                        Err(_) if acc.is_empty() => seg.to_string(),
                        Err(_) => format!("{acc}.{seg}"),
                    }),
                lang.code()
            );
            only(
                |v| *v.pointer_mut(place).unwrap().get_mut(lang.code()).unwrap() = json!(blank),
                &expected_path,
                ProblemKind::EmptyText(lang),
            );
        }
    }
}

#[test]
fn three_to_five_options() {
    only(
        |v| {
            let options = v["cards"][1]["options"].as_array_mut().unwrap();
            options.remove(1);
        },
        "cards[1].options",
        ProblemKind::OptionCount(2),
    );
    only(
        |v| {
            let options = v["cards"][1]["options"].as_array_mut().unwrap();
            for i in 0..3 {
                let mut extra = options[1].clone();
                extra["id"] = json!(format!("extra-{i}"));
                options.push(extra);
            }
        },
        "cards[1].options",
        ProblemKind::OptionCount(6),
    );
}

#[test]
fn a_team_can_always_say_no() {
    only(
        |v| v["cards"][0]["options"][2]["stance"] = json!("redesign"),
        "cards[0].options",
        ProblemKind::NoNoGo,
    );
}

#[test]
fn safeguards_come_from_the_framework() {
    only(
        |v| v["cards"][0]["safeguards"] = json!(["purpose_stated", "purpose_stat"]),
        "cards[0].safeguards[1]",
        ProblemKind::UnknownSafeguard {
            id: "purpose_stat".into(),
            suggestion: Some("purpose_stated".into()),
        },
    );
    only(
        |v| v["cards"][0]["safeguards"] = json!(["teleport_customers"]),
        "cards[0].safeguards[0]",
        ProblemKind::UnknownSafeguard {
            id: "teleport_customers".into(),
            suggestion: None,
        },
    );
}

#[test]
fn safeguards_are_listed_once() {
    only(
        |v| v["cards"][0]["safeguards"] = json!(["purpose_stated", "purpose_stated"]),
        "cards[0].safeguards[1]",
        ProblemKind::Repeated {
            item: "purpose_stated".into(),
        },
    );
}

#[test]
fn a_card_offers_at_least_one_safeguard() {
    only(
        |v| v["cards"][1]["safeguards"] = json!([]),
        "cards[1].safeguards",
        ProblemKind::NoSafeguards,
    );
}

#[test]
fn areas_come_from_the_framework() {
    only(
        |v| v["cards"][0]["areas"] = json!(["colection"]),
        "cards[0].areas[0]",
        ProblemKind::UnknownArea {
            id: "colection".into(),
            suggestion: Some("collection".into()),
        },
    );
    only(
        |v| v["cards"][0]["areas"] = json!([]),
        "cards[0].areas",
        ProblemKind::NoAreas,
    );
    only(
        |v| v["cards"][0]["areas"] = json!(["collection", "collection"]),
        "cards[0].areas[1]",
        ProblemKind::Repeated {
            item: "collection".into(),
        },
    );
}

#[test]
fn tags_are_listed_once() {
    only(
        |v| v["cards"][0]["tags"] = json!(["profiling", "profiling"]),
        "cards[0].tags[1]",
        ProblemKind::Repeated {
            item: "profiling".into(),
        },
    );
}

#[test]
fn a_card_names_its_data() {
    only(
        |v| v["cards"][0]["data_categories"] = json!([]),
        "cards[0].data_categories",
        ProblemKind::NoDataCategories,
    );
}

#[test]
fn a_real_case_has_an_outcome_facts_and_a_year() {
    only(
        |v| {
            card(v, 0).remove("outcome");
        },
        "cards[0].outcome",
        ProblemKind::MissingOutcome,
    );
    only(
        |v| v["cards"][0]["facts"] = json!([]),
        "cards[0].facts",
        ProblemKind::NoFacts,
    );
    only(
        |v| {
            card(v, 0).remove("facts");
        },
        "cards[0].facts",
        ProblemKind::NoFacts,
    );
    only(
        |v| {
            card(v, 0).remove("year");
        },
        "cards[0].year",
        ProblemKind::MissingYear,
    );
}

#[test]
fn baseline_and_exemplary_cards_also_reveal_an_outcome() {
    for kind in ["baseline", "exemplary"] {
        only(
            |v| {
                v["cards"][1]["kind"] = json!(kind);
            },
            "cards[1].outcome",
            ProblemKind::MissingOutcome,
        );
    }
}

#[test]
fn a_hypothetical_has_no_outcome_and_no_year() {
    only(
        |v| v["cards"][1]["outcome"] = json!({"en": "It went well.", "nl": "Het ging goed."}),
        "cards[1].outcome",
        ProblemKind::OutcomeOnHypothetical,
    );
    only(
        |v| v["cards"][1]["year"] = json!(2030),
        "cards[1].year",
        ProblemKind::YearOnHypothetical,
    );
}

#[test]
fn years_are_plausible() {
    for year in [0, 1899, 2101, 9999] {
        only(
            |v| v["cards"][0]["year"] = json!(year),
            "cards[0].year",
            ProblemKind::YearOutOfRange(year),
        );
    }
}

#[test]
fn fact_dates_are_dates() {
    for bad in [
        "",
        "2014-3-10",
        "10-03-2014",
        "2014-02-30",
        "March 2014",
        "2014-13",
    ] {
        only(
            |v| v["cards"][0]["facts"][0]["source"]["date"] = json!(bad),
            "cards[0].facts[0].source.date",
            ProblemKind::BadDate(bad.into()),
        );
    }
    only(
        |v| v["cards"][0]["facts"][0]["source"]["date"] = json!("1850-01"),
        "cards[0].facts[0].source.date",
        ProblemKind::YearOutOfRange(1850),
    );
    for good in ["2014", "2014-03", "2012-02-29"] {
        assert_eq!(
            problems(|v| v["cards"][0]["facts"][0]["source"]["date"] = json!(good)),
            vec![]
        );
    }
}

#[test]
fn sources_name_a_publisher_and_a_real_address() {
    only(
        |v| v["cards"][0]["facts"][1]["source"]["publisher"] = json!(" "),
        "cards[0].facts[1].source.publisher",
        ProblemKind::EmptyField,
    );
    only(
        |v| v["cards"][0]["facts"][1]["source"]["title"] = json!(""),
        "cards[0].facts[1].source.title",
        ProblemKind::EmptyField,
    );
    only(
        |v| v["cards"][0]["facts"][1]["source"]["url"] = json!("www.nrc.nl"),
        "cards[0].facts[1].source.url",
        ProblemKind::BadUrl("www.nrc.nl".into()),
    );
}

#[test]
fn a_card_has_a_prompt() {
    only(
        |v| v["cards"][1]["prompts"] = json!([]),
        "cards[1].prompts",
        ProblemKind::NoPrompts,
    );
}

#[test]
fn every_problem_at_once_with_its_place() {
    let mut value = valid();
    value["version"] = json!("");
    value["cards"][0]["safeguards"] = json!(["nope"]);
    value["cards"][1]["id"] = json!("ing-2014");
    value["cards"][1]["prompts"][0]["nl"] = json!("");
    value["cards"][1]["options"][2]["stance"] = json!("go");
    let text = pretty(&value);
    let err = deck::parse("my-deck.json", &text).unwrap_err();
    assert_eq!(err.problems().len(), 5);

    // Each position points at the value the path names.
    for (pos, problem) in err.problems() {
        let line = text.lines().nth(pos.line - 1).unwrap();
        let at: String = line.chars().skip(pos.column - 1).collect();
        let expected_start = match problem.path.to_string().as_str() {
            "version" => "\"\"",
            "cards[0].safeguards[0]" => "\"nope\"",
            "cards[1].id" => "\"ing-2014\"",
            "cards[1].prompts[0].nl" => "\"\"",
            "cards[1].options" => "[",
            other => panic!("unexpected problem at {other}"),
        };
        assert!(at.starts_with(expected_start), "{problem}: `{at}`");
    }
    insta::assert_snapshot!("report_en", err.report(Lang::En));
    insta::assert_snapshot!("report_nl", err.report(Lang::Nl));
}
