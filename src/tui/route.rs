//! Routing between the screens: which key table applies, which screen an
//! action, a typed key or a paste goes to, and carrying out what a screen
//! returns for the app ([`Effect::Go`], [`Effect::App`], its notice).
//! Dispatch is here, once per screen: nothing below matches on [`Screen`]
//! again. The screens themselves know nothing of the `App`.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::effect::{Effect, Goto};
use super::keymap::{Action, Context};
use super::screens::card::{self, CardView};
use super::screens::context::{Ctx, Said};
use super::screens::{Screen, browse, end, follow_up, home, overview, principles, setup};

pub fn context(app: &App) -> Context {
    match &app.screen {
        Screen::Home(_) => Context::Home,
        Screen::Browse(_) => Context::Browse,
        Screen::Setup(v) if v.typing() => Context::Typing,
        Screen::Setup(v) => match v.focus {
            setup::Field::Voters | setup::Field::Minutes => Context::SetupNumber,
            setup::Field::Start => Context::SetupStart,
            setup::Field::Agenda => Context::SetupAgenda,
            _ => Context::Setup,
        },
        Screen::Principles(v) if v.typing() => Context::Form,
        Screen::Principles(_) => Context::Principles,
        Screen::Card => match &app.open {
            Some(open) => {
                let panel = app.room.as_ref().is_some_and(|r| r.panel);
                card::context(&open.look(), &open.view, panel)
            }
            None => Context::Home,
        },
        Screen::Overview(_) => Context::Overview,
        Screen::End(v) => match &v.follow {
            Some(f) if f.typing() => Context::FollowUpForm,
            Some(_) => Context::FollowUp,
            None => Context::End,
        },
    }
}

/// The context for a screen that gets its own state: built from the app's
/// fields apart from `screen`, so the screen's view can be lent beside it.
macro_rules! ctx {
    ($app:ident, $theme:ident) => {
        Ctx::new(
            $app.lang,
            $theme,
            $app.assets.content(),
            $app.open
                .as_mut()
                .map(|o| (&mut o.session, &o.deck, o.read_only.is_some())),
        )
    };
}

/// Lends the card loop its view and the context beside it, then carries
/// out what it returned; `None` without an open session.
fn with_card(
    app: &mut App,
    now: Timestamp,
    run: impl FnOnce(&mut CardView, &mut Ctx) -> Vec<Effect>,
) -> Option<Vec<Effect>> {
    let theme = app.theme();
    let open = app.open.as_mut()?;
    let mut ctx = Ctx::new(
        app.lang,
        theme,
        app.assets.content(),
        Some((&mut open.session, &open.deck, open.read_only.is_some())),
    );
    let effects = run(&mut open.view, &mut ctx);
    let said = ctx.finish();
    Some(settle(app, said, effects, now))
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let theme = app.theme();
    let (effects, said) = match &mut app.screen {
        Screen::Home(v) => {
            let mut ctx = ctx!(app, theme);
            let saved = home::Saved {
                listings: &app.listings,
                restorable: &mut app.restorable,
            };
            (home::act(v, &mut ctx, saved, action), ctx.finish())
        }
        Screen::Browse(v) => {
            let mut ctx = ctx!(app, theme);
            (browse::act(v, &mut ctx, action), ctx.finish())
        }
        Screen::Setup(v) => {
            let mut ctx = ctx!(app, theme);
            (setup::act(v, &mut ctx, action, now), ctx.finish())
        }
        Screen::Principles(v) => {
            let mut ctx = ctx!(app, theme);
            (principles::act(v, &mut ctx, action), ctx.finish())
        }
        Screen::Overview(v) => {
            let mut ctx = ctx!(app, theme);
            (overview::act(v, &mut ctx, action), ctx.finish())
        }
        Screen::End(end::EndView {
            follow: Some(v), ..
        }) => {
            let mut ctx = ctx!(app, theme);
            (follow_up::act(v, &mut ctx, action), ctx.finish())
        }
        Screen::End(v) => (end::act(v, action), Said::default()),
        Screen::Card => {
            return with_card(app, now, |v, ctx| card::act(v, ctx, action, now))
                .unwrap_or_else(|| close_session(app));
        }
    };
    settle(app, said, effects, now)
}

/// A key typed into the focused text field.
pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let theme = app.theme();
    let (effects, said) = match &mut app.screen {
        Screen::Principles(v) => {
            let mut ctx = ctx!(app, theme);
            (principles::type_key(v, &mut ctx, ev), ctx.finish())
        }
        Screen::End(end::EndView {
            follow: Some(v), ..
        }) => {
            let mut ctx = ctx!(app, theme);
            (follow_up::type_key(v, &mut ctx, ev), ctx.finish())
        }
        Screen::Setup(v) => {
            let mut ctx = ctx!(app, theme);
            (setup::type_key(v, &mut ctx, ev, now), ctx.finish())
        }
        Screen::Card => {
            return with_card(app, now, |v, ctx| {
                card::decide::type_key(&mut v.decide, ctx, ev)
            })
            .unwrap_or_default();
        }
        _ => return Vec::new(),
    };
    settle(app, said, effects, now)
}

