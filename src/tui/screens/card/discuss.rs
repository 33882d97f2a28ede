//! Discuss: the card's prompts, the butcher test as a five-point check the
//! team answers, and a calm countdown against the timebox that can be paused.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{CardLook, Reading, current_mut, timer};
use crate::domain::butcher::{ButcherAnswer, ButcherPoint, failed_halves, fails};
use crate::domain::{Lang, Stage};
use crate::i18n::butcher::{self, ButcherMsg};
use crate::i18n::format::minutes_seconds;
use crate::i18n::labels::Label;
use crate::i18n::{fill, tui::T};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::screens::context::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::ellipsize;

/// The discussion's own state: the butcher-test point under the cursor
/// and the timer.
#[derive(Debug, Clone, Default)]
pub struct DiscussView {
    pub butcher: usize,
    /// The discussion timer runs from then on, on top of `timer_base`.
    pub timer_since: Option<Timestamp>,
    pub timer_base: u32,
}

pub fn act(
    v: &mut DiscussView,
    reading: &mut Reading,
    ctx: &mut Ctx,
    action: Action,
    now: Timestamp,
) -> Vec<Effect> {
    let last = ButcherPoint::ALL.len() - 1;
    match action {
        Action::Timer => {
            if ctx.editable()
                && let Some(open) = ctx.open()
            {
                timer::toggle(v, open.session, now);
            }
        }
        Action::Up => v.butcher = v.butcher.min(last).saturating_sub(1),
        Action::Down => v.butcher = (v.butcher.min(last) + 1).min(last),
        Action::Butcher(answer) => answer_point(v, ctx, answer),
        other => return super::scroll(reading, other),
    }
    Vec::new()
}

/// An answer to the point under the cursor, or taking it back.
fn answer_point(v: &mut DiscussView, ctx: &mut Ctx, answer: Option<ButcherAnswer>) {
    if !ctx.editable() {
        return;
    }
    let last = ButcherPoint::ALL.len() - 1;
    let at = v.butcher.min(last);
    let point = ButcherPoint::ALL[at];
    if let Some(p) = ctx.session_mut().and_then(current_mut) {
        match answer {
            Some(a) => p.butcher.insert(point, a),
            None => p.butcher.remove(&point),
        };
    }
    // On to the next point, so five answers are five key presses.
    if answer.is_some() {
        v.butcher = (at + 1).min(last);
    }
    ctx.changed();
}

/// The mouse wheel on the discussion scrolls its text, as on every other
/// stage, while ↑↓ walk the butcher test. False when not discussing.
pub fn wheel(reading: &mut Reading, stage: Stage, up: bool) -> bool {
    let discussing = stage == Stage::Discuss;
    if discussing {
        let action = if up { Action::Up } else { Action::Down };
        super::scroll(reading, action);
    }
    discussing
}

/// The check in three rows for a low window: the heading, the point
/// under the cursor with its number, and the verdict or the keys.
fn compact_lines(c: &CardLook, width: u16, th: &Theme) -> Vec<Line<'static>> {
    let (progress, cursor, lang) = (c.progress, c.view.discuss.butcher, c.lang());
    let width = width as usize;
    let at = cursor.min(ButcherPoint::ALL.len() - 1);
    let point = ButcherPoint::ALL[at];
    let answer = progress.butcher.get(&point).copied();
    let shown = match answer {
        Some(_) => butcher::answer(answer, lang),
        None => "·",
    };
    let head = format!(
        "{}  {}",
        ButcherMsg::Heading.get(lang),
        ButcherMsg::Question.get(lang)
    );
    let row = format!(
        "› {}/{} {shown}  {}",
        at + 1,
        ButcherPoint::ALL.len(),
        butcher::point(point, lang)
    );
    let last = if fails(&progress.butcher) {
        Span::styled(
            ellipsize(
                &butcher::fails_text(failed_halves(&progress.butcher), lang),
                width,
            ),
            th.notice(),
        )
    } else {
        Span::styled(ellipsize(&legend(lang), width), th.muted())
    };
    vec![
        Line::from(Span::styled(ellipsize(&head, width), th.chosen())),
        Line::from(Span::styled(ellipsize(&row, width), th.focus())),
        Line::from(last),
    ]
}

/// Which key gives which answer.
fn legend(lang: Lang) -> String {
    fill(
        ButcherMsg::Legend.get(lang),
        &[
            ("yes", butcher::answer(Some(ButcherAnswer::Yes), lang)),
            ("partly", butcher::answer(Some(ButcherAnswer::Partly), lang)),
            ("no", butcher::answer(Some(ButcherAnswer::No), lang)),
        ],
    )
}

/// The check's rows: heading, question, the five points, the keys, and
/// the verdict once it fails.
fn check_lines(c: &CardLook, width: u16, th: &Theme) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let (progress, cursor, lang) = (c.progress, c.view.discuss.butcher, c.lang());
    let mut out = vec![Line::from(vec![
        Span::styled(ButcherMsg::Heading.get(lang).to_string(), th.chosen()),
        Span::styled(format!("  {}", ButcherMsg::Question.get(lang)), th.text()),
    ])];
    let cell = ButcherAnswer::ALL
        .iter()
        .map(|a| butcher::answer(Some(*a), lang).width())
        .max()
        .unwrap_or(0);
    for (i, point) in ButcherPoint::ALL.iter().enumerate() {
        let answer = progress.butcher.get(point).copied();
        let shown = match answer {
            Some(_) => butcher::answer(answer, lang).to_string(),
            None => "·".to_string(),
        };
        let pad = " ".repeat(cell.saturating_sub(shown.width()));
        let mark = if i == cursor { "›" } else { " " };
        let answer_style = match answer {
            Some(ButcherAnswer::No) => th.overtime(),
            Some(_) => th.chosen(),
            None => th.muted(),
        };
        let text_width = (width as usize).saturating_sub(cell + 4);
        let text = ellipsize(butcher::point(*point, lang), text_width);
        let row_style = if i == cursor { th.focus() } else { th.text() };
        out.push(Line::from(vec![
            Span::styled(format!("{mark} "), th.key()),
            Span::styled(format!("{shown}{pad}"), answer_style),
            Span::raw("  "),
            Span::styled(text, row_style),
        ]));
    }
    out.push(Line::from(Span::styled(legend(lang), th.muted())));
    let halves = failed_halves(&progress.butcher);
    if fails(&progress.butcher) {
        out.push(Line::from(Span::styled(
            butcher::fails_text(halves, lang),
            th.notice(),
        )));
    }
    out
}

