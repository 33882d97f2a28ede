//! The keys of every screen, listed once. The same tables feed the footer,
//! the `?` help, the README's key table and the lookup from a key press to
//! an [`Action`].

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Lang;
use crate::i18n::tui::T;

/// What a key asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-C: save and leave the app from anywhere.
    QuitNow,
    Help,
    Language,
    Up,
    Down,
    PageUp,
    PageDown,
    /// To the top or the bottom of a scrolling text.
    Top,
    Bottom,
    Select,
    Toggle,
    Back,
    NextStage,
    PrevStage,
    NextCard,
    PrevCard,
    Overview,
    EndSession,
    Presentation,
    /// Show or hide the facilitator's notes.
    Notes,
    Principles,
    Vote(u8),
    ClearVote,
    /// Answer the butcher-test point under the cursor; `None` clears it.
    Butcher(Option<crate::domain::butcher::ButcherAnswer>),
    /// Show the gut-check votes to the room.
    Reveal,
    /// Home: put back the newest backup of a session that cannot be read.
    RestoreBackup,
    /// After the reveal: unlock the votes so they can change.
    ReopenVoting,
    /// At the reveal: show or hide who voted what.
    ShowNames,
    /// Reveal by itself once everyone has voted, or not.
    AutoReveal,
    /// Open the room, or show / hide its panel.
    Room,
    /// Move the room to the next network interface.
    RoomInterface,
    /// Let more phones join than voters were planned.
    RoomExtra,
    RoomClose,
    /// Let a phone go from the highlighted voter's slot.
    FreeSlot,
    Timer,
    FocusNext,
    FocusPrev,
    Add,
    Remove,
    MoveUp,
    MoveDown,
    Edit,
    Export(ExportKind),
    Continue,
    /// Jump straight to a stage, from a click on its tab.
    Stage(usize),
    /// A click on something a screen drew and named.
    Click(crate::tui::widgets::Target),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Markdown,
    Html,
    Json,
    Word,
}

/// Which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Browse,
    /// The setup's card list.
    Setup,
    /// A number field of the setup.
    SetupNumber,
    /// The setup's start button.
    SetupStart,
    /// The setup's choice of a ready-made agenda.
    SetupAgenda,
    Principles,
    Story,
    GutCheck,
    /// A team's gut check after the reveal: the votes are locked.
    GutCheckRevealed,
    /// A self-assessment's gut check: one vote, nothing to reveal.
    GutCheckSolo,
    Discuss,
    Decide,
    Reveal,
    Overview,
    End,
    /// The room panel over a card.
    RoomPanel,
    /// The end screen's owners and next steps.
    FollowUp,
    /// Typing into a text field.
    Typing,
    /// Typing into a pop-up form, which Esc cancels.
    Form,
    /// Editing a row of the owners and next steps: Enter keeps it.
    FollowUpForm,
}

impl Context {
    pub const ALL: [Context; 21] = [
        Context::Home,
        Context::Browse,
        Context::Setup,
        Context::SetupNumber,
        Context::SetupStart,
        Context::SetupAgenda,
        Context::Principles,
        Context::Story,
        Context::GutCheck,
        Context::GutCheckRevealed,
        Context::GutCheckSolo,
        Context::Discuss,
        Context::Decide,
        Context::Reveal,
        Context::Overview,
        Context::End,
        Context::RoomPanel,
        Context::FollowUp,
        Context::Typing,
        Context::Form,
        Context::FollowUpForm,
    ];

    /// Letters are text here, not keys.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Context::Typing | Context::Form | Context::FollowUpForm
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// `1`…`5`, each its own vote.
    Votes,
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> Option<Option<u8>> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let hit = match (self, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (Key::Char(c), KeyCode::Char(k)) => !ctrl && k == c,
            (Key::Code(c), code) => c == code,
            (Key::Votes, KeyCode::Char(k @ '1'..='5')) if !ctrl => {
                return Some(Some(k as u8 - b'0'));
            }
            _ => false,
        };
        hit.then_some(None)
    }

    /// How the key is written in the footer and help.
    pub fn name(self, lang: Lang) -> Cow<'static, str> {
        let name = match self {
            Key::Char(' ') => T::KeySpaceName.get(lang),
            Key::Char(c) => return Cow::Owned(c.to_string()),
            Key::Ctrl(c) => return Cow::Owned(format!("Ctrl-{}", c.to_ascii_uppercase())),
            Key::Votes => "1–5",
            Key::Code(code) => match code {
                KeyCode::Up => "↑",
                KeyCode::Down => "↓",
                KeyCode::Left => "←",
                KeyCode::Right => "→",
                KeyCode::Enter => "Enter",
                KeyCode::Esc => "Esc",
                KeyCode::Tab => "Tab",
                KeyCode::BackTab => "Shift-Tab",
                KeyCode::PageUp => "PgUp",
                KeyCode::PageDown => "PgDn",
                KeyCode::Home => "Home",
                KeyCode::End => "End",
                KeyCode::Delete => "Del",
                KeyCode::Backspace => "Backspace",
                KeyCode::F(n) => return Cow::Owned(format!("F{n}")),
                other => return Cow::Owned(format!("{other:?}")),
            },
        };
        Cow::Borrowed(name)
    }
}

