//! Hostile user text — markup, Markdown structure, control bytes,
//! bidirectional overrides, right-to-left text, emoji and a 100 KB
//! rationale — stays text in every export.

use crate::export_support;

use std::collections::BTreeMap;

use datakompas::domain::{Lang, Session};
use datakompas::export::{self, Parts};
use export_support::{Fixture, benign, hostile};
use pulldown_cmark::{Event, Options, Parser};
use scraper::Html;

fn fixtures() -> (Fixture, Fixture) {
    let mut bad = Fixture::workshop();
    hostile(&mut bad);
    let mut good = Fixture::workshop();
    benign(&mut good);
    (bad, good)
}

/// Elements by name; a chart label's lines (`tspan`) are left out, as a
/// long name rightly wraps onto more of them.
fn element_counts(html: &str) -> BTreeMap<String, usize> {
    let doc = Html::parse_document(html);
    let mut counts = BTreeMap::new();
    for node in doc.tree.nodes() {
        if let Some(el) = node.value().as_element().filter(|e| e.name() != "tspan") {
            *counts.entry(el.name().to_string()).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn html_gets_no_element_from_user_text() {
    let (bad, good) = fixtures();
    let hostile_html = export::html(&bad.input(Lang::En), Parts::Both);
    let benign_html = export::html(&good.input(Lang::En), Parts::Both);
    assert_eq!(element_counts(&hostile_html), element_counts(&benign_html));

    let doc = Html::parse_document(&hostile_html);
    for el in doc.tree.nodes().filter_map(|n| n.value().as_element()) {
        assert!(
            !["script", "img", "a", "iframe", "link", "object"].contains(&el.name()),
            "unexpected <{}>",
            el.name()
        );
        for (name, value) in el.attrs() {
            assert!(!name.starts_with("on"), "event handler {name}");
            assert!(!value.contains("evil.example"), "user URL in {name}");
        }
    }
    // The text is all there, as text.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("[link](http://evil.example)"));
    assert!(text.contains("שלום עליכם") && text.contains("👩‍👩‍👧"));
    assert!(text.len() > 100_000, "the long rationale is kept");
}

#[test]
fn html_drops_control_bytes_and_direction_overrides() {
    let (bad, _) = fixtures();
    let html = export::html(&bad.input(Lang::En), Parts::Both);
    for c in ['\u{0}', '\u{7}', '\u{1b}', '\u{202E}', '\u{202C}'] {
        assert!(!html.contains(c), "{c:?} in output");
    }
    assert!(html.contains("dir=\"auto\""));
}

#[test]
fn html_makes_no_external_request() {
    let (bad, _) = fixtures();
    let html = export::html(&bad.input(Lang::En), Parts::Both);
    let doc = Html::parse_document(&html);
    for el in doc.tree.nodes().filter_map(|n| n.value().as_element()) {
        for attr in ["src", "href", "srcset", "data", "action"] {
            assert!(el.attr(attr).is_none(), "<{} {attr}>", el.name());
        }
    }
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(!style.contains("url(") && !style.contains("@import"));
}

/// Every event except plain text, so two documents can be compared by
/// their structure alone.
fn structure(markdown: &str) -> Vec<String> {
    // Every extension a wiki might switch on; smart punctuation only
    // changes text, not structure.
    let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
    Parser::new_ext(markdown, options)
        .filter(|e| !matches!(e, Event::Text(_)))
        .map(|e| format!("{e:?}"))
        .collect()
}

fn plain_text(markdown: &str) -> String {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_keeps_user_text_as_text() {
    let (bad, good) = fixtures();
    for lang in Lang::ALL {
        let hostile_md = export::markdown(&bad.input(lang), Parts::Both);
        let benign_md = export::markdown(&good.input(lang), Parts::Both);
        let events = structure(&hostile_md);
        assert!(
            !events
                .iter()
                .any(|e| e.starts_with("Html") || e.starts_with("InlineHtml")),
            "raw HTML got through"
        );
        assert_eq!(events, structure(&benign_md));
    }
    let md = export::markdown(&bad.input(Lang::En), Parts::Both);
    let text = plain_text(&md);
    assert!(text.contains("# <b>|x|</b> <script>alert(1)</script>"));
    assert!(text.contains("*em* _u_ `code` ~~s~~ &amp; &lt;"));
    assert!(text.contains("שלום עליכם") && text.contains("🎉"));
    for c in ['\u{0}', '\u{1b}', '\u{202E}'] {
        assert!(!md.contains(c), "{c:?} in output");
    }
}

#[test]
fn a_title_like_a_heading_is_escaped() {
    let mut f = Fixture::workshop();
    f.session.title = "# <b>|x|".into();
    let md = export::markdown(&f.input(Lang::En), Parts::PolicyOnly);
    assert!(md.starts_with("# Draft data policy: \\# \\<b>\\|x\\|\n"));
    let headings = structure(&md)
        .iter()
        .filter(|e| e.starts_with("Start(Heading"))
        .count();
    f.session.title = "plain".into();
    let plain = export::markdown(&f.input(Lang::En), Parts::PolicyOnly);
    let plain_headings = structure(&plain)
        .iter()
        .filter(|e| e.starts_with("Start(Heading"))
        .count();
    assert_eq!(headings, plain_headings);
}

#[test]
fn json_round_trips_hostile_text() {
    let (bad, _) = fixtures();
    let text = export::json(&bad.input(Lang::En), Parts::Both);
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let session: Session = serde_json::from_value(value["session"].clone()).unwrap();
    assert_eq!(session, bad.session);
}
