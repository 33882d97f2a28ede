//! What a click points at, named by its meaning on the screen that drew it.

/// The thing under a click. A screen draws its own kinds and acts only on
/// those: the click carries the row it was drawn for, not a number the
/// screen must decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A principle of the principles list, by its row: the library's
    /// principles first, then the team's own.
    Principle(usize),
    /// A row of the owners-and-next-steps list, in the order it is drawn.
    FollowUpRow(usize),
    /// A card of the deck being browsed, by its place in the deck.
    DeckCard(usize),
    /// An item of the home screen's menu, by its place in the menu.
    HomeMenu(usize),
    /// A saved session on the home screen, by its place in the list.
    SavedSession(usize),
    /// A card of the setup's card list, by its place in playing order.
    SetupCard(usize),
    /// A card of the overview's table, by its place in the session.
    OverviewCard(usize),
    /// A part of the decide stage and one of its rows, in the order drawn;
    /// without a row the click only moves the focus to the part.
    Decide {
        part: DecidePart,
        row: Option<usize>,
    },
    /// A participant in the gut check's voter list, by place in the session.
    Voter(usize),
}

/// The four parts of the decide stage, in Tab order. Defined here, beside
/// the click that names them, so targets need nothing from the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecidePart {
    #[default]
    Options,
    Safeguards,
    Principles,
    Rationale,
}
