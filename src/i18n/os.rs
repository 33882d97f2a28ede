//! What the system said when a file could not be read or written, in the
//! user's language: the common kinds have their own words, the rest keep
//! the system's own (English) text as a detail.

use std::io;

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
    }
}

/// An I/O failure kept as its kind and the system's text, so it can be
/// worded later in whichever language the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoFailure {
    pub kind: io::ErrorKind,
    pub detail: String,
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
        }
    }
}

impl From<io::Error> for IoFailure {
    fn from(e: io::Error) -> Self {
        IoFailure::from(&e)
    }
}

impl IoFailure {
    pub fn describe(&self, lang: Lang) -> String {
        io_reason(self.kind, &self.detail, lang)
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
}
