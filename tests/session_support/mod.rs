//! Sessions on the built-in deck, for the tests that play its real cards.

#![allow(dead_code)] // each test file uses the part it needs

use datakompas::domain::session::DeckRef;
use datakompas::domain::{Lang, Mode, Session};
use jiff::Timestamp;

/// A new session on the built-in deck (not embedded), started `at`, with no
/// participants, principles or cards yet.
pub fn on_builtin_deck(id: &str, title: &str, mode: Mode, lang: Lang, at: Timestamp) -> Session {
    let deck = datakompas::deck::builtin();
    Session::new(
        id.into(),
        title.into(),
        mode,
        lang,
        DeckRef {
            id: deck.id,
            version: deck.version,
            embedded: None,
        },
        at,
    )
}

/// "Brand team Q4": a team session of Ann, Bo and Cem (p1 to p3) on the
/// built-in deck, started at the epoch, with no cards yet.
pub fn brand_team(lang: Lang) -> Session {
    let mut s = on_builtin_deck(
        "s",
        "Brand team Q4",
        Mode::Team,
        lang,
        Timestamp::UNIX_EPOCH,
    );
    s.participants = Session::named_participants(&["Ann", "Bo", "Cem"]);
    s
}
