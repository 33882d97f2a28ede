use serde_json::json;

use super::*;
use crate::domain::session::DeckRef;
use crate::domain::{CardProgress, Participant};

/// A deck of hypothetical cards `a`, `b`, `c`, … with the four stances as
/// options `go`, `safe`, `redesign`, `no`.
fn deck(id: &str, cards: &[&str]) -> Deck {
    let t = |s: &str| json!({"en": s, "nl": s});
    let cards: Vec<_> = cards
        .iter()
        .map(|c| {
            json!({
                "id": c, "kind": "hypothetical", "title": t(&format!("Card {c}")),
                "organisation": t("Us"), "story": t("s"), "practice": t("p"), "policy_practice": t("p"),
                "data_categories": [t("d")], "areas": ["a"], "prompts": [t("q")],
                "options": [
                    {"id": "go", "stance": "go", "label": t("Go"), "description": t("d")},
                    {"id": "safe", "stance": "go_with_safeguards", "label": t("Safe"), "description": t("d")},
                    {"id": "redesign", "stance": "redesign", "label": t("Re"), "description": t("d")},
                    {"id": "no", "stance": "no_go", "label": t("No"), "description": t("d")},
                ],
                "safeguards": ["x"], "red_line": t("r"), "facilitator_notes": t("n"),
            })
        })
        .collect();
    serde_json::from_value(json!({
        "id": id, "version": "1", "title": t("Deck"), "description": t("d"), "cards": cards,
    }))
    .unwrap()
}

fn library() -> PrincipleLibrary {
    let t = |s: &str| json!({"en": s, "nl": s});
    serde_json::from_value(json!({"principles": [
        {"id": "transparent", "name": {"en": "Transparent", "nl": "Transparant"},
         "meaning": t("m"), "leaning": "restraint"},
        {"id": "personal", "name": t("Personal"), "meaning": t("m"), "leaning": "more_data"},
    ]}))
    .unwrap()
}

fn solo(title: &str, cards: &[&str]) -> Session {
    let deck = DeckRef {
        id: "d".into(),
        version: "1".into(),
        embedded: None,
    };
    let now = "2026-11-29T10:00:00Z".parse().unwrap();
    let mut s = Session::new(title.into(), title.into(), Mode::Solo, Lang::En, deck, now);
    s.participants = Session::anonymous_participants(1);
    s.cards = cards.iter().map(|c| CardProgress::new(*c)).collect();
    s
}

/// Sets a vote and (unless empty) an option on card `c`.
fn answer(s: &mut Session, c: &str, vote: u8, option: &str) {
    let p = s.cards.iter_mut().find(|p| p.card == c).unwrap();
    p.votes.insert("p1".into(), vote);
    p.revealed = true;
    p.decision.option = (!option.is_empty()).then(|| option.to_string());
}

fn check(s: &mut Session, c: &str, principle: &str, check: PrincipleCheck) {
    let p = s.cards.iter_mut().find(|p| p.card == c).unwrap();
    p.decision.principles.insert(principle.into(), check);
}

fn run(sessions: &[Session], d: &Deck) -> Result<Comparison, CompareProblem> {
    let entries: Vec<Entry> = sessions
        .iter()
        .map(|s| Entry {
            session: s,
            deck: d,
        })
        .collect();
    compare(&entries, &library(), Lang::En)
}

fn ids(c: &Comparison) -> Vec<&str> {
    c.cards.iter().map(|c| c.card.id.as_str()).collect()
}

fn find<'a>(c: &'a Comparison, id: &str) -> &'a CardComparison {
    c.cards.iter().find(|c| c.card.id == id).unwrap()
}

#[test]
fn fewer_than_two_sessions_cannot_be_compared() {
    let d = deck("d", &["a"]);
    assert_eq!(run(&[], &d), Err(CompareProblem::TooFew));
    assert_eq!(run(&[solo("Ann", &["a"])], &d), Err(CompareProblem::TooFew));
}

