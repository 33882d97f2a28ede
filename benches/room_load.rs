//! Load benchmark of the room: 100 simulated phones on loopback, each
//! joined with its event stream open, all voting within one second.
//! Reports the time from a vote's POST to the vote counted in the app's
//! state (p50/p99), and from the reveal to the last of the 100 streams
//! seeing it (p99). Target: p99 under 100 ms.
//!
//! `cargo bench --bench room_load` (a plain binary, not criterion: one
//! run is a whole scenario, not a function to repeat).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use datakompas::domain::room::{RevealResult, RoomCard, RoomEvent, RoomSlot, RoomState};
use datakompas::domain::{Lang, Stage, Text, VoteSummary};
use datakompas::room::{Room, RoomConfig};
use serde_json::{Value, json};

const PHONES: usize = 100;
const ROUNDS: usize = 5;
const WAIT: Duration = Duration::from_secs(10);

fn agent(timeout: Option<Duration>) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(timeout)
        .build()
        .into()
}

fn state(round: usize, votes: &BTreeMap<String, u8>, revealed: bool) -> RoomState {
    RoomState {
        lang: Lang::En,
        card: Some(RoomCard {
            id: format!("card-{round}"),
            title: Text::new("Load", "Belasting"),
            stage: Stage::GutCheck,
            number: round + 1,
            total: ROUNDS,
        }),
        slots: (1..=PHONES)
            .map(|n| {
                let participant = format!("p{n}");
                RoomSlot {
                    voted: votes.contains_key(&participant),
                    participant,
                    name: String::new(),
                }
            })
            .collect(),
        reveal: revealed.then(|| RevealResult {
            summary: VoteSummary::of(votes),
            names: None,
        }),
        allow_extra: false,
        closed: false,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn report(what: &str, mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    let (p50, p99) = (percentile(&samples, 0.5), percentile(&samples, 0.99));
    println!(
        "{what:<34} n={:<4} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        samples.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3,
    );
    p99
}

/// A phone's stream: reports when it first sees the current round revealed.
fn stream(url: String, round_seen: Sender<(usize, Instant)>, ready: Arc<Barrier>) {
    let res = agent(None).get(&url).call().expect("stream opens");
    ready.wait();
    let mut seen = usize::MAX;
    for line in BufReader::new(res.into_body().into_reader()).lines() {
        let Ok(line) = line else { return };
        let Some(data) = line.strip_prefix("data: ") else {
            continue;
        };
        let view: Value = serde_json::from_str(data).unwrap();
        if view["closed"] == true {
            return;
        }
        if view["reveal"].is_null() {
            continue;
        }
        let round = view["card"]["number"].as_u64().unwrap() as usize - 1;
        if round != seen {
            seen = round;
            let _ = round_seen.send((round, Instant::now()));
        }
    }
}

fn main() {
    // `cargo bench` passes flags such as --bench; this binary needs none.
    let (events_tx, events_rx) = channel::<(RoomEvent, Instant)>();
    let room = Room::open(
        RoomConfig {
            bind: Some("127.0.0.1".parse().unwrap()),
            ..RoomConfig::default()
        },
        state(0, &BTreeMap::new(), false),
        Box::new(move |e| {
            let _ = events_tx.send((e, Instant::now()));
        }),
    )
    .expect("the room opens on loopback");
    let room = Arc::new(room);
    let info = room.info();
    let base = format!("http://{}/{}/", info.addr, info.secrets.token);
    println!(
        "room on {} with {PHONES} phones, {ROUNDS} rounds",
        info.addr
    );

    // Join every phone and open its stream. Each phone keeps its own
    // client, and so its connection, as a browser does.
    let phones: Vec<ureq::Agent> = (0..PHONES).map(|_| agent(Some(WAIT))).collect();
    let devices: Vec<String> = phones
        .iter()
        .map(|http| {
            let mut res = http
                .post(&format!("{base}join"))
                .header("Content-Type", "application/json")
                .send(json!({}).to_string())
                .unwrap();
            let reply: Value =
                serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap();
            reply["device"].as_str().unwrap().to_string()
        })
        .collect();
    let (seen_tx, seen_rx) = channel();
    let ready = Arc::new(Barrier::new(PHONES + 1));
    for _ in 0..PHONES {
        let (url, tx, ready) = (format!("{base}events"), seen_tx.clone(), Arc::clone(&ready));
        thread::spawn(move || stream(url, tx, ready));
    }
    ready.wait();

    // The app: applies each vote and publishes who has voted, as the real
    // app does after every change.
    let votes: Arc<Mutex<BTreeMap<String, u8>>> = Arc::default();
    let round_now = Arc::new(Mutex::new(0usize));
    let (counted_tx, counted_rx) = channel::<(String, Instant)>();
    let joined = drain_joins(&events_rx, PHONES);
    assert_eq!(joined, PHONES, "every phone joined");
    {
        let (room, votes, round_now) = (
            Arc::clone(&room),
            Arc::clone(&votes),
            Arc::clone(&round_now),
        );
        thread::spawn(move || {
            for (event, _) in events_rx {
                if let RoomEvent::Vote {
                    participant,
                    card,
                    value,
                } = event
                {
                    let round = *round_now.lock().unwrap();
                    if card != format!("card-{round}") {
                        continue;
                    }
                    let snapshot = {
                        let mut v = votes.lock().unwrap();
                        v.insert(participant.clone(), value);
                        v.clone()
                    };
                    room.publish(state(round, &snapshot, false));
                    let _ = counted_tx.send((participant, Instant::now()));
                }
            }
        });
    }

    let mut vote_latency = Vec::new();
    let mut reveal_latency = Vec::new();
    for round in 0..ROUNDS {
        *round_now.lock().unwrap() = round;
        votes.lock().unwrap().clear();
        room.publish(state(round, &BTreeMap::new(), false));
        thread::sleep(Duration::from_millis(100));

        // Every phone votes once, spread over one second.
        let start = Instant::now();
        let handles: Vec<_> = devices
            .iter()
            .zip(&phones)
            .enumerate()
            .map(|(i, (device, http))| {
                let (url, device, http) = (format!("{base}vote"), device.clone(), http.clone());
                let card = format!("card-{round}");
                thread::spawn(move || {
                    let at = start + Duration::from_millis((i * 1000 / PHONES) as u64);
                    thread::sleep(at.saturating_duration_since(Instant::now()));
                    let sent = Instant::now();
                    let res = http
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .send(
                            json!({ "device": device, "card": card, "value": 1 + i % 5 })
                                .to_string(),
                        )
                        .unwrap();
                    assert_eq!(res.status().as_u16(), 200);
                    (format!("p{}", i + 1), sent)
                })
            })
            .collect();
        let sent: BTreeMap<String, Instant> =
            handles.into_iter().map(|h| h.join().unwrap()).collect();
        let mut counted = BTreeMap::new();
        while counted.len() < PHONES {
            let (participant, at) = counted_rx
                .recv_timeout(WAIT)
                .expect("every vote is counted");
            counted.insert(participant, at);
        }
        assert_eq!(
            votes.lock().unwrap().len(),
            PHONES,
            "every vote is in the app's state"
        );
        for (p, at) in &counted {
            vote_latency.push(at.saturating_duration_since(sent[p]));
        }

        // The reveal reaches every stream.
        thread::sleep(Duration::from_millis(100));
        let snapshot = votes.lock().unwrap().clone();
        let revealed_at = Instant::now();
        room.publish(state(round, &snapshot, true));
        let mut seen = 0;
        let mut last = revealed_at;
        while seen < PHONES {
            let (r, at) = seen_rx
                .recv_timeout(WAIT)
                .expect("every stream sees the reveal");
            if r == round {
                seen += 1;
                reveal_latency.push(at - revealed_at);
                last = last.max(at);
            }
        }
        println!(
            "round {}: all {PHONES} votes counted, reveal on all streams after {:.2} ms",
            round + 1,
            (last - revealed_at).as_secs_f64() * 1e3
        );
    }

    let vote_p99 = report("POST vote → counted in app state", vote_latency);
    let reveal_p99 = report("reveal → stream (per phone)", reveal_latency);
    let target = Duration::from_millis(100);
    println!(
        "target p99 < 100 ms: votes {}, reveal {}",
        if vote_p99 < target { "met" } else { "MISSED" },
        if reveal_p99 < target { "met" } else { "MISSED" }
    );
    drop(room);
}

fn drain_joins(events: &Receiver<(RoomEvent, Instant)>, n: usize) -> usize {
    (0..n)
        .filter(|_| matches!(events.recv_timeout(WAIT), Ok((RoomEvent::Joined { .. }, _))))
        .count()
}
