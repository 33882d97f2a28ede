//! One name per concept, for every place that names it: the app, `deck
//! show`, the exports and `compare`. Tables that need a concept inside a
//! longer sentence word it the same way; the tests below hold every table
//! to these names and keep the rejected synonyms out of the Dutch.

use crate::domain::{CardKind, Mode, Stance};

crate::texts! {
    pub enum Label {
        SelfAssessment => ("self-assessment", "zelfscan"),
        TeamSession => ("team session", "teamsessie"),
        FacilitatorNotes => ("Facilitator notes", "Notities voor de gespreksleider"),
        DataPractice => ("The data practice", "De datapraktijk"),
        Facts => ("Facts and sources", "Feiten en bronnen"),
        Disputed => ("disputed", "omstreden"),
        DecisionPoint => ("Where the story stops", "Waar het verhaal stopt"),
        // Marks a fact kept for the reveal stage: the stage's own name.
        RevealMark => ("reveal", "afloop"),
        KindRealCase => ("real case", "echte casus"),
        KindBaseline => ("baseline", "ijkpunt"),
        KindExemplary => ("good example", "goed voorbeeld"),
        KindHypothetical => ("hypothetical", "hypothetisch"),
        StanceGo => ("go", "doen"),
        StanceGoWithSafeguards => ("go, with safeguards", "doen, met waarborgen"),
        StanceRedesign => ("redesign", "anders aanpakken"),
        StanceNoGo => ("no-go", "niet doen"),
    }
}

pub fn kind(kind: CardKind) -> Label {
    match kind {
        CardKind::RealCase => Label::KindRealCase,
        CardKind::Baseline => Label::KindBaseline,
        CardKind::Exemplary => Label::KindExemplary,
        CardKind::Hypothetical => Label::KindHypothetical,
    }
}

pub fn stance(stance: Stance) -> Label {
    match stance {
        Stance::Go => Label::StanceGo,
        Stance::GoWithSafeguards => Label::StanceGoWithSafeguards,
        Stance::Redesign => Label::StanceRedesign,
        Stance::NoGo => Label::StanceNoGo,
    }
}

pub fn mode(mode: Mode) -> Label {
    match mode {
        Mode::Team => Label::TeamSession,
        Mode::Solo => Label::SelfAssessment,
    }
}

/// With a capital first letter, for a heading or the start of a line.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::i18n::{
        butcher::ButcherMsg, cli::CliMsg, compare::CompareMsg, deck, export, sessions::SessionsMsg,
        store::StoreMsg, tui::T,
    };

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(Label::ALL, Label::get);
    }

    /// Every Dutch text any table holds.
    fn all_dutch() -> Vec<(String, &'static str)> {
        fn of<K: Copy + std::fmt::Debug>(
            all: &[K],
            get: fn(K, Lang) -> &'static str,
        ) -> Vec<(String, &'static str)> {
            all.iter()
                .map(|k| (format!("{k:?}"), get(*k, Lang::Nl)))
                .collect()
        }
        [
            of(Label::ALL, Label::get),
            of(ButcherMsg::ALL, ButcherMsg::get),
            of(CliMsg::ALL, CliMsg::get),
            of(CompareMsg::ALL, CompareMsg::get),
            of(deck::CardMsg::ALL, deck::CardMsg::get),
            of(deck::LoadMsg::ALL, deck::LoadMsg::get),
            of(deck::ProblemMsg::ALL, deck::ProblemMsg::get),
            of(export::ExportMsg::ALL, export::ExportMsg::get),
            of(export::StanceMsg::ALL, export::StanceMsg::get),
            of(export::CheckMsg::ALL, export::CheckMsg::get),
            of(export::TagMsg::ALL, export::TagMsg::get),
            of(
                crate::i18n::files::FileMsg::ALL,
                crate::i18n::files::FileMsg::get,
            ),
            of(SessionsMsg::ALL, SessionsMsg::get),
            of(StoreMsg::ALL, StoreMsg::get),
            of(T::ALL, T::get),
        ]
        .concat()
    }

    /// The names these concepts used to have besides the one above, and
    /// calques a Dutch marketer would not write.
    #[test]
    fn no_table_uses_a_second_name_or_a_calque() {
        let rejected = [
            "zelftest",
            "werkwijze",
            "anders vormgeven",
            "facilitator",
            "betwist",
            "proef",
            "zit het vast",
            "haakje",
            "splitst",
        ];
        let found: Vec<String> = all_dutch()
            .into_iter()
            .flat_map(|(key, text)| {
                let lower = text.to_lowercase();
                rejected
                    .iter()
                    .filter(move |r| lower.contains(*r))
                    .map(move |r| format!("{key}: “{r}” in “{text}”"))
            })
            .collect();
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Tables that keep their own key for a concept (because their callers
    /// need it) say exactly what the label says.
    #[test]
    fn other_tables_name_concepts_as_the_labels_do() {
        for lang in Lang::ALL {
            let label = |l: Label| l.get(lang).to_string();
            let pairs = [
                (
                    export::ExportMsg::ModeSolo.get(lang),
                    capitalised(&label(Label::SelfAssessment)),
                ),
                (
                    export::ExportMsg::Practice.get(lang),
                    label(Label::DataPractice),
                ),
                (
                    SessionsMsg::ModeSolo.get(lang),
                    label(Label::SelfAssessment),
                ),
                (CompareMsg::Solo.get(lang), label(Label::SelfAssessment)),
            ];
            for (text, want) in pairs {
                assert_eq!(text, want, "{lang:?}");
            }
            for s in Stance::ALL {
                assert_eq!(
                    export::stance(s).get(lang),
                    capitalised(stance(s).get(lang)),
                    "{lang:?} {s:?}"
                );
            }
        }
    }

    #[test]
    fn the_reveal_mark_is_the_stage_name() {
        for lang in Lang::ALL {
            assert_eq!(
                capitalised(Label::RevealMark.get(lang)),
                T::StageReveal.get(lang)
            );
        }
    }

    #[test]
    fn capitals() {
        assert_eq!(capitalised("zelfscan"), "Zelfscan");
        assert_eq!(capitalised("één"), "Één");
        assert_eq!(capitalised(""), "");
    }
}
