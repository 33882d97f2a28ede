//! What every command and the app share about how they were called, and
//! how they fail: the command line builds it, the app uses it.

use std::path::PathBuf;

use crate::domain::Lang;
use crate::store::{StoreError, describe_store_error};

/// What every command needs to know about how it was called.
#[derive(Debug, Clone)]
pub struct Context {
    pub lang: Lang,
    /// True when `--lang` was given, so it overrides a session's own language.
    pub lang_explicit: bool,
    pub color: bool,
    /// `--data-dir` / `DATAKOMPAS_DATA_DIR`, or the platform's data folder.
    pub data_dir: Option<PathBuf>,
}

/// A command that failed: what to tell the user, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Bad input: a wrong id, a broken file, a refused overwrite. Exit 2.
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }

    /// The machine let us down: I/O, the terminal. Exit 1.
    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }
}

pub type Outcome = Result<(), Failure>;

/// A store error as a command failure: the user's input (a wrong id, a
/// broken file) exits 2, the machine (a lock, the disk) exits 1.
pub fn store_failure(e: &StoreError, lang: Lang) -> Failure {
    let message = describe_store_error(e, lang);
    match e {
        StoreError::NotFound { .. }
        | StoreError::Corrupt { .. }
        | StoreError::Exists { .. }
        | StoreError::BadId { .. } => Failure::input(message),
        StoreError::Locked { .. }
        | StoreError::Io { .. }
        | StoreError::ReadBackDiffers { .. }
        | StoreError::NoHome
        | StoreError::NotWritten { .. }
        | StoreError::NotOpen { .. } => Failure::runtime(message),
    }
}
