//! A file error reads in the user's language, in the app and on the
//! command line: the system's common kinds and the errors the app words
//! itself, never the system's English inside a Dutch sentence.

use crate::cli_support;
use crate::tui_support;

use std::io;
use std::path::{Path, PathBuf};

use datakompas::domain::{Lang, Session};
use datakompas::i18n::os::Own;
use datakompas::store::{MemoryStore, Opened, SessionListing, SessionStore, StoreError};
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use ratatui::crossterm::event::KeyCode::Right;
use tui_support::*;

/// A data folder whose lock cannot be taken: each session reads, and
/// opening it for writing fails with `error`.
struct LockFails(MemoryStore, fn(&str) -> io::Error);

impl SessionStore for LockFails {
    fn list(&self) -> Result<Vec<SessionListing>, StoreError> {
        self.0.list()
    }
    fn fresh_id(&self, title: &str, now: jiff::Timestamp) -> Result<String, StoreError> {
        self.0.fresh_id(title, now)
    }
    fn create(&mut self, session: &Session) -> Result<(), StoreError> {
        self.0.create(session)
    }
    fn open(&mut self, key: &str) -> Result<Opened, StoreError> {
        Err(StoreError::Io {
            path: format!("/data/sessions/{key}.json.lock").into(),
            error: (self.1)(key).into(),
        })
    }
    fn read(&self, key: &str) -> Result<Session, StoreError> {
        self.0.read(key)
    }
    fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        self.0.save(session)
    }
    fn restore_backup(&mut self, key: &str) -> Result<Opened, StoreError> {
        self.0.restore_backup(key)
    }
    fn close(&mut self, id: &str) {
        self.0.close(id)
    }
    fn delete(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.delete(key)
    }
}

/// Opens session "team" in a Dutch app over `store` and returns the screen.
fn opened_in_dutch(store: &mut LockFails) -> String {
    let mut app = app(Lang::Nl);
    let mut rt = Runtime {
        store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    event_loop::open(&mut app, &mut rt, "team", false, t0()).expect("it opens to be viewed");
    let terminal = run(&mut app, store, 100, 24, Scripted::new(t0()).key(Right));
    screen(&terminal)
}

#[test]
fn a_data_folder_without_permission_says_so_in_dutch_in_the_app() {
    let mut store = LockFails(
        MemoryStore::new().with_session(team_session("team")),
        |_| io::Error::from(io::ErrorKind::PermissionDenied),
    );
    let text = opened_in_dutch(&mut store);
    assert!(
        text.contains(
            "Deze map is alleen-lezen: wijzigingen worden niet bewaard (geen toestemming)."
        ),
        "{text}"
    );
    assert!(!text.contains("Permission denied"), "{text}");
}

#[test]
fn an_error_the_app_words_itself_reads_in_dutch_in_the_app() {
    let mut store = LockFails(
        MemoryStore::new().with_session(team_session("team")),
        |key| {
            Own::NotRegular(PathBuf::from(format!("/d/{key}.lock")))
                .into_io(io::ErrorKind::InvalidInput)
        },
    );
    let text = opened_in_dutch(&mut store);
    assert!(
        text.contains("(/d/team.lock is geen gewoon bestand)"),
        "{text}"
    );
    assert!(!text.contains("not a regular file"), "{text}");
    assert!(!text.contains("systeemfout"), "{text}");
}

/// A data folder nobody may write in.
fn read_only_folder(data: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir(data).unwrap();
    std::fs::set_permissions(data, std::fs::Permissions::from_mode(0o555)).unwrap();
    if let Some(parent) = data.parent() {
        std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// Root ignores file modes: as root, the command runs as the unprivileged
/// `nobody` (uid 65534), so the folder's mode holds for it.
fn unprivileged() -> Option<u32> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    (unsafe { libc::geteuid() } == 0).then_some(65534)
}

fn new_session(data: &Path, lang: &str) -> std::process::Output {
    let args = [
        "--lang",
        lang,
        "new",
        "--title",
        "Test",
        "--participants",
        "Ann,Bo",
        "--no-open",
    ];
    cli_support::datakompas_as(data, "C", &args, unprivileged())
}

#[test]
fn a_read_only_data_folder_says_so_in_dutch_on_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    read_only_folder(&data);

    let out = new_session(&data, "nl");
    let err = cli_support::stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("niet gebruiken: geen toestemming;"), "{err}");
    assert!(!err.contains("Permission denied"), "{err}");

    // In English, the system's own words.
    let err = cli_support::stderr(&new_session(&data, "en"));
    assert!(err.contains(": Permission denied;"), "{err}");
}
