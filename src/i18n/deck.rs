//! Messages of deck loading and checking, and the labels of a card shown
//! as text.

crate::texts! {
    /// The headings and labels of `deck show`.
    pub enum CardMsg {
        ShowKind => ("Kind", "Soort"),
        ShowOrganisation => ("Organisation", "Organisatie"),
        ShowCountry => ("Country", "Land"),
        ShowYear => ("Year", "Jaar"),
        ShowStory => ("Story", "Het verhaal"),
        ShowPractice => ("The data practice", "De datapraktijk"),
        ShowDataCategories => ("Data involved", "Welke gegevens"),
        ShowFacts => ("Facts", "Feiten"),
        ShowDisputed => ("disputed", "omstreden"),
        ShowPrompts => ("For discussion", "Om over te praten"),
        ShowOptions => ("Options", "Opties"),
        ShowSafeguards => ("Suggested safeguards", "Voorgestelde waarborgen"),
        ShowRedLine => ("Red line if the team says no", "Rode lijn als het team nee zegt"),
        ShowOutcome => ("What happened", "Wat er gebeurde"),
        ShowFacilitatorNotes => ("Facilitator notes", "Notities voor de facilitator"),
        KindRealCase => ("real case", "echte casus"),
        KindBaseline => ("baseline", "ijkpunt"),
        KindExemplary => ("exemplary", "goed voorbeeld"),
        KindHypothetical => ("hypothetical", "hypothetisch"),
        StanceGo => ("go", "doen"),
        StanceGoWithSafeguards => ("go, with safeguards", "doen, met waarborgen"),
        StanceRedesign => ("redesign", "anders aanpakken"),
        StanceNoGo => ("no-go", "niet doen"),
    }
}

crate::texts! {
    /// How a deck file failed to load.
    pub enum LoadMsg {
        NotFound => ("file not found", "bestand niet gevonden"),
        CannotRead => ("cannot read the file: {reason}", "kan het bestand niet lezen: {reason}"),
        NotUtf8 => (
            "not UTF-8 text (byte {offset} is not valid UTF-8); save the file as UTF-8",
            "geen UTF-8-tekst (byte {offset} is geen geldige UTF-8); sla het bestand op als UTF-8",
        ),
        EmptyFile => (
            "the file is empty; a deck is a JSON object: {\"id\": …, \"version\": …, \"cards\": […]}",
            "het bestand is leeg; een deck is een JSON-object: {\"id\": …, \"version\": …, \"cards\": […]}",
        ),
        ProblemCount => ("{file}: {n} problems", "{file}: {n} problemen"),
        ProblemCountOne => ("{file}: 1 problem", "{file}: 1 probleem"),
    }
}

