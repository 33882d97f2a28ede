//! The key tables themselves, one per screen. A screen's keys are a list of
//! parts, so rows that several screens share (scrolling) are written once.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, ExportKind, Key, Keys, Shows};
use crate::domain::butcher::ButcherAnswer;
use crate::i18n::tui::T;

/// Shown in the footer and in help.
const fn footer_and_help(keys: &'static [Key], action: Action, label: T) -> Binding {
    Binding {
        keys,
        written: None,
        action,
        label,
        shows: Shows::Everywhere,
    }
}

/// Listed in help only: the footer has no room for everything.
const fn help_only(keys: &'static [Key], action: Action, label: T) -> Binding {
    Binding {
        shows: Shows::HelpOnly,
        ..footer_and_help(keys, action, label)
    }
}

/// A footer summary of several help rows ("↑↓ choose"); it does not act.
const fn footer_summary(written: &'static str, label: T) -> Binding {
    Binding {
        written: Some(written),
        shows: Shows::FooterOnly,
        ..footer_and_help(&[], Action::Help, label)
    }
}

impl Binding {
    /// Written otherwise than by its first key's name.
    const fn written_as(self, written: &'static str) -> Binding {
        Binding {
            written: Some(written),
            ..self
        }
    }
}

use Action as A;
use Key::{Char as C, Code as K};

const UP: &[Key] = &[K(KeyCode::Up), C('k')];
const DOWN: &[Key] = &[K(KeyCode::Down), C('j')];
const ENTER: &[Key] = &[K(KeyCode::Enter)];
const ESC: &[Key] = &[K(KeyCode::Esc)];
const SPACE: &[Key] = &[C(' ')];
const TAB: &[Key] = &[K(KeyCode::Tab)];
const BACKTAB: &[Key] = &[K(KeyCode::BackTab)];
const RIGHT: &[Key] = &[K(KeyCode::Right)];
const LEFT: &[Key] = &[K(KeyCode::Left)];
const F2: &[Key] = &[K(KeyCode::F(2))];
const CTRL_C: &[Key] = &[Key::Ctrl('c')];
/// Backspace as well as `x`: `x` is what the footer and help show.
const CLEAR: &[Key] = &[C('x'), K(KeyCode::Backspace)];

/// Paging through a long text; every screen that scrolls shares these.
const PAGING: &[Binding] = &[
    help_only(&[K(KeyCode::PageUp)], A::PageUp, T::KeyPageUp),
    help_only(&[K(KeyCode::PageDown)], A::PageDown, T::KeyPageDown),
    help_only(&[K(KeyCode::Home)], A::Top, T::KeyTop),
    help_only(&[K(KeyCode::End)], A::Bottom, T::KeyBottom),
];

/// ↑ ↓ on a text that only scrolls.
const fn scrolling(up: &'static [Key], down: &'static [Key]) -> [Binding; 3] {
    [
        footer_summary("↑↓", T::KeyScroll),
        help_only(up, A::Up, T::KeyScroll),
        help_only(down, A::Down, T::KeyScroll),
    ]
}

/// A text that scrolls and does nothing else.
const SCROLLING: &[Binding] = &scrolling(UP, DOWN);

/// The `?` help over any screen: these keys scroll it, any other closes it.
pub(super) const HELP_OVERLAY: Keys = &[SCROLLING, PAGING];

/// Keys that work everywhere outside text fields.
pub(super) const GLOBAL: &[Binding] = &[
    footer_and_help(&[C('?')], A::Help, T::KeyHelp),
    footer_and_help(&[C('l'), K(KeyCode::F(2))], A::Language, T::KeyLanguage),
    help_only(CTRL_C, A::QuitNow, T::KeyQuitNow),
];

/// What still works where letters are text.
const TYPING_ESCAPES: &[Binding] = &[
    help_only(F2, A::Language, T::KeyLanguage),
    help_only(CTRL_C, A::QuitNow, T::KeyQuitNow),
];

