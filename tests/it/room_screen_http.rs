//! The room's shared screen over real HTTP: its own token, which opens
//! the screen and nothing else; the join token, which does not open it;
//! its own cap on streams; the same strict headers as the phone page; and
//! a view with no vote in it before the reveal.

use crate::room_support;
use crate::session_support;

use datakompas::domain::room::ScreenView;
use datakompas::domain::{CardProgress, Lang, Session, Stage};
use datakompas::room::{RoomConfig, RoomSecrets};
use room_support::*;
use serde_json::json;
use session_support::brand_team;

fn screen_token(t: &TestRoom) -> String {
    t.room.info().secrets.screen
}

fn screen_url(t: &TestRoom, path: &str) -> String {
    format!("{}/s/{}/{path}", t.base, screen_token(t))
}

/// The ING card on its gut check: Ann voted 1, Bo 5, hidden.
fn session(stage: Stage, revealed: bool) -> Session {
    let mut s = brand_team(Lang::En);
    let mut p = CardProgress::new(CARD);
    p.votes.insert("p1".into(), 1);
    p.votes.insert("p2".into(), 5);
    p.revealed = revealed;
    s.cards = vec![p];
    s.position.stage = stage;
    s
}

fn screen_view(s: &Session) -> ScreenView {
    ScreenView::new(
        s,
        &datakompas::deck::builtin(),
        &datakompas::deck::framework(),
        Lang::En,
        true,
    )
}

#[test]
fn the_screen_has_its_own_token_and_the_address_in_the_info() {
    let t = TestRoom::open(named());
    let info = t.room.info();
    assert_ne!(info.secrets.screen, info.secrets.token);
    assert_eq!(info.screen_url, screen_url(&t, ""));
    let (status, page) = t.get(&info.screen_url);
    assert_eq!(status, 200);
    assert!(page.contains("/screen.js"), "{page}");
    assert!(page.contains("<svg"), "the QR code is inline");
    assert!(page.contains(&spaced(&info.code)), "the join code is on it");
}

fn spaced(code: &str) -> String {
    format!("{} {}", &code[..3], &code[3..])
}

#[test]
fn wrong_tokens_get_a_bare_404_and_the_join_token_does_not_open_the_screen() {
    let t = TestRoom::open(named());
    let other = "0123456789abcdef0123456789abcdef";
    let join = t.token.clone();
    let screen = screen_token(&t);
    for path in [
        format!("/s/{other}/"),
        format!("/s/{other}/state"),
        format!("/s/{other}/events"),
        // The join token opens no screen: a phone cannot get the projector's view.
        format!("/s/{join}/"),
        format!("/s/{join}"),
        format!("/s/{join}/state"),
        format!("/s/{join}/events"),
        format!("/s/{}/", screen.to_uppercase()),
        format!("/s/{screen}/vote"),
        format!("/s/{screen}/nothing"),
        // The screen's token opens none of the phones' routes.
        format!("/{screen}/"),
        format!("/{screen}/state"),
        format!("/{screen}/events"),
        "/s/".to_string(),
        "/s".to_string(),
    ] {
        let (status, body) = t.get(&format!("{}{path}", t.base));
        assert_eq!((status, body.as_str()), (404, ""), "GET {path}");
    }
    t.assert_no_event();
}

#[test]
fn the_screens_token_cannot_join_or_vote() {
    let t = TestRoom::open(named());
    let (device, _) = t.join(Some("p1"));
    let _ = t.next_event();
    let screen = screen_token(&t);
    for (path, body) in [
        ("join", json!({ "participant": "p2" })),
        (
            "vote",
            json!({ "device": device, "card": CARD, "value": 4 }),
        ),
        ("leave", json!({ "device": device })),
    ] {
        for url in [
            format!("{}/{screen}/{path}", t.base),
            format!("{}/s/{screen}/{path}", t.base),
        ] {
            let (status, reply) = t.post_raw(&url, &body.to_string());
            assert_eq!(
                (status, reply),
                (404, serde_json::Value::Null),
                "POST {url}"
            );
        }
    }
    t.assert_no_event();
    assert_eq!(t.room.members().len(), 1, "nobody joined or left");
}

