//! The exports of the fixture workshop, as a reader gets them, in both
//! languages; and a smoke test on the built-in deck.

use crate::export_support;
use crate::session_support;

use datakompas::domain::{CardProgress, ChosenPrinciple, Lang, Mode, PrincipleCheck, Session};
use datakompas::export::{self, Parts};
use export_support::Fixture;

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn markdown_in_both_languages() {
    let f = Fixture::workshop();
    for lang in Lang::ALL {
        let text = export::markdown(&f.input(lang), Parts::Both);
        snapshot(&format!("workshop_{}.md", lang.code()), &text);
    }
}

#[test]
fn html_in_both_languages() {
    let f = Fixture::workshop();
    for lang in Lang::ALL {
        let text = export::html(&f.input(lang), Parts::Both);
        snapshot(&format!("workshop_{}.html", lang.code()), &text);
    }
}

#[test]
fn json_in_both_languages() {
    let f = Fixture::workshop();
    for lang in Lang::ALL {
        let text = export::json(&f.input(lang), Parts::Both);
        snapshot(&format!("workshop_{}.json", lang.code()), &text);
    }
}

#[test]
fn parts_hold_only_what_was_asked() {
    let f = Fixture::workshop();
    let input = f.input(Lang::En);
    let notes = "# Session notes";
    let policy = "# Draft data policy";
    let md = |parts| export::markdown(&input, parts);
    assert!(md(Parts::Both).contains(notes) && md(Parts::Both).contains(policy));
    assert!(md(Parts::NotesOnly).contains(notes) && !md(Parts::NotesOnly).contains(policy));
    assert!(!md(Parts::PolicyOnly).contains(notes) && md(Parts::PolicyOnly).contains(policy));

    let html = |parts| export::html(&input, parts);
    assert!(!html(Parts::PolicyOnly).contains(r#"id="notes""#));
    assert!(html(Parts::PolicyOnly).contains(r#"id="policy""#));
    assert!(!html(Parts::NotesOnly).contains(r#"id="policy""#));

    let json = |parts| -> serde_json::Value {
        serde_json::from_str(&export::json(&input, parts)).expect("valid JSON")
    };
    assert!(json(Parts::PolicyOnly).get("session").is_none());
    assert!(json(Parts::PolicyOnly).get("policy").is_some());
    assert!(json(Parts::NotesOnly).get("policy").is_none());
    assert!(json(Parts::NotesOnly).get("votes").is_some());
}

#[test]
fn json_carries_the_session_unchanged_and_the_draft() {
    let f = Fixture::workshop();
    let value: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::Nl), Parts::Both)).unwrap();
    assert_eq!(value["format"], "datakompas-export");
    assert_eq!(value["version"], 1);
    assert_eq!(value["lang"], "nl");
    let session: Session = serde_json::from_value(value["session"].clone()).unwrap();
    assert_eq!(session, f.session);
    assert_eq!(value["votes"]["payment-offers"]["split"], true);
    assert_eq!(
        value["policy"]["areas"][0]["title"],
        "Wat we verzamelen en waarom"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let f = Fixture::workshop();
    let input = f.input(Lang::En);
    assert_eq!(
        export::markdown(&input, Parts::Both),
        export::markdown(&input, Parts::Both)
    );
    assert_eq!(
        export::html(&input, Parts::Both),
        export::html(&input, Parts::Both)
    );
    assert_eq!(
        export::json(&input, Parts::Both),
        export::json(&input, Parts::Both)
    );
}

/// A session over the whole built-in deck, each card decided with its
/// first option and first safeguard, every principle marked.
fn builtin_session() -> Session {
    let deck = datakompas::deck::builtin();
    let library = datakompas::deck::principles();
    let now = "2026-11-29T10:00:00Z".parse().unwrap();
    let mut session =
        session_support::on_builtin_deck("builtin", "Built-in deck", Mode::Solo, Lang::En, now);
    session.participants = Session::anonymous_participants(1);
    session.principles = library
        .principles
        .iter()
        .take(3)
        .map(|p| ChosenPrinciple::Library { id: p.id.clone() })
        .collect();
    for (i, card) in deck.cards.iter().enumerate() {
        let mut progress = CardProgress::new(card.id.clone());
        progress.votes.insert("p1".into(), (i % 5) as u8 + 1);
        progress.decision.option = card
            .options
            .get(i % card.options.len())
            .map(|o| o.id.clone());
        progress.decision.safeguards = card.safeguards.iter().take(1).cloned().collect();
        for p in &session.principles {
            progress
                .decision
                .principles
                .insert(p.id().to_string(), PrincipleCheck::Upholds);
        }
        progress.decision.rationale = format!("Reason {i}");
        session.cards.push(progress);
    }
    session
}

#[test]
fn the_built_in_deck_exports_in_every_format() {
    let f = Fixture::builtin(builtin_session());
    let (deck, framework) = (&f.deck, &f.framework);
    for lang in Lang::ALL {
        let input = f.input(lang);
        let md = export::markdown(&input, Parts::Both);
        let html = export::html(&input, Parts::Both);
        let json: serde_json::Value =
            serde_json::from_str(&export::json(&input, Parts::Both)).expect("valid JSON");
        for card in &deck.cards {
            let title = card.title.get(lang);
            assert!(
                html.contains(&maud::html! { (title) }.into_string()),
                "{title} in HTML"
            );
            assert!(
                md.contains(&datakompas::export::escape_inline(title)),
                "{title} in Markdown"
            );
        }
        assert_eq!(
            json["policy"]["areas"].as_array().map(Vec::len),
            Some(framework.areas.len())
        );
    }
}

/// The workshop with owners, review dates and next steps filled in.
fn followed_up() -> Fixture {
    let mut f = Fixture::workshop();
    f.follow_up("Acme & Co", "sensitive");
    f
}

#[test]
fn owners_and_next_steps_are_in_every_format() {
    let f = followed_up();
    for lang in Lang::ALL {
        let input = f.input(lang);
        let md = export::markdown(&input, Parts::PolicyOnly);
        let html = export::html(&input, Parts::PolicyOnly);
        let json = export::json(&input, Parts::PolicyOnly);
        for (name, text) in [("md", &md), ("html", &html), ("json", &json)] {
            assert!(text.contains("Legal"), "{name} {lang:?}");
            assert!(text.contains("2027-03-01"), "{name} {lang:?}");
            assert!(text.contains("Set retention periods"), "{name} {lang:?}");
            assert!(text.contains("2027-01-15"), "{name} {lang:?}");
        }
        assert!(md.contains("Acme & Co"), "{md}");
        assert!(html.contains("Acme &amp; Co"));
    }
}

#[test]
fn the_markdown_is_plain_commonmark_without_hard_breaks_or_html() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
    let f = followed_up();
    for lang in Lang::ALL {
        let md = export::markdown(&f.input(lang), Parts::Both);
        let mut headings = 0;
        let mut items = 0;
        for event in Parser::new_ext(&md, Options::all() - Options::ENABLE_SMART_PUNCTUATION) {
            match event {
                Event::HardBreak | Event::Html(_) | Event::InlineHtml(_) => {
                    panic!("{event:?} in the {lang:?} Markdown")
                }
                Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H3 => {
                    headings += 1
                }
                Event::Start(Tag::Item) => items += 1,
                _ => {}
            }
        }
        assert!(
            headings > 10 && items > 20,
            "{headings} headings, {items} items"
        );
        assert!(!md.contains("\\\n"), "a backslash hard break");
    }
}
