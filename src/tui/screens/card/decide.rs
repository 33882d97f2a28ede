//! Decide: the option (radio), the safeguard checklist, upholds / tension /
//! violates for each of the team's principles, and a wrapped rationale.
//! Tab moves between the four parts; everything stays editable.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{OpenSession, Part, current, current_mut};
use crate::domain::{Card, CardProgress, ChosenPrinciple, PrincipleCheck};
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{clean_paste, ellipsize, field_text, panel};

/// Rows of each part answer clicks as `Row(part * PART_ROWS + i)`.
const PART_ROWS: usize = 100;
/// A click that only moves focus to a part.
const FOCUS_ONLY: usize = 99;

const PARTS: [Part; 4] = [
    Part::Options,
    Part::Safeguards,
    Part::Principles,
    Part::Rationale,
];

pub fn principle_name(app: &App, p: &ChosenPrinciple) -> String {
    match p {
        ChosenPrinciple::Library { id } => app
            .assets
            .library
            .get(id)
            .map_or(id.clone(), |d| d.name.get(app.lang).to_string()),
        ChosenPrinciple::Custom { name, .. } => name.clone(),
    }
}

fn counts(open: &OpenSession) -> [usize; 3] {
    match current(open) {
        Some((_, card)) => [
            card.options.len(),
            card.safeguards.len(),
            open.session.principles.len(),
        ],
        None => [0; 3],
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let n = counts(open);
    let v = &mut open.view;
    let idx = PARTS.iter().position(|p| *p == v.part).unwrap_or(0);
    match action {
        Action::FocusNext => v.part = PARTS[(idx + 1) % 4],
        Action::FocusPrev => v.part = PARTS[(idx + 3) % 4],
        Action::Back => v.part = Part::Options,
        Action::Up | Action::Down => {
            let (cursor, len) = match v.part {
                Part::Options => (&mut v.option, n[0]),
                Part::Safeguards => (&mut v.safeguard, n[1]),
                Part::Principles => (&mut v.principle, n[2]),
                Part::Rationale => return Vec::new(),
            };
            *cursor = if action == Action::Up {
                cursor.saturating_sub(1)
            } else {
                (*cursor + 1).min(len.saturating_sub(1))
            };
        }
        Action::Row(r) => {
            let (part, i) = (r / PART_ROWS, r % PART_ROWS);
            v.part = PARTS[part.min(3)];
            if i == FOCUS_ONLY {
                return Vec::new();
            }
            match v.part {
                Part::Options => v.option = i,
                Part::Safeguards => v.safeguard = i,
                Part::Principles => v.principle = i,
                Part::Rationale => return Vec::new(),
            }
            return choose(app, now);
        }
        Action::Toggle | Action::Select => return choose(app, now),
        _ => {}
    }
    Vec::new()
}

/// Space on the focused row: pick the option, tick the safeguard, or step
/// the principle through upholds → tension → violates → not judged.
fn choose(app: &mut App, now: Timestamp) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let Some((_, card)) = current(open) else {
        return Vec::new();
    };
    let option = card.options.get(open.view.option).map(|o| o.id.clone());
    let safeguard = card.safeguards.get(open.view.safeguard).cloned();
    let principle = open
        .session
        .principles
        .get(open.view.principle)
        .map(|p| p.id().to_string());
    let order: Vec<String> = app
        .assets
        .framework
        .safeguards
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let part = open.view.part;
    if part == Part::Rationale {
        return Vec::new();
    }
    let Some(p) = current_mut(open) else {
        return Vec::new();
    };
    let d = &mut p.decision;
    match part {
        Part::Options => d.option = option,
        Part::Safeguards => {
            if let Some(id) = safeguard {
                if let Some(i) = d.safeguards.iter().position(|s| *s == id) {
                    d.safeguards.remove(i);
                } else {
                    d.safeguards.push(id);
                    // Kept in framework order, as the session format says.
                    d.safeguards
                        .sort_by_key(|s| order.iter().position(|o| o == s).unwrap_or(usize::MAX));
                }
            }
        }
        Part::Principles => {
            if let Some(id) = principle {
                let next = match d.principles.get(&id) {
                    None => Some(PrincipleCheck::Upholds),
                    Some(PrincipleCheck::Upholds) => Some(PrincipleCheck::Tension),
                    Some(PrincipleCheck::Tension) => Some(PrincipleCheck::Violates),
                    Some(PrincipleCheck::Violates) => None,
                };
                match next {
                    Some(c) => d.principles.insert(id, c),
                    None => d.principles.remove(&id),
                };
            }
        }
        Part::Rationale => {}
    }
    app.changed(now);
    Vec::new()
}

