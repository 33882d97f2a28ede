//! `datakompas export SESSION [--format md|html|json|docx] [--policy-only | --notes-only] [-o FILE] [--force]`

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::{Context, Failure, Outcome, store_failure};
use crate::cli::{ExportArgs, ExportFormat};
use crate::domain::Session;
use crate::export::{self, ExportInput, Parts};
use crate::i18n::export::ExportMsg as M;
use crate::i18n::fill;
use crate::store::{FileStore, SessionStore};

pub fn run(args: &ExportArgs, ctx: &Context) -> Outcome {
    let session = load_session(&args.session, ctx)?;
    // The session's own language, unless --lang asked for another.
    let lang = if ctx.lang_explicit {
        ctx.lang
    } else {
        session.lang
    };
    let builtin = crate::deck::builtin();
    let deck = session.deck(&builtin);
    let framework = crate::deck::framework();
    let library = crate::deck::principles();
    let input = ExportInput {
        session: &session,
        deck,
        framework: &framework,
        library: &library,
        lang,
    };
    let parts = if args.policy_only {
        Parts::PolicyOnly
    } else if args.notes_only {
        Parts::NotesOnly
    } else {
        Parts::Both
    };
    let text = match args.format {
        ExportFormat::Md => export::markdown(&input, parts),
        ExportFormat::Html => export::html(&input, parts),
        ExportFormat::Json => export::json(&input, parts),
        ExportFormat::Docx => {
            // A binary file would garble the terminal.
            if args.output.is_none() && std::io::stdout().is_terminal() {
                return Err(Failure::input(M::DocxNeedsOutput.get(ctx.lang).to_string()));
            }
            let bytes = export::docx(&input, parts).map_err(Failure::runtime)?;
            return match &args.output {
                None => write_stdout_binary(&bytes, ctx),
                Some(path) => write_file(path, &bytes, args.force, ctx),
            };
        }
    };
    match &args.output {
        None => write_stdout(&text, ctx),
        Some(path) => write_file(path, text.as_bytes(), args.force, ctx),
    }
}

/// A session by path, or by id in the data folder, read the way the app
/// reads it: format and version checked, older versions upgraded.
pub(super) fn load_session(key: &str, ctx: &Context) -> Result<Session, Failure> {
    let lang = ctx.lang;
    FileStore::new(ctx.data_dir.as_deref())
        .and_then(|store| store.read(key))
        .map_err(|e| store_failure(&e, lang))
}

pub(super) fn write_stdout(text: &str, ctx: &Context) -> Outcome {
    // Always through the sanitizer: standard output is a terminal more
    // often than not, even behind a pipe (`| less -R`). JSON stays valid,
    // as its strings are the only place such characters can be.
    stdout_result(super::output::out(text), ctx)
}

/// A Word file to standard output, which is known not to be a terminal.
fn write_stdout_binary(bytes: &[u8], ctx: &Context) -> Outcome {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(bytes).and_then(|()| out.flush()), ctx)
}

fn stdout_result(result: std::io::Result<()>, ctx: &Context) -> Outcome {
    match result {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::runtime(fill(
            M::CannotWrite.get(ctx.lang),
            &[("path", "stdout"), ("error", &e.to_string())],
        ))),
    }
}

pub(super) fn write_file(path: &Path, bytes: &[u8], force: bool, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let shown = path.display().to_string();
    if !force && (path.exists() || path.is_symlink()) {
        return Err(Failure::input(fill(
            M::OutputExists.get(lang),
            &[("path", &shown)],
        )));
    }
    let cannot = |e: std::io::Error| {
        Failure::runtime(fill(
            M::CannotWrite.get(lang),
            &[("path", &shown), ("error", &e.to_string())],
        ))
    };
    let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(cannot)?;
    file.write_all(bytes).map_err(cannot)?;
    file.commit().map_err(cannot)?;
    super::output::err_line(&fill(M::Written.get(lang), &[("path", &shown)]));
    Ok(())
}
