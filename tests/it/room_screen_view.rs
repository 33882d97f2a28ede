//! What the room's shared screen may show, stage by stage: built from a
//! session with facilitator notes and hidden votes, it must hold neither
//! the notes nor a vote value before the reveal, names only when the
//! reveal showed them, and what happened only on the reveal stage.

use crate::session_support;

use datakompas::domain::room::ScreenView;
use datakompas::domain::{CardProgress, Deck, Framework, Lang, Session, Stage};
use session_support::brand_team;

const CARD: &str = "ing-2014";

fn deck() -> Deck {
    datakompas::deck::builtin()
}

fn framework() -> Framework {
    datakompas::deck::framework()
}

/// Three named voters on the ING card; Ann and Bo voted 1 and 5, hidden.
fn session(stage: Stage) -> Session {
    let mut s = brand_team(Lang::En);
    let mut p = CardProgress::new(CARD);
    p.votes.insert("p1".into(), 1);
    p.votes.insert("p2".into(), 5);
    s.cards = vec![p, CardProgress::new("butcher")];
    s.position.stage = stage;
    s
}

fn view(s: &Session, lang: Lang) -> ScreenView {
    ScreenView::new(s, &deck(), &framework(), lang, true)
}

fn json(v: &ScreenView) -> String {
    serde_json::to_string(v).unwrap()
}

