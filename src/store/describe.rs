//! Store errors as the user reads them, in their language.

use super::{CorruptReason, MigrateError, StoreError};
use crate::domain::Lang;
use crate::domain::session::{SESSION_FORMAT, SESSION_VERSION};
use crate::i18n::fill;
use crate::i18n::store::StoreMsg as M;

/// A store error as one message, with the way out when there is one.
pub fn describe_store_error(e: &StoreError, lang: Lang) -> String {
    let shown = |p: &std::path::Path| p.display().to_string();
    match e {
        StoreError::NotFound { key } => fill(M::NotFound.get(lang), &[("key", key)]),
        StoreError::Locked { id, pid: Some(pid) } => fill(
            M::Locked.get(lang),
            &[("id", id), ("pid", &pid.to_string())],
        ),
        StoreError::Locked { id, pid: None } => fill(M::LockedNoPid.get(lang), &[("id", id)]),
        StoreError::Corrupt {
            id,
            moved_to,
            reason,
            backup,
            not_set_aside,
        } => {
            let reason = describe_reason(reason, lang);
            let mut out = fill(M::Corrupt.get(lang), &[("id", id), ("reason", &reason)]);
            let mut then = |text: String| {
                out.push_str("; ");
                out.push_str(&text);
            };
            if let Some(detail) = not_set_aside {
                then(fill(M::NotSetAside.get(lang), &[("detail", detail)]));
            }
            if let Some(p) = moved_to {
                then(fill(M::CorruptMoved.get(lang), &[("path", &shown(p))]));
            }
            if let Some(p) = backup {
                then(fill(M::CorruptBackup.get(lang), &[("path", &shown(p))]));
            }
            out
        }
        StoreError::Io { path, error } => fill(
            M::Io.get(lang),
            &[("path", &shown(path)), ("message", &error.describe(lang))],
        ),
        StoreError::ReadBackDiffers { path } => {
            fill(M::ReadBackDiffers.get(lang), &[("path", &shown(path))])
        }
        StoreError::NoHome => M::NoHome.get(lang).to_string(),
        StoreError::BadId { id } => fill(M::BadId.get(lang), &[("id", id)]),
        StoreError::NotWritten {
            id,
            reason: Some(reason),
        } => fill(
            M::NotWritten.get(lang),
            &[
                ("id", id),
                ("reason", &describe_migrate_error(reason, lang)),
            ],
        ),
        StoreError::NotWritten { id, reason: None } => {
            fill(M::NotWrittenDifferent.get(lang), &[("id", id)])
        }
        StoreError::Exists { id } => fill(M::Exists.get(lang), &[("id", id)]),
        StoreError::NotOpen { id } => fill(M::NotOpen.get(lang), &[("id", id)]),
    }
}

/// Why a session cannot be read, as a clause of a sentence.
pub fn describe_reason(reason: &CorruptReason, lang: Lang) -> String {
    match reason {
        CorruptReason::File(e) => describe_migrate_error(e, lang),
        CorruptReason::SetAside => M::SetAside.get(lang).to_string(),
        CorruptReason::NoBackup => M::NoBackup.get(lang).to_string(),
        CorruptReason::Unreadable(why) => why.describe(lang),
    }
}

