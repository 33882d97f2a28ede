//! The butcher test as a check: answered on the discuss stage with the
//! keyboard, saved in the session, shown in every export, and weighed in
//! the policy draft's open questions.

use crate::export_support;
use crate::tui_support;

use datakompas::domain::butcher::{ButcherAnswer, ButcherPoint};
use datakompas::domain::{Lang, Stage};
use datakompas::store::MemoryStore;
use datakompas::tui::event_loop::{Runtime, Scripted};
use export_support::word_paragraphs;
use ratatui::crossterm::event::KeyCode::*;
use tui_support::*;

#[test]
fn the_check_is_answered_with_keys_and_stored() {
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    open(&mut app, &mut store, "team");
    // To discuss; no, no, partly, then back up to clear the second.
    let s = keys(
        Scripted::new(t0()),
        &[
            Right,
            Right,
            Char('3'),
            Char('3'),
            Char('2'),
            Up,
            Up,
            Char('x'),
        ],
    );
    let terminal = run(&mut app, &mut store, 80, 24, s);
    let text = screen(&terminal);
    assert!(text.contains("The butcher test"), "{text}");
    assert!(
        text.contains("› ·       Customers see what we know about them"),
        "{text}"
    );
    let stored = store.stored("team").unwrap();
    assert_eq!(stored.position.stage, Stage::Discuss);
    assert_eq!(
        stored.cards[0].butcher,
        [
            (ButcherPoint::TwoWay, ButcherAnswer::No),
            (ButcherPoint::ServesCustomer, ButcherAnswer::Partly),
        ]
        .into_iter()
        .collect()
    );
}

#[test]
fn a_failing_check_is_said_on_screen_in_both_languages() {
    for (lang, says) in [
        (Lang::En, "Fails the butcher test: 2½ of 5 points missed"),
        (
            Lang::Nl,
            "Zakt voor de slagerstest: 2½ van 5 punten niet gehaald",
        ),
    ] {
        let mut store = MemoryStore::new().with_session(team_session("team"));
        let mut app = app(lang);
        open(&mut app, &mut store, "team");
        let s = keys(
            Scripted::new(t0()),
            &[Right, Right, Char('3'), Char('3'), Char('2')],
        );
        let text = screen(&run(&mut app, &mut store, 80, 24, s));
        assert!(text.contains(says), "{text}");
    }
}

#[test]
fn a_read_only_session_keeps_its_answers() {
    let mut s = team_session("team");
    s.cards[0]
        .butcher
        .insert(ButcherPoint::NotSoldOn, ButcherAnswer::Yes);
    let mut store = MemoryStore::new().with_session(s);
    let mut app = app(Lang::En);
    let mut rt = Runtime {
        store: &mut store,
        export_dir: export_dir(),
        room: Default::default(),
    };
    datakompas::tui::event_loop::open(&mut app, &mut rt, "team", true, t0()).unwrap();
    let script = keys(
        Scripted::new(t0()),
        &[Right, Right, Down, Down, Down, Char('3')],
    );
    let text = screen(&run(&mut app, &mut store, 120, 36, script));
    assert!(
        text.contains("read-only; changes are not possible"),
        "{text}"
    );
    assert!(text.contains("› yes"), "{text}");
    let stored = store.stored("team").unwrap();
    assert_eq!(
        stored.cards[0].butcher.get(&ButcherPoint::NotSoldOn),
        Some(&ButcherAnswer::Yes)
    );
}

