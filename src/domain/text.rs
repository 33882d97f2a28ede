//! Pure helpers for text people typed: cleaned of what a terminal or a
//! renderer would act on, shortened to a width, made into an id.

use jiff::civil::Date;
use unicode_width::UnicodeWidthChar;

/// Typed or pasted text with control characters and bidirectional
/// overrides taken out (they can make text display in another order than
/// it is written). CR and CRLF become a newline; newlines are kept only
/// when `multiline`, otherwise they and tabs become a space.
pub fn clean(text: &str, multiline: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\r' => '\n',
            c => c,
        };
        match c {
            '\n' if multiline => out.push('\n'),
            '\n' | '\t' => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text made safe to print to a terminal, visibly: every character a
/// terminal would act on instead of show — C0 and C1 controls (so ESC,
/// CSI, OSC, DCS and the rest can never begin), DEL, and the bidirectional
/// embeddings, overrides and isolates that reorder what is shown — is
/// written as its JSON escape, `\u001b`, the way it would be spelt in a
/// deck or session file. Newlines and tabs are kept: they only move the
/// cursor. Text with none of these is returned as it is.
///
/// Neutralising the introducing character is enough, and complete: a
/// sequence without its ESC (or 8-bit C1 introducer) is plain text. That is
/// why this is a function over characters and not an escape-sequence
/// parser such as `strip-ansi-escapes`, which drops whole sequences but
/// leaves bidirectional overrides and lone C1 controls as they are.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a terminal would act on `c` rather than show it.
pub fn acts_on_terminal(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The 1-based line and column, in characters, of the byte `offset` in
/// `src`: what editors show, whatever the bytes per character.
pub fn char_position(src: &[u8], offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Continuation bytes do not start a character.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

/// Where a JSON parser error is, as [`char_position`], from serde_json's
/// own line and column. serde_json counts the column in bytes, up to and
/// including the byte it stopped at, and says column 0 when that byte was
/// a line break (a raw newline inside a string); this names the character
/// it stopped at, on its own line.
pub fn json_error_position(src: &[u8], line: usize, column: usize) -> (usize, usize) {
    let line_start = if line <= 1 {
        0
    } else {
        src.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(src.len());
    if end == 0 {
        return (1, 1);
    }
    // The character the last byte read belongs to.
    let mut start = end - 1;
    while start > 0 && (src[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    char_position(src, start)
}

/// Text shortened to `width` terminal columns, ending in an ellipsis when
/// it was cut. Nothing fits in zero columns.
pub fn ellipsize(text: &str, width: usize) -> String {
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    // "Merkwaard…", not "Merkwaard …".
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// A readable slug of a title: lowercase ASCII letters, digits and dashes.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for ch in title.chars().flat_map(fold_accent) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let mut slug: String = trimmed.chars().take(40).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "session".to_string()
    } else {
        slug
    }
}

/// Dutch titles carry accents (é, ë, ï); keep their letters in the slug.
fn fold_accent(ch: char) -> impl Iterator<Item = char> {
    let folded: &str = match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ĳ' | 'Ĳ' => "ij",
        'ß' => "ss",
        _ => "",
    };
    let keep = if folded.is_empty() { Some(ch) } else { None };
    folded.chars().chain(keep)
}

/// `YYYY-MM-DD-slug` for the day the user is living (their local date,
/// which the caller knows), with `-2`, `-3`, … added until `taken` says no.
pub fn unique_id(title: &str, date: Date, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{date}-{}", slug(title));
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range always yields a free id")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn clean_keeps_text_and_drops_what_acts_on_the_screen() {
        assert_eq!(clean("a\u{1b}[31mb\u{7}", false), "a[31mb");
        assert_eq!(clean("one\r\ntwo\rthree", true), "one\ntwo\nthree");
        assert_eq!(clean("one\ntwo\tthree", false), "one two three");
        assert_eq!(clean("a\u{0}b\u{202E}c\u{2066}d", true), "abcd");
        assert_eq!(clean("שלום 👋", false), "שלום 👋");
    }

    #[test]
    fn for_terminal_shows_every_control_visibly() {
        let hostile = "a\u{1b}[2Jb\u{1b}]0;x\u{7}c\u{1b}]52;c;aGk=\u{1b}\\d\u{1b}Pq\u{1b}\\e\u{9b}31mf\u{202E}g\u{2066}h\u{7f}";
        let shown = for_terminal(hostile);
        assert_eq!(
            shown,
            "a\\u001b[2Jb\\u001b]0;x\\u0007c\\u001b]52;c;aGk=\\u001b\\d\\u001bPq\\u001b\\e\\u009b31mf\\u202eg\\u2066h\\u007f"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
        assert_eq!(for_terminal("één café\n\tשלום 👋"), "één café\n\tשלום 👋");
        assert!(matches!(
            for_terminal("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    proptest::proptest! {
        /// Whatever the text, nothing a terminal acts on comes out, and
        /// text without such characters comes out as it went in.
        #[test]
        fn for_terminal_leaves_nothing_to_act_on(text in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}])*") {
            let shown = for_terminal(&text);
            proptest::prop_assert!(!shown.chars().any(acts_on_terminal));
            if !text.chars().any(acts_on_terminal) {
                proptest::prop_assert_eq!(shown.as_ref(), text.as_str());
            }
        }
    }

    #[test]
    fn json_errors_are_placed_by_characters() {
        let src = "{\n  \"a\": \"één café\" x\n}";
        let e = serde_json::from_str::<serde_json::Value>(src).unwrap_err();
        // serde_json: byte column 22 on line 2; the x is the 19th character.
        assert_eq!((e.line(), e.column()), (2, 22));
        assert_eq!(json_error_position(src.as_bytes(), 2, 22), (2, 19));
        let src = "{\"a\": \"one\ntwo\"}";
        let e = serde_json::from_str::<serde_json::Value>(src).unwrap_err();
        assert_eq!((e.line(), e.column()), (2, 0));
        // The raw newline itself: line 1, right after "one".
        assert_eq!(json_error_position(src.as_bytes(), 2, 0), (1, 11));
        assert_eq!(json_error_position(b"", 1, 0), (1, 1));
    }

    #[test]
    fn ellipsize_cuts_by_width() {
        assert_eq!(ellipsize("abc", 5), "abc");
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        let long = ellipsize(&"é".repeat(50), 10);
        assert_eq!(long.width(), 10);
        assert!(long.ends_with('…'));
        assert_eq!(ellipsize("漢字漢字", 5), "漢字…");
        assert_eq!(ellipsize("abc", 0), "");
        assert_eq!(ellipsize("", 0), "");
        assert_eq!(ellipsize("ab", 1), "…");
        assert_eq!(
            ellipsize("Workshop Merkwaard voorjaar", 20),
            "Workshop Merkwaard…"
        );
    }

    #[test]
    fn slug_keeps_letters_and_digits() {
        assert_eq!(slug("Brand team — Q4 2026!"), "brand-team-q4-2026");
        assert_eq!(
            slug("Privacybeleid & één ideeën"),
            "privacybeleid-een-ideeen"
        );
        assert_eq!(slug("   "), "session");
        assert_eq!(slug("<b>|x|"), "b-x");
    }

    #[test]
    fn unique_id_adds_a_counter() {
        let date = jiff::civil::date(2026, 11, 29);
        assert_eq!(unique_id("Team", date, |_| false), "2026-11-29-team");
        let id = unique_id("Team", date, |id| {
            id == "2026-11-29-team" || id == "2026-11-29-team-2"
        });
        assert_eq!(id, "2026-11-29-team-3");
    }
}
