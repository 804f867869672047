//! The one error type of the API client. Every failure a call can meet ends up here, and
//! `flow::feedback::api_error_notice` turns it into words a person can act on.
//!
//! ```
//! use calendar_connect::api::error::ApiError;
//! let body = r#"{"message":"","details":{"applicationError":{"code":"NOT_SUPPORTED_BY_PROVIDER"}}}"#;
//! let error = ApiError::from_http(428, body, None);
//! assert_eq!(error.code(), Some("NOT_SUPPORTED_BY_PROVIDER"));
//! ```

use std::num::IntErrorKind;

use crate::api::model::{ErrorBody, FieldViolation};

/// The longest `Retry-After` delay passed on, in seconds (an hour). A longer one (an HTTP-date
/// far ahead, a huge number) is more likely a wrong clock or header than a wait worth advising.
pub const MAX_RETRY_AFTER_SECS: u32 = 60 * 60;

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The API answered with a status outside 2xx.
    #[error("HTTP {status}{}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default())]
    Http {
        /// HTTP status.
        status: u16,
        /// Wix application error code, e.g. `PREMIUM_FEATURE_NOT_ENABLED`.
        code: Option<String>,
        /// Wix's description of the error (for details, not for headlines).
        description: Option<String>,
        /// Invalid request fields of a validation error.
        violations: Vec<FieldViolation>,
        /// Seconds to wait, from a `Retry-After` header, at most [`MAX_RETRY_AFTER_SECS`].
        retry_after: Option<u32>,
    },
    /// No answer reached the page: offline, DNS, refused, or blocked by CORS (browsers do not
    /// tell these apart).
    #[error("network error")]
    Network,
    /// No answer within the client's time limit; the request was abandoned.
    #[error("no answer within {0} ms")]
    Timeout(u32),
    /// A 2xx answer whose body is not the documented shape.
    #[error("unexpected response: {0}")]
    Decode(String),
    /// The host's `getAccessToken` callback failed or gave no token.
    #[error("no access token: {0}")]
    Auth(String),
    /// A connection ID that would change the request path (empty, `.` or `..`, also
    /// percent-encoded); refused before any request.
    #[error("invalid connection ID")]
    InvalidConnectionId,
}

impl ApiError {
    /// Builds the error for a non-2xx answer from its status, body text and `Retry-After` delay
    /// (capped at [`MAX_RETRY_AFTER_SECS`]). A body that is not a Wix error body is tolerated:
    /// the status alone still says a lot.
    pub fn from_http(status: u16, body: &str, retry_after: Option<u32>) -> Self {
        let parsed: ErrorBody = serde_json::from_str(body).unwrap_or_default();
        let details = parsed.details.unwrap_or_default();
        let application = details.application_error.unwrap_or_default();
        let violations = details
            .validation_error
            .and_then(|v| v.field_violations)
            .unwrap_or_default();
        let description = application
            .description
            .or(parsed.message)
            .filter(|text| !text.is_empty());
        ApiError::Http {
            status,
            code: application.code.filter(|code| !code.is_empty()),
            description,
            violations,
            retry_after: retry_after.map(|secs| secs.min(MAX_RETRY_AFTER_SECS)),
        }
    }

    /// The Wix application error code, if the API sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Http { code, .. } => code.as_deref(),
            _ => None,
        }
    }
}

/// Reads a `Retry-After` header given as delay-seconds (the form Wix and the emulator send);
/// a number too large for `u32` saturates, so that [`ApiError::from_http`] caps it like any
/// other long delay. HTTP-date values are handled by the browser client, which has a clock and
/// a date parser.
///
/// ```
/// use calendar_connect::api::error::retry_after_seconds;
/// assert_eq!(retry_after_seconds(" 30 "), Some(30));
/// assert_eq!(retry_after_seconds("99999999999"), Some(u32::MAX));
/// assert_eq!(retry_after_seconds("soon"), None);
/// ```
pub fn retry_after_seconds(header: &str) -> Option<u32> {
    match header.trim().parse() {
        Ok(secs) => Some(secs),
        Err(error) if *error.kind() == IntErrorKind::PosOverflow => Some(u32::MAX),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wix_error_bodies() {
        let validation = r#"{"message":"bad","details":{"validationError":{"fieldViolations":[
            {"field":"scheduleId","description":"must be a GUID","violatedRule":"FORMAT"}]}}}"#;
        let cases = [
            (
                428,
                r#"{"message":"","details":{"applicationError":{"code":"NOT_SUPPORTED_BY_PROVIDER","description":"nope"}}}"#,
                Some("NOT_SUPPORTED_BY_PROVIDER"),
                Some("nope"),
                0,
            ),
            (400, validation, None, Some("bad"), 1),
            (500, r#"{"message":"","details":{}}"#, None, None, 0),
            (502, "<html>bad gateway</html>", None, None, 0),
            (
                403,
                r#"{"details":{"applicationError":{"code":""}}}"#,
                None,
                None,
                0,
            ),
        ];
        for (status, body, code, description, violations) in cases {
            match ApiError::from_http(status, body, None) {
                ApiError::Http {
                    status: s,
                    code: c,
                    description: d,
                    violations: v,
                    retry_after,
                } => {
                    assert_eq!(s, status);
                    assert_eq!(c.as_deref(), code, "{body}");
                    assert_eq!(d.as_deref(), description, "{body}");
                    assert_eq!(v.len(), violations, "{body}");
                    assert_eq!(retry_after, None);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn parses_retry_after_seconds() {
        for (header, expected) in [
            ("30", Some(30)),
            (" 5", Some(5)),
            ("0", Some(0)),
            ("-1", None),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", Some(u32::MAX)),
            ("99999999999999999999999", Some(u32::MAX)),
            ("Wed, 21 Oct 2015 07:28:00 GMT", None),
            ("", None),
        ] {
            assert_eq!(retry_after_seconds(header), expected, "{header:?}");
        }
    }

    #[test]
    fn caps_the_retry_after_delay() {
        for (delay, expected) in [
            (None, None),
            (Some(0), Some(0)),
            (Some(30), Some(30)),
            (Some(MAX_RETRY_AFTER_SECS), Some(MAX_RETRY_AFTER_SECS)),
            (Some(MAX_RETRY_AFTER_SECS + 1), Some(MAX_RETRY_AFTER_SECS)),
            (Some(30 * 24 * 3600), Some(MAX_RETRY_AFTER_SECS)),
            (Some(u32::MAX), Some(MAX_RETRY_AFTER_SECS)),
        ] {
            match ApiError::from_http(429, "", delay) {
                ApiError::Http { retry_after, .. } => {
                    assert_eq!(retry_after, expected, "{delay:?}")
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
