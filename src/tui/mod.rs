//! The interactive workshop: home, setup, brand principles, the card loop,
//! the end of session, for team sessions and self-assessments alike.
//!
//! `app` holds the state and its update; `view` draws it; `event_loop`
//! runs both over any ratatui backend; `terminal` owns the real terminal.

use std::io::Write;
use std::path::PathBuf;

use crate::context::{Context, Failure, Outcome, store_failure};
use crate::store::SessionStore;

pub mod app;
pub mod effect;
pub mod emergency;
pub mod event_loop;
pub mod export;
pub mod keymap;
pub mod private_file;
pub mod room;
pub mod route;
pub mod screens;
pub mod session_clock;
pub mod signals;
pub mod terminal;
pub mod terminal_events;
pub mod theme;
pub mod view;
pub mod widgets;

use app::{App, Assets};
use event_loop::{Ended, RoomLink, RoomOptions, Runtime, TerminalEvents};

/// The built-in deck, principle library and policy framework.
pub fn builtin_assets() -> Assets {
    Assets {
        deck: crate::deck::builtin(),
        library: crate::deck::principles(),
        framework: crate::deck::framework(),
    }
}

/// `datakompas`: the home screen.
pub fn run_home(ctx: &Context, room: RoomOptions) -> Outcome {
    run(ctx, None, room)
}

/// `datakompas resume ID`: straight into a saved session.
pub fn run_resume(ctx: &Context, session: &str, read_only: bool, room: RoomOptions) -> Outcome {
    run(ctx, Some((session, read_only)), room)
}

fn run(ctx: &Context, start: Option<(&str, bool)>, room: RoomOptions) -> Outcome {
    let (mut store, export_dir) = open_store(ctx)?;
    let mut app = App::new(ctx.lang, ctx.color, builtin_assets());
    let open_room = room.open_at_start;
    let mut rt = Runtime {
        store: store.as_mut(),
        export_dir,
        room: RoomLink::new(room),
    };
    if let Some((key, read_only)) = start {
        open_at_start(ctx, &mut app, &mut rt, key, read_only, open_room)?;
    }
    if !terminal::available() {
        // Said before anything is taken over, and the session let go again.
        if let Some(open) = app.open.as_ref().filter(|o| o.read_only.is_none()) {
            rt.store.close(&open.session.id.clone());
        }
        return Err(Failure::input(
            crate::i18n::tui::T::NeedsTerminal.get(ctx.lang),
        ));
    }
    let watchdog = signals::Watchdog::new(ctx.lang, signals::GRACE);
    let mut events =
        TerminalEvents::start(watchdog).map_err(|e| Failure::runtime(e.to_string()))?;
    let mut term = terminal::enter().map_err(|e| Failure::runtime(e.to_string()))?;
    let ended = event_loop::run_guarded(&mut term, &mut app, &mut rt, &mut events);
    terminal::leave(term);
    if matches!(ended, Ended::Normally) {
        say_where_saved(&app, ctx.lang);
    }
    outcome(ended, &app, ctx.lang)
}

/// `resume`: the session opens (and the room, when asked for) before the
/// terminal is taken over. A wrong id or a broken file is said while it
/// stays readable, with the exit code of a bad input.
fn open_at_start(
    ctx: &Context,
    app: &mut App,
    rt: &mut Runtime,
    key: &str,
    read_only: bool,
    open_room: bool,
) -> Result<(), Failure> {
    let now = jiff::Timestamp::now();
    event_loop::open(app, rt, key, read_only, now).map_err(|e| store_failure(&e, ctx.lang))?;
    if open_room {
        start_room(app, rt)?;
    }
    Ok(())
}

/// Leaving from inside a session (Ctrl-C, a closed window): say where the
/// work is, so the bare prompt that follows is no surprise.
fn say_where_saved(app: &App, lang: crate::domain::Lang) {
    let Some(open) = app.open.as_ref().filter(|o| o.read_only.is_none()) else {
        return;
    };
    // The title is the session file's, which may have come by mail.
    // The window may be closed already: nothing to print to then.
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        crate::domain::text::for_terminal(&crate::i18n::fill(
            crate::i18n::tui::T::LeftSaved.get(lang),
            &[("title", &open.session.title), ("id", &open.session.id)],
        ))
    );
}

/// How the run went, for the exit code; said after the terminal is
/// restored, so it stays on screen.
fn outcome(ended: Ended, app: &App, lang: crate::domain::Lang) -> Outcome {
    let unsaved = app.unsaved.as_ref().map(|u| emergency::describe(u, lang));
    match ended {
        Ended::Normally => Ok(()),
        // The window closed under a draw; the work is saved and there is
        // no one left to tell.
        Ended::Failed(_) if unsaved.is_none() && terminal_events::hung_up() => Ok(()),
        Ended::Unsaved(u) => Err(Failure::runtime(emergency::describe(&u, lang))),
        Ended::Failed(e) => Err(Failure::runtime(match unsaved {
            Some(text) => format!("{e}\n{text}"),
            None => e.to_string(),
        })),
        // The panic message is already printed; what was entered is kept,
        // in its file or in the emergency copy.
        Ended::Panicked => {
            Err(Failure::runtime(unsaved.unwrap_or_else(|| {
                crate::i18n::tui::T::CrashedSaved.get(lang).to_string()
            })))
        }
    }
}

/// `--room`: the room opens before the terminal is taken over, so a
/// reason it cannot (a self-assessment, a read-only session, an address
/// this computer does not have) stays readable.
fn start_room(app: &mut App, rt: &mut Runtime) -> Result<(), Failure> {
    use crate::i18n::tui::T;
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else {
        return Ok(());
    };
    if open.solo() {
        return Err(Failure::input(T::RoomTeamOnly.get(lang)));
    }
    if open.read_only.is_some() {
        return Err(Failure::input(T::ReadOnlyNoEdit.get(lang)));
    }
    if let Err(kind) = event_loop::open_room(app, rt, None) {
        let why = app.notice.take().unwrap_or_default();
        // The session was opened (and locked) already: let it go first.
        event_loop::finish(app, rt, jiff::Timestamp::now());
        // An address or URL this computer cannot use is the caller's to fix.
        return Err(match kind {
            std::io::ErrorKind::InvalidInput | std::io::ErrorKind::AddrNotAvailable => {
                Failure::input(why)
            }
            _ => Failure::runtime(why),
        });
    }
    Ok(())
}

/// The session store and where exports go.
fn open_store(ctx: &Context) -> Result<(Box<dyn SessionStore>, PathBuf), Failure> {
    let store = crate::store::FileStore::new(ctx.data_dir.as_deref())
        .map_err(|e| Failure::runtime(e.to_string()))?;
    let export_dir = store.data_dir().join("exports");
    Ok((Box::new(store), export_dir))
}
