//! Sessions for the store tests: full ones, and numbered states that can be
//! told apart after a crash.

#![allow(dead_code)]

use std::collections::BTreeMap;

use datakompas::domain::butcher::{ButcherAnswer, ButcherCheck, ButcherPoint};
use datakompas::domain::session::DeckRef;
use datakompas::domain::{
    AreaOwner, CardProgress, ChosenPrinciple, Decision, FollowUp, Lang, Mode, NextStep,
    PrincipleCheck, Session, Stage,
};
use jiff::Timestamp;

pub fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_795_000_000 + seconds).unwrap()
}

/// A session with everything filled in: named participants, library and
/// custom principles, votes, decisions, an embedded deck.
pub fn full_session(id: &str) -> Session {
    let deck = datakompas::deck::builtin();
    let mut s = Session::new(
        id.to_string(),
        "Merkteam — privacy & data".to_string(),
        Mode::Team,
        Lang::Nl,
        DeckRef {
            id: "eigen-deck".into(),
            version: "0.3.0".into(),
            embedded: Some(deck),
        },
        at(0),
    );
    s.participants = Session::named_participants(&["Ann", "Bo", "Cem"]);
    s.principles = vec![
        ChosenPrinciple::Library {
            id: "transparent".into(),
        },
        ChosenPrinciple::Custom {
            id: "own-1".into(),
            name: "Als de slager".into(),
            meaning: "We weten wat een goede winkelier ook zou weten, niet meer.".into(),
        },
    ];
    s.minutes_per_card = 12;
    let mut card = CardProgress::new("butcher");
    card.votes = BTreeMap::from([("p1".into(), 1), ("p2".into(), 4), ("p3".into(), 5)]);
    card.revealed = true;
    card.seconds_spent = 731;
    card.decision = Decision {
        option: Some("go".into()),
        safeguards: vec!["purpose_stated".into()],
        principles: BTreeMap::from([
            ("transparent".into(), PrincipleCheck::Upholds),
            ("own-1".into(), PrincipleCheck::Tension),
        ]),
        rationale: "Alleen met uitleg aan de kassa. \"Quotes\", <tags> & ünicode ✓".into(),
        keep_safeguards: true,
    };
    card.butcher = ButcherCheck::from([
        (ButcherPoint::TwoWay, ButcherAnswer::Yes),
        (ButcherPoint::NotSoldOn, ButcherAnswer::Partly),
        (ButcherPoint::CanWalkAway, ButcherAnswer::No),
    ]);
    s.cards = vec![card, CardProgress::new("second")];
    s.position.card = 1;
    s.position.stage = Stage::Decide;
    s.follow_up = FollowUp {
        organisation: "Merkteam".into(),
        facilitator: "Dewi".into(),
        version: "0.2".into(),
        owners: vec![AreaOwner {
            area: "sharing".into(),
            owner: "Juridische zaken".into(),
            review: "2027-03-01".into(),
        }],
        next_steps: vec![NextStep {
            what: "Bewaartermijnen vastleggen".into(),
            who: "Ann".into(),
            by: "2027-01-15".into(),
        }],
    };
    s.touch(at(3600));
    s
}

/// State number `n` of a session that is saved over and over: every field
/// that changes is derived from `n`, so a file can be matched to its state.
pub fn numbered_state(id: &str, n: u64) -> Session {
    let mut s = full_session(id);
    s.title = format!("state {n}");
    s.cards[0].seconds_spent = n as u32;
    s.cards[0].decision.rationale = "x".repeat((n % 997) as usize);
    s.cards[1].votes.insert("p1".into(), (n % 5) as u8 + 1);
    s.touch(at(n as i64));
    s
}

/// The state number a saved session claims to be.
pub fn state_number(s: &Session) -> u64 {
    s.title
        .strip_prefix("state ")
        .and_then(|n| n.parse().ok())
        .expect("title names its state")
}

#[cfg(unix)]
pub fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The name the test harness knows test `function` by, written in module
/// `module` (its `module_path!()`): the path without the crate's name, so
/// that it is right whether the test file is a binary of its own or a
/// module of a bigger one.
pub fn test_name(module: &str, function: &str) -> String {
    match module.split_once("::") {
        Some((_crate, path)) => format!("{path}::{function}"),
        None => function.to_string(),
    }
}

/// Starts this test binary again, running only test `function` of module
/// `module` (see [`test_name`]), with `role` set in its environment so that
/// test plays the child's part.
pub fn spawn_self(module: &str, function: &str, role: &str, value: &str) -> std::process::Child {
    use std::process::{Command, Stdio};
    let test = test_name(module, function);
    Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env(role, value)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// Reads the child's stdout until a line containing `marker` (libtest may print before it on the same line), and
/// returns that line; panics if the child ends first.
pub fn wait_for_line(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    marker: &str,
) -> String {
    for line in lines {
        let line = line.unwrap();
        if line.contains(marker) {
            return line;
        }
    }
    panic!("the child process ended before printing {marker}");
}
