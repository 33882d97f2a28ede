//! Gut check: "How would your customers feel?" Each participant votes 1–5
//! with one key; votes stay hidden (●) until revealed together.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{OpenSession, current_mut};
use crate::domain::session::{VOTE_MAX, VOTE_MIN};
use crate::domain::{CardProgress, Lang, Mode, Participant};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, votes};

pub fn voter_name(p: &Participant, index: usize, lang: Lang) -> String {
    if p.name.is_empty() {
        fill(T::VoterN.get(lang), &[("n", &(index + 1).to_string())])
    } else {
        p.name.clone()
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let voters = open.session.participants.len();
    let solo = open.session.mode == Mode::Solo;
    let revealed = current_mut(open).is_some_and(|p| p.revealed);
    match action {
        Action::Up | Action::Click(Target::Voter(_)) | Action::Down if solo => {}
        Action::Up => open.view.voter = open.view.voter.saturating_sub(1),
        Action::Down => open.view.voter = (open.view.voter + 1).min(voters.saturating_sub(1)),
        Action::Click(Target::Voter(i)) => open.view.voter = i.min(voters.saturating_sub(1)),
        // After the reveal a stray digit must not change what the room saw.
        Action::Vote(_) | Action::ClearVote if revealed && !solo => {
            app.notice = Some(T::VotesLocked.get(app.lang).into());
        }
        Action::Vote(v) if (VOTE_MIN..=VOTE_MAX).contains(&v) => vote(app, v, now),
        Action::ClearVote => clear_vote(app, now),
        Action::Reveal if !solo && !revealed => reveal_asked(app, now),
        Action::ReopenVoting if !solo && revealed => reopen(app, now),
        Action::ShowNames if !solo && revealed => toggle_names(app, now),
        Action::AutoReveal if !solo => toggle_auto_reveal(app, now),
        _ => {}
    }
    Vec::new()
}

/// A vote typed for the participant under the cursor; the cursor moves on
/// to the next one still to vote.
fn vote(app: &mut App, v: u8, now: Timestamp) {
    if !app.editable() {
        return;
    }
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let at = open.view.voter;
    if let Some(id) = open.session.participants.get(at).map(|p| p.id.clone()) {
        cast(app, &id, v, now);
        if let Some(open) = app.open.as_mut() {
            open.view.voter = next_without_vote(open, at);
        }
    }
}

/// Takes back the vote of the participant under the cursor.
fn clear_vote(app: &mut App, now: Timestamp) {
    if !app.editable() {
        return;
    }
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let voter = open
        .session
        .participants
        .get(open.view.voter)
        .map(|p| p.id.clone());
    if let (Some(voter), Some(p)) = (voter, current_mut(open)) {
        p.votes.remove(&voter);
        if p.votes.is_empty() {
            p.revealed = false;
        }
    }
    app.changed(now);
}

fn reopen(app: &mut App, now: Timestamp) {
    if !app.editable() {
        return;
    }
    if let Some(p) = app.open.as_mut().and_then(current_mut) {
        p.revealed = false;
        // Each reveal starts without names.
        p.names_shown = false;
    }
    app.notice = Some(T::VotingReopened.get(app.lang).into());
    app.changed(now);
}

fn toggle_names(app: &mut App, now: Timestamp) {
    if !app.editable() {
        return;
    }
    if let Some(p) = app.open.as_mut().and_then(current_mut) {
        p.names_shown = !p.names_shown;
    }
    app.changed(now);
}

fn toggle_auto_reveal(app: &mut App, now: Timestamp) {
    if !app.editable() {
        return;
    }
    let Some(open) = app.open.as_mut() else {
        return;
    };
    open.session.auto_reveal = !open.session.auto_reveal;
    let on = open.session.auto_reveal;
    app.notice = Some(
        if on {
            T::AutoRevealOn
        } else {
            T::AutoRevealOff
        }
        .get(app.lang)
        .into(),
    );
    app.changed(now);
    // Turned on with every vote in: it applies at once.
    auto_reveal(app, now);
}

/// Records `participant`'s vote on the current card, the one path for a
/// vote typed by the facilitator and one from a phone. Votes are locked
/// once revealed; true when the vote was taken.
pub fn cast(app: &mut App, participant: &str, v: u8, now: Timestamp) -> bool {
    let Some(open) = app.open.as_mut() else {
        return false;
    };
    let solo = open.session.mode == Mode::Solo;
    let known = open
        .session
        .participants
        .iter()
        .any(|p| p.id == participant);
    let Some(p) = current_mut(open) else {
        return false;
    };
    if !known || !(VOTE_MIN..=VOTE_MAX).contains(&v) || (p.revealed && !solo) {
        return false;
    }
    p.votes.insert(participant.to_string(), v);
    if solo {
        p.revealed = true;
    }
    app.changed(now);
    auto_reveal(app, now);
    true
}

/// The next participant after `at` who has not voted yet; `at` when all have.
fn next_without_vote(open: &OpenSession, at: usize) -> usize {
    let people = &open.session.participants;
    let Some(p) = open.session.cards.get(open.session.position.card) else {
        return at;
    };
    (1..=people.len())
        .map(|k| (at + k) % people.len())
        .find(|i| !p.votes.contains_key(&people[*i].id))
        .unwrap_or(at)
}

/// Who has not voted on the current card, in the session's order.
pub fn waiting_for(open: &OpenSession, lang: Lang) -> Vec<String> {
    let Some(p) = open.session.cards.get(open.session.position.card) else {
        return Vec::new();
    };
    open.session
        .participants
        .iter()
        .enumerate()
        .filter(|(_, v)| !p.votes.contains_key(&v.id))
        .map(|(i, v)| voter_name(v, i, lang))
        .collect()
}

/// `r`: reveals when everyone has voted; with votes missing it asks first,
/// and the same key again reveals anyway.
fn reveal_asked(app: &mut App, now: Timestamp) {
    if !app.editable() {
        return;
    }
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let cast = current_mut(open).map_or(0, |p| p.votes.len());
    if cast == 0 {
        app.notice = Some(T::RevealNothing.get(lang).into());
        return;
    }
    let missing = waiting_for(open, lang).len();
    if missing > 0 && !open.view.reveal_armed {
        open.view.reveal_armed = true;
        let text = if missing == 1 {
            T::RevealMissingOne.get(lang).to_string()
        } else {
            fill(T::RevealMissing.get(lang), &[("n", &missing.to_string())])
        };
        app.notice = Some(text);
        return;
    }
    reveal(app, now);
}

fn reveal(app: &mut App, now: Timestamp) {
    if let Some(open) = app.open.as_mut() {
        open.view.reveal_armed = false;
        if let Some(p) = current_mut(open) {
            p.revealed = true;
            p.names_shown = false;
        }
    }
    app.changed(now);
}

/// With auto-reveal on, the last vote in reveals the card.
fn auto_reveal(app: &mut App, now: Timestamp) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let due = open.session.auto_reveal
        && open.session.mode == Mode::Team
        && open.session.position.stage == crate::domain::Stage::GutCheck
        && waiting_for(open, lang).is_empty()
        && super::current(open).is_some_and(|(p, _)| !p.revealed && !p.votes.is_empty());
    if due {
        reveal(app, now);
        app.notice = Some(T::AutoRevealed.get(lang).into());
    }
}

