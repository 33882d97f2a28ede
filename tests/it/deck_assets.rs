//! The semantic pass over the asset files: the principle library and the
//! policy framework.

use crate::deck_support;

use datakompas::deck::{self, IdStyle, JsonPath, ProblemKind};
use serde_json::{Value, json};

fn text(en: &str) -> Value {
    json!({"en": en, "nl": format!("{en} (nl)")})
}

fn safeguard(id: &str, area: &str, topic: Option<&str>, level: u8) -> Value {
    let mut s = json!({
        "id": id, "area": area, "label": text(id), "commitment": text("We do it."), "level": level
    });
    if let Some(topic) = topic {
        s["topic"] = json!(topic);
    }
    s
}

/// A small, correct framework: two areas, a topic with two levels.
fn framework() -> Value {
    json!({
        "areas": [
            {"id": "collection", "title": text("Collection"), "question": text("What?"),
             "gdpr": [{"article": "Art. 5(1)(b)", "summary": text("Purpose limitation")}]},
            {"id": "control", "title": text("Control"), "question": text("Who decides?"),
             "gdpr": [{"article": "Art. 7", "summary": text("Consent")}]}
        ],
        "safeguards": [
            safeguard("purpose_stated", "collection", None, 0),
            safeguard("easy_opt_out", "control", Some("consent"), 1),
            safeguard("opt_in_only", "control", Some("consent"), 2)
        ]
    })
}

fn framework_problems(edit: impl FnOnce(&mut Value)) -> Vec<(String, ProblemKind)> {
    let mut value = framework();
    edit(&mut value);
    deck_support::problems(deck::parse_framework("framework.json", &value.to_string()))
}

fn only(edit: impl FnOnce(&mut Value), path: &str, kind: ProblemKind) {
    assert_eq!(framework_problems(edit), vec![(path.to_string(), kind)]);
}

#[test]
fn the_sample_framework_is_fine() {
    assert_eq!(framework_problems(|_| {}), vec![]);
}

#[test]
fn framework_ids_are_unique_and_well_formed() {
    // The safeguards in `control` now name an area that is gone.
    assert_eq!(
        framework_problems(|v| v["areas"][1]["id"] = json!("collection")),
        vec![
            (
                "areas[1].id".into(),
                ProblemKind::DuplicateId {
                    id: "collection".into(),
                    first: JsonPath::parse("areas[0].id"),
                }
            ),
            (
                "safeguards[1].area".into(),
                ProblemKind::UnknownArea {
                    id: "control".into(),
                    suggestion: None
                }
            ),
            (
                "safeguards[2].area".into(),
                ProblemKind::UnknownArea {
                    id: "control".into(),
                    suggestion: None
                }
            ),
        ]
    );
    let problems = framework_problems(|v| v["areas"][1]["id"] = json!("Control"));
    assert!(problems.contains(&(
        "areas[1].id".into(),
        ProblemKind::BadId {
            id: "Control".into(),
            style: IdStyle::Underscores
        }
    )));
    only(
        |v| v["safeguards"][2]["id"] = json!("easy_opt_out"),
        "safeguards[2].id",
        ProblemKind::DuplicateId {
            id: "easy_opt_out".into(),
            first: JsonPath::parse("safeguards[1].id"),
        },
    );
}

#[test]
fn safeguards_sit_in_known_areas() {
    only(
        |v| v["safeguards"][0]["area"] = json!("colection"),
        "safeguards[0].area",
        ProblemKind::UnknownArea {
            id: "colection".into(),
            suggestion: Some("collection".into()),
        },
    );
}

