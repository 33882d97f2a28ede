//! Finds the line and column of a path in a JSON text, so a semantic
//! problem points into the file just as a parse error does. The text has
//! already parsed, so the scanner can trust its structure.

use super::path::{JsonPath, Seg};

/// A 1-based line and column (in characters) in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of a byte offset in `src`.
    pub fn of_offset(src: &[u8], offset: usize) -> Position {
        let (line, column) = crate::domain::text::char_position(src, offset);
        Position { line, column }
    }

    /// Where serde_json stopped, counted the same way as [`Self::of_offset`].
    pub fn of_json_error(src: &[u8], e: &serde_json::Error) -> Position {
        let (line, column) = crate::domain::text::json_error_position(src, e.line(), e.column());
        Position { line, column }
    }
}

/// Where the value at `path` starts; when the path goes further than the
/// document (a missing field), where its deepest existing parent starts.
pub fn locate(src: &str, path: &JsonPath) -> Position {
    let mut scan = Scanner {
        b: src.as_bytes(),
        i: 0,
    };
    scan.ws();
    let mut found = scan.i;
    for seg in &path.0 {
        let ok = match seg {
            Seg::Field(name) => scan.enter_field(name),
            Seg::Index(n) => scan.enter_index(*n),
        };
        if !ok {
            break;
        }
        found = scan.i;
    }
    Position::of_offset(src.as_bytes(), found)
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Reads a string starting at its opening quote; returns its raw body.
    fn string(&mut self) -> &[u8] {
        let start = self.i + 1;
        self.i += 1;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return &self.b[start..self.i - 1];
                }
                _ => self.i += 1,
            }
        }
        &self.b[start..self.i.min(self.b.len())]
    }

    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'"' => {
                            self.string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
            }
        }
    }

    /// Moves to the value of field `name` of the object here.
    fn enter_field(&mut self, name: &str) -> bool {
        if self.peek() != Some(b'{') {
            return false;
        }
        self.i += 1;
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return false;
            }
            let raw = self.string().to_vec();
            // Keys with escapes are rare; decode them properly when present.
            let key = if raw.contains(&b'\\') {
                let quoted = [b"\"".as_slice(), &raw, b"\""].concat();
                serde_json::from_slice::<String>(&quoted).unwrap_or_default()
            } else {
                String::from_utf8_lossy(&raw).into_owned()
            };
            self.ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.i += 1;
            self.ws();
            if key == name {
                return true;
            }
            self.skip_value();
            self.ws();
            if self.peek() != Some(b',') {
                return false;
            }
            self.i += 1;
        }
    }

    /// Moves to element `n` of the array here.
    fn enter_index(&mut self, n: usize) -> bool {
        if self.peek() != Some(b'[') {
            return false;
        }
        self.i += 1;
        self.ws();
        for _ in 0..n {
            self.skip_value();
            self.ws();
            if self.peek() != Some(b',') {
                return false;
            }
            self.i += 1;
            self.ws();
        }
        !matches!(self.peek(), Some(b']') | None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"id\": \"x\",\n  \"cards\": [\n    {\"id\": \"a\", \"t\": {\"en\": \"é\"}},\n    {\"id\": \"b\", \"opts\": [1, [2, 3], {\"k\": \"}\"}]}\n  ]\n}";

    fn at(path: &str) -> (usize, usize) {
        let p = locate(DOC, &JsonPath::parse(path));
        (p.line, p.column)
    }

    #[test]
    fn finds_fields_and_elements() {
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("id"), (2, 9));
        assert_eq!(at("cards[0].t.en"), (4, 29));
        assert_eq!(at("cards[1].id"), (5, 12));
        assert_eq!(at("cards[1].opts[2].k"), (5, 43));
    }

    #[test]
    fn missing_parts_point_at_the_deepest_parent() {
        assert_eq!(at("cards[1].outcome"), (5, 5));
        assert_eq!(at("cards[7]"), (3, 12));
    }

    #[test]
    fn columns_count_characters() {
        let src = "{\"a\": \"é\", \"b\": 1}";
        let p = locate(src, &JsonPath::parse("b"));
        assert_eq!((p.line, p.column), (1, 17));
    }
}
