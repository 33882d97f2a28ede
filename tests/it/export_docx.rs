//! The Word export read back with a docx reader: its outline (styles,
//! lists, tables and text) as golden files in both languages, owners and
//! next steps carried into it, and hostile user text staying text.

use crate::export_support;

use std::collections::BTreeMap;

use datakompas::domain::{Lang, NextStep};
use datakompas::export::{self, Parts};
use docx_rs::{DocumentChild, Paragraph, TableCellContent, TableChild, TableRowChild};
use export_support::{Fixture, benign, hostile};

fn docx(f: &Fixture, lang: Lang, parts: Parts) -> docx_rs::Docx {
    let bytes = export::docx(&f.input(lang), parts).unwrap();
    docx_rs::read_docx(&bytes).expect("a Word file a reader opens")
}

/// "Heading2 | text", "• text" for list items, "Normal | text" otherwise.
fn paragraph_line(p: &Paragraph) -> String {
    let style = p
        .property
        .style
        .as_ref()
        .map_or("Normal".to_string(), |s| s.val.clone());
    let list = if p.property.numbering_property.is_some() {
        "• "
    } else {
        ""
    };
    format!("{style} | {list}{}", p.raw_text())
}

/// The document as lines a reader can check: paragraphs with their style,
/// tables as rows of cells.
fn outline(doc: &docx_rs::Docx) -> Vec<String> {
    let mut out = Vec::new();
    for child in &doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => out.push(paragraph_line(p)),
            DocumentChild::Table(t) => {
                for TableChild::TableRow(row) in &t.rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|TableRowChild::TableCell(c)| {
                            c.children
                                .iter()
                                .filter_map(|c| match c {
                                    TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                    _ => None,
                                })
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect();
                    out.push(format!("Table | {}", cells.join(" | ")));
                }
            }
            other => out.push(format!("Other | {other:?}")),
        }
    }
    out
}

#[test]
fn word_in_both_languages() {
    let f = Fixture::workshop();
    for lang in Lang::ALL {
        let text = outline(&docx(&f, lang, Parts::Both)).join("\n");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("workshop_{}.docx", lang.code()), text);
        });
    }
}

#[test]
fn real_headings_lists_and_the_document_block_as_a_table() {
    let f = Fixture::workshop();
    let lines = outline(&docx(&f, Lang::En, Parts::PolicyOnly));
    assert_eq!(
        lines[0],
        "Heading1 | Draft data policy: Brand team, November"
    );
    assert!(lines.contains(&"Heading2 | About this document".to_string()));
    assert!(lines.contains(&"Table | Status | Draft for review by Legal and Brand".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("Heading3 | 1. ")));
    assert!(lines.iter().any(|l| l.starts_with("Heading4 | ")));
    assert!(lines.iter().any(|l| l.contains(" | • ")));
    // It ends with the notice.
    assert!(lines.last().unwrap().contains("Draft, not legal advice."));
    // The heading styles are real ones: outline levels a reader navigates by.
    let doc = docx(&f, Lang::En, Parts::PolicyOnly);
    let json: serde_json::Value = serde_json::from_str(&doc.json()).unwrap();
    let styles = json["styles"]["styles"].as_array().unwrap();
    let heading1 = styles
        .iter()
        .find(|s| s["styleId"] == "Heading1")
        .expect("a Heading1 style");
    assert_eq!(heading1["name"], "heading 1");
}

#[test]
fn owners_and_next_steps_reach_the_word_file() {
    let mut f = Fixture::workshop();
    let o = f.session.follow_up.owner_mut("sensitive");
    o.owner = "Legal".into();
    o.review = "2027-03-01".into();
    f.session.follow_up.next_steps.push(NextStep {
        what: "Set retention periods".into(),
        who: "Ann".into(),
        by: "2027-01-15".into(),
    });
    for (lang, owner, steps) in [
        (
            Lang::En,
            "Owner: Legal · Review by: 2027-03-01",
            "Heading2 | Next steps",
        ),
        (
            Lang::Nl,
            "Eigenaar: Legal · Herzien uiterlijk: 2027-03-01",
            "Heading2 | Vervolgstappen",
        ),
    ] {
        let lines = outline(&docx(&f, lang, Parts::PolicyOnly));
        assert!(lines.iter().any(|l| l.ends_with(owner)), "{lines:#?}");
        let at = lines.iter().position(|l| l == steps).expect("next steps");
        assert_eq!(
            lines[at + 2],
            "Table | Set retention periods | Ann | 2027-01-15"
        );
    }
}

/// How many of each kind of element the reader found.
fn kinds(doc: &docx_rs::Docx) -> BTreeMap<String, usize> {
    fn walk(v: &serde_json::Value, out: &mut BTreeMap<String, usize>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(t)) = map.get("type") {
                    *out.entry(t.clone()).or_insert(0) += 1;
                }
                map.values().for_each(|c| walk(c, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let json: serde_json::Value = serde_json::from_str(&doc.json()).unwrap();
    let mut out = BTreeMap::new();
    walk(&json["document"], &mut out);
    out
}

#[test]
fn hostile_user_text_stays_text_in_the_word_file() {
    let mut bad = Fixture::workshop();
    hostile(&mut bad);
    let mut good = Fixture::workshop();
    benign(&mut good);
    let bad_doc = docx(&bad, Lang::En, Parts::Both);
    let good_doc = docx(&good, Lang::En, Parts::Both);
    // The same elements, whatever the text: no hyperlinks, fields or extra
    // paragraphs from what users typed.
    assert_eq!(kinds(&bad_doc), kinds(&good_doc));
    let lines = outline(&bad_doc);
    let title = &lines[0];
    assert!(
        title.starts_with("Heading1 | Session notes: # <b>|x|</b> <script>"),
        "{title}"
    );
    assert!(
        !title.contains('\u{1b}') && !title.contains('\u{202E}'),
        "{title:?}"
    );
    assert!(!lines.iter().any(|l| l.contains('\u{0}')));
}
