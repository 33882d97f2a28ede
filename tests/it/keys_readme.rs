//! The README's key table is the keymap written out: a key changed in the
//! tables and not in the README (or the other way round) fails here, and
//! the message holds the table to paste.

use datakompas::domain::Lang;
use datakompas::tui::keymap::{self, Binding, Context, Shows};

const README: &str = include_str!("../../README.md");
const HEADER: &str = "| where | keys |";

/// Where a screen's keys work, as the README names it.
fn place(ctx: Context) -> &'static str {
    match ctx {
        Context::Home => "home",
        Context::Browse => "browsing the deck",
        Context::Setup => "setup: the cards",
        Context::SetupNumber => "setup: a number (voters, minutes)",
        Context::SetupStart => "setup: the start button",
        Context::SetupAgenda => "setup: the agenda",
        Context::Principles => "brand principles",
        Context::Story => "story",
        Context::GutCheck => "gut check",
        Context::GutCheckRevealed => "gut check, after the reveal",
        Context::GutCheckSolo => "gut check of a self-assessment",
        Context::Discuss => "discuss",
        Context::Decide => "decide",
        Context::Reveal => "reveal",
        Context::Overview => "all cards",
        Context::End => "end of session",
        Context::RoomPanel => "room panel",
        Context::FollowUp => "owners and next steps",
        Context::Typing => "typing in a text field",
        Context::Form => "a pop-up form",
        Context::FollowUpForm => "editing an owner or a next step",
    }
}

/// Every key of a row, as help writes them, in code spans.
fn keys(b: &Binding) -> String {
    match b.written {
        Some(written) => format!("`{written}`"),
        None => b
            .keys
            .iter()
            .map(|k| format!("`{}`", k.name(Lang::En)))
            .collect::<Vec<_>>()
            .join("/"),
    }
}

fn row(place: &str, bindings: &[Binding]) -> String {
    let keys: Vec<String> = bindings
        .iter()
        .filter(|b| b.shows != Shows::FooterOnly)
        .map(|b| format!("{} {}", keys(b), b.label.get(Lang::En)))
        .collect();
    format!("| {place} | {} |", keys.join(" · "))
}

fn flat(parts: &[&[Binding]]) -> Vec<Binding> {
    parts.iter().flat_map(|p| p.iter().copied()).collect()
}

/// The table as the keymap has it.
fn expected() -> String {
    let mut rows = vec![HEADER.to_string(), "|---|---|".to_string()];
    rows.push(row(
        "everywhere but in a text field",
        keymap::global_table(),
    ));
    rows.push(row(
        "help, open with `?` (any other key closes it)",
        &flat(keymap::help_overlay_table()),
    ));
    for ctx in Context::ALL {
        if ctx == Context::Story {
            rows.push(row(
                "every stage of a card, besides the stage's own",
                keymap::card_table(),
            ));
        }
        rows.push(row(place(ctx), &flat(keymap::table(ctx))));
    }
    rows.join("\n")
}

/// The README's table: from its header to the first line that is not a row.
fn readme_table() -> String {
    let start = README
        .find(&format!("\n{HEADER}\n"))
        .expect("the key table")
        + 1;
    README[start..]
        .lines()
        .take_while(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    let expected = expected();
    assert!(
        readme_table() == expected,
        "the README's key table is not the keymap's; it should read:\n\n{expected}\n"
    );
}
