//! Drawing: a pure function of the app state onto a frame. It returns the
//! clickable regions, which the next mouse click is matched against.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Hit, MIN_HEIGHT, MIN_WIDTH};
use super::keymap::{self, Binding, Context, Shows};
use super::screens::{self, Screen};
use super::theme::Theme;
use super::widgets::panel;
use crate::domain::Lang;
use crate::domain::text::ellipsize;
use crate::i18n::{fill, tui::T};

pub fn draw(f: &mut Frame, app: &App) -> Vec<Hit> {
    let hits = draw_screen(f, app);
    scrub(f.buffer_mut());
    hits
}

/// Session and deck text may come from anyone. ratatui leaves out control
/// characters, but not the bidirectional overrides and isolates, which
/// reorder what the terminal shows; so once the frame is drawn, every cell
/// is cleared of whatever a terminal would act on, whichever widget put it
/// there.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    use crate::domain::text::acts_on_terminal;
    for cell in &mut buf.content {
        if cell.symbol().chars().any(acts_on_terminal) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !acts_on_terminal(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn draw_screen(f: &mut Frame, app: &App) -> Vec<Hit> {
    let area = f.area();
    let mut hits = Vec::new();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, app, area);
        return hits;
    }
    let th = app.theme();
    let ctx = app.context();
    let footer_rows = footer_lines(&keymap::footer(ctx), app.lang, area.width, &th);
    // A long notice (a read-only banner, a failing save) wraps onto up to three lines.
    // Indented on both lines when it wraps, so it reads as one notice.
    let status = status_line(app, &th).map(|l| Paragraph::new(l).wrap(Wrap { trim: true }));
    let status_rows = status.as_ref().map_or(0, |p| {
        p.line_count(area.width.saturating_sub(2)).min(3) as u16
    });
    let [header, body, status_area, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(status_rows),
        Constraint::Length(footer_rows.len() as u16),
    ])
    .areas(area);
    draw_header(f, app, &th, header);
    draw_body(f, app, body, &mut hits);
    if let (Screen::Card, Some(room)) = (&app.screen, app.room.as_ref())
        && room.panel
    {
        super::room::panel::render(app, room, f, body);
        hits.clear();
    }
    if let Some(p) = status {
        f.render_widget(p, status_area.inner(ratatui::layout::Margin::new(1, 0)));
    }
    f.render_widget(Paragraph::new(footer_rows), footer);
    if app.help {
        help(f, app, &th, ctx, body);
        hits.clear();
    }
    hits
}

/// The screen itself, between the header and the status line.
fn draw_body(f: &mut Frame, app: &App, body: Rect, hits: &mut Vec<Hit>) {
    match &app.screen {
        Screen::Home(v) => {
            let listed = screens::home::Listed {
                listings: &app.listings,
                read: app.sessions_read,
                tz: app.tz(),
            };
            screens::home::render(&app.look(), v, listed, f, body, hits)
        }
        Screen::Browse(v) => screens::browse::render(&app.look(), v, f, body, hits),
        Screen::Setup(v) => screens::setup::render(&app.look(), v, f, body, hits),
        Screen::Principles(v) => screens::principles::render(&app.look(), v, f, body, hits),
        Screen::Card => {
            if let Some(open) = &app.open {
                screens::card::render(&app.look(), &open.view, app.desk(), f, body, hits)
            }
        }
        Screen::Overview(v) => screens::overview::render(&app.look(), v, f, body, hits),
        Screen::End(v) => {
            let record = screens::end::Record {
                file: app.open.as_ref().and_then(|o| o.file.as_deref()),
                changes: app.save.changes,
            };
            screens::end::render(&app.look(), v, record, f, body, hits)
        }
    }
}

fn screen_name(app: &App) -> &'static str {
    let lang = app.lang;
    match &app.screen {
        Screen::Home(_) => T::ScreenHome.get(lang),
        Screen::Browse(_) => T::ScreenBrowse.get(lang),
        Screen::Setup(_) => T::ScreenSetup.get(lang),
        Screen::Principles(_) => T::ScreenPrinciples.get(lang),
        Screen::Card => T::ScreenCard.get(lang),
        Screen::Overview(_) => T::ScreenOverview.get(lang),
        Screen::End(_) => T::ScreenEnd.get(lang),
    }
}

fn draw_header(f: &mut Frame, app: &App, th: &Theme, area: Rect) {
    let lang = app.lang;
    let save = match (&app.open, &app.save) {
        (Some(o), _) if o.read_only.is_some() => T::ReadOnlyShort.get(lang),
        (Some(_), s) if s.failing.is_some() => "",
        (Some(_), s) if s.dirty_since.is_some() => T::Saving.get(lang),
        (Some(_), _) => T::Saved.get(lang),
        (None, _) => "",
    };
    let lang_tag = match lang {
        Lang::En => "EN",
        Lang::Nl => "NL",
    };
    // The join code and count stay in view all session, for late joiners.
    let room = super::room::header_text(app)
        .map(|r| format!("{r}  "))
        .unwrap_or_default();
    let right = format!("{room}{save}  {lang_tag} ");
    let rw = right.width() as u16;
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(rw)]).areas(area);
    // The save state and language always show; the session title gives way
    // first, then the screen name, each shortened with an ellipsis.
    const APP: &str = " datakompas ";
    let mut room = (l.width as usize).saturating_sub(APP.width() + 1);
    let screen = ellipsize(&format!(" {}", screen_name(app)), room);
    room = room.saturating_sub(screen.width());
    let mut left = vec![
        Span::styled(APP, th.focus()),
        Span::styled(screen, th.heading()),
    ];
    if let Some(open) = &app.open
        && !matches!(app.screen, Screen::Home(_))
        && room > 4
    {
        left.push(Span::styled(
            ellipsize(&format!(" · {}", open.session.title), room),
            th.muted(),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(left)), l);
    f.render_widget(Paragraph::new(Span::styled(right, th.muted())), r);
}

