//! The semantic pass over the asset files: the principle library and the
//! policy framework.

use std::collections::HashMap;

use super::path::JsonPath;
use super::problem::{IdStyle, Problem, ProblemKind};
use super::rules::{Findings, suggest, tag_code};
use crate::domain::{Framework, PrincipleLibrary};

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
    let root = JsonPath::root();
    let mut f = Findings::default();

    let areas = root.field("areas");
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

    let law = root.field("other_law");
    for (i, l) in framework.other_law.iter().enumerate() {
        let at = law.index(i);
        f.non_empty(at.field("citation"), &l.citation);
        f.text(&at.field("summary"), &l.summary);
        for (j, area) in l.areas.iter().enumerate() {
            if framework.area(area).is_none() {
                let suggestion = suggest(area, framework.areas.iter().map(|a| a.id.as_str()));
                f.add(
                    at.field("areas").index(j),
                    ProblemKind::UnknownArea {
                        id: area.clone(),
                        suggestion,
                    },
                );
            }
        }
    }

    let safeguards = root.field("safeguards");
    if framework.safeguards.is_empty() {
        f.add(safeguards.clone(), ProblemKind::NoFrameworkSafeguards);
    }
    f.unique_ids(
        framework.safeguards.iter().map(|s| s.id.as_str()),
        IdStyle::Underscores,
        |i| safeguards.index(i).field("id"),
    );
    // topic -> (its area, where it was first seen, level -> where)
    let mut topics: HashMap<&str, (&str, usize, HashMap<u8, usize>)> = HashMap::new();
    for (i, s) in framework.safeguards.iter().enumerate() {
        let at = safeguards.index(i);
        f.text(&at.field("label"), &s.label);
        f.text(&at.field("commitment"), &s.commitment);
        if framework.area(&s.area).is_none() {
            let suggestion = suggest(&s.area, framework.areas.iter().map(|a| a.id.as_str()));
            f.add(
                at.field("area"),
                ProblemKind::UnknownArea {
                    id: s.area.clone(),
                    suggestion,
                },
            );
        }
        f.no_repeats(
            &at.field("excludes"),
            s.excludes.iter().map(|t| tag_code(*t)),
        );
        match &s.topic {
            None if s.level != 0 => {
                f.add(at.field("level"), ProblemKind::LevelWithoutTopic(s.level))
            }
            None => {}
            Some(topic) => {
                f.id(at.field("topic"), topic, IdStyle::Underscores);
                if s.level == 0 {
                    f.add(
                        at.field("level"),
                        ProblemKind::TopicWithoutLevel {
                            topic: topic.clone(),
                        },
                    );
                }
                let entry = topics
                    .entry(topic.as_str())
                    .or_insert_with(|| (s.area.as_str(), i, HashMap::new()));
                if entry.0 != s.area {
                    f.add(
                        at.field("area"),
                        ProblemKind::TopicAcrossAreas {
                            topic: topic.clone(),
                            area: s.area.clone(),
                            other: entry.0.to_string(),
                        },
                    );
                }
                if s.level != 0 {
                    if let Some(&first) = entry.2.get(&s.level) {
                        f.add(
                            at.field("level"),
                            ProblemKind::DuplicateLevel {
                                topic: topic.clone(),
                                level: s.level,
                                first: safeguards.index(first),
                            },
                        );
                    } else {
                        entry.2.insert(s.level, i);
                    }
                }
            }
        }
    }
    // In file order, so the report reads top to bottom.
    let mut lone: Vec<(&str, usize)> = topics
        .iter()
        .map(|(topic, (_, first, _))| (*topic, *first))
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
                safeguards.index(first).field("topic"),
                ProblemKind::LoneTopic {
                    topic: topic.to_string(),
                },
            );
        }
    }
    f.0
}
