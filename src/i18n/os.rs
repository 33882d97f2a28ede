//! What the system said when a file could not be read or written, in the
//! user's language: the common kinds have their own words, the rest keep
//! the system's own (English) text as a detail.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::Lang;
use crate::i18n::fill;

crate::texts! {
    pub enum OsMsg {
        // English as the system says it, so English messages read as before.
        PermissionDenied => ("Permission denied", "geen toestemming"),
        ReadOnly => ("Read-only file system", "alleen-lezen bestandssysteem"),
        Full => ("No space left on device", "geen ruimte meer op de schijf"),
        Quota => ("Disk quota exceeded", "schijfquotum overschreden"),
        NotFound => ("No such file or directory", "bestand of map bestaat niet"),
        Exists => ("File exists", "bestaat al"),
        NotAFolder => ("Not a directory", "geen map"),
        IsAFolder => ("Is a directory", "is een map"),
        TooLarge => ("File too large", "bestand te groot"),
        Other => ("{detail}", "systeemfout ({detail})"),
        // What the app says itself, where the system's words would mislead.
        FileNotFolder => ("{path} is a file, not a folder", "{path} is een bestand, geen map"),
        NotRegular => ("{path} is not a regular file", "{path} is geen gewoon bestand"),
        Link => ("{path} is a link", "{path} is een link"),
        NoFreeName => ("{dir}: no free file name for {name}", "{dir}: geen vrije bestandsnaam voor {name}"),
    }
}

/// An I/O error the app words itself. It travels inside an `io::Error`
/// (with the kind that fits), and is worded when the user reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Own {
    /// A file stands where a folder should be.
    FileNotFolder(PathBuf),
    /// Something other than a regular file stands where one should be.
    NotRegular(PathBuf),
    /// A link stands where a real folder should be.
    Link(PathBuf),
    /// Every numbered name for a new file in `dir` is taken.
    NoFreeName { dir: PathBuf, name: String },
}

impl Own {
    pub fn describe(&self, lang: Lang) -> String {
        let at =
            |msg: OsMsg, path: &Path| fill(msg.get(lang), &[("path", &path.display().to_string())]);
        match self {
            Own::FileNotFolder(path) => at(OsMsg::FileNotFolder, path),
            Own::NotRegular(path) => at(OsMsg::NotRegular, path),
            Own::Link(path) => at(OsMsg::Link, path),
            Own::NoFreeName { dir, name } => fill(
                OsMsg::NoFreeName.get(lang),
                &[("dir", &dir.display().to_string()), ("name", name)],
            ),
        }
    }

    /// As an `io::Error` of `kind`, for code that returns those.
    pub fn into_io(self, kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, self)
    }
}

/// In English; the user reads [`Own::describe`] in their language.
impl std::fmt::Display for Own {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for Own {}

/// An I/O failure kept as its kind and the system's text, so it can be
/// worded later in whichever language the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoFailure {
    pub kind: io::ErrorKind,
    pub detail: String,
    /// The app's own words for it, when it made the error itself.
    pub own: Option<Own>,
}

impl From<&io::Error> for IoFailure {
    fn from(e: &io::Error) -> Self {
        // An error the app made itself carries its own words: those are
        // kept, not replaced by the words for its kind.
        let kind = if e.get_ref().is_some() {
            io::ErrorKind::Other
        } else {
            e.kind()
        };
        IoFailure {
            kind,
            detail: e.to_string(),
            own: e
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<Own>())
                .cloned(),
        }
    }
}

impl From<io::Error> for IoFailure {
    fn from(e: io::Error) -> Self {
        IoFailure::from(&e)
    }
}

impl IoFailure {
    /// A failure known only by what was said about it, with no kind.
    pub fn other(detail: String) -> Self {
        IoFailure {
            kind: io::ErrorKind::Other,
            detail,
            own: None,
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        match &self.own {
            Some(own) => own.describe(lang),
            None => io_reason(self.kind, &self.detail, lang),
        }
    }
}

/// The reason for an I/O failure of `kind`; `detail` (the system's text)
/// is shown only for kinds without words of their own.
pub fn io_reason(kind: io::ErrorKind, detail: &str, lang: Lang) -> String {
    use io::ErrorKind as K;
    let msg = match kind {
        K::PermissionDenied => OsMsg::PermissionDenied,
        K::ReadOnlyFilesystem => OsMsg::ReadOnly,
        K::StorageFull => OsMsg::Full,
        K::QuotaExceeded => OsMsg::Quota,
        K::NotFound => OsMsg::NotFound,
        K::AlreadyExists => OsMsg::Exists,
        K::NotADirectory => OsMsg::NotAFolder,
        K::IsADirectory => OsMsg::IsAFolder,
        K::FileTooLarge => OsMsg::TooLarge,
        _ => OsMsg::Other,
    };
    fill(msg.get(lang), &[("detail", detail)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(OsMsg::ALL, OsMsg::get);
    }

    #[test]
    fn common_kinds_have_dutch_words() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let f = IoFailure::from(&denied);
        assert_eq!(f.describe(Lang::Nl), "geen toestemming");
        assert_eq!(f.describe(Lang::En), "Permission denied");
    }

    #[test]
    fn other_kinds_keep_the_system_text_as_a_detail() {
        let e = io::Error::other("Stale file handle");
        assert_eq!(
            IoFailure::from(&e).describe(Lang::Nl),
            "systeemfout (Stale file handle)"
        );
        assert_eq!(IoFailure::from(&e).describe(Lang::En), "Stale file handle");
    }

    #[test]
    fn the_apps_own_words_read_in_the_users_language() {
        let e = Own::FileNotFolder(PathBuf::from("/data/sessions"))
            .into_io(io::ErrorKind::NotADirectory);
        let f = IoFailure::from(&e);
        assert_eq!(
            f.describe(Lang::Nl),
            "/data/sessions is een bestand, geen map"
        );
        // English reads as the error itself says, as before.
        assert_eq!(f.describe(Lang::En), e.to_string());
        assert_eq!(
            f.describe(Lang::En),
            "/data/sessions is a file, not a folder"
        );
        let e = Own::NoFreeName {
            dir: PathBuf::from("/x"),
            name: "team.md".into(),
        }
        .into_io(io::ErrorKind::AlreadyExists);
        assert_eq!(
            IoFailure::from(&e).describe(Lang::Nl),
            "/x: geen vrije bestandsnaam voor team.md"
        );
    }
}
