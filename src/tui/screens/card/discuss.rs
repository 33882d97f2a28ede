//! Discuss: the card's prompts plus the butcher test, and a calm countdown
//! against the timebox that can be paused.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{OpenSession, toggle_timer};
use crate::domain::{Card, CardProgress};
use crate::i18n::{fill, tui::T};
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Action;
use crate::tui::widgets::clock;

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    match action {
        Action::Timer => {
            if app.editable()
                && let Some(open) = app.open.as_mut()
            {
                toggle_timer(open, now);
            }
            Vec::new()
        }
        other => super::scroll(app, other),
    }
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
                ("left", &clock(box_secs - spent)),
                ("box", &clock(box_secs)),
            ],
        )
    } else {
        fill(
            T::TimerOver.get(lang),
            &[("over", &clock(spent - box_secs))],
        )
    };
    if running {
        main
    } else {
        format!("{main} · {}", T::TimerPaused.get(lang))
    }
}

pub fn render(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    card: &Card,
    f: &mut Frame,
    area: Rect,
) {
    let th = app.theme();
    let lang = app.lang;
    let area = area.inner(Margin::new(1, 0));
    let [timer, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let running = open.view.timer_since.is_some();
    let spent = progress.seconds_spent;
    let box_secs = box_seconds(open.session.minutes_per_card);
    let ratio = (f64::from(spent) / f64::from(box_secs)).min(1.0);
    let [label, gauge] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(20)]).areas(timer);
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
    // A quiet bar of the timebox; once it is full it simply stays full.
    let filled = (f64::from(gauge.width) * ratio).round() as usize;
    let empty = (gauge.width as usize).saturating_sub(filled);
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("█".repeat(filled), th.bar()),
            Span::styled("░".repeat(empty), th.muted()),
        ])),
        gauge,
    );

    let mut lines = vec![Line::from(Span::styled(
        open.says(T::DiscussPrompts, T::DiscussPromptsSolo)
            .get(lang),
        th.heading(),
    ))];
    for (i, p) in card.prompts.iter().enumerate() {
        lines.push(Line::from(Span::styled(
            format!("{}. {}", i + 1, p.get(lang)),
            th.text(),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        T::ButcherTest.get(lang),
        th.chosen(),
    )));
    lines.push(Line::from(Span::styled(
        T::ButcherQuestion.get(lang),
        th.text(),
    )));
    if app.notes_visible() && app.size.0 < 110 {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            T::FacilitatorNotes.get(lang),
            th.heading(),
        )));
        lines.push(Line::from(Span::styled(
            card.facilitator_notes.get(lang).to_string(),
            th.muted(),
        )));
    }
    f.render_widget(
        crate::tui::widgets::scrolled(
            Paragraph::new(lines),
            body,
            open.view.scroll,
            &open.view.max_scroll,
        ),
        body,
    );
    let max = open.view.max_scroll.get();
    crate::tui::widgets::show_more(f, body, open.view.scroll, max, lang, &th);
}
