//! `datakompas new …`: a session prepared from options, checked by the
//! same rules as the app's setup screen.

use std::collections::BTreeSet;

use jiff::Timestamp;

use super::{clean, open_store};
use crate::cli::NewArgs;
use crate::commands::output::out_line;
use crate::commands::{Context, Failure, Outcome, store_failure};
use crate::domain::session::DeckRef;
use crate::domain::setup::{
    self, MAX_PRINCIPLES, MAX_VOTERS, MIN_PRINCIPLES, MINUTES_PER_CARD, SetupProblem,
};
use crate::domain::{ChosenPrinciple, Deck, Lang, Mode, Participant, Session};
use crate::i18n::sessions::SessionsMsg as M;
use crate::store::{FileStore, SessionStore, StoreError};

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
    create(&mut store, &mut session, now).map_err(|e| store_failure(&e, lang))?;
    let id = session.id.clone();

    if args.no_open {
        let path = store.session_path(&id).display().to_string();
        out_line(&M::Prepared.fill(lang, &[("title", &session.title)]));
        out_line(&format!("  {}", M::PreparedId.fill(lang, &[("id", &id)])));
        out_line(&format!(
            "  {}",
            M::PreparedFile.fill(lang, &[("path", &path)])
        ));
        out_line(&M::PreparedNext.fill(lang, &[("id", &id)]));
        return Ok(());
    }
    // The app takes the lock itself when it opens the session.
    store.close(&id);
    drop(store);
    crate::tui::run_resume(ctx, &id, false, args.room.options())
}

/// How often `new` looks for another id when one it was given is taken
/// between looking and creating.
const CREATE_TRIES: usize = 20;

/// Stores a new session under a fresh id. Another `new` with the same title
/// at the same moment can take the id first (it holds the lock, or has
/// written the file); then the next free id is taken, `-2` and on.
fn create(store: &mut FileStore, session: &mut Session, now: Timestamp) -> Result<(), StoreError> {
    let mut tries = 0;
    loop {
        match store.create(session) {
            Err(StoreError::Exists { .. } | StoreError::Locked { .. }) if tries < CREATE_TRIES => {
                tries += 1;
                session.id = store.fresh_id(&session.title, now)?;
            }
            other => return other,
        }
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
    let (mode, participants) = voters(args, lang)?;
    if !MINUTES_PER_CARD.contains(&args.minutes_per_card) {
        return Err(setup_failure(&SetupProblem::Minutes, lang));
    }
    let cards = cards(args, deck, lang)?;
    let principles = principles(args, lang)?;
    Ok(Plan {
        title,
        mode,
        participants,
        principles,
        cards,
        minutes_per_card: args.minutes_per_card,
    })
}

/// Who votes: the one person of a self-assessment, the named
/// participants, or a number of anonymous voters.
fn voters(args: &NewArgs, lang: Lang) -> Result<(Mode, Vec<Participant>), Failure> {
    if args.solo {
        // The one participant is the person; unnamed, as before --name.
        let name = args.name.as_deref().map(clean).unwrap_or_default();
        Ok((Mode::Solo, Session::named_participants(&[name])))
    } else if !args.participants.is_empty() {
        let names: Vec<String> = args.participants.iter().map(|n| clean(n)).collect();
        setup::check_names(&names).map_err(|p| setup_failure(&p, lang))?;
        Ok((Mode::Team, Session::named_participants(&names)))
    } else if let Some(n) = args.anonymous {
        let n = usize::from(n);
        setup::check_voter_count(n).map_err(|p| setup_failure(&p, lang))?;
        Ok((Mode::Team, Session::anonymous_participants(n)))
    } else {
        Err(Failure::input(M::NeedVoters.get(lang)))
    }
}

/// The cards asked for, each in the deck once; the whole deck if none.
fn cards(args: &NewArgs, deck: &Deck, lang: Lang) -> Result<Vec<String>, Failure> {
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
    Ok(cards)
}

/// The library's principles asked for, each once, no more than a session holds.
fn principles(args: &NewArgs, lang: Lang) -> Result<Vec<ChosenPrinciple>, Failure> {
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
    Ok(principles
        .into_iter()
        .map(|id| ChosenPrinciple::Library { id: id.to_string() })
        .collect())
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
