//! One name per concept, for every place that names it: the app, `deck
//! show`, the exports, `compare` and the room's pages. Other tables word a
//! concept through these (a `{kind}` placeholder, [`Label::title`]); the
//! few that must keep a key of their own are held to these names by the
//! tests below, which also keep the rejected synonyms out of the Dutch.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::{CardKind, Lang, Mode, PrincipleCheck, Stage, Stance};
use crate::i18n::fill;

crate::texts! {
    pub enum Label {
        SelfAssessment => ("self-assessment", "zelfscan"),
        TeamSession => ("team session", "teamsessie"),
        // A team session where a column or a list has room for one word.
        Team => ("team", "team"),
        // A self-assessment with its person's name: "Zelfscan van Ann".
        KindBy => ("{kind} by {name}", "{kind} van {name}"),
        FacilitatorNotes => ("Facilitator notes", "Notities voor de gespreksleider"),
        DataPractice => ("The data practice", "De datapraktijk"),
        Facts => ("Facts and sources", "Feiten en bronnen"),
        Disputed => ("disputed", "omstreden"),
        DecisionPoint => ("Where the story stops", "Waar het verhaal stopt"),
        StageStory => ("story", "verhaal"),
        StageGutCheck => ("gut check", "onderbuikgevoel"),
        StageDiscuss => ("discuss", "bespreken"),
        StageDecide => ("decide", "besluiten"),
        // Also marks a fact kept for the reveal stage.
        StageReveal => ("reveal", "afloop"),
        // The gut-check scale, 1 to 5.
        Vote1 => ("helpful, as expected", "behulpzaam, zoals verwacht"),
        Vote2 => ("fine", "prima"),
        Vote3 => ("mixed feelings", "gemengde gevoelens"),
        Vote4 => ("uncomfortable", "ongemakkelijk"),
        Vote5 => ("creepy, unacceptable", "eng, onacceptabel"),
        KindRealCase => ("real case", "echte casus"),
        KindBaseline => ("baseline", "ijkpunt"),
        KindExemplary => ("good example", "goed voorbeeld"),
        KindHypothetical => ("hypothetical", "hypothetisch"),
        StanceGo => ("go", "doen"),
        StanceGoWithSafeguards => ("go, with safeguards", "doen, met waarborgen"),
        StanceRedesign => ("redesign", "anders aanpakken"),
        StanceNoGo => ("no-go", "niet doen"),
        // How a decision weighs against one principle.
        CheckUpholds => ("upholds", "past erbij"),
        CheckTension => ("in tension", "schuurt"),
        CheckViolates => ("violates", "gaat ertegenin"),
    }
}

impl Label {
    /// With a capital first letter, for a heading or the start of a line:
    /// made once from the label, so it is the label's own word.
    pub fn title(self, lang: Lang) -> &'static str {
        static TITLES: OnceLock<HashMap<(Label, Lang), &'static str>> = OnceLock::new();
        TITLES.get_or_init(|| {
            let mut titles = HashMap::new();
            for &label in Label::ALL {
                for lang in Lang::ALL {
                    let title: &'static str =
                        Box::leak(capitalised(label.get(lang)).into_boxed_str());
                    titles.insert((label, lang), title);
                }
            }
            titles
        })[&(self, lang)]
    }
}

/// A label that is read with its capital, where a table used to keep a
/// capitalised copy: `get` as a table's key has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Titled(pub Label);

