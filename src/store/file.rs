//! Sessions as JSON files in the data folder; see [`super::location`] for
//! the layout and the README for the format.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use super::backup::{self, BACKUP_INTERVAL};
use super::fsutil;
use super::listing;
use super::location::{self, Location};
use super::lock::{Acquire, SessionLock};
use super::migrate::{MigrateError, decode};
use super::{
    Access, CorruptReason, Opened, SessionListing, SessionStore, StoreError, local_date, unique_id,
};
use crate::domain::Session;
use crate::regular_file::{self, Links, ReadError};

/// The folder under the data dir that holds the session files.
pub const SESSIONS_DIR: &str = "sessions";

/// A session this store holds open for writing.
#[derive(Debug)]
struct Held {
    loc: Location,
    /// Released (and its file removed) when dropped.
    lock: SessionLock,
    /// When the last backup generation was made, if this run made one.
    last_backup: Option<Instant>,
}

/// The session store on disk.
#[derive(Debug)]
pub struct FileStore {
    data_dir: PathBuf,
    sessions_dir: PathBuf,
    /// Open sessions by their id (the `id` inside the file).
    held: HashMap<String, Held>,
    backup_interval: Duration,
    listed: listing::ListingCache,
}

impl FileStore {
    /// A store in `data_dir`, or in the platform's data folder
    /// (`directories`: e.g. `~/.local/share/datakompas`). Nothing is created
    /// until the first session is, so a folder that cannot be written is
    /// reported by the save that needs it and can be retried.
    pub fn new(data_dir: Option<&Path>) -> Result<FileStore, StoreError> {
        let data_dir = match data_dir {
            Some(d) => d.to_path_buf(),
            None => directories::ProjectDirs::from("nl", "datakompas", "datakompas")
                .map(|d| d.data_dir().to_path_buf())
                .ok_or(StoreError::NoHome)?,
        };
        Ok(FileStore {
            sessions_dir: data_dir.join(SESSIONS_DIR),
            data_dir,
            held: HashMap::new(),
            backup_interval: BACKUP_INTERVAL,
            listed: listing::ListingCache::default(),
        })
    }

