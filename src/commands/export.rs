//! `datakompas export SESSION [--format md|html|json] [--policy-only | --notes-only] [-o FILE] [--force]`

use std::io::Write;
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
    };
    match &args.output {
        None => write_stdout(&text, ctx),
        Some(path) => write_file(path, &text, args.force, ctx),
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
    match super::output::out(text) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::runtime(fill(
            M::CannotWrite.get(ctx.lang),
            &[("path", "stdout"), ("error", &e.to_string())],
        ))),
    }
}

pub(super) fn write_file(path: &Path, text: &str, force: bool, ctx: &Context) -> Outcome {
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
    file.write_all(text.as_bytes()).map_err(cannot)?;
    file.commit().map_err(cannot)?;
    super::output::err_line(&fill(M::Written.get(lang), &[("path", &shown)]));
    Ok(())
}
