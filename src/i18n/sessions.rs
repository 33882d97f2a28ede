//! Messages of `datakompas new` and `datakompas sessions`.

use crate::domain::{Lang, Mode};
use crate::i18n::fill;

crate::texts! {
    pub enum SessionsMsg {
        TitleEmpty => (
            "the title is empty; give the session a name with --title",
            "de titel is leeg; geef de sessie een naam met --title",
        ),
        NeedVoters => (
            "a team session needs voters: name them with --participants \"Ann,Bo,Cem\" or give a number with --anonymous N (for a self-assessment, use --solo)",
            "een teamsessie heeft stemmers nodig: noem ze met --participants \"Ann,Bo,Cem\" of geef een aantal met --anonymous N (voor een zelfscan: gebruik --solo)",
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
            "--minutes-per-card needs a number from {min} to {max}",
            "--minutes-per-card heeft een getal van {min} tot en met {max} nodig",
        ),
        NoCards => (
            "pick at least one card with --cards, or leave it out to play them all",
            "kies minstens één kaart met --cards, of laat het weg om ze allemaal te spelen",
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
            "pick at most {max} principles ({min} to {max} work best); the team can change them in the app",
            "kies hoogstens {max} principes ({min} tot {max} werkt het best); het team kan ze in de app nog aanpassen",
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
        Progress => ("{decided}/{total} decided", "{decided}/{total} besloten"),
        Unreadable => ("unreadable", "onleesbaar"),
        UnreadableNote => (
            "{id} cannot be read: {reason}. The file is kept as it is; earlier versions are in {backups}",
            "{id} is niet te lezen: {reason}. Het bestand blijft zoals het is; eerdere versies staan in {backups}",
        ),
        UnreadableNoteNoBackup => (
            "{id} cannot be read: {reason}. The file is kept as it is; there is no backup of it",
            "{id} is niet te lezen: {reason}. Het bestand blijft zoals het is; er is geen back-up van",
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

/// The word for a session's mode in the list's column.
pub fn mode_label(mode: Mode) -> crate::i18n::labels::Label {
    crate::i18n::labels::mode_short(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(SessionsMsg::ALL, SessionsMsg::get);
    }
}