#[test]
fn a_spread_of_three_is_split_two_is_not() {
    let d = deck("d", &["a", "b"]);
    let (mut ann, mut bo) = (solo("Ann", &["a", "b"]), solo("Bo", &["a", "b"]));
    answer(&mut ann, "a", 1, "");
    answer(&mut bo, "a", 4, "");
    answer(&mut ann, "b", 3, "");
    answer(&mut bo, "b", 5, "");
    let c = run(&[ann, bo], &d).unwrap();
    let (a, b) = (find(&c, "a"), find(&c, "b"));
    assert_eq!((a.spread_tenths, a.split), (30, true));
    assert_eq!((b.spread_tenths, b.split), (20, false));
    assert!(a.disagreement());
    assert!(!b.disagreement());
    assert_eq!(a.vote_range(), Some((10, 40)));
}

#[test]
fn stances_differ_when_deciders_chose_more_than_one() {
    let d = deck("d", &["a", "b", "c"]);
    let (mut ann, mut bo, mut cem) = (
        solo("Ann", &["a", "b", "c"]),
        solo("Bo", &["a", "b", "c"]),
        solo("Cem", &["a", "b", "c"]),
    );
    // a: go against no-go; b: all no-go; c: one undecided, the others agree.
    answer(&mut ann, "a", 2, "go");
    answer(&mut bo, "a", 2, "no");
    answer(&mut cem, "a", 2, "safe");
    for s in [&mut ann, &mut bo, &mut cem] {
        answer(s, "b", 5, "no");
    }
    answer(&mut ann, "c", 3, "safe");
    answer(&mut bo, "c", 3, "");
    answer(&mut cem, "c", 3, "safe");
    let c = run(&[ann, bo, cem], &d).unwrap();
    let a = find(&c, "a");
    assert!(a.stances_differ);
    assert_eq!(a.stance_gap, 3);
    assert_eq!(
        a.stances(),
        [Stance::Go, Stance::GoWithSafeguards, Stance::NoGo]
    );
    assert!(!find(&c, "b").stances_differ);
    assert!(!find(&c, "c").stances_differ);
    assert_eq!(find(&c, "c").answered(), 3);
}

#[test]
fn principles_are_matched_by_id_or_name_and_compared_where_judged() {
    let d = deck("d", &["a", "b"]);
    let (mut ann, mut bo, mut cem) = (
        solo("Ann", &["a", "b"]),
        solo("Bo", &["a", "b"]),
        solo("Cem", &["a", "b"]),
    );
    ann.principles = vec![
        ChosenPrinciple::Library {
            id: "transparent".into(),
        },
        ChosenPrinciple::Custom {
            id: "custom-1".into(),
            name: "Like the butcher".into(),
            meaning: String::new(),
        },
    ];
    // Bo wrote "transparant" and "like the  Butcher" as own principles.
    bo.principles = vec![
        ChosenPrinciple::Custom {
            id: "custom-1".into(),
            name: "transparant".into(),
            meaning: String::new(),
        },
        ChosenPrinciple::Custom {
            id: "custom-2".into(),
            name: "like the  Butcher".into(),
            meaning: String::new(),
        },
    ];
    // Cem holds no principles: his checks do not count.
    for s in [&mut ann, &mut bo, &mut cem] {
        answer(s, "a", 3, "safe");
        answer(s, "b", 3, "safe");
    }
    check(&mut ann, "a", "transparent", PrincipleCheck::Upholds);
    check(&mut bo, "a", "custom-1", PrincipleCheck::Tension);
    check(&mut ann, "a", "custom-1", PrincipleCheck::Upholds);
    check(&mut bo, "a", "custom-2", PrincipleCheck::Upholds);
    check(&mut cem, "a", "transparent", PrincipleCheck::Violates);
    // On b only Ann judged: nothing to compare.
    check(&mut ann, "b", "transparent", PrincipleCheck::Violates);
    let c = run(&[ann, bo, cem], &d).unwrap();
    let a = find(&c, "a");
    assert_eq!(a.principles.len(), 1, "{:?}", a.principles);
    assert_eq!(a.principles[0].name, "Transparent");
    assert_eq!(
        a.principles[0].checks,
        [
            Some(PrincipleCheck::Upholds),
            Some(PrincipleCheck::Tension),
            None
        ]
    );
    assert!(a.disagreement());
    assert!(find(&c, "b").principles.is_empty());
    assert!(!find(&c, "b").disagreement());
}

