//! The room in the app: its panel, the join code in the header, and
//! votes from phones arriving as room events through the real loop, down
//! to the saved session file.

use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::domain::room::{DeviceId, RoomEvent};
use datakompas::store::{FileStore, MemoryStore, SessionStore};
use datakompas::tui::app::App;
use datakompas::tui::event_loop::{self, Runtime, Scripted};
use datakompas::tui::room::RoomView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

fn with_room(app: &mut App, joined: usize, panel: bool) {
    let mut view = RoomView::new(room_info(joined), Vec::new());
    view.panel = panel;
    app.room = Some(view);
}

fn joined(participant: &str, device: &str) -> RoomEvent {
    RoomEvent::Joined {
        participant: participant.into(),
        device: DeviceId(device.into()),
        new_slot: false,
    }
}

fn vote(participant: &str, card: &str, value: u8) -> RoomEvent {
    RoomEvent::Vote {
        participant: participant.into(),
        card: card.into(),
        value,
    }
}

#[test]
fn the_room_panel() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut store = MemoryStore::new().with_session(team_session("team"));
            let mut app = app(lang);
            open(&mut app, &mut store, "team");
            with_room(&mut app, 3, true);
            let terminal = run(&mut app, &mut store, w, h, Scripted::new(t0()));
            let shown = screen(&terminal);
            insta::assert_snapshot!(format!("room_panel_{}_{w}x{h}", lang.code()), shown);
        }
    }
}

#[test]
fn the_panel_keeps_the_code_black_on_white_and_reversed_without_colour() {
    for color in [true, false] {
        let mut store = MemoryStore::new().with_session(team_session("team"));
        let mut app = app(Lang::En);
        app.color = color;
        open(&mut app, &mut store, "team");
        with_room(&mut app, 0, true);
        let terminal = run(&mut app, &mut store, 80, 24, Scripted::new(t0()));
        let buf = terminal.backend().buffer();
        // Every module drawn, in the left part of the panel.
        let cells: Vec<_> = (2..22u16)
            .flat_map(|y| (1..40u16).map(move |x| (x, y)))
            .map(|at| &buf[at])
            .filter(|c| c.symbol() == "█" || c.symbol() == "▀" || c.symbol() == "▄")
            .collect();
        assert!(!cells.is_empty(), "the code is drawn");
        for c in cells {
            if color {
                assert_eq!(c.fg, ratatui::style::Color::Black);
                assert_eq!(c.bg, ratatui::style::Color::White);
            } else {
                assert!(c.modifier.contains(ratatui::style::Modifier::REVERSED));
            }
        }
    }
}

#[test]
fn the_voting_count_with_phones_in_the_room() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut store = MemoryStore::new().with_session(team_session("team"));
            let mut app = app(lang);
            open(&mut app, &mut store, "team");
            with_room(&mut app, 3, false);
            let s = Scripted::new(t0())
                .key(Right)
                .room(joined("p1", "aa"))
                .room(joined("p2", "bb"))
                .room(joined("p4", "dd"))
                .room(vote("p1", "butcher", 2))
                .room(vote("p4", "butcher", 5));
            let shown = screen(&run(&mut app, &mut store, w, h, s));
            insta::assert_snapshot!(format!("room_voting_{}_{w}x{h}", lang.code()), shown);
        }
    }
}

#[test]
fn the_join_code_and_count_stay_in_the_header() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    with_room(&mut app, 5, false);
    for keys in ["", "o", "e"] {
        let s = Scripted::new(t0()).text(keys);
        let shown = screen(&run(&mut app, &mut store, 60, 18, s));
        let header = shown.lines().next().unwrap();
        assert!(header.contains("zaal K7MQ2X · 5 binnen"), "{header}");
    }
}

