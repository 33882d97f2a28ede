//! The key tables themselves, one per screen.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, ExportKind, Key, Shows};
use crate::domain::butcher::ButcherAnswer;
use crate::i18n::tui::T;

/// Shown in the footer and in help.
const fn b(keys: &'static [Key], shown: &'static str, action: Action, label: T) -> Binding {
    Binding {
        keys,
        shown,
        action,
        label,
        shows: Shows::Everywhere,
    }
}

/// Listed in help only: the footer has no room for everything.
const fn h(keys: &'static [Key], shown: &'static str, action: Action, label: T) -> Binding {
    Binding {
        shows: Shows::HelpOnly,
        ..b(keys, shown, action, label)
    }
}

/// A footer summary of several help rows.
const fn s(shown: &'static str, label: T) -> Binding {
    Binding {
        shows: Shows::FooterOnly,
        ..b(&[], shown, Action::Help, label)
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
const PGUP: &[Key] = &[K(KeyCode::PageUp)];
const PGDN: &[Key] = &[K(KeyCode::PageDown)];
const HOME_KEY: &[Key] = &[K(KeyCode::Home)];
const END_KEY: &[Key] = &[K(KeyCode::End)];
const RIGHT: &[Key] = &[K(KeyCode::Right)];
const LEFT: &[Key] = &[K(KeyCode::Left)];

/// Keys that work everywhere outside text fields.
pub(super) const GLOBAL: &[Binding] = &[
    b(&[C('?')], "?", A::Help, T::KeyHelp),
    b(
        &[C('l'), K(KeyCode::F(2))],
        "l",
        A::Language,
        T::KeyLanguage,
    ),
    h(&[Key::Ctrl('c')], "Ctrl-C", A::QuitNow, T::KeyQuitNow),
];

/// While typing, letters are text; these keys still work.
pub(super) const TYPING: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextField),
    b(ESC, "Esc", A::Back, T::KeyDoneTyping),
    h(&[K(KeyCode::F(2))], "F2", A::Language, T::KeyLanguage),
    h(&[Key::Ctrl('c')], "Ctrl-C", A::QuitNow, T::KeyQuitNow),
];

/// A pop-up form: Enter adds what was typed, Esc throws it away.
pub(super) const FORM: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeySwitchField),
    s("Enter", T::KeyAdd),
    b(ESC, "Esc", A::Back, T::KeyCancel),
    h(&[K(KeyCode::F(2))], "F2", A::Language, T::KeyLanguage),
    h(&[Key::Ctrl('c')], "Ctrl-C", A::QuitNow, T::KeyQuitNow),
];

pub(super) const HOME: &[Binding] = &[
    s("↑↓", T::KeyChoose),
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(ENTER, "Enter", A::Select, T::KeyOpen),
    b(TAB, "Tab", A::FocusNext, T::KeySwitchPanel),
    h(&[C('r')], "r", A::RestoreBackup, T::KeyRestoreBackup),
    b(&[C('q')], "q", A::Quit, T::KeyQuit),
];

pub(super) const BROWSE: &[Binding] = &[
    s("↑↓", T::KeyChooseCard),
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    s("PgUp/PgDn", T::KeyScroll),
    h(PGUP, "PgUp", A::PageUp, T::KeyPageUp),
    h(PGDN, "PgDn", A::PageDown, T::KeyPageDown),
    h(HOME_KEY, "Home", A::Top, T::KeyTop),
    h(END_KEY, "End", A::Bottom, T::KeyBottom),
    b(&[K(KeyCode::Esc), C('q')], "Esc", A::Back, T::KeyBackHome),
];

