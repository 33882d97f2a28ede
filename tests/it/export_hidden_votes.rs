//! Exports hold only what the room has seen: a card whose votes are not
//! revealed shows how many are in, never their values, averages or a split.

use crate::export_support;

use datakompas::domain::Lang;
use datakompas::export::{self, Parts};
use export_support::Fixture;

/// The workshop with the split card `payment-offers` voted 1, 3 and 4 by
/// three of four, not revealed.
fn hidden() -> Fixture {
    let mut f = Fixture::workshop();
    let card = f
        .session
        .cards
        .iter_mut()
        .find(|c| c.card == "payment-offers")
        .unwrap();
    card.votes.remove("p4");
    card.revealed = false;
    f
}

/// The Markdown of one card's section, from its heading to the next.
fn section<'a>(md: &'a str, title: &str) -> &'a str {
    let start = md.find(&format!(". {title}")).expect("the card's heading");
    let rest = &md[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    &rest[..end]
}

#[test]
fn markdown_says_how_many_voted_and_nothing_else() {
    let f = hidden();
    let title = f
        .deck
        .card("payment-offers")
        .unwrap()
        .title
        .get(Lang::En)
        .to_string();
    let md = export::markdown(&f.input(Lang::En), Parts::Both);
    let card = section(&md, &title);
    assert!(card.contains("Votes hidden (3 of 4 in)."), "{card}");
    assert!(!card.contains("average"), "{card}");
    assert!(!card.contains("split"), "{card}");
    assert!(!card.contains("1: 1×"), "{card}");
    // Nor does the policy draft call the hidden votes split.
    let split = md.split("Split votes").nth(1).unwrap_or("");
    assert!(
        !split.lines().take(6).any(|l| l.contains(&title)),
        "{split}"
    );

    let nl = export::markdown(&f.input(Lang::Nl), Parts::Both);
    assert!(nl.contains("Stemmen verborgen (3 van 4 binnen)."), "{nl}");
}

#[test]
fn html_says_how_many_voted_and_draws_no_bars() {
    let f = hidden();
    let html = export::html(&f.input(Lang::En), Parts::Both);
    assert!(html.contains("Votes hidden (3 of 4 in)."));
    let nl = export::html(&f.input(Lang::Nl), Parts::Both);
    assert!(nl.contains("Stemmen verborgen (3 van 4 binnen)."));
}

#[test]
fn json_leaves_the_values_out_of_the_session_and_counts_them() {
    let f = hidden();
    let json: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::En), Parts::Both)).unwrap();
    let card = json["session"]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"] == "payment-offers")
        .unwrap();
    assert_eq!(card["votes"], serde_json::json!({}), "{card}");
    assert_eq!(card["revealed"], false);
    assert!(json["votes"].get("payment-offers").is_none());
    assert_eq!(
        json["hidden_votes"]["payment-offers"],
        serde_json::json!({"cast": 3, "voters": 4})
    );
    // Revealed cards keep their statistics.
    assert_eq!(json["votes"]["birthday-treat"]["total"], 4);
    // The session itself still holds every vote.
    assert_eq!(
        f.session
            .cards
            .iter()
            .find(|c| c.card == "payment-offers")
            .unwrap()
            .votes
            .len(),
        3
    );
}

#[test]
fn a_fully_revealed_session_has_no_hidden_votes_in_its_json() {
    let f = Fixture::workshop();
    let json: serde_json::Value =
        serde_json::from_str(&export::json(&f.input(Lang::En), Parts::Both)).unwrap();
    assert!(json.get("hidden_votes").is_none());
}
