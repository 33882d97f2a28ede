//! The parse pass: bytes to a typed value, or an error that says where
//! and what was expected.

use serde::de::DeserializeOwned;

use super::error::DeckError;
use super::locate::{Position, locate};
use super::path::JsonPath;

/// The file's bytes as text, or where the first byte that is not UTF-8 is.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DeckError> {
    std::str::from_utf8(bytes).map_err(|e| DeckError::NotUtf8 {
        file: file.to_string(),
        at: Position::of_offset(bytes, e.valid_up_to()),
        offset: e.valid_up_to(),
    })
}

/// Parses JSON text into `T`, tracking the path so an error names the
/// field. A leading byte-order mark is dropped, as some editors write one.
pub fn parse_str<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DeckError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DeckError::Empty {
            file: file.to_string(),
        });
    }
    // Syntax first, over the whole text, as editors and `jq` report it: a
    // trailing comma on line 5 is that, not a missing field before it.
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, serde_json::Value>(&mut de).map_err(|e| {
        let path = JsonPath::parse(&e.path().to_string());
        syntax(file, text, path, e.inner())
    })?;
    de.end()
        .map_err(|e| syntax(file, text, JsonPath::root(), &e))?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = JsonPath::parse(&e.path().to_string());
        syntax(file, text, path, e.inner())
    })?;
    // Anything after the value ("} }", a second object) is an error too.
    de.end()
        .map_err(|e| syntax(file, text, JsonPath::root(), &e))?;
    Ok(value)
}

fn syntax(file: &str, text: &str, path: JsonPath, e: &serde_json::Error) -> DeckError {
    // serde_json appends " at line L column C"; the report puts the
    // position in front instead, as compilers do.
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    let at = if e.line() == 0 {
        locate(text, &path)
    } else {
        Position::of_json_error(text.as_bytes(), e)
    };
    DeckError::Syntax {
        file: file.to_string(),
        at,
        path,
        message,
    }
}