pub(super) const SETUP: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextField),
    h(BACKTAB, "Shift-Tab", A::FocusPrev, T::KeyPrevField),
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(SPACE, "Space", A::Toggle, T::KeyToggleCard),
    s("+/-", T::KeyMoveCard),
    h(&[C('-')], "-", A::MoveUp, T::KeyMoveCardUp),
    h(&[C('+')], "+", A::MoveDown, T::KeyMoveCardDown),
    b(&[C('a')], "a", A::Add, T::KeyAllCards),
    b(&[K(KeyCode::Enter)], "Enter", A::Continue, T::KeyStart),
    b(ESC, "Esc", A::Back, T::KeyCancel),
];

/// A number field of the setup (voters, minutes): ← → as the arrows
/// drawn beside it say, ↑ ↓ and - + too.
pub(super) const SETUP_NUMBER: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextField),
    h(BACKTAB, "Shift-Tab", A::FocusPrev, T::KeyPrevField),
    s("←→", T::KeyFewerMore),
    h(
        &[K(KeyCode::Left), K(KeyCode::Down), C('j'), C('-')],
        "← ↓ -",
        A::Down,
        T::KeyOneLess,
    ),
    h(
        &[K(KeyCode::Right), K(KeyCode::Up), C('k'), C('+')],
        "→ ↑ +",
        A::Up,
        T::KeyOneMore,
    ),
    b(ENTER, "Enter", A::Continue, T::KeyStart),
    b(ESC, "Esc", A::Back, T::KeyCancel),
];

/// The setup's agenda: ← → through the deck's agendas and "by hand".
pub(super) const SETUP_AGENDA: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextField),
    h(BACKTAB, "Shift-Tab", A::FocusPrev, T::KeyPrevField),
    s("←→", T::KeyChooseAgenda),
    h(
        &[K(KeyCode::Left), C('-')],
        "←",
        A::MoveUp,
        T::KeyPrevAgenda,
    ),
    h(
        &[K(KeyCode::Right), C('+')],
        "→",
        A::MoveDown,
        T::KeyNextAgenda,
    ),
    h(UP, "↑", A::Up, T::KeyPrevField),
    h(DOWN, "↓", A::Down, T::KeyNextField),
    b(ENTER, "Enter", A::Continue, T::KeyStart),
    b(ESC, "Esc", A::Back, T::KeyCancel),
];

/// The setup's start button.
pub(super) const SETUP_START: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextField),
    h(BACKTAB, "Shift-Tab", A::FocusPrev, T::KeyPrevField),
    h(UP, "↑", A::Up, T::KeyPrevField),
    h(DOWN, "↓", A::Down, T::KeyNextField),
    b(ENTER, "Enter", A::Continue, T::KeyStart),
    b(ESC, "Esc", A::Back, T::KeyCancel),
];

pub(super) const PRINCIPLES: &[Binding] = &[
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(SPACE, "Space", A::Toggle, T::KeyPick),
    b(&[C('a')], "a", A::Add, T::KeyOwnPrinciple),
    h(
        &[C('x'), K(KeyCode::Delete)],
        "x",
        A::Remove,
        T::KeyRemoveOwn,
    ),
    b(ENTER, "Enter", A::Continue, T::KeyContinue),
    b(ESC, "Esc", A::Back, T::KeyBack),
];

/// Keys of every stage of the card loop.
pub(super) const CARD: &[Binding] = &[
    s("←→", T::KeyStage),
    h(RIGHT, "→", A::NextStage, T::KeyNextStage),
    h(LEFT, "←", A::PrevStage, T::KeyPrevStage),
    s("[ ]", T::KeyCard),
    h(&[C(']')], "]", A::NextCard, T::KeyNextCard),
    h(&[C('[')], "[", A::PrevCard, T::KeyPrevCard),
    b(&[C('o')], "o", A::Overview, T::KeyOverview),
    b(&[C('c')], "c", A::Room, T::KeyRoom),
    h(&[C('b')], "b", A::Principles, T::KeyEditPrinciples),
    h(&[C('e')], "e", A::EndSession, T::KeyEnd),
    b(&[C('n')], "n", A::Notes, T::KeyNotes),
    b(&[C('p')], "p", A::Presentation, T::KeyPresentation),
    b(&[C('q')], "q", A::Quit, T::KeyClose),
];

