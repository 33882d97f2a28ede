//! Gut check: "How would your customers feel?" Each participant votes 1–5
//! with one key; votes stay hidden (●) until revealed together.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{CardLook, current, current_mut};
use crate::domain::session::VOTE_MAX;
use crate::domain::session::VOTE_MIN;
use crate::domain::{CardProgress, Lang, Mode, Participant, Session};
use crate::i18n::labels;
use crate::i18n::{fill, tui::T};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::screens::context::{Ctx, Hit, Open};
use crate::tui::widgets::{Target, votes};

/// The gut check's own state: whose vote the keys enter.
#[derive(Debug, Clone, Default)]
pub struct GutView {
    pub voter: usize,
    /// `r` was pressed with votes missing; pressed again, it reveals anyway.
    pub reveal_armed: bool,
}

impl GutView {
    /// The cursor starts on the first participant still to vote.
    pub fn new(session: &Session, progress: Option<&CardProgress>) -> GutView {
        let voter = progress.map_or(0, |p| {
            session
                .participants
                .iter()
                .position(|v| !p.votes.contains_key(&v.id))
                .unwrap_or(0)
        });
        GutView {
            voter,
            reveal_armed: false,
        }
    }
}

pub fn voter_name(p: &Participant, index: usize, lang: Lang) -> String {
    if p.name.is_empty() {
        fill(T::VoterN.get(lang), &[("n", &(index + 1).to_string())])
    } else {
        p.name.clone()
    }
}

pub fn act(v: &mut GutView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    let Some(open) = ctx.open() else {
        return Vec::new();
    };
    let voters = open.session.participants.len();
    let solo = open.solo();
    let revealed = open
        .session
        .cards
        .get(open.session.position.card)
        .is_some_and(|p| p.revealed);
    match action {
        Action::Up | Action::Click(Target::Voter(_)) | Action::Down if solo => {}
        Action::Up => v.voter = v.voter.saturating_sub(1),
        Action::Down => v.voter = (v.voter + 1).min(voters.saturating_sub(1)),
        Action::Click(Target::Voter(i)) => v.voter = i.min(voters.saturating_sub(1)),
        // After the reveal a stray digit must not change what the room saw.
        Action::Vote(_) | Action::ClearVote if revealed && !solo => {
            ctx.say(T::VotesLocked.get(ctx.lang));
        }
        Action::Vote(value) if (VOTE_MIN..=VOTE_MAX).contains(&value) => vote(v, ctx, value),
        Action::ClearVote => clear_vote(v, ctx),
        Action::Reveal if !solo && !revealed => reveal_asked(v, ctx),
        Action::ReopenVoting if !solo && revealed => reopen(ctx),
        Action::ShowNames if !solo && revealed => toggle_names(ctx),
        Action::AutoReveal if !solo => toggle_auto_reveal(v, ctx),
        _ => {}
    }
    Vec::new()
}

/// A vote typed for the participant under the cursor; the cursor moves on
/// to the next one still to vote.
fn vote(v: &mut GutView, ctx: &mut Ctx, value: u8) {
    if !ctx.editable() {
        return;
    }
    let at = v.voter;
    let id = ctx
        .open()
        .and_then(|o| o.session.participants.get(at).map(|p| p.id.clone()));
    if let Some(id) = id {
        cast(v, ctx, &id, value);
        if let Some(open) = ctx.open() {
            v.voter = next_without_vote(&open, at);
        }
    }
}

/// The id of the participant under the cursor.
fn voter_id(v: &GutView, ctx: &Ctx) -> Option<String> {
    let open = ctx.open()?;
    open.session.participants.get(v.voter).map(|p| p.id.clone())
}

/// Takes back the vote of the participant under the cursor.
fn clear_vote(v: &GutView, ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    let voter = voter_id(v, ctx);
    if let (Some(voter), Some(p)) = (voter, ctx.session_mut().and_then(current_mut)) {
        p.votes.remove(&voter);
        if p.votes.is_empty() {
            p.revealed = false;
        }
    }
    ctx.changed();
}

fn reopen(ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    if let Some(p) = ctx.session_mut().and_then(current_mut) {
        p.revealed = false;
        // Each reveal starts without names.
        p.names_shown = false;
    }
    ctx.say(T::VotingReopened.get(ctx.lang));
    ctx.changed();
}

fn toggle_names(ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    if let Some(p) = ctx.session_mut().and_then(current_mut) {
        p.names_shown = !p.names_shown;
    }
    ctx.changed();
}

fn toggle_auto_reveal(v: &mut GutView, ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    let Some(session) = ctx.session_mut() else {
        return;
    };
    session.auto_reveal = !session.auto_reveal;
    let said = if session.auto_reveal {
        T::AutoRevealOn
    } else {
        T::AutoRevealOff
    };
    ctx.say(said.get(ctx.lang));
    ctx.changed();
    // Turned on with every vote in: it applies at once.
    auto_reveal(v, ctx);
}

