//! Messages of the command line.

crate::texts! {
    pub enum CliMsg {
        ErrorPrefix => ("error", "fout"),
        // deck list
        ListHeader => ("{title}, version {version}: {n} cards", "{title}, versie {version}: {n} kaarten"),
        ListHeaderOne => ("{title}, version {version}: 1 card", "{title}, versie {version}: 1 kaart"),
        ColumnId => ("ID", "ID"),
        ColumnKind => ("KIND", "SOORT"),
        ColumnYear => ("YEAR", "JAAR"),
        ColumnTitle => ("TITLE", "TITEL"),
        ListHint => (
            "Read a card: datakompas deck show ID{deck}",
            "Een kaart lezen: datakompas deck show ID{deck}",
        ),
        // deck validate
        ValidateOk => ("OK  {file}: {n} cards", "OK  {file}: {n} kaarten"),
        ValidateOkOne => ("OK  {file}: 1 card", "OK  {file}: 1 kaart"),
        ValidateWarning => ("\n  {at}: warning: {problem}", "\n  {at}: waarschuwing: {problem}"),
        ValidateFailed => (
            "{bad} of {total} files have problems",
            "{bad} van de {total} bestanden hebben problemen",
        ),
        ValidateFailedOne => ("{file} has problems", "{file} heeft problemen"),
        // deck show
        UnknownCard => (
            "deck {deck} has no card {id}. `datakompas deck list` shows the card ids.",
            "deck {deck} heeft geen kaart {id}. Met `datakompas deck list` zie je de kaart-id's.",
        ),
        UnknownCardSuggest => (
            "deck {deck} has no card {id}; did you mean {suggestion}? `datakompas deck list` shows the card ids.",
            "deck {deck} heeft geen kaart {id}; bedoel je {suggestion}? Met `datakompas deck list` zie je de kaart-id's.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(CliMsg::ALL, CliMsg::get);
    }
}
