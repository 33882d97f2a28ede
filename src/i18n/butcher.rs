//! The butcher test as a check: its five points and three answers, one
//! source for the app, the exports and the policy draft.

use crate::domain::Lang;
use crate::domain::butcher::{ButcherAnswer, ButcherPoint};

crate::texts! {
    pub enum ButcherMsg {
        Heading => ("The butcher test", "De slagerstest"),
        Question => (
            "Would this feel normal if the butcher on the corner did it?",
            "Zou dit normaal voelen als de slager om de hoek het deed?",
        ),
        TwoWay => (
            "A visible two-way relationship: customers know who knows them",
            "Een zichtbare relatie, van twee kanten: klanten weten wie hen kent",
        ),
        CustomerSees => (
            "Customers see what we know about them",
            "Klanten zien wat we van hen weten",
        ),
        ServesCustomer => (
            "What we know serves the customer",
            "Wat we weten, gebruiken we voor de klant",
        ),
        NotSoldOn => (
            "We do not sell it on or pass it to others",
            "We verkopen het niet door en geven het niet aan anderen",
        ),
        CanWalkAway => (
            "Customers can walk away to another shop",
            "Klanten kunnen zo naar een andere winkel",
        ),
        Yes => ("yes", "ja"),
        Partly => ("partly", "deels"),
        No => ("no", "nee"),
        NotAnswered => ("not answered", "niet beantwoord"),
        // How "partly" is weighed, said wherever a failed test is shown.
        Legend => (
            "  1 {yes} · 2 {partly} · 3 {no} · x clear · ↑↓ another point",
            "  1 {yes} · 2 {partly} · 3 {no} · x wissen · ↑↓ ander punt",
        ),
        OpenHeading => ("Going ahead against the butcher test", "Doorgaan tegen de slagerstest in"),
        NoList => ("no: {list}", "nee: {list}"),
        PartlyList => ("partly: {list}", "deels: {list}"),
        Fails => (
            "Fails the butcher test: {n} of 5 points missed (“partly” counts as half)",
            "Zakt voor de slagerstest: {n} van 5 punten niet gehaald (‘deels’ telt half)",
        ),
    }
}

pub fn point(p: ButcherPoint, lang: Lang) -> &'static str {
    match p {
        ButcherPoint::TwoWay => ButcherMsg::TwoWay,
        ButcherPoint::CustomerSees => ButcherMsg::CustomerSees,
        ButcherPoint::ServesCustomer => ButcherMsg::ServesCustomer,
        ButcherPoint::NotSoldOn => ButcherMsg::NotSoldOn,
        ButcherPoint::CanWalkAway => ButcherMsg::CanWalkAway,
    }
    .get(lang)
}

pub fn answer(a: Option<ButcherAnswer>, lang: Lang) -> &'static str {
    match a {
        Some(ButcherAnswer::Yes) => ButcherMsg::Yes,
        Some(ButcherAnswer::Partly) => ButcherMsg::Partly,
        Some(ButcherAnswer::No) => ButcherMsg::No,
        None => ButcherMsg::NotAnswered,
    }
    .get(lang)
}

/// How the points were answered: `no 2× · partly 1× · yes 1×`, the
/// answers given only.
pub fn tally(check: &crate::domain::butcher::ButcherCheck, lang: Lang) -> String {
    [ButcherAnswer::No, ButcherAnswer::Partly, ButcherAnswer::Yes]
        .into_iter()
        .filter_map(|a| {
            let n = check.values().filter(|v| **v == a).count();
            (n > 0).then(|| format!("{} {n}×", answer(Some(a), lang)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "2½", "2": failed points from halves.
pub fn failed_points(halves: u8) -> String {
    match halves % 2 {
        0 => (halves / 2).to_string(),
        _ => format!("{}½", halves / 2),
    }
}

/// The sentence saying the test failed, with how "partly" counts.
pub fn fails_text(halves: u8, lang: Lang) -> String {
    crate::i18n::fill(
        ButcherMsg::Fails.get(lang),
        &[("n", &failed_points(halves))],
    )
}

/// Why a go is an open question: how much failed, and which points.
pub fn fail_detail(fail: &crate::domain::policy::ButcherFail, lang: Lang) -> String {
    let list = |points: &[ButcherPoint]| {
        points
            .iter()
            .map(|p| point(*p, lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    // It follows the card's title and a colon: no capital.
    let sentence = fails_text(fail.failed_halves, lang);
    let mut chars = sentence.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    for (points, msg) in [
        (&fail.no, ButcherMsg::NoList),
        (&fail.partly, ButcherMsg::PartlyList),
    ] {
        if !points.is_empty() {
            out.push_str(" — ");
            out.push_str(&crate::i18n::fill(
                msg.get(lang),
                &[("list", &list(points))],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(ButcherMsg::ALL, ButcherMsg::get);
    }

    #[test]
    fn a_tally_counts_the_answers_given() {
        use crate::domain::butcher::ButcherCheck;
        let check = ButcherCheck::from([
            (ButcherPoint::TwoWay, ButcherAnswer::Yes),
            (ButcherPoint::NotSoldOn, ButcherAnswer::No),
            (ButcherPoint::CanWalkAway, ButcherAnswer::No),
        ]);
        assert_eq!(tally(&check, Lang::Nl), "nee 2× · ja 1×");
        assert_eq!(tally(&ButcherCheck::new(), Lang::En), "");
    }

    #[test]
    fn halves_read_as_points() {
        assert_eq!(failed_points(4), "2");
        assert_eq!(failed_points(5), "2½");
        assert_eq!(
            fails_text(5, Lang::Nl),
            "Zakt voor de slagerstest: 2½ van 5 punten niet gehaald (‘deels’ telt half)"
        );
    }
}
