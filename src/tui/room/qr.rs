//! The join URL as a QR code in the terminal: two modules per character
//! cell with half blocks, so the modules come out square.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

/// A QR code ready to draw: rows of half-block characters, dark modules
/// drawn as the glyph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    rows: Vec<String>,
    /// Modules per side, without a quiet zone.
    pub modules: u16,
}

impl Qr {
    /// Low error correction keeps the code small; a screen does not smudge.
    pub fn new(url: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::L).ok()?;
        let image = code
            .render::<Dense1x2>()
            .quiet_zone(false)
            .module_dimensions(1, 1)
            .build();
        Some(Qr {
            rows: image.lines().map(str::to_string).collect(),
            modules: code.width() as u16,
        })
    }

    /// The quiet zone (in modules) that lets the code fit `width` × `height`
    /// cells: the standard four where there is room, down to one. None when
    /// even that does not fit.
    pub fn quiet_zone_for(&self, width: u16, height: u16) -> Option<u16> {
        (1..=4u16).rev().find(|q| {
            let side = self.modules + 2 * q;
            side <= width && side.div_ceil(2) <= height
        })
    }

    /// The code with `quiet` light modules around it, in `style`'s colours:
    /// black on white with colour; without colour reversed, so the light
    /// modules take the terminal's text colour and the dark ones its
    /// background. Either way the contrast is the terminal's highest.
    pub fn lines(&self, quiet: u16, color: bool) -> Vec<Line<'static>> {
        let style = if color {
            Style::new().fg(Color::Black).bg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        let side = usize::from(self.modules + 2 * quiet);
        let pad = " ".repeat(usize::from(quiet));
        let blank = || Line::from(Span::styled(" ".repeat(side), style));
        // Each text row is two module rows; the quiet zone rounds up.
        let quiet_rows = usize::from(quiet).div_ceil(2);
        let mut out: Vec<Line<'static>> = (0..quiet_rows).map(|_| blank()).collect();
        let odd_top = quiet % 2 == 1;
        if odd_top {
            // An odd quiet zone: the last light module row shares a text
            // row with the first code row, so shift the code down by half.
            out.pop();
            out.extend(
                self.shifted()
                    .into_iter()
                    .map(|r| Line::from(Span::styled(format!("{pad}{r}{pad}"), style))),
            );
        } else {
            out.extend(
                self.rows
                    .iter()
                    .map(|r| Line::from(Span::styled(format!("{pad}{r}{pad}"), style))),
            );
        }
        let total_rows = (usize::from(self.modules) + 2 * usize::from(quiet)).div_ceil(2);
        while out.len() < total_rows {
            out.push(blank());
        }
        out
    }

    /// The code one module row lower: a light row on top.
    fn shifted(&self) -> Vec<String> {
        let bits = self.bits();
        let width = usize::from(self.modules);
        let mut rows: Vec<Vec<bool>> = vec![vec![false; width]];
        rows.extend(bits);
        rows.chunks(2)
            .map(|pair| {
                (0..width)
                    .map(|x| {
                        let top = pair[0][x];
                        let bottom = pair.get(1).is_some_and(|r| r[x]);
                        match (top, bottom) {
                            (true, true) => '█',
                            (true, false) => '▀',
                            (false, true) => '▄',
                            (false, false) => ' ',
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// The modules back from the half blocks, true for dark.
    fn bits(&self) -> Vec<Vec<bool>> {
        let width = usize::from(self.modules);
        let mut out = Vec::new();
        for row in &self.rows {
            let (mut top, mut bottom) = (Vec::new(), Vec::new());
            for c in row.chars() {
                top.push(matches!(c, '█' | '▀'));
                bottom.push(matches!(c, '█' | '▄'));
            }
            out.push(top);
            out.push(bottom);
        }
        out.truncate(width);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://192.168.178.24:54321/0123456789abcdef0123456789abcdef/";

    #[test]
    fn a_join_url_makes_a_small_square_code() {
        let qr = Qr::new(URL).unwrap();
        // Version 4 at low correction: 33 modules.
        assert_eq!(qr.modules, 33);
        for quiet in 1..=4 {
            let lines = qr.lines(quiet, true);
            let side = usize::from(qr.modules + 2 * quiet);
            assert_eq!(lines.len(), side.div_ceil(2), "quiet {quiet}");
            assert!(lines.iter().all(|l| l.width() == side), "quiet {quiet}");
        }
    }

    #[test]
    fn the_code_round_trips_through_the_half_blocks() {
        let code = QrCode::with_error_correction_level(URL.as_bytes(), EcLevel::L).unwrap();
        let qr = Qr::new(URL).unwrap();
        let want: Vec<bool> = code
            .to_colors()
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .collect();
        let got: Vec<bool> = qr.bits().into_iter().flatten().collect();
        assert_eq!(got, want);
        // Shifted by one row, the same modules, one row lower.
        let shifted: Vec<bool> = qr
            .shifted()
            .iter()
            .flat_map(|r| {
                let top: Vec<bool> = r.chars().map(|c| matches!(c, '█' | '▀')).collect();
                let bottom: Vec<bool> = r.chars().map(|c| matches!(c, '█' | '▄')).collect();
                [top, bottom]
            })
            .flatten()
            .skip(usize::from(qr.modules))
            .take(want.len())
            .collect();
        assert_eq!(shifted, want);
    }

    #[test]
    fn the_quiet_zone_shrinks_to_fit_and_gives_up_below_one() {
        let qr = Qr::new(URL).unwrap();
        assert_eq!(qr.quiet_zone_for(60, 30), Some(4));
        assert_eq!(qr.quiet_zone_for(37, 19), Some(2));
        assert_eq!(qr.quiet_zone_for(35, 18), Some(1));
        assert_eq!(qr.quiet_zone_for(34, 18), None);
    }
}