/// A failing save, a read-only session, or a one-off notice.
fn status_line(app: &App, th: &Theme) -> Option<Line<'static>> {
    let lang = app.lang;
    // The warning about leaving unsaved names the failure itself.
    if app.leave_armed
        && let Some(n) = &app.notice
    {
        return Some(Line::from(Span::styled(format!(" {n}"), th.notice())));
    }
    if let Some(reason) = &app.save.failing {
        return Some(Line::from(Span::styled(
            fill(T::NotSaved.get(lang), &[("reason", reason)]),
            th.notice(),
        )));
    }
    if let Some(n) = &app.notice {
        return Some(Line::from(Span::styled(n.clone(), th.notice())));
    }
    if let Some(open) = &app.open
        && let Some(why) = &open.read_only
        && !matches!(app.screen, Screen::Home(_))
    {
        let text = if why.is_empty() {
            T::ReadOnlyBanner.get(lang).to_string()
        } else {
            why.clone()
        };
        return Some(Line::from(Span::styled(text, th.notice())));
    }
    None
}

/// The footer: `key label` pairs, wrapped onto a second line when needed.
fn footer_lines(rows: &[Binding], lang: Lang, width: u16, th: &Theme) -> Vec<Line<'static>> {
    // Keys are laid out in order over at most two lines; one that does not
    // fit is left for the help screen, but `?` itself is always shown.
    let item = |b: &Binding| {
        let key = b.key_text(lang).into_owned();
        let label = format!(" {}  ", b.label.get(lang));
        let w = key.width() + label.width();
        (key, label, w)
    };
    let is_help = |b: &Binding| b.action == keymap::Action::Help && b.shows != Shows::FooterOnly;
    let help_w = rows.iter().find(|b| is_help(b)).map_or(0, |b| item(b).2);
    let width = width as usize;
    let mut lines: Vec<(Vec<Span>, usize)> = vec![(vec![Span::raw(" ")], 1)];
    for b in rows {
        let (key, label, w) = item(b);
        let last = lines.len() == 2;
        let (_, used) = lines.last().expect("always one line");
        // On the last line, room stays for `?`.
        let reserve = if last && !is_help(b) { help_w } else { 0 };
        if used + w + reserve > width {
            if last {
                continue;
            }
            lines.push((vec![Span::raw(" ")], 1));
            let (_, used) = lines.last().expect("just pushed");
            if used + w > width {
                continue;
            }
        }
        let (spans, used) = lines.last_mut().expect("always one line");
        spans.push(Span::styled(key, th.key()));
        spans.push(Span::styled(label, th.muted()));
        *used += w;
    }
    lines.into_iter().map(|(s, _)| Line::from(s)).collect()
}

fn help(f: &mut Frame, app: &App, th: &Theme, ctx: Context, area: Rect) {
    let lang = app.lang;
    let rows = keymap::help(ctx);
    let popup = area.centered(Constraint::Max(64), Constraint::Max(rows.len() as u16 + 4));
    f.render_widget(Clear, popup);
    let kw = rows
        .iter()
        .map(|b| b.key_text(lang).width())
        .max()
        .unwrap_or(4)
        + 2;
    let lines: Vec<Line> = rows
        .iter()
        .map(|b| {
            let key = b.key_text(lang);
            Line::from(vec![
                Span::styled(format!(" {key:<kw$}"), th.key()),
                Span::raw(b.label.get(lang).to_string()),
            ])
        })
        .collect();
    let block = panel(th, T::HelpTitle.get(lang), true);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    // The keys scroll; how to scroll and close stays in the last row.
    let [list, gap, hint] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    // Not trimmed: the keys keep their indent.
    let p = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = (p.line_count(list.width) as u16).saturating_sub(list.height);
    app.help_max.set(max);
    f.render_widget(p.scroll((app.help_scroll.min(max), 0)), list);
    // On the empty row below the keys, never over one.
    super::widgets::show_more(f, gap, app.help_scroll, max, lang, th);
    let close = if max > 0 {
        T::HelpCloseScroll
    } else {
        T::HelpClose
    };
    f.render_widget(
        Paragraph::new(Span::styled(format!(" {}", close.get(lang)), th.muted())),
        hint,
    );
}

fn too_small(f: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let text = fill(
        T::TooSmall.get(lang),
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
            ("minw", &MIN_WIDTH.to_string()),
            ("minh", &MIN_HEIGHT.to_string()),
        ],
    );
    let lines = vec![
        Line::from(Span::styled(text, app.theme().title())),
        Line::default(),
        Line::from(Span::styled(T::TooSmallHint.get(lang), app.theme().muted())),
    ];
    let h = 5.min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).centered(),
        Rect::new(area.x, y, area.width, h),
    );
}