pub fn render(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let th = app.theme();
    let lang = app.lang;
    let area = area.inner(Margin::new(1, 0));
    let solo = open.session.mode == Mode::Solo;
    let [q, body] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                open.says(T::GutQuestion, T::GutQuestionSolo).get(lang),
                th.title(),
            )),
            Line::from(Span::styled(T::GutScale.get(lang), th.muted())),
        ])
        .wrap(Wrap { trim: true }),
        q,
    );
    if solo {
        let lines = solo_lines(progress, lang, &th);
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
        return;
    }

    // A blank line under the count where there is room for it.
    let gap = if body.height >= 12 { 2 } else { 1 };
    let [count, body] =
        Layout::vertical([Constraint::Length(gap), Constraint::Fill(1)]).areas(body);
    f.render_widget(
        Paragraph::new(count_line(open, progress, count.width, lang, &th)),
        count,
    );
    let list_w = (body.width / 2).clamp(20, 30);
    let [list, chart] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body);
    voter_list(app, open, progress, f, list, hits);
    let right = if progress.revealed {
        revealed_lines(progress, chart, lang, &th)
    } else {
        voting_lines(app.room.is_some(), open, progress, lang, &th)
    };
    f.render_widget(Paragraph::new(right).wrap(Wrap { trim: false }), chart);
}

/// A self-assessment: the one vote, or which key to press.
fn solo_lines(
    progress: &CardProgress,
    lang: Lang,
    th: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(match progress.votes.values().next() {
        Some(v) => Span::styled(
            fill(T::GutYourVote.get(lang), &[("v", &v.to_string())]),
            th.chosen(),
        ),
        None => Span::styled(T::GutPressKey.get(lang), th.text()),
    })];
    lines.push(Line::default());
    if !progress.votes.is_empty() {
        lines.push(Line::from(Span::styled(
            T::GutNextHint.get(lang),
            th.muted(),
        )));
    }
    lines
}

/// "7 of 9 voted · waiting for Bo, Cem": the count and who is missing,
/// never a value. Names that do not fit become "and 3 more".
pub fn count_line(
    open: &OpenSession,
    progress: &CardProgress,
    width: u16,
    lang: Lang,
    th: &crate::tui::theme::Theme,
) -> Line<'static> {
    let voted = progress.votes.len();
    let total = open.session.participants.len();
    let head = fill(
        T::GutVoted.get(lang),
        &[("n", &voted.to_string()), ("total", &total.to_string())],
    );
    let waiting = waiting_for(open, lang);
    let tail = if progress.revealed {
        T::GutRevealedTail.get(lang).to_string()
    } else if waiting.is_empty() {
        T::GutAllIn.get(lang).to_string()
    } else {
        waiting_text(
            &waiting,
            (width as usize).saturating_sub(head.width() + 3),
            lang,
        )
    };
    Line::from(vec![
        Span::styled(head, th.heading()),
        Span::styled(format!(" · {tail}"), th.text()),
    ])
}

