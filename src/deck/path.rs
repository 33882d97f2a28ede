//! Where in a JSON document something is: `cards[3].options[1].label`.

use std::fmt;

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(String),
    Index(usize),
}

/// A path from the top of a document, printed the way `serde_path_to_error`
/// prints it, so parse errors and semantic problems read alike.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    pub fn field(&self, name: &str) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Field(name.to_string()));
        JsonPath(segs)
    }

    pub fn index(&self, i: usize) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(i));
        JsonPath(segs)
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses the text form back; used to locate a parse error's path.
    /// `serde_path_to_error` writes `?` for a step it could not name (a
    /// key that failed to parse); the path stops before it.
    pub fn parse(text: &str) -> JsonPath {
        let mut segs = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            if part.starts_with('?') {
                break;
            }
            let (name, rest) = part.split_once('[').unwrap_or((part, ""));
            if !name.is_empty() {
                segs.push(Seg::Field(name.to_string()));
            }
            for idx in rest.split('[') {
                if let Ok(i) = idx.trim_end_matches(']').parse() {
                    segs.push(Seg::Index(i));
                }
            }
        }
        JsonPath(segs)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if n == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_parses_back() {
        let p = JsonPath::root()
            .field("cards")
            .index(3)
            .field("options")
            .index(1)
            .field("label");
        assert_eq!(p.to_string(), "cards[3].options[1].label");
        assert_eq!(JsonPath::parse(&p.to_string()), p);
        assert_eq!(JsonPath::parse("."), JsonPath::root());
        assert_eq!(JsonPath::parse("cards[1].?").to_string(), "cards[1]");
    }
}
