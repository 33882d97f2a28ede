//! What the app asks the loop to do, and what a screen asks the app to do.
//! A leaf module, so screens can return effects without knowing the `App`.

use crate::domain::{Mode, Session};

use super::keymap::{Action, ExportKind};

/// What the loop must do for the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Save,
    /// Store a new session; the loop gives it a fresh id first.
    Create(Box<Session>),
    Open {
        key: String,
        read_only: bool,
    },
    /// Put the newest good backup of a broken session in its place and open it.
    RestoreBackup(String),
    /// Reload the saved-sessions list.
    Refresh,
    Export(ExportKind),
    /// Let go of the open session (its lock).
    Close(String),
    Quit,
    /// Open the room, or move it to another address.
    OpenRoom {
        bind: Option<std::net::IpAddr>,
    },
    /// Stop the room server; the phones are told.
    CloseRoom,
    /// Let the phone holding this participant's slot go.
    FreeSlot(String),
    /// A screen asks to leave for another. The app carries this out as the
    /// screen returns it (`route::act`), so it never reaches the loop.
    Go(Goto),
    /// A screen's own item stands for an app-wide action (the home menu's
    /// language switch); the app carries it out as if it were pressed.
    App(Action),
}

/// Where a screen sends the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goto {
    /// The home screen, with no session open.
    Home,
    /// The card loop of the open session; what is unsaved is saved first.
    Card,
    /// Leave the open session for the home screen, saving first.
    LeaveSession,
    /// Close the dialog over the screen (owners and next steps over the end).
    CloseDialog,
    /// The card loop at this card of the session, on its story.
    CardAt(usize),
    /// The setup of a new session of this kind.
    Setup(Mode),
    /// The overview of the open session's cards, its cursor on this one;
    /// what is unsaved is saved first.
    Overview(usize),
    /// The open session's brand principles, from the card loop; what is
    /// unsaved is saved first.
    Principles,
    /// Browsing the deck.
    Browse,
    /// The end of the open session; what is unsaved is saved first.
    End,
    /// Leave the app, saving first.
    Quit,
}
