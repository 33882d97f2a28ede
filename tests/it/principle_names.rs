//! The principle library reads as distinct principles in both languages:
//! no two names share a word, so "Fair" and "Honest" do not both come out
//! as "eerlijk" in Dutch.

use std::collections::BTreeMap;

use datakompas::domain::Lang;

#[test]
fn no_two_principle_names_share_a_word() {
    let library = datakompas::deck::principles();
    for lang in Lang::ALL {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for p in &library.principles {
            let name = p.name.get(lang);
            // Dutch reads the loanword "fair" as "eerlijk", which Honest is.
            if lang == Lang::Nl {
                assert!(!name.to_lowercase().contains("fair"), "{}: {name}", p.id);
            }
            for word in name.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
                // Little words ("de", "en", "and") may repeat.
                if word.chars().count() < 4 {
                    continue;
                }
                // A stem: "eerlijk" and "eerlijke" are one word here.
                let stem: String = word.chars().take(6).collect();
                if let Some(other) = seen.insert(stem, &p.id) {
                    panic!("{lang:?}: {} and {other} share “{word}”", p.id);
                }
            }
        }
    }
}
