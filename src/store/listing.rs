//! The list of saved sessions: every session file, readable or not, and
//! sessions whose only file was set aside, newest change first.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::backup;
use super::location::{self, Location};
use super::migrate::decode;
use super::{CorruptReason, ListingState, SessionListing};
use crate::regular_file::{self, Links};

pub(crate) fn list(sessions_dir: &Path) -> io::Result<Vec<SessionListing>> {
    let entries = match fs::read_dir(sessions_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut sessions: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut set_aside: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((stem, is_corrupt)) = name.to_str().and_then(location::classify) else {
            continue;
        };
        let map = if is_corrupt {
            &mut set_aside
        } else {
            &mut sessions
        };
        let path = entry.path();
        // The newest set-aside copy has the largest time in its name.
        if map.get(stem).is_none_or(|p| *p < path) {
            map.insert(stem.to_string(), path);
        }
    }
    let mut out: Vec<(SessionListing, SystemTime)> = sessions
        .iter()
        .map(|(stem, path)| entry(stem, path.clone()))
        .collect();
    // A session whose only file was set aside is still listed, so the user
    // sees it and can restore its backup.
    for (stem, path) in set_aside {
        if sessions.contains_key(&stem) {
            continue;
        }
        let mtime = modified(&path);
        let has_backup = has_backup(sessions_dir, &stem);
        let listing = SessionListing {
            id: stem,
            path: Some(path),
            state: ListingState::Corrupt {
                reason: CorruptReason::SetAside,
                has_backup,
            },
        };
        out.push((listing, mtime));
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    Ok(out.into_iter().map(|(l, _)| l).collect())
}

/// One session file and the time it sorts by: its `updated` when it
/// reads, the file's modification time when it does not.
fn entry(stem: &str, path: PathBuf) -> (SessionListing, SystemTime) {
    let state = match regular_file::read(&path, Links::Refuse) {
        Ok(bytes) => match decode(&bytes) {
            Ok(s) => {
                let (decided, total) = s.decided_count();
                ListingState::Ok {
                    title: s.title,
                    mode: s.mode,
                    decided,
                    total,
                    updated: s.updated,
                }
            }
            Err(e) => ListingState::Corrupt {
                reason: e.into(),
                has_backup: has_backup(dir_of(&path), stem),
            },
        },
        Err(e) => ListingState::Corrupt {
            reason: CorruptReason::Unreadable(e),
            has_backup: has_backup(dir_of(&path), stem),
        },
    };
    let sort_time = match &state {
        ListingState::Ok { updated, .. } => {
            let nanos = updated.subsec_nanosecond().max(0) as u32;
            SystemTime::UNIX_EPOCH + Duration::new(updated.as_second().max(0) as u64, nanos)
        }
        ListingState::Corrupt { .. } => modified(&path),
    };
    let listing = SessionListing {
        id: stem.to_string(),
        path: Some(path),
        state,
    };
    (listing, sort_time)
}

/// Whether a session has a backup generation to offer.
fn has_backup(sessions_dir: &Path, stem: &str) -> bool {
    !backup::all(&Location::for_id(sessions_dir, stem)).is_empty()
}

fn dir_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}
