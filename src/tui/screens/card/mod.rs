//! The card loop: story → gut check → discuss → decide → reveal, for every
//! card, with free movement between stages and cards.

use jiff::Timestamp;
use ratatui_textarea::TextArea;

use super::Screen;
use crate::domain::{Card, CardKind, CardProgress, Deck, Lang, Session, Stage};
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect, OpenSession};
use crate::tui::keymap::{Action, Context};
use crate::tui::widgets::note_field;

pub use view::render;

pub mod console;
pub mod decide;
pub mod decide_view;
pub mod discuss;
pub mod gut;
pub mod reveal;
pub mod spread;
pub mod story;
mod view;

pub use crate::tui::widgets::DecidePart as Part;

/// View state of the card loop; the session holds everything recorded.
pub struct CardView {
    pub scroll: u16,
    /// How far the reading text can scroll, as last drawn.
    pub max_scroll: std::cell::Cell<u16>,
    pub voter: usize,
    pub part: Part,
    pub option: usize,
    pub safeguard: usize,
    pub principle: usize,
    /// The butcher-test point under the cursor on the discuss stage.
    pub butcher: usize,
    pub rationale: TextArea<'static>,
    /// The discussion timer runs from then on, on top of `timer_base`.
    pub timer_since: Option<Timestamp>,
    pub timer_base: u32,
    /// `r` was pressed with votes missing; pressed again, it reveals anyway.
    pub reveal_armed: bool,
}

impl CardView {
    pub fn new(session: &Session, deck: &Deck, lang: Lang) -> CardView {
        // The options list opens on the team's choice, if there is one.
        let option = session
            .cards
            .get(session.position.card)
            .and_then(|p| {
                let chosen = p.decision.option.as_deref()?;
                deck.card(&p.card)?
                    .options
                    .iter()
                    .position(|o| o.id == chosen)
            })
            .unwrap_or(0);
        let (rationale, voter) = match session.cards.get(session.position.card) {
            Some(p) => (
                p.decision.rationale.as_str(),
                first_without_vote(session, p),
            ),
            None => ("", 0),
        };
        CardView {
            scroll: 0,
            max_scroll: std::cell::Cell::new(u16::MAX),
            voter,
            part: Part::Options,
            option,
            safeguard: 0,
            principle: 0,
            butcher: 0,
            rationale: note_field(rationale, T::RationalePlaceholder.get(lang)),
            timer_since: None,
            timer_base: 0,
            reveal_armed: false,
        }
    }

    pub fn relabel(&mut self, lang: Lang) {
        self.rationale
            .set_placeholder_text(T::RationalePlaceholder.get(lang));
    }
}

fn first_without_vote(session: &Session, p: &CardProgress) -> usize {
    session
        .participants
        .iter()
        .position(|v| !p.votes.contains_key(&v.id))
        .unwrap_or(0)
}

/// The card being played and its progress.
pub fn current(open: &OpenSession) -> Option<(&CardProgress, &Card)> {
    let p = open.session.cards.get(open.session.position.card)?;
    Some((p, open.deck.card(&p.card)?))
}

pub fn current_mut(open: &mut OpenSession) -> Option<&mut CardProgress> {
    open.session.cards.get_mut(open.session.position.card)
}

pub fn context(app: &App) -> Context {
    let Some(open) = &app.open else {
        return Context::Home;
    };
    if app.room.as_ref().is_some_and(|r| r.panel) {
        return Context::RoomPanel;
    }
    match open.session.position.stage {
        Stage::Story => Context::Story,
        Stage::GutCheck if open.session.mode == crate::domain::Mode::Solo => Context::GutCheckSolo,
        Stage::GutCheck if current(open).is_some_and(|(p, _)| p.revealed) => {
            Context::GutCheckRevealed
        }
        Stage::GutCheck => Context::GutCheck,
        Stage::Discuss => Context::Discuss,
        Stage::Decide if open.view.part == Part::Rationale && open.read_only.is_none() => {
            Context::Typing
        }
        Stage::Decide => Context::Decide,
        Stage::Reveal => Context::Reveal,
    }
}

// ---- the discussion timer: time is passed in, so tests control it ----

/// Brings `seconds_spent` up to date while the timer runs.
pub fn tick_timer(app: &mut App, now: Timestamp) {
    let Some(open) = app.open.as_mut() else {
        return;
    };
    if tick_timer_open(open, now) && open.read_only.is_none() {
        app.save.dirty_since.get_or_insert(now);
    }
}

