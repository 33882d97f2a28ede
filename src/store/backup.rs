//! Rotating backups: a few earlier generations of each session.
//!
//! Generation 1 is the newest. A rotation copies the session as it is on
//! disk (known to parse) into generation 1 and shifts the others down; the
//! oldest falls off. Rotations happen when a session is opened and, while
//! it stays open, at most once per interval, not on every save.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use super::fsutil;
use super::location::Location;
use super::migrate::decode;
use crate::domain::Session;
use crate::i18n::os::Own;
use crate::regular_file::{self, Links};

/// How many generations are kept.
pub const BACKUP_GENERATIONS: usize = 3;
/// While a session is open, a new generation at most this often.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(10 * 60);

/// Adds `bytes` (a session file that parses) as the newest generation.
/// Nothing changes when the newest generation already holds them.
pub(crate) fn rotate(loc: &Location, bytes: &[u8]) -> io::Result<()> {
    // Backups go into a real folder beside the session, never through a
    // link to somewhere else.
    if fs::symlink_metadata(loc.backup_dir()).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Own::Link(loc.backup_dir()).into_io(io::ErrorKind::InvalidInput));
    }
    fsutil::ensure_private_dir(&loc.backup_dir())?;
    if regular_file::read(&loc.backup(1), Links::Refuse).is_ok_and(|newest| newest == bytes) {
        return Ok(());
    }
    for n in (1..BACKUP_GENERATIONS).rev() {
        let from = loc.backup(n);
        if from.exists() {
            fs::rename(&from, loc.backup(n + 1))?;
        }
    }
    fsutil::atomic_write(&loc.backup(1), bytes)
}

/// The newest backup that reads as a session this build can open.
pub(crate) fn newest_good(loc: &Location) -> Option<(PathBuf, Session)> {
    (1..=BACKUP_GENERATIONS).find_map(|n| {
        let path = loc.backup(n);
        let bytes = regular_file::read(&path, Links::Refuse).ok()?;
        decode(&bytes).ok().map(|s| (path, s))
    })
}

/// Every backup generation there is, newest first.
pub(crate) fn all(loc: &Location) -> Vec<PathBuf> {
    (1..=BACKUP_GENERATIONS)
        .map(|n| loc.backup(n))
        .filter(|p| p.exists())
        .collect()
}
