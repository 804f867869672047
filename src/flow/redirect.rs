//! The `redirectUrl` sent with Connect By OAuth: where the provider sends the person back.

use crate::percent::{encode_component, split_pairs};

/// Query keys the widget owns in the address bar. Only these are added or removed; every other
/// parameter of the host page is left exactly as it was.
pub const RESULT_KEYS: [&str; 3] = ["connectionId", "error", "cc_attempt"];

/// The key carrying the attempt ID through the round trip.
pub const ATTEMPT_KEY: &str = "cc_attempt";

/// A `redirectUrl` and the fragment that was taken off it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectTarget {
    /// The URL to send to Wix.
    pub url: String,
    /// The host's fragment (without `#`), kept in the attempt record and restored on return,
    /// because providers drop or mangle fragments.
    pub fragment: Option<String>,
}

/// Builds the `redirectUrl` from an absolute base address (the page address, or the configured
/// redirect URL already resolved by the browser): the fragment is removed, stale result keys
/// from an earlier round trip are dropped, and `cc_attempt=<attempt_id>` is appended.
///
/// ```
/// use calendar_connect::flow::redirect::redirect_target;
/// let t = redirect_target("https://host.example/admin?tab=cal&x=%20#settings", "a1");
/// assert_eq!(t.url, "https://host.example/admin?tab=cal&x=%20&cc_attempt=a1");
/// assert_eq!(t.fragment.as_deref(), Some("settings"));
/// ```
pub fn redirect_target(base: &str, attempt_id: &str) -> RedirectTarget {
    let (without_fragment, fragment) = match base.split_once('#') {
        Some((before, after)) => (before, Some(after.to_owned()).filter(|f| !f.is_empty())),
        None => (base, None),
    };
    let (path, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    let mut kept: Vec<String> = split_pairs(query)
        .into_iter()
        .filter(|pair| !RESULT_KEYS.contains(&pair.key.as_str()))
        .map(|pair| pair.raw)
        .collect();
    kept.push(format!("{ATTEMPT_KEY}={}", encode_component(attempt_id)));
    RedirectTarget {
        url: format!("{path}?{}", kept.join("&")),
        fragment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_host_parameters_and_adds_the_attempt() {
        let cases = [
            (
                "https://h.example/p",
                "https://h.example/p?cc_attempt=A",
                None,
            ),
            (
                "https://h.example/p?",
                "https://h.example/p?cc_attempt=A",
                None,
            ),
            (
                "https://h.example/p#",
                "https://h.example/p?cc_attempt=A",
                None,
            ),
            (
                "https://h.example/p?a=1&b=two%20words&flag",
                "https://h.example/p?a=1&b=two%20words&flag&cc_attempt=A",
                None,
            ),
            (
                "https://h.example/p?a=1#/route?x=1",
                "https://h.example/p?a=1&cc_attempt=A",
                Some("/route?x=1"),
            ),
            (
                "https://h.example/p?connectionId=old&a=1&error=reject&cc_attempt=old&Error=kept",
                "https://h.example/p?a=1&Error=kept&cc_attempt=A",
                None,
            ),
            (
                "https://h.example/p?cc%5Fattempt=old&a=b%3Dc",
                "https://h.example/p?a=b%3Dc&cc_attempt=A",
                None,
            ),
            (
                "http://127.0.0.1:8080/?scheduleId=s#x#y",
                "http://127.0.0.1:8080/?scheduleId=s&cc_attempt=A",
                Some("x#y"),
            ),
        ];
        for (base, url, fragment) in cases {
            let target = redirect_target(base, "A");
            assert_eq!(target.url, url, "{base}");
            assert_eq!(target.fragment.as_deref(), fragment, "{base}");
        }
    }

    #[test]
    fn encodes_the_attempt_id() {
        assert_eq!(
            redirect_target("https://h/", "a b&c").url,
            "https://h/?cc_attempt=a%20b%26c"
        );
    }

    #[test]
    fn produces_urls_a_whatwg_parser_reads_back() {
        let target = redirect_target(
            "https://h.example/p?a=1&b=%26#frag",
            "0f8fad5b-d9cb-469f-a165-70867728950e",
        );
        let parsed = url::Url::parse(&target.url).unwrap();
        let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
        assert_eq!(
            pairs,
            [
                ("a".to_owned(), "1".to_owned()),
                ("b".to_owned(), "&".to_owned()),
                (
                    "cc_attempt".to_owned(),
                    "0f8fad5b-d9cb-469f-a165-70867728950e".to_owned()
                ),
            ]
        );
        assert_eq!(parsed.fragment(), None);
    }
}