/// While typing, letters are text; these keys still work.
pub(super) const TYPING: Keys = &[
    &[
        footer_and_help(TAB, A::FocusNext, T::KeyNextField),
        footer_and_help(ESC, A::Back, T::KeyDoneTyping),
    ],
    TYPING_ESCAPES,
];

/// A pop-up form: Enter adds what was typed, Esc throws it away.
pub(super) const FORM: Keys = &[
    &[
        footer_and_help(TAB, A::FocusNext, T::KeySwitchField),
        footer_summary("Enter", T::KeyAdd),
        footer_and_help(ESC, A::Back, T::KeyCancel),
    ],
    TYPING_ESCAPES,
];

pub(super) const HOME: Keys = &[&[
    footer_summary("↑↓", T::KeyChoose),
    help_only(UP, A::Up, T::KeyUp),
    help_only(DOWN, A::Down, T::KeyDown),
    footer_and_help(ENTER, A::Select, T::KeyOpen),
    footer_and_help(TAB, A::FocusNext, T::KeySwitchPanel),
    help_only(&[C('r')], A::RestoreBackup, T::KeyRestoreBackup),
    footer_and_help(&[C('q')], A::Quit, T::KeyQuit),
]];

pub(super) const BROWSE: Keys = &[
    &[
        footer_summary("↑↓", T::KeyChooseCard),
        help_only(UP, A::Up, T::KeyUp),
        help_only(DOWN, A::Down, T::KeyDown),
        footer_summary("PgUp/PgDn", T::KeyScroll),
    ],
    PAGING,
    &[footer_and_help(
        &[K(KeyCode::Esc), C('q')],
        A::Back,
        T::KeyBackHome,
    )],
];

/// Tab and Shift-Tab through the setup's fields.
const SETUP_FIELDS: &[Binding] = &[
    footer_and_help(TAB, A::FocusNext, T::KeyNextField),
    help_only(BACKTAB, A::FocusPrev, T::KeyPrevField),
];

/// Start the session, or leave the setup.
const SETUP_LEAVE: &[Binding] = &[
    footer_and_help(ENTER, A::Continue, T::KeyStart),
    footer_and_help(ESC, A::Back, T::KeyCancel),
];

/// The setup's card list.
pub(super) const SETUP: Keys = &[
    SETUP_FIELDS,
    &[
        help_only(UP, A::Up, T::KeyUp),
        help_only(DOWN, A::Down, T::KeyDown),
        footer_and_help(SPACE, A::Toggle, T::KeyToggleCard),
        footer_summary("+/-", T::KeyMoveCard),
        help_only(&[C('-')], A::MoveUp, T::KeyMoveCardUp),
        help_only(&[C('+')], A::MoveDown, T::KeyMoveCardDown),
        footer_and_help(&[C('a')], A::Add, T::KeyAllCards),
    ],
    SETUP_LEAVE,
];

/// A number field of the setup (voters, minutes): ← → as the arrows
/// drawn beside it say, ↑ ↓ and - + too.
pub(super) const SETUP_NUMBER: Keys = &[
    SETUP_FIELDS,
    &[
        footer_summary("←→", T::KeyFewerMore),
        help_only(
            &[K(KeyCode::Left), K(KeyCode::Down), C('j'), C('-')],
            A::Down,
            T::KeyOneLess,
        )
        .written_as("← ↓ -"),
        help_only(
            &[K(KeyCode::Right), K(KeyCode::Up), C('k'), C('+')],
            A::Up,
            T::KeyOneMore,
        )
        .written_as("→ ↑ +"),
    ],
    SETUP_LEAVE,
];

/// ↑ ↓ move between the setup's fields where they choose nothing.
const SETUP_FIELDS_BY_ARROWS: &[Binding] = &[
    help_only(UP, A::Up, T::KeyPrevField),
    help_only(DOWN, A::Down, T::KeyNextField),
];

