//! Session setup: title, participants (names or a number of anonymous
//! voters), which cards in which order, and minutes per card.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui_textarea::TextArea;

use super::Screen;
use crate::domain::session::DeckRef;
use crate::domain::{CardProgress, Lang, Mode, Session};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{clean_paste, field_text, line_field, panel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Names,
    Voters,
    Minutes,
    Cards,
    Start,
}

pub struct SetupView {
    pub mode: Mode,
    pub focus: Field,
    pub title: TextArea<'static>,
    pub name: TextArea<'static>,
    pub names: Vec<String>,
    pub voters: u16,
    pub minutes: u16,
    /// Card id and whether it is played, in playing order.
    pub cards: Vec<(String, bool)>,
    pub cursor: usize,
}

const CARD_ROW: usize = 0;

impl SetupView {
    pub fn new(app: &App, mode: Mode, _now: Timestamp) -> SetupView {
        let lang = app.lang;
        SetupView {
            mode,
            focus: Field::Title,
            title: line_field("", default_title(mode, lang)),
            name: line_field("", T::SetupNamePlaceholder.get(lang)),
            names: Vec::new(),
            voters: 0,
            minutes: match mode {
                Mode::Team => 10,
                Mode::Solo => 1,
            },
            cards: app
                .assets
                .deck
                .cards
                .iter()
                .map(|c| (c.id.clone(), true))
                .collect(),
            cursor: 0,
        }
    }

    pub fn typing(&self) -> bool {
        matches!(self.focus, Field::Title | Field::Names)
    }

    pub fn relabel(&mut self, lang: Lang) {
        self.title
            .set_placeholder_text(default_title(self.mode, lang));
        self.name
            .set_placeholder_text(T::SetupNamePlaceholder.get(lang));
    }

    fn fields(&self) -> &'static [Field] {
        match self.mode {
            Mode::Team => &[
                Field::Title,
                Field::Names,
                Field::Voters,
                Field::Minutes,
                Field::Cards,
                Field::Start,
            ],
            Mode::Solo => &[Field::Title, Field::Minutes, Field::Cards, Field::Start],
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

    fn selected(&self) -> usize {
        self.cards.iter().filter(|(_, on)| *on).count()
    }
}

fn default_title(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::Team => T::SetupDefaultTeamTitle.get(lang),
        Mode::Solo => T::SetupDefaultSoloTitle.get(lang),
    }
}

