//! Reading the provider's answer from the address bar after the round trip, deciding what it
//! means, and cleaning it out of the address afterwards.
//!
//! ```
//! use calendar_connect::flow::returning::{read_return, ProviderResult};
//! let params = read_return("?tab=1&connectionId=c1&cc_attempt=a1", "").unwrap();
//! assert_eq!(params.result(), ProviderResult::Connected("c1".into()));
//! ```

use crate::flow::attempt::{match_attempt, AttemptMatch, AttemptRecord};
use crate::flow::redirect::{ATTEMPT_KEY, RESULT_KEYS};
use crate::percent::{split_pairs, Pair};

/// The result keys found in the address, every value kept (a key may repeat).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReturnParams {
    /// Values of `connectionId`.
    pub connection_ids: Vec<String>,
    /// Values of `error`.
    pub errors: Vec<String>,
    /// Values of `cc_attempt`.
    pub attempt_ids: Vec<String>,
}

/// The failures a provider reports in `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderError {
    /// The person refused access.
    Reject,
    /// The provider does not support that kind of account.
    Unsupported,
    /// A server-side error at Wix or the provider.
    Internal,
}

/// What the provider said, before matching it to an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderResult {
    /// A single non-empty `connectionId` and no `error`.
    Connected(String),
    /// A single known `error` value (which wins over any `connectionId`).
    Failed(ProviderError),
    /// Empty, unknown or conflicting values; carries the raw values for a details disclosure.
    Unclear(String),
}

/// Reads the result keys from the query (`search`, with or without `?`), falling back to the
/// fragment (`hash`, with or without `#`) where some hosts' routers put them: either the whole
/// fragment (`#connectionId=…`) or the part after its `?` (`#/route?connectionId=…`).
/// Returns `None` when neither holds any result key.
pub fn read_return(search: &str, hash: &str) -> Option<ReturnParams> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    [search, fragment_query(hash).1]
        .into_iter()
        .map(collect_params)
        .find(|params| *params != ReturnParams::default())
}

fn collect_params(query: &str) -> ReturnParams {
    let mut params = ReturnParams::default();
    for Pair { key, value, .. } in split_pairs(query) {
        match key.as_str() {
            "connectionId" => params.connection_ids.push(value),
            "error" => params.errors.push(value),
            ATTEMPT_KEY => params.attempt_ids.push(value),
            _ => {}
        }
    }
    params
}

/// Splits a fragment into a route prefix and the part that may hold parameters:
/// `"/r?a=1"` → `("/r?", "a=1")`, `"a=1&b"` → `("", "a=1&b")`, `"section"` → `("section", "")`.
fn fragment_query(hash: &str) -> (&str, &str) {
    if let Some(index) = hash.find('?') {
        hash.split_at(index + 1)
    } else if hash.contains('=') || hash.contains('&') {
        ("", hash)
    } else {
        (hash, "")
    }
}

impl ReturnParams {
    /// What the provider said. `error` wins over `connectionId`.
    pub fn result(&self) -> ProviderResult {
        if !self.errors.is_empty() {
            return match single(&self.errors) {
                Some("reject") => ProviderResult::Failed(ProviderError::Reject),
                Some("unsupported") => ProviderResult::Failed(ProviderError::Unsupported),
                Some("internal") => ProviderResult::Failed(ProviderError::Internal),
                _ => ProviderResult::Unclear(self.raw()),
            };
        }
        match single(&self.connection_ids) {
            Some(id) if !id.is_empty() => ProviderResult::Connected(id.to_owned()),
            _ => ProviderResult::Unclear(self.raw()),
        }
    }

    /// The result values as `key=value` text, for the details disclosure (rendered as text).
    pub fn raw(&self) -> String {
        let errors = self.errors.iter().map(|v| format!("error={v}"));
        let ids = self
            .connection_ids
            .iter()
            .map(|v| format!("connectionId={v}"));
        errors.chain(ids).collect::<Vec<_>>().join(", ")
    }
}

/// The one value all entries agree on; `None` when there are none or they conflict.
fn single(values: &[String]) -> Option<&str> {
    let first = values.first()?;
    values.iter().all(|v| v == first).then_some(first.as_str())
}

