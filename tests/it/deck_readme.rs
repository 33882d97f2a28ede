//! The README's deck-format section is what an author copies from: its
//! example deck must pass, and the errors it shows must be what the app says.

use datakompas::deck;
use datakompas::domain::Lang;

const README: &str = include_str!("../../README.md");

/// The README's deck-format section.
fn section() -> &'static str {
    let start = README
        .find("\n## The deck format")
        .expect("deck-format section");
    let rest = &README[start + 1..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

/// The code blocks of the section, with their info string.
fn blocks() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut lines = section().lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```")
            && !info.is_empty()
        {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            out.push((info, body.join("\n")));
        }
    }
    out
}

fn example() -> String {
    blocks()
        .into_iter()
        .find(|(info, body)| *info == "json" && body.contains("\"cards\""))
        .expect("a complete example deck")
        .1
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

#[test]
fn example_deck_is_valid() {
    let deck = deck::parse("my-deck.json", &example()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(deck.cards.len(), 1);
}

#[test]
fn shown_parse_error_is_real() {
    let broken = edit(
        &example(),
        "\"id\": \"own-offers\",",
        "\"id\": \"own-offers\", \"titel\": 1,",
    );
    let report = deck::parse("my-deck.json", &broken)
        .unwrap_err()
        .report(Lang::En);
    assert!(section().contains(&format!("\n{report}\n")), "{report}");
}

#[test]
fn shown_problem_report_is_real() {
    let broken = edit(
        &example(),
        "\"safeguards\": [\"purpose_stated\"]",
        "\"safeguards\": [\"purpose_stat\"]",
    );
    let broken = edit(
        &broken,
        "\"nl\": \"Wat verwachtten klanten toen ze hun rekening openden?\"",
        "\"nl\": \"\"",
    );
    let report = deck::parse("my-deck.json", &broken)
        .unwrap_err()
        .report(Lang::En);
    assert!(section().contains(&format!("\n{report}\n")), "{report}");
}
