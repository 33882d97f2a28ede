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
pub mod policy;
pub mod profile;
pub mod votes;

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

/// `m:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
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

/// A quiet "↓ more" in the bottom-right corner while text runs on below.
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
