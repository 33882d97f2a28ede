//! Texts of `datakompas compare`: the table, the suggested agenda and the
//! command's errors.

use crate::domain::Stance;

crate::texts! {
    pub enum CompareMsg {
        // Heading and legend
        Title => ("Comparing {n} sessions", "{n} sessies naast elkaar"),
        // {stage}: the gut check; {scale}: its two ends.
        Scale => (
            "{stage}: {scale}. A team session counts with its average vote.",
            "{stage}: {scale}. Een teamsessie telt mee met haar gemiddelde stem.",
        ),
        Who => ("Who", "Wie"),
        // {kind}: a team session.
        Team => ("{kind}, {n} voters", "{kind}, {n} stemmers"),
        TeamOne => ("{kind}, 1 voter", "{kind}, 1 stemmer"),
        DecksDiffer => (
            "These sessions were played with different decks; only the cards they share are compared.",
            "Deze sessies zijn met verschillende kaartsets gespeeld; alleen de kaarten die ze delen, zijn vergeleken.",
        ),

        // The table
        CardByCard => ("Card by card, most disagreement first", "Per kaart, waar jullie het minst eens zijn bovenaan"),
        ColCard => ("Card", "Kaart"),
        ColSpread => ("Spread", "Spreiding"),
        ColDifferences => ("Differences", "Verschillen"),
        Hidden => ("votes hidden ({cast} of {voters} in)", "stemmen verborgen ({cast} van {voters} binnen)"),
        MarkDisagree => ("disagree", "oneens"),
        MarkSplit => ("split", "verdeeld"),
        MarkPrinciples => ("principles", "principes"),
        ShortGo => ("go", "doen"),
        ShortGoWithSafeguards => ("go+", "doen+"),
        ShortRedesign => ("redesign", "anders"),
        ShortNoGo => ("no-go", "niet"),
        LegendStances => (
            "go+ = go, with safeguards · – = skipped",
            "doen+ = doen, met waarborgen · anders = anders aanpakken · niet = niet doen · – = overgeslagen",
        ),
        LegendMarks => (
            "disagree = different stances · split = votes 3 or more apart · principles = a shared principle judged differently",
            "oneens = verschillende standpunten · verdeeld = stemmen 3 of meer uit elkaar · principes = een gedeeld principe anders beoordeeld",
        ),

        // The agenda
        Agenda => ("Suggested agenda", "Voorstel voor de agenda"),
        Discuss => ("Discuss first: where you differ most", "Eerst bespreken: hier verschillen jullie het meest"),
        IfTime => ("If time allows: more differences", "Als er tijd over is: meer verschillen"),
        Confirm => ("Quick to confirm: everyone agreed", "Snel bevestigen: iedereen is het eens"),
        NothingToDiscuss => (
            "No card shows a difference: confirm the shared view and use the time for the policy.",
            "Op geen enkele kaart verschillen jullie: bevestig het gedeelde beeld en gebruik de tijd voor het beleid.",
        ),
        WhyStances => ("stances differ: {list}", "standpunten lopen uiteen: {list}"),
        WhyStanceBy => ("{stance} ({names})", "{stance} ({names})"),
        WhySplit => ("split vote, {min} to {max}", "verdeelde stemming, {min} tot {max}"),
        WhyVotes => ("votes {min} to {max}", "stemmen {min} tot {max}"),
        WhyVotesSame => ("everyone voted {value}", "iedereen stemde {value}"),
        WhyPrinciple => ("{principle} judged differently: {list}", "{principle} anders beoordeeld: {list}"),
        WhySkipped => ("skipped by {names}", "overgeslagen door {names}"),
        AllChose => ("everyone who decided: {stance}", "iedereen die koos: {stance}"),
        NoneDecided => ("no one decided yet", "nog niemand koos"),
        NotCompared => (
            "Not compared, fewer than two people answered: {list}",
            "Niet vergeleken, minder dan twee mensen gaven antwoord: {list}",
        ),

        // Errors
        TooFew => (
            "compare needs at least two sessions, e.g. datakompas compare ann-self-assessment bo-self-assessment",
            "compare heeft minstens twee sessies nodig, bijvoorbeeld datakompas compare zelfscan-ann zelfscan-bo",
        ),
        NoSharedCards => (
            "these sessions have no card in common (decks: {decks}), so there is nothing to compare",
            "deze sessies hebben geen kaart gemeen (kaartsets: {decks}), dus er valt niets te vergelijken",
        ),
        NothingAnswered => (
            "no card has answers from two or more of these sessions yet, so there is nothing to compare",
            "nog geen enkele kaart heeft antwoorden uit twee of meer van deze sessies, dus er valt niets te vergelijken",
        ),
    }
}

impl CompareMsg {
    /// The text with its `{name}` placeholders filled.
    pub fn fill(self, lang: crate::domain::Lang, args: &[(&str, &str)]) -> String {
        super::fill(self.get(lang), args)
    }
}

/// A stance in a table cell.
pub fn short_stance(stance: Stance) -> CompareMsg {
    match stance {
        Stance::Go => CompareMsg::ShortGo,
        Stance::GoWithSafeguards => CompareMsg::ShortGoWithSafeguards,
        Stance::Redesign => CompareMsg::ShortRedesign,
        Stance::NoGo => CompareMsg::ShortNoGo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(CompareMsg::ALL, CompareMsg::get);
    }
}
