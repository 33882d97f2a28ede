//! The last resort when a session cannot be saved to its own file on the
//! way out: a copy goes to a private file in the system's temporary folder,
//! and the user is told where it is once the terminal is theirs again.

use std::io::Write;
use std::path::PathBuf;

use jiff::Timestamp;

use crate::domain::{Lang, Session};
use crate::i18n::os::IoFailure;
use crate::i18n::{fill, tui::T};

/// A session that was left without being saved to its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    /// Why the last save failed.
    pub reason: String,
    /// Where the emergency copy went, or why it could not be written.
    pub copy: Result<PathBuf, IoFailure>,
}

/// Writes the session as pretty JSON to a new 0600 file in the temporary
/// folder: `datakompas-ID-UNIXTIME.json`.
pub fn write_copy(session: &Session, now: Timestamp) -> Result<PathBuf, IoFailure> {
    let json = serde_json::to_vec_pretty(session).map_err(std::io::Error::from)?;
    // The id comes from a file that may have been edited by hand: only its
    // slug goes into the name, so the copy stays inside the folder.
    let stem = format!(
        "datakompas-{}-{}",
        crate::store::slug(&session.id),
        now.as_second()
    );
    super::private_file::write_new(&std::env::temp_dir(), &stem, "json", |file| {
        file.write_all(&json)?;
        file.write_all(b"\n")
    })
    .map_err(IoFailure::from)
}

/// What the user reads after the app has left the screen.
pub fn describe(unsaved: &Unsaved, lang: Lang) -> String {
    match &unsaved.copy {
        Ok(path) => fill(
            T::UnsavedCopy.get(lang),
            &[
                ("reason", &unsaved.reason),
                ("path", &path.display().to_string()),
            ],
        ),
        Err(why) => fill(
            T::UnsavedNoCopy.get(lang),
            &[("reason", &unsaved.reason), ("copy", &why.describe(lang))],
        ),
    }
}
