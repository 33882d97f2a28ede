//! The file store on real files in temporary folders.

mod store_support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use datakompas::store::{Access, FileStore, ListingState, SessionStore, StoreError};
use store_support::{at, full_session, numbered_state};

fn store(dir: &Path) -> FileStore {
    FileStore::new(Some(dir)).unwrap()
}

#[test]
fn a_full_session_comes_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let session = full_session("2026-11-29-merkteam");
    let mut s = store(tmp.path());
    s.create(&session).unwrap();
    s.close(&session.id);

    let mut other = store(tmp.path());
    assert_eq!(other.read(&session.id).unwrap(), session);
    let opened = other.open(&session.id).unwrap();
    assert_eq!(opened.access, Access::ReadWrite);
    assert_eq!(opened.session, session);
    assert!(
        opened.session.deck.embedded.is_some(),
        "the user deck travels with the session"
    );
}

#[test]
fn the_file_is_the_documented_json() {
    let tmp = tempfile::tempdir().unwrap();
    let session = full_session("2026-11-29-merkteam");
    let mut s = store(tmp.path());
    s.create(&session).unwrap();
    let path = s.session_path(&session.id);
    assert_eq!(path, tmp.path().join("sessions/2026-11-29-merkteam.json"));
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["format"], "datakompas-session");
    assert_eq!(
        json["version"],
        datakompas::domain::session::SESSION_VERSION
    );
    assert_eq!(json["mode"], "team");
    assert_eq!(json["principles"][1]["source"], "custom");
    assert_eq!(json["cards"][0]["votes"]["p3"], 5);
    assert_eq!(
        json["cards"][0]["decision"]["principles"]["own-1"],
        "tension"
    );
    assert_eq!(json["updated"], "2026-11-18T12:06:40Z");
}

#[cfg(unix)]
#[test]
fn folders_are_0700_and_files_0600_whatever_the_umask() {
    use store_support::mode_of;
    let tmp = tempfile::tempdir().unwrap();
    // A careless umask must not leak sessions to other users.
    let old = unsafe { libc::umask(0o000) };
    let mut s = store(tmp.path()).with_backup_interval(Duration::ZERO);
    let session = full_session("2026-11-29-modes");
    let result = s.create(&session).and_then(|()| {
        s.close(&session.id);
        s.open(&session.id).map(|_| ())
    });
    let saved = s.save(&numbered_state(&session.id, 7));
    unsafe { libc::umask(old) };
    result.unwrap();
    saved.unwrap();

    let sessions = tmp.path().join("sessions");
    assert_eq!(mode_of(&sessions), 0o700);
    assert_eq!(mode_of(&sessions.join(".backups")), 0o700);
    assert_eq!(mode_of(&sessions.join("2026-11-29-modes.json")), 0o600);
    assert_eq!(mode_of(&sessions.join("2026-11-29-modes.lock")), 0o600);
    let backups = s.backups(&session.id).unwrap();
    assert!(!backups.is_empty());
    for b in backups {
        assert_eq!(mode_of(&b), 0o600, "{}", b.display());
    }
}

#[test]
fn ids_are_date_and_slug_made_unique() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    let now: jiff::Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
    let first = s.fresh_id("Merkteam Q4", now).unwrap();
    assert_eq!(first, "2026-11-29-merkteam-q4");
    s.create(&full_session(&first)).unwrap();
    assert_eq!(
        s.fresh_id("Merkteam Q4", now).unwrap(),
        "2026-11-29-merkteam-q4-2"
    );
    s.close(&first);
    assert!(matches!(
        s.create(&full_session(&first)),
        Err(StoreError::Exists { .. })
    ));
}

#[test]
fn list_shows_newest_first_with_progress_and_corrupt_files() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    let mut old = full_session("2026-11-01-old");
    old.touch(at(10));
    let mut new = full_session("2026-11-29-new");
    new.touch(at(5000));
    s.create(&old).unwrap();
    s.create(&new).unwrap();
    fs::write(
        tmp.path().join("sessions/2026-11-15-broken.json"),
        b"{\"for",
    )
    .unwrap();

    let list = s.list().unwrap();
    let ids: Vec<&str> = list.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        ["2026-11-15-broken", "2026-11-29-new", "2026-11-01-old"]
    );
    match &list[1].state {
        ListingState::Ok {
            title,
            decided,
            total,
            updated,
            ..
        } => {
            assert_eq!(title, "Merkteam — privacy & data");
            assert_eq!((*decided, *total), (1, 2));
            assert_eq!(*updated, at(5000));
        }
        other => panic!("expected a readable session, got {other:?}"),
    }
    assert!(matches!(list[0].state, ListingState::Corrupt { .. }));
}

