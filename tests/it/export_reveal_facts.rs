//! The notes keep the story/reveal split: under what happened they list
//! the reveal's facts with their sources, never the story's again.

use crate::export_support;
use crate::tui_support;

use datakompas::domain::Lang;
use datakompas::export::{self, Parts};
use export_support::{Fixture, word_paragraphs};
use tui_support::*;

#[test]
fn the_notes_list_reveal_facts_under_what_happened() {
    let f = Fixture {
        session: team_session("team"),
        deck: deck(),
        framework: framework(),
        library: library(),
    };
    for lang in Lang::ALL {
        let input = f.input(lang);
        let (reveal, story) = match lang {
            Lang::En => (
                "A store manager later called the father to apologise.",
                "The model used about 25 products.",
            ),
            Lang::Nl => (
                "Een filiaalmanager belde de vader later om excuses aan te bieden.",
                "Het model gebruikte zo'n 25 producten.",
            ),
        };
        let md = export::markdown(&input, Parts::NotesOnly);
        let line = format!(
            "- {reveal} — The New York Times Magazine, 2012-02-16, “How Companies Learn Your Secrets”"
        );
        assert!(md.contains(&line), "{lang:?}:\n{md}");
        assert!(
            !md.contains(story),
            "{lang:?}: a story fact in the notes:\n{md}"
        );
        // Only the cards with an outcome: the hypothetical has none.
        assert_eq!(md.matches(reveal).count(), 2, "{md}");
        let html = export::html(&input, Parts::NotesOnly);
        assert!(
            html.contains(&format!("{reveal} — <span class=\"small\">")),
            "{html}"
        );
        assert!(!html.contains(story));
        let word = word_paragraphs(&export::docx(&input, Parts::NotesOnly).unwrap());
        let line = format!(
            "{reveal} — The New York Times Magazine, 2012-02-16, “How Companies Learn Your Secrets”"
        );
        assert_eq!(word.iter().filter(|l| **l == line).count(), 2, "{word:#?}");
        assert!(!word.iter().any(|l| l.contains(story)));
    }
}
