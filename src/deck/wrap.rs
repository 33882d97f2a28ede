//! Word wrapping for plain-text output in a terminal.

use unicode_width::UnicodeWidthStr;

/// `text` wrapped to `width` columns, every line starting with `indent`.
/// Line breaks in the text are kept; a word longer than the line is left
/// whole rather than cut.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let room = width.saturating_sub(indent.width()).max(20);
    let mut out = Vec::new();
    for paragraph in text.trim().lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.width() + 1 + word.width() > room {
                out.push(format!("{indent}{line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(if line.is_empty() {
            String::new()
        } else {
            format!("{indent}{line}")
        });
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_width_with_indent() {
        let text = "the quick brown fox jumps over the lazy dog again and again";
        let wrapped = wrap(text, 24, "  ");
        assert_eq!(
            wrapped,
            "  the quick brown fox\n  jumps over the lazy\n  dog again and again"
        );
        assert!(wrapped.lines().all(|l| l.width() <= 24));
    }

    #[test]
    fn keeps_paragraphs_and_long_words() {
        let text = "one\n\ntwo averyveryveryveryveryverylongword three";
        assert_eq!(
            wrap(text, 20, ""),
            "one\n\ntwo\naveryveryveryveryveryverylongword\nthree"
        );
    }
}
