//! The `Authorization` value, checked before a request is built: `fetch` throws on a header
//! value it can't carry, and gloo-net turns that throw into a panic rather than an error.

/// Whether `token` can be sent as the `Authorization` header. The Fetch standard trims HTTP
/// whitespace (tab, line feed, carriage return, space) from both ends, then refuses NUL, line
/// feed and carriage return, and a value that is not a byte string (a character above U+00FF).
/// A token that is empty once trimmed is no token either.
///
/// ```
/// use calendar_connect::api::header::is_usable_token;
/// assert!(is_usable_token("IST.eyJraWQiOi"));
/// assert!(!is_usable_token("dev\nX-Injected: 1"));
/// ```
pub fn is_usable_token(token: &str) -> bool {
    let trimmed = token.trim_matches(['\t', '\n', '\r', ' ']);
    !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| u32::from(c) <= 0xFF && !matches!(c, '\0' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::is_usable_token;

    #[test]
    fn only_values_fetch_can_carry_are_usable() {
        let cases = [
            ("dev-token", true),
            ("Bearer abc.def-ghi_jkl", true),
            (" padded\t", true),
            ("trailing line feed\n", true),
            ("tab\tinside", true),
            ("latin-1 é", true),
            ("", false),
            (" \t\r\n", false),
            ("line\nfeed", false),
            ("carriage\rreturn", false),
            ("nul\0byte", false),
            ("euro €", false),
            ("emoji 🙂", false),
        ];
        for (token, usable) in cases {
            assert_eq!(is_usable_token(token), usable, "{token:?}");
        }
    }
}
