//! Browse the deck: read any card without a session.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::Screen;
use super::card::story;
use crate::i18n::tui::T;
use crate::tui::app::{App, Effect, Hit};
use crate::tui::keymap::Action;
use crate::tui::widgets::{panel, scroll_by};

#[derive(Debug, Clone, Default)]
pub struct BrowseView {
    pub card: usize,
    pub scroll: u16,
    pub max_scroll: std::cell::Cell<u16>,
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.assets.deck.cards.len();
    let Screen::Browse(v) = &mut app.screen else {
        return Vec::new();
    };
    match action {
        Action::Up => {
            v.card = v.card.saturating_sub(1);
            v.scroll = 0;
        }
        Action::Down => {
            v.card = (v.card + 1).min(n.saturating_sub(1));
            v.scroll = 0;
        }
        Action::Row(i) => {
            v.card = i.min(n.saturating_sub(1));
            v.scroll = 0;
        }
        Action::PageDown | Action::PageUp | Action::Top | Action::Bottom => {
            v.scroll = scroll_by(v.scroll, action, v.max_scroll.get())
        }
        Action::Back | Action::Quit => app.screen = Screen::Home(Default::default()),
        _ => {}
    }
    Vec::new()
}

pub fn render(app: &App, v: &BrowseView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = app.theme();
    let lang = app.lang;
    let deck = &app.assets.deck;
    let list_w = if area.width >= 100 { 36 } else { 30 };
    let [list_area, text_area] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);
    let block = panel(&th, deck.title.get(lang), true);
    let inner = block.inner(list_area);
    f.render_widget(block, list_area);
    let w = inner.width as usize;
    let items: Vec<ListItem> = deck
        .cards
        .iter()
        .map(|c| {
            ListItem::new(crate::tui::widgets::ellipsize(
                &format!(" {}", c.title.get(lang)),
                w,
            ))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(v.card));
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for (row, i) in (state.offset()..deck.cards.len()).enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Row(i),
        });
    }
    let Some(card) = deck.cards.get(v.card) else {
        f.render_widget(Paragraph::new(T::DeckEmpty.get(lang)), text_area);
        return;
    };
    let mut lines = story::lines(card, lang, &th, true);
    lines.push(ratatui::text::Line::default());
    story::heading(&mut lines, T::DiscussPrompts.get(lang), &th);
    for (i, p) in card.prompts.iter().enumerate() {
        lines.push(ratatui::text::Line::from(format!(
            "{}. {}",
            i + 1,
            p.get(lang)
        )));
    }
    let heading = format!(
        "{} · {}",
        card.title.get(lang),
        super::card::kind_label(card.kind, lang)
    );
    let heading =
        crate::tui::widgets::ellipsize(&heading, text_area.width.saturating_sub(6) as usize);
    let block = panel(&th, &heading, false);
    let inner = block
        .inner(text_area)
        .inner(ratatui::layout::Margin::new(1, 0));
    f.render_widget(block, text_area);
    let p = Paragraph::new(lines);
    crate::tui::widgets::render_scrolled(f, p, inner, v.scroll, &v.max_scroll, lang, &th);
}
