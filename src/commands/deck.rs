//! `datakompas deck …`: list a deck's cards, check deck files, print the
//! JSON Schema, show one card.

use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::cli::DeckAction;
use crate::deck;
use crate::domain::{Deck, Lang};
use crate::i18n::{cli::CliMsg, fill};

/// Width `deck show` wraps text to.
const TEXT_WIDTH: usize = 80;

pub fn run(action: DeckAction, ctx: &Context) -> Outcome {
    match action {
        DeckAction::List { deck } => list(deck.as_deref(), ctx),
        DeckAction::Validate { files } => validate(&files, ctx),
        DeckAction::Schema => schema(),
        DeckAction::Show { id, deck } => show(&id, deck.as_deref(), ctx),
    }
}

/// The deck a command works on: the file given, or the built-in deck.
fn chosen_deck(file: Option<&Path>, ctx: &Context) -> Result<Deck, Failure> {
    match file {
        Some(path) => deck::load_file(path).map_err(|e| Failure::input(e.report(ctx.lang))),
        None => Ok(deck::builtin()),
    }
}

fn list(file: Option<&Path>, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let deck = chosen_deck(file, ctx)?;
    let mut out = list_header(&deck, lang);
    out.push_str("\n\n");
    out.push_str(&card_table(&deck, lang));
    let deck_arg = file
        .map(|p| format!(" --deck {}", shell_word(&p.display().to_string())))
        .unwrap_or_default();
    out.push('\n');
    out.push_str(&fill(
        CliMsg::ListHint.get(lang),
        &[("deck", deck_arg.as_str())],
    ));
    out.push('\n');
    emit(&out)
}

/// The deck's title, version and number of cards.
fn list_header(deck: &Deck, lang: Lang) -> String {
    let header = if deck.cards.len() == 1 {
        CliMsg::ListHeaderOne
    } else {
        CliMsg::ListHeader
    };
    fill(
        header.get(lang),
        &[
            ("title", deck.title.get(lang)),
            ("version", &deck.version),
            ("n", &deck.cards.len().to_string()),
        ],
    )
}

/// One line a card: id, kind, year and title in padded columns.
fn card_table(deck: &Deck, lang: Lang) -> String {
    let rows: Vec<[String; 4]> = deck
        .cards
        .iter()
        .map(|card| {
            [
                card.id.clone(),
                deck::kind_label(card.kind, lang).to_string(),
                card.year.map(|y| y.to_string()).unwrap_or_default(),
                card.title.get(lang).to_string(),
            ]
        })
        .collect();
    let header = [
        CliMsg::ColumnId,
        CliMsg::ColumnKind,
        CliMsg::ColumnYear,
        CliMsg::ColumnTitle,
    ]
    .map(|m| m.get(lang).to_string());
    let mut all = vec![header];
    all.extend(rows);
    super::table::columns(&all)
}

fn validate(files: &[PathBuf], ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let mut out = String::new();
    let mut bad = 0;
    for path in files {
        match deck::load_file_warned(path) {
            Ok((deck, warnings)) => {
                let file = path.display().to_string();
                let line = if deck.cards.len() == 1 {
                    fill(CliMsg::ValidateOkOne.get(lang), &[("file", &file)])
                } else {
                    fill(
                        CliMsg::ValidateOk.get(lang),
                        &[("file", &file), ("n", &deck.cards.len().to_string())],
                    )
                };
                out.push_str(&line);
                let file = path.display().to_string();
                for (pos, warning) in &warnings {
                    out.push_str(&fill(
                        CliMsg::ValidateWarning.get(lang),
                        &[
                            ("at", &format!("{file}:{}:{}", pos.line, pos.column)),
                            ("problem", &warning.describe(lang)),
                        ],
                    ));
                }
            }
            Err(e) => {
                bad += 1;
                out.push_str(&e.report(lang));
            }
        }
        out.push('\n');
    }
    emit(&out)?;
    match (bad, files.len()) {
        (0, _) => Ok(()),
        (_, 1) => Err(Failure::input(fill(
            CliMsg::ValidateFailedOne.get(lang),
            &[("file", &files[0].display().to_string())],
        ))),
        (bad, total) => Err(Failure::input(fill(
            CliMsg::ValidateFailed.get(lang),
            &[("bad", &bad.to_string()), ("total", &total.to_string())],
        ))),
    }
}

fn schema() -> Outcome {
    let schema = schemars::schema_for!(Deck);
    let json = serde_json::to_string_pretty(&schema)
        .map_err(|e| Failure::runtime(format!("JSON Schema: {e}")))?;
    emit(&(json + "\n"))
}

fn show(id: &str, file: Option<&Path>, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let deck = chosen_deck(file, ctx)?;
    let Some(card) = deck.card(id) else {
        let deck_name = file
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| deck.id.clone());
        let suggestion = deck::suggest(id, deck.cards.iter().map(|c| c.id.as_str()));
        let message = match suggestion {
            Some(s) => fill(
                CliMsg::UnknownCardSuggest.get(lang),
                &[("deck", &deck_name), ("id", id), ("suggestion", &s)],
            ),
            None => fill(
                CliMsg::UnknownCard.get(lang),
                &[("deck", &deck_name), ("id", id)],
            ),
        };
        return Err(Failure::input(message));
    };
    emit(&deck::card_text(card, &deck::framework(), lang, TEXT_WIDTH))
}

/// A path as it can be pasted into a shell: quoted when it holds more
/// than plain path characters.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "_./-+:@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Writes to standard output. A reader that went away (`| head`) is not
/// an error worth a message.
fn emit(text: &str) -> Outcome {
    match super::output::out(text) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::runtime(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn paths_are_quoted_only_when_needed() {
        assert_eq!(shell_word("decks/my-deck.json"), "decks/my-deck.json");
        assert_eq!(shell_word("my deck.json"), "'my deck.json'");
        assert_eq!(shell_word("it's.json"), "'it'\\''s.json'");
    }
}