/// Typing in the rationale; the session gets the text on every change.
pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    if open.view.rationale.input(ev) {
        sync(app, now);
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    if open.view.rationale.insert_str(clean_paste(text, true)) {
        sync(app, now);
    }
    Vec::new()
}

fn sync(app: &mut App, now: Timestamp) {
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let text = field_text(&open.view.rationale);
    if let Some(p) = current_mut(open) {
        p.decision.rationale = text;
    }
    app.changed(now);
}

/// Each part drawn alone, so the layout can place them as room allows.
struct Ctx<'a> {
    app: &'a App,
    open: &'a OpenSession,
    card: &'a Card,
    d: &'a crate::domain::Decision,
    th: Theme,
}

pub fn render(
    app: &App,
    open: &OpenSession,
    progress: &CardProgress,
    card: &Card,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let cx = Ctx {
        app,
        open,
        card,
        d: &progress.decision,
        th: app.theme(),
    };
    if area.width >= 80 && area.height >= 28 {
        // Room for all four parts at once: the options across the top, the
        // two checklists side by side, the rationale underneath.
        let opt_h = card.options.len() as u16 + 5;
        let list_h = (card.safeguards.len().max(open.session.principles.len()) as u16 + 2).min(9);
        let [opts, lists, rat] = Layout::vertical([
            Constraint::Length(opt_h),
            Constraint::Length(list_h),
            Constraint::Min(4),
        ])
        .areas(area);
        let [safe, pr] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lists);
        for (part, a) in [
            (Part::Options, opts),
            (Part::Safeguards, safe),
            (Part::Principles, pr),
            (Part::Rationale, rat),
        ] {
            render_part(&cx, part, f, a, hits);
        }
    } else {
        // One part at a time, with a strip that summarises all four.
        let [strip, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        render_strip(&cx, f, strip, hits);
        render_part(&cx, open.view.part, f, rest, hits);
    }
}

