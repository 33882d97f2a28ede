//! Small pieces several screens draw with.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::theme::Theme;
pub use crate::domain::text::{clean as clean_paste, ellipsize};

pub mod big_title;
pub mod card_text;
pub mod policy;
pub mod profile;
mod target;
pub mod votes;

pub use target::{DecidePart, Target};

/// A bordered panel; the focused one has a heavier, highlighted border.
pub fn panel<'a>(th: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (th.border_focus(), BorderType::Thick)
    } else {
        (th.border(), BorderType::Rounded)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Line::from(Span::styled(format!(" {title} "), th.heading())))
}

/// `2026-11-29 14:03` in the user's time zone.
pub fn format_time(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// A one-line text field.
pub fn line_field(text: &str, placeholder: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![text.to_string()]);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta.set_placeholder_text(placeholder.to_string());
    ta.set_cursor_line_style(Style::new());
    ta
}

/// A text field of several lines that wraps at word boundaries.
pub fn note_field(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut ta = TextArea::new(lines);
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta.set_placeholder_text(placeholder.to_string());
    ta.set_cursor_line_style(Style::new());
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta
}

/// The field's text, lines joined.
pub fn field_text(ta: &TextArea) -> String {
    ta.lines().join("\n")
}

/// A wrapped paragraph scrolled by `scroll` lines, never past its end.
/// The furthest useful scroll is written to `max` for the next key press.
pub fn scrolled<'a>(
    p: Paragraph<'a>,
    area: ratatui::layout::Rect,
    scroll: u16,
    max: &std::cell::Cell<u16>,
) -> Paragraph<'a> {
    let p = p.wrap(Wrap { trim: true });
    let lines = p.line_count(area.width) as u16;
    let most = lines.saturating_sub(area.height);
    max.set(most);
    p.scroll((scroll.min(most), 0))
}

/// A long text wrapped once for one width: each line's height is kept, so
/// a frame renders only the lines in view, and rendering matches
/// [`scrolled`] over the whole text (lines wrap independently).
#[derive(Debug, Clone)]
pub struct WrappedText {
    lines: Vec<ratatui::text::Line<'static>>,
    /// The wrapped row each line starts at; one more at the end, the total.
    starts: Vec<usize>,
    width: u16,
}