#[test]
fn a_skipped_card_counts_only_where_played() {
    let d = deck("d", &["a", "b", "c"]);
    let mut ann = solo("Ann", &["a", "b", "c"]);
    let bo = solo("Bo", &["a", "b"]);
    let mut cem = solo("Cem", &["a", "b", "c"]);
    answer(&mut ann, "a", 1, "go");
    // Bo has a but left it untouched; Cem voted without deciding.
    answer(&mut cem, "a", 2, "");
    answer(&mut ann, "b", 1, "go");
    answer(&mut ann, "c", 1, "go");
    answer(&mut cem, "c", 5, "no");
    let c = run(&[ann, bo, cem], &d).unwrap();
    let a = find(&c, "a");
    assert_eq!(a.answers[1], None);
    assert_eq!(a.answered(), 2);
    assert_eq!(a.spread_tenths, 10);
    assert!(!a.disagreement());
    // Only Ann answered b; c is compared although Bo never had it.
    assert_eq!(
        c.not_compared,
        [CardName {
            id: "b".into(),
            title: "Card b".into()
        }]
    );
    assert!(find(&c, "c").split);
    assert_eq!(ids(&c), ["c", "a"]);
}

#[test]
fn a_team_session_counts_as_its_average_vote() {
    let d = deck("d", &["a"]);
    let mut team = solo("Team", &["a"]);
    team.mode = Mode::Team;
    team.participants = Session::anonymous_participants(3);
    let p = &mut team.cards[0];
    // 1, 2 and 2: 1.67 rounds to 1.7; a vote out of range is ignored.
    for (who, v) in [("p1", 1), ("p2", 2), ("p3", 2), ("p4", 9)] {
        p.votes.insert(who.into(), v);
    }
    p.revealed = true;
    let mut ann = solo("Ann", &["a"]);
    answer(&mut ann, "a", 5, "");
    let c = run(&[team, ann], &d).unwrap();
    let a = find(&c, "a");
    assert_eq!(a.answers[0].unwrap().vote_tenths, Some(17));
    assert_eq!(a.spread_tenths, 33);
    assert!(a.split);
    assert_eq!(c.people[0].voters, 3);
}

#[test]
fn averages_round_half_up_and_a_spread_just_under_three_is_not_split() {
    let d = deck("d", &["a"]);
    let mut team = solo("Team", &["a"]);
    team.mode = Mode::Team;
    // 1 and 2: 1.5 exactly; against a 4 that is a spread of 2.5.
    for (who, v) in [("p1", 1), ("p2", 2)] {
        team.cards[0].votes.insert(who.into(), v);
    }
    team.cards[0].revealed = true;
    let mut ann = solo("Ann", &["a"]);
    answer(&mut ann, "a", 4, "");
    let c = run(&[team, ann], &d).unwrap();
    assert_eq!(find(&c, "a").answers[0].unwrap().vote_tenths, Some(15));
    assert_eq!(find(&c, "a").spread_tenths, 25);
    assert!(!find(&c, "a").split);
}

#[test]
fn ranking_puts_stance_gap_before_spread_before_principles() {
    let cards = ["a", "b", "c", "d", "e"];
    let d = deck("d", &cards);
    let (mut ann, mut bo) = (solo("Ann", &cards), solo("Bo", &cards));
    ann.principles = vec![ChosenPrinciple::Library {
        id: "personal".into(),
    }];
    bo.principles = ann.principles.clone();
    // a: agree. b: principle only. c: split only. d: go vs safe (gap 1).
    // e: go vs no-go (gap 3), votes equal.
    for (card, av, ao, bv, bo_) in [
        ("a", 2, "go", 2, "go"),
        ("b", 2, "go", 2, "go"),
        ("c", 1, "go", 5, "go"),
        ("d", 3, "go", 3, "safe"),
        ("e", 3, "go", 3, "no"),
    ] {
        answer(&mut ann, card, av, ao);
        answer(&mut bo, card, bv, bo_);
    }
    check(&mut ann, "b", "personal", PrincipleCheck::Upholds);
    check(&mut bo, "b", "personal", PrincipleCheck::Violates);
    let c = run(&[ann, bo], &d).unwrap();
    assert_eq!(ids(&c), ["e", "d", "c", "b", "a"]);
    let agenda = c.agenda();
    assert_eq!(agenda.discuss, [0, 1, 2, 3]);
    assert!(agenda.if_time.is_empty());
    assert_eq!(agenda.confirm, [4]);
}

