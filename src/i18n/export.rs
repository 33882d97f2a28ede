//! Texts of the exports (session notes, policy draft) and the export command.

use crate::domain::{CardStatus, PracticeTag, PrincipleCheck, Stance};
use crate::i18n::labels::{self, Titled};

crate::texts! {
    pub enum ExportMsg {
        // Document titles and notices
        NotesTitle => ("Session notes", "Sessieverslag"),
        PolicyTitle => ("Draft data policy", "Concept-databeleid"),
        DraftLabel => ("Draft, not legal advice.", "Concept, geen juridisch advies."),
        DraftNotice => (
            "It records what the team decided in a workshop. Have it checked by your privacy officer or lawyer before you adopt or publish it.",
            "Het legt vast wat het team in een workshop besloot. Laat het toetsen door je privacy officer of jurist voordat je het vaststelt of publiceert.",
        ),
        DraftNoticeSolo => (
            "It records what one person decided in a self-assessment. Have it checked by your privacy officer or lawyer before you adopt or publish it.",
            "Het legt vast wat één persoon in een zelfscan besloot. Laat het toetsen door je privacy officer of jurist voordat je het vaststelt of publiceert.",
        ),
        GeneratedBy => ("Made with datakompas", "Gemaakt met datakompas"),

        // Session facts
        Date => ("Date", "Datum"),
        ModeLabel => ("Type", "Soort"),
        OnePerson => ("one person", "één persoon"),
        Participants => ("Participants", "Deelnemers"),
        AnonymousVoters => ("{n} anonymous voters", "{n} anonieme stemmers"),
        AnonymousVoter => ("1 anonymous voter", "1 anonieme stemmer"),
        DeckLabel => ("Deck", "Kaartset"),
        Progress => ("{decided} of {total} cards decided", "{decided} van {total} kaarten besloten"),
        Timebox => ("{m} minutes", "{m} minuten"),
        TimeboxOne => ("1 minute", "1 minuut"),
        TimeboxLabel => ("Timebox", "Tijd per kaart"),
        ProgressLabel => ("Progress", "Voortgang"),

        // Per card
        CardNumber => ("Card {n}", "Kaart {n}"),
        NoVotes => ("No votes cast.", "Er is niet gestemd."),
        VoteLine => (
            "{total} votes, average {average}, spread {spread}",
            "{total} stemmen, gemiddeld {average}, spreiding {spread}",
        ),
        OneVoteLine => ("1 vote: {value}", "1 stem: {value}"),
        VotesHidden => ("Votes hidden ({cast} of {voters} in).", "Stemmen verborgen ({cast} van {voters} binnen)."),
        SplitMark => ("split vote", "verdeelde stemming"),
        VotesOf => ("{value}: {count}×", "{value}: {count}×"),
        Decision => ("Decision", "Besluit"),
        NotDecided => ("Not decided yet.", "Nog geen besluit."),
        Safeguards => ("Safeguards", "Waarborgen"),
        NoSafeguards => ("None chosen.", "Geen gekozen."),
        PrincipleCheckLabel => ("Principle check", "Toets aan de principes"),
        NotMarked => ("not marked", "niet ingevuld"),
        Rationale => ("Why", "Waarom"),
        NoRationale => ("No rationale written.", "Geen toelichting geschreven."),
        TimeSpent => ("Discussion time", "Gesprekstijd"),
        TimeOf => ("{spent} of {box} min", "{spent} van {box} min"),
        CardTime => ("Time on the card", "Tijd aan de kaart"),
        SessionTime => ("Session time", "Sessietijd"),
        SessionTimeOf => ("{elapsed} of {planned} min planned ({plan})", "{elapsed} van {planned} min gepland ({plan})"),
        PlanTeam => (
            "{opening} min opening, {cards} × {box} min for the cards, {close} min close",
            "{opening} min opening, {cards} × {box} min voor de kaarten, {close} min afsluiting",
        ),
        PlanSolo => ("{cards} × {box} min for the cards", "{cards} × {box} min voor de kaarten"),
        Outcome => ("What really happened", "Wat er echt gebeurde"),
        UnknownCard => ("(card {id} is not in this deck)", "(kaart {id} staat niet in deze kaartset)"),

        // Policy draft
        OurPrinciples => ("Our brand principles", "Onze merkprincipes"),
        NoPrinciples => ("The team chose no principles.", "Het team koos geen principes."),
        NoPrinciplesSolo => ("No principles were chosen.", "Er zijn geen principes gekozen."),
        CustomPrinciple => ("our own", "eigen principe"),
        Commitments => ("Commitments per policy area", "Afspraken per beleidsterrein"),
        NothingYet => ("No commitments in this area yet.", "Nog geen afspraken op dit terrein."),
        WeCommit => ("What we commit to", "Wat we toezeggen"),
        WeAgreed => ("What we agreed to do", "Wat we besloten te doen"),
        AgreedGo => ("Accepted: {practice}", "Geaccepteerd: {practice}"),
        AgreedWithSafeguards => (
            "Accepted only with safeguards: {practice}",
            "Alleen met waarborgen geaccepteerd: {practice}",
        ),
        AgreedRedesign => (
            "Only in a redesigned form, not as proposed: {practice}",
            "Alleen in aangepaste vorm, niet zoals voorgesteld: {practice}",
        ),
        OurChoice => ("Our choice: {option}.", "Onze keuze: {option}."),
        WithSafeguards => ("With: {list}.", "Met: {list}."),
        FromCards => ("From", "Uit"),
        Upholding => ("Upholds", "Past bij"),
        NoPrincipleMarked => ("no principle marked", "geen principe aangevinkt"),
        Superseded => (
            "{cards} — here a weaker safeguard was chosen: “{text}” The stricter commitment above stands.",
            "{cards} — hier is een zwakkere waarborg gekozen: ‘{text}’ De strengere afspraak hierboven geldt.",
        ),
        GdprRefs => ("GDPR", "AVG"),
        RedLines => ("Red lines", "Rode lijnen"),
        RedLinesHere => ("Red lines in this area", "Rode lijnen op dit terrein"),
        NoRedLines => ("No red lines: no card was decided as a no-go.", "Geen rode lijnen: geen enkele kaart kreeg een ‘niet doen’."),
        OpenQuestions => ("Open questions", "Open vragen"),
        NoOpenQuestions => ("No open questions.", "Geen open vragen."),
        Undecided => ("Undecided cards", "Kaarten zonder besluit"),
        UndecidedVoted => ("votes cast, no decision", "wel gestemd, geen besluit"),
        UndecidedNotStarted => ("not discussed", "niet besproken"),
        SplitVotes => ("Split votes", "Verdeelde stemmingen"),
        SplitExplained => (
            "A vote is split when the highest and lowest vote are 3 or more points apart.",
            "Een stemming is verdeeld als de hoogste en laagste stem 3 of meer punten uit elkaar liggen.",
        ),
        SplitLine => (
            "votes from {min} to {max} (average {average})",
            "stemmen van {min} tot {max} (gemiddeld {average})",
        ),
        Tensions => (
            "Where decisions strain our principles, or were not weighed against them",
            "Waar besluiten schuren met onze principes, of er nog niet aan zijn getoetst",
        ),
        TensionWith => ("in tension with {list}", "schuurt met {list}"),
        ViolatesList => ("goes against {list}", "gaat in tegen {list}"),
        NotJudgedList => ("not yet weighed against {list}", "nog niet getoetst aan {list}"),
        Contradictions => ("Decisions that contradict each other", "Besluiten die elkaar tegenspreken"),
        ContradictSafeguard => (
            "{chosen} committed to “{commitment}”, yet the decision was go on:",
            "{chosen} beloofde ‘{commitment}’, maar toch werd het doen bij:",
        ),
        ContradictRedLine => (
            "{no_go} drew the red line “{red_line}”, yet the decision was go on cards with the same practice:",
            "{no_go} trok de rode lijn ‘{red_line}’, maar bij kaarten met dezelfde datapraktijk werd het toch doen:",
        ),
        ContradictRedLineShared => (
            "{no_go} drew the red line “{red_line}”, yet the team said go on cards with the same practice:",
            "{no_go} trokken de rode lijn ‘{red_line}’, maar het team koos voor doen bij kaarten met dezelfde datapraktijk:",
        ),
        ContradictRedLines => (
            "{no_go} drew the red lines {red_lines}, yet the team said go on cards with the same practice:",
            "{no_go} trokken de rode lijnen {red_lines}, maar het team koos voor doen bij kaarten met dezelfde datapraktijk:",
        ),
        Quoted => ("“{text}”", "‘{text}’"),
        ConflictItem => ("{card} ({stance}; {tags})", "{card} ({stance}; {tags})"),
        And => ("and", "en"),

        // The document block, follow-up and reasoning (policy draft)
        DocOrganisation => ("Organisation or team", "Organisatie of team"),
        DocSessionDate => ("Session date", "Datum sessie"),
        DocTookPart => ("Who took part", "Deelnemers"),
        DocFacilitator => ("Facilitator", "Begeleider"),
        DocDeck => ("Deck", "Kaartset"),
        DocStatus => ("Status", "Status"),
        DocStatusValue => ("Draft for review by Legal and Brand", "Concept ter beoordeling door Juridische Zaken en Merk"),
        DocVersion => ("Version", "Versie"),
        DocVersionDate => ("{version}, {date}", "{version}, {date}"),
        DocFirstVersion => ("0.1", "0.1"),
        NotFilledIn => ("not filled in", "niet ingevuld"),
        AboutDocument => ("About this document", "Over dit document"),
        OwnerLine => ("Owner: {owner}", "Eigenaar: {owner}"),
        ReviewLine => ("Review by: {date}", "Herzien uiterlijk: {date}"),
        NoOwner => ("Owner: not assigned yet", "Eigenaar: nog niet toegewezen"),
        NextSteps => ("Next steps", "Vervolgstappen"),
        NoNextSteps => ("No next steps listed yet.", "Nog geen vervolgstappen vastgelegd."),
        StepWhat => ("What", "Wat"),
        StepWho => ("Who", "Wie"),
        StepBy => ("By when", "Wanneer"),
        WhyLabel => ("Why", "Waarom"),
        RationaleOf => ("{card}: {text}", "{card}: {text}"),
        SplitFrom => ("votes split from {min} to {max}", "de stemmen liepen uiteen van {min} tot {max}"),
        WeighedAgainst => ("weighed against {list}", "afgewogen tegen {list}"),
        PrincipleState => ("{name}: {state}", "{name}: {state}"),
        AlsoRedLine => ("Also our red line: no-go on {cards}.", "Ook onze rode lijn: ‘niet doen’ bij {cards}."),
        KeptSafeguards => (
            "Safeguards kept for if it ever comes back: {list}.",
            "Waarborgen die blijven voor als het ooit terugkomt: {list}.",
        ),
        NoSafeguardsRedLine => (
            "No safeguards needed: this is a red line.",
            "Geen waarborgen nodig: dit is een rode lijn.",
        ),
        OtherLaw => ("Other law", "Andere wetgeving"),

        // Charts
        ChartVotes => ("Gut-check votes per card", "Onderbuikgevoel per kaart"),
        ChartVotesDesc => (
            "Bars show how many people gave each vote, from 1 ({low}) to 5 ({high}).",
            "De staven tonen hoeveel mensen elke stem gaven, van 1 ({low}) tot 5 ({high}).",
        ),
        ChartHeatmap => ("Principles × cards", "Principes × kaarten"),
        ChartHeatmapDesc => (
            "How each decision stands against each principle.",
            "Hoe elk besluit zich verhoudt tot elk principe.",
        ),
        Legend => ("Legend", "Legenda"),
        NotChecked => ("not marked", "niet ingevuld"),

        // The command
        OutputExists => (
            "{path} already exists; add --force to overwrite it",
            "{path} bestaat al; gebruik --force om het te overschrijven",
        ),
        CannotWrite => ("cannot write {path}: {error}", "kan {path} niet schrijven: {error}"),
        Written => ("Written to {path}", "Opgeslagen in {path}"),
        DocxFailed => ("cannot build the Word file: {error}", "kan het Word-bestand niet maken: {error}"),
        DocxNeedsOutput => (
            "a Word file cannot be shown in the terminal; add --output FILE.docx",
            "een Word-bestand kan niet in de terminal worden getoond; gebruik --output BESTAND.docx",
        ),
    }
}

