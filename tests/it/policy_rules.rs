//! Every rule of the policy draft, on the fixture workshop and variations.

use crate::export_support;

use datakompas::domain::policy::{Contradiction, PolicyDraft, draft};
use datakompas::domain::{CardStatus, ChosenPrinciple, Lang, PracticeTag, PrincipleCheck, Stance};
use export_support::Fixture;

fn make(f: &Fixture) -> PolicyDraft {
    make_in(f, Lang::En)
}

fn make_in(f: &Fixture, lang: Lang) -> PolicyDraft {
    draft(&f.session, &f.deck, &f.framework, &f.library, lang)
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_string()).collect()
}

fn area<'a>(d: &'a PolicyDraft, id: &str) -> &'a datakompas::domain::policy::AreaSection {
    d.areas.iter().find(|a| a.id == id).expect("area exists")
}

fn commitment<'a>(
    d: &'a PolicyDraft,
    safeguard: &str,
) -> &'a datakompas::domain::policy::Commitment {
    d.areas
        .iter()
        .flat_map(|a| &a.commitments)
        .find(|c| c.safeguard == safeguard)
        .unwrap_or_else(|| panic!("commitment {safeguard}"))
}

fn has_commitment(d: &PolicyDraft, safeguard: &str) -> bool {
    d.areas
        .iter()
        .flat_map(|a| &a.commitments)
        .any(|c| c.safeguard == safeguard)
}

#[test]
fn areas_follow_the_framework_and_carry_their_gdpr_references() {
    let f = Fixture::workshop();
    let d = make(&f);
    assert_eq!(
        ids(&d.areas, |a| &a.id),
        [
            "collection",
            "sensitive",
            "sharing",
            "control",
            "accountability"
        ]
    );
    let collection = area(&d, "collection");
    assert_eq!(collection.title, "What we collect and why");
    assert_eq!(
        ids(&collection.gdpr, |g| &g.article),
        ["Art. 5(1)(b)", "Art. 5(1)(c)"]
    );
    assert_eq!(area(&d, "sharing").gdpr[0].summary, "Lawful basis");
}

#[test]
fn principles_come_with_their_meaning_library_resolved_custom_as_typed() {
    let f = Fixture::workshop();
    let d = make_in(&f, Lang::Nl);
    assert_eq!(
        ids(&d.principles, |p| &p.id),
        [
            "transparent",
            "helpful",
            "discreet",
            "in_control",
            "butcher"
        ]
    );
    assert_eq!(d.principles[0].name, "Transparant");
    assert_eq!(
        d.principles[0].meaning,
        "We zeggen duidelijk wat we met gegevens doen."
    );
    assert!(!d.principles[0].custom);
    let own = &d.principles[4];
    assert_eq!(own.name, "Like the butcher");
    assert_eq!(own.meaning, "Personal, the way a good shopkeeper is.");
    assert!(own.custom);
}

#[test]
fn a_principle_the_library_lacks_keeps_its_id() {
    let mut f = Fixture::workshop();
    f.session
        .principles
        .push(ChosenPrinciple::Library { id: "gone".into() });
    let d = make(&f);
    let gone = d.principles.last().expect("principle");
    assert_eq!((gone.id.as_str(), gone.name.as_str()), ("gone", "gone"));
}

#[test]
fn commitments_are_traced_to_cards_and_upheld_principles() {
    let mut f = Fixture::workshop();
    // The no-go on the pregnancy card keeps its safeguards here.
    f.decision("pregnancy-score").keep_safeguards = true;
    let d = make(&f);
    let purpose = commitment(&d, "purpose_stated");
    assert_eq!(
        purpose.text,
        "We state the purpose of each data use before we collect."
    );
    // Both cards chose it; the principles are the union of what each
    // decision marked as upheld, in the team's order.
    assert_eq!(
        ids(&purpose.cards, |c| &c.id),
        ["birthday-treat", "payment-offers"]
    );
    assert_eq!(purpose.cards[0].title, "The birthday treat");
    assert_eq!(
        ids(&purpose.principles, |p| &p.id),
        [
            "transparent",
            "helpful",
            "discreet",
            "in_control",
            "butcher"
        ]
    );
    // A tension or violation is never counted as upholding.
    let dpia = commitment(&d, "dpia_first");
    assert_eq!(ids(&dpia.cards, |c| &c.id), ["pregnancy-score"]);
    assert_eq!(
        ids(&dpia.principles, |p| &p.id),
        ["transparent", "discreet", "butcher"]
    );
}

