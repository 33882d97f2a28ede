//! Small pieces of wording shared by the renderers (and the app's preview).

use crate::domain::policy::AgreedPractice;
use crate::domain::{Lang, Stance};
use crate::i18n::export::ExportMsg;
use crate::i18n::fill;
// Defined in `i18n`, where the app finds them too; named here for the renderers.
pub use crate::i18n::format::{date, decimal, join_names, minutes_seconds};

/// What the team agreed to do on a card, in two parts: the practice it
/// accepted, in general terms, and how it chose to do it (the option's
/// label and description).
pub fn agreed_parts(agreed: &AgreedPractice, lang: Lang) -> (String, String) {
    let template = match agreed.stance {
        Stance::Redesign => ExportMsg::AgreedRedesign,
        Stance::GoWithSafeguards => ExportMsg::AgreedWithSafeguards,
        Stance::Go | Stance::NoGo => ExportMsg::AgreedGo,
    };
    let practice = agreed.practice.trim();
    let practice = if practice.ends_with(['.', '!', '?']) {
        practice.to_string()
    } else {
        format!("{practice}.")
    };
    let label = agreed.option.trim().trim_end_matches('.');
    let description = agreed.description.trim().trim_end_matches('.');
    let option = if description.is_empty() {
        label.to_string()
    } else {
        format!("{label} — {description}")
    };
    (
        fill(template.get(lang), &[("practice", &practice)]),
        fill(ExportMsg::OurChoice.get(lang), &[("option", &option)]),
    )
}

/// Both parts of [`agreed_parts`] as one sentence, for a single line.
pub fn agreed_sentence(agreed: &AgreedPractice, lang: Lang) -> String {
    let (accepted, choice) = agreed_parts(agreed, lang);
    format!("{accepted} {choice}")
}

/// What kind of session it was: "Team session", or "Self-assessment by
/// Ann" (just "Self-assessment" when no name was given, as in older files).
pub fn mode_line(session: &crate::domain::Session, lang: Lang) -> String {
    crate::i18n::labels::session_kind(session.mode, session.person(), lang)
}

/// Who took part: names, or how many anonymous voters; in a
/// self-assessment the person, or "one person" when no name was given.
pub fn participants_line(session: &crate::domain::Session, lang: Lang) -> String {
    if session.mode == crate::domain::Mode::Solo {
        return match session.person() {
            Some(name) => name.to_string(),
            None => ExportMsg::OnePerson.get(lang).to_string(),
        };
    }
    let named: Vec<String> = session
        .participants
        .iter()
        .filter(|p| !p.name.is_empty())
        .map(|p| p.name.clone())
        .collect();
    if named.is_empty() {
        let n = session.participants.len();
        if n == 1 {
            ExportMsg::AnonymousVoter.get(lang).to_string()
        } else {
            fill(
                ExportMsg::AnonymousVoters.get(lang),
                &[("n", &n.to_string())],
            )
        }
    } else {
        named.join(", ")
    }
}

/// The one-line vote summary: "5 votes, average 3.4, spread 3".
pub fn vote_line(votes: &crate::domain::VoteSummary, lang: Lang) -> String {
    match (votes.total, votes.average, votes.min) {
        (0, _, _) | (_, None, _) | (_, _, None) => ExportMsg::NoVotes.get(lang).to_string(),
        (1, _, Some(value)) => fill(
            ExportMsg::OneVoteLine.get(lang),
            &[("value", &value.to_string())],
        ),
        (total, Some(average), Some(_)) => fill(
            ExportMsg::VoteLine.get(lang),
            &[
                ("total", &total.to_string()),
                ("average", &decimal(average, lang)),
                ("spread", &votes.spread.to_string()),
            ],
        ),
    }
}

/// The vote summary of a card in the notes: [`vote_line`], or before the
/// reveal only how many have voted.
pub fn note_vote_line(note: &super::CardNote, lang: Lang) -> String {
    match note.hidden {
        Some(h) => hidden_line(h, lang),
        None => vote_line(&note.votes, lang),
    }
}

