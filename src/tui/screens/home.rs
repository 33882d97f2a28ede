//! Home: start a team session or a self-assessment, resume a saved one,
//! browse the deck, switch language, quit.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::Screen;
use crate::domain::{Lang, Mode};
use crate::i18n::{fill, tui::T};
use crate::store::ListingState;
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::{ellipsize, format_time, panel};

/// Clicks on saved sessions are rows from here on, so they never collide
/// with the menu's rows.
const SESSION_ROW: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Menu,
    Sessions,
}

#[derive(Debug, Clone, Default)]
pub struct HomeView {
    pub panel: Panel,
    pub menu: usize,
    pub session: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Team,
    Solo,
    Resume,
    Browse,
    Language,
    Quit,
}

const ITEMS: [Item; 6] = [
    Item::Team,
    Item::Solo,
    Item::Resume,
    Item::Browse,
    Item::Language,
    Item::Quit,
];

fn label(item: Item, lang: Lang) -> String {
    match item {
        Item::Team => T::HomeTeam.get(lang).into(),
        Item::Solo => T::HomeSolo.get(lang).into(),
        Item::Resume => T::HomeResume.get(lang).into(),
        Item::Browse => T::HomeBrowse.get(lang).into(),
        Item::Language => T::HomeLanguage.get(lang).into(),
        Item::Quit => T::HomeQuit.get(lang).into(),
    }
}

