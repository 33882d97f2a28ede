//! Small checks shared by the deck and the asset files.

use std::collections::HashMap;

use super::path::JsonPath;
use super::problem::{IdStyle, Problem, ProblemKind, YEARS};
use crate::domain::text::acts_on_terminal;
use crate::domain::{Lang, Text};

/// Collects problems as the checks walk a document.
#[derive(Default)]
pub struct Findings(pub Vec<Problem>);

impl Findings {
    pub fn add(&mut self, path: JsonPath, kind: ProblemKind) {
        self.0.push(Problem::new(path, kind));
    }

    /// Both languages of a text have something in them, and nothing a
    /// terminal would act on.
    pub fn text(&mut self, path: &JsonPath, text: &Text) {
        for lang in Lang::ALL {
            if text.get(lang).trim().is_empty() {
                self.add(path.field(lang.code()), ProblemKind::EmptyText(lang));
            }
            self.no_controls(path.field(lang.code()), text.get(lang));
        }
    }

    /// No control character, escape or bidirectional override in a text
    /// that will be shown: newlines and tabs only.
    pub fn no_controls(&mut self, path: JsonPath, value: &str) {
        if let Some(c) = value.chars().find(|c| acts_on_terminal(*c)) {
            self.add(path, ProblemKind::ControlChar(c));
        }
    }

    pub fn texts(&mut self, path: &JsonPath, texts: &[Text]) {
        for (i, text) in texts.iter().enumerate() {
            self.text(&path.index(i), text);
        }
    }

    pub fn non_empty(&mut self, path: JsonPath, value: &str) {
        if value.trim().is_empty() {
            self.add(path.clone(), ProblemKind::EmptyField);
        }
        self.no_controls(path, value);
    }

    pub fn id(&mut self, path: JsonPath, id: &str, style: IdStyle) {
        if !is_id(id, style) {
            self.add(
                path,
                ProblemKind::BadId {
                    id: id.to_string(),
                    style,
                },
            );
        }
    }

    /// Each id well-formed and used once; `path_of(i)` is where item `i`'s id is.
    pub fn unique_ids<'a>(
        &mut self,
        ids: impl IntoIterator<Item = &'a str>,
        style: IdStyle,
        path_of: impl Fn(usize) -> JsonPath,
    ) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            self.id(path_of(i), id, style);
            if let Some(&first) = seen.get(id) {
                self.add(
                    path_of(i),
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first: path_of(first),
                    },
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// No entry twice in a list of references (safeguards, areas, tags).
    pub fn no_repeats<'a>(&mut self, path: &JsonPath, items: impl IntoIterator<Item = &'a str>) {
        let mut seen = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if seen.contains(&item) {
                self.add(
                    path.index(i),
                    ProblemKind::Repeated {
                        item: item.to_string(),
                    },
                );
            } else {
                seen.push(item);
            }
        }
    }

    /// A card's list of framework ids (areas, safeguards): at least one
    /// (else `empty`), each once, each one of `known` (else `unknown`,
    /// with the nearest known id as a suggestion).
    pub fn references(
        &mut self,
        path: &JsonPath,
        ids: &[String],
        known: &[&str],
        empty: ProblemKind,
        unknown: fn(String, Option<String>) -> ProblemKind,
    ) {
        if ids.is_empty() {
            self.add(path.clone(), empty);
        }
        self.no_repeats(path, ids.iter().map(String::as_str));
        for (i, id) in ids.iter().enumerate() {
            if !known.contains(&id.as_str()) {
                let suggestion = suggest(id, known.iter().copied());
                self.add(path.index(i), unknown(id.clone(), suggestion));
            }
        }
    }

    pub fn year(&mut self, path: JsonPath, year: i64) {
        if !YEARS.contains(&year) {
            self.add(path, ProblemKind::YearOutOfRange(year));
        }
    }
}