#[test]
fn commitments_sit_in_their_safeguards_area_in_framework_order() {
    let mut f = Fixture::workshop();
    // The no-go on the pregnancy card keeps its safeguards here.
    f.decision("pregnancy-score").keep_safeguards = true;
    let d = make(&f);
    let of = |id| ids(&area(&d, id).commitments, |c| &c.safeguard);
    assert_eq!(of("collection"), ["purpose_stated"]);
    assert_eq!(of("sensitive"), ["no_sensitive_inference"]);
    assert_eq!(of("sharing"), ["no_third_party_sharing"]);
    assert_eq!(of("control"), ["opt_in_only"]);
    assert_eq!(of("accountability"), ["dpia_first"]);
}

#[test]
fn the_same_safeguard_on_several_cards_is_one_commitment() {
    let mut f = Fixture::workshop();
    f.decision("app-location").safeguards = vec!["purpose_stated".into()];
    let d = make(&f);
    let all: Vec<_> = d
        .areas
        .iter()
        .flat_map(|a| &a.commitments)
        .filter(|c| c.safeguard == "purpose_stated")
        .collect();
    assert_eq!(all.len(), 1);
    assert_eq!(
        ids(&all[0].cards, |c| &c.id),
        ["birthday-treat", "payment-offers", "app-location"]
    );
}

#[test]
fn the_stricter_bar_stands_and_the_weaker_is_named() {
    let f = Fixture::workshop();
    let d = make(&f);
    // partner-segments chose aggregates only (sharing 1), payment-offers no
    // sharing at all (sharing 2).
    let strict = commitment(&d, "no_third_party_sharing");
    assert_eq!(strict.superseded.len(), 1);
    let weaker = &strict.superseded[0];
    assert_eq!(weaker.safeguard, "aggregate_only_sharing");
    assert_eq!(ids(&weaker.cards, |c| &c.id), ["partner-segments"]);
    assert_eq!(
        weaker.text,
        "Partners get only aggregated insights about large enough groups."
    );
    assert!(!has_commitment(&d, "aggregate_only_sharing"));
    // Consent: opt-in only (2) over one-step opt-out (1).
    let consent = commitment(&d, "opt_in_only");
    assert_eq!(ids(&consent.superseded, |s| &s.safeguard), ["easy_opt_out"]);
    assert!(!has_commitment(&d, "easy_opt_out"));
}

#[test]
fn a_lower_bar_alone_stands_as_it_is() {
    let mut f = Fixture::workshop();
    f.decision("payment-offers").safeguards = vec!["purpose_stated".into()];
    let d = make(&f);
    let aggregate = commitment(&d, "aggregate_only_sharing");
    assert!(aggregate.superseded.is_empty());
    assert!(commitment(&d, "easy_opt_out").superseded.is_empty());
}

#[test]
fn two_bars_on_one_card_keep_the_stricter() {
    let mut f = Fixture::workshop();
    f.decision("pregnancy-score").safeguards = vec![
        "sensitive_explicit_consent".into(),
        "no_sensitive_inference".into(),
    ];
    f.decision("pregnancy-score").keep_safeguards = true;
    let d = make(&f);
    let strict = commitment(&d, "no_sensitive_inference");
    assert_eq!(
        ids(&strict.superseded, |s| &s.safeguard),
        ["sensitive_explicit_consent"]
    );
    assert!(!has_commitment(&d, "sensitive_explicit_consent"));
}

