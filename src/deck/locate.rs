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
    Locator::new(src).locate_all(&[path])[0]
}

/// A text's line starts, indexed once, so any number of positions cost a
/// binary search each instead of a count from the first byte.
pub struct Locator<'a> {
    src: &'a [u8],
    /// Byte offset where each line starts; the first is 0.
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Locator<'a> {
        let src = src.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(
                src.iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Locator { src, line_starts }
    }

    /// The position of a byte offset, as [`Position::of_offset`] counts it.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.src.len());
        // The last line that starts at or before the offset.
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        // Continuation bytes do not start a character.
        let column = self.src[start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        Position { line, column }
    }

    /// Where each path is, as [`locate`] finds it, in one walk over the
    /// text: the paths are merged into a tree, and the walk goes into a
    /// value only when some path does, skipping everything else once.
    pub fn locate_all(&self, paths: &[&JsonPath]) -> Vec<Position> {
        let mut tree = Node::default();
        for (n, path) in paths.iter().enumerate() {
            let mut node = &mut tree;
            for seg in &path.0 {
                node = node.child(seg);
            }
            node.ends.push(n);
        }
        let mut offsets = vec![0; paths.len()];
        let mut scan = Scanner { b: self.src, i: 0 };
        scan.ws();
        scan.visit(&tree, &mut offsets);
        offsets.into_iter().map(|o| self.position(o)).collect()
    }
}

/// The paths to find, merged by their common steps.
#[derive(Default)]
struct Node {
    /// Which paths end here.
    ends: Vec<usize>,
    fields: Vec<(String, Node)>,
    /// Sorted by index, so one pass over an array finds them all.
    indices: Vec<(usize, Node)>,
}

impl Node {
    fn child(&mut self, seg: &Seg) -> &mut Node {
        match seg {
            Seg::Field(name) => {
                let at = match self.fields.iter().position(|(f, _)| f == name) {
                    Some(at) => at,
                    None => {
                        self.fields.push((name.clone(), Node::default()));
                        self.fields.len() - 1
                    }
                };
                &mut self.fields[at].1
            }
            Seg::Index(i) => {
                let at = match self.indices.binary_search_by_key(i, |(n, _)| *n) {
                    Ok(at) => at,
                    Err(at) => {
                        self.indices.insert(at, (*i, Node::default()));
                        at
                    }
                };
                &mut self.indices[at].1
            }
        }
    }

    /// Every path ending at or below this node is at `offset`.
    fn fill(&self, offset: usize, offsets: &mut [usize]) {
        for &n in &self.ends {
            offsets[n] = offset;
        }
        for (_, child) in &self.fields {
            child.fill(offset, offsets);
        }
        for (_, child) in &self.indices {
            child.fill(offset, offsets);
        }
    }
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

    /// Records where the paths of `node` are, starting at the value here;
    /// leaves the scanner after that value. A step the document lacks
    /// leaves its paths at this value, the deepest existing parent.
    fn visit(&mut self, node: &Node, offsets: &mut [usize]) {
        let here = self.i;
        node.fill(here, offsets);
        match self.peek() {
            Some(b'{') if !node.fields.is_empty() => self.visit_object(node, offsets),
            Some(b'[') if !node.indices.is_empty() => self.visit_array(node, offsets),
            _ => self.skip_value(),
        }
    }

    fn visit_object(&mut self, node: &Node, offsets: &mut [usize]) {
        // The first of repeated keys is the one found, as before.
        let mut seen = vec![false; node.fields.len()];
        self.i += 1;
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                break;
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
                break;
            }
            self.i += 1;
            self.ws();
            match node.fields.iter().position(|(f, _)| *f == key) {
                Some(at) if !seen[at] => {
                    seen[at] = true;
                    self.visit(&node.fields[at].1, offsets);
                }
                _ => self.skip_value(),
            }
            self.ws();
            if self.peek() != Some(b',') {
                break;
            }
            self.i += 1;
        }
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
        }
    }

    fn visit_array(&mut self, node: &Node, offsets: &mut [usize]) {
        self.i += 1;
        let mut wanted = node.indices.iter().peekable();
        let mut n = 0;
        loop {
            self.ws();
            if matches!(self.peek(), Some(b']') | None) {
                break;
            }
            match wanted.peek() {
                Some((i, child)) if *i == n => {
                    self.visit(child, offsets);
                    wanted.next();
                }
                _ => self.skip_value(),
            }
            n += 1;
            self.ws();
            if self.peek() != Some(b',') {
                break;
            }
            self.i += 1;
        }
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
        }
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
    fn many_paths_at_once_land_where_each_alone_does() {
        let texts = [
            "",
            "id",
            "cards[0].t.en",
            "cards[1].id",
            "cards[1].opts[2].k",
            "cards[1].outcome",
            "cards[7]",
            "cards[1].opts[1][1]",
            "cards[0].t.en",
            "id.deeper",
            "cards[0]",
        ];
        let paths: Vec<JsonPath> = texts.iter().map(|t| JsonPath::parse(t)).collect();
        let together = Locator::new(DOC).locate_all(&paths.iter().collect::<Vec<_>>());
        let alone: Vec<Position> = paths.iter().map(|p| locate(DOC, p)).collect();
        assert_eq!(together, alone);
        assert_eq!((together[7].line, together[7].column), (5, 33));
        assert_eq!((together[9].line, together[9].column), (2, 9));
    }

    #[test]
    fn repeated_keys_point_at_the_first() {
        let src = "{\"a\": 1,\n \"a\": 2}";
        let p = locate(src, &JsonPath::parse("a"));
        assert_eq!((p.line, p.column), (1, 7));
    }

    #[test]
    fn positions_by_binary_search_match_a_count() {
        let src = "ab\né\n\nxyz";
        let index = Locator::new(src);
        for offset in 0..=src.len() + 2 {
            assert_eq!(
                index.position(offset),
                Position::of_offset(src.as_bytes(), offset)
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let src = "{\"a\": \"é\", \"b\": 1}";
        let p = locate(src, &JsonPath::parse("b"));
        assert_eq!((p.line, p.column), (1, 17));
    }
}