/// `ing-2014` (dashes) or `purpose_stated` (underscores): lowercase ASCII
/// letters and digits in groups joined by single separators.
pub fn is_id(id: &str, style: IdStyle) -> bool {
    let sep = match style {
        IdStyle::Dashes => '-',
        IdStyle::Underscores => '_',
    };
    !id.is_empty()
        && id.split(sep).all(|group| {
            !group.is_empty()
                && group
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a day that exists.
pub fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let widths_ok = matches!(parts.len(), 1..=3)
        && parts
            .iter()
            .zip([4, 2, 2])
            .all(|(p, w)| p.len() == w && p.chars().all(|c| c.is_ascii_digit()));
    if !widths_ok {
        return false;
    }
    let num = |i: usize| parts.get(i).map(|p| p.parse::<i16>().unwrap_or(0));
    let year = num(0).unwrap_or(0);
    let month = num(1).unwrap_or(1);
    let day = num(2).unwrap_or(1);
    i8::try_from(month)
        .ok()
        .zip(i8::try_from(day).ok())
        .is_some_and(|(m, d)| jiff::civil::Date::new(year, m, d).is_ok())
}

/// Whether valid date `a` is surely after valid date `b`. A date given
/// to the month or year covers that whole stretch, so `2014-03` is not
/// after `2014-03-10`, nor `2014-03-18` after `2014-03`.
pub fn date_after(a: &str, b: &str) -> bool {
    // Fixed widths: padding the earliest day of `a` with zeros and the
    // last of `b` with nines makes text order the order in time.
    let pad = |d: &str, fill: &str| {
        let mut s = d.to_string();
        while s.len() < 10 {
            s.push('-');
            s.push_str(fill);
        }
        s
    };
    pad(a, "00") > pad(b, "99")
}

/// The year a valid date starts with.
pub fn date_year(date: &str) -> Option<i64> {
    date.get(..4)?.parse().ok()
}

/// The closest known id to a mistyped one, if it is close enough to be
/// the likely intent (a typo, not a different word).
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// A practice tag as it is written in JSON.
pub fn tag_code(tag: crate::domain::PracticeTag) -> &'static str {
    use crate::domain::PracticeTag::*;
    match tag {
        ThirdPartySharing => "third_party_sharing",
        SecondaryUse => "secondary_use",
        Profiling => "profiling",
        SensitiveInference => "sensitive_inference",
        LocationTracking => "location_tracking",
        PersonalPricing => "personal_pricing",
        Experimentation => "experimentation",
        DataRelease => "data_release",
        Personalisation => "personalisation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["ing-2014", "a", "x1-2b"] {
            assert!(is_id(good, IdStyle::Dashes), "{good}");
        }
        for bad in ["", "Ing-2014", "ing_2014", "-a", "a-", "a--b", "é", "a b"] {
            assert!(!is_id(bad, IdStyle::Dashes), "{bad}");
        }
        assert!(is_id("purpose_stated", IdStyle::Underscores));
        assert!(!is_id("purpose-stated", IdStyle::Underscores));
    }

    #[test]
    fn dates() {
        for good in ["2014", "2014-03", "2014-03-17", "2012-02-29"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "",
            "14",
            "2014-3",
            "2014-13",
            "2014-02-30",
            "2013-02-29",
            "17-03-2014",
            "2014/03",
            "2014-03-17T10",
            "March 2014",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn a_date_is_after_only_when_surely_so() {
        assert!(date_after("2014-03-11", "2014-03-10"));
        assert!(date_after("2014-04", "2014-03-10"));
        assert!(date_after("2015", "2014-03"));
        assert!(date_after("2014-04-01", "2014-03"));
        for (a, b) in [
            ("2014-03-10", "2014-03-10"),
            ("2014-03-09", "2014-03-10"),
            ("2014-03", "2014-03-10"),
            ("2014-03-18", "2014-03"),
            ("2014", "2014-03-10"),
            ("2014-12-31", "2014"),
        ] {
            assert!(!date_after(a, b), "{a} after {b}");
        }
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let known = ["purpose_stated", "opt_in_only", "easy_opt_out"];
        assert_eq!(
            suggest("purpose_stat", known).as_deref(),
            Some("purpose_stated")
        );
        assert_eq!(suggest("opt_in", known).as_deref(), None);
        assert_eq!(suggest("banana", known), None);
    }
}