#[test]
fn what_the_team_agreed_to_do_sits_under_the_cards_first_area() {
    let f = Fixture::workshop();
    let d = make(&f);
    let agreed = |id| {
        area(&d, id)
            .agreed
            .iter()
            .map(|a| (a.card.id.clone(), a.stance))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        agreed("collection"),
        [
            ("birthday-treat".to_string(), Stance::GoWithSafeguards),
            ("payment-offers".to_string(), Stance::Redesign),
        ]
    );
    assert_eq!(
        agreed("sharing"),
        [("partner-segments".to_string(), Stance::GoWithSafeguards)]
    );
    assert_eq!(
        agreed("control"),
        [("app-location".to_string(), Stance::Go)]
    );
    // A no-go is a red line, not something agreed.
    assert!(agreed("sensitive").is_empty());
    let redesign = &area(&d, "collection").agreed[1];
    assert_eq!(redesign.option, "Rethink");
    assert_eq!(
        redesign.description,
        "Only the customer's own spending insights, no partner offers"
    );
    assert_eq!(
        redesign.safeguards,
        // In framework order, not the order they were ticked.
        [
            "State the purpose",
            "No sharing with other companies",
            "Opt-in only"
        ]
    );
    assert_eq!(
        ids(&redesign.principles, |p| &p.id),
        ["transparent", "in_control"]
    );
}

#[test]
fn an_area_the_framework_lacks_gets_its_own_section_at_the_end() {
    let mut f = Fixture::workshop();
    f.card_mut("app-location").areas = vec!["elsewhere".into()];
    let d = make(&f);
    let last = d.areas.last().unwrap();
    assert_eq!(last.id, "elsewhere");
    assert_eq!(ids(&last.agreed, |a| &a.card.id), ["app-location"]);
}

#[test]
fn red_lines_come_from_no_go_decisions_with_their_trace() {
    let f = Fixture::workshop();
    let d = make(&f);
    assert_eq!(d.red_lines.len(), 1);
    let red = &d.red_lines[0];
    assert_eq!(
        red.text,
        "We do not infer pregnancy or health from purchases."
    );
    assert_eq!(red.card.id, "pregnancy-score");
    assert_eq!(
        ids(&red.principles, |p| &p.id),
        ["transparent", "discreet", "butcher"]
    );
    assert_eq!(
        make_in(&f, Lang::Nl).red_lines[0].text,
        "We leiden geen zwangerschap of gezondheid af uit aankopen."
    );
}

#[test]
fn a_red_line_also_stands_in_the_area_of_its_card() {
    let f = Fixture::workshop();
    let d = make(&f);
    let area_of = |id: &str| d.areas.iter().find(|a| a.id == id).unwrap();
    // The pregnancy card is about sensitive data: that section is not empty.
    assert_eq!(area_of("sensitive").red_lines, d.red_lines);
    assert!(!area_of("sensitive").is_empty());
    let elsewhere: usize = d
        .areas
        .iter()
        .filter(|a| a.id != "sensitive")
        .map(|a| a.red_lines.len())
        .sum();
    assert_eq!(elsewhere, 0);
}

#[test]
fn safeguards_on_an_undecided_card_commit_to_nothing() {
    let mut f = Fixture::workshop();
    f.decision("ab-test").safeguards = vec!["location_on_request".into()];
    assert!(!has_commitment(&make(&f), "location_on_request"));
    f.decision("ab-test").option = Some("safeguards".into());
    assert!(has_commitment(&make(&f), "location_on_request"));
}

#[test]
fn undecided_cards_are_open_questions_with_how_far_they_got() {
    let mut f = Fixture::workshop();
    let d = make(&f);
    assert_eq!(d.decided, 5);
    assert_eq!(d.cards, 6);
    assert_eq!(
        ids(&d.open_questions.undecided, |u| &u.card.id),
        ["ab-test"]
    );
    assert_eq!(d.open_questions.undecided[0].status, CardStatus::Voted);

    // No votes: not discussed. An option the card does not have: undecided.
    f.session.cards[5].votes.clear();
    f.decision("app-location").option = Some("no-such-option".into());
    let d = make(&f);
    let undecided: Vec<_> = d
        .open_questions
        .undecided
        .iter()
        .map(|u| (u.card.id.as_str(), u.status))
        .collect();
    assert_eq!(
        undecided,
        [
            ("app-location", CardStatus::Voted),
            ("ab-test", CardStatus::NotStarted)
        ]
    );
    assert!(area(&d, "control").agreed.is_empty());
}