fn view(app: &mut App) -> &mut SetupView {
    match &mut app.screen {
        Screen::Setup(v) => v,
        _ => unreachable!("setup actions only reach the setup screen"),
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let v = view(app);
    match (action, v.focus) {
        (Action::FocusNext, _) => v.step(true),
        (Action::FocusPrev, _) => v.step(false),
        (Action::Back, Field::Title | Field::Names) => v.focus = Field::Cards,
        (Action::Back, _) => app.screen = Screen::Home(Default::default()),
        (Action::Up, Field::Cards) => v.cursor = v.cursor.saturating_sub(1),
        (Action::Down, Field::Cards) => {
            v.cursor = (v.cursor + 1).min(v.cards.len().saturating_sub(1))
        }
        (Action::Toggle, Field::Cards) => {
            if let Some(c) = v.cards.get_mut(v.cursor) {
                c.1 = !c.1;
            }
        }
        (Action::MoveUp, Field::Cards) if v.cursor > 0 => {
            v.cards.swap(v.cursor, v.cursor - 1);
            v.cursor -= 1;
        }
        (Action::MoveDown, Field::Cards) if v.cursor + 1 < v.cards.len() => {
            v.cards.swap(v.cursor, v.cursor + 1);
            v.cursor += 1;
        }
        (Action::Add, Field::Cards) => {
            let all = v.cards.iter().all(|(_, on)| *on);
            v.cards.iter_mut().for_each(|c| c.1 = !all);
        }
        (Action::Up | Action::MoveDown, Field::Voters) => v.voters = (v.voters + 1).min(99),
        (Action::Down | Action::MoveUp, Field::Voters) => v.voters = v.voters.saturating_sub(1),
        (Action::Up | Action::MoveDown, Field::Minutes) => v.minutes = (v.minutes + 1).min(120),
        (Action::Down | Action::MoveUp, Field::Minutes) => {
            v.minutes = v.minutes.saturating_sub(1).max(1)
        }
        (Action::Up, _) => v.step(false),
        (Action::Down, _) => v.step(true),
        (Action::Row(i), _) => {
            v.focus = Field::Cards;
            v.cursor = (i - CARD_ROW).min(v.cards.len().saturating_sub(1));
            if let Some(c) = v.cards.get_mut(v.cursor) {
                c.1 = !c.1;
            }
        }
        (Action::Continue | Action::Select, _) => return start(app, now),
        _ => {}
    }
    Vec::new()
}

pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let lang = app.lang;
    let v = view(app);
    match (v.focus, ev.code) {
        (Field::Title, KeyCode::Enter) => v.step(true),
        (Field::Names, KeyCode::Enter) => {
            let name = field_text(&v.name).trim().to_string();
            if name.is_empty() {
                v.step(true);
            } else {
                v.names.push(name);
                v.name = line_field("", T::SetupNamePlaceholder.get(lang));
            }
        }
        (Field::Names, KeyCode::Backspace) if v.name.is_empty() => {
            v.names.pop();
        }
        (Field::Title, KeyCode::Up) | (Field::Names, KeyCode::Up) => v.step(false),
        (Field::Title, KeyCode::Down) | (Field::Names, KeyCode::Down) => v.step(true),
        (Field::Title, _) => {
            v.title.input(ev);
        }
        (Field::Names, _) => {
            v.name.input(ev);
        }
        _ => return act(app, Action::Select, now),
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str, _now: Timestamp) -> Vec<Effect> {
    let v = view(app);
    let text = clean_paste(text, false);
    match v.focus {
        Field::Title => {
            v.title.insert_str(text);
        }
        Field::Names => {
            // A pasted list of names, one per comma, is added at once.
            let parts: Vec<&str> = text
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if parts.len() > 1 {
                v.names.extend(parts.iter().map(|s| s.to_string()));
            } else {
                v.name.insert_str(text);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn start(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let lang = app.lang;
    let deck = &app.assets.deck;
    let v = match &app.screen {
        Screen::Setup(v) => v,
        _ => return Vec::new(),
    };
    if v.selected() == 0 {
        app.notice = Some(T::SetupNoCards.get(lang).into());
        return Vec::new();
    }
    let pending = field_text(&v.name).trim().to_string();
    let mut names = v.names.clone();
    if !pending.is_empty() {
        names.push(pending);
    }
    if v.mode == Mode::Team && names.is_empty() && v.voters == 0 {
        app.notice = Some(T::SetupNoVoters.get(lang).into());
        if let Screen::Setup(v) = &mut app.screen {
            v.focus = Field::Names;
        }
        return Vec::new();
    }
    let typed = field_text(&v.title).trim().to_string();
    let title = if typed.is_empty() {
        default_title(v.mode, lang).to_string()
    } else {
        typed
    };
    let deck_ref = DeckRef {
        id: deck.id.clone(),
        version: deck.version.clone(),
        embedded: None,
    };
    let mut session = Session::new(String::new(), title, v.mode, lang, deck_ref, now);
    session.participants = match v.mode {
        Mode::Solo => Session::named_participants(&[""]),
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
    vec![Effect::Create(Box::new(session))]
}

pub fn render(app: &App, v: &SetupView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let team = v.mode == Mode::Team;
    let [title_area, names_area, numbers_area, cards_area, start_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(if team { 4 } else { 0 }),
        Constraint::Length(if team { 2 } else { 1 }),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);

    let mut title = v.title.clone();
    title.set_block(panel(&th, T::SetupTitle.get(lang), v.focus == Field::Title));
    title.set_cursor_style(cursor_style(&th, v.focus == Field::Title));
    f.render_widget(&title, title_area);

    if team {
        let block = panel(&th, T::SetupParticipants.get(lang), v.focus == Field::Names);
        let inner = block.inner(names_area);
        f.render_widget(block, names_area);
        let [list, input] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
        let names = if v.names.is_empty() {
            Span::styled(T::SetupNoNames.get(lang), th.muted())
        } else {
            Span::raw(v.names.join(" · "))
        };
        f.render_widget(Paragraph::new(Line::from(names)), list);
        let mut name = v.name.clone();
        name.set_cursor_style(cursor_style(&th, v.focus == Field::Names));
        f.render_widget(&name, input);
    }

    let number = |label: T, value: u16, focused: bool, hint: Option<T>| {
        let style = if focused { th.focus() } else { th.chosen() };
        let mut spans = vec![
            Span::raw(format!(" {}: ", label.get(lang))),
            Span::styled(format!(" ◂ {value} ▸ "), style),
        ];
        if let Some(h) = hint {
            spans.push(Span::styled(format!("  {}", h.get(lang)), th.muted()));
        }
        Line::from(spans)
    };
    let mut lines = Vec::new();
    if team {
        lines.push(number(
            T::SetupVoters,
            v.voters,
            v.focus == Field::Voters,
            Some(T::SetupVotersHint),
        ));
    }
    lines.push(number(
        T::SetupMinutes,
        v.minutes,
        v.focus == Field::Minutes,
        None,
    ));
    f.render_widget(Paragraph::new(lines), numbers_area);

    let total = v.selected() as u32 * u32::from(v.minutes);
    let heading = fill(
        T::SetupCards.get(lang),
        &[
            ("n", &v.selected().to_string()),
            ("time", &duration(total, lang)),
        ],
    );
    let block = panel(&th, &heading, v.focus == Field::Cards);
    let inner = block.inner(cards_area);
    f.render_widget(block, cards_area);
    let items: Vec<ListItem> = v
        .cards
        .iter()
        .enumerate()
        .map(|(i, (id, on))| {
            let title = app
                .assets
                .deck
                .card(id)
                .map(|c| c.title.get(lang))
                .unwrap_or(id);
            let mark = if *on { "[x]" } else { "[ ]" };
            let style = if *on { th.text() } else { th.muted() };
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!(" {mark} "),
                    if *on { th.chosen() } else { th.muted() },
                ),
                Span::styled(format!("{:>2}. {title}", i + 1), style),
            ]))
        })
        .collect();
    let mut state =
        ListState::default().with_selected((v.focus == Field::Cards).then_some(v.cursor));
    if v.focus != Field::Cards {
        *state.offset_mut() = v
            .cursor
            .saturating_sub(inner.height.saturating_sub(1) as usize);
    }
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for (row, i) in (state.offset()..v.cards.len()).enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Row(CARD_ROW + i),
        });
    }

    let label = format!(" {} ", T::SetupStart.get(lang));
    let style = if v.focus == Field::Start {
        th.focus()
    } else {
        th.chosen()
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(" "), Span::styled(label, style)])),
        start_area,
    );
}

fn cursor_style(th: &crate::tui::theme::Theme, focused: bool) -> ratatui::style::Style {
    if focused {
        th.focus()
    } else {
        ratatui::style::Style::new()
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