pub(super) const STORY: &[Binding] = &[
    s("↑↓", T::KeyScroll),
    h(UP, "↑", A::Up, T::KeyScroll),
    h(DOWN, "↓", A::Down, T::KeyScroll),
    h(PGUP, "PgUp", A::PageUp, T::KeyPageUp),
    h(PGDN, "PgDn", A::PageDown, T::KeyPageDown),
    h(HOME_KEY, "Home", A::Top, T::KeyTop),
    h(END_KEY, "End", A::Bottom, T::KeyBottom),
];

/// A team's gut check while votes come in.
pub(super) const GUT: &[Binding] = &[
    b(&[Key::Votes], "1–5", A::Vote(0), T::KeyVote),
    h(UP, "↑", A::Up, T::KeyPrevVoter),
    h(DOWN, "↓", A::Down, T::KeyNextVoter),
    h(
        &[K(KeyCode::Backspace), C('x')],
        "x",
        A::ClearVote,
        T::KeyClearVote,
    ),
    b(&[C('r')], "r", A::Reveal, T::KeyReveal),
    h(&[C('a')], "a", A::AutoReveal, T::KeyAutoReveal),
    h(&[C('f')], "f", A::FreeSlot, T::KeyFreeSlot),
];

/// The room panel, over the card.
pub(super) const ROOM_PANEL: &[Binding] = &[
    b(&[C('c'), K(KeyCode::Esc)], "c", A::Room, T::KeyRoomHide),
    b(&[C('i')], "i", A::RoomInterface, T::KeyRoomInterface),
    h(&[C('+')], "+", A::RoomExtra, T::KeyRoomExtra),
    b(&[C('x')], "x", A::RoomClose, T::KeyRoomClose),
    h(&[C('q')], "q", A::Quit, T::KeyClose),
];

/// After the reveal the votes are locked: a digit only says so.
pub(super) const GUT_REVEALED: &[Binding] = &[
    b(&[C('s')], "s", A::ShowNames, T::KeyShowNames),
    b(&[C('v')], "v", A::ReopenVoting, T::KeyReopenVoting),
    h(UP, "↑", A::Up, T::KeyPrevVoter),
    h(DOWN, "↓", A::Down, T::KeyNextVoter),
    h(&[Key::Votes], "1–5", A::Vote(0), T::KeyVoteLocked),
    h(
        &[K(KeyCode::Backspace), C('x')],
        "x",
        A::ClearVote,
        T::KeyVoteLocked,
    ),
    h(&[C('a')], "a", A::AutoReveal, T::KeyAutoReveal),
];

pub(super) const GUT_SOLO: &[Binding] = &[b(&[Key::Votes], "1–5", A::Vote(0), T::KeyVote)];

pub(super) const DISCUSS: &[Binding] = &[
    s("↑↓ 1 2 3", T::KeyButcherAnswer),
    h(
        &[C('1')],
        "1",
        A::Butcher(Some(ButcherAnswer::Yes)),
        T::KeyButcherYes,
    ),
    h(
        &[C('2')],
        "2",
        A::Butcher(Some(ButcherAnswer::Partly)),
        T::KeyButcherPartly,
    ),
    h(
        &[C('3')],
        "3",
        A::Butcher(Some(ButcherAnswer::No)),
        T::KeyButcherNo,
    ),
    h(
        &[K(KeyCode::Backspace), C('x')],
        "x",
        A::Butcher(None),
        T::KeyButcherClear,
    ),
    h(UP, "↑", A::Up, T::KeyButcherPrev),
    h(DOWN, "↓", A::Down, T::KeyButcherNext),
    b(SPACE, "Space", A::Timer, T::KeyTimer),
    h(PGUP, "PgUp", A::PageUp, T::KeyPageUp),
    h(PGDN, "PgDn", A::PageDown, T::KeyPageDown),
    h(HOME_KEY, "Home", A::Top, T::KeyTop),
    h(END_KEY, "End", A::Bottom, T::KeyBottom),
];