fn split_cards(f: &Fixture) -> Vec<String> {
    ids(&make(f).open_questions.split_votes, |s| &s.card.id)
}

#[test]
fn split_votes_are_a_spread_of_three_or_more() {
    let mut f = Fixture::workshop();
    // payment-offers: 1,3,4,5 (spread 4). ab-test: 2,4,2 (spread 2).
    assert_eq!(split_cards(&f), ["payment-offers"]);
    let split = &make(&f).open_questions.split_votes[0];
    assert_eq!((split.votes.min, split.votes.max), (Some(1), Some(5)));

    let votes = |f: &mut Fixture, card: usize, values: &[u8]| {
        f.session.cards[card].votes = values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("p{}", i + 1), *v))
            .collect();
    };
    votes(&mut f, 5, &[2, 5]); // spread 3: split, even undecided
    assert_eq!(split_cards(&f), ["payment-offers", "ab-test"]);
    votes(&mut f, 5, &[3, 5, 4, 3]); // spread 2: not split
    assert_eq!(split_cards(&f), ["payment-offers"]);
    votes(&mut f, 1, &[1]); // a single vote is never split
    assert!(split_cards(&f).is_empty());
    votes(&mut f, 1, &[1, 4]); // spread 3 at the low end
    assert_eq!(split_cards(&f), ["payment-offers"]);
    votes(&mut f, 1, &[]);
    assert!(split_cards(&f).is_empty());
}

#[test]
fn accepted_tensions_and_violations_are_open_questions_but_not_for_a_no_go() {
    let mut f = Fixture::workshop();
    let strained = |f: &Fixture| -> Vec<(String, Vec<String>, Vec<String>)> {
        make(f)
            .open_questions
            .tensions
            .iter()
            .filter(|t| !t.tension.is_empty() || !t.violates.is_empty())
            .map(|t| {
                (
                    t.card.id.clone(),
                    ids(&t.tension, |p| &p.id),
                    ids(&t.violates, |p| &p.id),
                )
            })
            .collect()
    };
    assert_eq!(
        strained(&f),
        [
            (
                "payment-offers".to_string(),
                vec!["helpful".to_string()],
                vec![]
            ),
            (
                "partner-segments".to_string(),
                vec!["discreet".to_string()],
                vec![]
            ),
            (
                "app-location".to_string(),
                vec![],
                vec!["in_control".to_string()]
            ),
        ]
    );
    // A no-go that strains a principle is not a tension the team accepted.
    f.decision("pregnancy-score")
        .principles
        .insert("helpful".into(), PrincipleCheck::Violates);
    assert_eq!(strained(&f).len(), 3);
}

#[test]
fn principles_a_decision_was_not_weighed_against_are_open_questions() {
    let mut f = Fixture::workshop();
    let not_judged = |f: &Fixture, card: &str| -> Option<Vec<String>> {
        make(f)
            .open_questions
            .tensions
            .iter()
            .find(|t| t.card.id == card)
            .map(|t| ids(&t.not_judged, |p| &p.id))
    };
    // The birthday treat was decided without a check on two principles.
    assert_eq!(
        not_judged(&f, "birthday-treat"),
        Some(vec!["transparent".to_string(), "in_control".to_string()])
    );
    // Weighing them closes the question; an undecided card is asked about
    // as undecided, not here.
    for id in ["transparent", "in_control"] {
        f.decision("birthday-treat")
            .principles
            .insert(id.into(), PrincipleCheck::Upholds);
    }
    assert_eq!(not_judged(&f, "birthday-treat"), None);
    f.decision("app-location").option = None;
    assert_eq!(not_judged(&f, "app-location"), None);
}

