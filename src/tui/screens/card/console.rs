//! The facilitator's console: while the room shows the card on the
//! projector, the terminal keeps for the facilitator what the room does
//! not see — the card's notes beside (or below) every stage, what comes
//! next, and the session clock against its plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::domain::clock::{Plan, Standing};
use crate::domain::{Lang, Session, Stage};
use crate::i18n::console::C;
use crate::i18n::fill;
use crate::i18n::format::minutes_seconds;
use crate::i18n::labels::Label;
use crate::tui::screens::context::Open;
use crate::tui::theme::Theme;

use super::CardLook;
use crate::tui::widgets::{ellipsize, panel};

/// From this width the notes get a column of their own.
pub const SIDE_FROM: u16 = 100;
/// The notes column's share of the width, and its least.
const SIDE_SHARE: u16 = 40;
const SIDE_MIN: u16 = 36;
/// Below the stage in a narrow window: the notes' rows at most.
const STRIP_NOTES: u16 = 3;
/// Below this many rows for the card, the notes below get one row.
const LOW_BELOW: u16 = 20;

/// Draws the notes and the clock around the stage; returns where the
/// stage itself goes.
pub fn render(c: &CardLook, f: &mut Frame, body: Rect) -> Rect {
    let (th, lang, card) = (c.theme(), c.lang(), c.card);
    let status = status_lines(&c.open, &th, lang, body.width);
    let [rest, status_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status.len() as u16 + 1),
    ])
    .areas(body);
    render_status(f, status_area, status, &th);
    let notes = card.facilitator_notes.get(lang);
    if body.width >= SIDE_FROM {
        let [main, side] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(side_width(body.width)),
        ])
        .areas(rest);
        f.render_widget(
            Paragraph::new(notes)
                .style(th.muted())
                .wrap(Wrap { trim: true })
                .block(
                    panel(&th, Label::FacilitatorNotes.get(lang), false)
                        .padding(Padding::horizontal(1)),
                ),
            side,
        );
        return main;
    }
    // Narrow: a few rows under a rule; the full notes need a wider window.
    let para = Paragraph::new(notes)
        .style(th.muted())
        .wrap(Wrap { trim: true });
    // A low window keeps one row of notes, so the stage stays usable.
    let most = if body.height >= LOW_BELOW {
        STRIP_NOTES
    } else {
        1
    };
    let rows = (para.line_count(body.width.saturating_sub(2)) as u16).clamp(1, most);
    let [main, strip] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(rows + 1)]).areas(rest);
    let title = format!(" {} ", Label::FacilitatorNotes.get(lang));
    f.render_widget(
        para.block(
            Block::new()
                .borders(Borders::TOP)
                .border_style(th.border())
                .padding(Padding::horizontal(1))
                .title(Span::styled(title, th.heading())),
        ),
        strip,
    );
    main
}

fn side_width(width: u16) -> u16 {
    let share = u32::from(width) * u32::from(SIDE_SHARE) / 100;
    u16::try_from(share).unwrap_or(width).max(SIDE_MIN)
}

fn render_status(f: &mut Frame, area: Rect, lines: Vec<Line<'static>>, th: &Theme) {
    let [rule, text] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    f.render_widget(
        Paragraph::new(Span::styled("─".repeat(rule.width as usize), th.border())),
        rule,
    );
    f.render_widget(
        Paragraph::new(lines),
        text.inner(ratatui::layout::Margin::new(1, 0)),
    );
}

/// The clock, on the discuss stage the time left per card, and what
/// comes next; each line fitted to `width`.
fn status_lines(open: &Open, th: &Theme, lang: Lang, width: u16) -> Vec<Line<'static>> {
    let width = (width as usize).saturating_sub(2);
    let mut lines = vec![clock_line(open.session, th, lang, width, true)];
    if open.session.position.stage == Stage::Discuss {
        lines.push(Line::from(Span::styled(
            ellipsize(&left_text(&Standing::of(open.session), lang), width),
            th.text(),
        )));
    }
    lines.push(Line::from(Span::styled(
        ellipsize(&next_text(open, lang), width),
        th.muted(),
    )));
    lines
}

