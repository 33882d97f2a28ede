//! Gut check: "How would your customers feel?" Each participant votes 1–5
//! with one key; votes stay hidden (●) until revealed together.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{OpenSession, current_mut};
use crate::domain::session::{VOTE_MAX, VOTE_MIN};
use crate::domain::{CardProgress, Lang, Mode, Participant};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::votes;

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
    match action {
        Action::Up | Action::Row(_) | Action::Down if solo => {}
        Action::Up => open.view.voter = open.view.voter.saturating_sub(1),
        Action::Down => open.view.voter = (open.view.voter + 1).min(voters.saturating_sub(1)),
        Action::Row(i) => open.view.voter = i.min(voters.saturating_sub(1)),
        Action::Vote(v) if (VOTE_MIN..=VOTE_MAX).contains(&v) => {
            if !app.editable() {
                return Vec::new();
            }
            let Some(open) = app.open.as_mut() else {
                return Vec::new();
            };
            let Some(voter) = open
                .session
                .participants
                .get(open.view.voter)
                .map(|p| p.id.clone())
            else {
                return Vec::new();
            };
            let participants: Vec<String> = open
                .session
                .participants
                .iter()
                .map(|p| p.id.clone())
                .collect();
            let at = open.view.voter;
            let mut next_voter = at;
            if let Some(p) = current_mut(open) {
                p.votes.insert(voter, v);
                if solo {
                    p.revealed = true;
                }
                // On to the next person who has not voted yet.
                let next = (1..=participants.len())
                    .map(|k| (at + k) % participants.len())
                    .find(|i| !p.votes.contains_key(&participants[*i]));
                if let Some(i) = next {
                    next_voter = i;
                }
            }
            open.view.voter = next_voter;
            app.changed(now);
        }
        Action::ClearVote => {
            if !app.editable() {
                return Vec::new();
            }
            let Some(open) = app.open.as_mut() else {
                return Vec::new();
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
        Action::Reveal if !solo => {
            if !app.editable() {
                return Vec::new();
            }
            let Some(open) = app.open.as_mut() else {
                return Vec::new();
            };
            if let Some(p) = current_mut(open) {
                if p.votes.is_empty() && !p.revealed {
                    app.notice = Some(T::RevealNothing.get(app.lang).into());
                    return Vec::new();
                }
                p.revealed = !p.revealed;
            }
            app.changed(now);
        }
        _ => {}
    }
    Vec::new()
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
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
        return;
    }

    let list_w = (body.width / 2).clamp(20, 30);
    let [list, chart] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(body);
    let name_w = list_w.saturating_sub(8) as usize;
    let voted = progress.votes.len();
    let total = open.session.participants.len();
    let mut lines = vec![Line::from(Span::styled(
        fill(
            T::GutVoted.get(lang),
            &[("n", &voted.to_string()), ("total", &total.to_string())],
        ),
        th.heading(),
    ))];
    let top = 1usize;
    let room = list.height.saturating_sub(1) as usize;
    let first = open.view.voter.saturating_sub(room.saturating_sub(1));
    for (i, p) in open
        .session
        .participants
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
    {
        let name = votes_name(p, i, lang);
        let mark = match progress.votes.get(&p.id) {
            Some(v) if progress.revealed => v.to_string(),
            Some(_) => "●".into(),
            None => "·".into(),
        };
        let here = i == open.view.voter;
        let style = if here { th.focus() } else { th.text() };
        let row = (top + i - first) as u16;
        hits.push(Hit {
            area: Rect::new(list.x, list.y + row, list.width, 1),
            action: Action::Row(i),
        });
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{} {:<name_w$} {mark:>2} ",
                if here { "▸" } else { " " },
                crate::tui::widgets::ellipsize(&name, name_w)
            ),
            style,
        )]));
    }
    f.render_widget(Paragraph::new(lines), list);

    let right = if progress.revealed {
        let mut l = vec![Line::from(Span::styled(
            T::GutSpread.get(lang),
            th.heading(),
        ))];
        l.extend(votes::chart(&progress.votes, chart.width, lang, &th));
        l
    } else {
        let now_voting = open
            .session
            .participants
            .get(open.view.voter)
            .filter(|p| !progress.votes.contains_key(&p.id))
            .map(|p| {
                fill(
                    T::GutNowVoting.get(lang),
                    &[("name", &voter_name(p, open.view.voter, lang))],
                )
            });
        let mut l = Vec::new();
        if let Some(text) = now_voting {
            l.push(Line::from(Span::styled(text, th.chosen())));
            l.push(Line::default());
        }
        l.extend([
            Line::from(Span::styled(T::GutHidden.get(lang), th.text())),
            Line::default(),
            Line::from(Span::styled(T::GutRevealHint.get(lang), th.muted())),
        ]);
        l
    };
    f.render_widget(Paragraph::new(right).wrap(Wrap { trim: false }), chart);
}

fn votes_name(p: &Participant, i: usize, lang: Lang) -> String {
    voter_name(p, i, lang)
}
