//! Dates written into prose: "10 March 2014", "10 maart 2014", never ISO.

use crate::domain::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as a reader writes it in
/// `lang`; anything else comes back unchanged.
pub fn prose_date(date: &str, lang: Lang) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month = |m: &str| {
        let i = m.parse::<usize>().ok()?.checked_sub(1)?;
        match lang {
            Lang::En => MONTHS_EN.get(i),
            Lang::Nl => MONTHS_NL.get(i),
        }
        .copied()
    };
    let day = |d: &str| d.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
    match parts.as_slice() {
        [y] if y.len() == 4 => y.to_string(),
        [y, m] => match month(m) {
            Some(m) => format!("{m} {y}"),
            None => date.to_string(),
        },
        [y, m, d] => match (month(m), day(d)) {
            (Some(m), Some(d)) => format!("{d} {m} {y}"),
            _ => date.to_string(),
        },
        _ => date.to_string(),
    }
}

/// A calendar day in prose, as [`prose_date`].
pub fn prose_day(date: jiff::civil::Date, lang: Lang) -> String {
    prose_date(&date.strftime("%Y-%m-%d").to_string(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_prose_in_each_language() {
        assert_eq!(prose_date("2014-03-10", Lang::Nl), "10 maart 2014");
        assert_eq!(prose_date("2014-03-10", Lang::En), "10 March 2014");
        assert_eq!(prose_date("2014-03", Lang::Nl), "maart 2014");
        assert_eq!(prose_date("2014-03", Lang::En), "March 2014");
        assert_eq!(prose_date("2014-03-01", Lang::Nl), "1 maart 2014");
        assert_eq!(prose_date("2014", Lang::Nl), "2014");
        assert_eq!(prose_date("2014-13", Lang::Nl), "2014-13");
        assert_eq!(prose_date("soon", Lang::En), "soon");
    }
}
