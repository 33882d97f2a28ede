//! Session setup: title, participants (names or a number of anonymous
//! voters), which cards in which order, and minutes per card.

use jiff::Timestamp;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::context::Ctx;
use crate::domain::agenda;
use crate::domain::session::DeckRef;
use crate::domain::setup::{self, MAX_VOTERS, MINUTES_PER_CARD, SetupProblem};
use crate::domain::{CardProgress, Deck, Lang, Mode, Session};
use crate::i18n::{fill, tui::T};
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, clean_paste, field_text, line_field};

pub use super::setup_view::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A self-assessment's person: their name.
    Person,
    Title,
    Names,
    Voters,
    Minutes,
    /// A ready-made selection from the deck, or cards by hand.
    Agenda,
    Cards,
    Start,
}

pub struct SetupView {
    pub mode: Mode,
    pub focus: Field,
    pub title: TextArea<'static>,
    /// The person of a self-assessment.
    pub person: TextArea<'static>,
    pub name: TextArea<'static>,
    pub names: Vec<String>,
    /// A name picked with ← → for removal.
    pub picked: Option<usize>,
    pub voters: u16,
    pub minutes: u16,
    /// Card id and whether it is played, in playing order.
    pub cards: Vec<(String, bool)>,
    pub cursor: usize,
    /// The deck's agenda the cards and minutes came from; none when they
    /// were picked by hand (any change to the cards makes it so).
    pub agenda: Option<usize>,
    /// How many agendas the deck offers (team sessions only).
    pub agendas: usize,
}

impl SetupView {
    /// A new setup of `mode`, every card of `deck` played in its order.
    pub fn new(deck: &Deck, lang: Lang, mode: Mode) -> SetupView {
        SetupView {
            mode,
            // A self-assessment starts with who it is.
            focus: match mode {
                Mode::Team => Field::Title,
                Mode::Solo => Field::Person,
            },
            title: line_field("", default_title(mode, lang)),
            person: line_field("", T::SetupPersonPlaceholder.get(lang)),
            name: line_field("", T::SetupNamePlaceholder.get(lang)),
            names: Vec::new(),
            picked: None,
            voters: 0,
            minutes: match mode {
                Mode::Team => 10,
                Mode::Solo => 1,
            },
            cards: deck.cards.iter().map(|c| (c.id.clone(), true)).collect(),
            cursor: 0,
            agenda: None,
            agendas: match mode {
                // A self-assessment is short and personal; the agendas
                // plan a workshop's time.
                Mode::Team => deck.agendas.len(),
                Mode::Solo => 0,
            },
        }
    }

    pub fn typing(&self) -> bool {
        matches!(self.focus, Field::Title | Field::Names | Field::Person)
    }

    pub fn relabel(&mut self, lang: Lang) {
        self.title
            .set_placeholder_text(default_title(self.mode, lang));
        self.name
            .set_placeholder_text(T::SetupNamePlaceholder.get(lang));
        self.person
            .set_placeholder_text(T::SetupPersonPlaceholder.get(lang));
    }

    fn fields(&self) -> &'static [Field] {
        match self.mode {
            Mode::Team if self.agendas > 0 => &[
                Field::Title,
                Field::Names,
                Field::Voters,
                Field::Minutes,
                Field::Agenda,
                Field::Cards,
                Field::Start,
            ],
            Mode::Team => &[
                Field::Title,
                Field::Names,
                Field::Voters,
                Field::Minutes,
                Field::Cards,
                Field::Start,
            ],
            Mode::Solo => &[
                Field::Person,
                Field::Title,
                Field::Minutes,
                Field::Cards,
                Field::Start,
            ],
        }
    }

    fn step(&mut self, forward: bool) {
        let fields = self.fields();
        let i = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    pub(super) fn selected(&self) -> usize {
        self.cards.iter().filter(|(_, on)| *on).count()
    }
}