/// A conflict as (card id, stance, tags).
type Row = (String, Stance, Vec<PracticeTag>);

fn conflict_rows(c: &Contradiction) -> Vec<Row> {
    c.conflicts()
        .iter()
        .map(|k| (k.card.id.clone(), k.stance, k.tags.clone()))
        .collect()
}

fn safeguard_contradictions(f: &Fixture) -> Vec<(String, Vec<String>, Vec<Row>)> {
    make(f)
        .open_questions
        .contradictions
        .iter()
        .filter_map(|c| match c {
            Contradiction::Safeguard {
                safeguard,
                chosen_on,
                ..
            } => Some((
                safeguard.clone(),
                ids(chosen_on, |c| &c.id),
                conflict_rows(c),
            )),
            Contradiction::RedLine { .. } => None,
        })
        .collect()
}

/// A red line contradiction as (no-go card ids, conflicts).
fn red_line_contradictions(f: &Fixture) -> Vec<(Vec<String>, Vec<Row>)> {
    make(f)
        .open_questions
        .contradictions
        .iter()
        .filter_map(|c| match c {
            Contradiction::RedLine { no_go_on, .. } => {
                Some((ids(no_go_on, |n| &n.card.id), conflict_rows(c)))
            }
            Contradiction::Safeguard { .. } => None,
        })
        .collect()
}

#[test]
fn a_safeguard_that_rules_out_a_practice_another_card_allows_is_a_contradiction() {
    let mut f = Fixture::workshop();
    // payment-offers: "no sharing with other companies"; partner-segments
    // (sharing) got a go with safeguards.
    assert_eq!(
        safeguard_contradictions(&f),
        [(
            "no_third_party_sharing".to_string(),
            vec!["payment-offers".to_string()],
            vec![(
                "partner-segments".to_string(),
                Stance::GoWithSafeguards,
                vec![PracticeTag::ThirdPartySharing]
            )],
        )]
    );
    // A redesign of the practice is no contradiction.
    f.decision("partner-segments").option = Some("redesign".into());
    assert!(safeguard_contradictions(&f).is_empty());
    // Nor is a no-go.
    f.decision("partner-segments").option = Some("no".into());
    assert!(safeguard_contradictions(&f).is_empty());
    // A plain go is.
    f.decision("partner-segments").option = Some("go".into());
    assert_eq!(safeguard_contradictions(&f).len(), 1);
}

#[test]
fn one_safeguard_against_several_cards_is_one_contradiction_listing_them() {
    let mut f = Fixture::workshop();
    // Give a second go card the sharing practice.
    f.card_mut("app-location")
        .tags
        .push(PracticeTag::ThirdPartySharing);
    f.decision("birthday-treat")
        .safeguards
        .push("no_third_party_sharing".into());
    let found = safeguard_contradictions(&f);
    assert_eq!(found.len(), 1);
    let (_, chosen_on, conflicts) = &found[0];
    assert_eq!(chosen_on, &["birthday-treat", "payment-offers"]);
    assert_eq!(
        ids(conflicts, |k| &k.0),
        ["partner-segments", "app-location"]
    );
}

#[test]
fn a_card_can_contradict_its_own_safeguard() {
    let mut f = Fixture::workshop();
    // "Go" on selling segments, with "no sharing with other companies".
    f.decision("payment-offers").safeguards.clear();
    f.decision("partner-segments").option = Some("go".into());
    f.decision("partner-segments").safeguards = vec!["no_third_party_sharing".into()];
    assert_eq!(
        safeguard_contradictions(&f),
        [(
            "no_third_party_sharing".to_string(),
            vec!["partner-segments".to_string()],
            vec![(
                "partner-segments".to_string(),
                Stance::Go,
                vec![PracticeTag::ThirdPartySharing]
            )],
        )]
    );
}

