//! Where a session's files are: the session itself, its lock, its backups
//! and any copies set aside because they did not parse.
//!
//! ```text
//! sessions/<id>.json                      the session
//! sessions/<id>.lock                      present while a datakompas has it open
//! sessions/.backups/<id>.<n>.json         backups, 1 = newest
//! sessions/<id>.json.corrupt-<time>       a file that did not parse, set aside
//! ```
//!
//! A session opened by path keeps the same layout in its own folder.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

/// The files of one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    /// The folder the session file is in.
    pub dir: PathBuf,
    /// The file name without `.json`: the id people type.
    pub stem: String,
    /// The session file's own name (usually `<stem>.json`).
    pub file_name: String,
}

/// The folder beside the sessions that holds their backups.
pub const BACKUP_DIR: &str = ".backups";
const CORRUPT_MARK: &str = ".corrupt-";

impl Location {
    /// The session with this id in the sessions folder.
    pub fn for_id(sessions_dir: &Path, id: &str) -> Location {
        Location {
            dir: sessions_dir.to_path_buf(),
            stem: id.to_string(),
            file_name: format!("{id}.json"),
        }
    }

    /// The session at a path given on the command line.
    pub fn for_path(path: &Path) -> Option<Location> {
        let file_name = path.file_name()?.to_str()?.to_string();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let stem = file_name
            .strip_suffix(".json")
            .unwrap_or(&file_name)
            .to_string();
        Some(Location {
            dir,
            stem,
            file_name,
        })
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(&self.file_name)
    }

    pub fn lock(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.stem))
    }

    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }

    /// Backup generation `n`, 1 being the newest.
    pub fn backup(&self, n: usize) -> PathBuf {
        self.backup_dir().join(format!("{}.{n}.json", self.stem))
    }

    /// A free name to set a broken file aside under.
    pub fn corrupt_target(&self, now: Timestamp) -> PathBuf {
        let time = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let base = format!("{}{CORRUPT_MARK}{time}", self.file_name);
        let mut candidate = self.dir.join(&base);
        let mut n = 2;
        while candidate.exists() {
            candidate = self.dir.join(format!("{base}-{n}"));
            n += 1;
        }
        candidate
    }

    /// Files of this session set aside as corrupt, oldest name first.
    pub fn corrupt_files(&self) -> Vec<PathBuf> {
        let prefix = format!("{}{CORRUPT_MARK}", self.file_name);
        let mut out: Vec<PathBuf> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&prefix))
            })
            .map(|e| e.path())
            .collect();
        out.sort();
        out
    }
}

/// For a file name in the sessions folder: the session stem it belongs to
/// and whether it is a set-aside corrupt copy. Other files give `None`.
pub(crate) fn classify(file_name: &str) -> Option<(&str, bool)> {
    if file_name.starts_with('.') {
        return None;
    }
    if let Some((before, _)) = file_name.split_once(CORRUPT_MARK) {
        return before.strip_suffix(".json").map(|stem| (stem, true));
    }
    file_name.strip_suffix(".json").map(|stem| (stem, false))
}

/// Whether `id` can name a file in the sessions folder: no separators, no
/// leading dot, nothing a shell or another system would trip over.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_layout() {
        let l = Location::for_id(Path::new("/d/sessions"), "2026-11-29-team");
        assert_eq!(l.file(), Path::new("/d/sessions/2026-11-29-team.json"));
        assert_eq!(l.lock(), Path::new("/d/sessions/2026-11-29-team.lock"));
        assert_eq!(
            l.backup(2),
            Path::new("/d/sessions/.backups/2026-11-29-team.2.json")
        );
        let p = Location::for_path(Path::new("ann.json")).unwrap();
        assert_eq!(p.dir, Path::new("."));
        assert_eq!(p.stem, "ann");
    }

    #[test]
    fn classify_knows_sessions_and_set_aside_copies() {
        assert_eq!(classify("a.json"), Some(("a", false)));
        assert_eq!(
            classify("a.json.corrupt-20261129T100000Z"),
            Some(("a", true))
        );
        assert_eq!(classify("a.lock"), None);
        assert_eq!(classify(".backups"), None);
    }

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        assert!(is_valid_id("2026-11-29-team-2"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id(".hidden"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id(""));
    }
}
