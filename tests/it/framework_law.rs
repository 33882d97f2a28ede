//! The built-in policy framework says what the law says: the GDPR's dates,
//! the articles cited precisely, other law beside the GDPR filed under its
//! areas, interpretation marked as such, and an opt-out that is not consent.

use datakompas::domain::Framework;

fn framework() -> Framework {
    datakompas::deck::framework()
}

/// Every citation of an area, GDPR and other law, with its English summary.
fn cited(f: &Framework, area: &str) -> Vec<(String, String)> {
    let a = f.area(area).expect("area");
    let mut out: Vec<(String, String)> = a
        .gdpr
        .iter()
        .map(|g| (g.article.clone(), g.summary.en.clone()))
        .collect();
    out.extend(
        f.other_law
            .iter()
            .filter(|l| l.areas.iter().any(|x| x == area))
            .map(|l| (l.citation.clone(), l.summary.en.clone())),
    );
    out
}

fn summary<'a>(lines: &'a [(String, String)], article: &str) -> &'a str {
    lines
        .iter()
        .find(|(a, _)| a == article)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("{article} is cited"))
}

#[test]
fn the_gdpr_dates_are_right() {
    let f = framework();
    let accountability = cited(&f, "accountability");
    let s = summary(&accountability, "Art. 99(2)");
    assert!(s.contains("in force since 24 May 2016") && s.contains("applies since 25 May 2018"));
    for a in &f.areas {
        for g in &a.gdpr {
            assert!(
                !g.summary.en.contains("came into force in 2018"),
                "{}",
                g.article
            );
        }
    }
}

#[test]
fn compatibility_objection_and_withdrawal_are_cited_precisely() {
    let f = framework();
    let collection = cited(&f, "collection");
    let compat = summary(&collection, "Art. 6(4)");
    assert!(compat.contains("neither on the person's consent nor on Union or Member State law"));
    let control = cited(&f, "control");
    let object = summary(&control, "Art. 21(1)–(3)");
    assert!(object.contains("public interest") && object.contains("legitimate interests"));
    assert!(summary(&control, "Art. 7(3)").contains("withdraw"));
    assert!(summary(&control, "Art. 4(11)").contains("an opt-out is never consent"));
    let nl = &f.area("personalisation").unwrap().gdpr;
    let art22 = nl.iter().find(|g| g.article == "Art. 22").unwrap();
    assert!(art22.summary.nl.contains("waaronder profilering"));
}

#[test]
fn joint_control_and_transfers_are_in_sharing() {
    let f = framework();
    let sharing = cited(&f, "sharing");
    let joint = summary(&sharing, "Art. 26");
    assert!(joint.contains("EDPB Guidelines 8/2020") && joint.contains("lookalikes"));
    assert!(joint.contains("Interpretation"));
    assert!(summary(&sharing, "Art. 44–49").contains("outside the EEA"));
}

#[test]
fn other_law_is_cited_and_filed_under_its_areas() {
    let f = framework();
    let has = |area: &str, citation: &str| cited(&f, area).iter().any(|(c, _)| c == citation);
    assert!(has("control", "Telecommunicatiewet art. 11.7"));
    assert!(has("personalisation", "Telecommunicatiewet art. 11.7"));
    assert!(has("control", "Telecommunicatiewet art. 11.7a"));
    assert!(has("sensitive", "DSA (EU) 2022/2065 art. 26(3)"));
    assert!(has("personalisation", "DSA (EU) 2022/2065 art. 28(2)"));
    assert!(has(
        "personalisation",
        "Consumer Rights Directive 2011/83/EU art. 6(1)(ea), inserted by the Omnibus Directive (EU) 2019/2161"
    ));
    assert!(has("transparency", "AI Act (EU) 2024/1689 art. 50"));
    for l in &f.other_law {
        assert!(!l.areas.is_empty(), "{}", l.citation);
        assert!(
            !l.summary.en.is_empty() && !l.summary.nl.is_empty(),
            "{}",
            l.citation
        );
    }
}

#[test]
fn inferring_pregnancy_as_health_data_is_marked_as_interpretation() {
    let f = framework();
    let sensitive = cited(&f, "sensitive");
    let art9 = summary(&sensitive, "Art. 9");
    let at = art9.find("pregnancy").unwrap();
    assert!(art9[..at].contains("Interpretation"), "{art9}");
}

#[test]
fn an_opt_out_is_an_objection_not_a_weaker_consent() {
    let f = framework();
    let opt_out = f.safeguard("easy_opt_out").unwrap();
    let opt_in = f.safeguard("opt_in_only").unwrap();
    // No shared topic: choosing both keeps both, neither overrides the other.
    assert!(opt_out.topic.is_none() && opt_out.level == 0);
    assert!(opt_in.topic.is_none());
    assert!(opt_out.commitment.en.contains("object"));
    assert!(opt_out.commitment.en.contains("not consent"));
}