#[test]
fn the_screen_is_served_with_the_phone_pages_strict_headers() {
    let t = TestRoom::open(named());
    let agent = agent();
    for url in [
        screen_url(&t, ""),
        screen_url(&t, "state"),
        format!("{}/live.js", t.base),
        format!("{}/screen.js", t.base),
        format!("{}/screen.css", t.base),
        format!("{}/screen-texts.json", t.base),
    ] {
        let res = agent.get(&url).call().unwrap();
        assert_eq!(res.status().as_u16(), 200, "{url}");
        let csp = header(&res, "content-security-policy");
        assert!(csp.starts_with("default-src 'self'"), "{url}");
        assert!(csp.contains("script-src 'self'"), "{url}");
        assert!(!csp.contains("unsafe-inline"), "{url}");
        assert_eq!(header(&res, "referrer-policy"), "no-referrer");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert!(res.headers().get("set-cookie").is_none(), "{url}");
    }
    let (_, page) = t.get(&screen_url(&t, ""));
    assert!(!page.contains("<script>"), "no inline script");
    assert!(!page.contains("style="), "no inline style");
    for attr in ["src=\"http", "href=\"http", "url(http"] {
        assert!(!page.contains(attr), "no external resource: {attr}");
    }
    let css = t.get(&format!("{}/screen.css", t.base)).1;
    assert!(!css.contains("http"), "no outside fonts or images");
}

#[test]
fn screen_streams_are_capped_apart_from_the_phones() {
    let t = TestRoom::open(named());
    let open: Vec<Sse> = (0..4)
        .map(|_| Sse::open(&screen_url(&t, "events")))
        .collect();
    for s in &open {
        s.next_view();
    }
    let (status, body) = t.get(&screen_url(&t, "events"));
    assert_eq!(status, 503, "a fifth screen waits");
    assert!(!body.contains(&screen_token(&t)), "no token in a refusal");
    assert!(!body.contains(&t.token));
    // Phones are not affected by the screens' cap.
    let phone = t.events_stream();
    phone.next_view();
    drop(open);
}

#[test]
fn the_screens_view_has_no_vote_before_the_reveal_and_follows_the_app() {
    let t = TestRoom::open(named());
    let sse = Sse::open(&screen_url(&t, "events"));
    let first = sse.next_view();
    assert!(
        first["card"].is_null(),
        "nothing before the app's first publish"
    );

    t.room
        .publish_screen(screen_view(&session(Stage::GutCheck, false)));
    let view = sse.wait_for("the gut check", |v| !v["card"].is_null());
    assert_eq!(view["card"]["voted"], json!({ "voted": 2, "voters": 3 }));
    assert_eq!(view["join"], true);
    let text = view.to_string();
    for leak in [
        "\"p1\"",
        "\"p2\"",
        "Ann",
        "\"summary\"",
        "\"counts\"",
        "\"value\"",
    ] {
        assert!(!text.contains(leak), "{leak} before the reveal: {text}");
    }
    let (_, state) = t.get(&screen_url(&t, "state"));
    assert!(!state.contains("\"summary\""), "{state}");

    t.room
        .publish_screen(screen_view(&session(Stage::GutCheck, true)));
    let view = sse.wait_for("the reveal", |v| !v["card"]["reveal"].is_null());
    assert_eq!(
        view["card"]["reveal"]["summary"]["counts"],
        json!([1, 0, 0, 0, 1])
    );
    assert!(view["card"]["reveal"]["names"].is_null());
    assert_eq!(view["join"], false);

    // Closing tells the screen and ends its stream.
    drop(t);
    sse.wait_for("closed", |v| v["closed"] == true);
    sse.wait_end();
}

/// The page says the screen's language before its script has a view, so
/// "Connecting…" reads in it too.
#[test]
fn the_page_is_in_the_screens_language_before_the_first_view() {
    let t = TestRoom::open(named());
    let (_, page) = t.get(&screen_url(&t, ""));
    assert!(page.contains(r#"<html lang="en">"#), "{page}");
    let s = session(Stage::Story, false);
    t.room.publish_screen(ScreenView::new(
        &s,
        &datakompas::deck::builtin(),
        &datakompas::deck::framework(),
        Lang::Nl,
        true,
    ));
    let (_, page) = t.get(&screen_url(&t, ""));
    assert!(page.contains(r#"<html lang="nl">"#), "{page}");
}

#[test]
fn a_reopened_room_keeps_the_screens_address() {
    let t = TestRoom::open(named());
    let info = t.room.info();
    drop(t);
    let cfg = reopening(&info);
    let again = TestRoom::open_with(cfg, named());
    assert_eq!(again.room.info().screen_url, info.screen_url);
    // Secrets that reuse the join token as the screen's are replaced.
    let info = again.room.info();
    drop(again);
    let cfg = RoomConfig {
        secrets: Some(RoomSecrets {
            screen: info.secrets.token.clone(),
            ..info.secrets.clone()
        }),
        ..loopback()
    };
    let fresh = TestRoom::open_with(cfg, named());
    let secrets = fresh.room.info().secrets;
    assert_ne!(secrets.screen, secrets.token);
}