/// Picks agenda `choice` (none: by hand) and, for an agenda, sets the
/// cards, their order and the minutes per card from it.
fn choose_agenda(v: &mut SetupView, deck: &Deck, choice: Option<usize>) {
    v.agenda = choice;
    if let Some(agenda) = choice.and_then(|i| deck.agendas.get(i)) {
        v.cards = agenda::card_choice(deck, agenda);
        v.minutes = agenda::minutes_per_card(agenda);
        v.cursor = 0;
    }
}

pub(super) fn default_title(mode: Mode, lang: Lang) -> &'static str {
    crate::i18n::labels::mode(mode).title(lang)
}

pub fn act(v: &mut SetupView, ctx: &mut Ctx, action: Action, now: Timestamp) -> Vec<Effect> {
    // Changing the cards by hand leaves the agenda behind.
    let by_hand = matches!(
        (action, v.focus),
        (
            Action::Toggle | Action::MoveUp | Action::MoveDown | Action::Add,
            Field::Cards
        ) | (Action::Click(Target::SetupCard(_)), _)
    );
    if by_hand {
        v.agenda = None;
    }
    match (action, v.focus) {
        (Action::MoveUp | Action::MoveDown, Field::Agenda) => {
            agenda_step(v, ctx.content.deck, action == Action::MoveDown)
        }
        (Action::FocusNext, _) => v.step(true),
        (Action::FocusPrev, _) => v.step(false),
        (Action::Back, Field::Title | Field::Names | Field::Person) => v.focus = Field::Cards,
        (Action::Back, _) => return vec![Effect::Go(Goto::Home)],
        (_, Field::Cards) if on_cards(v, action) => {}
        (_, Field::Voters | Field::Minutes) if on_number(v, action) => {}
        (Action::Up, _) => v.step(false),
        (Action::Down, _) => v.step(true),
        (Action::Click(Target::SetupCard(i)), _) => {
            v.focus = Field::Cards;
            v.cursor = i.min(v.cards.len().saturating_sub(1));
            if let Some(c) = v.cards.get_mut(v.cursor) {
                c.1 = !c.1;
            }
        }
        (Action::Continue | Action::Select, _) => return start(v, ctx, now),
        _ => {}
    }
    Vec::new()
}

/// The agenda before or after the chosen one; before the first is by hand.
fn agenda_step(v: &mut SetupView, deck: &Deck, forward: bool) {
    let choice = if forward {
        let last = v.agendas.saturating_sub(1);
        Some(v.agenda.map_or(0, |i| (i + 1).min(last)))
    } else {
        v.agenda.and_then(|i| i.checked_sub(1))
    };
    choose_agenda(v, deck, choice);
}

/// The card list's own keys: move, tick, reorder, all or none. Whether
/// the action was one of them.
fn on_cards(v: &mut SetupView, action: Action) -> bool {
    match action {
        Action::Up => v.cursor = v.cursor.saturating_sub(1),
        Action::Down => v.cursor = (v.cursor + 1).min(v.cards.len().saturating_sub(1)),
        Action::Toggle => {
            if let Some(c) = v.cards.get_mut(v.cursor) {
                c.1 = !c.1;
            }
        }
        Action::MoveUp if v.cursor > 0 => {
            v.cards.swap(v.cursor, v.cursor - 1);
            v.cursor -= 1;
        }
        Action::MoveDown if v.cursor + 1 < v.cards.len() => {
            v.cards.swap(v.cursor, v.cursor + 1);
            v.cursor += 1;
        }
        Action::Add => {
            let all = v.cards.iter().all(|(_, on)| *on);
            v.cards.iter_mut().for_each(|c| c.1 = !all);
        }
        _ => return false,
    }
    true
}

