//! Percent-encoding and `application/x-www-form-urlencoded` pair handling, shared by the API
//! query builder and the address-bar logic of the OAuth round trip.
//!
//! Hand-written instead of pulling the `url` crate into the WebAssembly build: the widget only
//! needs to split, decode and re-encode query pairs, and `url` (with IDNA tables) would cost more
//! than the rest of the logic together.
//!
//! ```
//! use calendar_connect::percent::{encode_component, decode_component};
//! assert_eq!(encode_component("a b&c"), "a%20b%26c");
//! assert_eq!(decode_component("a+b%26c"), "a b&c");
//! ```

/// Encodes `value` for use as a query key, value or path segment: everything except the
/// RFC 3986 unreserved characters is percent-encoded, so the result is safe in any position.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 0x0f));
        }
    }
    out
}

fn hex_digit(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16)
        .unwrap_or('0')
        .to_ascii_uppercase()
}

/// Decodes a form-encoded key or value: `+` is a space and `%XX` a byte; malformed escapes are
/// kept literally and invalid UTF-8 is replaced, as browsers' `URLSearchParams` do.
pub fn decode_component(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'+' {
            out.push(b' ');
        } else if byte == b'%' {
            let escaped = bytes
                .get(i + 1..i + 3)
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok());
            if let Some(decoded) = escaped {
                out.push(decoded);
                i += 2;
            } else {
                out.push(byte);
            }
        } else {
            out.push(byte);
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One `key=value` segment of a query string: the decoded key and value, and the segment exactly
/// as it was written, so that a host's parameters can be passed on byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The decoded key.
    pub key: String,
    /// The decoded value (empty when the segment has no `=`).
    pub value: String,
    /// The segment as written, still encoded.
    pub raw: String,
}

/// Splits a query string (without the leading `?`) into its pairs, skipping empty segments.
///
/// ```
/// use calendar_connect::percent::split_pairs;
/// let pairs = split_pairs("a=1&&b=x%20y");
/// assert_eq!(pairs[1].value, "x y");
/// assert_eq!(pairs[1].raw, "b=x%20y");
/// ```
pub fn split_pairs(query: &str) -> Vec<Pair> {
    query
        .split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| {
            let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
            Pair {
                key: decode_component(key),
                value: decode_component(value),
                raw: segment.to_owned(),
            }
        })
        .collect()
}

/// Builds a query string (without `?`) from decoded key/value pairs, encoding each side.
///
/// ```
/// use calendar_connect::percent::join_pairs;
/// assert_eq!(join_pairs([("ids", "a"), ("ids", "b c")]), "ids=a&ids=b%20c");
/// ```
pub fn join_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(key, value)| format!("{}={}", encode_component(key), encode_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_everything_but_unreserved() {
        let cases = [
            ("abcXYZ019-_.~", "abcXYZ019-_.~"),
            ("a b", "a%20b"),
            ("a&b=c", "a%26b%3Dc"),
            ("/?#", "%2F%3F%23"),
            ("é", "%C3%A9"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(encode_component(input), expected, "{input:?}");
        }
    }

    #[test]
    fn decodes_like_url_search_params() {
        let cases = [
            ("a+b", "a b"),
            ("%41%42", "AB"),
            ("%C3%A9", "é"),
            ("100%", "100%"),
            ("%zz", "%zz"),
            ("%4", "%4"),
            ("%FF", "\u{fffd}"),
        ];
        for (input, expected) in cases {
            assert_eq!(decode_component(input), expected, "{input:?}");
        }
    }

    #[test]
    fn round_trips_through_encode_and_decode() {
        for value in ["", "plain", "with space", "x=y&z", "ünïcödé", "%41"] {
            assert_eq!(decode_component(&encode_component(value)), value);
        }
    }

    #[test]
    fn splits_pairs_keeping_raw_segments() {
        let pairs = split_pairs("&a=1&flag&c=%20=x&");
        let summary: Vec<_> = pairs
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str(), p.raw.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("a", "1", "a=1"),
                ("flag", "", "flag"),
                ("c", " =x", "c=%20=x")
            ]
        );
    }
}