#[test]
fn ties_keep_play_order_and_the_agenda_stops_at_five() {
    let cards = ["a", "b", "c", "d", "e", "f", "g"];
    let d = deck("d", &cards);
    // Bo plays the cards in reverse; Ann's order wins the ties.
    let (mut ann, mut bo) = (
        solo("Ann", &cards),
        solo("Bo", &["g", "f", "e", "d", "c", "b", "a"]),
    );
    for card in cards {
        answer(&mut ann, card, 1, "go");
        answer(&mut bo, card, 4, "go");
    }
    let c = run(&[ann.clone(), bo.clone()], &d).unwrap();
    assert_eq!(ids(&c), cards);
    let agenda = c.agenda();
    assert_eq!(agenda.discuss, [0, 1, 2, 3, 4]);
    assert_eq!(agenda.if_time, [5, 6]);
    // Swapping the arguments swaps the order of the tie.
    let c = run(&[bo, ann], &d).unwrap();
    assert_eq!(ids(&c), ["g", "f", "e", "d", "c", "b", "a"]);
}

#[test]
fn any_disagreement_ranks_above_a_wide_but_unsplit_vote() {
    let d = deck("d", &["a", "b"]);
    let (mut ann, mut bo) = (solo("Ann", &["a", "b"]), solo("Bo", &["a", "b"]));
    ann.principles = vec![ChosenPrinciple::Library {
        id: "personal".into(),
    }];
    bo.principles = ann.principles.clone();
    // a: votes 2 apart, nothing else. b: only a principle judged differently.
    answer(&mut ann, "a", 2, "go");
    answer(&mut bo, "a", 4, "go");
    answer(&mut ann, "b", 3, "go");
    answer(&mut bo, "b", 3, "go");
    check(&mut ann, "b", "personal", PrincipleCheck::Upholds);
    check(&mut bo, "b", "personal", PrincipleCheck::Tension);
    let c = run(&[ann, bo], &d).unwrap();
    assert_eq!(ids(&c), ["b", "a"]);
    assert_eq!(c.agenda().discuss, [0]);
    assert_eq!(c.agenda().confirm, [1]);
}

#[test]
fn more_people_answering_ranks_higher_on_equal_disagreement() {
    let d = deck("d", &["a", "b"]);
    let (mut ann, mut bo, mut cem) = (
        solo("Ann", &["a", "b"]),
        solo("Bo", &["a", "b"]),
        solo("Cem", &["a", "b"]),
    );
    answer(&mut ann, "a", 1, "go");
    answer(&mut bo, "a", 4, "go");
    answer(&mut ann, "b", 1, "go");
    answer(&mut bo, "b", 4, "go");
    answer(&mut cem, "b", 4, "go");
    let c = run(&[ann, bo, cem], &d).unwrap();
    assert_eq!(ids(&c), ["b", "a"]);
}

#[test]
fn labels_are_names_or_titles_told_apart() {
    let d = deck("d", &["a"]);
    let mut ann = solo("Self-assessment", &["a"]);
    ann.participants = vec![Participant {
        id: "p1".into(),
        name: "Ann".into(),
    }];
    let mut a2 = solo("Ann", &["a"]);
    a2.id = "other".into();
    let mut t = solo("Self-assessment", &["a"]);
    t.id = "third".into();
    for s in [&mut ann, &mut a2, &mut t] {
        answer(s, "a", 3, "");
    }
    let c = run(&[ann, a2, t], &d).unwrap();
    let labels: Vec<&str> = c.people.iter().map(|p| p.label.as_str()).collect();
    // Both read "Ann" and were started the same day.
    assert_eq!(
        labels,
        [
            "Ann (2026-11-29)",
            "Ann (2026-11-29) (2)",
            "Self-assessment"
        ]
    );
}

