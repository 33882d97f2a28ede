//! The draft data policy as lines for the end-of-session preview. The
//! draft itself comes from the domain; the wording is the export's, so the
//! preview reads like the file it previews.

use ratatui::text::{Line, Span};

use crate::domain::Lang;
use crate::domain::policy::{CardRef, PolicyDraft, PrincipleRef};
use crate::export::{
    agreed_sentence, also_red_line, contradiction_sentence, owner_line, vote_line,
};
use crate::i18n::export::ExportMsg as M;
use crate::i18n::fill;
use crate::i18n::format::join_names;
use crate::tui::theme::Theme;

fn cards(refs: &[CardRef]) -> String {
    refs.iter()
        .map(|c| c.title.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn names(refs: &[PrincipleRef], lang: Lang) -> String {
    join_names(
        &refs.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        lang,
    )
}

pub fn lines(d: &PolicyDraft, lang: Lang, th: &Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let head = |out: &mut Vec<Line<'static>>, text: &str| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(text.to_string(), th.heading())));
    };
    let item = |text: String| Line::from(Span::styled(format!("• {text}"), th.text()));
    // Wrapping trims leading spaces, so sub-lines carry a visible mark.
    let note = |text: String| Line::from(Span::styled(format!("↳ {text}"), th.muted()));

    out.push(Line::from(Span::styled(
        M::DraftLabel.get(lang).to_string(),
        th.notice(),
    )));

    head(&mut out, M::OurPrinciples.get(lang));
    if d.principles.is_empty() {
        out.push(note(crate::export::no_principles(d).get(lang).into()));
    }
    for p in &d.principles {
        let own = if p.custom {
            format!(" ({})", M::CustomPrinciple.get(lang))
        } else {
            String::new()
        };
        out.push(item(format!("{}{own} — {}", p.name, p.meaning)));
    }

    for area in d.areas.iter().filter(|a| !a.is_empty()) {
        head(&mut out, &area.title);
        out.push(Line::from(Span::styled(owner_line(area, lang), th.muted())));
        for c in &area.commitments {
            out.push(item(c.text.clone()));
            if let Some(also) = also_red_line(c, lang) {
                out.push(note(also));
            }
            out.push(note(format!(
                "{}: {}",
                M::FromCards.get(lang),
                cards(&c.cards)
            )));
            if !c.principles.is_empty() {
                out.push(note(format!(
                    "{}: {}",
                    M::Upholding.get(lang),
                    names(&c.principles, lang)
                )));
            }
        }
        for a in &area.agreed {
            out.push(item(agreed_sentence(a, lang)));
            out.push(note(format!(
                "{}: {}",
                M::FromCards.get(lang),
                a.card.title
            )));
        }
        for r in &area.red_lines {
            out.push(item(format!("{}: {}", M::RedLinesHere.get(lang), r.text)));
        }
        for g in &area.gdpr {
            out.push(note(format!(
                "{} {} — {}",
                M::GdprRefs.get(lang),
                g.article,
                g.summary
            )));
        }
    }

    head(&mut out, M::RedLines.get(lang));
    if d.red_lines.is_empty() {
        out.push(note(M::NoRedLines.get(lang).into()));
    }
    for r in &d.red_lines {
        out.push(item(r.text.clone()));
        out.push(note(format!(
            "{}: {}",
            M::FromCards.get(lang),
            r.card.title
        )));
    }

    let q = &d.open_questions;
    head(&mut out, M::OpenQuestions.get(lang));
    if q.is_empty() {
        out.push(note(M::NoOpenQuestions.get(lang).into()));
    }
    if !q.undecided.is_empty() {
        out.push(item(format!(
            "{}: {}",
            M::Undecided.get(lang),
            cards(
                &q.undecided
                    .iter()
                    .map(|u| u.card.clone())
                    .collect::<Vec<_>>()
            )
        )));
    }
    for s in &q.split_votes {
        out.push(item(format!(
            "{} — {}: {}",
            s.card.title,
            M::SplitMark.get(lang),
            vote_line(&s.votes, lang)
        )));
    }
    for t in &q.tensions {
        let mut parts = Vec::new();
        if !t.tension.is_empty() {
            parts.push(fill(
                M::TensionWith.get(lang),
                &[("list", &names(&t.tension, lang))],
            ));
        }
        if !t.violates.is_empty() {
            parts.push(fill(
                M::ViolatesList.get(lang),
                &[("list", &names(&t.violates, lang))],
            ));
        }
        if !t.not_judged.is_empty() {
            parts.push(fill(
                M::NotJudgedList.get(lang),
                &[("list", &names(&t.not_judged, lang))],
            ));
        }
        out.push(item(format!("{}: {}", t.card.title, parts.join("; "))));
    }
    for b in &q.butcher {
        out.push(item(format!(
            "{}: {}",
            b.card.title,
            crate::i18n::butcher::fail_detail(b, lang)
        )));
    }
    for c in &q.contradictions {
        out.push(item(contradiction_sentence(c, lang)));
    }

    head(&mut out, M::NextSteps.get(lang));
    if d.next_steps.is_empty() {
        out.push(note(M::NoNextSteps.get(lang).into()));
    }
    for s in &d.next_steps {
        let mut line = s.what.clone();
        for (label, value) in [(M::StepWho, &s.who), (M::StepBy, &s.by)] {
            if !value.is_empty() {
                line = format!("{line} — {}: {value}", label.get(lang));
            }
        }
        out.push(item(line));
    }
    out
}
