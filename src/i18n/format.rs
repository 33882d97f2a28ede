//! Numbers, times and lists in the reader's notation, for every place
//! that shows them: the app, the CLI and the exports.

use crate::domain::Lang;
use crate::i18n::export::ExportMsg;

/// A number with one decimal, in the language's notation: `3.4` / `3,4`.
pub fn decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

/// Seconds as `m:ss`.
pub fn minutes_seconds(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Joins names as "A, B and C".
pub fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {}", rest.join(", "), ExportMsg::And.get(lang), last),
    }
}

/// A timestamp's calendar date (UTC), `YYYY-MM-DD`: the same in both
/// languages, for a header line (prose uses [`super::dates`]).
pub fn date(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(3.44, Lang::En), "3.4");
        assert_eq!(decimal(3.0, Lang::Nl), "3,0");
    }

    #[test]
    fn names_join_naturally() {
        let names = ["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(join_names(&names, Lang::En), "A, B and C");
        assert_eq!(join_names(&names[..1], Lang::Nl), "A");
        assert_eq!(join_names(&names[..2], Lang::Nl), "A en B");
    }

    #[test]
    fn clock_pads_the_seconds() {
        assert_eq!(minutes_seconds(0), "0:00");
        assert_eq!(minutes_seconds(754), "12:34");
    }
}
