//! `datakompas new …` and `datakompas sessions …`

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use unicode_width::UnicodeWidthStr;

use super::{Context, Failure, Outcome, store_failure};
use crate::cli::{NewArgs, SessionsAction};
use crate::domain::session::DeckRef;
use crate::domain::setup::{
    self, MAX_PRINCIPLES, MAX_VOTERS, MIN_PRINCIPLES, MINUTES_PER_CARD, SetupProblem,
};
use crate::domain::text;
use crate::domain::{ChosenPrinciple, Deck, Lang, Mode, Participant, Session};
use crate::i18n::sessions::{SessionsMsg as M, mode_label};
use crate::store::{
    BACKUP_DIR, FileStore, ListingState, SessionListing, SessionStore, StoreError, describe_reason,
};

pub fn new(args: &NewArgs, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let (deck, embedded) = match &args.deck {
        Some(path) => {
            let deck = crate::deck::load_file(path).map_err(|e| Failure::input(e.report(lang)))?;
            (deck.clone(), Some(deck))
        }
        None => (crate::deck::builtin(), None),
    };
    let plan = plan(args, &deck, lang)?;
    let mut store = open_store(ctx)?;
    let now = Timestamp::now();
    let id = store
        .fresh_id(&plan.title, now)
        .map_err(|e| store_failure(&e, lang))?;
    let deck_ref = DeckRef {
        id: deck.id.clone(),
        version: deck.version.clone(),
        embedded,
    };
    let mut session = Session::new(id.clone(), plan.title, plan.mode, lang, deck_ref, now);
    session.participants = plan.participants;
    session.principles = plan.principles;
    session.minutes_per_card = plan.minutes_per_card;
    session.cards = plan
        .cards
        .into_iter()
        .map(crate::domain::CardProgress::new)
        .collect();
    // The same rules as the app's setup screen, on what will be saved.
    setup::validate_setup(&session).map_err(|p| setup_failure(&p, lang))?;
    store
        .create(&session)
        .map_err(|e| store_failure(&e, lang))?;

    if args.no_open {
        let path = store.session_path(&id).display().to_string();
        println!("{}", M::Prepared.fill(lang, &[("title", &session.title)]));
        println!("  {}", M::PreparedId.fill(lang, &[("id", &id)]));
        println!("  {}", M::PreparedFile.fill(lang, &[("path", &path)]));
        println!("{}", M::PreparedNext.fill(lang, &[("id", &id)]));
        return Ok(());
    }
    // The app takes the lock itself when it opens the session.
    store.close(&id);
    drop(store);
    crate::tui::run_resume(ctx, &id, false)
}

pub fn run(action: Option<SessionsAction>, ctx: &Context) -> Outcome {
    match action {
        None => list(ctx),
        Some(SessionsAction::Delete { session, yes }) => delete(&session, yes, ctx),
    }
}

/// What `new` will create, checked.
#[derive(Debug, PartialEq)]
struct Plan {
    title: String,
    mode: Mode,
    participants: Vec<Participant>,
    principles: Vec<ChosenPrinciple>,
    cards: Vec<String>,
    minutes_per_card: u16,
}

