//! The list of saved sessions: every session file, readable or not, and
//! sessions whose only file was set aside, newest change first.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::backup;
use super::list_cache::{self, Seen};
use super::location::{self, Location};
use super::migrate::decode;
use super::{CorruptReason, ListingState, SessionListing};
use crate::regular_file::{self, Links};

/// What readable session files said, by file name, with the size and
/// modification time they had: listing again after a save reads only the
/// files that changed, and a new start reads what the last one kept on
/// disk ([`list_cache`]).
#[derive(Debug, Default)]
pub(crate) struct ListingCache(Mutex<Remembered>);

#[derive(Debug, Default)]
struct Remembered {
    loaded: bool,
    seen: HashMap<String, Seen>,
    /// A fingerprint of what the cache file holds, to write it only when
    /// that changes. A fingerprint rather than a copy: comparing costs no
    /// cloning or sorting, and a rare collision only leaves the cache a
    /// step behind, which costs the next start a read of the changed files.
    on_disk: u64,
}

pub(crate) fn list(sessions_dir: &Path, cache: &ListingCache) -> io::Result<Vec<SessionListing>> {
    let entries = match fs::read_dir(sessions_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let Found {
        sessions,
        set_aside,
    } = found(entries);
    let mut out = remembered_or_read(sessions_dir, &sessions, cache);
    // A session whose only file was set aside is still listed, so the user
    // sees it and can restore its backup.
    for (stem, path) in set_aside {
        if !sessions.contains_key(&stem) {
            out.push(set_aside_listing(sessions_dir, stem, path));
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    Ok(out.into_iter().map(|(l, _)| l).collect())
}

/// The folder's session files by stem, and the newest set-aside copy of
/// each stem.
struct Found {
    sessions: BTreeMap<String, fs::DirEntry>,
    set_aside: BTreeMap<String, PathBuf>,
}

fn found(entries: fs::ReadDir) -> Found {
    let mut sessions: BTreeMap<String, fs::DirEntry> = BTreeMap::new();
    let mut set_aside: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((stem, is_corrupt)) = name.to_str().and_then(location::classify) else {
            continue;
        };
        if !is_corrupt {
            // One name per stem: `<stem>.json`.
            sessions.insert(stem.to_string(), entry);
            continue;
        }
        let path = entry.path();
        // The newest set-aside copy has the largest time in its name.
        if set_aside.get(stem).is_none_or(|p| *p < path) {
            set_aside.insert(stem.to_string(), path);
        }
    }
    Found {
        sessions,
        set_aside,
    }
}

/// Every session file's row, from what is remembered where the file did
/// not change; the cache file is rewritten only when what it would hold
/// changed.
fn remembered_or_read(
    sessions_dir: &Path,
    sessions: &BTreeMap<String, fs::DirEntry>,
    cache: &ListingCache,
) -> Vec<(SessionListing, SystemTime)> {
    let mut remembered = cache.0.lock().unwrap_or_else(|e| e.into_inner());
    if !remembered.loaded {
        remembered.seen = list_cache::load(sessions_dir);
        remembered.on_disk = list_cache::fingerprint(&remembered.seen, SystemTime::now());
        remembered.loaded = true;
    }
    let out = sessions
        .iter()
        .map(|(stem, e)| entry(stem, e, &mut remembered.seen))
        .collect();
    // Files that are gone are forgotten.
    remembered.seen.retain(|name, _| {
        location::classify(name).is_some_and(|(stem, _)| sessions.contains_key(stem))
    });
    let now = SystemTime::now();
    let keep = list_cache::fingerprint(&remembered.seen, now);
    if keep != remembered.on_disk {
        list_cache::store(
            sessions_dir,
            &list_cache::persistable(&remembered.seen, now),
        );
        remembered.on_disk = keep;
    }
    out
}

fn set_aside_listing(
    sessions_dir: &Path,
    stem: String,
    path: PathBuf,
) -> (SessionListing, SystemTime) {
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
    (listing, mtime)
}

/// One session file and the time it sorts by: its `updated` when it
/// reads, the file's modification time when it does not.
fn entry(
    stem: &str,
    dir_entry: &fs::DirEntry,
    seen: &mut HashMap<String, Seen>,
) -> (SessionListing, SystemTime) {
    let path = dir_entry.path();
    let name = dir_entry.file_name().to_string_lossy().into_owned();
    // Only a regular file is remembered; anything else is judged by the
    // read. The entry's metadata does not follow a link.
    let meta = dir_entry.metadata().ok().filter(fs::Metadata::is_file);
    let hit = meta
        .as_ref()
        .and_then(|m| seen.get(&name).filter(|s| s.matches(m)))
        .map(|s| s.state.clone());
    let state = hit.unwrap_or_else(|| read_entry(stem, &path));
    match (&meta, &state) {
        (Some(meta), ListingState::Ok { .. }) => {
            if let Ok(modified) = meta.modified() {
                let fresh = Seen {
                    len: meta.len(),
                    modified,
                    state: state.clone(),
                };
                seen.insert(name, fresh);
            }
        }
        _ => {
            seen.remove(&name);
        }
    }
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

fn read_entry(stem: &str, path: &Path) -> ListingState {
    match regular_file::read(path, Links::Refuse) {
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
                has_backup: has_backup(dir_of(path), stem),
            },
        },
        Err(e) => ListingState::Corrupt {
            reason: CorruptReason::Unreadable(e),
            has_backup: has_backup(dir_of(path), stem),
        },
    }
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