/// The facilitator's notes of the card, every paragraph of them, in both languages.
fn notes() -> Vec<String> {
    let d = deck();
    let card = d.card(CARD).unwrap();
    Lang::ALL
        .iter()
        .flat_map(|l| {
            card.facilitator_notes
                .get(*l)
                .split("\n\n")
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| p.trim().len() > 20)
        .collect()
}

#[test]
fn no_stage_shows_the_facilitators_notes() {
    let notes = notes();
    assert!(!notes.is_empty(), "the card has notes to leak");
    for stage in Stage::ALL {
        for lang in Lang::ALL {
            let mut s = session(stage);
            s.cards[0].revealed = stage > Stage::GutCheck;
            s.cards[0].names_shown = true;
            s.cards[0].decision.option = Some("pilot-data-stays-in".into());
            let shown = json(&view(&s, lang));
            for note in &notes {
                assert!(!shown.contains(note.as_str()), "{stage:?} shows a note");
            }
            assert!(!shown.contains("facilitator_notes"));
        }
    }
}

#[test]
fn before_the_reveal_the_screen_counts_votes_and_shows_none() {
    let s = session(Stage::GutCheck);
    let v = view(&s, Lang::En);
    let card = v.card.as_ref().unwrap();
    let count = card.voted.unwrap();
    assert_eq!((count.voted, count.voters), (2, 3));
    assert!(card.reveal.is_none());
    assert!(v.join, "the QR code stays up while people vote");
    let shown = serde_json::to_value(&v).unwrap();
    // No number in the view but the count, position and year: no 1 or 5
    // from the votes, no participant id, no name.
    let text = shown.to_string();
    for leak in [
        "\"p1\"",
        "\"p2\"",
        "Ann",
        "Bo\"",
        "\"value\"",
        "\"summary\"",
        "\"counts\"",
    ] {
        assert!(!text.contains(leak), "{leak} in {text}");
    }
}

#[test]
fn the_reveal_shows_the_chart_and_names_only_when_shown() {
    let mut s = session(Stage::GutCheck);
    s.cards[0].revealed = true;
    let v = view(&s, Lang::En);
    let card = v.card.as_ref().unwrap();
    assert!(card.voted.is_none());
    assert!(!v.join, "the QR code makes room for the chart");
    let reveal = card.reveal.as_ref().unwrap();
    assert_eq!(reveal.summary.counts, [1, 0, 0, 0, 1]);
    assert_eq!(reveal.summary.average, Some(3.0));
    assert!(reveal.names.is_none());
    assert!(!json(&v).contains("Ann"));

    s.cards[0].names_shown = true;
    let v = view(&s, Lang::En);
    let names = v.card.unwrap().reveal.unwrap().names.unwrap();
    let pairs: Vec<_> = names.iter().map(|n| (n.name.as_str(), n.value)).collect();
    assert_eq!(pairs, [("Ann", 1), ("Bo", 5)]);
}

#[test]
fn the_decision_shows_from_the_decide_stage_in_the_sessions_language() {
    let mut s = session(Stage::Discuss);
    s.cards[0].revealed = true;
    s.cards[0].decision.option = Some("pilot-data-stays-in".into());
    s.cards[0].decision.safeguards = vec!["opt_in_only".into()];
    s.cards[0].decision.rationale = "PRIVATE RATIONALE".into();
    let discuss = view(&s, Lang::En);
    let card = discuss.card.as_ref().unwrap();
    assert!(card.decision.is_none());
    assert!(
        !card.prompts.is_empty(),
        "the prompts show while discussing"
    );

    s.position.stage = Stage::Decide;
    for lang in Lang::ALL {
        let v = view(&s, lang);
        let card = v.card.as_ref().unwrap();
        let d = card.decision.as_ref().unwrap();
        let deck = deck();
        let option = deck.card(CARD).unwrap().options[1].label.get(lang);
        assert_eq!(d.option, option);
        assert_eq!(d.safeguards.len(), 1);
        let label = framework()
            .safeguard("opt_in_only")
            .unwrap()
            .label
            .get(lang)
            .to_string();
        assert_eq!(d.safeguards[0], label);
        assert!(card.prompts.is_empty());
        assert!(card.outcome.is_none(), "what happened waits for its stage");
        assert_eq!(
            card.title,
            deck.card(CARD).unwrap().title.get(lang),
            "{lang:?}"
        );
    }
}

#[test]
fn what_happened_shows_on_the_reveal_stage_only() {
    let d = deck();
    let outcome = d.card(CARD).unwrap().outcome.clone().unwrap();
    for stage in Stage::ALL {
        let mut s = session(stage);
        s.cards[0].revealed = stage > Stage::GutCheck;
        let v = view(&s, Lang::Nl);
        let shown = json(&v);
        let first = outcome.get(Lang::Nl).split('.').next().unwrap();
        assert_eq!(shown.contains(first), stage == Stage::Reveal, "{stage:?}");
        let card = v.card.unwrap();
        if stage == Stage::Reveal {
            let o = card.outcome.unwrap();
            assert!(!o.facts.is_empty(), "the facts held back, with sources");
            assert!(o.facts.iter().all(|f| !f.source.is_empty()));
        } else {
            assert!(card.outcome.is_none());
        }
    }
}

#[test]
fn between_cards_the_screen_shows_the_title_and_the_code() {
    let s = session(Stage::Story);
    let v = ScreenView::new(&s, &deck(), &framework(), Lang::En, false);
    assert!(v.card.is_none());
    assert!(v.join);
    assert_eq!(v.title, "Brand team Q4");
    let story = view(&s, Lang::En);
    assert!(story.join, "the story is when people still come in");
    assert!(story.card.unwrap().voted.is_none());
}

#[test]
fn the_story_says_where_it_stops_as_the_card_gives_it() {
    let d = deck();
    let point = d.card(CARD).unwrap().decision_point.clone().unwrap();
    for lang in Lang::ALL {
        let v = view(&session(Stage::Story), lang);
        let stop = v
            .card
            .unwrap()
            .stops
            .expect("a real case says where it stops");
        assert_eq!(stop.date, point.date);
        assert_eq!(stop.moment, point.moment.get(lang));
    }
    // A hypothetical has no moment in time.
    let mut s = session(Stage::Story);
    s.cards[0] = CardProgress::new("hypo-geofence-push");
    let v = view(&s, Lang::En);
    assert_eq!(v.card.unwrap().stops, None);
}
