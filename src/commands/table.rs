//! The command line's plain text tables: columns padded to their widest
//! cell (in terminal columns), two spaces apart, no trailing spaces.

use unicode_width::UnicodeWidthStr;

/// Rows as aligned lines, each ending in a newline. Rows shorter than the
/// first leave their missing cells empty.
pub fn columns<R: AsRef<[String]>>(rows: &[R]) -> String {
    let count = rows.iter().map(|r| r.as_ref().len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.as_ref().get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.as_ref().iter().zip(&widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::columns;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn pads_to_the_widest_cell_by_display_width() {
        let rows = [
            row(&["id", "titel"]),
            row(&["één-lange", "x"]),
            row(&["日本", "y "]),
        ];
        assert_eq!(
            columns(&rows),
            "id         titel\néén-lange  x\n日本       y\n"
        );
    }

    #[test]
    fn nothing_makes_nothing() {
        assert_eq!(columns::<Vec<String>>(&[]), "");
    }
}
