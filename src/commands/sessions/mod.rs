//! `datakompas new …` and `datakompas sessions …`

use super::{Context, Failure, Outcome, store_failure};
use crate::cli::SessionsAction;
use crate::domain::text;
use crate::store::FileStore;

mod delete;
mod list;
mod new;

pub use new::new;

pub fn run(action: Option<SessionsAction>, ctx: &Context) -> Outcome {
    match action {
        None => list::list(ctx),
        Some(SessionsAction::Delete { session, yes }) => delete::delete(&session, yes, ctx),
    }
}

/// Text people typed, on one line, trimmed and without control characters.
fn clean(s: &str) -> String {
    text::clean(s, false).trim().to_string()
}

fn open_store(ctx: &Context) -> Result<FileStore, Failure> {
    FileStore::new(ctx.data_dir.as_deref()).map_err(|e| store_failure(&e, ctx.lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_one_clean_line() {
        assert_eq!(clean("  a\u{1b}[31mb\n c\t"), "a[31mb  c");
    }
}