fn render_strip(cx: &Ctx, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let lang = cx.app.lang;
    let d = cx.d;
    let judged = d.principles.len();
    let labels = [
        format!(
            "{} {}",
            T::PartOption.get(lang),
            if d.option.is_some() { "✓" } else { "·" }
        ),
        format!("{} {}", T::Safeguards.get(lang), d.safeguards.len()),
        format!(
            "{} {judged}/{}",
            T::PartPrinciples.get(lang),
            cx.open.session.principles.len()
        ),
        format!(
            "{} {}",
            T::PartWhy.get(lang),
            if d.rationale.trim().is_empty() {
                "·"
            } else {
                "✓"
            }
        ),
    ];
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for (i, label) in labels.iter().enumerate() {
        let text = format!(" {label} ");
        let w = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
        let style = if PARTS[i] == cx.open.view.part {
            cx.th.focus()
        } else {
            cx.th.muted()
        };
        hits.push(Hit {
            area: Rect::new(x, area.y, w, 1),
            action: Action::Row(i * PART_ROWS + FOCUS_ONLY),
        });
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
        x += w + 1;
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_part(cx: &Ctx, part: Part, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let app = cx.app;
    let th = &cx.th;
    let lang = app.lang;
    let v = &cx.open.view;
    let d = cx.d;
    let card = cx.card;
    let focused = v.part == part;
    match part {
        Part::Options => {
            let block = panel(th, T::Options.get(lang), focused);
            let inner = block.inner(area);
            f.render_widget(block, area);
            let w = inner.width as usize;
            let mut lines = Vec::new();
            for (i, o) in card.options.iter().enumerate() {
                let on = d.option.as_deref() == Some(o.id.as_str());
                let mark = if on { "(•)" } else { "( )" };
                let text = ellipsize(&format!("{mark} {}", o.label.get(lang)), w);
                lines.push(Line::from(Span::styled(
                    text,
                    row_style(th, focused && v.option == i, on),
                )));
                push_hit(hits, inner, i, 0, i);
            }
            if let Some(o) = card.options.get(v.option) {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    o.description.get(lang).to_string(),
                    th.muted(),
                )));
            }
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        }
        Part::Safeguards => {
            let block = panel(th, T::Safeguards.get(lang), focused);
            let inner = block.inner(area);
            f.render_widget(block, area);
            let w = inner.width as usize;
            let first = scroll_start(v.safeguard, inner.height);
            let lines: Vec<Line> = card
                .safeguards
                .iter()
                .enumerate()
                .skip(first)
                .map(|(i, id)| {
                    let on = d.safeguards.contains(id);
                    let label = app
                        .assets
                        .framework
                        .safeguard(id)
                        .map_or(id.as_str(), |s| s.label.get(lang));
                    push_hit(hits, inner, i - first, 1, i);
                    let text = ellipsize(&format!("{} {label}", if on { "[x]" } else { "[ ]" }), w);
                    Line::from(Span::styled(
                        text,
                        row_style(th, focused && v.safeguard == i, on),
                    ))
                })
                .collect();
            f.render_widget(Paragraph::new(lines), inner);
        }
        Part::Principles => {
            let block = panel(th, T::PrinciplesHeading.get(lang), focused);
            let inner = block.inner(area);
            f.render_widget(block, area);
            let first = scroll_start(v.principle, inner.height);
            let rw = inner.width as usize;
            let mut lines: Vec<Line> = cx
                .open
                .session
                .principles
                .iter()
                .enumerate()
                .skip(first)
                .map(|(i, p)| {
                    let check = d.principles.get(p.id()).copied();
                    let mark = match check {
                        Some(PrincipleCheck::Upholds) => format!("✓ {}", T::CheckUpholds.get(lang)),
                        Some(PrincipleCheck::Tension) => format!("~ {}", T::CheckTension.get(lang)),
                        Some(PrincipleCheck::Violates) => {
                            format!("✗ {}", T::CheckViolates.get(lang))
                        }
                        None => format!("· {}", T::CheckNone.get(lang)),
                    };
                    push_hit(hits, inner, i - first, 2, i);
                    let mw = unicode_width::UnicodeWidthStr::width(mark.as_str());
                    let name = ellipsize(&principle_name(app, p), rw.saturating_sub(mw + 1));
                    let pad = rw
                        .saturating_sub(mw + unicode_width::UnicodeWidthStr::width(name.as_str()));
                    let style = row_style(th, focused && v.principle == i, check.is_some());
                    Line::from(Span::styled(
                        format!("{name}{}{mark}", " ".repeat(pad)),
                        style,
                    ))
                })
                .collect();
            if cx.open.session.principles.is_empty() {
                lines.push(Line::from(Span::styled(
                    T::NoPrinciples.get(lang),
                    th.muted(),
                )));
            } else if focused && (inner.height as usize) > lines.len() + 1 {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    T::PrinciplesCycleHint.get(lang),
                    th.muted(),
                )));
            }
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        }
        Part::Rationale => {
            let mut ta = v.rationale.clone();
            ta.set_block(panel(th, T::Rationale.get(lang), focused));
            ta.set_cursor_style(if focused {
                th.focus()
            } else {
                ratatui::style::Style::new()
            });
            f.render_widget(&ta, area);
            hits.push(Hit {
                area,
                action: Action::Row(3 * PART_ROWS + FOCUS_ONLY),
            });
        }
    }
}

fn push_hit(hits: &mut Vec<Hit>, inner: Rect, row: usize, part: usize, i: usize) {
    if (row as u16) < inner.height {
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Row(part * PART_ROWS + i),
        });
    }
}

fn scroll_start(cursor: usize, height: u16) -> usize {
    cursor.saturating_sub(height.saturating_sub(1) as usize)
}

fn row_style(th: &Theme, focused: bool, chosen: bool) -> ratatui::style::Style {
    match (focused, chosen) {
        (true, _) => th.focus(),
        (false, true) => th.chosen(),
        (false, false) => th.text(),
    }
}