/// "Votes hidden (6 of 9 in)."
pub fn hidden_line(h: crate::domain::session::HiddenVotes, lang: Lang) -> String {
    fill(
        ExportMsg::VotesHidden.get(lang),
        &[
            ("cast", &h.cast.to_string()),
            ("voters", &h.voters.to_string()),
        ],
    )
}

/// "1: 2× · 2: 0× · …" for every value on the scale.
pub fn vote_counts(votes: &crate::domain::VoteSummary, lang: Lang) -> String {
    (crate::domain::session::VOTE_MIN..=crate::domain::session::VOTE_MAX)
        .map(|v| {
            fill(
                ExportMsg::VotesOf.get(lang),
                &[
                    ("value", &v.to_string()),
                    ("count", &votes.count(v).to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The timebox per card: "10 minutes", "1 minute".
pub fn timebox(minutes: u16, lang: Lang) -> String {
    if minutes == 1 {
        ExportMsg::TimeboxOne.get(lang).to_string()
    } else {
        fill(ExportMsg::Timebox.get(lang), &[("m", &minutes.to_string())])
    }
}

/// Who or what a card is about, when, and whether it is made up:
/// "ING Netherlands (bank), 2014" or "A drugstore chain · hypothetical".
pub fn byline(note: &super::CardNote, lang: Lang) -> String {
    let mut line = match note.year {
        Some(year) => format!("{}, {year}", note.organisation),
        None => note.organisation.clone(),
    };
    if note.kind == Some(crate::domain::CardKind::Hypothetical) {
        line.push_str(" · ");
        line.push_str(crate::i18n::labels::Label::KindHypothetical.get(lang));
    }
    line
}

/// Time spent against the timebox: "12:30 of 10 min".
pub fn time_line(seconds: u32, minutes_per_card: u16, lang: Lang) -> String {
    fill(
        ExportMsg::TimeOf.get(lang),
        &[
            ("spent", &minutes_seconds(seconds)),
            ("box", &minutes_per_card.to_string()),
        ],
    )
}

/// The session clock against the plan, and what the plan counts:
/// "52:10 of 60 min planned (10 min opening, 4 × 10 min for the cards,
/// 10 min close)". None when the clock never ran (a session from before
/// it was kept), so no export claims a time of 0:00.
pub fn session_time_line(session: &crate::domain::Session, lang: Lang) -> Option<String> {
    use crate::domain::clock::Plan;
    if session.seconds_elapsed == 0 {
        return None;
    }
    let plan = Plan::of(session);
    let minutes = |s: u32| (s / 60).to_string();
    let cards = session.cards.len().to_string();
    let what = if plan.opening + plan.close > 0 {
        fill(
            ExportMsg::PlanTeam.get(lang),
            &[
                ("opening", &minutes(plan.opening)),
                ("cards", &cards),
                ("box", &minutes(plan.per_card)),
                ("close", &minutes(plan.close)),
            ],
        )
    } else {
        fill(
            ExportMsg::PlanSolo.get(lang),
            &[("cards", &cards), ("box", &minutes(plan.per_card))],
        )
    };
    Some(fill(
        ExportMsg::SessionTimeOf.get(lang),
        &[
            ("elapsed", &minutes_seconds(session.seconds_elapsed)),
            ("planned", &minutes(plan.total())),
            ("plan", &what),
        ],
    ))
}

/// One decision that goes against a commitment or red line:
/// "Card (Go, with safeguards; profiling)".
pub fn conflict_item(k: &crate::domain::policy::Conflict, lang: Lang) -> String {
    use crate::i18n::export::{stance, tag};
    let tags: Vec<&str> = k.tags.iter().map(|t| tag(*t).get(lang)).collect();
    fill(
        ExportMsg::ConflictItem.get(lang),
        &[
            ("card", &k.card.title),
            ("stance", stance(k.stance).get(lang)),
            ("tags", &tags.join(", ")),
        ],
    )
}

/// What a contradiction is about, ending in a colon before its conflicts.
pub fn contradiction_head(c: &crate::domain::policy::Contradiction, lang: Lang) -> String {
    use crate::domain::policy::Contradiction;
    match c {
        Contradiction::Safeguard {
            commitment,
            chosen_on,
            ..
        } => {
            let chosen: Vec<String> = chosen_on.iter().map(|c| c.title.clone()).collect();
            fill(
                ExportMsg::ContradictSafeguard.get(lang),
                &[
                    ("chosen", &join_names(&chosen, lang)),
                    ("commitment", commitment.trim_end_matches('.')),
                ],
            )
        }
        Contradiction::RedLine { no_go_on, .. } => red_lines_head(no_go_on, lang),
    }
}

/// The no-go cards of one practice and their red lines, each red line
/// quoted once however many cards drew it.
fn red_lines_head(no_go_on: &[crate::domain::policy::NoGo], lang: Lang) -> String {
    let cards: Vec<String> = no_go_on.iter().map(|n| n.card.title.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    let lines: Vec<&str> = no_go_on
        .iter()
        .map(|n| n.red_line.trim_end_matches('.'))
        .filter(|l| seen.insert(*l))
        .collect();
    let no_go = join_names(&cards, lang);
    match (cards.len(), lines.as_slice()) {
        (1, [line]) => fill(
            ExportMsg::ContradictRedLine.get(lang),
            &[("no_go", &no_go), ("red_line", line)],
        ),
        (_, [line]) => fill(
            ExportMsg::ContradictRedLineShared.get(lang),
            &[("no_go", &no_go), ("red_line", line)],
        ),
        (_, lines) => {
            let quoted: Vec<String> = lines
                .iter()
                .map(|l| fill(ExportMsg::Quoted.get(lang), &[("text", l)]))
                .collect();
            fill(
                ExportMsg::ContradictRedLines.get(lang),
                &[("no_go", &no_go), ("red_lines", &join_names(&quoted, lang))],
            )
        }
    }
}

/// A contradiction as one sentence: its head and every conflicting card.
pub fn contradiction_sentence(c: &crate::domain::policy::Contradiction, lang: Lang) -> String {
    let items: Vec<String> = c
        .conflicts()
        .iter()
        .map(|k| conflict_item(k, lang))
        .collect();
    format!(
        "{} {}.",
        contradiction_head(c, lang),
        join_names(&items, lang)
    )
}

/// How a decision strains the team's principles, in words: "in tension with
/// Personal; goes against Honest; not weighed against Local".
pub fn tension_parts(t: &crate::domain::policy::AcceptedTension, lang: Lang) -> String {
    let names = |ps: &[crate::domain::policy::PrincipleRef]| {
        join_names(&ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>(), lang)
    };
    let mut parts = Vec::new();
    for (list, msg) in [
        (&t.tension, ExportMsg::TensionWith),
        (&t.violates, ExportMsg::ViolatesList),
        (&t.not_judged, ExportMsg::NotJudgedList),
    ] {
        if !list.is_empty() {
            parts.push(fill(msg.get(lang), &[("list", &names(list))]));
        }
    }
    parts.join("; ")
}

/// "Stance: label — description", without repeating a label that only
/// names the stance again.
pub fn decision_line(d: &super::notes::DecisionNote, lang: Lang) -> String {
    let stance = crate::i18n::export::stance(d.stance).get(lang);
    let mut line = stance.to_string();
    if !d.label.trim().eq_ignore_ascii_case(stance) {
        line = format!("{line}: {}", d.label.trim());
    }
    if !d.description.trim().is_empty() {
        line = format!("{line} — {}", d.description.trim());
    }
    line
}