/// ↑↓ (or the move keys) on the voters or the minutes: one more or less,
/// within range. Whether the action was one of them.
fn on_number(v: &mut SetupView, action: Action) -> bool {
    let up = match action {
        Action::Up | Action::MoveDown => true,
        Action::Down | Action::MoveUp => false,
        _ => return false,
    };
    match (v.focus, up) {
        (Field::Voters, true) => v.voters = (v.voters + 1).min(MAX_VOTERS as u16),
        (Field::Voters, false) => v.voters = v.voters.saturating_sub(1),
        (Field::Minutes, true) => v.minutes = (v.minutes + 1).min(*MINUTES_PER_CARD.end()),
        (_, _) => v.minutes = v.minutes.saturating_sub(1).max(*MINUTES_PER_CARD.start()),
    }
    true
}

pub fn type_key(v: &mut SetupView, ctx: &mut Ctx, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let lang = ctx.lang;
    match (v.focus, ev.code) {
        (Field::Title | Field::Person, KeyCode::Enter) => v.step(true),
        (Field::Names, KeyCode::Enter) => {
            let name = field_text(&v.name).trim().to_string();
            if name.is_empty() {
                v.step(true);
            } else {
                match setup::check_new_name(&v.names, &name) {
                    Ok(()) => {
                        v.names.push(name);
                        v.name = line_field("", T::SetupNamePlaceholder.get(lang));
                    }
                    // The typed name stays, so it can be told apart.
                    Err(problem) => ctx.say(problem_text(&problem, lang)),
                }
            }
        }
        // With nothing typed, ← → pick a name and Backspace removes it
        // (the last one when none is picked).
        (Field::Names, KeyCode::Left) if v.name.is_empty() && !v.names.is_empty() => {
            v.picked = Some(v.picked.map_or(v.names.len() - 1, |i| i.saturating_sub(1)));
        }
        (Field::Names, KeyCode::Right) if v.name.is_empty() => {
            v.picked = v.picked.map(|i| i + 1).filter(|i| *i < v.names.len());
        }
        (Field::Names, KeyCode::Backspace | KeyCode::Delete) if v.name.is_empty() => {
            match v.picked.take() {
                Some(i) if i < v.names.len() => {
                    v.names.remove(i);
                    v.picked = (!v.names.is_empty()).then(|| i.min(v.names.len() - 1));
                }
                _ => {
                    v.names.pop();
                }
            }
        }
        (Field::Title | Field::Names | Field::Person, KeyCode::Up) => v.step(false),
        (Field::Title | Field::Names | Field::Person, KeyCode::Down) => v.step(true),
        (Field::Person, _) => {
            v.person.input(ev);
        }
        (Field::Title, _) => {
            v.title.input(ev);
        }
        (Field::Names, _) => {
            v.picked = None;
            v.name.input(ev);
        }
        _ => return act(v, ctx, Action::Select, now),
    }
    Vec::new()
}

