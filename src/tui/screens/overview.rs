//! Overview of all cards with their status; Enter jumps to a card.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::Screen;
use crate::domain::{CardStatus, Lang, Stage};
use crate::i18n::format::minutes_seconds;
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{panel, votes};

#[derive(Debug, Clone, Default)]
pub struct OverviewView {
    pub cursor: usize,
}

pub fn status_label(s: CardStatus, lang: Lang) -> &'static str {
    match s {
        CardStatus::NotStarted => T::StatusNotStarted.get(lang),
        CardStatus::Voted => T::StatusVoted.get(lang),
        CardStatus::Decided => T::StatusDecided.get(lang),
    }
}

/// The status, and for a decided card what was decided: `decided · no-go`.
fn status_text(
    open: &crate::tui::app::OpenSession,
    p: &crate::domain::CardProgress,
    lang: Lang,
) -> String {
    let s = p.status();
    let stance = p
        .decision
        .option
        .as_deref()
        .and_then(|id| open.deck.card(&p.card)?.option(id))
        .map(|o| {
            crate::i18n::export::stance(o.stance)
                .get(lang)
                .to_lowercase()
        });
    match stance {
        Some(stance) if s == CardStatus::Decided => format!("{} · {stance}", status_label(s, lang)),
        _ => status_label(s, lang).to_string(),
    }
}

pub fn status_style(s: CardStatus, th: &Theme) -> ratatui::style::Style {
    match s {
        CardStatus::NotStarted => th.muted(),
        CardStatus::Voted => th.text(),
        CardStatus::Decided => th.chosen(),
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let n = app.open.as_ref().map_or(0, |o| o.session.cards.len());
    let Screen::Overview(v) = &mut app.screen else {
        return Vec::new();
    };
    match action {
        Action::Up => v.cursor = v.cursor.saturating_sub(1),
        Action::Down => v.cursor = (v.cursor + 1).min(n.saturating_sub(1)),
        Action::Select | Action::Row(_) => {
            if let Action::Row(i) = action {
                v.cursor = i.min(n.saturating_sub(1));
            }
            let card = v.cursor;
            app.screen = Screen::Card;
            return super::card::go(app, card, Stage::Story, now);
        }
        Action::EndSession => {
            app.screen = Screen::End(Default::default());
            return app.flush();
        }
        Action::Back | Action::Overview => app.screen = Screen::Card,
        Action::Quit => return super::close_session(app),
        _ => {}
    }
    Vec::new()
}

/// The table's fixed column widths; the status column fits its longest
/// text and the card title gets the rest.
const HERE_W: u16 = 3;
const VOTES_W: u16 = 15;
/// A card's time against its timebox, `12:40/10:00`, from this width.
const TIME_W: u16 = 11;
/// Narrower, the titles would be cut to a word; the session's total
/// under the table shows at every width.
const TIME_FROM: u16 = 90;
const COLUMN_GAP: u16 = 1;

pub fn render(app: &App, v: &OverviewView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let Some(open) = &app.open else { return };
    let statuses: Vec<String> = open
        .session
        .cards
        .iter()
        .map(|p| status_text(open, p, lang))
        .collect();
    let status_w = statuses
        .iter()
        .map(|t| unicode_width::UnicodeWidthStr::width(t.as_str()))
        .chain([unicode_width::UnicodeWidthStr::width(
            T::ColStatus.get(lang),
        )])
        .max()
        .unwrap_or(0) as u16;
    // What is left for the title beside the other columns, their gaps and
    // the panel's borders.
    let timed = area.width >= TIME_FROM;
    let (time_w, columns) = if timed { (TIME_W, 5) } else { (0, 4) };
    let fixed = HERE_W + status_w + VOTES_W + time_w + COLUMN_GAP * (columns - 1) + 2;
    let per_card = u32::from(open.session.minutes_per_card) * 60;
    // The session's total against its plan, under the table.
    let [area, total_area] =
        ratatui::layout::Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let title_w = area.width.saturating_sub(fixed) as usize;
    let rows: Vec<Row> = open
        .session
        .cards
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let title = open
                .deck
                .card(&p.card)
                .map_or(p.card.clone(), |c| c.title.get(lang).to_string());
            let here = if i == open.session.position.card {
                "▸"
            } else {
                " "
            };
            let s = p.status();
            let mut cells = vec![
                Cell::from(format!("{here}{:>2}", i + 1)),
                Cell::from(crate::tui::widgets::ellipsize(&title, title_w)),
                Cell::from(Span::styled(statuses[i].clone(), status_style(s, &th))),
                Cell::from(votes::cell(
                    p,
                    open.session.participants.len(),
                    open.solo(),
                    lang,
                )),
            ];
            if timed {
                let over = p.seconds_on_card > per_card;
                let style = if over { th.overtime() } else { th.text() };
                cells.push(Cell::from(Span::styled(
                    format!(
                        "{}/{}",
                        minutes_seconds(p.seconds_on_card),
                        minutes_seconds(per_card)
                    ),
                    style,
                )));
            }
            Row::new(cells)
        })
        .collect();
    let mut header = vec![
        Cell::from(""),
        Cell::from(T::ColCard.get(lang)),
        Cell::from(T::ColStatus.get(lang)),
        Cell::from(open.says(T::ColVotes, T::ColVotesSolo).get(lang)),
    ];
    let mut widths = vec![
        Constraint::Length(HERE_W),
        Constraint::Fill(1),
        Constraint::Length(status_w),
        Constraint::Length(VOTES_W),
    ];
    if timed {
        header.push(Cell::from(crate::i18n::console::C::ColTime.get(lang)));
        widths.push(Constraint::Length(TIME_W));
    }
    let header = Row::new(header).style(th.heading());
    let block = panel(&th, T::OverviewTitle.get(lang), true);
    let inner = block.inner(area);
    let table = Table::new(rows, widths)
        .column_spacing(COLUMN_GAP)
        .header(header)
        .row_highlight_style(th.focus())
        .block(block);
    let mut state = TableState::default().with_selected(Some(v.cursor));
    f.render_stateful_widget(table, area, &mut state);
    {
        f.render_widget(
            ratatui::widgets::Paragraph::new(super::card::console::clock_line(
                &open.session,
                &th,
                lang,
                total_area.width.saturating_sub(2) as usize,
                false,
            )),
            total_area.inner(ratatui::layout::Margin::new(1, 0)),
        );
    }
    let n = open.session.cards.len();
    for (row, i) in (state.offset()..n).enumerate() {
        let y = inner.y + 1 + row as u16;
        if y >= inner.bottom() {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, y, inner.width, 1),
            action: Action::Row(i),
        });
    }
}
