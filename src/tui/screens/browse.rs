//! Browse the deck: read any card without a session. The deck's cards on
//! the left, the chosen card's story and questions on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::context::{Ctx, Hit, Look};
use crate::domain::Card;
use crate::i18n::tui::T;
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::card_text;
use crate::tui::widgets::{Target, ellipsize, panel, render_scrolled, scroll_by};

#[derive(Debug, Clone, Default)]
pub struct BrowseView {
    pub card: usize,
    pub scroll: u16,
    pub max_scroll: std::cell::Cell<u16>,
}

pub fn act(v: &mut BrowseView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    let n = ctx.content.deck.cards.len();
    match action {
        Action::Up => {
            v.card = v.card.saturating_sub(1);
            v.scroll = 0;
        }
        Action::Down => {
            v.card = (v.card + 1).min(n.saturating_sub(1));
            v.scroll = 0;
        }
        Action::Click(Target::DeckCard(i)) => {
            v.card = i.min(n.saturating_sub(1));
            v.scroll = 0;
        }
        Action::PageDown | Action::PageUp | Action::Top | Action::Bottom => {
            v.scroll = scroll_by(v.scroll, action, v.max_scroll.get())
        }
        Action::Back | Action::Quit => return vec![Effect::Go(Goto::Home)],
        _ => {}
    }
    Vec::new()
}

pub fn render(look: &Look, v: &BrowseView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let list_w = if area.width >= 100 { 36 } else { 30 };
    let [list_area, text_area] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(area);
    cards(look, v, f, list_area, hits);
    match look.content.deck.cards.get(v.card) {
        Some(card) => card_text(look, v, card, f, text_area),
        None => f.render_widget(Paragraph::new(T::DeckEmpty.get(look.lang)), text_area),
    }
}

/// The deck's cards by title; each row answers a click.
fn cards(look: &Look, v: &BrowseView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang, deck) = (&look.theme, look.lang, look.content.deck);
    let block = panel(th, deck.title.get(lang), true);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let items: Vec<ListItem> = deck
        .cards
        .iter()
        .map(|c| ListItem::new(ellipsize(&format!(" {}", c.title.get(lang)), w)))
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
            action: Action::Click(Target::DeckCard(i)),
        });
    }
}

/// The card's story and its discussion questions, scrolling.
fn card_text(look: &Look, v: &BrowseView, card: &Card, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let mut lines = card_text::lines(card, lang, th, true);
    lines.push(Line::default());
    card_text::heading(&mut lines, T::DiscussPrompts.get(lang), th);
    for (i, p) in card.prompts.iter().enumerate() {
        lines.push(Line::from(format!("{}. {}", i + 1, p.get(lang))));
    }
    let kind = crate::i18n::labels::kind(card.kind).get(lang);
    let heading = format!("{} · {kind}", card.title.get(lang));
    let heading = ellipsize(&heading, area.width.saturating_sub(6) as usize);
    let block = panel(th, &heading, false);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    f.render_widget(block, area);
    let text = Paragraph::new(lines);
    render_scrolled(f, text, inner, v.scroll, &v.max_scroll, lang, th);
}
