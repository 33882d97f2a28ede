//! A comparison for the terminal: who is who, an aligned table in rank
//! order, then the suggested agenda with one line of why per card.

use unicode_width::UnicodeWidthStr;

use super::wording::{cell, marks, person_kind, scale, vote, why};
use crate::commands::table::columns;
use crate::deck::wrap;
use crate::domain::Lang;
use crate::domain::compare::Comparison;
use crate::domain::text::ellipsize;
use crate::i18n::compare::CompareMsg as M;

/// The widest a card title or a person's column heading gets in the table.
const TITLE_WIDTH: usize = 34;
const LABEL_WIDTH: usize = 14;
/// The agenda's lines of why are wrapped to this, as `deck show` wraps cards.
const TEXT_WIDTH: usize = 80;

/// User text as one line without control characters.
fn plain(text: &str) -> String {
    crate::domain::text::clean(text, false)
}

/// A legend of ` · `-separated items, wrapped between items only, so no
/// "x = y" is torn apart.
fn wrap_items(legend: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for item in legend.split(" · ") {
        match lines.last_mut() {
            Some(line) if line.width() + 3 + item.width() <= width => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(item.to_string()),
        }
    }
    lines.join("\n")
}

pub fn render(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let n = c.people.len().to_string();
    out.push_str(&M::Title.fill(lang, &[("n", &n)]));
    out.push('\n');
    out.push_str(&wrap(&scale(lang), TEXT_WIDTH, ""));
    out.push_str("\n\n");
    who(&mut out, c, lang);
    table(&mut out, c, lang);
    agenda(&mut out, c, lang);
    if !c.not_compared.is_empty() {
        let list: Vec<String> = c.not_compared.iter().map(|n| plain(&n.title)).collect();
        out.push('\n');
        let line = M::NotCompared.fill(lang, &[("list", &list.join(", "))]);
        out.push_str(&wrap(&line, TEXT_WIDTH, ""));
        out.push('\n');
    }
    out
}

/// Who is who: each person's label, kind of session and session id.
fn who(out: &mut String, c: &Comparison, lang: Lang) {
    out.push_str(M::Who.get(lang));
    out.push('\n');
    let who: Vec<Vec<String>> = c
        .people
        .iter()
        .map(|p| {
            vec![
                format!("  {}", plain(&p.label)),
                person_kind(p, lang),
                plain(&p.session_id),
            ]
        })
        .collect();
    out.push_str(&columns(&who));
    if c.decks_differ {
        out.push_str(&wrap(M::DecksDiffer.get(lang), TEXT_WIDTH, ""));
        out.push('\n');
    }
    out.push('\n');
}

/// The cards in rank order, a column per person, then the legends.
fn table(out: &mut String, c: &Comparison, lang: Lang) {
    out.push_str(M::CardByCard.get(lang));
    out.push('\n');
    let mut rows = vec![
        std::iter::once("#".to_string())
            .chain(std::iter::once(M::ColCard.get(lang).to_string()))
            .chain(
                c.people
                    .iter()
                    .map(|p| ellipsize(&plain(&p.label), LABEL_WIDTH)),
            )
            .chain([
                M::ColSpread.get(lang).to_string(),
                M::ColDifferences.get(lang).to_string(),
            ])
            .collect::<Vec<_>>(),
    ];
    for (i, card) in c.cards.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            ellipsize(&plain(&card.card.title), TITLE_WIDTH),
        ];
        row.extend(card.answers.iter().map(|a| cell(a.as_ref(), lang)));
        row.push(vote(card.spread_tenths, lang));
        row.push(marks(card, lang));
        rows.push(row);
    }
    out.push_str(&columns(&rows));
    out.push('\n');
    out.push_str(&wrap_items(M::LegendStances.get(lang), TEXT_WIDTH));
    out.push('\n');
    out.push_str(&wrap_items(M::LegendMarks.get(lang), TEXT_WIDTH));
    out.push_str("\n\n");
}

/// The suggested agenda: each group's cards with one line of why.
fn agenda(out: &mut String, c: &Comparison, lang: Lang) {
    let esc = |s: &str| plain(s);
    out.push_str(M::Agenda.get(lang));
    out.push('\n');
    let agenda = c.agenda();
    let sections = [
        (M::Discuss, &agenda.discuss),
        (M::IfTime, &agenda.if_time),
        (M::Confirm, &agenda.confirm),
    ];
    if agenda.discuss.is_empty() {
        out.push_str(&format!("  {}\n", M::NothingToDiscuss.get(lang)));
    }
    for (heading, cards) in sections {
        if cards.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", heading.get(lang)));
        for &i in cards {
            let card = &c.cards[i];
            out.push_str(&format!("{:>3}. {}\n", i + 1, plain(&card.card.title)));
            out.push_str(&wrap(&why(c, card, lang, &esc), TEXT_WIDTH, "     "));
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legends_wrap_between_items() {
        assert_eq!(
            wrap_items("a = 1 · b = 2 · c = 3", 13),
            "a = 1 · b = 2\nc = 3"
        );
        assert_eq!(wrap_items("a = 1", 2), "a = 1");
    }
}
