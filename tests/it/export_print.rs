//! The HTML export printed as a reader prints it: headless Chromium to
//! PDF, A4. A three-card session with the built-in deck's long stories fits
//! on six pages in both languages. (CI installs Chromium; see `.ci/run`.)

use crate::export_support;
use crate::session_support;

use std::collections::BTreeMap;
use std::process::Command;

use datakompas::domain::{
    CardProgress, ChosenPrinciple, Lang, Mode, NextStep, PrincipleCheck, Session,
};
use datakompas::export::{self, Parts};
use export_support::Fixture;

fn three_cards() -> Session {
    let at = jiff::Timestamp::from_second(1_796_115_600).unwrap();
    let mut s = session_support::on_builtin_deck(
        "2026-12-01-brand-team",
        "Brand team, December",
        Mode::Team,
        Lang::En,
        at,
    );
    s.participants = Session::named_participants(&["Ann", "Bo", "Cem", "Dewi", "Eva"]);
    s.principles = ["transparent", "personal", "in_control"]
        .iter()
        .map(|id| ChosenPrinciple::Library { id: id.to_string() })
        .collect();
    let card = |id: &str, option: &str, safeguards: &[&str], votes: [u8; 5], why: &str| {
        let mut p = CardProgress::new(id);
        p.votes = (1..=5)
            .map(|i| (format!("p{i}"), votes[i - 1]))
            .collect::<BTreeMap<_, _>>();
        p.revealed = true;
        p.seconds_spent = 600;
        p.decision.option = Some(option.into());
        p.decision.safeguards = safeguards.iter().map(|s| s.to_string()).collect();
        p.decision.principles = BTreeMap::from([
            ("transparent".into(), PrincipleCheck::Upholds),
            ("personal".into(), PrincipleCheck::Tension),
            ("in_control".into(), PrincipleCheck::Upholds),
        ]);
        p.decision.rationale = why.into();
        p
    };
    s.cards = vec![
        card(
            "ing-2014",
            "insights-for-customer",
            &[
                "new_purpose_consent",
                "opt_in_only",
                "no_third_party_sharing",
            ],
            [4, 5, 4, 5, 3],
            "Spending insights for the customer, yes.\nSelling their spending to others: never.",
        ),
        card(
            "target-pregnancy",
            "no-pregnancy-model",
            &["no_sensitive_inference", "dpia_first"],
            [5, 5, 4, 5, 5],
            "Guessing a pregnancy is not our business, not even with consent.",
        ),
        card(
            "orbitz-mac",
            "label-and-switch",
            &["explain_personalisation", "personalisation_off_switch"],
            [1, 5, 2, 3, 4],
            "Fine if customers see why and can switch it off.",
        ),
    ];
    s.cards[1].decision.keep_safeguards = true;
    let f = &mut s.follow_up;
    f.organisation = "Acme Retail, marketing team".into();
    f.facilitator = "Ann".into();
    f.owner_mut("sensitive").owner = "Legal".into();
    f.next_steps = vec![
        NextStep {
            what: "Put the opt-in for spending insights to Legal".into(),
            who: "Bo".into(),
            by: "2027-01-15".into(),
        },
        NextStep {
            what: "Add 'why am I seeing this' to every offer".into(),
            who: "Cem".into(),
            by: "2027-02-01".into(),
        },
    ];
    s
}

/// Pages in a PDF as Chromium writes it: one `/Type /Page` object each.
fn pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

#[test]
fn a_three_card_session_prints_on_at_most_seven_a4_pages() {
    if std::process::Command::new("chromium")
        .arg("--version")
        .output()
        .is_err()
    {
        // CI installs chromium, so there a missing browser is a failure.
        assert!(std::env::var_os("CI").is_none(), "chromium is missing");
        eprintln!("SKIPPED: chromium is not installed; the print test did not run");
        return;
    }
    let f = Fixture::builtin(three_cards());
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let page = export::html(&f.input(lang), Parts::Both);
        // As printed here, and with DejaVu Sans, the wide font a machine
        // without Arial's metric twins falls back to.
        let wide = page.replacen(
            "</head>",
            "<style>html, body { font-family: \"DejaVu Sans\", sans-serif; }</style></head>",
            1,
        );
        for (name, page) in [("as-is", page), ("dejavu", wide)] {
            let n = print(dir.path(), &format!("{name}-{}", lang.code()), &page);
            // The notes carry each card's reveal facts with sources since
            // the deck keeps them apart from the story: seven pages at most.
            assert!((2..=7).contains(&n), "{lang:?}, {name}: {n} pages");
        }
    }
}

/// Prints `page` to PDF with headless Chromium and counts its pages.
fn print(dir: &std::path::Path, name: &str, page: &str) -> usize {
    let html = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&html, page).unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs (CI installs it)");
    assert!(out.status.success(), "{out:?}");
    pages(&std::fs::read(&pdf).unwrap())
}
