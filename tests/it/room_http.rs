//! The room server over real HTTP on loopback, with a real client: what a
//! phone may do, and every refusal, each with nothing stored.

use crate::room_support;

use datakompas::domain::Stage;
use datakompas::domain::VoteSummary;
use datakompas::domain::room::{RevealResult, RevealedVote, RoomEvent, RoomState};
use datakompas::room::RoomConfig;
use room_support::*;
use serde_json::json;

fn voted(mut state: RoomState, participant: &str) -> RoomState {
    for s in &mut state.slots {
        if s.participant == participant {
            s.voted = true;
        }
    }
    state
}

#[test]
fn join_by_the_qr_url_vote_change_and_see_the_reveal() {
    let t = TestRoom::open(named());
    let (status, page) = t.get(&t.room.info().join_url);
    assert_eq!(status, 200);
    assert!(page.contains("/room.js"), "{page}");

    let sse = t.events_stream();
    let first = sse.next_view();
    assert_eq!(first["card"]["id"], CARD);
    assert_eq!(first["named"], true);
    assert_eq!(first["slots"][1]["joined"], false);

    let (device, me) = t.join(Some("p2"));
    assert_eq!(me, "p2");
    assert_eq!(
        t.next_event(),
        RoomEvent::Joined {
            participant: "p2".into(),
            device: t.room.members().claims().next().unwrap().1.clone(),
            new_slot: false,
        }
    );
    sse.wait_for("Bo joined", |v| v["slots"][1]["joined"] == true);

    let (status, reply) = t.vote(&device, CARD, 3);
    assert_eq!(status, 200, "{reply}");
    let vote = |value| RoomEvent::Vote {
        participant: "p2".into(),
        card: CARD.into(),
        value,
    };
    assert_eq!(t.next_event(), vote(3));
    // The same vote again is harmless; a new value changes it.
    assert_eq!(t.vote(&device, CARD, 3).0, 200);
    assert_eq!(t.next_event(), vote(3));
    assert_eq!(t.vote(&device, CARD, 5).0, 200);
    assert_eq!(t.next_event(), vote(5));

    // The app publishes that Bo voted: phones learn that, never the value.
    t.room.publish(voted(named(), "p2"));
    let view = sse.wait_for("Bo voted", |v| v["slots"][1]["voted"] == true);
    assert!(view["reveal"].is_null());
    assert!(!view.to_string().contains("\"value\""), "{view}");

    let mut revealed = voted(named(), "p2");
    revealed.reveal = Some(RevealResult {
        summary: VoteSummary::from_values([5]),
        names: Some(vec![RevealedVote {
            participant: "p2".into(),
            value: 5,
        }]),
    });
    t.room.publish(revealed);
    let view = sse.wait_for("the reveal", |v| !v["reveal"].is_null());
    assert_eq!(view["reveal"]["summary"]["counts"], json!([0, 0, 0, 0, 1]));
    assert_eq!(view["reveal"]["names"][0]["value"], 5);

    // Locked after the reveal.
    let (status, reply) = t.vote(&device, CARD, 1);
    assert_eq!((status, reply["error"].as_str()), (409, Some("locked")));
    t.assert_no_event();
}

#[test]
fn join_by_code_opens_the_room_page() {
    let t = TestRoom::open(anonymous(3));
    let info = t.room.info();
    let (status, page) = t.get(&info.code_url);
    assert_eq!(status, 200);
    assert!(page.contains("/room.js"));

    let code = format!(
        " {}-{} ",
        info.code[..3].to_lowercase(),
        info.code[3..].to_lowercase()
    );
    let (status, reply) = t.post_raw(
        &format!("{}/code", t.base),
        &json!({ "code": code }).to_string(),
    );
    assert_eq!(status, 200, "{reply}");
    let url = reply["url"].as_str().unwrap();
    assert_eq!(url, format!("/{}/", t.token));
    assert_eq!(t.get(&format!("{}{url}", t.base)).0, 200);

    let (device, me) = t.join(None);
    assert_eq!(me, "p1");
    assert!(matches!(
        t.next_event(),
        RoomEvent::Joined {
            new_slot: false,
            ..
        }
    ));
    assert_eq!(t.vote(&device, CARD, 2).0, 200);
}

#[test]
fn wrong_codes_are_rate_limited_for_the_whole_room() {
    let t = TestRoom::open(anonymous(3));
    let code = t.room.info().code;
    let wrong = if code == "222222" { "333333" } else { "222222" };
    let url = format!("{}/code", t.base);
    let body = |c: &str| json!({ "code": c }).to_string();
    for _ in 0..20 {
        let (status, reply) = t.post_raw(&url, &body(wrong));
        assert_eq!((status, reply["error"].as_str()), (403, Some("wrong_code")));
    }
    let (status, reply) = t.post_raw(&url, &body(wrong));
    assert_eq!((status, reply["error"].as_str()), (429, Some("too_many")));
    // While blocked even the right code waits, or guessing would go on.
    assert_eq!(t.post_raw(&url, &body(&code)).0, 429);
    assert_eq!(t.post_raw(&url, "{").0, 400);
}