pub(super) const DECIDE: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeyNextPart),
    h(BACKTAB, "Shift-Tab", A::FocusPrev, T::KeyPrevPart),
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(
        &[C(' '), K(KeyCode::Enter)],
        "Space",
        A::Toggle,
        T::KeyChooseItem,
    ),
];

pub(super) const REVEAL: &[Binding] = &[
    s("↑↓", T::KeyScroll),
    h(UP, "↑", A::Up, T::KeyScroll),
    h(DOWN, "↓", A::Down, T::KeyScroll),
    h(PGUP, "PgUp", A::PageUp, T::KeyPageUp),
    h(PGDN, "PgDn", A::PageDown, T::KeyPageDown),
    h(HOME_KEY, "Home", A::Top, T::KeyTop),
    h(END_KEY, "End", A::Bottom, T::KeyBottom),
];

pub(super) const OVERVIEW: &[Binding] = &[
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(ENTER, "Enter", A::Select, T::KeyJump),
    b(&[C('e')], "e", A::EndSession, T::KeyEnd),
    b(&[K(KeyCode::Esc), C('o')], "Esc", A::Back, T::KeyBackToCard),
];

pub(super) const END: &[Binding] = &[
    s("↑↓", T::KeyScroll),
    h(&[K(KeyCode::Up)], "↑", A::Up, T::KeyScroll),
    h(&[K(KeyCode::Down)], "↓", A::Down, T::KeyScroll),
    h(PGUP, "PgUp", A::PageUp, T::KeyPageUp),
    h(PGDN, "PgDn", A::PageDown, T::KeyPageDown),
    h(HOME_KEY, "Home", A::Top, T::KeyTop),
    h(END_KEY, "End", A::Bottom, T::KeyBottom),
    b(
        &[C('m')],
        "m",
        A::Export(ExportKind::Markdown),
        T::KeyExportMd,
    ),
    b(
        &[C('h')],
        "h",
        A::Export(ExportKind::Html),
        T::KeyExportHtml,
    ),
    b(
        &[C('j')],
        "j",
        A::Export(ExportKind::Json),
        T::KeyExportJson,
    ),
    b(
        &[C('w')],
        "w",
        A::Export(ExportKind::Word),
        T::KeyExportWord,
    ),
    b(&[C('f')], "f", A::Edit, T::KeyFollowUp),
    b(&[K(KeyCode::Esc)], "Esc", A::Back, T::KeyBackToCard),
    b(&[C('q')], "q", A::Quit, T::KeyClose),
];

/// Editing one row of the owners and next steps.
pub(super) const FOLLOW_UP_FORM: &[Binding] = &[
    b(TAB, "Tab", A::FocusNext, T::KeySwitchField),
    s("Enter", T::KeyKeep),
    b(ESC, "Esc", A::Back, T::KeyCancel),
    h(&[K(KeyCode::F(2))], "F2", A::Language, T::KeyLanguage),
    h(&[Key::Ctrl('c')], "Ctrl-C", A::QuitNow, T::KeyQuitNow),
];

/// The end screen's owners-and-next-steps list.
pub(super) const FOLLOW_UP: &[Binding] = &[
    h(UP, "↑", A::Up, T::KeyUp),
    h(DOWN, "↓", A::Down, T::KeyDown),
    b(ENTER, "Enter", A::Select, T::KeyEditRow),
    b(&[C('a')], "a", A::Add, T::KeyAddStep),
    b(
        &[C('x'), K(KeyCode::Delete)],
        "x",
        A::Remove,
        T::KeyRemoveStep,
    ),
    b(ESC, "Esc", A::Back, T::KeyBack),
];
