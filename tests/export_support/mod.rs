//! Fixtures shared by the export and policy tests: a small deck, framework
//! and principle library of their own, so the tests do not lean on the
//! built-in content; the built-in content where a test wants it; and a
//! Word file read back as text.

#![allow(dead_code)]

use std::path::PathBuf;

use datakompas::domain::{Deck, Framework, Lang, PrincipleLibrary, Session};
use datakompas::export::ExportInput;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions")
        .join(name)
}

fn load<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let text = std::fs::read_to_string(fixture_path(name)).expect("fixture exists");
    serde_json::from_str(&text).expect("fixture parses")
}

/// Everything an export needs, owned.
pub struct Fixture {
    pub session: Session,
    pub deck: Deck,
    pub framework: Framework,
    pub library: PrincipleLibrary,
}

impl Fixture {
    /// The workshop fixture: six cards, five decided.
    pub fn workshop() -> Fixture {
        Fixture {
            session: load("workshop.json"),
            deck: load("deck.json"),
            framework: load("framework.json"),
            library: load("principles.json"),
        }
    }

    /// `session` with the built-in deck, framework and principles.
    pub fn builtin(session: Session) -> Fixture {
        Fixture {
            session,
            deck: datakompas::deck::builtin(),
            framework: datakompas::deck::framework(),
            library: datakompas::deck::principles(),
        }
    }

    pub fn input(&self, lang: Lang) -> ExportInput<'_> {
        ExportInput {
            session: &self.session,
            deck: &self.deck,
            framework: &self.framework,
            library: &self.library,
            lang,
        }
    }

    /// The decision on a card, to change it in a test.
    pub fn decision(&mut self, card: &str) -> &mut datakompas::domain::Decision {
        &mut self
            .session
            .cards
            .iter_mut()
            .find(|c| c.card == card)
            .expect("card in session")
            .decision
    }

    /// The follow-up filled in: the organisation, an owner (Legal) and a
    /// review date for `area`, and one next step.
    pub fn follow_up(&mut self, organisation: &str, area: &str) {
        let follow_up = &mut self.session.follow_up;
        follow_up.organisation = organisation.into();
        let o = follow_up.owner_mut(area);
        o.owner = "Legal".into();
        o.review = "2027-03-01".into();
        follow_up.next_steps.push(datakompas::domain::NextStep {
            what: "Set retention periods".into(),
            who: "Ann".into(),
            by: "2027-01-15".into(),
        });
    }

    /// A card of the deck, to change it in a test.
    pub fn card_mut(&mut self, id: &str) -> &mut datakompas::domain::Card {
        self.deck
            .cards
            .iter_mut()
            .find(|c| c.id == id)
            .expect("card in deck")
    }

    /// Every text a user or deck author typed, replaced by `f(old)`.
    pub fn map_user_text(&mut self, f: &dyn Fn(&str) -> String) {
        let s = &mut self.session;
        s.title = f(&s.title);
        for p in &mut s.participants {
            p.name = f(&p.name);
        }
        for p in &mut s.principles {
            if let datakompas::domain::ChosenPrinciple::Custom { name, meaning, .. } = p {
                *name = f(name);
                *meaning = f(meaning);
            }
        }
        for c in &mut s.cards {
            c.decision.rationale = f(&c.decision.rationale);
        }
        for card in &mut self.deck.cards {
            for t in [
                &mut card.title,
                &mut card.organisation,
                &mut card.practice,
                &mut card.red_line,
            ] {
                t.en = f(&t.en);
                t.nl = f(&t.nl);
            }
            if let Some(o) = &mut card.outcome {
                o.en = f(&o.en);
                o.nl = f(&o.nl);
            }
            for o in &mut card.options {
                o.label.en = f(&o.label.en);
                o.description.en = f(&o.description.en);
            }
        }
        for s in &mut self.framework.safeguards {
            s.label.en = f(&s.label.en);
            s.commitment.en = f(&s.commitment.en);
        }
        for p in &mut self.library.principles {
            p.name.en = f(&p.name.en);
            p.meaning.en = f(&p.meaning.en);
        }
    }
}

/// What a hostile user might type: markup, Markdown structure, control
/// bytes, bidirectional overrides, right-to-left text and emoji.
pub const HOSTILE: &str = "# <b>|x|</b> <script>alert(1)</script><img src=x onerror=alert(2)> \
[link](http://evil.example) ![img](http://evil.example/x.png) *em* _u_ `code` ~~s~~ &amp; &lt; \
\u{0}\u{7}\u{1b}[31m \u{202E}evil\u{202C} שלום עליכם مرحبا 👩‍👩‍👧 🎉\n\
# heading\n- item\n1. one\n> quote\n    code\n---\n===\n| a | b |\n|---|---|\n<div>block</div>\n```\nfence\n```\n\
<http://auto.example> \\";

/// Makes every user text hostile; one rationale becomes 100 KB long.
pub fn hostile(fixture: &mut Fixture) {
    fixture.map_user_text(&|old| format!("{HOSTILE} {old} {HOSTILE}"));
    let long = format!("{HOSTILE}\n").repeat(100_000 / HOSTILE.len() + 1);
    fixture.session.cards[0].decision.rationale = long;
}

/// Harmless text with the same lines as [`HOSTILE`], so a safe export of
/// either has the same structure.
pub fn benign_text() -> String {
    HOSTILE
        .split('\n')
        .map(|_| "plain words")
        .collect::<Vec<_>>()
        .join("\n")
}

/// The same substitution as [`hostile`] with harmless text.
pub fn benign(fixture: &mut Fixture) {
    let text = benign_text();
    fixture.map_user_text(&|old| format!("{text} {old} {text}"));
    let long = format!("{text}\n").repeat(100_000 / HOSTILE.len() + 1);
    fixture.session.cards[0].decision.rationale = long;
}

/// The text of a Word file's top-level paragraphs, one an entry.
pub fn word_paragraphs(docx: &[u8]) -> Vec<String> {
    let doc = docx_rs::read_docx(docx).expect("a Word file a reader opens");
    doc.document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect()
}

/// The text of a Word file as a reader sees it: each paragraph and each
/// paragraph in a table cell, one a line.
pub fn word_text(docx: &[u8]) -> String {
    use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
    let doc = docx_rs::read_docx(docx).expect("a Word file a reader opens");
    let mut lines = Vec::new();
    for child in &doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => lines.push(p.raw_text()),
            DocumentChild::Table(t) => {
                for TableChild::TableRow(row) in &t.rows {
                    for TableRowChild::TableCell(c) in &row.cells {
                        for content in &c.children {
                            if let TableCellContent::Paragraph(p) = content {
                                lines.push(p.raw_text());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    lines.join("\n")
}
