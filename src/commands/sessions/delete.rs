//! `datakompas sessions delete`: a session and its backups, after asking.

use std::io::BufRead;

use super::open_store;
use crate::commands::output::{err, out_line};
use crate::commands::{Context, Failure, Outcome, store_failure};
use crate::i18n::sessions::SessionsMsg as M;
use crate::store::{SessionStore, StoreError};

pub(super) fn delete(key: &str, yes: bool, ctx: &Context) -> Outcome {
    let lang = ctx.lang;
    let mut store = open_store(ctx)?;
    let question = match store.read(key) {
        Ok(s) => M::DeleteAsk.fill(lang, &[("id", key), ("title", &s.title)]),
        // An unreadable or set-aside session can be deleted too.
        Err(StoreError::Corrupt { .. }) => M::DeleteAskUnreadable.fill(lang, &[("id", key)]),
        Err(e) => return Err(store_failure(&e, lang)),
    };
    if !yes {
        err(&question);
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !is_yes(&answer) {
            out_line(M::NotDeleted.get(lang));
            return Ok(());
        }
    }
    store.delete(key).map_err(|e| match e {
        // Refused, not failed: the user asked for what cannot be done now.
        StoreError::Locked { .. } => Failure::input(store_failure(&e, lang).message),
        e => store_failure(&e, lang),
    })?;
    out_line(&M::Deleted.fill(lang, &[("id", key)]));
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

    #[test]
    fn yes_in_both_languages() {
        for y in ["y", "Yes\n", " j", "JA"] {
            assert!(is_yes(y), "{y}");
        }
        for n in ["", "n", "nee", "no", "yess"] {
            assert!(!is_yes(n), "{n}");
        }
    }
}