/// A stance as the exports write it, with its capital: the label's word.
pub fn stance(stance: Stance) -> Titled {
    Titled(labels::stance(stance))
}

pub fn check(check: PrincipleCheck) -> labels::Label {
    labels::check(check)
}

pub fn status(status: CardStatus) -> ExportMsg {
    match status {
        CardStatus::Voted => ExportMsg::UndecidedVoted,
        CardStatus::NotStarted | CardStatus::Decided => ExportMsg::UndecidedNotStarted,
    }
}

pub fn tag(tag: PracticeTag) -> TagMsg {
    match tag {
        PracticeTag::ThirdPartySharing => TagMsg::ThirdPartySharing,
        PracticeTag::SecondaryUse => TagMsg::SecondaryUse,
        PracticeTag::Profiling => TagMsg::Profiling,
        PracticeTag::SensitiveInference => TagMsg::SensitiveInference,
        PracticeTag::LocationTracking => TagMsg::LocationTracking,
        PracticeTag::PersonalPricing => TagMsg::PersonalPricing,
        PracticeTag::Experimentation => TagMsg::Experimentation,
        PracticeTag::DataRelease => TagMsg::DataRelease,
        PracticeTag::Personalisation => TagMsg::Personalisation,
    }
}

crate::texts! {
    pub enum TagMsg {
        ThirdPartySharing => ("sharing with other companies", "delen met andere bedrijven"),
        SecondaryUse => ("use for a new purpose", "gebruik voor een nieuw doel"),
        Profiling => ("profiling", "profilering"),
        SensitiveInference => ("inferring sensitive data", "gevoelige gegevens afleiden"),
        LocationTracking => ("location tracking", "locatie volgen"),
        PersonalPricing => ("personal pricing", "persoonlijke prijzen"),
        Experimentation => ("experiments on customers", "experimenten met klanten"),
        DataRelease => ("releasing data sets", "datasets vrijgeven"),
        Personalisation => ("personalisation", "personalisatie"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(ExportMsg::ALL, ExportMsg::get);
        crate::i18n::check_table(TagMsg::ALL, TagMsg::get);
    }
}
