//! What the semantic pass can find wrong in a deck or an asset file.

use std::fmt;

use super::path::JsonPath;
use crate::domain::Lang;
use crate::i18n::{dates::prose_date, deck::ProblemMsg as M, fill};

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
    /// A story fact published after the card's decision point.
    StoryFactAfterDecision {
        date: String,
        decision: String,
    },
    DecisionPointOnHypothetical,
    /// Warning: a real, baseline or exemplary card without a decision point.
    MissingDecisionPoint,
    /// Warning: a real case tells its outcome with no sourced reveal fact.
    NoRevealFact,
    UnknownAgendaCard {
        id: String,
        suggestion: Option<String>,
    },
    NoAgendaCards,
    AgendaMinutes,
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
    /// Whether the deck still loads with this problem: a warning tells the
    /// author, an error stops the deck.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::MissingDecisionPoint | ProblemKind::NoRevealFact
        )
    }

    /// The problem in words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let values = self.values(lang);
        let args: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(self.template().get(lang), &args) + &self.did_you_mean(lang)
    }

    /// The words of the message, with `{placeholders}` for its values.
    fn template(&self) -> M {
        use ProblemKind::*;
        match self {
            NoCards => M::NoCards,
            EmptyVersion => M::EmptyVersion,
            EmptyText(_) => M::EmptyText,
            EmptyField => M::EmptyField,
            ControlChar(_) => M::ControlChar,
            BadId {
                style: IdStyle::Dashes,
                ..
            } => M::BadIdDashes,
            BadId {
                style: IdStyle::Underscores,
                ..
            } => M::BadIdUnderscores,
            DuplicateId { .. } => M::DuplicateId,
            Repeated { .. } => M::Repeated,
            OptionCount(_) => M::OptionCount,
            NoNoGo => M::NoNoGo,
            UnknownSafeguard { .. } => M::UnknownSafeguard,
            UnknownArea { .. } => M::UnknownArea,
            MissingOutcome => M::MissingOutcome,
            NoFacts => M::NoFacts,
            MissingYear => M::MissingYear,
            OutcomeOnHypothetical => M::OutcomeOnHypothetical,
            YearOnHypothetical => M::YearOnHypothetical,
            YearOutOfRange(_) => M::YearOutOfRange,
            BadDate(_) => M::BadDate,
            BadUrl(_) => M::BadUrl,
            NoPrompts => M::NoPrompts,
            NoDataCategories => M::NoDataCategories,
            NoAreas => M::NoAreas,
            NoSafeguards => M::NoSafeguards,
            StoryFactAfterDecision { .. } => M::StoryFactAfterDecision,
            DecisionPointOnHypothetical => M::DecisionPointOnHypothetical,
            MissingDecisionPoint => M::MissingDecisionPoint,
            NoRevealFact => M::NoRevealFact,
            UnknownAgendaCard { .. } => M::UnknownAgendaCard,
            NoAgendaCards => M::NoAgendaCards,
            AgendaMinutes => M::AgendaMinutes,
            NoPrinciples => M::NoPrinciples,
            NoPolicyAreas => M::NoPolicyAreas,
            NoFrameworkSafeguards => M::NoFrameworkSafeguards,
            NoGdpr => M::NoGdpr,
            TopicWithoutLevel { .. } => M::TopicWithoutLevel,
            LevelWithoutTopic(_) => M::LevelWithoutTopic,
            DuplicateLevel { .. } => M::DuplicateLevel,
            LoneTopic { .. } => M::LoneTopic,
            TopicAcrossAreas { .. } => M::TopicAcrossAreas,
        }
    }

    /// The values for the template's placeholders; none for a problem
    /// whose words say it all.
    fn values(&self, lang: Lang) -> Vec<(&'static str, String)> {
        use ProblemKind::*;
        let s = |x: &str| x.to_string();
        match self {
            EmptyText(of) => vec![("lang", s(lang_name(lang, *of)))],
            ControlChar(c) => vec![("code", format!("U+{:04X}", u32::from(*c)))],
            BadId { id, .. }
            | UnknownSafeguard { id, .. }
            | UnknownArea { id, .. }
            | UnknownAgendaCard { id, .. } => vec![("id", s(id))],
            DuplicateId { id, first } => vec![("id", s(id)), ("first", first.to_string())],
            Repeated { item } => vec![("item", s(item))],
            OptionCount(n) => vec![("n", n.to_string())],
            YearOutOfRange(y) => vec![
                ("year", y.to_string()),
                ("min", YEARS.start().to_string()),
                ("max", YEARS.end().to_string()),
            ],
            BadDate(d) => vec![("date", s(d))],
            BadUrl(u) => vec![("url", s(u))],
            StoryFactAfterDecision { date, decision } => vec![
                ("date", prose_date(date, lang)),
                ("decision", prose_date(decision, lang)),
            ],
            TopicWithoutLevel { topic } | LoneTopic { topic } => vec![("topic", s(topic))],
            LevelWithoutTopic(level) => vec![("level", level.to_string())],
            DuplicateLevel {
                topic,
                level,
                first,
            } => vec![
                ("topic", s(topic)),
                ("level", level.to_string()),
                ("first", first.to_string()),
            ],
            TopicAcrossAreas { topic, area, other } => {
                vec![("topic", s(topic)), ("area", s(area)), ("other", s(other))]
            }
            _ => Vec::new(),
        }
    }

    /// "Did you mean …?" after an unknown id that is close to a known one.
    fn did_you_mean(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match self {
            UnknownSafeguard { suggestion, .. }
            | UnknownArea { suggestion, .. }
            | UnknownAgendaCard { suggestion, .. } => did_you_mean(lang, suggestion),
            _ => String::new(),
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