#[test]
fn a_red_line_on_a_practice_another_card_allows_is_a_contradiction() {
    let mut f = Fixture::workshop();
    // No-go on the pregnancy score (sensitive inference, profiling); app
    // location shares only profiling, which is not the forbidden practice.
    assert!(red_line_contradictions(&f).is_empty());
    // Once app location infers sensitive data too, it does what was ruled out.
    f.card_mut("app-location")
        .tags
        .push(PracticeTag::SensitiveInference);
    assert_eq!(
        red_line_contradictions(&f),
        [(
            vec!["pregnancy-score".to_string()],
            vec![(
                "app-location".to_string(),
                Stance::Go,
                vec![PracticeTag::Profiling, PracticeTag::SensitiveInference]
            )]
        )]
    );
    f.decision("app-location").option = Some("redesign".into());
    assert!(red_line_contradictions(&f).is_empty());
    f.decision("app-location").option = Some("safeguards".into());
    assert_eq!(red_line_contradictions(&f).len(), 1);
    f.decision("pregnancy-score").option = None;
    assert!(red_line_contradictions(&f).is_empty());
}

#[test]
fn a_red_line_lists_every_card_that_goes_against_it_with_the_shared_practices() {
    let mut f = Fixture::workshop();
    f.card_mut("birthday-treat")
        .tags
        .extend([PracticeTag::SensitiveInference, PracticeTag::Profiling]);
    f.card_mut("app-location")
        .tags
        .push(PracticeTag::SensitiveInference);
    assert_eq!(
        red_line_contradictions(&f),
        [(
            vec!["pregnancy-score".to_string()],
            vec![
                (
                    "birthday-treat".to_string(),
                    Stance::GoWithSafeguards,
                    vec![PracticeTag::Profiling, PracticeTag::SensitiveInference]
                ),
                (
                    "app-location".to_string(),
                    Stance::Go,
                    vec![PracticeTag::Profiling, PracticeTag::SensitiveInference]
                ),
            ]
        )]
    );
}

#[test]
fn the_same_session_gives_the_same_draft() {
    let f = Fixture::workshop();
    assert_eq!(make(&f), make(&f));
    // Through a save and load as well.
    let text = serde_json::to_string(&f.session).unwrap();
    let mut again = Fixture::workshop();
    again.session = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_string(&make(&f)).unwrap(),
        serde_json::to_string(&make(&again)).unwrap()
    );
}

#[test]
fn both_languages_give_the_same_structure() {
    let f = Fixture::workshop();
    let en = make_in(&f, Lang::En);
    let nl = make_in(&f, Lang::Nl);
    assert_ne!(en.areas[0].title, nl.areas[0].title);
    let shape = |d: &PolicyDraft| {
        d.areas
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    ids(&a.commitments, |c| &c.safeguard),
                    ids(&a.agreed, |x| &x.card.id),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&en), shape(&nl));
    assert_eq!(en.open_questions.len(), nl.open_questions.len());
}

#[test]
fn cards_the_deck_no_longer_has_are_left_out() {
    let mut f = Fixture::workshop();
    f.session.cards[0].card = "vanished".into();
    let d = make(&f);
    assert_eq!(d.cards, 5);
    assert!(
        d.areas
            .iter()
            .flat_map(|a| &a.agreed)
            .all(|a| a.card.id != "vanished")
    );
}

#[test]
fn a_no_go_sets_its_safeguards_aside_unless_the_team_keeps_them() {
    let mut f = Fixture::workshop();
    let d = make(&f);
    // The pregnancy card is a no-go with safeguards ticked: they are set aside.
    assert!(!has_commitment(&d, "dpia_first"));
    let line = d
        .red_lines
        .iter()
        .find(|r| r.card.id == "pregnancy-score")
        .unwrap();
    assert!(line.kept_safeguards.is_empty());
    assert!(!line.set_aside_safeguards.is_empty());

    f.decision("pregnancy-score").keep_safeguards = true;
    let d = make(&f);
    assert!(has_commitment(&d, "dpia_first"));
    let line = d
        .red_lines
        .iter()
        .find(|r| r.card.id == "pregnancy-score")
        .unwrap();
    assert!(line.set_aside_safeguards.is_empty());
    assert!(!line.kept_safeguards.is_empty());
}

