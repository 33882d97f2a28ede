//! A crash loses nothing but the save in flight: a child process saves
//! distinct states in a tight loop and is killed with SIGKILL at random
//! moments; afterwards the session file always parses, equals a state
//! that was saved (the last one reported or the one in flight), and the
//! session can be opened again at once.

use crate::store_support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use datakompas::store::{FileStore, SessionStore};
use store_support::{numbered_state, spawn_self, state_number, wait_for_line};

const ID: &str = "2026-11-29-crash";
const SAVER: &str = "DATAKOMPAS_TEST_SAVER";
const TRIALS: usize = 40;

/// The child's part: save states 0, 1, 2, … as fast as it can, with a new
/// backup generation on every save, reporting each one that returned.
fn save_forever(dir: &Path) -> ! {
    let mut s = FileStore::new(Some(dir))
        .unwrap()
        .with_backup_interval(Duration::ZERO);
    s.create(&numbered_state(ID, 0)).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "SAVED 0").unwrap();
    for n in 1.. {
        s.save(&numbered_state(ID, n)).unwrap();
        writeln!(out, "SAVED {n}").unwrap();
        out.flush().unwrap();
    }
    unreachable!("the loop ends only when the process is killed")
}

/// A small xorshift generator: random enough to spread the kills.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_kill_mid_save_leaves_the_last_saved_state_or_the_one_in_flight() {
    if let Some(dir) = std::env::var_os(SAVER) {
        save_forever(Path::new(&dir));
    }
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill timing seed: {seed}");
    let mut rng = Rng(seed);
    let mut states_seen = Vec::new();

    for trial in 0..TRIALS {
        let tmp = tempfile::tempdir().unwrap();
        let mut child = spawn_self(
            module_path!(),
            "a_kill_mid_save_leaves_the_last_saved_state_or_the_one_in_flight",
            SAVER,
            tmp.path().to_str().unwrap(),
        );
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let the child get a random number of saves in first, so kills land
        // at different points however fast or loaded the machine is.
        let head_start = rng.below(12);
        wait_for_line(&mut lines, &format!("SAVED {head_start}"));
        // Collect what the child reports while it runs, then kill it.
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("SAVED ") {
                    let _ = tx.send(n.parse::<u64>().unwrap());
                }
            }
        });
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let last_reported = rx.try_iter().last().unwrap_or(head_start);

        let mut store = FileStore::new(Some(tmp.path())).unwrap();
        let saved = store
            .read(ID)
            .unwrap_or_else(|e| panic!("trial {trial}: the file must parse: {e}"));
        let n = state_number(&saved);
        assert_eq!(saved, numbered_state(ID, n), "trial {trial}: a whole state");
        assert!(
            n == last_reported || n == last_reported + 1,
            "trial {trial}: saved state {n}, last reported {last_reported}"
        );
        for backup in store.backups(ID).unwrap() {
            let b = datakompas::store::decode(&std::fs::read(&backup).unwrap())
                .unwrap_or_else(|e| panic!("trial {trial}: {}: {e}", backup.display()));
            assert_eq!(b, numbered_state(ID, state_number(&b)));
        }
        // The lock died with the process.
        store
            .open(ID)
            .unwrap_or_else(|e| panic!("trial {trial}: open after kill: {e}"));
        store.save(&numbered_state(ID, n + 1)).unwrap();
        states_seen.push(n);
    }
    // The kills landed at different points of the loop, not all at once.
    states_seen.sort_unstable();
    states_seen.dedup();
    assert!(states_seen.len() >= 3, "{states_seen:?}");
}
