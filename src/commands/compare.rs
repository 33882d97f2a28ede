//! `datakompas compare SESSION SESSION… [--format text|md] [-o FILE] [--force]`

use std::collections::BTreeSet;

use super::export::{load_session, write_file, write_stdout};
use super::{Context, Failure, Outcome};
use crate::cli::{CompareArgs, CompareFormat};
use crate::domain::compare::{self, CompareProblem, Entry};
use crate::domain::{Lang, Session};
use crate::i18n::compare::CompareMsg as M;

mod markdown;
mod text;
mod wording;

pub fn run(args: &CompareArgs, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    if args.sessions.len() < 2 {
        return Err(Failure::input(M::TooFew.get(lang)));
    }
    let sessions = args
        .sessions
        .iter()
        .map(|key| load_session(key, ctx))
        .collect::<Result<Vec<Session>, Failure>>()?;
    let builtin = crate::deck::builtin();
    let library = crate::deck::principles();
    let entries: Vec<Entry> = sessions
        .iter()
        .map(|s| Entry {
            session: s,
            deck: s.deck(&builtin),
        })
        .collect();
    let comparison =
        compare::compare(&entries, &library, lang).map_err(|p| problem(&p, &sessions, lang))?;
    let out = match args.format {
        CompareFormat::Text => text::render(&comparison, lang),
        CompareFormat::Md => markdown::render(&comparison, lang),
    };
    match &args.output {
        None => write_stdout(&out, ctx),
        Some(path) => write_file(path, out.as_bytes(), args.force, ctx),
    }
}

fn problem(p: &CompareProblem, sessions: &[Session], lang: Lang) -> Failure {
    Failure::input(match p {
        CompareProblem::TooFew => M::TooFew.get(lang).to_string(),
        CompareProblem::NoSharedCards => {
            let decks: BTreeSet<&str> = sessions.iter().map(|s| s.deck.id.as_str()).collect();
            let decks = decks.into_iter().collect::<Vec<_>>().join(", ");
            M::NoSharedCards.fill(lang, &[("decks", &decks)])
        }
        CompareProblem::NothingAnswered => M::NothingAnswered.get(lang).to_string(),
    })
}
