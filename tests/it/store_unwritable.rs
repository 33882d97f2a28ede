//! A folder that cannot be written, or a disk that takes no more: a clear
//! error, never a panic; the session stays in memory, the old file stays
//! whole, and saving again works once the cause is gone.
//!
//! These failures are provoked in ways that hold even for root (who
//! ignores file modes): a data folder whose place is taken by a regular
//! file, and a file-size limit that makes writes fail as a full disk does.

use crate::store_support;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;

use datakompas::store::{FileStore, SessionStore, StoreError};
use store_support::{full_session, numbered_state, spawn_self, wait_for_line};

const ID: &str = "2026-11-29-blocked";

fn expect_io(result: Result<(), StoreError>) -> String {
    match result {
        Err(e @ StoreError::Io { .. }) => {
            let message = e.to_string();
            assert!(
                message.len() > 10,
                "a message a person can act on: {message}"
            );
            message
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn a_data_folder_that_cannot_be_made_fails_clearly_and_can_be_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    fs::write(&data, b"a file where the folder should be").unwrap();

    let mut store = FileStore::new(Some(&data)).unwrap();
    let session = full_session(ID);
    let message = expect_io(store.create(&session));
    assert!(
        message.contains(&format!("{} is a file, not a folder", data.display())),
        "{message}"
    );
    assert!(matches!(store.list(), Err(StoreError::Io { .. })));

    // The cause removed, the same call succeeds.
    fs::remove_file(&data).unwrap();
    store.create(&session).unwrap();
    assert_eq!(store.read(ID).unwrap(), session);
}

#[test]
fn a_save_that_fails_mid_session_keeps_the_old_file_and_can_be_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(tmp.path())).unwrap();
    store.create(&numbered_state(ID, 1)).unwrap();

    // The sessions folder is pulled away and a file put in its place.
    let sessions = tmp.path().join("sessions");
    let away = tmp.path().join("away");
    fs::rename(&sessions, &away).unwrap();
    fs::write(&sessions, b"").unwrap();
    let changed = numbered_state(ID, 2);
    let message = expect_io(store.save(&changed));
    assert!(message.contains("is a file, not a folder"), "{message}");
    expect_io(store.save(&changed));

    fs::remove_file(&sessions).unwrap();
    fs::rename(&away, &sessions).unwrap();
    assert_eq!(store.read(ID).unwrap(), numbered_state(ID, 1));
    store.save(&changed).unwrap();
    assert_eq!(store.read(ID).unwrap(), changed);
}

const FULL_DISK: &str = "DATAKOMPAS_TEST_FULL_DISK";

/// The child's part: with a file-size limit just above the saved session,
/// a bigger save fails as on a full disk; lifting the limit, it succeeds.
#[cfg(unix)]
fn full_disk(dir: &Path) {
    let mut store = FileStore::new(Some(dir)).unwrap();
    let small = numbered_state(ID, 1);
    store.create(&small).unwrap();
    let size = fs::metadata(store.session_path(ID)).unwrap().len();

    // Past the limit the kernel sends SIGXFSZ; ignored, the write fails
    // with EFBIG instead, as writes to a full disk fail with ENOSPC.
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::getrlimit(libc::RLIMIT_FSIZE, &mut old), 0);
        let limited = libc::rlimit {
            rlim_cur: size + 500,
            rlim_max: old.rlim_max,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limited), 0);
    }
    let big = numbered_state(ID, 900);
    let message = expect_io(store.save(&big));
    println!("REFUSED: {message}");
    assert_eq!(store.read(ID).unwrap(), small, "the old file is whole");

    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &old), 0);
    }
    store.save(&big).unwrap();
    assert_eq!(store.read(ID).unwrap(), big);
    println!("RETRIED");
}

#[cfg(unix)]
#[test]
fn a_full_disk_keeps_the_old_file_and_a_retry_succeeds() {
    if let Some(dir) = std::env::var_os(FULL_DISK) {
        full_disk(Path::new(&dir));
        return;
    }
    // In a child process: the limit is per process and must not touch the
    // other tests running in this one.
    let tmp = tempfile::tempdir().unwrap();
    let mut child = spawn_self(
        module_path!(),
        "a_full_disk_keeps_the_old_file_and_a_retry_succeeds",
        FULL_DISK,
        tmp.path().to_str().unwrap(),
    );
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let refused = wait_for_line(&mut lines, "REFUSED");
    assert!(refused.contains("too large"), "{refused}");
    wait_for_line(&mut lines, "RETRIED");
    assert!(child.wait().unwrap().success());
}
