//! Every screen in English and Dutch, at 80x24 and at 120x36, as text.

use crate::tui_support;

use datakompas::domain::{Lang, PrincipleCheck};
use datakompas::store::MemoryStore;
use datakompas::tui::app::App;
use datakompas::tui::event_loop::Scripted;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// Snapshots one screen in both languages at both sizes. `prepare` sets up
/// the store and app and returns the keys that lead to the screen.
fn shots(name: &str, prepare: impl Fn(&mut App, &mut MemoryStore) -> Scripted) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut store = MemoryStore::new();
            let mut app = app(lang);
            let script = prepare(&mut app, &mut store);
            let terminal = run(&mut app, &mut store, w, h, script);
            let snap = format!("{name}_{}_{w}x{h}", lang.code());
            insta::assert_snapshot!(snap, screen(&terminal));
        }
    }
}

/// A team session with some history: votes on card one and a decision.
fn busy_team(store: &mut MemoryStore) {
    let mut s = team_session("team");
    for (p, v) in [("p1", 2), ("p2", 4), ("p3", 1), ("p4", 5)] {
        s.cards[0].votes.insert(p.into(), v);
    }
    s.cards[0].revealed = true;
    s.cards[0].seconds_spent = 312;
    let d = &mut s.cards[0].decision;
    d.option = Some("safe".into());
    d.safeguards = vec!["optin".into(), "explain".into()];
    d.principles
        .insert("transparent".into(), PrincipleCheck::Upholds);
    d.principles
        .insert("personal".into(), PrincipleCheck::Tension);
    d.rationale = "Customers expect a greeting from a shop they know, but only when they asked for it. We say why each offer comes.".into();
    s.cards[1].votes.insert("p1".into(), 3);
    *store = std::mem::take(store).with_session(s);
}

fn open_busy(app: &mut App, store: &mut MemoryStore) {
    busy_team(store);
    open(app, store, "team");
}

#[test]
fn home() {
    shots("home_empty", |_, _| Scripted::new(t0()));
    shots("home_sessions", |_, store| {
        busy_team(store);
        let mut solo = solo_session("solo");
        solo.updated = t0() + jiff::SignedDuration::from_secs(3600);
        *store = std::mem::take(store).with_session(solo);
        Scripted::new(t0()).key(Tab)
    });
}

#[test]
fn browse() {
    shots("browse", |_, _| {
        keys(Scripted::new(t0()), &[Down, Down, Down, Enter, Down])
    });
}

#[test]
fn setup() {
    shots("setup_team", |_, _| {
        keys(Scripted::new(t0()), &[Enter])
            .text("Brand team Q4")
            .key(Tab)
            .text("Ann")
            .key(Enter)
            .text("Bo")
            .key(Enter)
            .text("Cem")
    });
    // A deck with agendas: the 60-minute one chosen.
    shots("setup_agenda", |app, _| {
        app.assets.deck.agendas = agendas();
        let s = keys(Scripted::new(t0()), &[Enter, Tab]).text("Ann");
        keys(s, &[Enter, Tab, Tab, Tab, Right])
    });
    // A self-assessment asks the name first; the title follows from it.
    shots("setup_solo", |_, _| {
        let s = keys(Scripted::new(t0()), &[Down, Enter]).text("Ann");
        keys(s, &[Tab, Tab, Tab, Down, Char(' ')])
    });
}

#[test]
fn principles() {
    shots("principles", |_, _| {
        let s = keys(Scripted::new(t0()), &[Down, Enter]).text("Ann");
        keys(
            s,
            &[Enter, Enter, Enter, Char(' '), Down, Down, Char(' '), Down],
        )
    });
    shots("principles_own", |_, _| {
        let s = keys(Scripted::new(t0()), &[Down, Enter]).text("Ann");
        keys(s, &[Enter, Enter, Enter, Char('a')])
            .text("Neighbourly")
            .key(Enter)
            .text("Like a good neighbour")
    });
}

#[test]
fn story() {
    shots("story", |app, store| {
        open_busy(app, store);
        Scripted::new(t0()).key(Char(']'))
    });
    // Scrolled down to the facts: only the story's; the reveal's wait.
    shots("story_facts", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Char(']'), End])
    });
}

#[test]
fn gut_check() {
    shots("gut_hidden", |app, store| {
        store_and_open(app, store, team_session("team"));
        Scripted::new(t0()).key(Right).text("31")
    });
    shots("gut_revealed", |app, store| {
        open_busy(app, store);
        Scripted::new(t0()).key(Right)
    });
    shots("gut_solo", |app, store| {
        store_and_open(app, store, solo_session("solo"));
        Scripted::new(t0()).key(Right).text("4")
    });
}

fn store_and_open(app: &mut App, store: &mut MemoryStore, s: datakompas::domain::Session) {
    let id = s.id.clone();
    *store = std::mem::take(store).with_session(s);
    open(app, store, &id);
}

#[test]
fn discuss() {
    shots("discuss", |app, store| {
        store_and_open(app, store, team_session("team"));
        keys(Scripted::new(t0()), &[Right, Right]).wait(252)
    });
    shots("discuss_over", |app, store| {
        store_and_open(app, store, team_session("team"));
        keys(Scripted::new(t0()), &[Right, Right])
            .wait(733)
            .text(" ")
    });
}

#[test]
fn decide() {
    shots("decide", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Right, Right, Right])
    });
    shots("decide_principles", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Right, Right, Right, Tab, Tab, Down])
    });
    shots("decide_rationale", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Right, Right, Right, Tab, Tab, Tab])
            .text(" Also: no lookalikes.")
    });
}

#[test]
fn reveal() {
    shots("reveal_real", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Right, Right, Right, Right])
    });
    shots("reveal_hypothetical", |app, store| {
        open_busy(app, store);
        keys(
            Scripted::new(t0()),
            &[Char(']'), Char(']'), Right, Right, Right, Right],
        )
    });
}

#[test]
fn overview_and_end() {
    shots("overview", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Char('o'), Down])
    });
    shots("end", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Char('o'), Char('e')])
    });
    shots("follow_up", |app, store| {
        open_busy(app, store);
        keys(
            Scripted::new(t0()),
            &[Char('o'), Char('e'), Char('f'), Char('a')],
        )
    });
}

#[test]
fn help_presentation_and_small() {
    shots("help_decide", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Right, Right, Right, Char('?')])
    });
    shots("presentation", |app, store| {
        open_busy(app, store);
        keys(Scripted::new(t0()), &[Char('p')])
    });
    for lang in Lang::ALL {
        let mut store = MemoryStore::new();
        let mut app = app(lang);
        let terminal = run(&mut app, &mut store, 56, 16, Scripted::new(t0()));
        insta::assert_snapshot!(format!("too_small_{}", lang.code()), screen(&terminal));
    }
}
