//! The list of saved sessions: every session file, readable or not, and
//! sessions whose only file was set aside, newest change first.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::backup;
use super::location::{self, Location};
use super::migrate::decode;
use super::{CorruptReason, ListingState, SessionListing};
use crate::regular_file::{self, Links};

/// What readable session files said, by path, with the size and
/// modification time they had: listing again after a save reads only the
/// files that changed.
#[derive(Debug, Default)]
pub(crate) struct ListingCache(Mutex<HashMap<PathBuf, Cached>>);

#[derive(Debug)]
struct Cached {
    len: u64,
    modified: SystemTime,
    state: ListingState,
}

impl ListingCache {
    fn get(&self, path: &Path, meta: &fs::Metadata) -> Option<ListingState> {
        let cache = self.0.lock().ok()?;
        let hit = cache.get(path)?;
        let same = hit.len == meta.len() && meta.modified().ok() == Some(hit.modified);
        same.then(|| hit.state.clone())
    }

    fn put(&self, path: &Path, meta: &fs::Metadata, state: &ListingState) {
        let (Ok(modified), Ok(mut cache)) = (meta.modified(), self.0.lock()) else {
            return;
        };
        let cached = Cached {
            len: meta.len(),
            modified,
            state: state.clone(),
        };
        cache.insert(path.to_path_buf(), cached);
    }
}

pub(crate) fn list(sessions_dir: &Path, cache: &ListingCache) -> io::Result<Vec<SessionListing>> {
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
        .map(|(stem, path)| entry(stem, path.clone(), cache))
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
fn entry(stem: &str, path: PathBuf, cache: &ListingCache) -> (SessionListing, SystemTime) {
    // Only a regular file is cached; anything else is judged by the read.
    let meta = fs::symlink_metadata(&path)
        .ok()
        .filter(fs::Metadata::is_file);
    let cached = meta.as_ref().and_then(|m| cache.get(&path, m));
    let state = cached.unwrap_or_else(|| read_entry(stem, &path));
    if let (Some(meta), ListingState::Ok { .. }) = (&meta, &state) {
        cache.put(&path, meta, &state);
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