pub(crate) fn describe_migrate_error(e: &MigrateError, lang: Lang) -> String {
    match e {
        MigrateError::NotJson {
            line,
            column,
            detail,
        } => fill(
            M::NotJson.get(lang),
            &[
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("detail", detail),
            ],
        ),
        MigrateError::WrongFormat { found: Some(found) } => {
            fill(M::WrongFormat.get(lang), &[("found", found)])
        }
        MigrateError::WrongFormat { found: None } => {
            fill(M::NoFormat.get(lang), &[("format", SESSION_FORMAT)])
        }
        MigrateError::NoVersion => M::NoVersion.get(lang).to_string(),
        MigrateError::TooNew { version } => fill(
            M::TooNew.get(lang),
            &[
                ("version", &version.to_string()),
                ("current", &SESSION_VERSION.to_string()),
            ],
        ),
        MigrateError::UnknownVersion { version } => fill(
            M::UnknownVersion.get(lang),
            &[("version", &version.to_string())],
        ),
        MigrateError::BadId { id } => fill(
            M::BadIdInFile.get(lang),
            &[("id", &crate::domain::text::ellipsize(id, 60))],
        ),
        MigrateError::Invalid { path, detail } if path == "." => {
            fill(M::InvalidWhole.get(lang), &[("detail", detail)])
        }
        MigrateError::Invalid { path, detail } => fill(
            M::InvalidField.get(lang),
            &[("path", path), ("detail", detail)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regular_file::{FileKind, ReadError};

    #[test]
    fn store_errors_read_in_both_languages() {
        let e = StoreError::Corrupt {
            id: "2026-11-29-team".into(),
            moved_to: Some("/d/sessions/2026-11-29-team.json.corrupt-20261129T100000Z".into()),
            reason: Box::new(CorruptReason::File(MigrateError::NotJson {
                line: 3,
                column: 7,
                detail: "EOF while parsing a value".into(),
            })),
            backup: Some("/d/sessions/.backups/2026-11-29-team.1.json".into()),
            not_set_aside: None,
        };
        assert_eq!(
            describe_store_error(&e, Lang::Nl),
            "sessie 2026-11-29-team is niet te lezen: het is geen geldige JSON (op regel 3, kolom 7: \
             EOF while parsing a value); het bestand staat nu apart als \
             /d/sessions/2026-11-29-team.json.corrupt-20261129T100000Z en wordt niet \
             overschreven; de nieuwste leesbare back-up is /d/sessions/.backups/2026-11-29-team.1.json"
        );
        let e = StoreError::Locked {
            id: "x".into(),
            pid: Some(1234),
        };
        assert_eq!(
            describe_store_error(&e, Lang::En),
            "session x is open in another datakompas (process 1234); close it there first"
        );
    }

    #[test]
    fn every_reason_has_its_own_words_in_dutch() {
        let reasons = [
            CorruptReason::File(MigrateError::WrongFormat {
                found: Some("datakompas-deck".into()),
            }),
            CorruptReason::File(MigrateError::WrongFormat { found: None }),
            CorruptReason::File(MigrateError::NoVersion),
            CorruptReason::File(MigrateError::TooNew { version: 4 }),
            CorruptReason::File(MigrateError::UnknownVersion { version: 0 }),
            CorruptReason::File(MigrateError::Invalid {
                path: "cards[0].votes.p1".into(),
                detail: "invalid type".into(),
            }),
            CorruptReason::File(MigrateError::Invalid {
                path: ".".into(),
                detail: "missing field `id`".into(),
            }),
            CorruptReason::SetAside,
            CorruptReason::NoBackup,
            CorruptReason::Unreadable(ReadError::Io(crate::i18n::os::IoFailure::from(
                std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            ))),
            CorruptReason::Unreadable(ReadError::NotRegular(FileKind::Fifo)),
            CorruptReason::File(MigrateError::BadId {
                id: "../../x".into(),
            }),
        ];
        let dutch: Vec<String> = reasons
            .iter()
            .map(|r| describe_reason(r, Lang::Nl))
            .collect();
        insta::assert_snapshot!(dutch.join("\n"), @r#"
        het is geen datakompas-sessie (het formaat is "datakompas-deck")
        het is geen datakompas-sessie (er staat geen "format": "datakompas-session" in)
        het veld "version" ontbreekt
        hij is bewaard met een nieuwere datakompas (sessieversie 4; deze leest tot en met 3); werk datakompas bij om hem te openen
        sessieversie 0 bestaat niet
        het veld "cards[0].votes.p1" klopt niet (invalid type)
        de inhoud klopt niet (missing field `id`)
        een eerdere versie was onleesbaar en is apart gezet
        er is geen leesbare back-up
        het bestand gaat niet open (geen toestemming)
        het is een named pipe, geen gewoon bestand
        de id "../../x" kan geen sessiebestand benoemen (alleen letters, cijfers, streepjes, punten en liggende streepjes)
        "#);
    }
}