#[test]
fn a_wrong_or_missing_token_gets_a_bare_404() {
    let t = TestRoom::open(named());
    let other = "0123456789abcdef0123456789abcdef";
    for path in [
        format!("/{other}/"),
        format!("/{other}"),
        format!("/{other}/state"),
        format!("/{other}/events"),
        format!("/{}/", t.token.to_uppercase()),
        format!("/{}/nothing", t.token),
        format!("/{}/vote", t.token),
        "/state".to_string(),
        "/events".to_string(),
        "/favicon.ico".to_string(),
        "/code".to_string(),
    ] {
        let (status, body) = t.get(&format!("{}{path}", t.base));
        assert_eq!((status, body.as_str()), (404, ""), "GET {path}");
    }
    for path in ["join", "vote", "leave"] {
        let url = format!("{}/{other}/{path}", t.base);
        let (status, body) = t.post_raw(&url, &json!({ "participant": "p1" }).to_string());
        assert_eq!(
            (status, body),
            (404, serde_json::Value::Null),
            "POST {path}"
        );
    }
    t.assert_no_event();
    assert!(t.room.members().is_empty());
}

#[test]
fn the_page_is_served_with_a_strict_policy_and_no_cookies() {
    let t = TestRoom::open(named());
    let agent = agent();
    for path in [
        format!("/{}/", t.token),
        "/".to_string(),
        "/live.js".to_string(),
        "/room.js".to_string(),
        "/room.css".to_string(),
        "/texts.json".to_string(),
    ] {
        let res = agent.get(&format!("{}{path}", t.base)).call().unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert!(
            header(&res, "content-security-policy").starts_with("default-src 'self'"),
            "{path}"
        );
        assert!(!header(&res, "content-security-policy").contains("unsafe-inline"));
        assert_eq!(header(&res, "referrer-policy"), "no-referrer");
        assert!(res.headers().get("set-cookie").is_none(), "{path}");
    }
    let (_, page) = t.get(&format!("{}/{}/", t.base, t.token));
    assert!(!page.contains("<script>"), "no inline script");
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no external resource"
    );
}