    /// How often an open session gets a new backup generation.
    pub fn with_backup_interval(mut self, interval: Duration) -> FileStore {
        self.backup_interval = interval;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn sessions_dir(&self) -> &Path {
        &self.sessions_dir
    }

    /// Where the session with this id is saved: the file it was opened
    /// from, or `<data>/sessions/<id>.json`.
    pub fn session_path(&self, id: &str) -> PathBuf {
        match self.held.get(id) {
            Some(h) => h.loc.file(),
            None => Location::for_id(&self.sessions_dir, id).file(),
        }
    }

    /// The backup generations of a session, newest first.
    pub fn backups(&self, key: &str) -> Result<Vec<PathBuf>, StoreError> {
        Ok(backup::all(&self.locate(key)?))
    }

    /// Whether this store holds the session open for writing.
    pub fn is_open(&self, id: &str) -> bool {
        self.held.contains_key(id)
    }

    /// An id, or a path to a session file (anything with a separator or
    /// ending in `.json`).
    fn locate(&self, key: &str) -> Result<Location, StoreError> {
        let path = Path::new(key);
        if key.ends_with(".json") || path.components().count() > 1 {
            return Location::for_path(path).ok_or_else(|| not_found(key));
        }
        if !location::is_valid_id(key) {
            return Err(not_found(key));
        }
        Ok(Location::for_id(&self.sessions_dir, key))
    }

    /// The id under which a location is held open here, if it is.
    fn held_id(&self, loc: &Location) -> Option<String> {
        self.held
            .iter()
            .find(|(_, h)| h.loc.file() == loc.file())
            .map(|(id, _)| id.clone())
    }

    fn lock(&self, loc: &Location, id: &str) -> Result<SessionLock, StoreError> {
        match SessionLock::acquire(&loc.lock()).map_err(|e| io_error(&loc.lock(), &e))? {
            Acquire::Held(lock) => Ok(lock),
            Acquire::Busy(pid) => Err(StoreError::Locked {
                id: id.to_string(),
                pid,
            }),
        }
    }

    /// Reads and parses the session at `loc`. A file that does not parse is
    /// reported with its newest good backup; `set_aside` (only with the
    /// lock held) also moves it out of the way.
    fn load(&self, loc: &Location, key: &str, set_aside: bool) -> Result<Loaded, StoreError> {
        let path = loc.file();
        let bytes = match regular_file::read(&path, Links::Refuse) {
            Ok(b) => b,
            Err(ReadError::NotFound) => return Err(self.missing(loc, key)),
            Err(ReadError::Io(error)) => return Err(StoreError::Io { path, error }),
            // A pipe, a device, a folder, a link or a huge file: told at
            // once and left where it is; no backup can stand in for it.
            Err(why) => {
                return Err(StoreError::Corrupt {
                    id: loc.stem.clone(),
                    moved_to: None,
                    reason: Box::new(CorruptReason::Unreadable(why)),
                    backup: None,
                    not_set_aside: None,
                });
            }
        };
        match decode(&bytes) {
            Ok(session) => Ok(Loaded { session, bytes }),
            Err(e) => Err(corrupt(loc, e, set_aside)),
        }
    }

    /// The error for a session file that is not there: a set-aside copy
    /// with a backup is still a session the user can get back.
    fn missing(&self, loc: &Location, key: &str) -> StoreError {
        match loc.corrupt_files().last() {
            Some(moved) => StoreError::Corrupt {
                id: loc.stem.clone(),
                moved_to: Some(moved.clone()),
                reason: Box::new(CorruptReason::SetAside),
                backup: backup::newest_good(loc).map(|(p, _)| p),
                not_set_aside: None,
            },
            None => not_found(key),
        }
    }

    fn write(&mut self, id: &str, session: &Session) -> Result<(), StoreError> {
        let interval = self.backup_interval;
        let held = self
            .held
            .get_mut(id)
            .ok_or_else(|| StoreError::NotOpen { id: id.to_string() })?;
        let path = held.loc.file();
        let bytes = encode(session).map_err(|reason| StoreError::NotWritten {
            id: id.to_string(),
            reason,
        })?;
        if held.last_backup.is_none_or(|t| t.elapsed() >= interval) {
            // The backup is a courtesy; a failure here must not stop the
            // save itself. It is tried again on the next save.
            if let Ok(previous) = regular_file::read(&path, Links::Refuse)
                && decode(&previous).is_ok()
                && backup::rotate(&held.loc, &previous).is_ok()
            {
                held.last_backup = Some(Instant::now());
            }
        }
        fsutil::ensure_private_dir(&held.loc.dir).map_err(|e| io_error(&held.loc.dir, &e))?;
        fsutil::atomic_write(&path, &bytes).map_err(|e| io_error(&path, &e))
    }

    /// Registers a session as open with its lock.
    fn hold(&mut self, id: String, loc: Location, lock: SessionLock, bytes: Option<&[u8]>) {
        // A new session has no earlier state to keep yet; an opened one
        // keeps the state it was opened in (tried again on the next save if
        // that fails).
        let last_backup = match bytes {
            None => Some(Instant::now()),
            Some(b) => backup::rotate(&loc, b).ok().map(|()| Instant::now()),
        };
        self.held.insert(
            id,
            Held {
                loc,
                lock,
                last_backup,
            },
        );
    }
}

struct Loaded {
    session: Session,
    bytes: Vec<u8>,
}

/// The bytes of a session file, proven to read back as the same session.
/// Otherwise why it would not read back; `None` when it reads back as a
/// different session.
pub(crate) fn encode(session: &Session) -> Result<Vec<u8>, Option<MigrateError>> {
    let mut bytes = serde_json::to_vec_pretty(session).map_err(|e| {
        Some(MigrateError::Invalid {
            path: ".".into(),
            detail: e.to_string(),
        })
    })?;
    bytes.push(b'\n');
    match decode(&bytes) {
        Ok(back) if back == *session => Ok(bytes),
        Ok(_) => Err(None),
        Err(e) => Err(Some(e)),
    }
}

fn corrupt(loc: &Location, e: MigrateError, set_aside: bool) -> StoreError {
    let id = loc.stem.clone();
    let reason = Box::new(CorruptReason::File(e));
    if reason.leave_in_place() {
        // A healthy file from a newer datakompas, or one with an id that is
        // not ours to act on: left exactly where it is, and no backup
        // offered, since restoring one would replace it.
        return StoreError::Corrupt {
            id,
            moved_to: None,
            reason,
            backup: None,
            not_set_aside: None,
        };
    }
    let mut moved_to = None;
    let mut not_set_aside = None;
    if set_aside {
        let target = loc.corrupt_target(Timestamp::now());
        match fs::rename(loc.file(), &target) {
            Ok(()) => {
                fsutil::sync_dir(&loc.dir);
                moved_to = Some(target);
            }
            Err(err) => not_set_aside = Some(err.to_string()),
        }
    }
    StoreError::Corrupt {
        id,
        moved_to,
        reason,
        backup: backup::newest_good(loc).map(|(p, _)| p),
        not_set_aside,
    }
}

fn not_found(key: &str) -> StoreError {
    StoreError::NotFound {
        key: key.to_string(),
    }
}

fn io_error(path: &Path, e: &io::Error) -> StoreError {
    if e.get_ref()
        .is_some_and(|inner| inner.is::<fsutil::ReadBackDiffers>())
    {
        return StoreError::ReadBackDiffers {
            path: path.to_path_buf(),
        };
    }
    StoreError::Io {
        path: path.to_path_buf(),
        error: e.into(),
    }
}

/// A backup that would not read, as an I/O failure: the system's kind when
/// it gave one, otherwise why in English as the detail (as it was before).
fn read_failure(e: ReadError) -> crate::i18n::os::IoFailure {
    match e {
        ReadError::Io(failure) => failure,
        ReadError::NotFound => std::io::Error::from(io::ErrorKind::NotFound).into(),
        other => crate::i18n::os::IoFailure::other(other.to_string()),
    }
}

impl SessionStore for FileStore {
    fn list(&self) -> Result<Vec<SessionListing>, StoreError> {
        listing::list(&self.sessions_dir, &self.listed)
            .map_err(|e| io_error(&self.sessions_dir, &e))
    }