#[test]
fn a_session_can_be_named_by_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("mail");
    fs::create_dir(&elsewhere).unwrap();
    let session = full_session("2026-11-29-ann");
    let file = elsewhere.join("ann-self-assessment.json");
    fs::write(&file, serde_json::to_vec_pretty(&session).unwrap()).unwrap();

    let mut s = store(&tmp.path().join("data"));
    let key = file.to_str().unwrap();
    assert_eq!(s.read(key).unwrap(), session);
    let opened = s.open(key).unwrap();
    let mut changed = opened.session;
    changed.title = "Ann, bijgewerkt".into();
    s.save(&changed).unwrap();
    assert_eq!(s.session_path(&changed.id), file);
    assert!(elsewhere.join("ann-self-assessment.lock").exists());
    s.close(&changed.id);
    assert!(!elsewhere.join("ann-self-assessment.lock").exists());
    assert_eq!(s.read(key).unwrap().title, "Ann, bijgewerkt");
}

#[test]
fn saving_needs_the_session_open_here() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    let session = full_session("2026-11-29-x");
    assert!(matches!(s.save(&session), Err(StoreError::NotOpen { .. })));
    s.create(&session).unwrap();
    s.close(&session.id);
    assert!(matches!(s.save(&session), Err(StoreError::NotOpen { .. })));
}

#[test]
fn backups_rotate_a_few_generations_not_on_every_save() {
    let tmp = tempfile::tempdir().unwrap();
    let id = "2026-11-29-rotate";
    let mut s = store(tmp.path());
    s.create(&numbered_state(id, 0)).unwrap();
    for n in 1..20 {
        s.save(&numbered_state(id, n)).unwrap();
    }
    // A fresh session has no earlier state and the interval has not passed.
    assert!(s.backups(id).unwrap().is_empty());
    s.close(id);

    // Opening keeps the state it was opened in.
    let mut s = store(tmp.path()).with_backup_interval(Duration::ZERO);
    s.open(id).unwrap();
    let backups = s.backups(id).unwrap();
    assert_eq!(backups.len(), 1);
    let read = |p: &Path| datakompas::store::decode(&fs::read(p).unwrap()).unwrap();
    assert_eq!(read(&backups[0]), numbered_state(id, 19));

    // With the interval passed, each save pushes the previous state in;
    // only three generations stay.
    for n in 20..25 {
        s.save(&numbered_state(id, n)).unwrap();
    }
    let backups = s.backups(id).unwrap();
    assert_eq!(backups.len(), datakompas::store::BACKUP_GENERATIONS);
    let kept: Vec<String> = backups.iter().map(|p| read(p).title).collect();
    assert_eq!(kept, ["state 23", "state 22", "state 21"]);
}

#[test]
fn a_session_that_cannot_read_back_is_not_written() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    let good = full_session("2026-11-29-verify");
    s.create(&good).unwrap();
    let mut bad = good.clone();
    bad.format = "something-else".into();
    match s.save(&bad) {
        Err(
            e @ StoreError::NotWritten {
                reason: Some(_), ..
            },
        ) => {
            assert!(e.to_string().contains("nothing was written"), "{e}");
        }
        other => panic!("expected a refused save, got {other:?}"),
    }
    assert_eq!(s.read(&good.id).unwrap(), good);
}

#[test]
fn delete_removes_the_session_its_backups_and_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let id = "2026-11-29-gone";
    let mut s = store(tmp.path());
    s.create(&numbered_state(id, 1)).unwrap();
    s.close(id);
    s.open(id).unwrap();
    assert!(!s.backups(id).unwrap().is_empty());
    s.delete(id).unwrap();
    let left: Vec<_> = fs::read_dir(tmp.path().join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != ".backups")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(s.backups(id).unwrap().is_empty());
    assert!(matches!(s.delete(id), Err(StoreError::NotFound { .. })));
    assert!(matches!(s.open(id), Err(StoreError::NotFound { .. })));
    // A key with a separator is a path, never an id inside the sessions folder.
    let elsewhere = tmp.path().join("elsewhere").join(id);
    assert!(matches!(
        s.read(elsewhere.to_str().unwrap()),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn a_version_1_file_from_an_older_datakompas_is_read_as_the_current_version() {
    let bytes = fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sessions/workshop.json"
    ))
    .unwrap();
    let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(raw["version"], 1);
    let session = datakompas::store::decode(&bytes).unwrap();
    assert_eq!(
        session.version,
        datakompas::domain::session::SESSION_VERSION
    );
    assert!(session.follow_up.is_empty());
    assert_eq!(session.cards.len(), raw["cards"].as_array().unwrap().len());
}