/// One line of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written, where the first key's name does not say
    /// it: a footer summary ("↑↓"), or several keys at once.
    pub written: Option<&'static str>,
    pub action: Action,
    pub label: T,
    pub shows: Shows,
}

impl Binding {
    /// How the keys are written in the footer and help.
    pub fn key_text(&self, lang: Lang) -> Cow<'static, str> {
        match (self.written, self.keys.first()) {
            (Some(written), _) => Cow::Borrowed(written),
            (None, Some(key)) => key.name(lang),
            (None, None) => Cow::Borrowed(""),
        }
    }
}

/// A screen's keys: parts that screens may share, in the order they are
/// listed and looked up.
pub type Keys = &'static [&'static [Binding]];

/// Where a binding appears. A footer summary ("↑↓ choose") stands for
/// several help rows and does not act itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    Everywhere,
    HelpOnly,
    FooterOnly,
}

mod tables;

use tables::*;

/// The screen's own keys, most used first.
pub fn table(ctx: Context) -> Keys {
    match ctx {
        Context::Home => HOME,
        Context::Browse => BROWSE,
        Context::Setup => SETUP,
        Context::SetupNumber => SETUP_NUMBER,
        Context::SetupStart => SETUP_START,
        Context::SetupAgenda => SETUP_AGENDA,
        Context::Principles => PRINCIPLES,
        Context::Story => STORY,
        Context::GutCheck => GUT,
        Context::GutCheckRevealed => GUT_REVEALED,
        Context::GutCheckSolo => GUT_SOLO,
        Context::Discuss => DISCUSS,
        Context::Decide => DECIDE,
        Context::Reveal => REVEAL,
        Context::Overview => OVERVIEW,
        Context::End => END,
        Context::RoomPanel => ROOM_PANEL,
        Context::FollowUp => FOLLOW_UP,
        Context::Typing => TYPING,
        Context::Form => FORM,
        Context::FollowUpForm => FOLLOW_UP_FORM,
    }
}

/// Keys of every stage of the card loop, after the stage's own.
pub fn card_table() -> &'static [Binding] {
    CARD
}

/// Keys of every screen but a text field, after the screen's own.
pub fn global_table() -> &'static [Binding] {
    GLOBAL
}

/// The keys that scroll the `?` help; any other key closes it.
pub fn help_overlay_table() -> Keys {
    HELP_OVERLAY
}

/// Whether the screen is one of the card loop's stages (which share [`CARD`]).
fn in_card(ctx: Context) -> bool {
    matches!(
        ctx,
        Context::Story
            | Context::GutCheck
            | Context::GutCheckRevealed
            | Context::GutCheckSolo
            | Context::Discuss
            | Context::Decide
            | Context::Reveal
    )
}

/// Every table that applies on a screen, in the order keys are looked up.
pub fn tables(ctx: Context) -> Vec<&'static [Binding]> {
    let mut out = table(ctx).to_vec();
    if in_card(ctx) {
        out.push(CARD);
    }
    if !ctx.is_typing() {
        out.push(GLOBAL);
    }
    out
}

/// The action a key press asks for on this screen.
pub fn lookup(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    lookup_in(&tables(ctx), ev)
}

/// The action a key press asks for while the `?` help is open: a scroll,
/// or `None` to close it.
pub fn lookup_help_overlay(ev: &KeyEvent) -> Option<Action> {
    lookup_in(HELP_OVERLAY, ev)
}