    fn fresh_id(&self, title: &str, now: Timestamp) -> Result<String, StoreError> {
        // Any file that belongs to a stem (session, lock, set-aside copy)
        // makes that id taken.
        let taken: Vec<String> = match fs::read_dir(&self.sessions_dir) {
            Ok(entries) => entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .collect(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_error(&self.sessions_dir, &e)),
        };
        Ok(unique_id(title, local_date(now), |id| {
            self.held.contains_key(id)
                || taken.iter().any(|name| {
                    name.strip_prefix(id)
                        .is_some_and(|rest| rest.starts_with(".json") || rest == ".lock")
                })
        }))
    }

    fn create(&mut self, session: &Session) -> Result<(), StoreError> {
        let id = session.id.clone();
        if !location::is_valid_id(&id) {
            return Err(StoreError::BadId { id });
        }
        let loc = Location::for_id(&self.sessions_dir, &id);
        if let Some(held) = self.held.get(&id) {
            // A retry after a failed first write: still ours, just write.
            if held.loc == loc {
                return self.write(&id, session);
            }
            return Err(StoreError::Exists { id });
        }
        fsutil::ensure_private_dir(&self.sessions_dir)
            .map_err(|e| io_error(&self.sessions_dir, &e))?;
        let lock = self.lock(&loc, &id)?;
        if loc.file().exists() || !loc.corrupt_files().is_empty() {
            return Err(StoreError::Exists { id });
        }
        self.hold(id.clone(), loc, lock, None);
        self.write(&id, session)
    }

    fn open(&mut self, key: &str) -> Result<Opened, StoreError> {
        let loc = self.locate(key)?;
        if let Some(id) = self.held_id(&loc) {
            let session = self.load(&loc, key, false)?.session;
            if session.id == id {
                return Ok(Opened {
                    session,
                    access: Access::ReadWrite,
                });
            }
        }
        // Not there at all: no lock file left behind for a typo.
        if !loc.file().exists() {
            return Err(self.missing(&loc, key));
        }
        let lock = self.lock(&loc, &loc.stem)?;
        let loaded = self.load(&loc, key, true)?;
        let id = loaded.session.id.clone();
        if self.held.contains_key(&id) {
            // Another file with the same id inside is already open here.
            return Err(StoreError::Exists { id });
        }
        self.hold(id, loc, lock, Some(&loaded.bytes));
        Ok(Opened {
            session: loaded.session,
            access: Access::ReadWrite,
        })
    }