#[test]
fn the_panel_hides_and_comes_back_with_c() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    with_room(&mut app, 0, true);
    let shown = screen(&run(&mut app, &mut store, 80, 24, Scripted::new(t0())));
    assert!(shown.contains("K7M Q2X"), "{shown}");
    let hidden = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("c"),
    ));
    assert!(!hidden.contains("K7M Q2X"), "{hidden}");
    assert!(hidden.contains("The butcher on the corner"), "{hidden}");
    let back = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("c"),
    ));
    assert!(back.contains("K7M Q2X"), "{back}");
    // Esc hides it too.
    let hidden = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).key(Esc),
    ));
    assert!(!hidden.contains("K7M Q2X"), "{hidden}");
}

#[test]
fn a_self_assessment_has_no_room() {
    let mut store = MemoryStore::new().with_session(solo_session("solo"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "solo");
    let shown = screen(&run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).text("c"),
    ));
    assert!(shown.contains("The room is for team sessions"), "{shown}");
    assert!(app.room.is_none());
}

#[test]
fn votes_from_phones_land_in_the_saved_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = FileStore::new(Some(dir.path())).unwrap();
    store.create(&team_session("team")).unwrap();
    let path = store.session_path("team");
    let mut app = app(Lang::En);
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    event_loop::open(&mut app, &mut rt, "team", false, t0()).unwrap();
    with_room(&mut app, 0, false);
    let s = Scripted::new(t0())
        .key(Right)
        .room(joined("p1", "aa"))
        .room(joined("p2", "bb"))
        .room(joined("p3", "cc"))
        .room(vote("p1", "butcher", 2))
        .room(vote("p2", "butcher", 4))
        // Changed before the reveal: the last one counts.
        .room(vote("p2", "butcher", 3))
        // Stale or wrong: another card, an unknown voter, out of range.
        .room(vote("p3", "pregnancy", 5))
        .room(vote("p9", "butcher", 5))
        .room(vote("p3", "butcher", 9))
        .room(vote("p3", "butcher", 1))
        // Dee has no phone: the facilitator types hers.
        .key(Down)
        .key(Down)
        .key(Down)
        .text("5")
        // Everyone is in: reveal, then a late vote is refused.
        .text("r")
        .room(vote("p1", "butcher", 5))
        .wait(3);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut events = s;
    event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
    let shown = screen(&terminal);
    assert!(shown.contains("Average 2.8"), "{shown}");

    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let card = &file["cards"][0];
    assert_eq!(card["card"], "butcher");
    assert_eq!(
        card["votes"],
        serde_json::json!({"p1": 2, "p2": 3, "p3": 1, "p4": 5})
    );
    assert_eq!(card["revealed"], true);
    assert_eq!(file["cards"][1]["votes"], serde_json::json!({}));
    // Who held which slot, by the hash the room gave, never a token.
    assert_eq!(
        file["room_members"],
        serde_json::json!({"p1": "aa", "p2": "bb", "p3": "cc"})
    );
}

#[test]
fn a_phone_that_leaves_frees_its_slot_in_the_session() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    with_room(&mut app, 0, false);
    let s = Scripted::new(t0())
        .room(joined("p1", "aa"))
        .room(joined("p2", "bb"))
        .room(RoomEvent::Left {
            participant: "p1".into(),
        });
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    let held: Vec<&str> = stored.room_members.claims().map(|(p, _)| p).collect();
    assert_eq!(held, vec!["p2"]);
    // The facilitator frees Bo's slot with f on the gut check.
    let s = Scripted::new(t0()).key(Right).key(Down).text("f");
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(shown.contains("Bo's slot is free"), "{shown}");
    assert!(store.stored("team").unwrap().room_members.is_empty());
}

#[test]
fn without_an_open_room_phone_events_change_nothing() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    let s = Scripted::new(t0())
        .key(Right)
        .room(joined("p1", "aa"))
        .room(vote("p1", "butcher", 2));
    run(&mut app, &mut store, 80, 24, s);
    let stored = store.stored("team").unwrap();
    assert!(stored.cards[0].votes.is_empty());
    assert!(stored.room_members.is_empty());
}

