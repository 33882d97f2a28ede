//! Whatever a user types, the Markdown escaper's output parses back to
//! exactly that text (cleaned of control characters) and nothing else;
//! a block's lines come back as paragraphs, never joined by hard breaks.

use datakompas::export::{clean, escape_block, escape_inline, escape_inline_after};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Characters that mean something to Markdown, HTML or a renderer, mixed
/// with any character at all.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(
            "\\`*_[]<>|~&$^{}()#+-=:.!\"' \n\r\t0123456789aZ\u{0}\u{1b}\u{202E}\u{2067}é✓🎉ש"
                .chars()
                .collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..48).prop_map(|v| v.into_iter().collect())
}

fn options() -> Options {
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

/// The paragraphs of a Markdown document as lines of text; fails on any
/// event other than a paragraph, text or a line break.
fn paragraphs(markdown: &str) -> Result<Vec<Vec<String>>, String> {
    let mut paras: Vec<Vec<String>> = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) => paras.push(vec![String::new()]),
            Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => paras
                .last_mut()
                .and_then(|p| p.last_mut())
                .ok_or("text outside a paragraph")?
                .push_str(&t),
            Event::HardBreak => paras
                .last_mut()
                .ok_or("break outside a paragraph")?
                .push(String::new()),
            other => return Err(format!("unexpected {other:?} in {markdown:?}")),
        }
    }
    Ok(paras)
}

/// What the reader should see: the cleaned text, split into paragraphs of
/// trimmed lines.
fn expected_paragraphs(text: &str) -> Vec<Vec<String>> {
    let cleaned = clean(text);
    let mut paras: Vec<Vec<String>> = vec![Vec::new()];
    for line in cleaned.split('\n').map(str::trim) {
        if line.is_empty() {
            if paras.last().is_some_and(|p| !p.is_empty()) {
                paras.push(Vec::new());
            }
        } else if let Some(p) = paras.last_mut() {
            p.push(line.to_string());
        }
    }
    paras.retain(|p| !p.is_empty());
    paras
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn inline_text_parses_back_to_itself(text in hostile_text()) {
        let md = escape_inline(&text);
        let expected: Vec<String> = expected_paragraphs(&text).concat();
        let expected = expected.join(" ");
        let got = paragraphs(&md).map_err(TestCaseError::fail)?;
        if expected.is_empty() {
            prop_assert!(got.is_empty(), "{md:?}");
        } else {
            prop_assert_eq!(got, vec![vec![expected]], "{:?}", md);
        }
    }

    #[test]
    fn text_after_a_label_parses_back_to_itself(text in hostile_text()) {
        let md = format!("Label: {}", escape_inline_after(&text));
        let expected = expected_paragraphs(&text).concat().join(" ");
        let got = paragraphs(&md).map_err(TestCaseError::fail)?;
        let want = if expected.is_empty() { "Label:".to_string() } else { format!("Label: {expected}") };
        prop_assert_eq!(got, vec![vec![want]], "{:?}", md);
    }

    #[test]
    fn block_text_parses_back_to_its_lines(text in hostile_text()) {
        let md = escape_block(&text);
        let got = paragraphs(&md).map_err(TestCaseError::fail)?;
        // Each line the author wrote is a paragraph of its own.
        let expected: Vec<Vec<String>> = expected_paragraphs(&text)
            .concat()
            .into_iter()
            .map(|line| vec![line])
            .collect();
        prop_assert_eq!(got, expected, "{:?}", md);
    }
}
