//! Home: start a team session or a self-assessment, resume a saved one,
//! browse the deck, switch language, quit.

use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::context::{Ctx, Hit, Look};
use crate::domain::{Lang, Mode};
use crate::i18n::{fill, tui::T};
use crate::store::{ListingState, SessionListing};
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, ellipsize, format_time, panel};

/// What the home screen reads besides the context: the saved sessions,
/// and the broken one whose backup `r` restores.
pub struct Saved<'a> {
    pub listings: &'a [SessionListing],
    /// Taken once asked for: the restore is offered again only if it fails.
    pub restorable: &'a mut Option<String>,
}

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
        Item::Team => new_session(Mode::Team, lang),
        Item::Solo => new_session(Mode::Solo, lang),
        Item::Resume => T::HomeResume.get(lang).into(),
        Item::Browse => T::HomeBrowse.get(lang).into(),
        Item::Language => T::HomeLanguage.get(lang).into(),
        Item::Quit => T::HomeQuit.get(lang).into(),
    }
}

/// "New team session", "Nieuwe zelfscan": the kind in its own words.
fn new_session(mode: Mode, lang: Lang) -> String {
    fill(
        T::HomeNew.get(lang),
        &[("kind", crate::i18n::labels::mode(mode).get(lang))],
    )
}

pub fn act(v: &mut HomeView, ctx: &mut Ctx, saved: Saved, action: Action) -> Vec<Effect> {
    let sessions = saved.listings.len();
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
        Action::Click(Target::SavedSession(i)) => {
            v.panel = Panel::Sessions;
            v.session = i;
            return open_selected(v, saved.listings);
        }
        Action::Click(Target::HomeMenu(i)) => {
            v.panel = Panel::Menu;
            v.menu = i.min(ITEMS.len() - 1);
            return choose(v, ctx, saved.listings);
        }
        Action::Select => {
            return match v.panel {
                Panel::Menu => choose(v, ctx, saved.listings),
                Panel::Sessions => open_selected(v, saved.listings),
            };
        }
        Action::RestoreBackup => {
            return match saved.restorable.take() {
                Some(id) => vec![Effect::RestoreBackup(id)],
                None => Vec::new(),
            };
        }
        Action::Quit | Action::Back => return vec![Effect::Go(Goto::Quit)],
        _ => {}
    }
    Vec::new()
}

fn choose(v: &mut HomeView, ctx: &mut Ctx, listings: &[SessionListing]) -> Vec<Effect> {
    let to = match ITEMS[v.menu] {
        Item::Team => Goto::Setup(Mode::Team),
        Item::Solo => Goto::Setup(Mode::Solo),
        Item::Resume => {
            if listings.is_empty() {
                ctx.say(T::NoSessionsYet.get(ctx.lang));
            } else {
                v.panel = Panel::Sessions;
            }
            return Vec::new();
        }
        Item::Browse => Goto::Browse,
        Item::Language => return vec![Effect::App(Action::Language)],
        Item::Quit => Goto::Quit,
    };
    vec![Effect::Go(to)]
}

fn open_selected(v: &HomeView, listings: &[SessionListing]) -> Vec<Effect> {
    // A broken session is opened too: opening says what is wrong and
    // whether a backup can be restored.
    listings
        .get(v.session)
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

/// The saved sessions to list, and the zone their times are shown in.
pub struct Listed<'a> {
    pub listings: &'a [SessionListing],
    /// False until the sessions folder has been read: the first frame
    /// comes before that, and an empty list then means nothing yet.
    pub read: bool,
    pub tz: &'a TimeZone,
}

pub fn render(
    look: &Look,
    v: &HomeView,
    listed: Listed,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let [intro_area, rest] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    intro(look, f, intro_area);
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
    menu(look, v, f, menu_area, hits);
    sessions(look, v, listed, f, list_area, hits);
}

/// The tagline and what the app is for.
fn intro(look: &Look, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let lines = vec![
        Line::from(Span::styled(T::AppTagline.get(lang), th.title())),
        Line::from(Span::styled(T::HomeIntro.get(lang), th.muted())),
    ];
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        area.inner(ratatui::layout::Margin::new(1, 0)),
    );
}

/// The menu: start a session, resume, browse, language, quit.
fn menu(look: &Look, v: &HomeView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang) = (&look.theme, look.lang);
    let block = panel(th, T::HomeStart.get(lang), v.panel == Panel::Menu);
    let inner = block.inner(area);
    f.render_widget(block, area);
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
                action: Action::Click(Target::HomeMenu(i)),
            });
        }
    }
}

/// The saved sessions, two rows each, scrolled to the selected one.
fn sessions(
    look: &Look,
    v: &HomeView,
    listed: Listed,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let (th, lang) = (&look.theme, look.lang);
    let block = panel(th, T::HomeSaved.get(lang), v.panel == Panel::Sessions);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if !listed.read {
        // A frame at most: blank rather than a word that flickers.
        return;
    }
    if listed.listings.is_empty() {
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
    let w = inner.width as usize;
    let items: Vec<ListItem> = listed
        .listings
        .iter()
        .skip(offset)
        .take(whole + 1)
        .map(|l| session_item(look, l, listed.tz, w))
        .collect();
    let mut state = ListState::default().with_selected(selected.map(|s| s - offset));
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    let offset = offset + state.offset();
    for (row, i) in (offset..listed.listings.len()).enumerate() {
        let y = inner.y + (row as u16) * 2;
        if y >= inner.bottom() {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, y, inner.width, 2.min(inner.bottom() - y)),
            action: Action::Click(Target::SavedSession(i)),
        });
    }
}

/// One saved session: its title, then its kind, progress and last change;
/// a file that does not read says so.
fn session_item(look: &Look, l: &SessionListing, tz: &TimeZone, w: usize) -> ListItem<'static> {
    let (th, lang) = (&look.theme, look.lang);
    match &l.state {
        ListingState::Ok {
            title,
            mode,
            decided,
            total,
            updated,
        } => {
            let kind = crate::i18n::labels::mode_short(*mode).get(lang);
            let progress = fill(
                T::DecidedOf.get(lang),
                &[("n", &decided.to_string()), ("total", &total.to_string())],
            );
            let when = format_time(*updated, tz);
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
    }
}
