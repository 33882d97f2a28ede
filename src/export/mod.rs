//! Session notes and the policy draft as Markdown, HTML and JSON: pure
//! functions of the session, its deck and the language.

use crate::domain::{Deck, Framework, Lang, PrincipleLibrary, Session};

mod charts;
mod docx;
mod html;
mod json;
mod markdown;
mod md_escape;
mod notes;
mod policy_words;
mod wording;

pub use md_escape::{clean, escape_block, escape_inline, escape_inline_after};
pub use notes::{CardNote, DecisionNote, PrincipleMark, SessionNotes};
pub use policy_words::{also_red_line, draft_notice, no_principles, owner_line};
pub use wording::tension_parts;
pub use wording::{
    agreed_parts, agreed_sentence, conflict_item, contradiction_head, contradiction_sentence,
    hidden_line, note_vote_line, session_time_line, time_line, vote_counts, vote_line,
};

/// The JSON export's `format` field.
pub const EXPORT_FORMAT: &str = "datakompas-export";
/// The JSON export's `version` field.
pub const EXPORT_VERSION: u32 = 1;

/// Everything an export is made from.
#[derive(Debug, Clone, Copy)]
pub struct ExportInput<'a> {
    pub session: &'a Session,
    /// The deck the session was played with (its embedded copy, or the built-in).
    pub deck: &'a Deck,
    pub framework: &'a Framework,
    pub library: &'a PrincipleLibrary,
    /// The language of everything the export says.
    pub lang: Lang,
}

impl ExportInput<'_> {
    /// The draft data policy these inputs give.
    pub fn policy(&self) -> crate::domain::PolicyDraft {
        crate::domain::policy::draft(
            self.session,
            self.deck,
            self.framework,
            self.library,
            self.lang,
        )
    }
}

/// Which of the two documents an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parts {
    /// Session notes, then the policy draft.
    #[default]
    Both,
    PolicyOnly,
    NotesOnly,
}

impl Parts {
    pub fn notes(self) -> bool {
        self != Parts::PolicyOnly
    }

    pub fn policy(self) -> bool {
        self != Parts::NotesOnly
    }
}

/// CommonMark, for a wiki or a mail. User text stays text.
pub fn markdown(input: &ExportInput, parts: Parts) -> String {
    markdown::render(input, parts)
}

/// One self-contained HTML file with inline CSS and SVG charts; prints on A4.
pub fn html(input: &ExportInput, parts: Parts) -> String {
    html::render(input, parts)
}

/// A Word document (.docx) of the same, for review with tracked changes.
pub fn docx(input: &ExportInput, parts: Parts) -> Result<Vec<u8>, String> {
    docx::render(input, parts)
}

/// The session and the derived draft, for other tools. See the README.
pub fn json(input: &ExportInput, parts: Parts) -> String {
    json::render(input, parts)
}
