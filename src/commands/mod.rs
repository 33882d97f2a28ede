//! Runs one command of the command line. Each command lives in its own
//! module; this one parses, picks the language and reports errors.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, ColorArg, Command, GlobalArgs};
use crate::domain::Lang;
use crate::i18n::{self, cli::CliMsg};

pub mod compare;
pub mod deck;
pub mod export;
pub mod help;
pub mod output;
pub mod sessions;
pub mod table;

pub use crate::context::{Context, Failure, Outcome, store_failure};

/// The context of a command line: the asked language or the
/// environment's, and whether to use colour.
fn context(global: &GlobalArgs) -> Context {
    let lang = global
        .lang
        .map(Lang::from)
        .unwrap_or_else(i18n::lang_from_env);
    let color = match global.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    Context {
        lang,
        lang_explicit: global.lang.is_some(),
        color,
        data_dir: global.data_dir.clone(),
    }
}

pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = help::command(help::lang_of(&args))
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version itself and exits 0 for them;
            // usage errors become exit 2, as for any bad input. Those quote
            // what was typed, so they go through the same filter (plain).
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            output::err(&e.render().to_string());
            return ExitCode::from(2);
        }
    };
    let ctx = context(&cli.global);
    match run(cli.command, &ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Messages quote file names, ids and parser errors: user data.
            output::err_line(&format!(
                "datakompas: {}: {}",
                CliMsg::ErrorPrefix.get(ctx.lang),
                failure.message
            ));
            ExitCode::from(failure.code)
        }
    }
}

pub fn run(command: Option<Command>, ctx: &Context) -> Outcome {
    match command {
        None => crate::tui::run_home(ctx, Default::default()),
        Some(Command::New(args)) => sessions::new(&args, ctx),
        Some(Command::Resume {
            session,
            read_only,
            room,
        }) => crate::tui::run_resume(ctx, &session, read_only, room.options()),
        Some(Command::Sessions { action }) => sessions::run(action, ctx),
        Some(Command::Export(args)) => export::run(&args, ctx),
        Some(Command::Compare(args)) => compare::run(&args, ctx),
        Some(Command::Deck { action }) => deck::run(action, ctx),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "datakompas",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    }
}