#[test]
fn one_person_twice_is_told_apart_by_the_day() {
    let d = deck("d", &["a"]);
    let named = |id: &str, day: &str| {
        let mut s = solo("Self-assessment by Ann", &["a"]);
        s.id = id.into();
        s.created = day.parse().unwrap();
        s.participants = Session::named_participants(&["Ann"]);
        answer(&mut s, "a", 3, "");
        s
    };
    let mut bo = solo("Self-assessment by Bo", &["a"]);
    bo.participants = Session::named_participants(&["Bo"]);
    answer(&mut bo, "a", 2, "");
    let c = run(
        &[
            named("before", "2026-11-02T09:00:00Z"),
            bo,
            named("after", "2026-11-29T16:00:00Z"),
        ],
        &d,
    )
    .unwrap();
    let labels: Vec<&str> = c.people.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Ann (2026-11-02)", "Bo", "Ann (2026-11-29)"]);
}

#[test]
fn words_every_title_shares_are_left_out_of_labels() {
    assert_eq!(
        distinctive(&[
            "Ann, self-assessment",
            "Bo,  self-assessment",
            "Cem Y, Self-assessment"
        ]),
        ["Ann", "Bo", "Cem Y"]
    );
    assert_eq!(distinctive(&["Zelfscan Ann", "Zelfscan Bo"]), ["Ann", "Bo"]);
    // Stripping would leave a title empty, or there is nothing to compare with.
    assert_eq!(
        distinctive(&["Brand team", "Brand team Q4"]),
        ["Brand team", "Brand team Q4"]
    );
    assert_eq!(
        distinctive(&["Ann, self-assessment"]),
        ["Ann, self-assessment"]
    );
}

#[test]
fn different_decks_compare_the_cards_they_share() {
    let (d1, d2) = (deck("one", &["a", "b"]), deck("two", &["b", "c"]));
    let mut ann = solo("Ann", &["a", "b"]);
    let mut bo = solo("Bo", &["b", "c"]);
    bo.deck.id = "two".into();
    answer(&mut ann, "a", 1, "go");
    answer(&mut ann, "b", 1, "go");
    answer(&mut bo, "b", 2, "go");
    answer(&mut bo, "c", 2, "go");
    let entries = [
        Entry {
            session: &ann,
            deck: &d1,
        },
        Entry {
            session: &bo,
            deck: &d2,
        },
    ];
    let c = compare(&entries, &library(), Lang::En).unwrap();
    assert!(c.decks_differ);
    assert_eq!(ids(&c), ["b"]);
    assert!(c.not_compared.is_empty());

    let only = [
        Entry {
            session: &ann,
            deck: &d1,
        },
        Entry {
            session: &solo("Cem", &["c"]),
            deck: &d2,
        },
    ];
    assert_eq!(
        compare(&only, &library(), Lang::En),
        Err(CompareProblem::NoSharedCards)
    );
}

#[test]
fn shared_cards_nobody_answered_twice_are_told_apart_from_no_shared_cards() {
    let d = deck("d", &["a"]);
    let mut ann = solo("Ann", &["a"]);
    answer(&mut ann, "a", 3, "");
    assert_eq!(
        run(&[ann, solo("Bo", &["a"])], &d),
        Err(CompareProblem::NothingAnswered)
    );
}

#[test]
fn an_option_the_card_lacks_is_no_stance() {
    let d = deck("d", &["a"]);
    let (mut ann, mut bo) = (solo("Ann", &["a"]), solo("Bo", &["a"]));
    answer(&mut ann, "a", 2, "go");
    answer(&mut bo, "a", 2, "made-up");
    let c = run(&[ann, bo], &d).unwrap();
    assert_eq!(find(&c, "a").answers[1].unwrap().stance, None);
    assert!(!find(&c, "a").stances_differ);
}

#[test]
fn a_team_card_not_yet_revealed_shows_only_how_many_voted() {
    let d = deck("d", &["a"]);
    let mut team = solo("Team", &["a"]);
    team.mode = Mode::Team;
    team.participants = Session::anonymous_participants(3);
    for (who, v) in [("p1", 1), ("p2", 5)] {
        team.cards[0].votes.insert(who.into(), v);
    }
    let mut ann = solo("Ann", &["a"]);
    answer(&mut ann, "a", 4, "");
    let c = run(&[team, ann], &d).unwrap();
    let a = find(&c, "a");
    let hidden = a.answers[0].unwrap();
    assert_eq!(hidden.vote_tenths, None);
    assert_eq!(
        hidden.hidden,
        Some(crate::domain::session::HiddenVotes { cast: 2, voters: 3 })
    );
    // The hidden 1 and 5 do not make the card split.
    assert!(!a.split);
}