/// The setup's agenda: ← → through the deck's agendas and "by hand".
pub(super) const SETUP_AGENDA: Keys = &[
    SETUP_FIELDS,
    &[
        footer_summary("←→", T::KeyChooseAgenda),
        help_only(&[K(KeyCode::Left), C('-')], A::MoveUp, T::KeyPrevAgenda),
        help_only(&[K(KeyCode::Right), C('+')], A::MoveDown, T::KeyNextAgenda),
    ],
    SETUP_FIELDS_BY_ARROWS,
    SETUP_LEAVE,
];

/// The setup's start button.
pub(super) const SETUP_START: Keys = &[SETUP_FIELDS, SETUP_FIELDS_BY_ARROWS, SETUP_LEAVE];

pub(super) const PRINCIPLES: Keys = &[&[
    help_only(UP, A::Up, T::KeyUp),
    help_only(DOWN, A::Down, T::KeyDown),
    footer_and_help(SPACE, A::Toggle, T::KeyPick),
    footer_and_help(&[C('a')], A::Add, T::KeyOwnPrinciple),
    help_only(&[C('x'), K(KeyCode::Delete)], A::Remove, T::KeyRemoveOwn),
    footer_and_help(ENTER, A::Continue, T::KeyContinue),
    footer_and_help(ESC, A::Back, T::KeyBack),
]];

/// Keys of every stage of the card loop.
pub(super) const CARD: &[Binding] = &[
    footer_summary("←→", T::KeyStage),
    help_only(RIGHT, A::NextStage, T::KeyNextStage),
    help_only(LEFT, A::PrevStage, T::KeyPrevStage),
    footer_summary("[ ]", T::KeyCard),
    help_only(&[C(']')], A::NextCard, T::KeyNextCard),
    help_only(&[C('[')], A::PrevCard, T::KeyPrevCard),
    footer_and_help(&[C('o')], A::Overview, T::KeyOverview),
    footer_and_help(&[C('c')], A::Room, T::KeyRoom),
    help_only(&[C('b')], A::Principles, T::KeyEditPrinciples),
    help_only(&[C('e')], A::EndSession, T::KeyEnd),
    footer_and_help(&[C('n')], A::Notes, T::KeyNotes),
    footer_and_help(&[C('p')], A::Presentation, T::KeyPresentation),
    footer_and_help(&[C('q')], A::Quit, T::KeyClose),
];

pub(super) const STORY: Keys = &[SCROLLING, PAGING];

/// One vote a person, `1`…`5`.
const VOTE: Binding = footer_and_help(&[Key::Votes], A::Vote(0), T::KeyVote);

/// ↑ ↓ walk the voters.
const VOTERS: &[Binding] = &[
    help_only(UP, A::Up, T::KeyPrevVoter),
    help_only(DOWN, A::Down, T::KeyNextVoter),
];

const AUTO_REVEAL: Binding = help_only(&[C('a')], A::AutoReveal, T::KeyAutoReveal);

/// A team's gut check while votes come in.
pub(super) const GUT: Keys = &[
    &[VOTE],
    VOTERS,
    &[
        help_only(CLEAR, A::ClearVote, T::KeyClearVote),
        footer_and_help(&[C('r')], A::Reveal, T::KeyReveal),
        AUTO_REVEAL,
        help_only(&[C('f')], A::FreeSlot, T::KeyFreeSlot),
    ],
];

/// The room panel, over the card.
pub(super) const ROOM_PANEL: Keys = &[&[
    footer_and_help(&[C('c'), K(KeyCode::Esc)], A::Room, T::KeyRoomHide),
    footer_and_help(&[C('i')], A::RoomInterface, T::KeyRoomInterface),
    help_only(&[C('+')], A::RoomExtra, T::KeyRoomExtra),
    footer_and_help(&[C('x')], A::RoomClose, T::KeyRoomClose),
    help_only(&[C('q')], A::Quit, T::KeyClose),
]];

/// After the reveal the votes are locked: a digit only says so.
pub(super) const GUT_REVEALED: Keys = &[
    &[
        footer_and_help(&[C('s')], A::ShowNames, T::KeyShowNames),
        footer_and_help(&[C('v')], A::ReopenVoting, T::KeyReopenVoting),
    ],
    VOTERS,
    &[
        help_only(&[Key::Votes], A::Vote(0), T::KeyVoteLocked),
        help_only(CLEAR, A::ClearVote, T::KeyVoteLocked),
        AUTO_REVEAL,
    ],
];

