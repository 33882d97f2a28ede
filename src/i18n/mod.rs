//! Every text the user sees, in English and Dutch. Each part of the app
//! keeps its own table (`cli`, `compare`, `deck`, `sessions`, `store`, `export`, `room`,
//! `tui`) built with [`texts!`](crate::texts), so a key without both languages does not
//! compile, and every table passes `check_table` in its tests.

use crate::domain::Lang;

pub mod butcher;
pub mod cli;
pub mod cli_help;
pub mod compare;
pub mod console;
pub mod dates;
pub mod deck;
pub mod export;
pub mod files;
pub mod format;
pub mod labels;
pub mod os;
pub mod room;
pub mod sessions;
pub mod store;
pub mod tui;

/// Declares an enum of message keys with their English and Dutch text.
///
/// ```text
/// texts! { pub enum Msg { Hello => ("Hello", "Hallo"), } }
/// ```
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => ($en:expr, $nl:expr $(,)?)),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($key,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            pub fn get(self, lang: $crate::domain::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::domain::Lang::En) => $en,
                        ($name::$key, $crate::domain::Lang::Nl) => $nl,
                    )*
                }
            }
        }
    };
}

/// Fills `{name}` placeholders in a template. Unknown placeholders stay.
/// The template is read once, so braces inside a filled-in value (user
/// text) are never taken for placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The language to use when none was asked for: from `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, as POSIX orders them.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_locale(&v))
        .unwrap_or(Lang::En)
}

/// The `{name}` placeholders of a template, sorted. Braces around
/// anything else (a JSON example) are not placeholders.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    names.sort_unstable();
    names
}

/// The checks every [`texts!`] table passes: no empty text, the same
/// placeholders in both languages, and Dutch that says "je", not "u".
#[cfg(test)]
pub(crate) fn check_table<K: Copy + std::fmt::Debug>(all: &[K], get: fn(K, Lang) -> &'static str) {
    for &key in all {
        let (en, nl) = (get(key, Lang::En), get(key, Lang::Nl));
        assert!(!en.trim().is_empty(), "{key:?}: empty English text");
        assert!(!nl.trim().is_empty(), "{key:?}: empty Dutch text");
        assert_eq!(
            placeholders(en),
            placeholders(nl),
            "{key:?}: placeholders differ"
        );
        let words = nl
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "u" || w == "uw");
        assert!(!words, "{key:?}: Dutch says \"u\" instead of \"je\": {nl}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_named_braces_only() {
        assert_eq!(placeholders("{b} of {a}, {\"id\": 1}, {}"), ["a", "b"]);
    }

    #[test]
    #[should_panic(expected = "Dutch says")]
    fn formal_dutch_is_caught() {
        crate::texts! { enum Formal { Ask => ("Do you?", "Wilt u dat?") } }
        check_table(Formal::ALL, Formal::get);
    }

    #[test]
    #[should_panic(expected = "placeholders differ")]
    fn a_lost_placeholder_is_caught() {
        crate::texts! { enum Lost { Count => ("{n} cards", "kaarten") } }
        check_table(Lost::ALL, Lost::get);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
        assert_eq!(fill("{missing}", &[]), "{missing}");
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x"
        );
    }
}
