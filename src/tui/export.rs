//! Writing the session's export from inside the app: the file goes to the
//! data folder's `exports/`, named after the session, never overwriting.

use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use super::app::App;
use super::keymap::ExportKind;

fn extension(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Markdown => "md",
        ExportKind::Html => "html",
        ExportKind::Json => "json",
        ExportKind::Word => "docx",
    }
}

/// Writes the export and returns where it went.
pub fn write(app: &App, kind: ExportKind, dir: &Path) -> Result<PathBuf, String> {
    let open = app.open.as_ref().ok_or_else(String::new)?;
    let id = &open.session.id;
    // The store refuses such sessions already; the file name is built from
    // this id, so it is checked here too, where the path is made.
    if !crate::store::is_valid_id(id) {
        return Err(crate::i18n::fill(
            crate::i18n::tui::T::ExportBadId.get(app.lang),
            &[("id", &crate::domain::text::ellipsize(id, 60))],
        ));
    }
    let bytes = content(app, kind)?;
    // Exports hold names, votes and rationales: private to the user, like
    // the sessions they come from, until the user shares them.
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| failed(dir, &e, app.lang))?;
    // Claimed with `create_new`, stepping to `ID-2`, `ID-3`, … when taken;
    // a write that fails leaves no partial file behind.
    super::private_file::write_new(dir, id, extension(kind), |file| file.write_all(&bytes))
        .map_err(|e| failed(dir, &e, app.lang))
}

/// Why the file could not be written, in the user's language.
fn failed(dir: &Path, e: &std::io::Error, lang: crate::domain::Lang) -> String {
    let reason = crate::i18n::os::IoFailure::from(e).describe(lang);
    format!("{}: {reason}", dir.display())
}

/// The export's bytes, made by the same functions as `datakompas export`.
fn content(app: &App, kind: ExportKind) -> Result<Vec<u8>, String> {
    let look = app.look();
    let input = look.export_input().ok_or_else(String::new)?;
    let parts = crate::export::Parts::Both;
    Ok(match kind {
        ExportKind::Markdown => crate::export::markdown(&input, parts).into_bytes(),
        ExportKind::Html => crate::export::html(&input, parts).into_bytes(),
        ExportKind::Json => crate::export::json(&input, parts).into_bytes(),
        ExportKind::Word => crate::export::docx(&input, parts)?,
    })
}