fn view(app: &mut App) -> &mut HomeView {
    match &mut app.screen {
        Screen::Home(v) => v,
        _ => unreachable!("home actions only reach the home screen"),
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let sessions = app.listings.len();
    let v = view(app);
    match action {
        Action::Up => match v.panel {
            Panel::Menu => v.menu = v.menu.saturating_sub(1),
            Panel::Sessions => v.session = v.session.saturating_sub(1),
        },
        Action::Down => match v.panel {
            Panel::Menu => v.menu = (v.menu + 1).min(ITEMS.len() - 1),
            Panel::Sessions => v.session = (v.session + 1).min(sessions.saturating_sub(1)),
        },
        Action::FocusNext | Action::FocusPrev if sessions > 0 => {
            v.panel = match v.panel {
                Panel::Menu => Panel::Sessions,
                Panel::Sessions => Panel::Menu,
            }
        }
        Action::Row(i) if i >= SESSION_ROW => {
            v.panel = Panel::Sessions;
            v.session = i - SESSION_ROW;
            return open_selected(app);
        }
        Action::Row(i) => {
            v.panel = Panel::Menu;
            v.menu = i.min(ITEMS.len() - 1);
            return choose(app, now);
        }
        Action::Select => {
            return match v.panel {
                Panel::Menu => choose(app, now),
                Panel::Sessions => open_selected(app),
            };
        }
        Action::RestoreBackup => {
            return match app.restorable.take() {
                Some(id) => vec![Effect::RestoreBackup(id)],
                None => Vec::new(),
            };
        }
        Action::Quit | Action::Back => return app.quit(),
        _ => {}
    }
    Vec::new()
}

fn choose(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let item = ITEMS[view(app).menu];
    match item {
        Item::Team => {
            app.screen = Screen::Setup(Box::new(super::setup::SetupView::new(app, Mode::Team)))
        }
        Item::Solo => {
            app.screen = Screen::Setup(Box::new(super::setup::SetupView::new(app, Mode::Solo)))
        }
        Item::Resume => {
            if app.listings.is_empty() {
                app.notice = Some(T::NoSessionsYet.get(app.lang).into());
            } else {
                view(app).panel = Panel::Sessions;
            }
        }
        Item::Browse => app.screen = Screen::Browse(Default::default()),
        Item::Language => return app.act(Action::Language, now),
        Item::Quit => return app.quit(),
    }
    Vec::new()
}

fn open_selected(app: &mut App) -> Vec<Effect> {
    let i = view(app).session;
    // A broken session is opened too: opening says what is wrong and
    // whether a backup can be restored.
    app.listings
        .get(i)
        .map(|l| {
            // A file whose name is no valid id (put there by hand) is opened
            // by its path, so what is wrong with it is told rather than
            // "there is no session".
            let key = match &l.path {
                Some(p) if !crate::store::is_valid_id(&l.id) => p.display().to_string(),
                _ => l.id.clone(),
            };
            vec![Effect::Open {
                key,
                read_only: false,
            }]
        })
        .unwrap_or_default()
}

pub fn render(app: &App, v: &HomeView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let [intro, rest] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let lines = vec![
        Line::from(Span::styled(T::AppTagline.get(lang), th.title())),
        Line::from(Span::styled(T::HomeIntro.get(lang), th.muted())),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        intro.inner(ratatui::layout::Margin::new(1, 0)),
    );

    let wide = rest.width >= 72;
    let [menu_area, list_area] = if wide {
        Layout::horizontal([Constraint::Length(28), Constraint::Fill(1)]).areas(rest)
    } else {
        Layout::vertical([
            Constraint::Length(ITEMS.len() as u16 + 2),
            Constraint::Fill(1),
        ])
        .areas(rest)
    };

    let menu_block = panel(&th, T::HomeStart.get(lang), v.panel == Panel::Menu);
    let inner = menu_block.inner(menu_area);
    f.render_widget(menu_block, menu_area);
    let items: Vec<ListItem> = ITEMS
        .iter()
        .map(|i| ListItem::new(format!(" {}", label(*i, lang))))
        .collect();
    let mut state = ListState::default().with_selected((v.panel == Panel::Menu).then_some(v.menu));
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for i in 0..ITEMS.len() {
        let row = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
        if row.y < inner.bottom() {
            hits.push(Hit {
                area: row,
                action: Action::Row(i),
            });
        }
    }
    render_sessions(app, v, &th, f, list_area, hits);
}

fn render_sessions(
    app: &App,
    v: &HomeView,
    th: &Theme,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let lang = app.lang;
    let block = panel(th, T::HomeSaved.get(lang), v.panel == Panel::Sessions);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if app.listings.is_empty() {
        f.render_widget(
            Paragraph::new(T::NoSessionsYet.get(lang))
                .style(th.muted())
                .wrap(Wrap { trim: true }),
            inner.inner(ratatui::layout::Margin::new(1, 0)),
        );
        return;
    }
    // Rows are built only for the sessions that fit: the list scrolls so
    // the selected one is the last visible, as a fresh `List` would.
    let selected = (v.panel == Panel::Sessions).then_some(v.session);
    let whole = (inner.height as usize / 2).max(1);
    let offset = selected.map_or(0, |s| (s + 1).saturating_sub(whole));
    let fits = whole + 1;
    let items: Vec<ListItem> = app
        .listings
        .iter()
        .skip(offset)
        .take(fits)
        .map(|l| match &l.state {
            ListingState::Ok {
                title,
                mode,
                decided,
                total,
                updated,
            } => {
                let kind = match mode {
                    Mode::Team => T::ModeTeam.get(lang),
                    Mode::Solo => crate::i18n::labels::Label::SelfAssessment.get(lang),
                };
                let progress = fill(
                    T::DecidedOf.get(lang),
                    &[("n", &decided.to_string()), ("total", &total.to_string())],
                );
                let when = format_time(*updated, app.tz());
                let w = inner.width as usize;
                ListItem::new(vec![
                    Line::from(ellipsize(&format!(" {title}"), w)),
                    Line::from(Span::styled(
                        ellipsize(&format!("  {kind} · {progress} · {when}"), w),
                        th.muted(),
                    )),
                ])
            }
            ListingState::Corrupt { .. } => ListItem::new(vec![
                Line::from(format!(" {}", l.id)),
                Line::from(Span::styled(
                    format!("   {}", T::Unreadable.get(lang)),
                    th.notice(),
                )),
            ]),
        })
        .collect();
    let mut state = ListState::default().with_selected(selected.map(|s| s - offset));
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    let offset = offset + state.offset();
    for (row, i) in (offset..app.listings.len()).enumerate() {
        let y = inner.y + (row as u16) * 2;
        if y >= inner.bottom() {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, y, inner.width, 2.min(inner.bottom() - y)),
            action: Action::Row(SESSION_ROW + i),
        });
    }
}