/// From the keys on the discuss stage, through a go decision, into the
/// Markdown, HTML and JSON exports written from the end screen.
#[test]
fn the_check_goes_through_the_loop_into_every_export() {
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let mut store = MemoryStore::new().with_session(team_session("team"));
        let mut app = app(lang);
        open(&mut app, &mut store, "team");
        // Discuss: no, no, partly, yes (the fifth stays open); decide: go.
        let s = keys(
            Scripted::new(t0()),
            &[
                Right,
                Right,
                Char('3'),
                Char('3'),
                Char('2'),
                Char('1'),
                Right,
                Char(' '),
                Char('e'),
                Char('m'),
                Char('h'),
                Char('j'),
                Char('w'),
            ],
        );
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
        let mut rt = Runtime {
            store: &mut store,
            export_dir: dir.path().to_path_buf(),
            room: Default::default(),
        };
        let mut events = s;
        datakompas::tui::event_loop::run(&mut terminal, &mut app, &mut rt, &mut events).unwrap();
        let stored = store.stored("team").unwrap();
        assert_eq!(stored.cards[0].decision.option.as_deref(), Some("go"));
        assert_eq!(stored.cards[0].butcher.len(), 4);

        let (heading, no, partly, yes, open_heading, fails) = match lang {
            Lang::En => (
                "The butcher test",
                "- **no** — A visible two-way relationship: customers know who knows them",
                "- **partly** — What we know serves the customer",
                "- **yes** — We do not sell it on or pass it to others",
                "Going ahead against the butcher test",
                "Fails the butcher test: 2½ of 5 points missed",
            ),
            Lang::Nl => (
                "De slagerstest",
                "- **nee** — Een zichtbare relatie, van twee kanten: klanten weten wie hen kent",
                "- **deels** — Wat we weten, gebruiken we voor de klant",
                "- **ja** — We verkopen het niet door en geven het niet aan anderen",
                "Doorgaan tegen de slagerstest in",
                "Zakt voor de slagerstest: 2½ van 5 punten niet gehaald",
            ),
        };
        let md = std::fs::read_to_string(dir.path().join("team.md")).unwrap();
        for want in [heading, no, partly, yes, open_heading, fails] {
            assert!(md.contains(want), "{lang:?} markdown lacks {want}:\n{md}");
        }
        // In the open questions it follows the card and its stance.
        let (go, open_line) = match lang {
            Lang::En => ("Go", "fails the butcher test: 2½ of 5 points missed"),
            Lang::Nl => (
                "Doen",
                "zakt voor de slagerstest: 2½ van 5 punten niet gehaald",
            ),
        };
        let title = match lang {
            Lang::En => "The butcher on the corner",
            Lang::Nl => "De slager om de hoek",
        };
        let want = format!("- {title} ({go}): {open_line}");
        assert!(md.contains(&want), "{lang:?} markdown lacks {want}:\n{md}");
        let html = std::fs::read_to_string(dir.path().join("team.html")).unwrap();
        assert!(html.contains(open_line), "{lang:?} html lacks {open_line}");
        for want in [heading, open_heading, fails] {
            assert!(html.contains(want), "{lang:?} html lacks {want}");
        }
        let (answer, point) = no
            .strip_prefix("- **")
            .and_then(|r| r.split_once("** — "))
            .unwrap();
        let li = format!("<li><strong>{answer}</strong> — {point}</li>");
        assert!(html.contains(&li), "{lang:?} html lacks {li}");
        let word = word_paragraphs(&std::fs::read(dir.path().join("team.docx")).unwrap());
        let (answer, point) = no
            .strip_prefix("- **")
            .and_then(|r| r.split_once("** — "))
            .unwrap();
        for want in [
            heading.to_string(),
            format!("{answer} — {point}"),
            open_heading.to_string(),
            fails.to_string(),
            format!("{title} ({go}): {open_line}"),
        ] {
            assert!(
                word.iter().any(|l| l.contains(&want)),
                "{lang:?} Word lacks {want}:\n{word:#?}"
            );
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("team.json")).unwrap())
                .unwrap();
        assert_eq!(
            json["session"]["cards"][0]["butcher"],
            serde_json::json!({
                "two_way": "no",
                "customer_sees": "no",
                "serves_customer": "partly",
                "not_sold_on": "yes"
            })
        );
        let open = &json["policy"]["open_questions"]["butcher"];
        assert_eq!(open[0]["card"]["id"], "butcher");
        assert_eq!(open[0]["stance"], "go");
        assert_eq!(open[0]["failed_halves"], 5);
        assert_eq!(
            open[0]["no"],
            serde_json::json!(["two_way", "customer_sees"])
        );
        assert_eq!(open[0]["partly"], serde_json::json!(["serves_customer"]));
    }
}

#[test]
fn a_no_go_or_a_passing_check_is_no_open_question() {
    use datakompas::domain::policy::draft;
    let mut s = team_session("team");
    s.cards[0].butcher = [
        (ButcherPoint::TwoWay, ButcherAnswer::No),
        (ButcherPoint::NotSoldOn, ButcherAnswer::No),
    ]
    .into_iter()
    .collect();
    let d = deck();
    let lib = library();
    let fw = framework();
    for (option, open) in [
        ("go", true),
        ("safe", true),
        ("redesign", false),
        ("no", false),
    ] {
        s.cards[0].decision.option = Some(option.into());
        let policy = draft(&s, &d, &fw, &lib, Lang::En);
        assert_eq!(!policy.open_questions.butcher.is_empty(), open, "{option}");
    }
    // One no and one partly is only one and a half points.
    s.cards[0].decision.option = Some("go".into());
    s.cards[0]
        .butcher
        .insert(ButcherPoint::NotSoldOn, ButcherAnswer::Partly);
    let policy = draft(&s, &d, &fw, &lib, Lang::En);
    assert!(policy.open_questions.butcher.is_empty());
}

#[test]
fn the_wheel_scrolls_the_discussion_while_arrows_walk_the_check() {
    use ratatui::crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let wheel = |kind| MouseEvent {
        kind,
        column: 10,
        row: 8,
        modifiers: KeyModifiers::NONE,
    };
    let mut store = MemoryStore::new().with_session(team_session("team"));
    let mut app = app(Lang::En);
    // More questions than a low window holds, so the text can scroll.
    let more = app.assets.deck.cards[0].prompts[0].clone();
    app.assets.deck.cards[0].prompts.extend(vec![more; 6]);
    open(&mut app, &mut store, "team");
    let s = keys(Scripted::new(t0()), &[Right, Right, Down])
        .mouse(wheel(MouseEventKind::ScrollDown))
        .mouse(wheel(MouseEventKind::ScrollDown));
    run(&mut app, &mut store, 60, 18, s);
    let view = &app.open.as_ref().unwrap().view;
    assert_eq!(
        view.discuss.butcher, 1,
        "the wheel leaves the check's cursor"
    );
    assert!(view.reading.scroll > 0, "the wheel scrolls the prompts");
}
