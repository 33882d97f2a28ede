//! Why a deck (or asset) file could not be used, as a report that says
//! where and what: `FILE:LINE:COLUMN: PATH: what was expected`.

use std::fmt;

use super::locate::Position;
use super::path::JsonPath;
use super::problem::Problem;
use crate::domain::Lang;
use crate::i18n::{
    deck::{LoadMsg, ProblemMsg},
    fill,
};
use crate::regular_file::ReadError;

#[derive(Debug)]
pub enum DeckError {
    NotFound {
        file: String,
    },
    /// Not a regular file, too large, or the system refused.
    Read {
        file: String,
        reason: ReadError,
    },
    NotUtf8 {
        file: String,
        at: Position,
        offset: usize,
    },
    Empty {
        file: String,
    },
    /// The JSON does not parse, or does not fit the format. `message` is
    /// serde's: what was found and what was expected.
    Syntax {
        file: String,
        at: Position,
        path: JsonPath,
        message: String,
    },
    /// It parses, but breaks the rules of the format; every problem found.
    Invalid {
        file: String,
        problems: Vec<(Position, Problem)>,
    },
}

impl DeckError {
    pub fn file(&self) -> &str {
        match self {
            DeckError::NotFound { file }
            | DeckError::Read { file, .. }
            | DeckError::NotUtf8 { file, .. }
            | DeckError::Empty { file }
            | DeckError::Syntax { file, .. }
            | DeckError::Invalid { file, .. } => file,
        }
    }

    /// The semantic problems, if that is what went wrong.
    pub fn problems(&self) -> &[(Position, Problem)] {
        match self {
            DeckError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }

    /// The full report in `lang`, one line per problem.
    pub fn report(&self, lang: Lang) -> String {
        let at = |file: &str, p: &Position| format!("{file}:{}:{}", p.line, p.column);
        match self {
            DeckError::NotFound { file } => format!("{file}: {}", LoadMsg::NotFound.get(lang)),
            DeckError::Read { file, reason } => format!(
                "{file}: {}",
                fill(
                    LoadMsg::CannotRead.get(lang),
                    &[("reason", &reason.describe(lang))]
                )
            ),
            DeckError::NotUtf8 {
                file,
                at: pos,
                offset,
            } => format!(
                "{}: {}",
                at(file, pos),
                fill(
                    LoadMsg::NotUtf8.get(lang),
                    &[("offset", &offset.to_string())]
                )
            ),
            DeckError::Empty { file } => format!("{file}:1:1: {}", LoadMsg::EmptyFile.get(lang)),
            DeckError::Syntax {
                file,
                at: pos,
                path,
                message,
            } => {
                let path = if path.is_root() {
                    ProblemMsg::TopLevel.get(lang).to_string()
                } else {
                    path.to_string()
                };
                format!("{}: {path}: {message}", at(file, pos))
            }
            DeckError::Invalid { file, problems } => {
                let head = if problems.len() == 1 {
                    fill(LoadMsg::ProblemCountOne.get(lang), &[("file", file)])
                } else {
                    fill(
                        LoadMsg::ProblemCount.get(lang),
                        &[("file", file), ("n", &problems.len().to_string())],
                    )
                };
                let mut out = head;
                for (pos, problem) in problems {
                    out.push_str(&format!(
                        "\n  {}: {}",
                        at(file, pos),
                        problem.describe(lang)
                    ));
                }
                out
            }
        }
    }
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(Lang::En))
    }
}

impl std::error::Error for DeckError {}
