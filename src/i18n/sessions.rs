//! Messages of `datakompas new` and `datakompas sessions`, and how store
//! errors are told to the user.

use crate::domain::Lang;
use crate::i18n::fill;
use crate::store::StoreError;

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
        ErrNotFound => (
            "there is no session \"{key}\"; see your sessions with: datakompas sessions",
            "er is geen sessie \"{key}\"; je sessies zie je met: datakompas sessions",
        ),
        ErrLocked => (
            "session {id} is open in another datakompas (process {pid}); close it there first",
            "sessie {id} is al open in een andere datakompas (proces {pid}); sluit hem daar eerst",
        ),
        ErrLockedNoPid => (
            "session {id} is open in another datakompas; close it there first",
            "sessie {id} is al open in een andere datakompas; sluit hem daar eerst",
        ),
        ErrCorrupt => (
            "session {id} cannot be read ({reason})",
            "sessie {id} is niet te lezen ({reason})",
        ),
        ErrCorruptMoved => (
            "the file was set aside as {path} and will not be overwritten",
            "het bestand staat nu apart als {path} en wordt niet overschreven",
        ),
        ErrCorruptBackup => (
            "the newest backup that can be read is {path}",
            "de nieuwste leesbare back-up is {path}",
        ),
        ErrIo => (
            "could not use {path}: {message}; nothing was lost, try again once that is fixed",
            "kan {path} niet gebruiken: {message}; er is niets verloren, probeer het opnieuw als dat is opgelost",
        ),
        ErrExists => (
            "session {id} already exists",
            "sessie {id} bestaat al",
        ),
        ErrNotOpen => (
            "session {id} is not open for saving",
            "sessie {id} is niet geopend om op te slaan",
        ),
    }
}

impl SessionsMsg {
    /// The text with its `{name}` placeholders filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

/// A store error as the user reads it, in their language.
pub fn describe_store_error(e: &StoreError, lang: Lang) -> String {
    use SessionsMsg as M;
    match e {
        StoreError::NotFound { key } => M::ErrNotFound.fill(lang, &[("key", key)]),
        StoreError::Locked { id, pid: Some(pid) } => {
            M::ErrLocked.fill(lang, &[("id", id), ("pid", &pid.to_string())])
        }
        StoreError::Locked { id, pid: None } => M::ErrLockedNoPid.fill(lang, &[("id", id)]),
        StoreError::Corrupt {
            id,
            moved_to,
            reason,
            backup,
        } => {
            let mut out = M::ErrCorrupt.fill(lang, &[("id", id), ("reason", reason)]);
            if let Some(p) = moved_to {
                out.push_str("; ");
                out.push_str(&M::ErrCorruptMoved.fill(lang, &[("path", &p.display().to_string())]));
            }
            if let Some(p) = backup {
                out.push_str("; ");
                out.push_str(
                    &M::ErrCorruptBackup.fill(lang, &[("path", &p.display().to_string())]),
                );
            }
            out
        }
        StoreError::Io { path, message } => M::ErrIo.fill(
            lang,
            &[("path", &path.display().to_string()), ("message", message)],
        ),
        StoreError::Exists { id } => M::ErrExists.fill(lang, &[("id", id)]),
        StoreError::NotOpen { id } => M::ErrNotOpen.fill(lang, &[("id", id)]),
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

    #[test]
    fn store_errors_read_in_both_languages() {
        let e = StoreError::Corrupt {
            id: "2026-11-29-team".into(),
            moved_to: Some("/d/sessions/2026-11-29-team.json.corrupt-20261129T100000Z".into()),
            reason: "not valid JSON".into(),
            backup: Some("/d/sessions/.backups/2026-11-29-team.1.json".into()),
        };
        assert_eq!(
            describe_store_error(&e, Lang::Nl),
            "sessie 2026-11-29-team is niet te lezen (not valid JSON); het bestand staat nu apart \
             als /d/sessions/2026-11-29-team.json.corrupt-20261129T100000Z en wordt niet \
             overschreven; de nieuwste leesbare back-up is /d/sessions/.backups/2026-11-29-team.1.json"
        );
        let e = StoreError::Locked {
            id: "x".into(),
            pid: Some(1234),
        };
        assert_eq!(
            describe_store_error(&e, Lang::En),
            "session x is open in another datakompas (process 1234); close it there first"
        );
    }
}