/// Records `participant`'s vote on the current card, the one path for a
/// vote typed by the facilitator and one from a phone. Votes are locked
/// once revealed; true when the vote was taken.
pub fn cast(v: &mut GutView, ctx: &mut Ctx, participant: &str, value: u8) -> bool {
    let Some(session) = ctx.session_mut() else {
        return false;
    };
    let solo = session.mode == Mode::Solo;
    let known = session.participants.iter().any(|p| p.id == participant);
    let Some(p) = current_mut(session) else {
        return false;
    };
    if !known || !(VOTE_MIN..=VOTE_MAX).contains(&value) || (p.revealed && !solo) {
        return false;
    }
    p.votes.insert(participant.to_string(), value);
    if solo {
        p.revealed = true;
    }
    ctx.changed();
    auto_reveal(v, ctx);
    true
}

/// The next participant after `at` who has not voted yet; `at` when all have.
fn next_without_vote(open: &Open, at: usize) -> usize {
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
pub fn waiting_for(open: &Open, lang: Lang) -> Vec<String> {
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
fn reveal_asked(v: &mut GutView, ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    let lang = ctx.lang;
    let Some(open) = ctx.open() else {
        return;
    };
    let cast = open
        .session
        .cards
        .get(open.session.position.card)
        .map_or(0, |p| p.votes.len());
    if cast == 0 {
        ctx.say(T::RevealNothing.get(lang));
        return;
    }
    let missing = waiting_for(&open, lang).len();
    if missing > 0 && !v.reveal_armed {
        v.reveal_armed = true;
        let text = if missing == 1 {
            T::RevealMissingOne.get(lang).to_string()
        } else {
            fill(T::RevealMissing.get(lang), &[("n", &missing.to_string())])
        };
        ctx.say(text);
        return;
    }
    reveal(v, ctx);
}

fn reveal(v: &mut GutView, ctx: &mut Ctx) {
    v.reveal_armed = false;
    if let Some(p) = ctx.session_mut().and_then(current_mut) {
        p.revealed = true;
        p.names_shown = false;
    }
    ctx.changed();
}

/// With auto-reveal on, the last vote in reveals the card.
fn auto_reveal(v: &mut GutView, ctx: &mut Ctx) {
    let lang = ctx.lang;
    let Some(open) = ctx.open() else {
        return;
    };
    let due = open.session.auto_reveal
        && open.session.mode == Mode::Team
        && open.session.position.stage == crate::domain::Stage::GutCheck
        && waiting_for(&open, lang).is_empty()
        && current(&open).is_some_and(|(p, _)| !p.revealed && !p.votes.is_empty());
    if due {
        reveal(v, ctx);
        ctx.say(T::AutoRevealed.get(lang));
    }
}

pub fn render(c: &CardLook, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang, open, progress) = (c.theme(), c.lang(), &c.open, c.progress);
    let area = area.inner(Margin::new(1, 0));
    let solo = open.solo();
    let [q, body] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                open.says(T::GutQuestion, T::GutQuestionSolo).get(lang),
                th.title(),
            )),
            Line::from(Span::styled(labels::scale_with("  ·  ", lang), th.muted())),
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
    voter_list(c, f, list, hits);
    let right = if progress.revealed {
        revealed_lines(progress, chart, lang, &th)
    } else {
        voting_lines(c.desk.room, c, lang, &th)
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
    open: &Open,
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
fn voter_list(c: &CardLook, f: &mut Frame, list: Rect, hits: &mut Vec<Hit>) {
    let (th, lang, open, progress) = (c.theme(), c.lang(), &c.open, c.progress);
    let cursor = c.view.gut.voter;
    let name_w = list.width.saturating_sub(8) as usize;
    let room = list.height as usize;
    let first = cursor.saturating_sub(room.saturating_sub(1));
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
        let here = i == cursor;
        let style = if here { th.focus() } else { th.text() };
        let row = (i - first) as u16;
        // Who votes by phone, while the room is open.
        let phone = if c.has_phone(&p.id) { "◆" } else { " " };
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
    c: &CardLook,
    lang: Lang,
    th: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let (open, progress, cursor) = (&c.open, c.progress, c.view.gut.voter);
    let now_voting = open
        .session
        .participants
        .get(cursor)
        .filter(|p| !progress.votes.contains_key(&p.id))
        .map(|p| {
            // Someone with a phone votes there; typing stays possible.
            let text = if phones && open.session.room_members.is_taken(&p.id) {
                T::GutNowVotingPhone
            } else {
                T::GutNowVoting
            };
            fill(text.get(lang), &[("name", &voter_name(p, cursor, lang))])
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