pub fn paste(v: &mut SetupView, ctx: &mut Ctx, text: &str) -> Vec<Effect> {
    let lang = ctx.lang;
    let text = clean_paste(text, false);
    match v.focus {
        Field::Title => {
            v.title.insert_str(text);
        }
        Field::Person => {
            v.person.insert_str(text);
        }
        Field::Names => {
            // A pasted list of names, one per comma, is added at once.
            let parts: Vec<&str> = text
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() > 1 {
                // Each name that fits is added; the first refusal is told.
                let mut refused = None;
                for part in parts {
                    match setup::check_new_name(&v.names, part) {
                        Ok(()) => v.names.push(part.to_string()),
                        Err(problem) => {
                            refused.get_or_insert(problem);
                        }
                    }
                }
                if let Some(problem) = refused {
                    ctx.say(problem_text(&problem, lang));
                }
            } else {
                v.name.insert_str(text);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The session as set up, once the setup holds; otherwise what is wrong
/// is said and the focus goes where it can be put right.
fn start(v: &mut SetupView, ctx: &mut Ctx, now: Timestamp) -> Vec<Effect> {
    let lang = ctx.lang;
    match session_of(v, ctx.content.deck, lang, now) {
        Ok(session) => vec![Effect::Create(Box::new(session))],
        Err((said, focus)) => {
            ctx.say(said);
            if let Some(focus) = focus {
                v.focus = focus;
            }
            Vec::new()
        }
    }
}

/// What is wrong with a setup, and the field to go to for it.
type Refusal = (String, Option<Field>);

fn session_of(v: &SetupView, deck: &Deck, lang: Lang, now: Timestamp) -> Result<Session, Refusal> {
    if v.selected() == 0 {
        return Err((T::SetupNoCards.get(lang).into(), None));
    }
    let names = names_with_pending(v).map_err(|p| (problem_text(&p, lang), None))?;
    if v.mode == Mode::Team && names.is_empty() && v.voters == 0 {
        return Err((T::SetupNoVoters.get(lang).into(), Some(Field::Names)));
    }
    let person = field_text(&v.person).trim().to_string();
    if v.mode == Mode::Solo && person.is_empty() {
        return Err((T::SetupNoPerson.get(lang).into(), Some(Field::Person)));
    }
    let typed = field_text(&v.title).trim().to_string();
    let title = match (typed.is_empty(), v.mode) {
        (false, _) => typed,
        (true, Mode::Solo) => crate::i18n::labels::session_kind(Mode::Solo, Some(&person), lang),
        (true, Mode::Team) => default_title(v.mode, lang).to_string(),
    };
    let deck_ref = DeckRef {
        id: deck.id.clone(),
        version: deck.version.clone(),
        embedded: None,
    };
    let mut session = Session::new(String::new(), title, v.mode, lang, deck_ref, now);
    session.participants = match v.mode {
        Mode::Solo => Session::named_participants(&[person]),
        Mode::Team if names.is_empty() => Session::anonymous_participants(v.voters as usize),
        Mode::Team => Session::named_participants(&names),
    };
    session.minutes_per_card = v.minutes;
    session.cards = v
        .cards
        .iter()
        .filter(|(_, on)| *on)
        .map(|(id, _)| CardProgress::new(id.clone()))
        .collect();
    // The same rules as `datakompas new`.
    setup::validate_setup(&session).map_err(|p| (problem_text(&p, lang), None))?;
    Ok(session)
}

/// The names entered, and the one still being typed when there is one.
fn names_with_pending(v: &SetupView) -> Result<Vec<String>, SetupProblem> {
    let pending = field_text(&v.name).trim().to_string();
    let mut names = v.names.clone();
    if !pending.is_empty() {
        setup::check_new_name(&names, &pending)?;
        names.push(pending);
    }
    Ok(names)
}

/// A broken setup rule, said calmly in the words of this screen.
fn problem_text(problem: &SetupProblem, lang: Lang) -> String {
    match problem {
        SetupProblem::DuplicateName(name) => {
            fill(T::SetupDuplicateName.get(lang), &[("name", name)])
        }
        SetupProblem::TooManyVoters => fill(
            T::SetupTooManyVoters.get(lang),
            &[("max", &MAX_VOTERS.to_string())],
        ),
        SetupProblem::NoVoters | SetupProblem::EmptyName => T::SetupNoVoters.get(lang).into(),
        SetupProblem::NoCards => T::SetupNoCards.get(lang).into(),
        // The screen keeps these in range itself; said plainly if not.
        SetupProblem::EmptyTitle | SetupProblem::Minutes | SetupProblem::TooManyPrinciples => {
            T::SetupCannotStart.get(lang).into()
        }
    }
}

/// `2 h 20 min`, `45 min`.
pub fn duration(minutes: u32, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => fill(T::Minutes.get(lang), &[("m", &m.to_string())]),
        (h, 0) => fill(T::Hours.get(lang), &[("h", &h.to_string())]),
        (h, m) => fill(
            T::HoursMinutes.get(lang),
            &[("h", &h.to_string()), ("m", &m.to_string())],
        ),
    }
}
