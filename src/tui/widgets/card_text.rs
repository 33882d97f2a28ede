//! A card's reading text, drawn the same in the story stage, the reveal
//! and the deck browser: the case, the data involved, and the facts with
//! their sources.

use ratatui::text::{Line, Span};

use crate::domain::{Card, FactPart, Lang};
use crate::i18n::dates::prose_date;
use crate::i18n::labels::Label;
use crate::i18n::tui::T;
use crate::tui::theme::Theme;

/// The card's reading text; shared with the deck browser.
pub fn lines(card: &Card, lang: Lang, th: &Theme, notes: bool) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut meta = vec![card.organisation.get(lang).to_string()];
    if let Some(c) = &card.country {
        meta.push(c.get(lang).to_string());
    }
    if let Some(y) = card.year {
        meta.push(y.to_string());
    }
    out.push(Line::from(Span::styled(meta.join(" · "), th.muted())));
    out.push(Line::default());
    for para in card.story.get(lang).split("\n\n") {
        out.push(Line::from(Span::styled(para.replace('\n', " "), th.text())));
        out.push(Line::default());
    }
    // Where the story stops: the moment the team now stands at.
    if let Some(point) = &card.decision_point {
        heading(&mut out, Label::DecisionPoint.get(lang), th);
        out.push(Line::from(Span::styled(
            format!(
                "{}: {}",
                prose_date(&point.date, lang),
                point.moment.get(lang)
            ),
            th.text(),
        )));
        out.push(Line::default());
    }
    heading(&mut out, Label::DataPractice.get(lang), th);
    out.push(Line::from(Span::styled(
        card.practice.get(lang).to_string(),
        th.text(),
    )));
    out.push(Line::default());
    heading(&mut out, T::DataInvolved.get(lang), th);
    for c in &card.data_categories {
        out.push(Line::from(Span::styled(
            format!("• {}", c.get(lang)),
            th.text(),
        )));
    }
    // What came after the decision point waits for the reveal.
    let facts = fact_lines(card, FactPart::Story, lang, th);
    if !facts.is_empty() {
        out.push(Line::default());
        heading(&mut out, Label::Facts.get(lang), th);
        out.extend(facts);
    }
    if notes {
        out.push(Line::default());
        heading(&mut out, Label::FacilitatorNotes.get(lang), th);
        out.push(Line::from(Span::styled(
            card.facilitator_notes.get(lang).to_string(),
            th.muted(),
        )));
    }
    out
}

/// The facts of one part of the card, each with its source beneath.
pub fn fact_lines(card: &Card, part: FactPart, lang: Lang, th: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for fact in card.facts_in(part) {
        let mut text = format!("• {}", fact.text.get(lang));
        if fact.disputed {
            text.push_str(&format!(" ({})", Label::Disputed.get(lang)));
        }
        out.push(Line::from(Span::styled(text, th.text())));
        let s = &fact.source;
        let mut src = format!("  — {}, {}", s.publisher, s.date);
        if let Some(t) = &s.title {
            src.push_str(&format!(", “{t}”"));
        }
        if let Some(u) = &s.url {
            src.push_str(&format!(" {u}"));
        }
        out.push(Line::from(Span::styled(src, th.muted())));
    }
    out
}

pub fn heading(out: &mut Vec<Line<'static>>, text: &str, th: &Theme) {
    out.push(Line::from(Span::styled(text.to_string(), th.heading())));
}