/// Updates the open card's time; true when a save is due (every half minute).
pub fn tick_timer_open(open: &mut OpenSession, now: Timestamp) -> bool {
    let Some(since) = open.view.timer_since else {
        return false;
    };
    // A clock that jumps, or a hand-edited time near the limit, must not
    // wrap or panic: the count simply stops at its largest value.
    let run = u32::try_from(now.duration_since(since).as_secs().max(0)).unwrap_or(u32::MAX);
    let total = open.view.timer_base.saturating_add(run);
    match current_mut(open) {
        Some(p) => {
            let due = total / 30 != p.seconds_spent / 30;
            p.seconds_spent = total;
            due
        }
        None => false,
    }
}

pub fn stop_timer(view: &mut CardView) {
    view.timer_since = None;
}

fn start_timer(open: &mut OpenSession, now: Timestamp) {
    let base = current_mut(open).map_or(0, |p| p.seconds_spent);
    open.view.timer_base = base;
    open.view.timer_since = Some(now);
}

pub fn toggle_timer(open: &mut OpenSession, now: Timestamp) {
    if open.view.timer_since.is_some() {
        stop_timer(&mut open.view);
    } else {
        start_timer(open, now);
    }
}

/// Called on arriving at a stage: the discussion timer starts by itself.
pub fn enter_stage(open: &mut OpenSession, now: Timestamp) {
    if open.session.position.stage == Stage::Discuss && open.read_only.is_none() {
        start_timer(open, now);
    }
}

/// Moves to a card and stage, saving what was there.
pub fn go(app: &mut App, card: usize, stage: Stage, now: Timestamp) -> Vec<Effect> {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    if card >= open.session.cards.len() {
        return Vec::new();
    }
    stop_timer(&mut open.view);
    let card_changed = card != open.session.position.card;
    open.session.position.card = card;
    open.session.position.stage = stage;
    open.view.scroll = 0;
    if card_changed {
        open.view = CardView::new(&open.session, &open.deck, lang);
    }
    enter_stage(open, now);
    app.changed(now);
    app.flush()
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_ref() else {
        return super::close_session(app);
    };
    let pos = open.session.position;
    let last = open.session.cards.len().saturating_sub(1);
    match action {
        Action::NextStage => match pos.stage.next() {
            Some(stage) => go(app, pos.card, stage, now),
            None if pos.card < last => go(app, pos.card + 1, Stage::Story, now),
            None => to_end(app),
        },
        Action::PrevStage => match pos.stage.prev() {
            Some(stage) => go(app, pos.card, stage, now),
            None if pos.card > 0 => go(app, pos.card - 1, Stage::Reveal, now),
            None => Vec::new(),
        },
        Action::NextCard if pos.card < last => go(app, pos.card + 1, Stage::Story, now),
        Action::NextCard => to_end(app),
        Action::PrevCard if pos.card > 0 => go(app, pos.card - 1, Stage::Story, now),
        Action::Stage(i) => go(app, pos.card, Stage::ALL[i.min(4)], now),
        Action::Overview => {
            let cursor = pos.card;
            app.screen = Screen::Overview(super::overview::OverviewView { cursor });
            app.flush()
        }
        Action::EndSession => to_end(app),
        Action::Principles => {
            let v = super::principles::PrinciplesView::new(true);
            app.screen = Screen::Principles(Box::new(v));
            app.flush()
        }
        Action::Presentation => {
            app.presentation = !app.presentation;
            Vec::new()
        }
        Action::Quit => super::close_session(app),
        _ => match pos.stage {
            Stage::Story => story::act(app, action),
            Stage::GutCheck => gut::act(app, action, now),
            Stage::Discuss => discuss::act(app, action, now),
            Stage::Decide => decide::act(app, action, now),
            Stage::Reveal => reveal::act(app, action),
        },
    }
}

fn to_end(app: &mut App) -> Vec<Effect> {
    if let Some(open) = app.open.as_mut() {
        stop_timer(&mut open.view);
    }
    app.screen = Screen::End(Default::default());
    app.flush()
}

/// Scrolling shared by the reading stages.
pub fn scroll(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(open) = app.open.as_mut() {
        let max = open.view.max_scroll.get();
        open.view.scroll = crate::tui::widgets::scroll_by(open.view.scroll, action, max);
    }
    Vec::new()
}

pub fn kind_label(kind: CardKind, lang: Lang) -> &'static str {
    crate::i18n::labels::kind(kind).get(lang)
}

pub fn stage_label(stage: Stage, lang: Lang) -> &'static str {
    crate::i18n::labels::stage(stage).title(lang)
}