/// The outcome of a return, after matching it to the stored attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The matched attempt succeeded.
    Connected {
        /// The new connection.
        connection_id: String,
        /// Provider name from the attempt record.
        provider_name: String,
    },
    /// The provider reported a failure; the provider is named when the attempt matched.
    ProviderFailed {
        /// Which failure.
        error: ProviderError,
        /// Provider name, if the attempt matched.
        provider_name: Option<String>,
    },
    /// Empty, unknown or conflicting values.
    Unclear {
        /// Raw values for the details disclosure.
        raw: String,
    },
    /// A `connectionId` that matches no stored attempt: never announced as a success.
    Unconfirmed {
        /// Raw values for the details disclosure.
        raw: String,
    },
    /// An attempt older than 30 minutes came back without a result: a soft note.
    Expired {
        /// Provider name from the attempt record.
        provider_name: String,
    },
}

/// The decision for a return: the outcome to show, and the matched attempt whose choices the
/// widget restores (and whose fragment goes back into the address).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// What to tell the person.
    pub outcome: Outcome,
    /// The attempt the return belongs to, if it matched.
    pub attempt: Option<AttemptRecord>,
    /// The attempt whose choices and fragment come back: the matched one, or one that the
    /// return names but that is too old to vouch for the result. A slow consent (a second
    /// factor, say) still lands on the schedule, provider and route it left from, even though
    /// its result is not announced.
    pub restored: Option<AttemptRecord>,
}

/// Decides the outcome of a page load from the address's result keys (if any) and the stored
/// attempt (if any). Returns `None` when there is nothing to say: no result, and no stored
/// attempt old enough to be cleared.
///
/// ```
/// use calendar_connect::flow::attempt::AttemptRecord;
/// use calendar_connect::flow::returning::{read_return, resolve, Outcome};
/// let stored = AttemptRecord::new("a1", "s", "p", "Google", 0, None);
/// let params = read_return("connectionId=c&cc_attempt=other", "");
/// let resolution = resolve(params.as_ref(), Some(&stored), 1).unwrap();
/// assert!(matches!(resolution.outcome, Outcome::Unconfirmed { .. }));
/// ```
pub fn resolve(
    params: Option<&ReturnParams>,
    stored: Option<&AttemptRecord>,
    now_ms: u64,
) -> Option<Resolution> {
    let Some(params) = params else {
        let expired = stored.filter(|record| record.is_expired(now_ms))?;
        return Some(Resolution {
            outcome: Outcome::Expired {
                provider_name: expired.provider_name.clone(),
            },
            attempt: None,
            restored: None,
        });
    };
    let (attempt, expired) = match match_attempt(&params.attempt_ids, stored, now_ms) {
        AttemptMatch::Matched(record) => (Some(record), None),
        AttemptMatch::Expired(record) => (None, Some(record)),
        AttemptMatch::Unmatched => (None, None),
    };
    let outcome = match (params.result(), &attempt) {
        (ProviderResult::Connected(connection_id), Some(record)) => Outcome::Connected {
            connection_id,
            provider_name: record.provider_name.clone(),
        },
        (ProviderResult::Connected(_), None) => Outcome::Unconfirmed { raw: params.raw() },
        (ProviderResult::Failed(error), record) => Outcome::ProviderFailed {
            error,
            provider_name: record.as_ref().map(|r| r.provider_name.clone()),
        },
        (ProviderResult::Unclear(raw), _) => Outcome::Unclear { raw },
    };
    Some(Resolution {
        outcome,
        restored: attempt.clone().or(expired),
        attempt,
    })
}

/// The address to put in place with `history.replaceState` once a result is consumed: exactly
/// the result keys are removed from the query and fragment, everything else stays byte for byte.
/// When the fragment ends up empty, the host's fragment saved in the attempt comes back.
///
/// ```
/// use calendar_connect::flow::returning::cleaned_address;
/// let address = cleaned_address("/admin", "?tab=2&connectionId=c&cc_attempt=a", "", Some("cal"));
/// assert_eq!(address, "/admin?tab=2#cal");
/// ```
pub fn cleaned_address(
    path: &str,
    search: &str,
    hash: &str,
    saved_fragment: Option<&str>,
) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let query = without_result_keys(search);
    let (route, fragment_params) = fragment_query(hash);
    let fragment_params = without_result_keys(fragment_params);
    let mut fragment = match (route.strip_suffix('?'), fragment_params.is_empty()) {
        (Some(bare_route), true) => bare_route.to_owned(),
        _ => format!("{route}{fragment_params}"),
    };
    if fragment.is_empty() {
        fragment = saved_fragment.unwrap_or_default().to_owned();
    }
    let mut address = path.to_owned();
    if !query.is_empty() {
        address.push('?');
        address.push_str(&query);
    }
    if !fragment.is_empty() {
        address.push('#');
        address.push_str(&fragment);
    }
    address
}

