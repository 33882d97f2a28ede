//! A real room opened from the app on 127.0.0.1: phones join and vote over
//! HTTP, the votes reach the app through its loop and the saved session,
//! the reveal reaches the phones, and closing the session closes the room.

use crate::tui_support;

use std::time::Duration;

use datakompas::domain::Lang;
use datakompas::store::{FileStore, SessionStore};
use datakompas::tui::event_loop::{self, RoomLink, RoomOptions, Runtime, Scripted};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;
use serde_json::{Value, json};
use tui_support::*;

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

fn post(agent: &ureq::Agent, url: &str, body: Value) -> (u16, Value) {
    let mut res = agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .expect("POST");
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn get_json(agent: &ureq::Agent, url: &str) -> Value {
    let mut res = agent.get(url).call().expect("GET");
    serde_json::from_str(&res.body_mut().read_to_string().unwrap()).unwrap()
}

#[test]
fn phones_vote_over_http_into_the_app_and_see_the_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(dir.path())).unwrap();
    let mut session = team_session("team");
    session.participants = datakompas::domain::Session::named_participants(&["Ann", "Bo"]);
    store.create(&session).unwrap();
    let path = store.session_path("team");
    let mut app = app(Lang::En);
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: RoomLink::new(RoomOptions {
            bind: Some("127.0.0.1".parse().unwrap()),
            ..RoomOptions::default()
        }),
    };
    event_loop::open(&mut app, &mut rt, "team", false, t0()).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let step =
        |terminal: &mut Terminal<TestBackend>, app: &mut _, rt: &mut Runtime, s: Scripted| {
            event_loop::run(terminal, app, rt, &mut { s }).unwrap();
        };

    // c opens the room; c hides the panel; → to the gut check.
    step(
        &mut terminal,
        &mut app,
        &mut rt,
        Scripted::new(t0()).text("cc").key(Right),
    );
    let info = app.room.as_ref().expect("the room is open").info.clone();
    assert_eq!(info.addr.ip().to_string(), "127.0.0.1");
    let base = info.join_url.trim_end_matches('/').to_string();
    let agent = agent();

    let (status, ann) = post(
        &agent,
        &format!("{base}/join"),
        json!({"participant": "p1"}),
    );
    assert_eq!(status, 200, "{ann}");
    let (status, bo) = post(
        &agent,
        &format!("{base}/join"),
        json!({"participant": "p2"}),
    );
    assert_eq!(status, 200, "{bo}");
    // The app takes the joins in, then publishes the gut check.
    step(
        &mut terminal,
        &mut app,
        &mut rt,
        Scripted::new(t0()).wait(1),
    );
    let state = get_json(&agent, &format!("{base}/state"));
    assert_eq!(state["card"]["stage"], "gut_check", "{state}");

    let vote = |device: &Value, value: u8| {
        post(
            &agent,
            &format!("{base}/vote"),
            json!({"device": device, "card": "butcher", "value": value}),
        )
    };
    assert_eq!(vote(&ann["device"], 2).0, 200);
    assert_eq!(vote(&bo["device"], 5).0, 200);
    step(
        &mut terminal,
        &mut app,
        &mut rt,
        Scripted::new(t0()).wait(2),
    );
    let shown = screen(&terminal);
    assert!(
        shown.contains("2 of 2 voted · everyone has voted"),
        "{shown}"
    );
    // Phones learn who voted, never what.
    let state = get_json(&agent, &format!("{base}/state"));
    assert_eq!(state["reveal"], Value::Null, "{state}");
    assert!(!state.to_string().contains("\"value\""), "{state}");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(file["cards"][0]["votes"], json!({"p1": 2, "p2": 5}));
    assert_eq!(file["room_members"].as_object().unwrap().len(), 2);

    // The reveal reaches the phones; votes are locked afterwards.
    step(
        &mut terminal,
        &mut app,
        &mut rt,
        Scripted::new(t0()).text("r"),
    );
    let state = get_json(&agent, &format!("{base}/state"));
    assert_eq!(state["reveal"]["summary"]["total"], 2, "{state}");
    assert_eq!(state["reveal"]["names"], Value::Null, "{state}");
    let (status, _) = vote(&ann["device"], 4);
    assert_eq!(status / 100, 4, "a vote after the reveal is refused");

    // Closing the session closes the room: nothing listens any more.
    step(
        &mut terminal,
        &mut app,
        &mut rt,
        Scripted::new(t0()).text("q"),
    );
    assert!(app.room.is_none());
    assert!(agent.get(&format!("{base}/state")).call().is_err());
}
