//! Why a stored session cannot be read, as data: the words are chosen by
//! [`super::describe_reason`] in the user's language.

use super::migrate::MigrateError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorruptReason {
    /// The file is there but is not a session this build can read.
    File(MigrateError),
    /// The file is gone; only a copy set aside earlier is left.
    SetAside,
    /// A backup was asked for, but none reads.
    NoBackup,
    /// The file could not even be opened.
    Unreadable { detail: String },
}

impl CorruptReason {
    /// Whether the file is healthy but newer than this build; such files
    /// are left exactly where they are.
    pub fn is_too_new(&self) -> bool {
        matches!(self, CorruptReason::File(e) if e.is_too_new())
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