#[test]
fn a_red_line_and_a_commitment_that_bar_the_same_thing_are_one_line() {
    let mut f = Fixture::workshop();
    f.decision("pregnancy-score").keep_safeguards = true;
    let d = make(&f);
    // "No sensitive inferences" rules out what the pregnancy card does.
    let c = commitment(&d, "no_sensitive_inference");
    assert_eq!(ids(&c.red_line_cards, |r| &r.id), ["pregnancy-score"]);
    assert!(area(&d, "sensitive").red_lines.is_empty());
    let line = d
        .red_lines
        .iter()
        .find(|r| r.card.id == "pregnancy-score")
        .unwrap();
    assert_eq!(line.merged_into.as_deref(), Some("no_sensitive_inference"));
    assert_eq!(line.text, c.text);
}

#[test]
fn what_was_agreed_is_worded_in_general_terms_never_the_case() {
    let f = Fixture::workshop();
    let d = make(&f);
    for a in d.areas.iter().flat_map(|a| &a.agreed) {
        let card = f.deck.card(&a.card.id).unwrap();
        assert_eq!(a.practice, card.policy_practice.en);
        assert_ne!(a.practice, card.practice.en);
    }
    assert!(d.areas.iter().any(|a| !a.agreed.is_empty()));
}

#[test]
fn owners_next_steps_and_the_document_block_come_from_the_session() {
    let mut f = Fixture::workshop();
    f.follow_up("Acme", "sharing");
    let d = make(&f);
    assert_eq!(d.document.organisation, "Acme");
    assert_eq!(d.document.session_date, "2026-11-29");
    assert_eq!(area(&d, "sharing").owner, "Legal");
    assert_eq!(area(&d, "sharing").review, "2027-03-01");
    assert_eq!(d.next_steps[0].what, "Set retention periods");
}

#[test]
fn red_lines_on_one_practice_share_one_entry_however_many_cards_drew_them() {
    let mut f = Fixture::workshop();
    let tags = f
        .deck
        .cards
        .iter()
        .find(|c| c.id == "pregnancy-score")
        .unwrap()
        .tags
        .clone();
    for card in f.deck.cards.iter_mut() {
        match card.id.as_str() {
            // A second no-go on the very practice of the pregnancy score.
            "payment-offers" => card.tags = tags.clone(),
            "app-location" => card.tags.push(PracticeTag::SensitiveInference),
            _ => {}
        }
    }
    f.decision("payment-offers").option = Some("no".into());
    let go_on_it = vec![(
        "app-location".to_string(),
        Stance::Go,
        vec![PracticeTag::Profiling, PracticeTag::SensitiveInference],
    )];
    assert_eq!(
        red_line_contradictions(&f),
        [(
            vec!["payment-offers".to_string(), "pregnancy-score".to_string()],
            go_on_it
        )]
    );
    let sentence = |lang| {
        let d = make_in(&f, lang);
        let c = d
            .open_questions
            .contradictions
            .iter()
            .find(|c| matches!(c, Contradiction::RedLine { .. }))
            .unwrap();
        datakompas::export::contradiction_sentence(c, lang)
    };
    let card_title = |id: &str, lang| {
        f.deck
            .cards
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .title
            .get(lang)
            .to_string()
    };
    for lang in [Lang::En, Lang::Nl] {
        let text = sentence(lang);
        let both = format!(
            "{} {} {}",
            card_title("payment-offers", lang),
            if lang == Lang::En { "and" } else { "en" },
            card_title("pregnancy-score", lang)
        );
        assert!(text.starts_with(&both), "{text}");
        let verb = if lang == Lang::En {
            "drew the red lines"
        } else {
            "trokken de rode lijnen"
        };
        assert!(text.contains(verb), "{text}");
        assert_eq!(
            text.matches(&card_title("app-location", lang)).count(),
            1,
            "{text}"
        );
    }
}