fn without_result_keys(query: &str) -> String {
    split_pairs(query)
        .into_iter()
        .filter(|pair| !RESULT_KEYS.contains(&pair.key.as_str()))
        .map(|pair| pair.raw)
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::attempt::ATTEMPT_TTL_MS;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn reads_query_then_fragment() {
        let params = |c: &[&str], e: &[&str], a: &[&str]| ReturnParams {
            connection_ids: strings(c),
            errors: strings(e),
            attempt_ids: strings(a),
        };
        let cases = [
            ("", "", None),
            ("?tab=1", "#section", None),
            (
                "?connectionId=c1&cc_attempt=a1",
                "",
                Some(params(&["c1"], &[], &["a1"])),
            ),
            ("connectionId=c%2F1", "", Some(params(&["c/1"], &[], &[]))),
            (
                "?error=reject&cc_attempt=a1",
                "#connectionId=zz",
                Some(params(&[], &["reject"], &["a1"])),
            ),
            (
                "?tab=1",
                "#connectionId=c2&cc_attempt=a2",
                Some(params(&["c2"], &[], &["a2"])),
            ),
            (
                "",
                "#/settings?error=internal&cc_attempt=a3",
                Some(params(&[], &["internal"], &["a3"])),
            ),
            ("?cc_attempt=a4", "", Some(params(&[], &[], &["a4"]))),
            ("?connectionId=", "", Some(params(&[""], &[], &[]))),
            (
                "?connectionId=a&connectionId=b",
                "",
                Some(params(&["a", "b"], &[], &[])),
            ),
            ("?ConnectionId=c", "", None),
        ];
        for (search, hash, expected) in cases {
            assert_eq!(read_return(search, hash), expected, "{search} {hash}");
        }
    }

    #[test]
    fn classifies_results_with_error_winning() {
        use ProviderError::*;
        let cases = [
            ("connectionId=c1", ProviderResult::Connected("c1".into())),
            (
                "connectionId=c1&connectionId=c1",
                ProviderResult::Connected("c1".into()),
            ),
            ("error=reject", ProviderResult::Failed(Reject)),
            ("error=unsupported", ProviderResult::Failed(Unsupported)),
            ("error=internal", ProviderResult::Failed(Internal)),
            (
                "error=reject&connectionId=c1",
                ProviderResult::Failed(Reject),
            ),
            (
                "error=REJECT",
                ProviderResult::Unclear("error=REJECT".into()),
            ),
            ("error=weird", ProviderResult::Unclear("error=weird".into())),
            ("error=", ProviderResult::Unclear("error=".into())),
            (
                "error=reject&error=internal",
                ProviderResult::Unclear("error=reject, error=internal".into()),
            ),
            (
                "error=&connectionId=c1",
                ProviderResult::Unclear("error=, connectionId=c1".into()),
            ),
            (
                "connectionId=",
                ProviderResult::Unclear("connectionId=".into()),
            ),
            (
                "connectionId=a&connectionId=b",
                ProviderResult::Unclear("connectionId=a, connectionId=b".into()),
            ),
            ("cc_attempt=a1", ProviderResult::Unclear(String::new())),
            (
                "error=%3Cscript%3E",
                ProviderResult::Unclear("error=<script>".into()),
            ),
        ];
        for (query, expected) in cases {
            let params = read_return(query, "").unwrap();
            assert_eq!(params.result(), expected, "{query}");
        }
    }

    #[test]
    fn resolves_against_the_stored_attempt() {
        let stored = AttemptRecord::new("a1", "s", "p", "Google Calendar", 1_000, None);
        let fresh = 2_000;
        let late = 1_000 + ATTEMPT_TTL_MS + 1;
        let google = Some("Google Calendar".to_owned());
        // (address query, stored record, now, expected outcome, whether the attempt matched)
        type Case<'a> = (
            &'a str,
            Option<&'a AttemptRecord>,
            u64,
            Option<Outcome>,
            bool,
        );
        let cases: Vec<Case> = vec![
            ("", None, fresh, None, false),
            ("", Some(&stored), fresh, None, false),
            (
                "",
                Some(&stored),
                late,
                Some(Outcome::Expired {
                    provider_name: "Google Calendar".into(),
                }),
                false,
            ),
            (
                "connectionId=c&cc_attempt=a1",
                Some(&stored),
                fresh,
                Some(Outcome::Connected {
                    connection_id: "c".into(),
                    provider_name: "Google Calendar".into(),
                }),
                true,
            ),
            (
                "connectionId=c&cc_attempt=a1",
                Some(&stored),
                late,
                Some(Outcome::Unconfirmed {
                    raw: "connectionId=c".into(),
                }),
                false,
            ),
            (
                "connectionId=c&cc_attempt=zz",
                Some(&stored),
                fresh,
                Some(Outcome::Unconfirmed {
                    raw: "connectionId=c".into(),
                }),
                false,
            ),
            (
                "connectionId=c",
                Some(&stored),
                fresh,
                Some(Outcome::Unconfirmed {
                    raw: "connectionId=c".into(),
                }),
                false,
            ),
            (
                "connectionId=c&cc_attempt=a1",
                None,
                fresh,
                Some(Outcome::Unconfirmed {
                    raw: "connectionId=c".into(),
                }),
                false,
            ),
            (
                "error=reject&cc_attempt=a1",
                Some(&stored),
                fresh,
                Some(Outcome::ProviderFailed {
                    error: ProviderError::Reject,
                    provider_name: google.clone(),
                }),
                true,
            ),
            (
                "error=unsupported&cc_attempt=a1",
                Some(&stored),
                fresh,
                Some(Outcome::ProviderFailed {
                    error: ProviderError::Unsupported,
                    provider_name: google.clone(),
                }),
                true,
            ),
            (
                "error=internal",
                None,
                fresh,
                Some(Outcome::ProviderFailed {
                    error: ProviderError::Internal,
                    provider_name: None,
                }),
                false,
            ),
            (
                "error=nope&cc_attempt=a1",
                Some(&stored),
                fresh,
                Some(Outcome::Unclear {
                    raw: "error=nope".into(),
                }),
                true,
            ),
        ];
        for (query, record, now, expected, matched) in cases {
            let params = read_return(query, "");
            let resolution = resolve(params.as_ref(), record, now);
            assert_eq!(
                resolution.as_ref().map(|r| r.outcome.clone()),
                expected,
                "{query} at {now}"
            );
            let attempt = resolution.and_then(|r| r.attempt);
            assert_eq!(attempt.is_some(), matched, "{query} at {now}");
        }
    }

    #[test]
    fn an_attempt_too_old_to_vouch_still_gives_back_its_choices() {
        let stored = AttemptRecord::new(
            "a1",
            "s",
            "p",
            "Google Calendar",
            1_000,
            Some("#tab".into()),
        );
        let late = 1_000 + ATTEMPT_TTL_MS + 1;
        // (address query, now, whether the attempt matched, whether its choices come back)
        let cases = [
            ("connectionId=c&cc_attempt=a1", 2_000, true, true),
            ("connectionId=c&cc_attempt=a1", late, false, true),
            ("error=reject&cc_attempt=a1", late, false, true),
            ("connectionId=c&cc_attempt=zz", late, false, false),
            ("connectionId=c", late, false, false),
        ];
        for (query, now, matched, restored) in cases {
            let params = read_return(query, "");
            let resolution = resolve(params.as_ref(), Some(&stored), now).unwrap();
            assert_eq!(resolution.attempt.is_some(), matched, "{query} at {now}");
            assert_eq!(
                resolution.restored.as_ref().map(|r| r.schedule_id.as_str()),
                restored.then_some("s"),
                "{query} at {now}"
            );
        }
    }

    #[test]
    fn cleans_exactly_the_result_keys() {
        let cases = [
            ("/p", "?connectionId=c&cc_attempt=a", "", None, "/p"),
            (
                "/p",
                "?a=1&connectionId=c&b=%20x&cc_attempt=a&error=e",
                "",
                None,
                "/p?a=1&b=%20x",
            ),
            (
                "/p",
                "?a=1&flag&connectionId=c",
                "#keep",
                None,
                "/p?a=1&flag#keep",
            ),
            (
                "/p",
                "?connectionId=c&cc_attempt=a",
                "",
                Some("tab=cal"),
                "/p#tab=cal",
            ),
            ("/p", "?connectionId=c", "#host", Some("saved"), "/p#host"),
            (
                "/p",
                "",
                "#connectionId=c&cc_attempt=a",
                Some("saved"),
                "/p#saved",
            ),
            ("/p", "", "#x=1&error=reject", None, "/p#x=1"),
            (
                "/p",
                "?q=1",
                "#/route?error=reject&cc_attempt=a",
                None,
                "/p?q=1#/route",
            ),
            (
                "/p",
                "",
                "#/route?k=v&connectionId=c",
                None,
                "/p#/route?k=v",
            ),
            (
                "/p",
                "?scheduleId=s&connectionIds=x",
                "",
                None,
                "/p?scheduleId=s&connectionIds=x",
            ),
            ("/", "?", "#", None, "/"),
        ];
        for (path, search, hash, saved, expected) in cases {
            assert_eq!(
                cleaned_address(path, search, hash, saved),
                expected,
                "{search} {hash}"
            );
        }
    }
}