/// The script both pages share is an asset like the others: served at the
/// root to anyone, as JavaScript, holding no secret; under a token, right
/// or wrong, there is nothing.
#[test]
fn the_shared_script_comes_before_each_pages_own_and_under_no_token() {
    let t = TestRoom::open(named());
    let info = t.room.info();
    let res = agent().get(&format!("{}/live.js", t.base)).call().unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "text/javascript; charset=utf-8"
    );
    let (_, script) = t.get(&format!("{}/live.js", t.base));
    assert!(script.contains("EventSource"), "it follows the stream");
    for secret in [&info.secrets.token, &info.secrets.screen, &info.code] {
        assert!(!script.contains(secret.as_str()));
    }
    for (page, own) in [
        (&info.join_url, "/room.js"),
        (&info.screen_url, "/screen.js"),
    ] {
        let (_, page) = t.get(page);
        let shared = page.find(r#"src="/live.js""#);
        let own = page.find(&format!(r#"src="{own}""#));
        assert!(shared.is_some() && own.is_some() && shared < own, "{page}");
    }
    for path in [
        format!("{}/live.js", info.secrets.token),
        format!("{}/live.js", "0".repeat(32)),
        format!("s/{}/live.js", info.secrets.screen),
        format!("s/{}/live.js", info.secrets.token),
    ] {
        let (status, body) = t.get(&format!("{}/{path}", t.base));
        assert_eq!((status, body.as_str()), (404, ""), "{path}");
    }
}

#[test]
fn a_reload_rejoins_the_same_slot_and_so_does_a_restarted_room() {
    let t = TestRoom::open(named());
    let (device, me) = t.join(Some("p3"));
    t.next_event();
    // A reload: the page presents its device token again.
    let (status, reply) = t.post("join", json!({ "device": device }));
    assert_eq!(status, 200);
    assert_eq!(
        (reply["device"].as_str(), reply["participant"].as_str()),
        (Some(device.as_str()), Some("p3"))
    );
    t.assert_no_event();
    assert_eq!(me, "p3");

    // The app restarts with what the session kept.
    let info = t.room.info();
    let members = t.room.members();
    drop(t);
    let cfg = RoomConfig {
        members,
        ..reopening(&info)
    };
    let again = TestRoom::open_with(cfg, named());
    assert_eq!(again.room.info().join_url, info.join_url);
    assert_eq!(again.room.info().screen_url, info.screen_url);
    let (status, reply) = again.post("join", json!({ "device": device, "participant": "p1" }));
    assert_eq!((status, reply["participant"].as_str()), (200, Some("p3")));
    assert_eq!(again.vote(&device, CARD, 4).0, 200);
    assert!(matches!(
        again.next_event(),
        RoomEvent::Vote { value: 4, .. }
    ));
}

#[test]
fn an_oversized_body_is_refused_and_nothing_stored() {
    let t = TestRoom::open(named());
    let (device, _) = t.join(Some("p1"));
    t.next_event();
    let padding = "x".repeat(2048);
    let body = json!({ "device": device, "card": CARD, "value": 3, "pad": padding }).to_string();
    let (status, _) = t.post_raw(&t.url("vote"), &body);
    assert_eq!(status, 413);
    let (status, _) = t.post_raw(
        &t.url("join"),
        &json!({ "participant": padding }).to_string(),
    );
    assert_eq!(status, 413);
    t.assert_no_event();
    assert_eq!(t.room.members().len(), 1);
}

#[test]
fn bad_votes_get_a_clear_4xx_and_nothing_stored() {
    let t = TestRoom::open(named());
    let (device, _) = t.join(Some("p1"));
    t.next_event();
    let url = t.url("vote");
    let cases = [
        ("{", 400, "malformed"),
        ("[]", 400, "malformed"),
        ("null", 400, "malformed"),
        (
            &*json!({ "device": device, "card": CARD }).to_string(),
            400,
            "malformed",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": "3" }).to_string(),
            400,
            "malformed",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": 3.5 }).to_string(),
            400,
            "malformed",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": 3, "extra": 1 }).to_string(),
            400,
            "malformed",
        ),
        (
            &*json!({ "device": "short", "card": CARD, "value": 3 }).to_string(),
            400,
            "malformed",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": 7 }).to_string(),
            422,
            "out_of_range",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": 0 }).to_string(),
            422,
            "out_of_range",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": -3 }).to_string(),
            422,
            "out_of_range",
        ),
        (
            &*json!({ "device": device, "card": CARD, "value": 700 }).to_string(),
            422,
            "out_of_range",
        ),
        (
            &*json!({ "device": device, "card": "target", "value": 3 }).to_string(),
            409,
            "other_card",
        ),
        (
            &*json!({ "device": "0123456789abcdef0123456789abcdef", "card": CARD, "value": 3 })
                .to_string(),
            403,
            "not_joined",
        ),
    ];
    for (body, status, reason) in cases {
        let (got, reply) = t.post_raw(&url, body);
        assert_eq!(
            (got, reply["error"].as_str()),
            (status, Some(reason)),
            "{body}"
        );
    }
    // A stale stage: the room moved on to the discussion.
    let mut state = named();
    state.card.as_mut().unwrap().stage = Stage::Discuss;
    t.room.publish(state);
    let (status, reply) = t.vote(&device, CARD, 3);
    assert_eq!((status, reply["error"].as_str()), (409, Some("not_voting")));
    // Between cards.
    t.room.publish(RoomState {
        card: None,
        ..named()
    });
    assert_eq!(t.vote(&device, CARD, 3).1["error"], "no_card");
    t.assert_no_event();

    // Joins are checked as strictly.
    let join = t.url("join");
    for (body, status, reason) in [
        ("{", 400, "malformed"),
        (r#"{"participant": 5}"#, 400, "malformed"),
        (r#"{"participant": "p9"}"#, 422, "unknown_name"),
        ("{}", 422, "name_required"),
        (r#"{"participant": "p1"}"#, 409, "taken"),
    ] {
        let (got, reply) = t.post_raw(&join, body);
        assert_eq!(
            (got, reply["error"].as_str()),
            (status, Some(reason)),
            "{body}"
        );
    }
    t.assert_no_event();
    assert_eq!(t.room.members().len(), 1);
}

#[test]
fn votes_are_rate_limited_per_device() {
    let t = TestRoom::open(anonymous(2));
    let (fast, _) = t.join(None);
    let (calm, _) = t.join(None);
    t.next_event();
    t.next_event();
    for i in 0..20 {
        assert_eq!(t.vote(&fast, CARD, 1 + i % 5).0, 200, "vote {i}");
        t.next_event();
    }
    let (status, reply) = t.vote(&fast, CARD, 3);
    assert_eq!((status, reply["error"].as_str()), (429, Some("too_many")));
    t.assert_no_event();
    assert_eq!(
        t.vote(&calm, CARD, 3).0,
        200,
        "another phone is not held back"
    );
}

#[test]
fn the_room_takes_at_most_a_hundred_phones() {
    let t = TestRoom::open(RoomState {
        allow_extra: true,
        ..anonymous(5)
    });
    for n in 1..=100 {
        let (_, me) = t.join(None);
        assert_eq!(me, format!("p{n}"));
        match t.next_event() {
            RoomEvent::Joined { new_slot, .. } => assert_eq!(new_slot, n > 5, "phone {n}"),
            other => panic!("{other:?}"),
        }
    }
    let (status, reply) = t.post("join", json!({}));
    assert_eq!((status, reply["error"].as_str()), (409, Some("full")));
    t.assert_no_event();
    assert_eq!(t.room.info().joined, 100);
}

#[test]
fn a_freed_slot_asks_the_phone_again_and_its_votes_are_refused() {
    let t = TestRoom::open(named());
    let sse = t.events_stream();
    let (device, _) = t.join(Some("p1"));
    t.next_event();
    sse.wait_for("Ann joined", |v| v["slots"][0]["joined"] == true);
    assert!(t.room.free("p1"));
    assert!(!t.room.free("p1"));
    sse.wait_for("Ann free again", |v| v["slots"][0]["joined"] == false);
    assert_eq!(t.vote(&device, CARD, 2).0, 403);
    t.assert_no_event();
    // The phone picks a name again and gets a fresh device token.
    let (status, reply) = t.post("join", json!({ "device": device, "participant": "p1" }));
    assert_eq!(status, 200);
    assert_ne!(reply["device"].as_str(), Some(device.as_str()));
}

#[test]
fn leaving_frees_the_slot_and_tells_the_app() {
    let t = TestRoom::open(named());
    let (device, _) = t.join(Some("p2"));
    t.next_event();
    assert_eq!(t.post("leave", json!({ "device": device })).0, 200);
    assert_eq!(
        t.next_event(),
        RoomEvent::Left {
            participant: "p2".into()
        }
    );
    assert!(t.room.members().is_empty());
    assert_eq!(t.post("leave", json!({ "device": device })).0, 200);
    t.assert_no_event();
}

#[test]
fn events_tell_the_phone_to_retry_and_closing_ends_every_stream() {
    let t = TestRoom::open(named());
    let sse = t.events_stream();
    let mut saw_retry = false;
    loop {
        match sse.next_line() {
            Line::Other(line) if line.starts_with("retry:") => saw_retry = true,
            Line::View(_) => break,
            _ => {}
        }
    }
    assert!(saw_retry, "the first event sets the reconnect delay");
    let other = t.events_stream();
    other.next_view();
    t.room.publish(voted(named(), "p1"));
    sse.wait_for("a change", |v| v["slots"][0]["voted"] == true);
    other.wait_for("a change", |v| v["slots"][0]["voted"] == true);

    let base = t.base.clone();
    t.room.close();
    for stream in [&sse, &other] {
        let view = stream.wait_for("the room closed", |v| v["closed"] == true);
        assert_eq!(view["closed"], true);
        stream.wait_end();
    }
    // The server is gone: nothing listens any more.
    assert!(agent().get(&format!("{base}/")).call().is_err());
}

#[test]
fn the_room_binds_only_where_asked_and_a_public_url_only_changes_links() {
    let cfg = RoomConfig {
        public_url: Some("https://room.example.org/".into()),
        ..loopback()
    };
    let t = TestRoom::open_with(cfg, named());
    let info = t.room.info();
    assert_eq!(info.addr.ip().to_string(), "127.0.0.1");
    assert_ne!(info.addr.port(), 0, "port 0 picks a free port");
    assert_eq!(
        info.join_url,
        format!("https://room.example.org/{}/", info.secrets.token)
    );
    assert_eq!(info.code_url, "https://room.example.org/");
    assert_eq!(info.code.len(), 6);
    assert_eq!(t.get(&t.url("")).0, 200);

    let everywhere = RoomConfig {
        bind: Some("0.0.0.0".parse().unwrap()),
        ..RoomConfig::default()
    };
    let refused = datakompas::room::Room::open(everywhere, named(), Box::new(|_| {}));
    assert!(refused.is_err());
    let bad_url = RoomConfig {
        public_url: Some("room.example.org".into()),
        ..loopback()
    };
    assert!(datakompas::room::Room::open(bad_url, named(), Box::new(|_| {})).is_err());
}

#[test]
fn a_quiet_stream_is_pinged_every_15_seconds() {
    let t = TestRoom::open(named());
    let sse = t.events_stream();
    sse.next_view();
    let start = std::time::Instant::now();
    // Bounded: the ping is due after 15 s; give up after 20.
    let ping = loop {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "no ping"
        );
        match sse.next_line_within(std::time::Duration::from_secs(20)) {
            Line::Other(line) if line == "event: ping" => break start.elapsed(),
            Line::End => panic!("the stream ended"),
            _ => {}
        }
    };
    assert!(
        ping >= std::time::Duration::from_secs(14),
        "pinged after {ping:?}"
    );
}