    fn read(&self, key: &str) -> Result<Session, StoreError> {
        let loc = self.locate(key)?;
        // Reading never changes anything: a broken file is reported, and
        // set aside only by whoever opens it for writing.
        Ok(self.load(&loc, key, false)?.session)
    }

    fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        self.write(&session.id.clone(), session)
    }

    fn restore_backup(&mut self, key: &str) -> Result<Opened, StoreError> {
        let loc = self.locate(key)?;
        if let Some(id) = self.held_id(&loc) {
            return Err(StoreError::Exists { id });
        }
        let lock = self.lock(&loc, &loc.stem)?;
        let mut moved_to = None;
        if loc.file().exists() {
            match self.load(&loc, key, true) {
                // A readable session is never replaced by an older copy.
                Ok(_) => return Err(StoreError::Exists { id: loc.stem }),
                Err(StoreError::Corrupt {
                    moved_to: Some(m), ..
                }) => moved_to = Some(m),
                Err(other) => return Err(other),
            }
        }
        let Some((backup_path, session)) = backup::newest_good(&loc) else {
            if moved_to.is_none() && loc.corrupt_files().is_empty() {
                return Err(not_found(key));
            }
            return Err(StoreError::Corrupt {
                id: loc.stem.clone(),
                moved_to: moved_to.or_else(|| loc.corrupt_files().pop()),
                reason: Box::new(CorruptReason::NoBackup),
                backup: None,
                not_set_aside: None,
            });
        };
        let id = session.id.clone();
        if self.held.contains_key(&id) {
            return Err(StoreError::Exists { id });
        }
        let bytes =
            regular_file::read(&backup_path, Links::Refuse).map_err(|e| StoreError::Io {
                path: backup_path.clone(),
                error: read_failure(e),
            })?;
        self.held.insert(
            id.clone(),
            Held {
                loc,
                lock,
                // The backup itself stays as the newest generation.
                last_backup: Some(Instant::now()),
            },
        );
        let path = self.session_path(&id);
        if let Err(e) = fsutil::atomic_write(&path, &bytes) {
            self.held.remove(&id);
            return Err(io_error(&path, &e));
        }
        Ok(Opened {
            session,
            access: Access::ReadWrite,
        })
    }

    fn file_of(&self, id: &str) -> Option<PathBuf> {
        Some(self.session_path(id))
    }

    fn close(&mut self, id: &str) {
        self.held.remove(id);
    }

    fn delete(&mut self, key: &str) -> Result<(), StoreError> {
        let loc = self.locate(key)?;
        let held_id = self.held_id(&loc);
        let exists =
            loc.file().exists() || !loc.corrupt_files().is_empty() || !backup::all(&loc).is_empty();
        if !exists {
            return Err(not_found(key));
        }
        // Hold the lock while deleting, so an open session elsewhere is
        // refused rather than pulled from under it.
        let _lock = match held_id.and_then(|id| self.held.remove(&id)) {
            Some(held) => held.lock,
            None => self.lock(&loc, &loc.stem)?,
        };
        let mut doomed = vec![loc.file()];
        doomed.extend(loc.corrupt_files());
        doomed.extend(backup::all(&loc));
        for path in doomed {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error(&path, &e)),
            }
        }
        fsutil::sync_dir(&loc.dir);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_reads_back_different_is_told_as_such() {
        let e = io::Error::new(io::ErrorKind::InvalidData, fsutil::ReadBackDiffers);
        let path = Path::new("/d/sessions/x.json");
        match io_error(path, &e) {
            err @ StoreError::ReadBackDiffers { .. } => assert_eq!(
                crate::store::describe_store_error(&err, crate::domain::Lang::Nl),
                "wat er in /d/sessions/x.json is geschreven, leest niet hetzelfde terug; de \
                 vorige versie blijft staan, probeer het opnieuw"
            ),
            other => panic!("expected ReadBackDiffers, got {other:?}"),
        }
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(matches!(io_error(path, &denied), StoreError::Io { .. }));
    }
}