#[test]
fn topics_and_levels_agree() {
    only(
        |v| v["safeguards"][2]["level"] = json!(0),
        "safeguards[2].level",
        ProblemKind::TopicWithoutLevel {
            topic: "consent".into(),
        },
    );
    only(
        |v| v["safeguards"][0]["level"] = json!(3),
        "safeguards[0].level",
        ProblemKind::LevelWithoutTopic(3),
    );
    only(
        |v| v["safeguards"][2]["level"] = json!(1),
        "safeguards[2].level",
        ProblemKind::DuplicateLevel {
            topic: "consent".into(),
            level: 1,
            first: JsonPath::parse("safeguards[1]"),
        },
    );
    // A misspelt topic leaves two topics of one safeguard each.
    assert_eq!(
        framework_problems(|v| v["safeguards"][2]["topic"] = json!("consnet")),
        vec![
            (
                "safeguards[1].topic".into(),
                ProblemKind::LoneTopic {
                    topic: "consent".into()
                }
            ),
            (
                "safeguards[2].topic".into(),
                ProblemKind::LoneTopic {
                    topic: "consnet".into()
                }
            ),
        ]
    );
    only(
        |v| v["safeguards"][2]["area"] = json!("collection"),
        "safeguards[2].area",
        ProblemKind::TopicAcrossAreas {
            topic: "consent".into(),
            area: "collection".into(),
            other: "control".into(),
        },
    );
}

#[test]
fn areas_cite_the_gdpr_and_texts_are_filled() {
    only(
        |v| v["areas"][0]["gdpr"] = json!([]),
        "areas[0].gdpr",
        ProblemKind::NoGdpr,
    );
    only(
        |v| v["areas"][0]["gdpr"][0]["article"] = json!(""),
        "areas[0].gdpr[0].article",
        ProblemKind::EmptyField,
    );
    only(
        |v| v["safeguards"][1]["commitment"]["nl"] = json!(" "),
        "safeguards[1].commitment.nl",
        ProblemKind::EmptyText(datakompas::domain::Lang::Nl),
    );
    only(
        |v| v["areas"][1]["question"]["en"] = json!(""),
        "areas[1].question.en",
        ProblemKind::EmptyText(datakompas::domain::Lang::En),
    );
}

#[test]
fn an_empty_framework_says_so() {
    assert_eq!(
        framework_problems(|v| {
            v["areas"] = json!([]);
            v["safeguards"] = json!([]);
        }),
        vec![
            ("areas".into(), ProblemKind::NoPolicyAreas),
            ("safeguards".into(), ProblemKind::NoFrameworkSafeguards),
        ]
    );
}

fn principle_problems(principles: Value) -> Vec<(String, ProblemKind)> {
    let json = json!({ "principles": principles }).to_string();
    deck_support::problems(deck::parse_principles("principles.json", &json))
}

fn principle(id: &str) -> Value {
    json!({"id": id, "name": text(id), "meaning": text("What it means."), "leaning": "balanced"})
}

#[test]
fn principles_are_unique_named_and_explained() {
    assert_eq!(
        principle_problems(json!([principle("fair"), principle("in_control")])),
        vec![]
    );
    assert_eq!(
        principle_problems(json!([principle("fair"), principle("fair")])),
        vec![(
            "principles[1].id".into(),
            ProblemKind::DuplicateId {
                id: "fair".into(),
                first: JsonPath::parse("principles[0].id")
            }
        )]
    );
    assert_eq!(
        principle_problems(json!([principle("in-control")])),
        vec![(
            "principles[0].id".into(),
            ProblemKind::BadId {
                id: "in-control".into(),
                style: IdStyle::Underscores
            }
        )]
    );
    let mut blank = principle("fair");
    blank["meaning"]["en"] = json!("");
    assert_eq!(
        principle_problems(json!([blank])),
        vec![(
            "principles[0].meaning.en".into(),
            ProblemKind::EmptyText(datakompas::domain::Lang::En)
        )]
    );
    assert_eq!(
        principle_problems(json!([])),
        vec![("principles".into(), ProblemKind::NoPrinciples)]
    );
}

#[test]
fn asset_files_get_the_same_parse_errors() {
    let err = deck::parse_principles(
        "principles.json",
        "{\"principles\": [{\"id\": \"fair\", \"leaning\": \"sideways\"}]}",
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("principles.json:1:52: principles[0].leaning: unknown variant `sideways`"),
        "{err}"
    );
}
