//! What the card stages read while they draw: the screens' [`Look`], the
//! card on screen, the card loop's view, and how the terminal is used.

use crate::domain::{Card, CardProgress, ChosenPrinciple, Lang};
use crate::i18n::tui::T;
use crate::tui::screens::context::{Look, Open};
use crate::tui::theme::Theme;

use super::CardView;

/// Presentation mode shows the card title in large letters from this many
/// terminal rows; below it the title stays on one line.
pub const BIG_TITLE_ROWS: u16 = 30;

/// How the terminal is used right now, for what the card loop draws
/// around a stage.
#[derive(Debug, Clone, Copy, Default)]
pub struct Desk {
    /// Presentation mode: on a projector.
    pub presentation: bool,
    /// With the room open, the terminal is the facilitator's console.
    pub console: bool,
    /// The facilitator's notes are asked for and may show here.
    pub notes: bool,
    /// The room is open: participants may vote by phone.
    pub room: bool,
    /// The terminal's columns and rows, as last drawn.
    pub size: (u16, u16),
}

/// A stage's drawing context: the card being played and all it reads.
#[derive(Clone, Copy)]
pub struct CardLook<'a> {
    pub look: Look<'a>,
    pub open: Open<'a>,
    pub view: &'a CardView,
    pub desk: Desk,
    pub progress: &'a CardProgress,
    pub card: &'a Card,
}

impl CardLook<'_> {
    pub fn lang(&self) -> Lang {
        self.look.lang
    }

    pub fn theme(&self) -> Theme {
        self.look.theme
    }

    /// The team's wording, or the one for a self-assessment.
    pub fn says(&self, team: T, solo: T) -> T {
        self.open.says(team, solo)
    }

    pub fn principle_name(&self, p: &ChosenPrinciple) -> String {
        super::decide::principle_name(&self.look, p)
    }

    /// A safeguard's label from the framework; its id when unknown.
    pub fn safeguard_label(&self, id: &str) -> String {
        self.look
            .content
            .framework
            .safeguard(id)
            .map_or(id.to_string(), |s| s.label.get(self.lang()).to_string())
    }

    /// Whether this participant votes by phone, while the room is open.
    pub fn has_phone(&self, participant: &str) -> bool {
        self.desk.room && self.open.session.room_members.is_taken(participant)
    }
}
