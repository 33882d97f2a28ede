//! What the session list last saw, kept on disk beside the sessions: for
//! each readable session file, its size, modification time and the few
//! fields a list row shows. A start with a year of sessions then reads this
//! one small file and looks at each session file's metadata, instead of
//! reading every session whole.
//!
//! The file is only ever a shortcut. It is read like any file from others
//! (bounded, regular, no links, every field checked); when anything about
//! it is off, it is ignored and written anew from the session files.

use std::collections::HashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::fsutil;
use super::location::{self, is_valid_id};
use super::{ListingState, Mode};
use crate::regular_file::{self, Links};

/// In the sessions folder; the leading dot keeps it out of the list.
pub(crate) const CACHE_FILE: &str = ".list-cache";
const FORMAT: &str = "datakompas-list-cache";
const VERSION: u64 = 1;
/// Far above what 100,000 sessions need, far below what hurts to read.
const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// A file changed this recently may change again within its file system's
/// time resolution without its size or time showing it; it is remembered
/// in memory only, until it is older.
const SETTLE: Duration = Duration::from_secs(2);

/// What one session file said, and the size and time it had then.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seen {
    pub len: u64,
    pub modified: SystemTime,
    pub state: ListingState,
}

impl Seen {
    /// Whether `meta` is still the file this was seen in.
    pub fn matches(&self, meta: &fs::Metadata) -> bool {
        self.len == meta.len() && meta.modified().ok() == Some(self.modified)
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Disk {
    format: String,
    version: u64,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The session file's name in the sessions folder.
    file: String,
    len: u64,
    /// Modification time as seconds and nanoseconds since 1970.
    secs: u64,
    nanos: u32,
    title: String,
    mode: Mode,
    decided: usize,
    total: usize,
    updated: Timestamp,
}

/// The remembered rows by file name, empty when there is no usable cache.
pub(crate) fn load(sessions_dir: &Path) -> HashMap<String, Seen> {
    let path = sessions_dir.join(CACHE_FILE);
    let Ok(bytes) = regular_file::read_capped(&path, Links::Refuse, MAX_BYTES) else {
        return HashMap::new();
    };
    let Ok(disk) = serde_json::from_slice::<Disk>(&bytes) else {
        return HashMap::new();
    };
    if disk.format != FORMAT || disk.version != VERSION {
        return HashMap::new();
    }
    disk.entries
        .into_iter()
        .filter_map(|e| Some((e.file.clone(), seen(e)?)))
        .collect()
}

fn seen(e: Entry) -> Option<Seen> {
    let is_session = location::classify(&e.file)
        .is_some_and(|(stem, set_aside)| !set_aside && is_valid_id(stem));
    if !is_session || e.decided > e.total || e.nanos >= 1_000_000_000 {
        return None;
    }
    let modified = SystemTime::UNIX_EPOCH.checked_add(Duration::new(e.secs, e.nanos))?;
    Some(Seen {
        len: e.len,
        modified,
        state: ListingState::Ok {
            title: e.title,
            mode: e.mode,
            decided: e.decided,
            total: e.total,
            updated: e.updated,
        },
    })
}

/// Whether a row is worth keeping on disk: a readable file that has settled.
fn keeps(s: &Seen, now: SystemTime) -> bool {
    matches!(s.state, ListingState::Ok { .. })
        && now
            .duration_since(s.modified)
            .is_ok_and(|age| age >= SETTLE)
}

/// The rows worth keeping on disk.
pub(crate) fn persistable(seen: &HashMap<String, Seen>, now: SystemTime) -> Vec<(String, Seen)> {
    let mut out: Vec<(String, Seen)> = seen
        .iter()
        .filter(|(_, s)| keeps(s, now))
        .map(|(name, s)| (name.clone(), s.clone()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Stands for [`persistable`]'s rows, in any order: equal rows give equal
/// fingerprints, without copying or sorting them.
pub(crate) fn fingerprint(seen: &HashMap<String, Seen>, now: SystemTime) -> u64 {
    seen.iter()
        .filter(|(_, s)| keeps(s, now))
        .map(|(name, s)| {
            let mut h = std::hash::DefaultHasher::new();
            (name, s.len, s.modified).hash(&mut h);
            if let ListingState::Ok {
                title,
                mode,
                decided,
                total,
                updated,
            } = &s.state
            {
                (title, *mode as u8, decided, total, updated).hash(&mut h);
            }
            h.finish()
        })
        // Adding is blind to order, as a set's fingerprint must be.
        .fold(0u64, u64::wrapping_add)
}

/// Replaces the cache with `rows`, atomically. A folder that cannot be
/// written only means the next start reads the sessions again.
pub(crate) fn store(sessions_dir: &Path, rows: &[(String, Seen)]) {
    let path = sessions_dir.join(CACHE_FILE);
    if rows.is_empty() {
        // Nothing to remember: a folder whose sessions were all deleted is
        // left as clean as it began.
        let _ = fs::remove_file(&path);
        return;
    }
    let entries = rows.iter().filter_map(|(file, s)| entry(file, s)).collect();
    let disk = Disk {
        format: FORMAT.into(),
        version: VERSION,
        entries,
    };
    if let Ok(bytes) = serde_json::to_vec(&disk) {
        let _ = fsutil::atomic_write(&path, &bytes);
    }
}

fn entry(file: &str, s: &Seen) -> Option<Entry> {
    let ListingState::Ok {
        title,
        mode,
        decided,
        total,
        updated,
    } = &s.state
    else {
        return None;
    };
    let since = s.modified.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Some(Entry {
        file: file.to_string(),
        len: s.len,
        secs: since.as_secs(),
        nanos: since.subsec_nanos(),
        title: title.clone(),
        mode: *mode,
        decided: *decided,
        total: *total,
        updated: *updated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, modified: SystemTime) -> Seen {
        Seen {
            len: 42,
            modified,
            state: ListingState::Ok {
                title: title.into(),
                mode: Mode::Team,
                decided: 1,
                total: 3,
                updated: "2026-11-29T10:00:00Z".parse().unwrap(),
            },
        }
    }

    #[test]
    fn rows_written_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let old = SystemTime::UNIX_EPOCH + Duration::new(1_700_000_000, 123);
        let rows = vec![("a.json".to_string(), row("Brand team", old))];
        store(dir.path(), &rows);
        let back = load(dir.path());
        assert_eq!(back.len(), 1);
        assert_eq!(back["a.json"], rows[0].1);
    }

    #[test]
    fn a_foreign_or_broken_cache_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CACHE_FILE);
        for text in [
            "",
            "[]",
            "{\"format\":\"other\",\"version\":1,\"entries\":[]}",
            "{\"format\":\"datakompas-list-cache\",\"version\":2,\"entries\":[]}",
            "{\"format\":\"datakompas-list-cache\",\"version\":1,\"entries\":[],\"x\":1}",
        ] {
            fs::write(&path, text).unwrap();
            assert!(load(dir.path()).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn entries_that_cannot_be_a_session_row_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let good = r#"{"file":"a.json","len":1,"secs":1,"nanos":0,"title":"t","mode":"team","decided":0,"total":1,"updated":"2026-11-29T10:00:00Z"}"#;
        let bad = [
            good.replace("a.json", "../a.json"),
            good.replace("a.json", "a.json.corrupt-20261129T101500Z"),
            good.replace("a.json", ".list-cache"),
            good.replace("\"decided\":0", "\"decided\":2"),
            good.replace("\"nanos\":0", "\"nanos\":1000000000"),
        ];
        let entries = std::iter::once(good.to_string())
            .chain(bad)
            .collect::<Vec<_>>()
            .join(",");
        let text = format!(r#"{{"format":"{FORMAT}","version":1,"entries":[{entries}]}}"#);
        fs::write(dir.path().join(CACHE_FILE), text).unwrap();
        let back = load(dir.path());
        assert_eq!(back.keys().collect::<Vec<_>>(), ["a.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_cache_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        store(elsewhere.path(), &[("a.json".to_string(), row("x", old))]);
        std::os::unix::fs::symlink(
            elsewhere.path().join(CACHE_FILE),
            dir.path().join(CACHE_FILE),
        )
        .unwrap();
        assert!(load(dir.path()).is_empty());
    }

    #[test]
    fn files_changed_just_now_are_kept_off_disk() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let seen = HashMap::from([
            ("old.json".to_string(), row("old", now - SETTLE)),
            ("new.json".to_string(), row("new", now - SETTLE / 2)),
        ]);
        let names: Vec<String> = persistable(&seen, now).into_iter().map(|r| r.0).collect();
        assert_eq!(names, ["old.json"]);
    }
}
