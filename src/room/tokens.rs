//! Room tokens, device tokens and join codes: random from the operating
//! system's CSPRNG, compared in constant time.

use sha2::{Digest, Sha256};

use crate::domain::room::DeviceId;

/// The join code's alphabet: digits and capitals without the look-alikes
/// 0/O, 1/I/L, so a code read off a projector is typed right.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const CODE_LEN: usize = 6;

/// 128 random bits as 32 lowercase hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `s` has the shape of a token this room hands out.
pub fn is_token(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A fresh join code. Rejection sampling keeps every symbol equally likely.
pub fn random_code() -> String {
    let mut code = String::with_capacity(CODE_LEN);
    while code.len() < CODE_LEN {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte).expect("the operating system's random source failed");
        // 248 = 8 × 31: bytes above it would favour the first symbols.
        if usize::from(byte[0]) < 8 * CODE_ALPHABET.len() {
            code.push(char::from(
                CODE_ALPHABET[usize::from(byte[0]) % CODE_ALPHABET.len()],
            ));
        }
    }
    code
}

/// A typed code as the room compares it: capitals, without the spaces and
/// dashes people add.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub fn is_code(s: &str) -> bool {
    s.len() == CODE_LEN && s.bytes().all(|b| CODE_ALPHABET.contains(&b))
}

/// What the session keeps of a device token.
pub fn device_id(token: &str) -> DeviceId {
    let digest = Sha256::digest(token.as_bytes());
    DeviceId(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares secrets without an early exit, so timing tells nothing.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bits_and_differ() {
        let (a, b) = (random_token(), random_token());
        assert!(is_token(&a) && is_token(&b));
        assert_ne!(a, b);
        assert!(!is_token("ABCDEF"));
        assert!(!is_token(&a.to_uppercase()));
    }

    #[test]
    fn codes_avoid_look_alikes() {
        for _ in 0..200 {
            let code = random_code();
            assert!(is_code(&code), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
        }
        assert_eq!(normalize_code(" k7x-m4p "), "K7XM4P");
        assert!(!is_code("K7XM4"));
        assert!(!is_code("K7XM40"));
    }

    #[test]
    fn device_ids_are_hashes_not_tokens() {
        let token = random_token();
        let id = device_id(&token);
        assert_eq!(id.0.len(), 64);
        assert!(!id.0.contains(&token));
        assert_eq!(id, device_id(&token));
    }

    #[test]
    fn same_compares_whole_strings() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
    }
}
