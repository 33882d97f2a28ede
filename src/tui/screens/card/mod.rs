//! The card loop: story → gut check → discuss → decide → reveal, for every
//! card, with free movement between stages and cards.
//!
//! It follows the screens' pattern: each stage owns its part of the
//! [`CardView`] and acts through the shared [`Ctx`]; drawing gets a
//! [`CardLook`].

use jiff::Timestamp;

use crate::domain::session::Position;
use crate::domain::{Card, CardKind, CardProgress, Deck, Lang, Session, Stage};
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::{Action, Context};

use super::context::{Ctx, Open};

pub use look::{BIG_TITLE_ROWS, CardLook, Desk};
pub use view::render;

pub mod console;
pub mod decide;
pub mod decide_view;
pub mod discuss;
pub mod gut;
mod look;
pub mod reveal;
pub mod spread;
pub mod story;
pub mod timer;
mod view;

pub use crate::tui::widgets::DecidePart as Part;

/// View state of the card loop, one part per stage; the session holds
/// everything recorded.
pub struct CardView {
    /// The reading text of the story, the discussion and the reveal.
    pub reading: Reading,
    pub gut: gut::GutView,
    pub discuss: discuss::DiscussView,
    pub decide: decide::DecideView,
}

/// How far the reading text is scrolled.
pub struct Reading {
    pub scroll: u16,
    /// How far the reading text can scroll, as last drawn.
    pub max_scroll: std::cell::Cell<u16>,
}

impl CardView {
    pub fn new(session: &Session, deck: &Deck, lang: Lang) -> CardView {
        let progress = session.cards.get(session.position.card);
        CardView {
            reading: Reading {
                scroll: 0,
                max_scroll: std::cell::Cell::new(u16::MAX),
            },
            gut: gut::GutView::new(session, progress),
            discuss: discuss::DiscussView::default(),
            decide: decide::DecideView::new(progress, deck, lang),
        }
    }

    pub fn relabel(&mut self, lang: Lang) {
        self.decide.relabel(lang);
    }
}

/// The card being played and its progress.
pub fn current<'a>(open: &Open<'a>) -> Option<(&'a CardProgress, &'a Card)> {
    let p = open.session.cards.get(open.session.position.card)?;
    Some((p, open.deck.card(&p.card)?))
}

pub fn current_mut(session: &mut Session) -> Option<&mut CardProgress> {
    session.cards.get_mut(session.position.card)
}

/// The key table of the stage on screen; `panel` is the room's panel over it.
pub fn context(open: &Open, view: &CardView, panel: bool) -> Context {
    if panel {
        return Context::RoomPanel;
    }
    match open.session.position.stage {
        Stage::Story => Context::Story,
        Stage::GutCheck if open.solo() => Context::GutCheckSolo,
        Stage::GutCheck if current(open).is_some_and(|(p, _)| p.revealed) => {
            Context::GutCheckRevealed
        }
        Stage::GutCheck => Context::GutCheck,
        Stage::Discuss => Context::Discuss,
        Stage::Decide if view.decide.part == Part::Rationale && !open.read_only => Context::Typing,
        Stage::Decide => Context::Decide,
        Stage::Reveal => Context::Reveal,
    }
}

/// Called on arriving at a stage: the discussion timer starts by itself.
pub fn enter_stage(view: &mut CardView, session: &Session, read_only: bool, now: Timestamp) {
    if session.position.stage == Stage::Discuss && !read_only {
        timer::start(&mut view.discuss, session, now);
    }
}

/// Moves to a card and stage, saving what was there.
pub fn go(
    view: &mut CardView,
    ctx: &mut Ctx,
    card: usize,
    stage: Stage,
    now: Timestamp,
) -> Vec<Effect> {
    let Some(open) = ctx.open() else {
        return Vec::new();
    };
    if card >= open.session.cards.len() {
        return Vec::new();
    }
    let card_changed = card != open.session.position.card;
    timer::stop(&mut view.discuss);
    if let Some(at) = ctx.position_mut() {
        *at = Position { card, stage };
    }
    let lang = ctx.lang;
    let Some(open) = ctx.open() else {
        return Vec::new();
    };
    view.reading.scroll = 0;
    if card_changed {
        *view = CardView::new(open.session, open.deck, lang);
    }
    enter_stage(view, open.session, open.read_only, now);
    ctx.changed();
    vec![Effect::Save]
}

pub fn act(view: &mut CardView, ctx: &mut Ctx, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(open) = ctx.open() else {
        return vec![Effect::Go(Goto::LeaveSession)];
    };
    let pos = open.session.position;
    let last = open.session.cards.len().saturating_sub(1);
    match action {
        Action::NextStage => match pos.stage.next() {
            Some(stage) => go(view, ctx, pos.card, stage, now),
            None if pos.card < last => go(view, ctx, pos.card + 1, Stage::Story, now),
            None => to_end(view),
        },
        Action::PrevStage => match pos.stage.prev() {
            Some(stage) => go(view, ctx, pos.card, stage, now),
            None if pos.card > 0 => go(view, ctx, pos.card - 1, Stage::Reveal, now),
            None => Vec::new(),
        },
        Action::NextCard if pos.card < last => go(view, ctx, pos.card + 1, Stage::Story, now),
        Action::NextCard => to_end(view),
        Action::PrevCard if pos.card > 0 => go(view, ctx, pos.card - 1, Stage::Story, now),
        Action::Stage(i) => go(view, ctx, pos.card, Stage::ALL[i.min(4)], now),
        Action::Overview => vec![Effect::Go(Goto::Overview(pos.card))],
        Action::EndSession => to_end(view),
        Action::Principles => vec![Effect::Go(Goto::Principles)],
        // The app's own: it changes the look of every screen.
        Action::Presentation => Vec::new(),
        Action::Quit => vec![Effect::Go(Goto::LeaveSession)],
        _ => match pos.stage {
            Stage::Story => story::act(&mut view.reading, action),
            Stage::GutCheck => gut::act(&mut view.gut, ctx, action),
            Stage::Discuss => discuss::act(&mut view.discuss, &mut view.reading, ctx, action, now),
            Stage::Decide => decide::act(&mut view.decide, ctx, action),
            Stage::Reveal => reveal::act(&mut view.reading, action),
        },
    }
}

fn to_end(view: &mut CardView) -> Vec<Effect> {
    timer::stop(&mut view.discuss);
    vec![Effect::Go(Goto::End)]
}

/// Scrolling shared by the reading stages.
pub fn scroll(reading: &mut Reading, action: Action) -> Vec<Effect> {
    let max = reading.max_scroll.get();
    reading.scroll = crate::tui::widgets::scroll_by(reading.scroll, action, max);
    Vec::new()
}

pub fn kind_label(kind: CardKind, lang: Lang) -> &'static str {
    crate::i18n::labels::kind(kind).get(lang)
}

pub fn stage_label(stage: Stage, lang: Lang) -> &'static str {
    crate::i18n::labels::stage(stage).title(lang)
}