/// A vote from a phone in the room, taken like one typed for that
/// participant; true when it was taken.
pub fn cast_vote(app: &mut App, participant: &str, value: u8, now: Timestamp) -> bool {
    let mut taken = false;
    with_card(app, now, |v, ctx| {
        taken = card::gut::cast(&mut v.gut, ctx, participant, value);
        Vec::new()
    });
    taken
}

/// The mouse wheel on the discussion scrolls its text (see
/// `card::discuss::wheel`); false when the card loop is not discussing.
pub fn wheel(app: &mut App, up: bool) -> bool {
    if !matches!(app.screen, Screen::Card) {
        return false;
    }
    app.open.as_mut().is_some_and(|open| {
        let stage = open.session.position.stage;
        card::discuss::wheel(&mut open.view.reading, stage, up)
    })
}

/// Carries out what a screen left for the app: its notice, a change to the
/// session, and where it sent the user. The rest is for the loop.
fn settle(app: &mut App, said: Said, effects: Vec<Effect>, now: Timestamp) -> Vec<Effect> {
    if let Some(notice) = said.notice {
        app.notice = Some(notice);
    }
    if said.changed {
        app.changed(now);
    }
    let mut out = Vec::new();
    for effect in effects {
        match effect {
            Effect::Go(to) => out.extend(go(app, to, now)),
            Effect::App(action) => out.extend(app.act(action, now)),
            other => out.push(other),
        }
    }
    out
}

fn go(app: &mut App, to: Goto, now: Timestamp) -> Vec<Effect> {
    match to {
        Goto::Home => {
            app.screen = Screen::Home(Default::default());
            Vec::new()
        }
        Goto::Card => {
            app.screen = Screen::Card;
            app.flush()
        }
        Goto::LeaveSession => close_session(app),
        Goto::CloseDialog => {
            if let Screen::End(v) = &mut app.screen {
                v.follow = None;
            }
            Vec::new()
        }
        Goto::CardAt(at) => {
            app.screen = Screen::Card;
            with_card(app, now, |v, ctx| {
                card::go(v, ctx, at, crate::domain::Stage::Story, now)
            })
            .unwrap_or_default()
        }
        Goto::Overview(cursor) => {
            app.screen = Screen::Overview(overview::OverviewView { cursor });
            app.flush()
        }
        Goto::Principles => {
            let v = principles::PrinciplesView::new(true);
            app.screen = Screen::Principles(Box::new(v));
            app.flush()
        }
        Goto::Setup(mode) => {
            let view = setup::SetupView::new(&app.assets.deck, app.lang, mode);
            app.screen = Screen::Setup(Box::new(view));
            Vec::new()
        }
        Goto::Browse => {
            app.screen = Screen::Browse(Default::default());
            Vec::new()
        }
        Goto::End => {
            app.screen = Screen::End(Default::default());
            app.flush()
        }
        Goto::Quit => app.quit(),
    }
}

/// Pasted text goes to the focused text field, control characters removed.
pub fn paste(app: &mut App, text: &str, now: Timestamp) -> Vec<Effect> {
    if !context(app).is_typing() {
        return Vec::new();
    }
    let theme = app.theme();
    match &mut app.screen {
        Screen::Setup(v) => {
            let mut ctx = ctx!(app, theme);
            let effects = setup::paste(v, &mut ctx, text);
            let said = ctx.finish();
            settle(app, said, effects, now)
        }
        Screen::Principles(v) => principles::paste(v, text),
        Screen::Card => with_card(app, now, |v, ctx| {
            card::decide::paste(&mut v.decide, ctx, text)
        })
        .unwrap_or_default(),
        Screen::End(end::EndView {
            follow: Some(v), ..
        }) => follow_up::paste(v, text),
        _ => Vec::new(),
    }
}

/// The language changed: placeholders inside text fields follow.
pub fn relabel(app: &mut App) {
    let lang = app.lang;
    match &mut app.screen {
        Screen::Setup(v) => v.relabel(lang),
        Screen::Principles(v) => v.relabel(lang),
        Screen::End(v) => {
            if let Some(f) = v.follow.as_mut() {
                f.relabel(lang);
            }
        }
        _ => {}
    }
    if let Some(open) = app.open.as_mut() {
        open.view.relabel(lang);
    }
}

/// Leaves the open session for the home screen, saving first. The loop
/// lets go of it only once it is saved; otherwise it stays open and the
/// user is told (see `App::close_refused`).
pub fn close_session(app: &mut App) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        app.left_session();
        return vec![Effect::Refresh];
    };
    card::timer::stop(&mut open.view.discuss);
    if open.read_only.is_some() {
        // Nothing to save and no lock held.
        app.left_session();
        return vec![Effect::Refresh];
    }
    let id = open.session.id.clone();
    if app.save.failing.is_some() && app.leave_armed {
        // Asked again after the warning: leave the app; the way out writes
        // an emergency copy and says where it is.
        return app.quit();
    }
    let mut effects = Vec::new();
    if app.save.dirty_since.is_some() || app.save.failing.is_some() {
        effects.push(Effect::Save);
    }
    effects.push(Effect::Close(id));
    effects
}
