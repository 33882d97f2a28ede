//! The semantic pass over the asset files: the principle library and the
//! policy framework.

use std::collections::HashMap;

use super::path::JsonPath;
use super::problem::{IdStyle, Problem, ProblemKind};
use super::rules::{Findings, suggest, tag_code};
use crate::domain::{Framework, PrincipleLibrary, Safeguard};

/// Every problem in the principle library.
pub fn validate_principles(library: &PrincipleLibrary) -> Vec<Problem> {
    let at = JsonPath::root().field("principles");
    let mut f = Findings::default();
    if library.principles.is_empty() {
        f.add(at.clone(), ProblemKind::NoPrinciples);
    }
    f.unique_ids(
        library.principles.iter().map(|p| p.id.as_str()),
        IdStyle::Underscores,
        |i| at.index(i).field("id"),
    );
    for (i, p) in library.principles.iter().enumerate() {
        f.text(&at.index(i).field("name"), &p.name);
        f.text(&at.index(i).field("meaning"), &p.meaning);
    }
    f.0
}

/// Every problem in the policy framework: ids, texts, safeguards in known
/// areas, and topics whose levels rank their safeguards one way.
pub fn validate_framework(framework: &Framework) -> Vec<Problem> {
    let mut f = Findings::default();
    check_areas(&mut f, framework);
    check_other_law(&mut f, framework);
    let topics = check_safeguards(&mut f, framework);
    check_lone_topics(&mut f, framework, &topics);
    f.0
}

/// Where a safeguard topic was first seen, and its levels so far.
struct TopicSeen<'a> {
    area: &'a str,
    first: usize,
    /// level -> the safeguard that has it
    levels: HashMap<u8, usize>,
}

type Topics<'a> = HashMap<&'a str, TopicSeen<'a>>;

fn safeguards_path() -> JsonPath {
    JsonPath::root().field("safeguards")
}

fn check_areas(f: &mut Findings, framework: &Framework) {
    let areas = JsonPath::root().field("areas");
    if framework.areas.is_empty() {
        f.add(areas.clone(), ProblemKind::NoPolicyAreas);
    }
    f.unique_ids(
        framework.areas.iter().map(|a| a.id.as_str()),
        IdStyle::Underscores,
        |i| areas.index(i).field("id"),
    );
    for (i, area) in framework.areas.iter().enumerate() {
        let at = areas.index(i);
        f.text(&at.field("title"), &area.title);
        f.text(&at.field("question"), &area.question);
        if area.gdpr.is_empty() {
            f.add(at.field("gdpr"), ProblemKind::NoGdpr);
        }
        for (j, gdpr) in area.gdpr.iter().enumerate() {
            f.non_empty(at.field("gdpr").index(j).field("article"), &gdpr.article);
            f.text(&at.field("gdpr").index(j).field("summary"), &gdpr.summary);
        }
    }
}

/// An area id that must name one of the framework's areas.
fn known_area(f: &mut Findings, framework: &Framework, at: JsonPath, area: &str) {
    if framework.area(area).is_none() {
        let suggestion = suggest(area, framework.areas.iter().map(|a| a.id.as_str()));
        f.add(
            at,
            ProblemKind::UnknownArea {
                id: area.to_string(),
                suggestion,
            },
        );
    }
}

fn check_other_law(f: &mut Findings, framework: &Framework) {
    let law = JsonPath::root().field("other_law");
    for (i, l) in framework.other_law.iter().enumerate() {
        let at = law.index(i);
        f.non_empty(at.field("citation"), &l.citation);
        f.text(&at.field("summary"), &l.summary);
        for (j, area) in l.areas.iter().enumerate() {
            known_area(f, framework, at.field("areas").index(j), area);
        }
    }
}

/// The safeguards one by one; returns the topics they name.
fn check_safeguards<'a>(f: &mut Findings, framework: &'a Framework) -> Topics<'a> {
    let safeguards = safeguards_path();
    if framework.safeguards.is_empty() {
        f.add(safeguards.clone(), ProblemKind::NoFrameworkSafeguards);
    }
    f.unique_ids(
        framework.safeguards.iter().map(|s| s.id.as_str()),
        IdStyle::Underscores,
        |i| safeguards.index(i).field("id"),
    );
    let mut topics = Topics::new();
    for (i, s) in framework.safeguards.iter().enumerate() {
        let at = safeguards.index(i);
        f.text(&at.field("label"), &s.label);
        f.text(&at.field("commitment"), &s.commitment);
        known_area(f, framework, at.field("area"), &s.area);
        f.no_repeats(
            &at.field("excludes"),
            s.excludes.iter().map(|t| tag_code(*t)),
        );
        match &s.topic {
            None if s.level != 0 => {
                f.add(at.field("level"), ProblemKind::LevelWithoutTopic(s.level))
            }
            None => {}
            Some(topic) => check_topic(f, &mut topics, i, s, topic),
        }
    }
    topics
}

/// A safeguard's topic: one area per topic, one safeguard per level.
fn check_topic<'a>(
    f: &mut Findings,
    topics: &mut Topics<'a>,
    i: usize,
    s: &'a Safeguard,
    topic: &'a str,
) {
    let at = safeguards_path().index(i);
    f.id(at.field("topic"), topic, IdStyle::Underscores);
    if s.level == 0 {
        f.add(
            at.field("level"),
            ProblemKind::TopicWithoutLevel {
                topic: topic.to_string(),
            },
        );
    }
    let seen = topics.entry(topic).or_insert_with(|| TopicSeen {
        area: s.area.as_str(),
        first: i,
        levels: HashMap::new(),
    });
    if seen.area != s.area {
        f.add(
            at.field("area"),
            ProblemKind::TopicAcrossAreas {
                topic: topic.to_string(),
                area: s.area.clone(),
                other: seen.area.to_string(),
            },
        );
    }
    if s.level == 0 {
        return;
    }
    if let Some(&first) = seen.levels.get(&s.level) {
        f.add(
            at.field("level"),
            ProblemKind::DuplicateLevel {
                topic: topic.to_string(),
                level: s.level,
                first: safeguards_path().index(first),
            },
        );
    } else {
        seen.levels.insert(s.level, i);
    }
}

/// A topic ranks safeguards, so it needs at least two.
fn check_lone_topics(f: &mut Findings, framework: &Framework, topics: &Topics) {
    // In file order, so the report reads top to bottom.
    let mut lone: Vec<(&str, usize)> = topics
        .iter()
        .map(|(topic, seen)| (*topic, seen.first))
        .collect();
    lone.sort_by_key(|(_, first)| *first);
    for (topic, first) in lone {
        let members = framework
            .safeguards
            .iter()
            .filter(|s| s.topic.as_deref() == Some(topic))
            .count();
        if members < 2 {
            f.add(
                safeguards_path().index(first).field("topic"),
                ProblemKind::LoneTopic {
                    topic: topic.to_string(),
                },
            );
        }
    }
}
