//! What the semantic pass can find wrong in a deck or an asset file.

use std::fmt;

use super::path::JsonPath;
use crate::domain::Lang;
use crate::i18n::{deck::ProblemMsg as M, fill};

/// One thing wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: JsonPath,
    pub kind: ProblemKind,
}

/// Which rule an id follows: cards and options use dashes
/// (`ing-2014`), the framework and principles use underscores
/// (`purpose_stated`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdStyle {
    Dashes,
    Underscores,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    NoCards,
    EmptyVersion,
    /// A text in one language is empty or only spaces.
    EmptyText(Lang),
    /// A plain string field (publisher, GDPR article) is empty.
    EmptyField,
    /// A text holds a character a terminal would act on (an escape, a
    /// control character, a bidirectional override).
    ControlChar(char),
    BadId {
        id: String,
        style: IdStyle,
    },
    /// The same id twice; `first` is where it was first used.
    DuplicateId {
        id: String,
        first: JsonPath,
    },
    /// The same entry twice in one list (safeguards, areas, tags).
    Repeated {
        item: String,
    },
    OptionCount(usize),
    NoNoGo,
    UnknownSafeguard {
        id: String,
        suggestion: Option<String>,
    },
    UnknownArea {
        id: String,
        suggestion: Option<String>,
    },
    MissingOutcome,
    NoFacts,
    MissingYear,
    OutcomeOnHypothetical,
    YearOnHypothetical,
    YearOutOfRange(i64),
    BadDate(String),
    BadUrl(String),
    NoPrompts,
    NoDataCategories,
    NoAreas,
    NoSafeguards,
    // The asset files.
    NoPrinciples,
    NoPolicyAreas,
    NoFrameworkSafeguards,
    NoGdpr,
    TopicWithoutLevel {
        topic: String,
    },
    LevelWithoutTopic(u8),
    DuplicateLevel {
        topic: String,
        level: u8,
        first: JsonPath,
    },
    LoneTopic {
        topic: String,
    },
    TopicAcrossAreas {
        topic: String,
        area: String,
        other: String,
    },
}

/// The earliest and latest year a card or source may carry.
pub const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

fn lang_name(lang: Lang, of: Lang) -> &'static str {
    match of {
        Lang::En => M::LangEnglish.get(lang),
        Lang::Nl => M::LangDutch.get(lang),
    }
}

fn did_you_mean(lang: Lang, suggestion: &Option<String>) -> String {
    match suggestion {
        Some(s) => fill(M::DidYouMean.get(lang), &[("id", s)]),
        None => String::new(),
    }
}

impl ProblemKind {
    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let t = |m: M| m.get(lang);
        match self {
            NoCards => t(M::NoCards).into(),
            EmptyVersion => t(M::EmptyVersion).into(),
            EmptyText(of) => fill(t(M::EmptyText), &[("lang", lang_name(lang, *of))]),
            EmptyField => t(M::EmptyField).into(),
            ControlChar(c) => fill(
                t(M::ControlChar),
                &[("code", &format!("U+{:04X}", u32::from(*c)))],
            ),
            BadId { id, style } => {
                let m = match style {
                    IdStyle::Dashes => M::BadIdDashes,
                    IdStyle::Underscores => M::BadIdUnderscores,
                };
                fill(t(m), &[("id", id)])
            }
            DuplicateId { id, first } => fill(
                t(M::DuplicateId),
                &[("id", id), ("first", &first.to_string())],
            ),
            Repeated { item } => fill(t(M::Repeated), &[("item", item)]),
            OptionCount(n) => fill(t(M::OptionCount), &[("n", &n.to_string())]),
            NoNoGo => t(M::NoNoGo).into(),
            UnknownSafeguard { id, suggestion } => {
                fill(t(M::UnknownSafeguard), &[("id", id)]) + &did_you_mean(lang, suggestion)
            }
            UnknownArea { id, suggestion } => {
                fill(t(M::UnknownArea), &[("id", id)]) + &did_you_mean(lang, suggestion)
            }
            MissingOutcome => t(M::MissingOutcome).into(),
            NoFacts => t(M::NoFacts).into(),
            MissingYear => t(M::MissingYear).into(),
            OutcomeOnHypothetical => t(M::OutcomeOnHypothetical).into(),
            YearOnHypothetical => t(M::YearOnHypothetical).into(),
            YearOutOfRange(y) => fill(
                t(M::YearOutOfRange),
                &[
                    ("year", &y.to_string()),
                    ("min", &YEARS.start().to_string()),
                    ("max", &YEARS.end().to_string()),
                ],
            ),
            BadDate(d) => fill(t(M::BadDate), &[("date", d)]),
            BadUrl(u) => fill(t(M::BadUrl), &[("url", u)]),
            NoPrompts => t(M::NoPrompts).into(),
            NoDataCategories => t(M::NoDataCategories).into(),
            NoAreas => t(M::NoAreas).into(),
            NoSafeguards => t(M::NoSafeguards).into(),
            NoPrinciples => t(M::NoPrinciples).into(),
            NoPolicyAreas => t(M::NoPolicyAreas).into(),
            NoFrameworkSafeguards => t(M::NoFrameworkSafeguards).into(),
            NoGdpr => t(M::NoGdpr).into(),
            TopicWithoutLevel { topic } => fill(t(M::TopicWithoutLevel), &[("topic", topic)]),
            LevelWithoutTopic(level) => {
                fill(t(M::LevelWithoutTopic), &[("level", &level.to_string())])
            }
            DuplicateLevel {
                topic,
                level,
                first,
            } => fill(
                t(M::DuplicateLevel),
                &[
                    ("topic", topic),
                    ("level", &level.to_string()),
                    ("first", &first.to_string()),
                ],
            ),
            LoneTopic { topic } => fill(t(M::LoneTopic), &[("topic", topic)]),
            TopicAcrossAreas { topic, area, other } => fill(
                t(M::TopicAcrossAreas),
                &[("topic", topic), ("area", area), ("other", other)],
            ),
        }
    }
}

impl Problem {
    pub fn new(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem { path, kind }
    }

    /// `path: message`, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let path = if self.path.is_root() {
            M::TopLevel.get(lang).to_string()
        } else {
            self.path.to_string()
        };
        format!("{path}: {}", self.kind.message(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
