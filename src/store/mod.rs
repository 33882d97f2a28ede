//! Where sessions live. The app talks to a [`SessionStore`]; the files on
//! disk are one implementation, an in-memory double serves the tests.

use std::fmt;
use std::path::PathBuf;

use jiff::Timestamp;

use crate::domain::{Mode, Session};

mod backup;
mod describe;
mod file;
mod fsutil;
mod list_cache;
mod listing;
mod location;
mod lock;
mod memory;
mod migrate;
mod reason;

pub use backup::{BACKUP_GENERATIONS, BACKUP_INTERVAL};
pub use describe::{describe_reason, describe_store_error};
pub use file::{FileStore, SESSIONS_DIR};
pub use location::{BACKUP_DIR, is_valid_id};
pub use memory::MemoryStore;
pub use migrate::{MigrateError, decode, migrate};
pub use reason::CorruptReason;

/// Pure text functions, kept here too for callers that know them as store ones.
pub use crate::domain::text::{slug, unique_id};

/// One line of the saved-sessions list.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionListing {
    pub id: String,
    pub path: Option<PathBuf>,
    pub state: ListingState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ListingState {
    Ok {
        title: String,
        mode: Mode,
        decided: usize,
        total: usize,
        updated: Timestamp,
    },
    /// The file is there but does not parse; it is never overwritten.
    Corrupt {
        reason: CorruptReason,
        /// Whether a backup generation exists to restore from.
        has_backup: bool,
    },
}

/// How a session was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// This process holds the lock and saves.
    ReadWrite,
    /// Another process holds the lock; nothing is saved from here.
    ReadOnly,
}

#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    pub access: Access,
}

#[derive(Debug)]
pub enum StoreError {
    /// No session with that id or path.
    NotFound { key: String },
    /// Another process has the session open.
    Locked { id: String, pid: Option<u32> },
    /// The file does not parse. It was moved aside; a backup may be offered.
    Corrupt {
        id: String,
        moved_to: Option<PathBuf>,
        reason: Box<CorruptReason>,
        backup: Option<PathBuf>,
        /// Why it could not be moved aside, when that was tried and failed.
        not_set_aside: Option<String>,
    },
    /// Writing or reading failed: read-only folder, full disk, permissions.
    Io {
        path: PathBuf,
        error: crate::i18n::os::IoFailure,
    },
    /// The disk gave back other bytes than were written; the old file is
    /// kept.
    ReadBackDiffers { path: PathBuf },
    /// There is no data folder: no home folder and no `--data-dir`.
    NoHome,
    /// A new session's id cannot name a file.
    BadId { id: String },
    /// A session that would not read back as it is; nothing was written.
    /// `reason` is why it would not read back; `None` when it reads back
    /// as a different session.
    NotWritten {
        id: String,
        reason: Option<MigrateError>,
    },
    /// A session id that already exists.
    Exists { id: String },
    /// Saving a session this store has not opened for writing.
    NotOpen { id: String },
}

/// In English; the user reads [`describe_store_error`] in their language.
impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe_store_error(self, crate::domain::Lang::En))
    }
}

impl std::error::Error for StoreError {}

/// Storage of sessions. Implementations must make every save atomic: after
/// a crash the stored session is either the old or the new one, whole.
pub trait SessionStore {
    /// All saved sessions, newest change first; unreadable ones included.
    fn list(&self) -> Result<Vec<SessionListing>, StoreError>;
    /// An id for a new session: date plus a slug of the title, unique.
    fn fresh_id(&self, title: &str, now: Timestamp) -> Result<String, StoreError>;
    /// Stores a new session and holds it open for writing.
    fn create(&mut self, session: &Session) -> Result<(), StoreError>;
    /// Opens a session by id or path for writing. Fails with `Locked` when
    /// another process has it.
    fn open(&mut self, key: &str) -> Result<Opened, StoreError>;
    /// Reads a session without taking it: for exports and read-only views.
    fn read(&self, key: &str) -> Result<Session, StoreError>;
    /// Saves a session opened or created by this store.
    fn save(&mut self, session: &Session) -> Result<(), StoreError>;
    /// Replaces a corrupt session with its newest good backup and opens it.
    fn restore_backup(&mut self, key: &str) -> Result<Opened, StoreError>;
    /// Lets go of a session (releases its lock).
    fn close(&mut self, id: &str);
    /// The file a session lives in, for a store that keeps files: what a
    /// person can send on (a self-assessment to its facilitator).
    fn file_of(&self, _id: &str) -> Option<std::path::PathBuf> {
        None
    }
    /// Deletes a session and its backups.
    fn delete(&mut self, key: &str) -> Result<(), StoreError>;
}

/// The calendar day it is for the user at `now`, in the system's time
/// zone: a session started at 00:30 in Amsterdam is dated that day, not
/// the UTC day before.
pub(crate) fn local_date(now: Timestamp) -> jiff::civil::Date {
    date_in(now, &jiff::tz::TimeZone::system())
}

fn date_in(now: Timestamp, tz: &jiff::tz::TimeZone) -> jiff::civil::Date {
    now.to_zoned_datetime(tz.clone()).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dated_by_the_local_day() {
        // 00:30 in Amsterdam in winter is 23:30 UTC the day before.
        let now: Timestamp = "2026-11-28T23:30:00Z".parse().unwrap();
        let amsterdam = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(date_in(now, &amsterdam), jiff::civil::date(2026, 11, 29));
        assert_eq!(
            date_in(now, &jiff::tz::TimeZone::UTC),
            jiff::civil::date(2026, 11, 28)
        );
    }
}
