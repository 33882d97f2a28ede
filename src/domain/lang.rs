use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The two languages every user-facing text exists in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The language a POSIX locale string asks for: `nl_NL.UTF-8` and `nl`
    /// give Dutch; anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower == "nl"
            || lower.starts_with("nl_")
            || lower.starts_with("nl-")
            || lower.starts_with("nl.")
        {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Nl,
            Lang::Nl => Lang::En,
        }
    }
}

/// A human text in both languages: `{"en": "…", "nl": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[schemars(length(min = 1))]
    pub en: String,
    #[schemars(length(min = 1))]
    pub nl: String,
}

impl Text {
    pub fn new(en: impl Into<String>, nl: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            nl: nl.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_dutch_only_for_nl() {
        assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Lang::Nl);
        assert_eq!(Lang::from_locale("nl_BE"), Lang::Nl);
        assert_eq!(Lang::from_locale("nl"), Lang::Nl);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn text_picks_language() {
        let t = Text::new("yes", "ja");
        assert_eq!(t.get(Lang::En), "yes");
        assert_eq!(t.get(Lang::Nl), "ja");
    }
}