impl WrappedText {
    pub fn new(lines: Vec<ratatui::text::Line<'static>>, width: u16) -> WrappedText {
        let mut starts = Vec::with_capacity(lines.len() + 1);
        let mut row = 0;
        for line in &lines {
            starts.push(row);
            row += Paragraph::new(line.clone())
                .wrap(Wrap { trim: true })
                .line_count(width);
        }
        starts.push(row);
        WrappedText {
            lines,
            starts,
            width,
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// How many rows the whole text takes.
    pub fn rows(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// The visible slice at `scroll`, with the scroll's limit set in `max`.
    pub fn view(
        &self,
        area: ratatui::layout::Rect,
        scroll: u16,
        max: &std::cell::Cell<u16>,
    ) -> Paragraph<'static> {
        let total = self.starts.last().copied().unwrap_or(0);
        let most = u16::try_from(total.saturating_sub(area.height as usize)).unwrap_or(u16::MAX);
        max.set(most);
        let top = scroll.min(most) as usize;
        // The first line reaching into view, and the first wholly below it.
        let first = self.starts.partition_point(|&s| s <= top).saturating_sub(1);
        let last = self
            .starts
            .partition_point(|&s| s < top + area.height as usize)
            .min(self.lines.len());
        let skip = top - self.starts.get(first).copied().unwrap_or(0);
        let visible = self
            .lines
            .get(first..last.max(first))
            .unwrap_or(&[])
            .to_vec();
        Paragraph::new(visible)
            .wrap(Wrap { trim: true })
            .scroll((u16::try_from(skip).unwrap_or(u16::MAX), 0))
    }
}

/// The part of `area` a text of `rows` wrapped rows is drawn in, and the
/// row below it kept for "↓ more". A text that does not fit gives up its
/// last row, so the marker never covers a word; one that fits keeps all.
pub fn split_for_more(
    area: ratatui::layout::Rect,
    rows: usize,
) -> (ratatui::layout::Rect, ratatui::layout::Rect) {
    if rows <= area.height as usize || area.height < 2 {
        return (
            area,
            ratatui::layout::Rect::new(area.x, area.bottom(), area.width, 0),
        );
    }
    let text = ratatui::layout::Rect {
        height: area.height - 1,
        ..area
    };
    let marker = ratatui::layout::Rect::new(area.x, area.bottom() - 1, area.width, 1);
    (text, marker)
}

/// A wrapped paragraph scrolled in `area`, with "↓ more" on a row of its
/// own while text runs on below.
pub fn render_scrolled(
    f: &mut ratatui::Frame,
    p: Paragraph<'_>,
    area: ratatui::layout::Rect,
    scroll: u16,
    max: &std::cell::Cell<u16>,
    lang: crate::domain::Lang,
    th: &Theme,
) {
    let p = p.wrap(Wrap { trim: true });
    let (text, marker) = split_for_more(area, p.line_count(area.width));
    f.render_widget(scrolled(p, text, scroll, max), text);
    show_more(f, marker, scroll, max.get(), lang, th);
}

/// A quiet "↓ more" at the right of `area`'s last row while text runs on
/// below; `area` is a row kept free for it (see [`split_for_more`]).
pub fn show_more(
    f: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    scroll: u16,
    max: u16,
    lang: crate::domain::Lang,
    th: &Theme,
) {
    if scroll >= max || area.height == 0 {
        return;
    }
    let text = format!(" {} ", crate::i18n::tui::T::More.get(lang));
    let w = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
    if w > area.width {
        return;
    }
    let at = ratatui::layout::Rect::new(area.right() - w, area.bottom() - 1, w, 1);
    f.render_widget(Paragraph::new(Span::styled(text, th.key())), at);
}

/// A scroll position moved by an action, kept within `0..=max`.
pub fn scroll_by(scroll: u16, action: super::keymap::Action, max: u16) -> u16 {
    use super::keymap::Action;
    let s = scroll.min(max);
    match action {
        Action::Up => s.saturating_sub(1),
        Action::Down => s.saturating_add(1).min(max),
        Action::PageUp => s.saturating_sub(10),
        Action::PageDown => s.saturating_add(10).min(max),
        Action::Top => 0,
        Action::Bottom => max,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    fn lines() -> Vec<Line<'static>> {
        (0..40)
            .map(|i| match i % 4 {
                0 => Line::default(),
                1 => Line::from(format!("kort {i}")),
                2 => {
                    Line::from("Een lange regel die over meerdere rijen loopt. ".repeat(i % 7 + 1))
                }
                _ => Line::from(vec![Span::raw("• "), Span::raw("ééé wide 漢字 ".repeat(5))]),
            })
            .collect()
    }

    #[test]
    fn the_visible_slice_renders_as_the_whole_text_scrolled() {
        for (w, h) in [(20, 7), (33, 12), (80, 3)] {
            let area = Rect::new(0, 0, w, h);
            let wrapped = WrappedText::new(lines(), w);
            let (max_whole, max_slice) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
            for scroll in [0, 1, 5, 17, 60, 400, u16::MAX] {
                let mut whole = Buffer::empty(area);
                scrolled(Paragraph::new(lines()), area, scroll, &max_whole)
                    .render(area, &mut whole);
                let mut slice = Buffer::empty(area);
                wrapped
                    .view(area, scroll, &max_slice)
                    .render(area, &mut slice);
                assert_eq!(slice, whole, "{w}x{h} at {scroll}");
                assert_eq!(max_slice.get(), max_whole.get());
            }
        }
    }
}
