//! A store that keeps sessions in memory: the double the app's tests use.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;

use super::{
    Access, ListingState, Opened, SessionListing, SessionStore, StoreError, local_date, unique_id,
};
use crate::domain::Session;

#[derive(Debug, Default)]
pub struct MemoryStore {
    sessions: BTreeMap<String, Session>,
    open: BTreeSet<String>,
    /// Ids another (pretend) process holds; `open` reports them as locked.
    pub locked_elsewhere: BTreeSet<String>,
    /// When set, every save fails as a full disk would.
    pub fail_saves: bool,
    /// How many saves succeeded.
    pub saves: usize,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_session(mut self, session: Session) -> Self {
        self.sessions.insert(session.id.clone(), session);
        self
    }

    /// The stored copy, as a crash right now would leave it.
    pub fn stored(&self, id: &str) -> Option<&Session> {
        self.sessions.get(id)
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.contains(id)
    }
}

impl SessionStore for MemoryStore {
    fn list(&self) -> Result<Vec<SessionListing>, StoreError> {
        let mut out: Vec<SessionListing> = self
            .sessions
            .values()
            .map(|s| {
                let (decided, total) = s.decided_count();
                SessionListing {
                    id: s.id.clone(),
                    path: None,
                    state: ListingState::Ok {
                        title: s.title.clone(),
                        mode: s.mode,
                        decided,
                        total,
                        updated: s.updated,
                    },
                }
            })
            .collect();
        out.sort_by_key(|l| match &l.state {
            ListingState::Ok { updated, .. } => std::cmp::Reverse(Some(*updated)),
            ListingState::Corrupt { .. } => std::cmp::Reverse(None),
        });
        Ok(out)
    }

    fn fresh_id(&self, title: &str, now: Timestamp) -> Result<String, StoreError> {
        Ok(unique_id(title, local_date(now), |id| {
            self.sessions.contains_key(id)
        }))
    }

    fn create(&mut self, session: &Session) -> Result<(), StoreError> {
        if self.sessions.contains_key(&session.id) {
            return Err(StoreError::Exists {
                id: session.id.clone(),
            });
        }
        self.open.insert(session.id.clone());
        self.save(session)
    }

    fn open(&mut self, key: &str) -> Result<Opened, StoreError> {
        let session = self.read(key)?;
        if self.locked_elsewhere.contains(key) {
            return Err(StoreError::Locked {
                id: key.to_string(),
                pid: Some(4242),
            });
        }
        self.open.insert(key.to_string());
        Ok(Opened {
            session,
            access: Access::ReadWrite,
        })
    }

    fn read(&self, key: &str) -> Result<Session, StoreError> {
        self.sessions
            .get(key)
            .cloned()
            .ok_or_else(|| StoreError::NotFound {
                key: key.to_string(),
            })
    }

    fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        if !self.open.contains(&session.id) {
            return Err(StoreError::NotOpen {
                id: session.id.clone(),
            });
        }
        if self.fail_saves {
            return Err(StoreError::Io {
                path: session.id.clone().into(),
                error: std::io::Error::from(std::io::ErrorKind::StorageFull).into(),
            });
        }
        self.sessions.insert(session.id.clone(), session.clone());
        self.saves += 1;
        Ok(())
    }

    fn restore_backup(&mut self, key: &str) -> Result<Opened, StoreError> {
        Err(StoreError::NotFound {
            key: key.to_string(),
        })
    }

    fn close(&mut self, id: &str) {
        self.open.remove(id);
    }

    fn delete(&mut self, key: &str) -> Result<(), StoreError> {
        self.open.remove(key);
        self.sessions
            .remove(key)
            .map(|_| ())
            .ok_or_else(|| StoreError::NotFound {
                key: key.to_string(),
            })
    }
}
