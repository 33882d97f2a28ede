//! One card as readable plain text, for `datakompas deck show`.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;
use crate::domain::{Card, CardKind, Fact, FactPart, Framework, Lang, Stance};
use crate::i18n::dates::prose_date;
use crate::i18n::deck::CardMsg;
use crate::i18n::labels::{self, Label};

/// The card kind in words.
pub fn kind_label(kind: CardKind, lang: Lang) -> &'static str {
    labels::kind(kind).get(lang)
}

/// A decision stance in words.
pub fn stance_label(stance: Stance, lang: Lang) -> &'static str {
    labels::stance(stance).get(lang)
}

/// The whole card in `lang`, wrapped to `width` columns. Safeguards show
/// by their label in `framework`.
pub fn card_text(card: &Card, framework: &Framework, lang: Lang, width: usize) -> String {
    let mut out = header(card, lang, width);
    for (heading, body) in sections(card, framework, lang, width) {
        out.push(String::new());
        out.push(heading.to_string());
        out.push(body);
    }
    out.join("\n") + "\n"
}

fn text(x: &crate::domain::Text, lang: Lang) -> String {
    x.get(lang).to_string()
}

/// The underlined title and the card's facts at a glance.
fn header(card: &Card, lang: Lang, width: usize) -> Vec<String> {
    let title = text(&card.title, lang);
    let underline = "=".repeat(title.width().min(width));
    let mut facts: Vec<(&str, String)> = vec![
        (
            CardMsg::ShowKind.get(lang),
            kind_label(card.kind, lang).to_string(),
        ),
        (
            CardMsg::ShowOrganisation.get(lang),
            text(&card.organisation, lang),
        ),
    ];
    if let Some(country) = &card.country {
        facts.push((CardMsg::ShowCountry.get(lang), text(country, lang)));
    }
    if let Some(year) = card.year {
        facts.push((CardMsg::ShowYear.get(lang), year.to_string()));
    }
    let label_width = facts.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    let mut out = vec![title, underline];
    for (label, value) in facts {
        let pad = " ".repeat(label_width - label.width());
        out.push(format!("{label}{pad}  {value}"));
    }
    out
}

/// The headed sections under the header, in reading order.
fn sections(
    card: &Card,
    framework: &Framework,
    lang: Lang,
    width: usize,
) -> Vec<(&'static str, String)> {
    let t = |m: CardMsg| m.get(lang);
    let para = |x: &crate::domain::Text| wrap(&text(x, lang), width, "  ");
    let mut out = vec![(t(CardMsg::ShowStory), para(&card.story))];
    if let Some(point) = &card.decision_point {
        let line = format!(
            "{}: {}",
            prose_date(&point.date, lang),
            text(&point.moment, lang)
        );
        out.push((Label::DecisionPoint.get(lang), wrap(&line, width, "  ")));
    }
    out.push((Label::DataPractice.get(lang), para(&card.practice)));
    out.push((
        t(CardMsg::ShowDataCategories),
        bullets(card.data_categories.iter().map(|c| text(c, lang)), width),
    ));
    if !card.facts.is_empty() {
        out.push((Label::Facts.get(lang), facts(card, lang, width)));
    }
    out.push((
        t(CardMsg::ShowPrompts),
        numbered(card.prompts.iter().map(|p| text(p, lang)), width),
    ));
    out.push((t(CardMsg::ShowOptions), options(card, lang, width)));
    out.push((
        t(CardMsg::ShowSafeguards),
        bullets(safeguard_labels(card, framework, lang), width),
    ));
    out.push((t(CardMsg::ShowRedLine), para(&card.red_line)));
    if let Some(outcome) = &card.outcome {
        out.push((t(CardMsg::ShowOutcome), para(outcome)));
    }
    out.push((
        Label::FacilitatorNotes.get(lang),
        para(&card.facilitator_notes),
    ));
    out
}

/// The sourced facts, numbered, each with its source under it.
fn facts(card: &Card, lang: Lang, width: usize) -> String {
    let items: Vec<String> = card
        .facts
        .iter()
        .enumerate()
        .map(|(i, fact)| fact_item(i, fact, lang, width))
        .collect();
    items.join("\n")
}

fn fact_item(i: usize, fact: &Fact, lang: Lang, width: usize) -> String {
    let mut s = text(&fact.text, lang);
    if fact.disputed {
        s = format!("({}) {s}", Label::Disputed.get(lang));
    }
    // Whoever reads the story aloud must see what to hold back.
    if fact.part == FactPart::Reveal {
        s = format!("[{}] {s}", Label::StageReveal.get(lang));
    }
    let mut source = format!("— {}, {}", fact.source.publisher, fact.source.date);
    if let Some(title) = &fact.source.title {
        source.push_str(&format!(", “{title}”"));
    }
    let mut item = format!(
        "{}\n{}",
        hanging(&format!("  {:>2}. ", i + 1), &s, width),
        wrap(&source, width, "      ")
    );
    if let Some(url) = &fact.source.url {
        item.push_str(&format!("\n      {url}"));
    }
    item
}

/// The decision options, each with its stance and what it means.
fn options(card: &Card, lang: Lang, width: usize) -> String {
    let options: Vec<String> = card
        .options
        .iter()
        .map(|o| {
            format!(
                "{}\n{}",
                hanging(
                    "  ",
                    &format!(
                        "[{}] {}",
                        stance_label(o.stance, lang),
                        text(&o.label, lang)
                    ),
                    width
                ),
                wrap(&text(&o.description, lang), width, "      ")
            )
        })
        .collect();
    options.join("\n")
}

/// The card's safeguards by their label; an unknown id as itself.
fn safeguard_labels<'a>(
    card: &'a Card,
    framework: &'a Framework,
    lang: Lang,
) -> impl Iterator<Item = String> + 'a {
    card.safeguards
        .iter()
        .map(move |id| match framework.safeguard(id) {
            Some(s) => s.label.get(lang).to_string(),
            None => id.clone(),
        })
}

fn bullets(items: impl Iterator<Item = String>, width: usize) -> String {
    items
        .map(|item| hanging("  - ", &item, width))
        .collect::<Vec<_>>()
        .join("\n")
}

fn numbered(items: impl Iterator<Item = String>, width: usize) -> String {
    items
        .enumerate()
        .map(|(i, item)| hanging(&format!("  {:>2}. ", i + 1), &item, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` wrapped with `prefix` on its first line and the following lines
/// indented to line up under the text.
fn hanging(prefix: &str, text: &str, width: usize) -> String {
    let indent = " ".repeat(prefix.width());
    let wrapped = wrap(text, width, &indent);
    format!(
        "{prefix}{}",
        wrapped.strip_prefix(&indent).unwrap_or(&wrapped)
    )
}