/// `7:48 left of 10:00`, or `+2:13 over` once the timebox is used up.
/// The timebox in seconds; a session that says 0 minutes (edited by hand)
/// gets one, the same for the bar and the words.
pub fn box_seconds(minutes: u16) -> u32 {
    u32::from(minutes.max(1)) * 60
}

pub fn timer_text(spent: u32, minutes: u16, running: bool, lang: crate::domain::Lang) -> String {
    let box_secs = box_seconds(minutes);
    let main = if spent <= box_secs {
        fill(
            T::TimerLeft.get(lang),
            &[
                ("left", &minutes_seconds(box_secs - spent)),
                ("box", &minutes_seconds(box_secs)),
            ],
        )
    } else {
        fill(
            T::TimerOver.get(lang),
            &[("over", &minutes_seconds(spent - box_secs))],
        )
    };
    if running {
        main
    } else {
        format!("{main} · {}", T::TimerPaused.get(lang))
    }
}

pub fn render(c: &CardLook, f: &mut Frame, area: Rect) {
    let (th, lang) = (c.theme(), c.lang());
    let area = area.inner(Margin::new(1, 0));
    let [timer, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_timer(c, &th, f, timer);
    let notes = c.desk.notes && c.desk.size.0 < 110;
    let lines = prompt_lines(c, notes, &th);
    // The check keeps its place below the prompts, so the cursor is always
    // in sight; in a low window it shrinks to the point under the cursor.
    let full = Paragraph::new(check_lines(c, body.width, &th)).wrap(Wrap { trim: false });
    let full_rows = full.line_count(body.width) as u16;
    let (check, rows) = if body.height >= full_rows + 5 {
        (full, full_rows)
    } else {
        let compact = compact_lines(c, body.width, &th);
        (Paragraph::new(compact), 3)
    };
    let [body, _, check_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(rows),
    ])
    .areas(body);
    f.render_widget(check, check_area);
    crate::tui::widgets::render_scrolled(
        f,
        Paragraph::new(lines),
        body,
        c.view.reading.scroll,
        &c.view.reading.max_scroll,
        lang,
        &th,
    );
}

/// The time left in words, and a quiet bar of the timebox beside it.
fn render_timer(c: &CardLook, th: &Theme, f: &mut Frame, area: Rect) {
    let (lang, open, progress) = (c.lang(), &c.open, c.progress);
    let running = c.view.discuss.timer_since.is_some();
    let spent = progress.seconds_spent;
    let box_secs = box_seconds(open.session.minutes_per_card);
    let ratio = (f64::from(spent) / f64::from(box_secs)).min(1.0);
    let [label, gauge] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(20)]).areas(area);
    let over = spent > u32::from(open.session.minutes_per_card) * 60;
    let text = timer_text(spent, open.session.minutes_per_card, running, lang);
    let line = match text.split_once(" · ") {
        // Only the overtime itself is marked; "paused" stays plain.
        Some((time, rest)) if over => Line::from(vec![
            Span::styled(time.to_string(), th.overtime()),
            Span::styled(format!(" · {rest}"), th.heading()),
        ]),
        _ if over => Line::from(Span::styled(text, th.overtime())),
        _ => Line::from(Span::styled(text, th.heading())),
    };
    f.render_widget(Paragraph::new(line), label);
    // Once the bar is full it simply stays full.
    let filled = (f64::from(gauge.width) * ratio).round() as usize;
    let empty = (gauge.width as usize).saturating_sub(filled);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("█".repeat(filled), th.bar()),
            Span::styled("░".repeat(empty), th.muted()),
        ])),
        gauge,
    );
}

/// The scrolling text: a team's revealed spread, the prompts, and the
/// facilitator's notes when they have no panel of their own.
fn prompt_lines(c: &CardLook, notes: bool, th: &Theme) -> Vec<Line<'static>> {
    let (lang, open, progress, card) = (c.lang(), &c.open, c.progress, c.card);
    // A team's revealed votes first: the prompts ask the lowest and the
    // highest voters to explain.
    let mut lines = Vec::new();
    if !open.solo() {
        let spread = super::spread::lines(open.session, progress, lang, th);
        if !spread.is_empty() {
            lines.extend(spread);
            lines.push(Line::default());
        }
    }
    lines.push(Line::from(Span::styled(
        open.says(T::DiscussPrompts, T::DiscussPromptsSolo)
            .get(lang),
        th.heading(),
    )));
    for (i, p) in card.prompts.iter().enumerate() {
        lines.push(Line::from(Span::styled(
            format!("{}. {}", i + 1, p.get(lang)),
            th.text(),
        )));
    }
    if notes {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            Label::FacilitatorNotes.get(lang),
            th.heading(),
        )));
        lines.push(Line::from(Span::styled(
            card.facilitator_notes.get(lang).to_string(),
            th.muted(),
        )));
    }
    lines
}
