//! The phone page's texts and the shared screen's. The page fetches them as JSON, so each text
//! still exists in both languages by construction. The scale, the stage
//! names and "disputed" come from [`labels`], under the keys the pages ask for.

use crate::domain::{Lang, Stage};
use crate::i18n::labels::{self, Label};

crate::texts! {
    pub enum Phone {
        PageTitle => ("datakompas: gut check", "datakompas: onderbuikgevoel"),
        Connecting => ("Connecting…", "Verbinden…"),
        Reconnecting => ("Connection lost. Reconnecting…", "Verbinding kwijt. Opnieuw verbinden…"),
        LangSwitch => ("Nederlands", "English"),
        LangSwitchLabel => ("Lees deze pagina in het Nederlands", "Read this page in English"),
        CodeTitle => ("Join the room", "Doe mee"),
        CodeHint => ("Type the code shown on the facilitator's screen.",
                     "Typ de code die op het scherm van de gespreksleider staat."),
        CodeLabel => ("Join code", "Deelnamecode"),
        CodeButton => ("Join", "Meedoen"),
        CodeWrong => ("That code is not right. Check the screen and try again.",
                      "Die code klopt niet. Kijk nog eens op het scherm en probeer het opnieuw."),
        CodeTooMany => ("Too many tries. Wait a minute, then try again.",
                        "Te veel pogingen. Wacht een minuut en probeer het dan opnieuw."),
        WhoAreYou => ("Who are you?", "Wie ben jij?"),
        WhoHint => ("Tap your name. Nobody sees your vote before the reveal.",
                    "Tik op je naam. Niemand ziet je stem vóór de onthulling."),
        NoNamesLeft => ("Every name is taken. Ask the facilitator to free yours.",
                        "Alle namen zijn bezet. Vraag de gespreksleider om de jouwe vrij te geven."),
        NameTaken => ("Someone else just took that name. Pick yours again.",
                      "Iemand anders koos die naam net. Kies de jouwe opnieuw."),
        RoomFull => ("Every place is taken", "Alle plaatsen zijn bezet"),
        RoomFullHint => ("Ask the facilitator to make room; this page joins by itself once there is a place.",
                         "Vraag de gespreksleider om ruimte te maken; deze pagina doet vanzelf mee zodra er plek is."),
        YouAre => ("You are {name}", "Je bent {name}"),
        NotYou => ("Not you?", "Niet jij?"),
        VoterN => ("Voter {n}", "Stemmer {n}"),
        CardOf => ("Card {n} of {total}", "Kaart {n} van {total}"),
        Question => ("How would your customers feel?", "Hoe zouden jullie klanten zich hierbij voelen?"),
        VoteIn => ("Your vote is in; you can change it until the reveal.",
                   "Je stem is binnen; je kunt hem nog veranderen tot de onthulling."),
        VoteSending => ("Sending your vote…", "Je stem wordt verstuurd…"),
        VoteFailed => ("Your vote did not arrive. Tap again.",
                       "Je stem is niet aangekomen. Tik nog een keer."),
        VoteLocked => ("Voting on this card is closed.", "Het stemmen over deze kaart is gesloten."),
        VoteTooFast => ("Easy does it: wait a few seconds, then tap again.",
                        "Rustig aan: wacht een paar seconden en tik dan opnieuw."),
        VotedCount => ("{n} of {total} voted", "{n} van {total} gestemd"),
        StageStory => ("Reading the case", "De casus wordt gelezen"),
        StageDiscuss => ("Discussing", "Bespreken"),
        StageDecide => ("Deciding", "Besluiten"),
        StageReveal => ("What really happened", "Wat er echt gebeurde"),
        Waiting => ("Waiting for the next card", "Wachten op de volgende kaart"),
        LookUp => ("Follow along on the shared screen.", "Kijk mee op het gedeelde scherm."),
        RevealTitle => ("How the votes fell", "Hoe er gestemd is"),
        RevealAverage => ("Average {avg} · from {lo} to {hi}", "Gemiddeld {avg} · van {lo} tot {hi}"),
        RevealSpread => ("Spread: {spread}", "Spreiding: {spread}"),
        RevealSplit => ("Opinions differ: ask the lowest and the highest voters to explain.",
                        "De meningen lopen uiteen: vraag de laagste en de hoogste stemmers om uitleg."),
        RevealNone => ("Nobody voted on this card.", "Niemand heeft over deze kaart gestemd."),
        RevealBar => ("{value} ({label}): {count}", "{value} ({label}): {count}"),
        RevealNames => ("Who voted what", "Wie wat stemde"),
        Closed => ("The facilitator closed the room.", "De gespreksleider heeft de stemruimte gesloten."),
        ClosedThanks => ("Thank you for taking part. You can close this page.",
                         "Bedankt voor het meedoen. Je kunt deze pagina sluiten."),
        Error => ("Something went wrong. Try again.", "Er ging iets mis. Probeer het opnieuw."),
    }
}

