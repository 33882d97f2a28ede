//! How the session store's errors are told to the user: what went wrong,
//! and why a file could not be read.

crate::texts! {
    pub enum StoreMsg {
        NotFound => (
            "there is no session \"{key}\"; see your sessions with: datakompas sessions",
            "er is geen sessie \"{key}\"; je sessies zie je met: datakompas sessions",
        ),
        Locked => (
            "session {id} is open in another datakompas (process {pid}); close it there first",
            "sessie {id} is al open in een andere datakompas (proces {pid}); sluit hem daar eerst",
        ),
        LockedNoPid => (
            "session {id} is open in another datakompas; close it there first",
            "sessie {id} is al open in een andere datakompas; sluit hem daar eerst",
        ),
        Corrupt => (
            "session {id} cannot be read: {reason}",
            "sessie {id} is niet te lezen: {reason}",
        ),
        NotSetAside => (
            "it could not be set aside either ({detail})",
            "apart zetten lukte ook niet ({detail})",
        ),
        CorruptMoved => (
            "the file was set aside as {path} and will not be overwritten",
            "het bestand staat nu apart als {path} en wordt niet overschreven",
        ),
        CorruptBackup => (
            "the newest backup that can be read is {path}",
            "de nieuwste leesbare back-up is {path}",
        ),
        Io => (
            "could not use {path}: {message}; nothing was lost, try again once that is fixed",
            "kan {path} niet gebruiken: {message}; er is niets verloren, probeer het opnieuw als dat is opgelost",
        ),
        ReadBackDiffers => (
            "what was written to {path} did not read back the same; the previous version is kept, try again",
            "wat er in {path} is geschreven, leest niet hetzelfde terug; de vorige versie blijft staan, probeer het opnieuw",
        ),
        NoHome => (
            "there is no home folder to keep sessions in; choose a folder with --data-dir",
            "er is geen thuismap om sessies in te bewaren; kies een map met --data-dir",
        ),
        BadId => (
            "\"{id}\" cannot be a session id: use letters, digits and dashes only",
            "\"{id}\" kan geen sessie-id zijn: gebruik alleen letters, cijfers en streepjes",
        ),
        NotWritten => (
            "session {id} was not saved, because it would not read back: {reason}; nothing was written",
            "sessie {id} is niet bewaard, want hij zou niet meer te lezen zijn: {reason}; er is niets geschreven",
        ),
        NotWrittenDifferent => (
            "session {id} was not saved, because it would read back differently; nothing was written",
            "sessie {id} is niet bewaard, want hij zou anders teruggelezen worden; er is niets geschreven",
        ),
        Exists => ("session {id} already exists", "sessie {id} bestaat al"),
        NotOpen => (
            "session {id} is not open for saving",
            "sessie {id} is niet geopend om op te slaan",
        ),

        // Why a file cannot be read.
        NotJson => (
            "it is not valid JSON (at line {line}, column {column}: {detail})",
            "het is geen geldige JSON (op regel {line}, kolom {column}: {detail})",
        ),
        WrongFormat => (
            "it is not a datakompas session (its format is \"{found}\")",
            "het is geen datakompas-sessie (het formaat is \"{found}\")",
        ),
        NoFormat => (
            "it is not a datakompas session (it has no \"format\": \"{format}\")",
            "het is geen datakompas-sessie (er staat geen \"format\": \"{format}\" in)",
        ),
        NoVersion => (
            "the \"version\" field is missing",
            "het veld \"version\" ontbreekt",
        ),
        TooNew => (
            "it was saved by a newer datakompas (session version {version}; this one reads up to {current}); update datakompas to open it",
            "hij is bewaard met een nieuwere datakompas (sessieversie {version}; deze leest tot en met {current}); werk datakompas bij om hem te openen",
        ),
        UnknownVersion => (
            "there is no session version {version}",
            "sessieversie {version} bestaat niet",
        ),
        InvalidField => (
            "the field \"{path}\" is not right ({detail})",
            "het veld \"{path}\" klopt niet ({detail})",
        ),
        InvalidWhole => (
            "its contents are not right ({detail})",
            "de inhoud klopt niet ({detail})",
        ),
        SetAside => (
            "an earlier copy did not parse and was set aside",
            "een eerdere versie was onleesbaar en is apart gezet",
        ),
        NoBackup => (
            "there is no backup that can be read",
            "er is geen leesbare back-up",
        ),
        BadIdInFile => (
            "its id \"{id}\" cannot name a session file (letters, digits, dashes, dots and underscores only)",
            "de id \"{id}\" kan geen sessiebestand benoemen (alleen letters, cijfers, streepjes, punten en liggende streepjes)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(StoreMsg::ALL, StoreMsg::get);
    }
}
