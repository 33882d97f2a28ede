//! A comparison as Markdown to paste into a wiki: the same parts as the
//! terminal text, the table as a pipe table. All user and deck text is
//! escaped, so it stays text (and a `|` cannot break the table).

use super::wording::{cell, marks, person_kind, scale, vote, why};
use crate::domain::Lang;
use crate::domain::compare::Comparison;
use crate::export::escape_inline;
use crate::i18n::compare::CompareMsg as M;

pub fn render(c: &Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let n = c.people.len().to_string();
    out.push_str(&format!("# {}\n\n", M::Title.fill(lang, &[("n", &n)])));
    out.push_str(&format!("{}\n\n", scale(lang)));
    who(&mut out, c, lang);
    table(&mut out, c, lang);
    agenda(&mut out, c, lang);
    if !c.not_compared.is_empty() {
        let list: Vec<String> = c.not_compared.iter().map(|n| esc(&n.title)).collect();
        out.push_str(&format!(
            "\n{}\n",
            M::NotCompared.fill(lang, &[("list", &list.join(", "))])
        ));
    }
    out
}

fn esc(text: &str) -> String {
    escape_inline(text)
}

/// Who is who, as a list.
fn who(out: &mut String, c: &Comparison, lang: Lang) {
    out.push_str(&format!("## {}\n\n", M::Who.get(lang)));
    for p in &c.people {
        out.push_str(&format!(
            "- **{}**: {} ({})\n",
            esc(&p.label),
            person_kind(p, lang),
            esc(&p.session_id)
        ));
    }
    if c.decks_differ {
        out.push_str(&format!("\n{}\n", M::DecksDiffer.get(lang)));
    }
}

/// The cards in rank order as a pipe table, then the legends.
fn table(out: &mut String, c: &Comparison, lang: Lang) {
    out.push_str(&format!("\n## {}\n\n", M::CardByCard.get(lang)));
    let mut head = vec!["#".to_string(), M::ColCard.get(lang).to_string()];
    head.extend(c.people.iter().map(|p| esc(&p.label)));
    head.push(M::ColSpread.get(lang).to_string());
    head.push(M::ColDifferences.get(lang).to_string());
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let mut rule = vec!["---:", "---"];
    rule.extend(c.people.iter().map(|_| "---"));
    rule.extend(["---:", "---"]);
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for (i, card) in c.cards.iter().enumerate() {
        let mut row = vec![(i + 1).to_string(), esc(&card.card.title)];
        row.extend(card.answers.iter().map(|a| cell(a.as_ref(), lang)));
        row.push(vote(card.spread_tenths, lang));
        row.push(marks(card, lang));
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.push_str(&format!(
        "\n{}  \n{}\n",
        M::LegendStances.get(lang),
        M::LegendMarks.get(lang)
    ));
}

/// The suggested agenda as numbered lists under headings.
fn agenda(out: &mut String, c: &Comparison, lang: Lang) {
    out.push_str(&format!("\n## {}\n", M::Agenda.get(lang)));
    let agenda = c.agenda();
    if agenda.discuss.is_empty() {
        out.push_str(&format!("\n{}\n", M::NothingToDiscuss.get(lang)));
    }
    let sections = [
        (M::Discuss, &agenda.discuss),
        (M::IfTime, &agenda.if_time),
        (M::Confirm, &agenda.confirm),
    ];
    for (heading, cards) in sections {
        if cards.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {}\n\n", heading.get(lang)));
        for &i in cards {
            let card = &c.cards[i];
            out.push_str(&format!(
                "{}. **{}**: {}\n",
                i + 1,
                esc(&card.card.title),
                why(c, card, lang, &esc)
            ));
        }
    }
}
