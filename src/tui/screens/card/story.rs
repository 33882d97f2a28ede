//! Story: the case, the practice in question, the data involved and the
//! story's facts with their sources (the reveal's wait for the reveal).
//! Long text wraps and scrolls.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Paragraph;

use crate::domain::Card;
use crate::tui::app::{App, Effect, OpenSession};
use crate::tui::keymap::Action;
use crate::tui::widgets::card_text::lines;

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    super::scroll(app, action)
}

pub fn render(app: &App, open: &OpenSession, card: &Card, f: &mut Frame, area: Rect) {
    let th = app.theme();
    // Notes go in the side panel when there is one.
    let notes = app.notes_visible() && area.width < 110 && app.size.0 < 110;
    let text = lines(card, app.lang, &th, notes);
    let area = area.inner(Margin::new(1, 0));
    crate::tui::widgets::render_scrolled(
        f,
        Paragraph::new(text),
        area,
        open.view.scroll,
        &open.view.max_scroll,
        app.lang,
        &th,
    );
}