pub(super) const GUT_SOLO: Keys = &[&[VOTE]];

pub(super) const DISCUSS: Keys = &[
    &[
        footer_summary("↑↓ 1 2 3", T::KeyButcherAnswer),
        help_only(
            &[C('1')],
            A::Butcher(Some(ButcherAnswer::Yes)),
            T::KeyButcherYes,
        ),
        help_only(
            &[C('2')],
            A::Butcher(Some(ButcherAnswer::Partly)),
            T::KeyButcherPartly,
        ),
        help_only(
            &[C('3')],
            A::Butcher(Some(ButcherAnswer::No)),
            T::KeyButcherNo,
        ),
        help_only(CLEAR, A::Butcher(None), T::KeyButcherClear),
        help_only(UP, A::Up, T::KeyButcherPrev),
        help_only(DOWN, A::Down, T::KeyButcherNext),
        footer_and_help(SPACE, A::Timer, T::KeyTimer),
    ],
    PAGING,
];

pub(super) const DECIDE: Keys = &[&[
    footer_and_help(TAB, A::FocusNext, T::KeyNextPart),
    help_only(BACKTAB, A::FocusPrev, T::KeyPrevPart),
    help_only(UP, A::Up, T::KeyUp),
    help_only(DOWN, A::Down, T::KeyDown),
    footer_and_help(&[C(' '), K(KeyCode::Enter)], A::Toggle, T::KeyChooseItem),
]];

pub(super) const REVEAL: Keys = &[SCROLLING, PAGING];

pub(super) const OVERVIEW: Keys = &[&[
    help_only(UP, A::Up, T::KeyUp),
    help_only(DOWN, A::Down, T::KeyDown),
    footer_and_help(ENTER, A::Select, T::KeyJump),
    footer_and_help(&[C('e')], A::EndSession, T::KeyEnd),
    footer_and_help(&[K(KeyCode::Esc), C('o')], A::Back, T::KeyBackToCard),
]];

/// The end screen: `j` exports JSON here, so only the arrows scroll.
pub(super) const END: Keys = &[
    &scrolling(&[K(KeyCode::Up)], &[K(KeyCode::Down)]),
    PAGING,
    &[
        footer_and_help(&[C('m')], A::Export(ExportKind::Markdown), T::KeyExportMd),
        footer_and_help(&[C('h')], A::Export(ExportKind::Html), T::KeyExportHtml),
        footer_and_help(&[C('j')], A::Export(ExportKind::Json), T::KeyExportJson),
        footer_and_help(&[C('w')], A::Export(ExportKind::Word), T::KeyExportWord),
        footer_and_help(&[C('f')], A::Edit, T::KeyFollowUp),
        footer_and_help(ESC, A::Back, T::KeyBackToCard),
        footer_and_help(&[C('q')], A::Quit, T::KeyClose),
    ],
];

/// Editing one row of the owners and next steps.
pub(super) const FOLLOW_UP_FORM: Keys = &[
    &[
        footer_and_help(TAB, A::FocusNext, T::KeySwitchField),
        footer_summary("Enter", T::KeyKeep),
        footer_and_help(ESC, A::Back, T::KeyCancel),
    ],
    TYPING_ESCAPES,
];

/// The end screen's owners-and-next-steps list.
pub(super) const FOLLOW_UP: Keys = &[&[
    help_only(UP, A::Up, T::KeyUp),
    help_only(DOWN, A::Down, T::KeyDown),
    footer_and_help(ENTER, A::Select, T::KeyEditRow),
    footer_and_help(&[C('a')], A::Add, T::KeyAddStep),
    footer_and_help(&[C('x'), K(KeyCode::Delete)], A::Remove, T::KeyRemoveStep),
    footer_and_help(ESC, A::Back, T::KeyBack),
]];
