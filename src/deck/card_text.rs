//! One card as readable plain text, for `datakompas deck show`.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap;
use crate::domain::{Card, CardKind, FactPart, Framework, Lang, Stance};
use crate::i18n::dates::prose_date;
use crate::i18n::deck::CardMsg;

/// The card kind in words.
pub fn kind_label(kind: CardKind, lang: Lang) -> &'static str {
    match kind {
        CardKind::RealCase => CardMsg::KindRealCase,
        CardKind::Baseline => CardMsg::KindBaseline,
        CardKind::Exemplary => CardMsg::KindExemplary,
        CardKind::Hypothetical => CardMsg::KindHypothetical,
    }
    .get(lang)
}

/// A decision stance in words.
pub fn stance_label(stance: Stance, lang: Lang) -> &'static str {
    match stance {
        Stance::Go => CardMsg::StanceGo,
        Stance::GoWithSafeguards => CardMsg::StanceGoWithSafeguards,
        Stance::Redesign => CardMsg::StanceRedesign,
        Stance::NoGo => CardMsg::StanceNoGo,
    }
    .get(lang)
}

/// The whole card in `lang`, wrapped to `width` columns. Safeguards show
/// by their label in `framework`.
pub fn card_text(card: &Card, framework: &Framework, lang: Lang, width: usize) -> String {
    let t = |m: CardMsg| m.get(lang);
    let text = |x: &crate::domain::Text| x.get(lang).to_string();
    let mut out = Vec::new();

    let title = text(&card.title);
    out.push(title.clone());
    out.push("=".repeat(title.width().min(width)));

    let mut facts: Vec<(&str, String)> = vec![
        (
            t(CardMsg::ShowKind),
            kind_label(card.kind, lang).to_string(),
        ),
        (t(CardMsg::ShowOrganisation), text(&card.organisation)),
    ];
    if let Some(country) = &card.country {
        facts.push((t(CardMsg::ShowCountry), text(country)));
    }
    if let Some(year) = card.year {
        facts.push((t(CardMsg::ShowYear), year.to_string()));
    }
    let label_width = facts.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (label, value) in facts {
        let pad = " ".repeat(label_width - label.width());
        out.push(format!("{label}{pad}  {value}"));
    }

    let mut section = |heading: &str, body: String| {
        out.push(String::new());
        out.push(heading.to_string());
        out.push(body);
    };
    section(t(CardMsg::ShowStory), wrap(&text(&card.story), width, "  "));
    if let Some(point) = &card.decision_point {
        let line = format!("{}: {}", prose_date(&point.date, lang), text(&point.moment));
        section(t(CardMsg::ShowDecisionPoint), wrap(&line, width, "  "));
    }
    section(
        t(CardMsg::ShowPractice),
        wrap(&text(&card.practice), width, "  "),
    );
    section(
        t(CardMsg::ShowDataCategories),
        bullets(card.data_categories.iter().map(text), width),
    );
    if !card.facts.is_empty() {
        let items: Vec<String> = card
            .facts
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let mut s = text(&fact.text);
                if fact.disputed {
                    s = format!("({}) {s}", t(CardMsg::ShowDisputed));
                }
                // Whoever reads the story aloud must see what to hold back.
                if fact.part == FactPart::Reveal {
                    s = format!("[{}] {s}", t(CardMsg::ShowRevealFact));
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
            })
            .collect();
        section(t(CardMsg::ShowFacts), items.join("\n"));
    }
    section(
        t(CardMsg::ShowPrompts),
        numbered(card.prompts.iter().map(text), width),
    );
    let options: Vec<String> = card
        .options
        .iter()
        .map(|o| {
            format!(
                "{}\n{}",
                hanging(
                    "  ",
                    &format!("[{}] {}", stance_label(o.stance, lang), text(&o.label)),
                    width
                ),
                wrap(&text(&o.description), width, "      ")
            )
        })
        .collect();
    section(t(CardMsg::ShowOptions), options.join("\n"));
    section(
        t(CardMsg::ShowSafeguards),
        bullets(
            card.safeguards
                .iter()
                .map(|id| match framework.safeguard(id) {
                    Some(s) => s.label.get(lang).to_string(),
                    None => id.clone(),
                }),
            width,
        ),
    );
    section(
        t(CardMsg::ShowRedLine),
        wrap(&text(&card.red_line), width, "  "),
    );
    if let Some(outcome) = &card.outcome {
        section(t(CardMsg::ShowOutcome), wrap(&text(outcome), width, "  "));
    }
    section(
        t(CardMsg::ShowFacilitatorNotes),
        wrap(&text(&card.facilitator_notes), width, "  "),
    );
    out.join("\n") + "\n"
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
