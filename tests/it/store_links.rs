//! Links in a mailed session's folder (an unpacked archive can hold them):
//! the store writes through none of them.

use datakompas::store::{FileStore, SessionStore, StoreError};

fn mailed_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/compare/ann.json").unwrap())
            .unwrap();
    v["id"] = serde_json::json!("ann");
    let path = folder.path().join("ann.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    (folder, path)
}

#[test]
fn a_lock_file_that_is_a_link_is_not_written_through() {
    let (folder, path) = mailed_folder();
    let victim_dir = tempfile::tempdir().unwrap();
    let victim = victim_dir.path().join("precious.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, folder.path().join("ann.lock")).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(data.path())).unwrap();
    match store.open(path.to_str().unwrap()) {
        Err(StoreError::Io { .. }) => {}
        other => panic!("expected the lock to be refused, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    // Reading still works: the app shows such a session read-only.
    assert!(store.read(path.to_str().unwrap()).is_ok());
}

#[test]
fn a_backup_folder_that_is_a_link_gets_no_backups() {
    let (folder, path) = mailed_folder();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), folder.path().join(".backups")).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(data.path())).unwrap();
    let opened = store.open(path.to_str().unwrap()).unwrap();
    let mut session = opened.session;
    session.title = "changed".into();
    store.save(&session).unwrap();
    store.close("ann");
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert!(std::fs::read_to_string(&path).unwrap().contains("changed"));
}
