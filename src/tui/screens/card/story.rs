//! Story: the case, the practice in question, the data involved and the
//! story's facts with their sources (the reveal's wait for the reveal).
//! Long text wraps and scrolls.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Paragraph;

use super::{CardLook, Reading};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::widgets::card_text::lines;

pub fn act(reading: &mut Reading, action: Action) -> Vec<Effect> {
    super::scroll(reading, action)
}

pub fn render(c: &CardLook, f: &mut Frame, area: Rect) {
    let th = c.theme();
    // Notes go in the side panel when there is one.
    let notes = c.desk.notes && area.width < 110 && c.desk.size.0 < 110;
    let text = lines(c.card, c.lang(), &th, notes);
    let area = area.inner(Margin::new(1, 0));
    let reading = &c.view.reading;
    crate::tui::widgets::render_scrolled(
        f,
        Paragraph::new(text),
        area,
        reading.scroll,
        &reading.max_scroll,
        c.lang(),
        &th,
    );
}