fn lookup_in(tables: &[&[Binding]], ev: &KeyEvent) -> Option<Action> {
    for table in tables {
        for binding in table.iter().filter(|b| b.shows != Shows::FooterOnly) {
            for key in binding.keys {
                if let Some(vote) = key.matches(ev) {
                    return Some(match (binding.action, vote) {
                        (Action::Vote(_), Some(v)) => Action::Vote(v),
                        (a, _) => a,
                    });
                }
            }
        }
    }
    None
}

/// Rows for the footer.
pub fn footer(ctx: Context) -> Vec<Binding> {
    rows(ctx, Shows::HelpOnly)
}

/// Rows for the help screen.
pub fn help(ctx: Context) -> Vec<Binding> {
    rows(ctx, Shows::FooterOnly)
}

fn rows(ctx: Context, except: Shows) -> Vec<Binding> {
    tables(ctx)
        .into_iter()
        .flat_map(|t| t.iter().copied())
        .filter(|b| b.shows != except)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Context; 21] = Context::ALL;

    fn event(key: Key) -> Vec<KeyEvent> {
        match key {
            Key::Char(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)],
            Key::Code(c) => vec![KeyEvent::new(c, KeyModifiers::NONE)],
            Key::Ctrl(c) => vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)],
            Key::Votes => ('1'..='5')
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect(),
        }
    }

    /// Every key listed in help does what help says: no row is shadowed
    /// by an earlier row that binds the same key to something else.
    #[test]
    fn every_listed_key_does_what_it_says() {
        for ctx in ALL {
            for b in help(ctx).iter().filter(|b| b.shows != Shows::FooterOnly) {
                for key in b.keys {
                    for ev in event(*key) {
                        let got = lookup(ctx, &ev);
                        let same = match (got, b.action) {
                            (Some(Action::Vote(_)), Action::Vote(_)) => true,
                            (g, a) => g == Some(a),
                        };
                        assert!(
                            same,
                            "{ctx:?}: {:?} does {got:?}, help says {:?}",
                            ev.code, b.action
                        );
                    }
                }
            }
        }
    }

    /// A key's written name is typed apart from the key only where the
    /// key's own name would not say it.
    #[test]
    fn written_names_differ_from_the_keys_own() {
        let all = Context::ALL
            .into_iter()
            .flat_map(tables)
            .chain(help_overlay_table().iter().copied());
        for b in all.flat_map(|t| t.iter()) {
            for lang in [Lang::En, Lang::Nl] {
                assert!(!b.key_text(lang).is_empty(), "{:?}", b.action);
            }
            if let (Some(written), Some(key)) = (b.written, b.keys.first()) {
                assert_ne!(written, key.name(Lang::En), "{:?}", b.action);
            }
        }
    }

    #[test]
    fn the_help_overlay_scrolls_and_any_other_key_closes_it() {
        for b in help_overlay_table().iter().flat_map(|t| t.iter()) {
            for key in b.keys {
                for ev in event(*key) {
                    assert_eq!(lookup_help_overlay(&ev), Some(b.action), "{:?}", ev.code);
                }
            }
        }
        for code in [
            KeyCode::Esc,
            KeyCode::Enter,
            KeyCode::Char('?'),
            KeyCode::Char('q'),
        ] {
            let ev = KeyEvent::new(code, KeyModifiers::NONE);
            assert_eq!(lookup_help_overlay(&ev), None, "{code:?}");
        }
    }

    #[test]
    fn keys_are_named_as_the_footer_shows_them() {
        let name = |k: Key, lang| k.name(lang).into_owned();
        assert_eq!(name(Key::Char(' '), Lang::Nl), "Spatie");
        assert_eq!(name(Key::Char('?'), Lang::En), "?");
        assert_eq!(name(Key::Ctrl('c'), Lang::En), "Ctrl-C");
        assert_eq!(name(Key::Code(KeyCode::BackTab), Lang::En), "Shift-Tab");
        assert_eq!(name(Key::Code(KeyCode::F(2)), Lang::En), "F2");
        assert_eq!(name(Key::Votes, Lang::En), "1–5");
    }

    #[test]
    fn help_and_the_language_switch_are_everywhere() {
        for ctx in ALL {
            let rows = help(ctx);
            assert!(rows.iter().any(|b| b.action == Action::Language), "{ctx:?}");
            assert!(rows.iter().any(|b| b.action == Action::QuitNow), "{ctx:?}");
            if !ctx.is_typing() {
                assert!(
                    footer(ctx).iter().any(|b| b.action == Action::Help),
                    "{ctx:?}"
                );
            }
        }
    }
}
