//! The card title in large letters for presentation mode.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

use crate::tui::theme::Theme;

/// Each glyph is 4 columns wide and 4 rows high at quadrant size.
const GLYPH_W: u16 = 4;
const GLYPH_H: u16 = 4;

/// The title broken into lines that fit, at most two.
fn lines(title: &str, width: u16, max_lines: usize) -> Vec<String> {
    let per_line = (width / GLYPH_W).max(1) as usize;
    let mut out: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match out.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= per_line => {
                l.push(' ');
                l.push_str(word);
            }
            _ => out.push(word.chars().take(per_line).collect()),
        }
    }
    if out.len() > max_lines {
        out.truncate(max_lines);
        if let Some(l) = out.last_mut() {
            let keep: String = l.chars().take(per_line.saturating_sub(2)).collect();
            // The pixel font has no ellipsis character.
            *l = format!("{keep}..");
        }
    }
    out
}

fn max_lines(height: u16) -> usize {
    if height >= 20 { 2 } else { 1 }
}

/// Rows the big title needs.
pub fn height(title: &str, width: u16, area_height: u16) -> u16 {
    lines(title, width, max_lines(area_height)).len() as u16 * GLYPH_H
}

pub fn render(f: &mut Frame, area: Rect, title: &str, th: &Theme) {
    let text: Vec<Line> = lines(title, area.width, (area.height / GLYPH_H) as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    let big = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(th.title())
        .lines(text)
        .centered()
        .build();
    f.render_widget(big, area);
}