/// Checks every option of `new` against the deck and the principle library.
fn plan(args: &NewArgs, deck: &Deck, lang: Lang) -> Result<Plan, Failure> {
    let title = clean(&args.title);
    if title.is_empty() {
        return Err(Failure::input(M::TitleEmpty.get(lang)));
    }
    let (mode, participants) = if args.solo {
        (Mode::Solo, Session::anonymous_participants(1))
    } else if !args.participants.is_empty() {
        let names: Vec<String> = args.participants.iter().map(|n| clean(n)).collect();
        setup::check_names(&names).map_err(|p| setup_failure(&p, lang))?;
        (Mode::Team, Session::named_participants(&names))
    } else if let Some(n) = args.anonymous {
        let n = usize::from(n);
        setup::check_voter_count(n).map_err(|p| setup_failure(&p, lang))?;
        (Mode::Team, Session::anonymous_participants(n))
    } else {
        return Err(Failure::input(M::NeedVoters.get(lang)));
    };

    if !MINUTES_PER_CARD.contains(&args.minutes_per_card) {
        return Err(setup_failure(&SetupProblem::Minutes, lang));
    }

    let cards = if args.cards.is_empty() {
        deck.cards.iter().map(|c| c.id.clone()).collect()
    } else {
        let valid: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        let ids = checked_ids(&args.cards, &valid, lang, M::UnknownCards, M::DuplicateCard)?;
        ids.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    if cards.is_empty() {
        return Err(setup_failure(&SetupProblem::NoCards, lang));
    }

    let library = crate::deck::principles();
    let valid: Vec<&str> = library.principles.iter().map(|p| p.id.as_str()).collect();
    let principles = checked_ids(
        &args.principles,
        &valid,
        lang,
        M::UnknownPrinciples,
        M::DuplicatePrinciple,
    )?;
    if principles.len() > MAX_PRINCIPLES {
        return Err(setup_failure(&SetupProblem::TooManyPrinciples, lang));
    }
    let principles = principles
        .into_iter()
        .map(|id| ChosenPrinciple::Library { id: id.to_string() })
        .collect();

    Ok(Plan {
        title,
        mode,
        participants,
        principles,
        cards,
        minutes_per_card: args.minutes_per_card,
    })
}

/// A broken setup rule in the words of the command line's options.
fn setup_failure(problem: &SetupProblem, lang: Lang) -> Failure {
    let max_voters = MAX_VOTERS.to_string();
    Failure::input(match problem {
        SetupProblem::EmptyTitle => M::TitleEmpty.get(lang).to_string(),
        SetupProblem::NoVoters | SetupProblem::TooManyVoters => {
            M::VoterCount.fill(lang, &[("max", &max_voters)])
        }
        SetupProblem::EmptyName => M::EmptyParticipant.get(lang).to_string(),
        SetupProblem::DuplicateName(name) => M::DuplicateParticipant.fill(lang, &[("name", name)]),
        SetupProblem::Minutes => M::MinutesRange.fill(
            lang,
            &[
                ("min", &MINUTES_PER_CARD.start().to_string()),
                ("max", &MINUTES_PER_CARD.end().to_string()),
            ],
        ),
        SetupProblem::NoCards => M::NoCards.get(lang).to_string(),
        SetupProblem::TooManyPrinciples => M::TooManyPrinciples.fill(
            lang,
            &[
                ("min", &MIN_PRINCIPLES.to_string()),
                ("max", &MAX_PRINCIPLES.to_string()),
            ],
        ),
    })
}

/// The given ids, trimmed, each known and named once; otherwise an error
/// that lists every unknown one and every valid one.
fn checked_ids<'a>(
    given: &'a [String],
    valid: &[&str],
    lang: Lang,
    unknown: M,
    duplicate: M,
) -> Result<Vec<&'a str>, Failure> {
    let given: Vec<&str> = given
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let missing: Vec<&str> = given
        .iter()
        .copied()
        .filter(|id| !valid.contains(id))
        .collect();
    if !missing.is_empty() {
        return Err(Failure::input(unknown.fill(
            lang,
            &[("ids", &missing.join(", ")), ("valid", &valid.join(", "))],
        )));
    }
    let mut seen = BTreeSet::new();
    if let Some(dup) = given.iter().find(|id| !seen.insert(**id)) {
        return Err(Failure::input(duplicate.fill(lang, &[("id", dup)])));
    }
    Ok(given)
}

/// Text people typed, on one line, trimmed and without control characters.
fn clean(s: &str) -> String {
    text::clean(s, false).trim().to_string()
}

fn open_store(ctx: &Context) -> Result<FileStore, Failure> {
    FileStore::new(ctx.data_dir.as_deref()).map_err(|e| store_failure(&e, ctx.lang))
}

fn list(ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let store = open_store(ctx)?;
    let listings = store.list().map_err(|e| store_failure(&e, lang))?;
    let mut out = std::io::stdout().lock();
    write_table(
        &mut out,
        &listings,
        lang,
        Timestamp::now(),
        &TimeZone::system(),
    )
    .map_err(|e| Failure::runtime(e.to_string()))
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
                l.id.clone(),
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
            ListingState::Corrupt { reason } => {
                let backups = l
                    .path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(|d| d.join(BACKUP_DIR).display().to_string())
                    .unwrap_or_else(|| BACKUP_DIR.to_string());
                notes.push(M::UnreadableNote.fill(
                    lang,
                    &[
                        ("id", &l.id),
                        ("reason", &describe_reason(reason, lang)),
                        ("backups", &backups),
                    ],
                ));
                let dash = "-".to_string();
                [
                    l.id.clone(),
                    format!("! {}", M::Unreadable.get(lang)),
                    dash.clone(),
                    dash.clone(),
                    dash,
                ]
            }
        });
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if !notes.is_empty() {
        writeln!(out)?;
        for note in notes {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
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

fn delete(key: &str, yes: bool, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let mut store = open_store(ctx)?;
    let question = match store.read(key) {
        Ok(s) => M::DeleteAsk.fill(lang, &[("id", key), ("title", &s.title)]),
        // An unreadable or set-aside session can be deleted too.
        Err(StoreError::Corrupt { .. }) => M::DeleteAskUnreadable.fill(lang, &[("id", key)]),
        Err(e) => return Err(store_failure(&e, lang)),
    };
    if !yes {
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !is_yes(&answer) {
            println!("{}", M::NotDeleted.get(lang));
            return Ok(());
        }
    }
    store.delete(key).map_err(|e| store_failure(&e, lang))?;
    println!("{}", M::Deleted.fill(lang, &[("id", key)]));
    Ok(())
}

/// "y", "yes", "j", "ja", in any case; anything else (or nothing) is no.
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "j" | "ja"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn typed_text_is_one_clean_line() {
        assert_eq!(clean("  a\u{1b}[31mb\n c\t"), "a[31mb  c");
    }

    #[test]
    fn yes_in_both_languages() {
        for y in ["y", "Yes\n", " j", "JA"] {
            assert!(is_yes(y), "{y}");
        }
        for n in ["", "n", "nee", "no", "yess"] {
            assert!(!is_yes(n), "{n}");
        }
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