/// The code on screen, read back with a QR decoder as a phone camera
/// would: half blocks to modules, four pixels each, with a white margin.
fn decode_from_screen(buf: &ratatui::buffer::Buffer, color: bool) -> String {
    use ratatui::style::{Color, Modifier};
    let area = buf.area;
    let in_code = |x: u16, y: u16| {
        let c = &buf[(x, y)];
        if color {
            c.bg == Color::White
        } else {
            c.modifier.contains(Modifier::REVERSED)
        }
    };
    let cells: Vec<(u16, u16)> = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| in_code(x, y))
        .collect();
    let (x0, y0) = cells
        .iter()
        .fold((u16::MAX, u16::MAX), |(a, b), &(x, y)| (a.min(x), b.min(y)));
    let (x1, y1) = cells
        .iter()
        .fold((0, 0), |(a, b), &(x, y)| (a.max(x), b.max(y)));
    let (w, rows) = (usize::from(x1 - x0 + 1), usize::from(y1 - y0 + 1));
    let h = rows * 2;
    let dark = |mx: usize, my: usize| {
        let sym = buf[(x0 + mx as u16, y0 + (my / 2) as u16)].symbol();
        if my.is_multiple_of(2) {
            matches!(sym, "█" | "▀")
        } else {
            matches!(sym, "█" | "▄")
        }
    };
    const SCALE: usize = 4;
    const MARGIN: usize = 16;
    let (pw, ph) = (w * SCALE + 2 * MARGIN, h * SCALE + 2 * MARGIN);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(pw, ph, |px, py| {
        let inside = px >= MARGIN && py >= MARGIN && px < pw - MARGIN && py < ph - MARGIN;
        if inside && dark((px - MARGIN) / SCALE, (py - MARGIN) / SCALE) {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on screen");
    grids[0].decode().expect("the code decodes").1
}

#[test]
fn the_code_on_screen_scans_as_the_join_url() {
    for color in [true, false] {
        for (w, h) in [(80, 24), (120, 36)] {
            let mut store = MemoryStore::new().with_session(team_session("team"));
            let mut app = app(Lang::En);
            app.color = color;
            open(&mut app, &mut store, "team");
            with_room(&mut app, 0, true);
            let terminal = run(&mut app, &mut store, w, h, Scripted::new(t0()));
            let url = decode_from_screen(terminal.backend().buffer(), color);
            assert_eq!(url, room_info(0).join_url, "colour {color} at {w}x{h}");
        }
    }
}

#[test]
fn an_anonymous_room_takes_extra_voters_only_when_allowed() {
    let mut session = team_session("team");
    session.participants = datakompas::domain::Session::anonymous_participants(2);
    let mut store = MemoryStore::new().with_session(session);
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    with_room(&mut app, 2, false);
    let extra = |p: &str, d: &str| RoomEvent::Joined {
        participant: p.into(),
        device: DeviceId(d.into()),
        new_slot: true,
    };
    run(
        &mut app,
        &mut store,
        80,
        24,
        Scripted::new(t0()).room(extra("p3", "cc")),
    );
    assert_eq!(store.stored("team").unwrap().participants.len(), 2);
    app.room.as_mut().unwrap().allow_extra = true;
    let s = Scripted::new(t0())
        .room(extra("p3", "cc"))
        .key(Right)
        .room(vote("p3", "butcher", 4));
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        shown.contains("1 of 3 voted · waiting for Voter 1, Voter 2"),
        "{shown}"
    );
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.participants.len(), 3);
    assert_eq!(stored.cards[0].votes.get("p3"), Some(&4));
}

#[test]
fn a_voter_with_a_phone_is_not_asked_for_a_key() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::Nl);
    open(&mut app, &mut store, "team");
    with_room(&mut app, 1, false);
    let s = Scripted::new(t0()).room(joined("p1", "aa")).key(Right);
    let shown = screen(&run(&mut app, &mut store, 80, 24, s));
    assert!(
        shown.contains("Ann stemt per telefoon; met 1–5 typ je de stem"),
        "{shown}"
    );
}