/// "Session 24:10 of 60 min · card 4:00 of 10 min · 6 min behind plan":
/// the card's part gives way first in a narrow window, then the plan's.
/// Without `with_card`, only the session's part.
pub fn clock_line(
    s: &Session,
    th: &Theme,
    lang: Lang,
    width: usize,
    with_card: bool,
) -> Line<'static> {
    let st = Standing::of(s);
    let plan = Plan::of(s);
    let session = fill(
        C::Session.get(lang),
        &[
            ("elapsed", &minutes_seconds(st.elapsed)),
            ("planned", &(st.planned / 60).to_string()),
        ],
    );
    let on_card = s
        .cards
        .get(s.position.card)
        .map_or(0, |p| p.seconds_on_card);
    let card = fill(
        C::Card.get(lang),
        &[
            ("spent", &minutes_seconds(on_card)),
            ("box", &(plan.per_card / 60).to_string()),
        ],
    );
    let (standing, style) = match st.minutes_behind() {
        Some(n) => (
            fill(C::Behind.get(lang), &[("n", &n.to_string())]),
            th.overtime(),
        ),
        None => (C::OnPlan.get(lang).to_string(), th.muted()),
    };
    let sep = " · ";
    let full = session.width() + card.width() + standing.width() + 2 * sep.width();
    let mut spans = vec![Span::styled(session.clone(), th.heading())];
    if with_card && full <= width {
        spans.push(Span::styled(format!("{sep}{card}"), th.text()));
    }
    if session.width() + sep.width() + standing.width() <= width {
        spans.push(Span::styled(sep, th.muted()));
        spans.push(Span::styled(standing, style));
    } else if session.width() > width {
        return Line::from(Span::styled(ellipsize(&session, width), th.heading()));
    }
    Line::from(spans)
}

/// "38 min left for 3 cards: about 12 each".
pub fn left_text(st: &Standing, lang: Lang) -> String {
    let left = (st.left / 60).to_string();
    let n = st.cards_left.to_string();
    match st.minutes_each() {
        _ if st.left < 60 && st.cards_left > 0 => fill(C::LeftNone.get(lang), &[("n", &n)]),
        Some(_) if st.cards_left == 1 => fill(C::LeftLast.get(lang), &[("left", &left)]),
        Some(each) => fill(
            C::Left.get(lang),
            &[("left", &left), ("n", &n), ("each", &each.to_string())],
        ),
        None => String::new(),
    }
}

/// "Next: Reveal · then card 4: Strava heatmap".
pub fn next_text(open: &Open, lang: Lang) -> String {
    let s = open.session;
    let at = s.position.card;
    let next_card = s.cards.get(at + 1).map(|p| {
        let title = open
            .deck
            .card(&p.card)
            .map_or(p.card.as_str(), |c| c.title.get(lang));
        (at + 2, title.to_string())
    });
    let card_text = |tmpl: C, (n, title): (usize, String)| {
        fill(tmpl.get(lang), &[("n", &n.to_string()), ("title", &title)])
    };
    let what = match (s.position.stage.next(), next_card) {
        (Some(stage), Some(card)) => format!(
            "{} · {}",
            super::view::stage_name(stage, open.solo(), lang),
            card_text(C::ThenCard, card)
        ),
        (Some(stage), None) => format!(
            "{} · {}",
            super::view::stage_name(stage, open.solo(), lang),
            C::ThenEnd.get(lang)
        ),
        (None, Some(card)) => card_text(C::NextCard, card),
        (None, None) => C::End.get(lang).to_string(),
    };
    fill(C::Next.get(lang), &[("what", &what)])
}
