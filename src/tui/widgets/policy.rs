//! The draft data policy as lines for the end-of-session preview. The
//! draft itself comes from the domain; the wording is the export's, so the
//! preview reads like the file it previews.

use ratatui::text::{Line, Span};

use crate::domain::Lang;
use crate::domain::policy::{AreaSection, CardRef, PolicyDraft, PrincipleRef};
use crate::export::{
    agreed_sentence, also_red_line, contradiction_sentence, owner_line, tension_parts, vote_line,
};
use crate::i18n::export::ExportMsg as M;
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

/// The preview's lines as they are built: headings, items and the notes
/// under them, each in its theme style.
struct Preview<'a> {
    out: Vec<Line<'static>>,
    th: &'a Theme,
}

impl Preview<'_> {
    fn head(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push(Line::default());
        }
        self.out.push(Line::from(Span::styled(
            text.to_string(),
            self.th.heading(),
        )));
    }

    fn item(&mut self, text: String) {
        self.out.push(Line::from(Span::styled(
            format!("• {text}"),
            self.th.text(),
        )));
    }

    // Wrapping trims leading spaces, so sub-lines carry a visible mark.
    fn note(&mut self, text: String) {
        self.out.push(Line::from(Span::styled(
            format!("↳ {text}"),
            self.th.muted(),
        )));
    }
}

pub fn lines(d: &PolicyDraft, lang: Lang, th: &Theme) -> Vec<Line<'static>> {
    let mut p = Preview {
        out: Vec::new(),
        th,
    };
    p.out.push(Line::from(Span::styled(
        M::DraftLabel.get(lang).to_string(),
        th.notice(),
    )));
    principles(&mut p, d, lang);
    for area in d.areas.iter().filter(|a| !a.is_empty()) {
        area_lines(&mut p, area, lang);
    }
    red_lines(&mut p, d, lang);
    open_questions(&mut p, d, lang);
    next_steps(&mut p, d, lang);
    p.out
}

fn principles(p: &mut Preview, d: &PolicyDraft, lang: Lang) {
    p.head(M::OurPrinciples.get(lang));
    if d.principles.is_empty() {
        p.note(crate::export::no_principles(d).get(lang).into());
    }
    for pr in &d.principles {
        let own = if pr.custom {
            format!(" ({})", M::CustomPrinciple.get(lang))
        } else {
            String::new()
        };
        p.item(format!("{}{own} — {}", pr.name, pr.meaning));
    }
}

fn area_lines(p: &mut Preview, area: &AreaSection, lang: Lang) {
    p.head(&area.title);
    p.out.push(Line::from(Span::styled(
        owner_line(area, lang),
        p.th.muted(),
    )));
    for c in &area.commitments {
        p.item(c.text.clone());
        if let Some(also) = also_red_line(c, lang) {
            p.note(also);
        }
        p.note(format!("{}: {}", M::FromCards.get(lang), cards(&c.cards)));
        if !c.principles.is_empty() {
            p.note(format!(
                "{}: {}",
                M::Upholding.get(lang),
                names(&c.principles, lang)
            ));
        }
    }
    for a in &area.agreed {
        p.item(agreed_sentence(a, lang));
        p.note(format!("{}: {}", M::FromCards.get(lang), a.card.title));
    }
    for r in &area.red_lines {
        p.item(format!("{}: {}", M::RedLinesHere.get(lang), r.text));
    }
    for g in &area.gdpr {
        p.note(format!(
            "{} {} — {}",
            M::GdprRefs.get(lang),
            g.article,
            g.summary
        ));
    }
}

fn red_lines(p: &mut Preview, d: &PolicyDraft, lang: Lang) {
    p.head(M::RedLines.get(lang));
    if d.red_lines.is_empty() {
        p.note(M::NoRedLines.get(lang).into());
    }
    for r in &d.red_lines {
        p.item(r.text.clone());
        p.note(format!("{}: {}", M::FromCards.get(lang), r.card.title));
    }
}

fn open_questions(p: &mut Preview, d: &PolicyDraft, lang: Lang) {
    let q = &d.open_questions;
    p.head(M::OpenQuestions.get(lang));
    if q.is_empty() {
        p.note(M::NoOpenQuestions.get(lang).into());
    }
    if !q.undecided.is_empty() {
        let undecided: Vec<CardRef> = q.undecided.iter().map(|u| u.card.clone()).collect();
        p.item(format!("{}: {}", M::Undecided.get(lang), cards(&undecided)));
    }
    for s in &q.split_votes {
        p.item(format!(
            "{} — {}: {}",
            s.card.title,
            M::SplitMark.get(lang),
            vote_line(&s.votes, lang)
        ));
    }
    for t in &q.tensions {
        p.item(format!("{}: {}", t.card.title, tension_parts(t, lang)));
    }
    for b in &q.butcher {
        p.item(format!(
            "{}: {}",
            b.card.title,
            crate::i18n::butcher::fail_detail(b, lang)
        ));
    }
    for c in &q.contradictions {
        p.item(contradiction_sentence(c, lang));
    }
}

fn next_steps(p: &mut Preview, d: &PolicyDraft, lang: Lang) {
    p.head(M::NextSteps.get(lang));
    if d.next_steps.is_empty() {
        p.note(M::NoNextSteps.get(lang).into());
    }
    for s in &d.next_steps {
        let mut line = s.what.clone();
        for (label, value) in [(M::StepWho, &s.who), (M::StepBy, &s.by)] {
            if !value.is_empty() {
                line = format!("{line} — {}: {value}", label.get(lang));
            }
        }
        p.item(line);
    }
}
