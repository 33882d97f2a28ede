//! `datakompas sessions`: the saved sessions as a table.

use std::io::Write;
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{clean, open_store};
use crate::commands::{Context, Failure, Outcome, store_failure};
use crate::domain::{Lang, text};
use crate::i18n::sessions::{SessionsMsg as M, mode_label};
use crate::store::{
    BACKUP_DIR, CorruptReason, ListingState, SessionListing, SessionStore, describe_reason,
};

pub(super) fn list(ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let listings = store.list().map_err(|e| store_failure(&e, lang))?;
    let mut table = Vec::new();
    write_table(
        &mut table,
        &listings,
        lang,
        Timestamp::now(),
        &TimeZone::system(),
    )
    .map_err(|e| Failure::runtime(e.to_string()))?;
    // Ids come from file names, titles and reasons from the files.
    match crate::commands::output::out(&String::from_utf8_lossy(&table)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::runtime(e.to_string())),
    }
}

/// The sessions as a table, newest first, unreadable ones flagged and
/// explained under it.
fn write_table(
    out: &mut impl Write,
    listings: &[SessionListing],
    lang: Lang,
    now: Timestamp,
    tz: &TimeZone,
) -> std::io::Result<()> {
    if listings.is_empty() {
        return writeln!(out, "{}", M::NoSessions.get(lang));
    }
    let head = [
        M::HeadId,
        M::HeadTitle,
        M::HeadMode,
        M::HeadProgress,
        M::HeadChanged,
    ]
    .map(|m| m.get(lang).to_string());
    let mut rows = vec![head];
    let mut notes = Vec::new();
    for l in listings {
        rows.push(match &l.state {
            ListingState::Ok {
                title,
                mode,
                decided,
                total,
                updated,
            } => [
                text::for_terminal(&l.id).into_owned(),
                text::ellipsize(&clean(title), 40),
                mode_label(*mode).get(lang).to_string(),
                M::Progress.fill(
                    lang,
                    &[
                        ("decided", &decided.to_string()),
                        ("total", &total.to_string()),
                    ],
                ),
                when(*updated, now, tz, lang),
            ],
            ListingState::Corrupt { reason, has_backup } => {
                notes.push(unreadable_note(l, reason, *has_backup, lang));
                unreadable_row(l, lang)
            }
        });
    }
    write!(out, "{}", crate::commands::table::columns(&rows))?;
    if !notes.is_empty() {
        writeln!(out)?;
        for note in notes {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}

/// A file that does not read: its id, flagged, and dashes for the rest.
fn unreadable_row(l: &SessionListing, lang: Lang) -> [String; 5] {
    let dash = "-".to_string();
    [
        text::for_terminal(&l.id).into_owned(),
        format!("! {}", M::Unreadable.get(lang)),
        dash.clone(),
        dash.clone(),
        dash,
    ]
}

/// Why a file does not read, and where its backups are when it has some.
fn unreadable_note(
    l: &SessionListing,
    reason: &CorruptReason,
    has_backup: bool,
    lang: Lang,
) -> String {
    let backups = l
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(|d| d.join(BACKUP_DIR).display().to_string())
        .unwrap_or_else(|| BACKUP_DIR.to_string());
    let note = if has_backup {
        M::UnreadableNote
    } else {
        M::UnreadableNoteNoBackup
    };
    note.fill(
        lang,
        &[
            ("id", &l.id),
            ("reason", &describe_reason(reason, lang)),
            ("backups", &backups),
        ],
    )
}

/// A moment in local time, as people say it: "today 14:05",
/// "yesterday 09:30", or the date.
fn when(t: Timestamp, now: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let local = t.to_zoned_datetime(tz.clone());
    let today = now.to_zoned_datetime(tz.clone()).date();
    let time = local.strftime("%H:%M").to_string();
    if local.date() == today {
        M::Today.fill(lang, &[("time", &time)])
    } else if today.yesterday().is_ok_and(|y| y == local.date()) {
        M::Yesterday.fill(lang, &[("time", &time)])
    } else {
        local.strftime("%Y-%m-%d %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Mode;
    use crate::store::{CorruptReason, MigrateError};

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn times_read_as_people_say_them() {
        let tz = TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::UTC);
        let now = at("2026-11-29T15:00:00Z");
        let offset = |utc: &str| when(at(utc), now, &tz, Lang::Nl);
        let today = offset("2026-11-29T08:05:00Z");
        assert!(today.starts_with("vandaag "), "{today}");
        assert!(offset("2026-11-28T08:05:00Z").starts_with("gisteren "));
        assert!(offset("2026-10-01T08:05:00Z").starts_with("2026-10-01 "));
        assert!(when(at("2026-11-29T08:05:00Z"), now, &tz, Lang::En).starts_with("today "));
    }

    #[test]
    fn the_table_aligns_and_explains_unreadable_sessions() {
        let listings = vec![
            SessionListing {
                id: "2026-11-29-merkteam".into(),
                path: None,
                state: ListingState::Ok {
                    title: "Merkteam — privacy".into(),
                    mode: Mode::Team,
                    decided: 2,
                    total: 7,
                    updated: at("2026-11-29T09:30:00Z"),
                },
            },
            SessionListing {
                id: "2026-11-02-ann".into(),
                path: Some("/home/ann/.local/share/datakompas/sessions/2026-11-02-ann.json".into()),
                state: ListingState::Corrupt {
                    reason: CorruptReason::File(MigrateError::NotJson {
                        line: 1,
                        column: 0,
                        detail: "EOF while parsing a value".into(),
                    }),
                    has_backup: true,
                },
            },
        ];
        let mut out = Vec::new();
        let now = at("2026-11-29T15:00:00Z");
        write_table(&mut out, &listings, Lang::En, now, &TimeZone::UTC).unwrap();
        let text = String::from_utf8(out).unwrap();
        insta::assert_snapshot!(text, @r"
        ID                   TITLE               MODE  PROGRESS     LAST CHANGE
        2026-11-29-merkteam  Merkteam — privacy  team  2/7 decided  today 09:30
        2026-11-02-ann       ! unreadable        -     -            -

        2026-11-02-ann cannot be read: it is not valid JSON (at line 1, column 0: EOF while parsing a value). The file is kept as it is; earlier versions are in /home/ann/.local/share/datakompas/sessions/.backups
        ");
    }
}
