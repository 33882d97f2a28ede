//! What a screen is given besides its own view state: a narrow view of the
//! app ([`Look`] to draw, [`Ctx`] to act) instead of the whole `App`, so a
//! screen can change only its own state and the open session, and a reader
//! sees at a glance what a screen depends on.

use ratatui::layout::Rect;

use crate::domain::session::Position;
use crate::domain::{ChosenPrinciple, Deck, Framework, Lang, Mode, PrincipleLibrary, Session};
use crate::i18n::tui::T;
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

/// A region of the last drawn frame that answers a click.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub area: Rect,
    pub action: Action,
}

/// The content the app was started with.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    pub deck: &'a Deck,
    pub library: &'a PrincipleLibrary,
    pub framework: &'a Framework,
}

impl Content<'_> {
    /// A chosen principle's name: the library's, in `lang`, or the team's own.
    pub fn principle_name(&self, p: &ChosenPrinciple, lang: Lang) -> String {
        p.name(self.library, lang)
    }
}

/// The open session, to read.
#[derive(Debug, Clone, Copy)]
pub struct Open<'a> {
    pub session: &'a Session,
    /// The deck the session plays (its own copy, or the built-in one).
    pub deck: &'a Deck,
    pub read_only: bool,
}

impl Open<'_> {
    /// A self-assessment: one person, spoken to as "you" alone.
    pub fn solo(&self) -> bool {
        self.session.mode == Mode::Solo
    }

    /// The team's wording, or the one for a self-assessment.
    pub fn says(&self, team: T, solo: T) -> T {
        if self.session.mode == Mode::Solo {
            solo
        } else {
            team
        }
    }
}

/// What a screen reads while it draws.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub content: Content<'a>,
    pub open: Option<Open<'a>>,
}

impl<'a> Look<'a> {
    /// What an export of the open session is made from: the one place the
    /// app builds it, for the file, the policy preview and the follow-up.
    pub fn export_input(&self) -> Option<crate::export::ExportInput<'a>> {
        let open = self.open?;
        Some(crate::export::ExportInput {
            session: open.session,
            deck: open.deck,
            framework: self.content.framework,
            library: self.content.library,
            lang: self.lang,
        })
    }
}

/// What a screen may read and change while it handles an action: the open
/// session, and the one-off notice under the screen. Anything else it
/// needs done (save, export, another screen) it returns as an `Effect`.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub content: Content<'a>,
    session: Option<&'a mut Session>,
    deck: Option<&'a Deck>,
    read_only: bool,
    said: Said,
}

/// What a screen's action left for the app to carry out.
#[derive(Debug, Default)]
pub struct Said {
    /// The one-off message for under the screen, when there is one.
    pub notice: Option<String>,
    /// The open session changed: a save follows shortly.
    pub changed: bool,
}

impl<'a> Ctx<'a> {
    /// `open` is the open session, its deck, and whether it is read-only.
    pub fn new(
        lang: Lang,
        theme: Theme,
        content: Content<'a>,
        open: Option<(&'a mut Session, &'a Deck, bool)>,
    ) -> Ctx<'a> {
        let (session, deck, read_only) = match open {
            Some((s, d, r)) => (Some(s), Some(d), r),
            None => (None, None, false),
        };
        Ctx {
            lang,
            theme,
            content,
            session,
            deck,
            read_only,
            said: Said::default(),
        }
    }

    /// The same as a screen sees it while drawing.
    pub fn look(&self) -> Look<'_> {
        Look {
            lang: self.lang,
            theme: self.theme,
            content: self.content,
            open: self.open(),
        }
    }

    pub fn open(&self) -> Option<Open<'_>> {
        Some(Open {
            session: self.session.as_deref()?,
            deck: self.deck?,
            read_only: self.read_only,
        })
    }

    /// Whether the open session may be changed; says why not when it may not.
    pub fn editable(&mut self) -> bool {
        if self.read_only {
            self.say(T::ReadOnlyNoEdit.get(self.lang));
            return false;
        }
        self.session.is_some()
    }

    /// The open session to change, unless it is read-only. Call
    /// [`Ctx::changed`] once it has changed.
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        if self.read_only {
            return None;
        }
        self.session.as_deref_mut()
    }

    /// Where the open session stands. Moving between cards and stages is
    /// looking, not editing, so a read-only session may move too.
    pub fn position_mut(&mut self) -> Option<&mut Position> {
        self.session.as_deref_mut().map(|s| &mut s.position)
    }

    /// Records that the open session changed.
    pub fn changed(&mut self) {
        self.said.changed = true;
    }

    /// A one-off message under the screen.
    pub fn say(&mut self, text: impl Into<String>) {
        self.said.notice = Some(text.into());
    }

    /// What the app must take over once the screen is done.
    pub fn finish(self) -> Said {
        self.said
    }
}