impl Titled {
    pub fn get(self, lang: Lang) -> &'static str {
        self.0.title(lang)
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

pub fn stage(stage: Stage) -> Label {
    match stage {
        Stage::Story => Label::StageStory,
        Stage::GutCheck => Label::StageGutCheck,
        Stage::Discuss => Label::StageDiscuss,
        Stage::Decide => Label::StageDecide,
        Stage::Reveal => Label::StageReveal,
    }
}

pub fn check(check: PrincipleCheck) -> Label {
    match check {
        PrincipleCheck::Upholds => Label::CheckUpholds,
        PrincipleCheck::Tension => Label::CheckTension,
        PrincipleCheck::Violates => Label::CheckViolates,
    }
}

pub fn mode(mode: Mode) -> Label {
    match mode {
        Mode::Team => Label::TeamSession,
        Mode::Solo => Label::SelfAssessment,
    }
}

/// A session's kind where there is room for one word: "team", "zelfscan".
pub fn mode_short(mode: Mode) -> Label {
    match mode {
        Mode::Team => Label::Team,
        Mode::Solo => Label::SelfAssessment,
    }
}

/// What kind of session it is, as a title: "Team session", or
/// "Self-assessment by Ann" (just "Self-assessment" without a name).
pub fn session_kind(mode: Mode, person: Option<&str>, lang: Lang) -> String {
    let kind = self::mode(mode).title(lang);
    match (mode, person) {
        (Mode::Solo, Some(name)) => {
            fill(Label::KindBy.get(lang), &[("kind", kind), ("name", name)])
        }
        _ => kind.to_string(),
    }
}

/// The words for a gut-check vote, 1 to 5.
pub const VOTES: [Label; 5] = [
    Label::Vote1,
    Label::Vote2,
    Label::Vote3,
    Label::Vote4,
    Label::Vote5,
];

/// The scale's two ends, as a line: "1 = helpful, as expected … 5 = creepy, unacceptable".
pub fn scale(lang: Lang) -> String {
    scale_with(" … ", lang)
}

/// The scale's two ends with `between` them.
pub fn scale_with(between: &str, lang: Lang) -> String {
    format!(
        "1 = {}{between}5 = {}",
        Label::Vote1.get(lang),
        Label::Vote5.get(lang)
    )
}

/// A vote's words up to the first comma, where a line has room for a
/// reminder only: "helpful", "eng".
pub fn vote_short(vote: Label, lang: Lang) -> &'static str {
    let words = vote.get(lang);
    words.split(',').next().unwrap_or(words)
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
    use crate::i18n::{
        butcher::ButcherMsg, cli::CliMsg, compare::CompareMsg, console::C, deck, export, os::OsMsg,
        room, sessions::SessionsMsg, store::StoreMsg, tui::T,
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
            of(C::ALL, C::get),
            of(deck::CardMsg::ALL, deck::CardMsg::get),
            of(deck::LoadMsg::ALL, deck::LoadMsg::get),
            of(deck::ProblemMsg::ALL, deck::ProblemMsg::get),
            of(export::ExportMsg::ALL, export::ExportMsg::get),
            of(export::TagMsg::ALL, export::TagMsg::get),
            of(
                crate::i18n::files::FileMsg::ALL,
                crate::i18n::files::FileMsg::get,
            ),
            of(OsMsg::ALL, OsMsg::get),
            of(room::Phone::ALL, room::Phone::get),
            of(room::Screen::ALL, room::Screen::get),
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

    /// Keys that stay in a table of their own, because the card stages
    /// still ask for them by key, say exactly what the labels say.
    #[test]
    fn keys_kept_elsewhere_say_what_the_labels_say() {
        for lang in Lang::ALL {
            let pairs = [
                (
                    CompareMsg::ShortGo.get(lang).to_string(),
                    Label::StanceGo.get(lang).to_string(),
                ),
                (
                    room::Screen::StageReveal.get(lang).to_string(),
                    T::WhatHappened.get(lang).to_string(),
                ),
            ];
            for (text, want) in pairs {
                assert_eq!(text, want, "{lang:?}");
            }
            let solo = T::EndTitleSolo.get(lang);
            assert!(solo.ends_with(Label::SelfAssessment.get(lang)), "{solo}");
            let title = room::Phone::PageTitle.get(lang);
            assert!(title.ends_with(Label::StageGutCheck.get(lang)), "{title}");
        }
    }

    #[test]
    fn derived_words_read_naturally() {
        let kind = |mode, name, lang| session_kind(mode, name, lang);
        assert_eq!(kind(Mode::Solo, Some("Ann"), Lang::Nl), "Zelfscan van Ann");
        assert_eq!(
            kind(Mode::Solo, Some("Ann"), Lang::En),
            "Self-assessment by Ann"
        );
        assert_eq!(kind(Mode::Solo, None, Lang::Nl), "Zelfscan");
        assert_eq!(kind(Mode::Team, Some("Ann"), Lang::Nl), "Teamsessie");
        assert_eq!(Titled(Label::StanceNoGo).get(Lang::Nl), "Niet doen");
        assert_eq!(stage(Stage::GutCheck).title(Lang::Nl), "Onderbuikgevoel");
        assert_eq!(
            scale(Lang::Nl),
            "1 = behulpzaam, zoals verwacht … 5 = eng, onacceptabel"
        );
        assert_eq!(vote_short(Label::Vote5, Lang::Nl), "eng");
        assert_eq!(vote_short(Label::Vote2, Lang::En), "fine");
    }

    #[test]
    fn capitals() {
        assert_eq!(capitalised("zelfscan"), "Zelfscan");
        assert_eq!(capitalised("één"), "Één");
        assert_eq!(capitalised(""), "");
    }
}