crate::texts! {
    /// The shared screen's texts (the projector), in the session's language.
    pub enum Screen {
        PageTitle => ("datakompas: the room's screen", "datakompas: het scherm van de zaal"),
        Connecting => ("Connecting…", "Verbinden…"),
        Reconnecting => ("Connection lost. Reconnecting…", "Verbinding kwijt. Opnieuw verbinden…"),
        Busy => ("Too many screens are open for this room. Close one, then reload this page.",
                 "Er staan te veel schermen open voor deze zaal. Sluit er een en laad deze pagina opnieuw."),
        Welcome => ("Welcome", "Welkom"),
        WaitingForCard => ("The first card is coming up.", "De eerste kaart komt eraan."),
        JoinScan => ("Join with your phone: scan the code", "Doe mee met je telefoon: scan de code"),
        JoinType => ("or open this address and type the code:", "of open dit adres en typ de code:"),
        CardOf => ("Card {n} of {total}", "Kaart {n} van {total}"),
        StageReveal => ("What actually happened", "Wat er echt gebeurde"),
        Practice => ("The data practice in question", "De datapraktijk waar het om gaat"),
        Question => ("How would your customers feel?", "Hoe zouden jullie klanten zich hierbij voelen?"),
        VoteOnPhone => ("Vote on your phone. Nobody sees a vote before the reveal.",
                        "Stem op je telefoon. Niemand ziet een stem vóór de onthulling."),
        VotedCount => ("{n} of {total} voted", "{n} van {total} gestemd"),
        RevealTitle => ("How the votes fell", "Hoe er gestemd is"),
        RevealAverage => ("Average {avg} · from {lo} to {hi}", "Gemiddeld {avg} · van {lo} tot {hi}"),
        RevealSplit => ("Opinions differ: ask the lowest and the highest voters to explain.",
                        "De meningen lopen uiteen: vraag de laagste en de hoogste stemmers om uitleg."),
        RevealNone => ("Nobody voted on this card.", "Niemand heeft over deze kaart gestemd."),
        RevealBar => ("{value} ({label}): {count}", "{value} ({label}): {count}"),
        VoterN => ("Voter {n}", "Stemmer {n}"),
        Prompts => ("To discuss", "Om te bespreken"),
        Deciding => ("What would our brand do, and why?", "Wat zou ons merk doen, en waarom?"),
        Decision => ("Our decision", "Ons besluit"),
        Safeguards => ("With these safeguards", "Met deze waarborgen"),
        Hypothetical => ("This is a hypothetical: there is no outcome, only our decision.",
                         "Dit is een hypothetische casus: er is geen afloop, alleen ons besluit."),
        Facts => ("The facts", "De feiten"),
        FactsMore => ("+ {n} more", "+ nog {n}"),
        Closed => ("The room is closed. Thank you for taking part.",
                   "De zaal is gesloten. Bedankt voor het meedoen."),
    }
}

/// The scale's words, `Scale1` to `Scale5`, as both pages ask for them.
fn scale_words(lang: Lang) -> Vec<(String, &'static str)> {
    (1..)
        .zip(labels::VOTES)
        .map(|(n, vote)| (format!("Scale{n}"), vote.title(lang)))
        .collect()
}

/// The words the screen shares with the app, under the keys it asks for.
fn screen_words(lang: Lang) -> Vec<(String, &'static str)> {
    let mut words = scale_words(lang);
    words.extend(
        [
            ("StageStory", Stage::Story),
            ("StageGutCheck", Stage::GutCheck),
            ("StageDiscuss", Stage::Discuss),
            ("StageDecide", Stage::Decide),
        ]
        .map(|(key, stage)| (key.to_string(), labels::stage(stage).title(lang))),
    );
    words.push(("Disputed".to_string(), Label::Disputed.get(lang)));
    words.push(("DecisionPoint".to_string(), Label::DecisionPoint.get(lang)));
    words
}

/// A page's texts, as `{"en": {"Key": "…"}, "nl": {…}}`: its own table and
/// the words it shares with the app.
fn page_json<K: Copy + std::fmt::Debug>(
    all: &[K],
    get: fn(K, Lang) -> &'static str,
    shared: fn(Lang) -> Vec<(String, &'static str)>,
) -> String {
    let table = |lang: Lang| -> serde_json::Map<String, serde_json::Value> {
        all.iter()
            .map(|k| (format!("{k:?}"), get(*k, lang)))
            .chain(shared(lang))
            .map(|(k, v)| (k, serde_json::Value::from(v)))
            .collect()
    };
    serde_json::json!({ "en": table(Lang::En), "nl": table(Lang::Nl) }).to_string()
}

/// The shared screen's texts.
pub fn screen_json() -> String {
    page_json(Screen::ALL, Screen::get, screen_words)
}

/// Every text of the phone page.
pub fn json() -> String {
    page_json(Phone::ALL, Phone::get, scale_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages() {
        crate::i18n::check_table(Phone::ALL, Phone::get);
    }

    #[test]
    fn every_screen_text_is_in_both_languages() {
        crate::i18n::check_table(Screen::ALL, Screen::get);
        let parsed: serde_json::Value = serde_json::from_str(&screen_json()).unwrap();
        for lang in ["en", "nl"] {
            assert_eq!(
                parsed[lang].as_object().unwrap().len(),
                Screen::ALL.len() + screen_words(Lang::En).len()
            );
        }
        assert_eq!(parsed["nl"]["DecisionPoint"], "Waar het verhaal stopt");
    }

    #[test]
    fn the_json_holds_every_key_in_both_languages() {
        let parsed: serde_json::Value = serde_json::from_str(&json()).unwrap();
        for lang in ["en", "nl"] {
            assert_eq!(
                parsed[lang].as_object().unwrap().len(),
                Phone::ALL.len() + 5
            );
        }
        assert_eq!(parsed["nl"]["WhoAreYou"], "Wie ben jij?");
        assert_eq!(parsed["nl"]["Scale1"], "Behulpzaam, zoals verwacht");
        assert_eq!(parsed["en"]["Scale5"], "Creepy, unacceptable");
    }
}
