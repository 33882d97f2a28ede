//! `datakompas export SESSION [--format md|html|json] [--policy-only | --notes-only] [-o FILE] [--force]`

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Failure, Outcome};
use crate::cli::{ExportArgs, ExportFormat};
use crate::domain::Session;
use crate::export::{self, ExportInput, Parts};
use crate::i18n::export::ExportMsg as M;
use crate::i18n::fill;

pub fn run(args: &ExportArgs, ctx: &Context) -> Outcome {
    let session = load_session(&args.session, ctx)?;
    // The session's own language, unless --lang asked for another.
    let lang = if ctx.lang_explicit {
        ctx.lang
    } else {
        session.lang
    };
    let builtin;
    let deck = match &session.deck.embedded {
        Some(deck) => deck,
        None => {
            builtin = crate::deck::builtin();
            &builtin
        }
    };
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

/// A session by path, or by id in the data folder's `sessions/`.
fn load_session(arg: &str, ctx: &Context) -> Result<Session, Failure> {
    let lang = ctx.lang;
    let direct = Path::new(arg);
    let path = if direct.is_file() {
        direct.to_path_buf()
    } else {
        let dir = sessions_dir(ctx).ok_or_else(|| Failure::input(M::NoDataDir.get(lang)))?;
        let by_id = dir.join(format!("{arg}.json"));
        // An id is a file name, never a path: "../x" must not escape the folder.
        let plain_id = !arg.is_empty() && !arg.contains(['/', '\\']) && !arg.starts_with('.');
        if !(plain_id && by_id.is_file()) {
            return Err(Failure::input(fill(
                M::UnknownSession.get(lang),
                &[("session", arg), ("dir", &dir.display().to_string())],
            )));
        }
        by_id
    };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Failure::input(fill(
            M::UnreadableSession.get(lang),
            &[("path", &shown), ("error", &e.to_string())],
        ))
    })?;
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        Failure::input(fill(
            M::BrokenSession.get(lang),
            &[("path", &shown), ("error", &e.to_string())],
        ))
    })
}

fn sessions_dir(ctx: &Context) -> Option<PathBuf> {
    let data = match &ctx.data_dir {
        Some(dir) => dir.clone(),
        None => directories::ProjectDirs::from("nl", "datakompas", "datakompas")?
            .data_dir()
            .to_path_buf(),
    };
    Some(data.join("sessions"))
}

fn write_stdout(text: &str, ctx: &Context) -> Outcome {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::runtime(fill(
            M::CannotWrite.get(ctx.lang),
            &[("path", "stdout"), ("error", &e.to_string())],
        ))),
    }
}

fn write_file(path: &Path, text: &str, force: bool, ctx: &Context) -> Outcome {
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
    eprintln!("{}", fill(M::Written.get(lang), &[("path", &shown)]));
    Ok(())
}
