//! Messages of `datakompas new` and `datakompas sessions`.

use crate::domain::Lang;
use crate::i18n::fill;

crate::texts! {
    pub enum SessionsMsg {
        TitleEmpty => (
            "the title is empty; give the session a name with --title",
            "de titel is leeg; geef de sessie een naam met --title",
        ),
        NeedVoters => (
            "a team session needs voters: name them with --participants \"Ann,Bo,Cem\" or give a number with --anonymous N (for a self-assessment, use --solo)",
            "een teamsessie heeft stemmers nodig: noem ze met --participants \"Ann,Bo,Cem\" of geef een aantal met --anonymous N (doe je de zelftest alleen, gebruik dan --solo)",
        ),
        EmptyParticipant => (
            "--participants has an empty name; separate names with commas: \"Ann,Bo,Cem\"",
            "--participants bevat een lege naam; zet komma's tussen de namen: \"Ann,Bo,Cem\"",
        ),
        DuplicateParticipant => (
            "\"{name}\" is in --participants twice; give everyone their own name",
            "\"{name}\" staat twee keer in --participants; geef iedereen een eigen naam",
        ),
        VoterCount => (
            "a session has 1 to {max} voters",
            "een sessie heeft 1 tot en met {max} stemmers",
        ),
        MinutesRange => (
            "--minutes-per-card needs a number from 1 to {max}",
            "--minutes-per-card heeft een getal van 1 tot en met {max} nodig",
        ),
        UnknownCards => (
            "no card {ids} in this deck; the cards are: {valid}",
            "geen kaart {ids} in dit deck; de kaarten zijn: {valid}",
        ),
        DuplicateCard => (
            "card {id} is in --cards twice",
            "kaart {id} staat twee keer in --cards",
        ),
        UnknownPrinciples => (
            "no principle {ids} in the library; the principles are: {valid}",
            "geen principe {ids} in de bibliotheek; de principes zijn: {valid}",
        ),
        DuplicatePrinciple => (
            "principle {id} is in --principles twice",
            "principe {id} staat twee keer in --principles",
        ),
        TooManyPrinciples => (
            "pick at most {max} principles (3 to 7 work best); the team can change them in the app",
            "kies hoogstens {max} principes (3 tot 7 werkt het best); het team kan ze in de app nog aanpassen",
        ),
        Prepared => (
            "Session prepared: {title}",
            "Sessie klaargezet: {title}",
        ),
        PreparedId => ("id:   {id}", "id:      {id}"),
        PreparedFile => ("file: {path}", "bestand: {path}"),
        PreparedNext => (
            "Open it with: datakompas resume {id}",
            "Openen doe je met: datakompas resume {id}",
        ),
        NoSessions => (
            "No saved sessions yet. Prepare one with: datakompas new --title \"…\"",
            "Nog geen opgeslagen sessies. Zet er een klaar met: datakompas new --title \"…\"",
        ),
        HeadId => ("ID", "ID"),
        HeadTitle => ("TITLE", "TITEL"),
        HeadMode => ("MODE", "SOORT"),
        HeadProgress => ("PROGRESS", "VOORTGANG"),
        HeadChanged => ("LAST CHANGE", "LAATST GEWIJZIGD"),
        ModeTeam => ("team", "team"),
        ModeSolo => ("self-assessment", "zelftest"),
        Progress => ("{decided}/{total} decided", "{decided}/{total} besloten"),
        Unreadable => ("unreadable", "onleesbaar"),
        UnreadableNote => (
            "{id} cannot be read: {reason}. The file is kept as it is; earlier versions are in {backups}",
            "{id} is niet te lezen: {reason}. Het bestand blijft zoals het is; eerdere versies staan in {backups}",
        ),
        Today => ("today {time}", "vandaag {time}"),
        Yesterday => ("yesterday {time}", "gisteren {time}"),
        DeleteAsk => (
            "Delete session {id} (\"{title}\") and its backups? [y/N] ",
            "Sessie {id} (\"{title}\") en de back-ups verwijderen? [j/N] ",
        ),
        DeleteAskUnreadable => (
            "Delete the unreadable session {id} and its backups? [y/N] ",
            "De onleesbare sessie {id} en de back-ups verwijderen? [j/N] ",
        ),
        Deleted => ("Deleted {id}.", "{id} is verwijderd."),
        NotDeleted => ("Nothing deleted.", "Niets verwijderd."),
    }
}

impl SessionsMsg {
    /// The text with its `{name}` placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        for key in SessionsMsg::ALL {
            let (en, nl) = (key.get(Lang::En), key.get(Lang::Nl));
            assert!(!en.trim().is_empty() && !nl.trim().is_empty(), "{key:?}");
            assert_eq!(placeholders(en), placeholders(nl), "{key:?}");
        }
    }

    #[test]
    fn dutch_says_je_not_u() {
        for key in SessionsMsg::ALL {
            let nl = format!(" {} ", key.get(Lang::Nl).to_lowercase());
            for formal in [" u ", " uw ", " u,", " u."] {
                assert!(!nl.contains(formal), "{key:?}: {nl}");
            }
        }
    }
}
