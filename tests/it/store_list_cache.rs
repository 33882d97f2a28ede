//! The session list remembers, on disk, what each file said by its size
//! and modification time: a new start lists from that memory, a file that
//! changed is read again, and a memory that is broken or foreign is only
//! ignored.

use crate::store_support;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use datakompas::store::{FileStore, ListingState, SessionStore};
use store_support::{full_session, mode_of};

const CACHE: &str = ".list-cache";

fn title_of(store: &FileStore, id: &str) -> String {
    let listing = store.list().unwrap();
    let row = listing.iter().find(|l| l.id == id).expect("listed");
    match &row.state {
        ListingState::Ok { title, .. } => title.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

/// A saved session whose file looks a minute old, as one from an earlier
/// day does: only settled files are remembered on disk.
fn saved(data: &Path, id: &str, title: &str) -> std::path::PathBuf {
    let mut store = FileStore::new(Some(data)).unwrap();
    let mut s = full_session(id);
    s.title = title.into();
    store.create(&s).unwrap();
    store.close(id);
    let path = store.session_path(id);
    age(&path);
    path
}

fn age(path: &Path) {
    let then = SystemTime::now() - Duration::from_secs(60);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
}

/// Rewrites the file with other bytes of the same length and puts its
/// modification time back: only the remembered row can still say `old`.
fn swap_title_keeping_size_and_time(path: &Path, old: &str, new: &str) {
    assert_eq!(old.len(), new.len());
    let modified = fs::metadata(path).unwrap().modified().unwrap();
    let text = fs::read_to_string(path).unwrap().replace(old, new);
    fs::write(path, text).unwrap();
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

#[test]
fn a_new_start_lists_from_what_the_last_one_remembered() {
    let tmp = tempfile::tempdir().unwrap();
    let path = saved(tmp.path(), "2026-11-29-a", "Brand team");
    assert_eq!(
        title_of(&FileStore::new(Some(tmp.path())).unwrap(), "2026-11-29-a"),
        "Brand team"
    );
    let cache = tmp.path().join("sessions").join(CACHE);
    assert!(cache.is_file(), "the list was remembered");
    #[cfg(unix)]
    assert_eq!(mode_of(&cache), 0o600, "as private as the sessions");

    swap_title_keeping_size_and_time(&path, "Brand team", "Other team");
    let fresh = FileStore::new(Some(tmp.path())).unwrap();
    assert_eq!(
        title_of(&fresh, "2026-11-29-a"),
        "Brand team",
        "the file was not read again"
    );
}

#[test]
fn a_file_that_changed_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let path = saved(tmp.path(), "2026-11-29-a", "Brand team");
    title_of(&FileStore::new(Some(tmp.path())).unwrap(), "2026-11-29-a");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Brand team", "Brand team Q4");
    fs::write(&path, text).unwrap();
    let fresh = FileStore::new(Some(tmp.path())).unwrap();
    assert_eq!(title_of(&fresh, "2026-11-29-a"), "Brand team Q4");
}

#[test]
fn a_broken_or_foreign_memory_is_ignored_and_written_anew() {
    let tmp = tempfile::tempdir().unwrap();
    saved(tmp.path(), "2026-11-29-a", "Brand team");
    let cache = tmp.path().join("sessions").join(CACHE);
    let lie = r#"{"format":"datakompas-list-cache","version":1,"entries":[{"file":"2026-11-29-a.json","len":1,"secs":1,"nanos":0,"title":"Lie","mode":"team","decided":0,"total":1,"updated":"2026-11-29T10:00:00Z"}]}"#;
    for text in ["{ not json", "[1, 2]", "\u{0}\u{1}binary", lie] {
        fs::write(&cache, text).unwrap();
        let store = FileStore::new(Some(tmp.path())).unwrap();
        assert_eq!(title_of(&store, "2026-11-29-a"), "Brand team", "{text:?}");
        let back = fs::read_to_string(&cache).unwrap();
        assert!(
            back.contains("Brand team"),
            "{text:?}: written anew: {back}"
        );
    }
}

#[test]
fn unreadable_files_are_never_remembered_and_gone_ones_are_forgotten() {
    let tmp = tempfile::tempdir().unwrap();
    let kept = saved(tmp.path(), "2026-11-29-a", "Brand team");
    let gone = saved(tmp.path(), "2026-11-29-b", "Gone team");
    title_of(&FileStore::new(Some(tmp.path())).unwrap(), "2026-11-29-a");
    // One file breaks (a new size), the other is deleted by hand.
    fs::write(&kept, "{ broken").unwrap();
    age(&kept);
    fs::remove_file(&gone).unwrap();
    let store = FileStore::new(Some(tmp.path())).unwrap();
    let listing = store.list().unwrap();
    assert_eq!(listing.len(), 1, "{listing:?}");
    assert!(
        matches!(listing[0].state, ListingState::Corrupt { .. }),
        "{listing:?}"
    );
    // Nothing is left to remember, so nothing is left behind.
    assert!(!tmp.path().join("sessions").join(CACHE).exists());
}
