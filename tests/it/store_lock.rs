//! Two processes on one session: the second is refused and told the
//! holder's pid, may still read, and the lock dies with the holder.

use crate::store_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use datakompas::store::{FileStore, SessionStore, StoreError};
use store_support::{numbered_state, spawn_self, wait_for_line};

const ID: &str = "2026-11-29-lock";
const HOLDER: &str = "DATAKOMPAS_TEST_LOCK_HOLDER";

/// The child's part: open the session, say so, hold it until stdin closes.
fn hold(dir: &Path) {
    let mut s = FileStore::new(Some(dir)).unwrap();
    s.open(ID).unwrap();
    println!("HOLDING");
    std::io::stdout().flush().unwrap();
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    s.close(ID);
    println!("RELEASED");
}

type Lines = std::io::Lines<BufReader<std::process::ChildStdout>>;

/// A second process holding the session in `dir`, once it says so, and
/// what it says next.
fn holder(dir: &Path) -> (std::process::Child, Lines) {
    let mut child = spawn_self(
        module_path!(),
        "a_second_process_is_refused_with_the_holders_pid",
        HOLDER,
        dir.to_str().unwrap(),
    );
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    wait_for_line(&mut lines, "HOLDING");
    (child, lines)
}

#[test]
fn a_second_process_is_refused_with_the_holders_pid() {
    if let Some(dir) = std::env::var_os(HOLDER) {
        hold(Path::new(&dir));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut mine = FileStore::new(Some(tmp.path())).unwrap();
    mine.create(&numbered_state(ID, 1)).unwrap();
    mine.close(ID);

    let (mut child, mut lines) = holder(tmp.path());
    let pid = child.id();

    match mine.open(ID) {
        Err(StoreError::Locked { id, pid: got }) => {
            assert_eq!(id, ID);
            assert_eq!(got, Some(pid));
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    let message = mine.open(ID).unwrap_err().to_string();
    assert!(
        message.contains(&format!("open in another datakompas (process {pid})")),
        "{message}"
    );
    // Read-only viewing still works; writing and deleting do not.
    assert_eq!(mine.read(ID).unwrap(), numbered_state(ID, 1));
    assert!(matches!(
        mine.save(&numbered_state(ID, 2)),
        Err(StoreError::NotOpen { .. })
    ));
    assert!(matches!(mine.delete(ID), Err(StoreError::Locked { .. })));
    assert!(matches!(
        mine.restore_backup(ID),
        Err(StoreError::Locked { .. })
    ));

    // A holder that closes lets go.
    drop(child.stdin.take());
    wait_for_line(&mut lines, "RELEASED");
    assert!(child.wait().unwrap().success());
    mine.open(ID).unwrap();
    mine.close(ID);

    // A holder killed with SIGKILL leaves no stale lock behind.
    let (mut child, _lines) = holder(tmp.path());
    assert!(matches!(mine.open(ID), Err(StoreError::Locked { .. })));
    child.kill().unwrap();
    child.wait().unwrap();
    let opened = mine.open(ID).unwrap();
    assert_eq!(opened.session, numbered_state(ID, 1));
    mine.save(&numbered_state(ID, 3)).unwrap();
}

#[test]
fn one_process_with_two_stores_is_refused_as_well() {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = FileStore::new(Some(tmp.path())).unwrap();
    let mut b = FileStore::new(Some(tmp.path())).unwrap();
    a.create(&numbered_state(ID, 1)).unwrap();
    match b.open(ID) {
        Err(StoreError::Locked { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
        other => panic!("expected Locked, got {other:?}"),
    }
    // Dropping the store lets go, as closing does.
    drop(a);
    b.open(ID).unwrap();
}
