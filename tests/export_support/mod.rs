//! Fixtures shared by the export and policy tests: a small deck, framework
//! and principle library of their own, so the tests do not lean on the
//! built-in content.

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