/// "waiting for Ann, Bo and 3 more", as many names as fit in `room`.
fn waiting_text(names: &[String], room: usize, lang: Lang) -> String {
    let all = fill(T::GutWaiting.get(lang), &[("names", &names.join(", "))]);
    if all.width() <= room || names.len() == 1 {
        return crate::tui::widgets::ellipsize(&all, room.max(8));
    }
    for shown in (1..names.len()).rev() {
        let text = fill(
            T::GutWaitingMore.get(lang),
            &[
                ("names", &names[..shown].join(", ")),
                ("n", &(names.len() - shown).to_string()),
            ],
        );
        if text.width() <= room {
            return text;
        }
    }
    fill(
        T::GutWaitingCount.get(lang),
        &[("n", &names.len().to_string())],
    )
}

/// The voters, the one keys act on marked: ● voted, · not yet; after the
/// reveal ✓, or each vote when the names are shown.
fn voter_list(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    f: &mut Frame,
    list: Rect,
    hits: &mut Vec<Hit>,
) {
    let th = app.theme();
    let lang = app.lang;
    let name_w = list.width.saturating_sub(8) as usize;
    let room = list.height as usize;
    let first = open.view.voter.saturating_sub(room.saturating_sub(1));
    let mut lines = Vec::new();
    for (i, p) in open
        .session
        .participants
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
    {
        let name = voter_name(p, i, lang);
        let mark = match progress.votes.get(&p.id) {
            Some(v) if progress.revealed && progress.names_shown => v.to_string(),
            Some(_) if progress.revealed => "✓".into(),
            Some(_) => "●".into(),
            None => "·".into(),
        };
        let here = i == open.view.voter;
        let style = if here { th.focus() } else { th.text() };
        let row = (i - first) as u16;
        // Who votes by phone, while the room is open.
        let phone = if crate::tui::room::has_phone(app, &p.id) {
            "◆"
        } else {
            " "
        };
        hits.push(Hit {
            area: Rect::new(list.x, list.y + row, list.width, 1),
            action: Action::Click(Target::Voter(i)),
        });
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{} {:<name_w$}{phone}{mark:>2} ",
                if here { "▸" } else { " " },
                crate::tui::widgets::ellipsize(&name, name_w)
            ),
            style,
        )]));
    }
    f.render_widget(Paragraph::new(lines), list);
}

/// Before the reveal: whose turn it is at the keyboard, that votes stay
/// hidden, and how they get revealed.
fn voting_lines(
    phones: bool,
    open: &OpenSession,
    progress: &CardProgress,
    lang: Lang,
    th: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let now_voting = open
        .session
        .participants
        .get(open.view.voter)
        .filter(|p| !progress.votes.contains_key(&p.id))
        .map(|p| {
            // Someone with a phone votes there; typing stays possible.
            let text = if phones && open.session.room_members.is_taken(&p.id) {
                T::GutNowVotingPhone
            } else {
                T::GutNowVoting
            };
            fill(
                text.get(lang),
                &[("name", &voter_name(p, open.view.voter, lang))],
            )
        });
    let mut l = Vec::new();
    if let Some(text) = now_voting {
        l.push(Line::from(Span::styled(text, th.chosen())));
        l.push(Line::default());
    }
    let hint = if open.session.auto_reveal {
        T::GutAutoRevealHint
    } else {
        T::GutRevealHint
    };
    l.extend([
        Line::from(Span::styled(T::GutHidden.get(lang), th.text())),
        Line::default(),
        Line::from(Span::styled(hint.get(lang), th.muted())),
    ]);
    if phones {
        l.push(Line::from(Span::styled(
            T::GutPhoneLegend.get(lang),
            th.muted(),
        )));
    }
    l
}

/// After the reveal: the spread, average and range, with names only when
/// asked for, and how to change a vote now.
fn revealed_lines(
    progress: &CardProgress,
    area: Rect,
    lang: Lang,
    th: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    // In a small window the bars and the average come first; the heading
    // and blank lines give way.
    let tight = area.height < 10;
    let mut l = Vec::new();
    if !tight {
        l.push(Line::from(Span::styled(
            T::GutSpread.get(lang),
            th.heading(),
        )));
    }
    l.extend(
        votes::chart(&progress.votes, area.width, lang, th)
            .into_iter()
            .filter(|line| !tight || line.width() > 0),
    );
    let names = if progress.names_shown {
        T::GutNamesShown
    } else {
        T::GutNamesHidden
    };
    l.push(Line::from(Span::styled(names.get(lang), th.muted())));
    l.push(Line::from(Span::styled(
        T::GutLockedHint.get(lang),
        th.muted(),
    )));
    l
}
