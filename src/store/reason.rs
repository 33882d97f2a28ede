//! Why a stored session cannot be read, as data: the words are chosen by
//! [`super::describe_reason`] in the user's language.

use super::migrate::MigrateError;
use crate::regular_file::ReadError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorruptReason {
    /// The file is there but is not a session this build can read.
    File(MigrateError),
    /// The file is gone; only a copy set aside earlier is left.
    SetAside,
    /// A backup was asked for, but none reads.
    NoBackup,
    /// The file could not be read at all: not a regular file, too large,
    /// or the system refused.
    Unreadable(ReadError),
}

impl CorruptReason {
    /// Whether the file is healthy but newer than this build; such files
    /// are left exactly where they are.
    pub fn is_too_new(&self) -> bool {
        matches!(self, CorruptReason::File(e) if e.is_too_new())
    }

    /// Whether the file is left exactly where it is rather than set aside:
    /// a healthy file from a newer build, or a file that is not ours to
    /// move (a bad id, a pipe, a link).
    pub fn leave_in_place(&self) -> bool {
        match self {
            CorruptReason::File(e) => e.is_too_new() || matches!(e, MigrateError::BadId { .. }),
            CorruptReason::Unreadable(_) => true,
            CorruptReason::SetAside | CorruptReason::NoBackup => false,
        }
    }
}

impl From<MigrateError> for CorruptReason {
    fn from(e: MigrateError) -> Self {
        CorruptReason::File(e)
    }
}

/// In English; the user reads [`super::describe_reason`] in their language.
impl std::fmt::Display for CorruptReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::describe_reason(self, crate::domain::Lang::En))
    }
}
