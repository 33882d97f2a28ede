//! Keeps user text as text in CommonMark.
//!
//! Every character that can start inline markup (emphasis, code, links,
//! strikethrough, table cells) is backslash-escaped wherever it appears;
//! `&` and `<` only where they could open an entity or HTML (`&amp;`,
//! `<b>`, `</`, `<!`), so "R&D" and "a < b" stay as typed. Every line is
//! made unable to open a block (heading, list, quote, code, thematic
//! break, setext underline): leading whitespace is dropped and a leading
//! marker escaped. Control characters and bidirectional overrides are
//! removed first (see [`clean`]).

/// Characters escaped wherever they appear.
/// Beyond CommonMark this covers the common extensions (tables,
/// strikethrough, math `$`, superscript `^`, heading attributes `{`).
const INLINE_SPECIALS: &[char] = &['\\', '`', '*', '_', '[', ']', '|', '~', '$', '^', '{'];

/// Characters that open a block when they start a line.
/// (`:` opens a definition in the definition-list extension.)
const LINE_STARTERS: &[char] = &['#', '+', '-', '=', '>', ':'];

/// User text cleaned of what a reader cannot see but a renderer might act
/// on (see [`crate::domain::text::clean`]); newlines are kept.
pub fn clean(text: &str) -> String {
    crate::domain::text::clean(text, true)
}

/// One line of user text for a heading, list item or table-free line:
/// newlines become spaces.
pub fn escape_inline(text: &str) -> String {
    escape_line(&one_line(text))
}

/// Like [`escape_inline`], for text that follows other text on its line
/// (`**Version:** 0.2`): nothing there can open a block, so a leading `1.`
/// or `-` stays as typed.
pub fn escape_inline_after(text: &str) -> String {
    escape_chars(&one_line(text), false)
}

/// Cleaned user text on one line: its lines trimmed and joined by a space.
fn one_line(text: &str) -> String {
    let cleaned = clean(text);
    let lines: Vec<&str> = cleaned
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}

/// Multi-line user text as paragraphs of trimmed, cleaned lines: blank
/// lines separate paragraphs. The one reading of user text both the
/// Markdown and the HTML export use.
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let cleaned = clean(text);
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in cleaned.split('\n').map(str::trim) {
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line.to_string());
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// Multi-line user text as paragraphs: each line the author wrote becomes
/// a paragraph of its own (a wiki renders backslash hard breaks badly),
/// and no line can open a block. Returns lines without a trailing
/// newline, so a caller can prefix them (e.g. `> ` for a quote).
pub fn escape_block(text: &str) -> String {
    paragraphs(text)
        .iter()
        .flatten()
        .map(|line| escape_line(line))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes one trimmed line.
fn escape_line(line: &str) -> String {
    escape_chars(line, true)
}

/// Whether `&` at `i` starts something CommonMark reads as an entity:
/// `&name;`, `&#123;` or `&#x7B;`.
fn starts_entity(chars: &[char], i: usize) -> bool {
    let rest = &chars[i + 1..];
    let body = match rest.first() {
        Some('#') => &rest[1..],
        _ => rest,
    };
    let body = match (rest.first(), body.first()) {
        (Some('#'), Some('x' | 'X')) => &body[1..],
        _ => body,
    };
    let len = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    len > 0 && body.get(len) == Some(&';')
}

fn escape_chars(line: &str, line_start: bool) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    // An ordered-list marker is digits then `.` or `)`; escape that mark.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let chars: Vec<char> = line.chars().collect();
    // A run of `#` after a space at the end closes an ATX heading and
    // would vanish from a title.
    let closing = chars.iter().rev().take_while(|c| **c == '#').count();
    let closing_at =
        (closing > 0 && closing < chars.len() && chars[chars.len() - closing - 1] == ' ')
            .then(|| chars.len() - closing);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let list_mark = line_start && i == digits && digits > 0 && (c == '.' || c == ')');
        let opens_block = line_start && i == 0 && LINE_STARTERS.contains(&c);
        let entity = c == '&' && starts_entity(&chars, i);
        let html = c == '<' && next.is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n));
        if INLINE_SPECIALS.contains(&c)
            || list_mark
            || opens_block
            || entity
            || html
            || closing_at == Some(i)
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_and_html_stay_text() {
        assert_eq!(escape_inline("# <b>|x|"), r"\# \<b>\|x\|");
        assert_eq!(escape_inline("&amp; &#38;"), r"\&amp; \&#38;");
        assert_eq!(
            escape_inline("R & D, R&D, a < b > c"),
            "R & D, R&D, a < b > c"
        );
        assert_eq!(
            escape_inline("&copy &#x41; &#; &a;"),
            r"&copy \&#x41; &#; \&a;"
        );
        assert_eq!(escape_inline_after("0.2 - ok"), "0.2 - ok");
        assert_eq!(escape_inline("Team #"), r"Team \#");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(escape_inline("- item"), r"\- item");
        assert_eq!(escape_inline("12. item"), r"12\. item");
        assert_eq!(escape_inline("3) item"), r"3\) item");
        assert_eq!(escape_inline("    code"), "code");
        assert_eq!(escape_inline("2026 was fine."), "2026 was fine.");
    }

    #[test]
    fn block_keeps_lines_and_paragraphs() {
        assert_eq!(
            escape_block("one\r\n# two\n\n\n===\n"),
            "one\n\n\\# two\n\n\\==="
        );
    }

    #[test]
    fn blank_lines_with_spaces_still_separate_paragraphs() {
        assert_eq!(
            paragraphs("a\n  b \n \t \nc"),
            vec![
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ]
        );
        assert!(paragraphs(" \n\u{0}\n").is_empty());
    }

    #[test]
    fn clean_drops_controls_and_bidi_overrides() {
        assert_eq!(clean("a\u{0}b\u{1b}[31mc\u{202E}d\te"), "ab[31mcd e");
        assert_eq!(clean("שלום 👋"), "שלום 👋");
    }
}