crate::texts! {
    /// What the semantic checks report.
    pub enum ProblemMsg {
        TopLevel => ("(top level)", "(bovenste niveau)"),
        LangEnglish => ("English", "Engelse"),
        LangDutch => ("Dutch", "Nederlandse"),
        DidYouMean => ("; did you mean `{id}`?", "; bedoel je `{id}`?"),
        NoCards => ("the deck has no cards", "het deck heeft geen kaarten"),
        EmptyVersion => (
            "the version is empty; give it one, such as \"1.0.0\"",
            "de versie is leeg; geef er een op, zoals \"1.0.0\"",
        ),
        EmptyText => ("the {lang} text is empty", "de {lang} tekst is leeg"),
        EmptyField => ("this is empty", "dit veld is leeg"),
        ControlChar => (
            "holds the character {code}, which a terminal would act on instead of showing (a control character, an escape or a direction override); remove it",
            "bevat het teken {code}, waar een terminal op reageert in plaats van het te tonen (een stuurteken, een escape of een richtingsteken); haal het weg",
        ),
        BadIdDashes => (
            "`{id}` is not a valid id: use lowercase letters and digits, joined by single dashes (like `ing-2014`)",
            "`{id}` is geen geldige id: gebruik kleine letters en cijfers, met steeds één streepje ertussen (zoals `ing-2014`)",
        ),
        BadIdUnderscores => (
            "`{id}` is not a valid id: use lowercase letters and digits, joined by single underscores (like `purpose_stated`)",
            "`{id}` is geen geldige id: gebruik kleine letters en cijfers, met steeds één underscore ertussen (zoals `purpose_stated`)",
        ),
        DuplicateId => (
            "the id `{id}` is already used at {first}",
            "de id `{id}` wordt al gebruikt bij {first}",
        ),
        Repeated => ("`{item}` is listed more than once", "`{item}` staat er meer dan één keer in"),
        OptionCount => (
            "a card needs 3 to 5 options; this one has {n}",
            "een kaart heeft 3 tot 5 opties nodig; deze heeft er {n}",
        ),
        NoNoGo => (
            "no option has stance `no_go`; every card needs one, so a team can always say no",
            "geen enkele optie heeft stance `no_go`; elke kaart heeft er een nodig, zodat een team altijd nee kan zeggen",
        ),
        UnknownSafeguard => (
            "`{id}` is not a safeguard in the policy framework",
            "`{id}` is geen waarborg uit het beleidskader",
        ),
        UnknownArea => (
            "`{id}` is not a policy area in the policy framework",
            "`{id}` is geen beleidsgebied uit het beleidskader",
        ),
        MissingOutcome => (
            "no `outcome`: every card except a hypothetical tells what really happened",
            "geen `outcome`: elke kaart behalve een hypothetische vertelt wat er echt gebeurde",
        ),
        NoFacts => (
            "a real case needs at least one sourced fact in `facts`",
            "een echte casus heeft minstens één feit met bron nodig in `facts`",
        ),
        MissingYear => (
            "a real case needs the `year` it happened",
            "bij een echte casus hoort een `year`: het jaar waarin het gebeurde",
        ),
        OutcomeOnHypothetical => (
            "a hypothetical has no outcome to reveal; remove `outcome` or change the `kind`",
            "een hypothetische kaart heeft geen afloop; haal `outcome` weg of kies een andere `kind`",
        ),
        YearOnHypothetical => (
            "a hypothetical has no year; remove `year` or change the `kind`",
            "een hypothetische kaart heeft geen jaar; haal `year` weg of kies een andere `kind`",
        ),
        YearOutOfRange => (
            "{year} is not a plausible year (use {min} to {max})",
            "{year} is geen aannemelijk jaar (kies een jaar van {min} tot en met {max})",
        ),
        BadDate => (
            "`{date}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
            "`{date}` is geen datum: gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD",
        ),
        BadUrl => (
            "`{url}` is not a web address: start it with https:// or http://",
            "`{url}` is geen webadres: begin met https:// of http://",
        ),
        NoPrompts => (
            "a card needs at least one discussion prompt",
            "een kaart heeft minstens één gespreksvraag nodig",
        ),
        NoDataCategories => (
            "a card needs at least one data category",
            "een kaart heeft minstens één soort gegevens nodig",
        ),
        NoAreas => (
            "a card needs at least one policy area",
            "een kaart heeft minstens één beleidsgebied nodig",
        ),
        NoSafeguards => (
            "a card needs at least one suggested safeguard",
            "een kaart heeft minstens één voorgestelde waarborg nodig",
        ),
        NoPrinciples => ("the library has no principles", "de bibliotheek heeft geen principes"),
        NoPolicyAreas => ("the framework has no policy areas", "het beleidskader heeft geen beleidsgebieden"),
        NoFrameworkSafeguards => ("the framework has no safeguards", "het beleidskader heeft geen waarborgen"),
        NoGdpr => (
            "a policy area needs at least one GDPR reference",
            "een beleidsgebied heeft minstens één AVG-verwijzing nodig",
        ),
        TopicWithoutLevel => (
            "a safeguard in topic `{topic}` needs a `level` of 1 or more (higher is stricter)",
            "een waarborg in topic `{topic}` heeft een `level` van 1 of hoger nodig (hoger is strenger)",
        ),
        LevelWithoutTopic => (
            "level {level} means nothing without a `topic`",
            "level {level} betekent niets zonder `topic`",
        ),
        DuplicateLevel => (
            "topic `{topic}` already has level {level} at {first}; levels rank the bars, so each is used once",
            "topic `{topic}` heeft level {level} al bij {first}; levels rangschikken de lat, dus elk level komt één keer voor",
        ),
        LoneTopic => (
            "topic `{topic}` has only this safeguard; a topic ranks two or more competing bars",
            "topic `{topic}` heeft alleen deze waarborg; een topic rangschikt twee of meer concurrerende eisen",
        ),
        TopicAcrossAreas => (
            "topic `{topic}` is in area `{area}` here but in `{other}` elsewhere; keep a topic in one area",
            "topic `{topic}` valt hier onder `{area}` maar elders onder `{other}`; houd een topic binnen één beleidsgebied",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(CardMsg::ALL, CardMsg::get);
        crate::i18n::check_table(LoadMsg::ALL, LoadMsg::get);
        crate::i18n::check_table(ProblemMsg::ALL, ProblemMsg::get);
    }
}
