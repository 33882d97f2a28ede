//! The notes exports show planned against real time: the session clock
//! against the plan (and what the plan counts), and each card's time
//! against its timebox; JSON carries the numbers. A session whose clock
//! never ran claims no time at all.

use crate::export_support;

use datakompas::domain::Lang;
use datakompas::export::{self, Parts};
use export_support::{Fixture, word_text};

/// Six cards of 10 min: 10 + 60 + 10 = 80 min planned.
fn timed() -> Fixture {
    let mut f = Fixture::workshop();
    f.session.seconds_elapsed = 52 * 60 + 10;
    f.session.cards[0].seconds_on_card = 12 * 60 + 40;
    f.session.cards[1].seconds_on_card = 9 * 60 + 5;
    f
}

fn docx_text(f: &Fixture, lang: Lang) -> String {
    word_text(&export::docx(&f.input(lang), Parts::NotesOnly).unwrap())
}

#[test]
fn markdown_shows_the_session_and_each_card_against_the_plan() {
    let f = timed();
    let md = export::markdown(&f.input(Lang::En), Parts::NotesOnly);
    assert!(
        md.contains(
            "- **Session time:** 52:10 of 80 min planned (10 min opening, 6 × 10 min for the cards, 10 min close)"
        ),
        "{md}"
    );
    assert!(md.contains("**Time on the card:** 12:40 of 10 min"), "{md}");
    assert!(md.contains("**Time on the card:** 9:05 of 10 min"), "{md}");
    let nl = export::markdown(&f.input(Lang::Nl), Parts::NotesOnly);
    assert!(
        nl.contains("**Sessietijd:** 52:10 van 80 min gepland (10 min opening, 6 × 10 min voor de kaarten, 10 min afsluiting)"),
        "{nl}"
    );
    assert!(
        nl.contains("**Tijd aan de kaart:** 12:40 van 10 min"),
        "{nl}"
    );
}

#[test]
fn html_and_word_show_the_same() {
    let f = timed();
    let html = export::html(&f.input(Lang::En), Parts::NotesOnly);
    assert!(html.contains("52:10 of 80 min planned"), "{html}");
    assert!(html.contains("Time on the card"), "{html}");
    assert!(html.contains("12:40 of 10 min"), "{html}");
    let word = docx_text(&f, Lang::Nl);
    assert!(word.contains("Sessietijd"), "{word}");
    assert!(word.contains("52:10 van 80 min gepland"), "{word}");
    assert!(
        word.contains("Tijd aan de kaart: 12:40 van 10 min"),
        "{word}"
    );
}

#[test]
fn json_carries_the_numbers() {
    let f = timed();
    let v: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::En), Parts::Both)).unwrap();
    let t = &v["time"];
    assert_eq!(t["planned"], 80 * 60);
    assert_eq!(t["elapsed"], 52 * 60 + 10);
    assert_eq!(t["opening"], 600);
    assert_eq!(t["per_card"], 600);
    assert_eq!(t["close"], 600);
    assert_eq!(t["cards"][0]["card"], "birthday-treat");
    assert_eq!(t["cards"][0]["planned"], 600);
    assert_eq!(t["cards"][0]["on_card"], 12 * 60 + 40);
    assert_eq!(
        t["cards"][0]["discussion"],
        f.session.cards[0].seconds_spent
    );
    assert_eq!(v["session"]["seconds_elapsed"], 52 * 60 + 10);
    // Only what was asked for: the policy alone has no time.
    let policy: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::En), Parts::PolicyOnly)).unwrap();
    assert!(policy.get("time").is_none());
}

#[test]
fn a_session_whose_clock_never_ran_claims_no_time() {
    let f = Fixture::workshop();
    assert_eq!(f.session.seconds_elapsed, 0);
    let md = export::markdown(&f.input(Lang::En), Parts::NotesOnly);
    assert!(!md.contains("Session time"), "{md}");
    assert!(!md.contains("Time on the card"), "{md}");
    assert!(!docx_text(&f, Lang::En).contains("Time on the card"));
    let v: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::En), Parts::Both)).unwrap();
    assert!(v.get("time").is_none());
}
