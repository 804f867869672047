//! Query pairs of the address bar and of API requests, on top of servo/rust-url's
//! `percent-encoding` and `form_urlencoded` crates (the `url` crate itself would bring its IDNA
//! tables into the WebAssembly build).
//!
//! What is left here is what those crates do not offer: one encode set for keys, values and path
//! segments (spaces as `%20`, not the `+` of `form_urlencoded::Serializer`), and a split that
//! keeps each segment as written, so that a host's parameters can be passed on byte for byte.
//!
//! ```
//! use calendar_connect::percent::{encode_component, split_pairs};
//! assert_eq!(encode_component("a b&c"), "a%20b%26c");
//! assert_eq!(split_pairs("q=a+b%26c")[0].value, "a b&c");
//! ```

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the RFC 3986 unreserved characters, so that an encoded value is safe in any
/// position (query key or value, path segment).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Encodes `value` for use as a query key, value or path segment: everything except the
/// RFC 3986 unreserved characters is percent-encoded (a space as `%20`).
pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).collect()
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
/// Keys and values are decoded as browsers' `URLSearchParams` does (`form_urlencoded::parse`):
/// `+` is a space, `%XX` a byte, malformed escapes stay as written and invalid UTF-8 is replaced.
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
        .filter_map(|segment| {
            // A non-empty segment without `&` is exactly one pair.
            let (key, value) = form_urlencoded::parse(segment.as_bytes()).next()?;
            Some(Pair {
                key: key.into_owned(),
                value: value.into_owned(),
                raw: segment.to_owned(),
            })
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
            ("a+b", "a%2Bb"),
            ("a&b=c", "a%26b%3Dc"),
            ("/?#", "%2F%3F%23"),
            ("*!'()", "%2A%21%27%28%29"),
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
            ("%2B", "+"),
            ("100%", "100%"),
            ("%zz", "%zz"),
            ("%4", "%4"),
            ("%FF", "\u{fffd}"),
        ];
        for (input, expected) in cases {
            let pairs = split_pairs(&format!("{input}={input}"));
            assert_eq!(pairs.len(), 1, "{input:?}");
            assert_eq!(pairs[0].key, expected, "{input:?}");
            assert_eq!(pairs[0].value, expected, "{input:?}");
        }
    }

    #[test]
    fn round_trips_through_join_and_split() {
        for value in ["", "plain", "with space", "x=y&z", "a+b", "ünïcödé", "%41"] {
            let pairs = split_pairs(&join_pairs([("k", value)]));
            assert_eq!(pairs.len(), 1, "{value:?}");
            assert_eq!(pairs[0].value, value);
        }
    }

    #[test]
    fn splits_pairs_keeping_raw_segments() {
        let pairs = split_pairs("&a=1&flag&c=%20=x&=&");
        let summary: Vec<_> = pairs
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str(), p.raw.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("a", "1", "a=1"),
                ("flag", "", "flag"),
                ("c", " =x", "c=%20=x"),
                ("", "", "=")
            ]
        );
    }
}
