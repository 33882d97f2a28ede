//! A session file that does not parse is never overwritten: it is set
//! aside, and the newest backup that parses is offered and can be restored.

use crate::store_support;

use std::fs;
use std::path::Path;
use std::time::Duration;

use datakompas::store::{FileStore, ListingState, SessionStore, StoreError};
use store_support::numbered_state;

const ID: &str = "2026-11-29-merkteam";
const BROKEN: &[u8] = b"{\"format\": \"datakompas-session\", \"version\": 1, \"id\": \"2026-";

fn store(dir: &Path) -> FileStore {
    FileStore::new(Some(dir)).unwrap()
}

/// A session saved as state 2, with state 1 (as it was opened) in backup.
fn session_with_backup(dir: &Path) -> FileStore {
    let mut s = store(dir);
    s.create(&numbered_state(ID, 1)).unwrap();
    s.close(ID);
    s.open(ID).unwrap();
    s.save(&numbered_state(ID, 2)).unwrap();
    s.close(ID);
    s
}

fn set_aside_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("sessions"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_corrupt_file_is_set_aside_and_its_backup_restored() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session_with_backup(tmp.path());
    let file = s.session_path(ID);
    fs::write(&file, BROKEN).unwrap();
    let newest_backup = s.backups(ID).unwrap()[0].clone();

    // Listed as corrupt, not skipped.
    let list = s.list().unwrap();
    assert_eq!(list.len(), 1);
    assert!(matches!(list[0].state, ListingState::Corrupt { .. }));

    // Reading only reports; the file stays where it is.
    match s.read(ID) {
        Err(StoreError::Corrupt {
            moved_to: None,
            backup,
            reason,
            ..
        }) => {
            assert_eq!(backup.as_deref(), Some(newest_backup.as_path()));
            assert!(reason.to_string().contains("not valid JSON"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert_eq!(fs::read(&file).unwrap(), BROKEN);

    // Opening sets it aside, byte for byte, and names the backup.
    let moved = match s.open(ID) {
        Err(StoreError::Corrupt {
            moved_to: Some(moved),
            backup: Some(backup),
            ..
        }) => {
            assert_eq!(backup, newest_backup);
            moved
        }
        other => panic!("expected Corrupt with a backup, got {other:?}"),
    };
    assert!(!file.exists());
    assert_eq!(fs::read(&moved).unwrap(), BROKEN);
    let name = moved.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with(&format!("{ID}.json.corrupt-")), "{name}");
    let message = s.open(ID).unwrap_err().to_string();
    assert!(message.contains("set aside"), "{message}");

    // Still listed, so the user can find it again.
    let list = s.list().unwrap();
    assert_eq!(list[0].id, ID);
    assert!(matches!(list[0].state, ListingState::Corrupt { .. }));

    // The backup comes back and is open for writing; the broken copy stays.
    let restored = s.restore_backup(ID).unwrap();
    assert_eq!(restored.session, numbered_state(ID, 1));
    assert_eq!(s.read(ID).unwrap(), numbered_state(ID, 1));
    s.save(&numbered_state(ID, 3)).unwrap();
    assert_eq!(s.read(ID).unwrap(), numbered_state(ID, 3));
    assert_eq!(set_aside_files(tmp.path()).len(), 1);
    assert!(matches!(
        s.list().unwrap()[0].state,
        ListingState::Ok { .. }
    ));
}

#[test]
fn a_broken_newest_backup_is_passed_over_for_an_older_good_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path()).with_backup_interval(Duration::ZERO);
    s.create(&numbered_state(ID, 1)).unwrap();
    s.save(&numbered_state(ID, 2)).unwrap();
    s.save(&numbered_state(ID, 3)).unwrap();
    s.close(ID);
    let backups = s.backups(ID).unwrap();
    assert_eq!(backups.len(), 2);
    fs::write(&backups[0], b"\0\0\0").unwrap();
    fs::write(s.session_path(ID), b"").unwrap();

    match s.open(ID) {
        Err(StoreError::Corrupt {
            backup: Some(b), ..
        }) => assert_eq!(b, backups[1]),
        other => panic!("expected the older backup, got {other:?}"),
    }
    assert_eq!(s.restore_backup(ID).unwrap().session, numbered_state(ID, 1));
}

#[test]
fn without_a_good_backup_the_broken_file_is_still_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = store(tmp.path());
    s.create(&numbered_state(ID, 1)).unwrap();
    s.close(ID);
    fs::write(s.session_path(ID), BROKEN).unwrap();
    match s.restore_backup(ID) {
        Err(StoreError::Corrupt {
            moved_to: Some(m),
            backup: None,
            reason,
            ..
        }) => {
            assert_eq!(fs::read(m).unwrap(), BROKEN);
            assert!(reason.to_string().contains("no backup"), "{reason}");
        }
        other => panic!("expected Corrupt without backup, got {other:?}"),
    }
    // The lock was let go: the session can be deleted, set-aside copy and all.
    s.delete(ID).unwrap();
    assert!(set_aside_files(tmp.path()).is_empty());
}

#[test]
fn a_readable_session_is_never_replaced_by_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session_with_backup(tmp.path());
    assert!(matches!(
        s.restore_backup(ID),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(s.read(ID).unwrap(), numbered_state(ID, 2));
}

#[test]
fn a_file_of_another_format_is_set_aside_too() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session_with_backup(tmp.path());
    let deck = serde_json::to_vec(&datakompas::deck::builtin()).unwrap();
    fs::write(s.session_path(ID), &deck).unwrap();
    match s.open(ID) {
        Err(StoreError::Corrupt {
            moved_to: Some(m),
            reason,
            ..
        }) => {
            assert!(
                reason.to_string().contains("not a datakompas session"),
                "{reason}"
            );
            assert_eq!(fs::read(m).unwrap(), deck);
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn a_file_from_a_newer_datakompas_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = session_with_backup(tmp.path());
    let file = s.session_path(ID);
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    json["version"] = 4.into();
    json["team_mood"] = "sunny".into();
    let newer = serde_json::to_vec_pretty(&json).unwrap();
    fs::write(&file, &newer).unwrap();

    for err in [s.open(ID).unwrap_err(), s.restore_backup(ID).unwrap_err()] {
        match err {
            StoreError::Corrupt {
                moved_to: None,
                backup: None,
                ref reason,
                ..
            } => assert!(reason.to_string().contains("newer datakompas"), "{reason}"),
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert!(err.to_string().contains("update datakompas"), "{err}");
    }
    assert_eq!(fs::read(&file).unwrap(), newer);
    assert!(set_aside_files(tmp.path()).is_empty());
    match &s.list().unwrap()[0].state {
        ListingState::Corrupt { reason, .. } => assert!(reason.to_string().contains("newer")),
        other => panic!("expected the list to flag it, got {other:?}"),
    }
}
