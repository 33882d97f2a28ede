//! A room on loopback and a real HTTP client for it. Every request goes
//! to 127.0.0.1; every wait is bounded.
#![allow(dead_code)]

pub mod cdp;

use std::io::{BufRead, BufReader};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use datakompas::domain::room::{RoomCard, RoomEvent, RoomSlot, RoomState};
use datakompas::domain::{Lang, Stage, Text};
use datakompas::room::{Room, RoomConfig, RoomInfo};
use serde_json::Value;

pub const WAIT: Duration = Duration::from_secs(5);
pub const CARD: &str = "ing-2014";

/// A response header's value as text, empty when it is missing.
pub fn header(res: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(WAIT))
        .build()
        .into()
}

/// The room as the app opens it again after a restart: on the same port,
/// with the same secrets.
pub fn reopening(info: &RoomInfo) -> RoomConfig {
    RoomConfig {
        port: info.addr.port(),
        secrets: Some(info.secrets.clone()),
        ..loopback()
    }
}

pub struct TestRoom {
    pub room: Room,
    pub events: Receiver<RoomEvent>,
    pub base: String,
    pub token: String,
    agent: ureq::Agent,
}

pub fn slots(names: &[&str]) -> Vec<RoomSlot> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| RoomSlot {
            participant: format!("p{}", i + 1),
            name: n.to_string(),
            voted: false,
        })
        .collect()
}

/// A named session on its first card's gut check.
pub fn named() -> RoomState {
    RoomState {
        slots: slots(&["Ann", "Bo", "Cem"]),
        ..voting()
    }
}

pub fn anonymous(voters: usize) -> RoomState {
    RoomState {
        slots: slots(&vec![""; voters]),
        ..voting()
    }
}

pub fn voting() -> RoomState {
    RoomState {
        card: Some(RoomCard {
            id: CARD.into(),
            title: Text::new("ING uses payment data", "ING gebruikt betaalgegevens"),
            stage: Stage::GutCheck,
            number: 1,
            total: 4,
        }),
        ..RoomState::new(Lang::En)
    }
}

pub fn loopback() -> RoomConfig {
    RoomConfig {
        bind: Some("127.0.0.1".parse().unwrap()),
        ..RoomConfig::default()
    }
}

impl TestRoom {
    pub fn open(state: RoomState) -> TestRoom {
        Self::open_with(loopback(), state)
    }

    pub fn open_with(cfg: RoomConfig, state: RoomState) -> TestRoom {
        let (tx, events) = channel();
        let room = Room::open(
            cfg,
            state,
            Box::new(move |e| {
                let _ = tx.send(e);
            }),
        )
        .expect("the room opens on loopback");
        let info = room.info();
        assert!(info.addr.ip().is_loopback(), "{info:?}");
        TestRoom {
            base: format!("http://{}", info.addr),
            token: info.secrets.token.clone(),
            room,
            events,
            agent: agent(),
        }
    }

    /// A path under the room token.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}/{}", self.base, self.token, path)
    }

    pub fn get(&self, url: &str) -> (u16, String) {
        let mut res = self.agent.get(url).call().expect("GET");
        let status = res.status().as_u16();
        (status, res.body_mut().read_to_string().unwrap_or_default())
    }

    pub fn post_raw(&self, url: &str, body: &str) -> (u16, Value) {
        let mut res = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            // A refused POST is answered before its body is read, and the
            // server then closes the connection: a pooled connection reused
            // for the next request would race that close.
            .header("Connection", "close")
            .send(body)
            .expect("POST");
        let status = res.status().as_u16();
        let text = res.body_mut().read_to_string().unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.post_raw(&self.url(path), &body.to_string())
    }

    /// Joins and returns (device token, participant).
    pub fn join(&self, participant: Option<&str>) -> (String, String) {
        let body = match participant {
            Some(p) => serde_json::json!({ "participant": p }),
            None => serde_json::json!({}),
        };
        let (status, reply) = self.post("join", body);
        assert_eq!(status, 200, "{reply}");
        (
            reply["device"].as_str().unwrap().to_string(),
            reply["participant"].as_str().unwrap().to_string(),
        )
    }

    pub fn vote(&self, device: &str, card: &str, value: i64) -> (u16, Value) {
        self.post(
            "vote",
            serde_json::json!({ "device": device, "card": card, "value": value }),
        )
    }

    pub fn next_event(&self) -> RoomEvent {
        self.events
            .recv_timeout(WAIT)
            .expect("an event reaches the app")
    }

    /// Nothing reached the app (waits a little for stragglers).
    pub fn assert_no_event(&self) {
        match self.events.recv_timeout(Duration::from_millis(100)) {
            Err(RecvTimeoutError::Timeout) => {}
            other => panic!("expected no event, got {other:?}"),
        }
    }

    pub fn events_stream(&self) -> Sse {
        Sse::open(&self.url("events"))
    }
}

/// An open event stream: each `state` event's data, parsed.
pub struct Sse {
    rx: Receiver<Line>,
}

#[derive(Debug)]
pub enum Line {
    View(Value),
    Other(String),
    End,
}

impl Sse {
    pub fn open(url: &str) -> Sse {
        // No global timeout: the stream stays open for the test's length.
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .build()
            .into();
        let res = agent.get(url).call().expect("the event stream opens");
        assert_eq!(res.status().as_u16(), 200);
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(
            content_type.starts_with("text/event-stream"),
            "{content_type}"
        );
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let reader = BufReader::new(res.into_body().into_reader());
            for line in reader.lines() {
                let Ok(line) = line else { break };
                let msg = match line.strip_prefix("data: ").or(line.strip_prefix("data:")) {
                    Some(data) => {
                        Line::View(serde_json::from_str(data).expect("events carry JSON"))
                    }
                    None => Line::Other(line),
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
            let _ = tx.send(Line::End);
        });
        Sse { rx }
    }

    pub fn next_line(&self) -> Line {
        self.next_line_within(WAIT)
    }

    pub fn next_line_within(&self, wait: Duration) -> Line {
        self.rx.recv_timeout(wait).expect("the stream speaks")
    }

    /// The next view the stream delivers.
    pub fn next_view(&self) -> Value {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            match self.rx.recv_timeout(deadline - Instant::now()) {
                Ok(Line::View(v)) => return v,
                Ok(Line::Other(_)) => continue,
                Ok(Line::End) => panic!("the stream ended"),
                Err(_) => break,
            }
        }
        panic!("no view within {WAIT:?}");
    }

    /// Views until one matches, within the bounded wait.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            let view = self.next_view();
            if pred(&view) {
                return view;
            }
        }
        panic!("no view with {what} within {WAIT:?}");
    }

    /// The stream ends (the server closed it) within the bounded wait.
    pub fn wait_end(&self) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            match self.rx.recv_timeout(deadline - Instant::now()) {
                Ok(Line::End) => return,
                Ok(_) => continue,
                Err(_) => break,
            }
        }
        panic!("the stream did not end within {WAIT:?}");
    }
}
