//! Every text the user sees, in English and Dutch. Each part of the app
//! keeps its own table (`cli`, `tui`, `export`) built with [`texts!`], so a
//! key without both languages does not compile.

use crate::domain::Lang;

pub mod cli;
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
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "2"), ("total", "5")]),
            "2 of 5"
        );
        assert_eq!(fill("{missing}", &[]), "{missing}");
    }
}
