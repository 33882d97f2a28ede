//! Overview of all cards with their status; Enter jumps to a card.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::context::{Ctx, Hit, Look, Open};
use crate::domain::{CardProgress, CardStatus, Lang};
use crate::i18n::format::minutes_seconds;
use crate::i18n::tui::T;
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Target, ellipsize, panel, votes};

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
fn status_text(open: &Open, p: &CardProgress, lang: Lang) -> String {
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

pub fn act(v: &mut OverviewView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    let n = ctx.open().map_or(0, |o| o.session.cards.len());
    let to = match action {
        Action::Up => {
            v.cursor = v.cursor.saturating_sub(1);
            return Vec::new();
        }
        Action::Down => {
            v.cursor = (v.cursor + 1).min(n.saturating_sub(1));
            return Vec::new();
        }
        Action::Click(Target::OverviewCard(i)) => {
            v.cursor = i.min(n.saturating_sub(1));
            Goto::CardAt(v.cursor)
        }
        Action::Select => Goto::CardAt(v.cursor),
        Action::EndSession => Goto::End,
        Action::Back | Action::Overview => Goto::Card,
        Action::Quit => Goto::LeaveSession,
        _ => return Vec::new(),
    };
    vec![Effect::Go(to)]
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

pub fn render(look: &Look, v: &OverviewView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let Some(open) = look.open else { return };
    // The session's total against its plan, under the table.
    let [table_area, total_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    table(look, &open, v, f, table_area, hits);
    f.render_widget(
        Paragraph::new(super::card::console::clock_line(
            open.session,
            &look.theme,
            look.lang,
            total_area.width.saturating_sub(2) as usize,
            false,
        )),
        total_area.inner(Margin::new(1, 0)),
    );
}

/// The columns the table shows at this width: the time column only when
/// the titles keep room beside it.
struct Columns {
    status_w: u16,
    title_w: usize,
    timed: bool,
}

impl Columns {
    fn new(statuses: &[String], lang: Lang, width: u16) -> Columns {
        let status_w = statuses
            .iter()
            .map(|t| t.width())
            .chain([T::ColStatus.get(lang).width()])
            .max()
            .unwrap_or(0) as u16;
        // What is left for the title beside the other columns, their gaps
        // and the panel's borders.
        let timed = width >= TIME_FROM;
        let (time_w, columns) = if timed { (TIME_W, 5) } else { (0, 4) };
        let fixed = HERE_W + status_w + VOTES_W + time_w + COLUMN_GAP * (columns - 1) + 2;
        Columns {
            status_w,
            title_w: width.saturating_sub(fixed) as usize,
            timed,
        }
    }

    fn widths(&self) -> Vec<Constraint> {
        let mut widths = vec![
            Constraint::Length(HERE_W),
            Constraint::Fill(1),
            Constraint::Length(self.status_w),
            Constraint::Length(VOTES_W),
        ];
        if self.timed {
            widths.push(Constraint::Length(TIME_W));
        }
        widths
    }
}

/// Every card of the session with its status; each row answers a click.
fn table(
    look: &Look,
    open: &Open,
    v: &OverviewView,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let (th, lang) = (&look.theme, look.lang);
    let statuses: Vec<String> = open
        .session
        .cards
        .iter()
        .map(|p| status_text(open, p, lang))
        .collect();
    let cols = Columns::new(&statuses, lang, area.width);
    let rows: Vec<Row> = open
        .session
        .cards
        .iter()
        .enumerate()
        .map(|(i, p)| card_row(look, open, &cols, i, p, &statuses[i]))
        .collect();
    let block = panel(th, T::OverviewTitle.get(lang), true);
    let inner = block.inner(area);
    let table = Table::new(rows, cols.widths())
        .column_spacing(COLUMN_GAP)
        .header(header(look, open, &cols))
        .row_highlight_style(th.focus())
        .block(block);
    let mut state = TableState::default().with_selected(Some(v.cursor));
    f.render_stateful_widget(table, area, &mut state);
    let n = open.session.cards.len();
    for (row, i) in (state.offset()..n).enumerate() {
        let y = inner.y + 1 + row as u16;
        if y >= inner.bottom() {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, y, inner.width, 1),
            action: Action::Click(Target::OverviewCard(i)),
        });
    }
}

fn header(look: &Look, open: &Open, cols: &Columns) -> Row<'static> {
    let lang = look.lang;
    let mut header = vec![
        Cell::from(""),
        Cell::from(T::ColCard.get(lang)),
        Cell::from(T::ColStatus.get(lang)),
        Cell::from(open.says(T::ColVotes, T::ColVotesSolo).get(lang)),
    ];
    if cols.timed {
        header.push(Cell::from(crate::i18n::console::C::ColTime.get(lang)));
    }
    Row::new(header).style(look.theme.heading())
}

/// Card `i`: where the session is, its title, status, votes and, when it
/// fits, its time against the timebox.
fn card_row(
    look: &Look,
    open: &Open,
    cols: &Columns,
    i: usize,
    p: &CardProgress,
    status: &str,
) -> Row<'static> {
    let (th, lang) = (&look.theme, look.lang);
    let title = open
        .deck
        .card(&p.card)
        .map_or(p.card.clone(), |c| c.title.get(lang).to_string());
    let here = if i == open.session.position.card {
        "▸"
    } else {
        " "
    };
    let solo = open.session.mode == crate::domain::Mode::Solo;
    let mut cells = vec![
        Cell::from(format!("{here}{:>2}", i + 1)),
        Cell::from(ellipsize(&title, cols.title_w)),
        Cell::from(Span::styled(
            status.to_string(),
            status_style(p.status(), th),
        )),
        Cell::from(votes::cell(p, open.session.participants.len(), solo, lang)),
    ];
    if cols.timed {
        let per_card = u32::from(open.session.minutes_per_card) * 60;
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
}
