//! Turns outcomes of the round trip and API errors into [`Notice`]s: the headline, the advice,
//! optional raw details, the ARIA role of the region that shows them, and the `reason` reported
//! to the host in `calendar-connect:failed`. Wording comes from [`crate::messages`].
//!
//! ```
//! use calendar_connect::api::error::ApiError;
//! use calendar_connect::flow::feedback::{api_error_notice, Tone};
//! let notice = api_error_notice(&ApiError::Timeout(15_000), "Google Calendar");
//! assert_eq!(notice.tone, Tone::Failure);
//! assert_eq!(notice.tone.role(), "alert");
//! ```

use crate::api::error::ApiError;
use crate::flow::returning::{Outcome, ProviderError};
use crate::messages as m;

/// What kind of message a notice is; decides its ARIA role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something is under way.
    Progress,
    /// It worked.
    Success,
    /// Worth knowing, nothing failed.
    Note,
    /// It failed; the person should act.
    Failure,
}

impl Tone {
    /// `alert` for failures, `status` for everything else.
    pub fn role(self) -> &'static str {
        match self {
            Tone::Failure => "alert",
            Tone::Progress | Tone::Success | Tone::Note => "status",
        }
    }
}

/// A message for the outcome region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Kind of message.
    pub tone: Tone,
    /// One-line headline.
    pub title: String,
    /// What to do next (may be empty).
    pub advice: String,
    /// Raw values for a details disclosure, rendered as text.
    pub details: Option<String>,
    /// Machine-readable reason for `calendar-connect:failed` (`detail.reason`).
    pub reason: &'static str,
}

impl Notice {
    /// A notice without details.
    pub fn new(
        tone: Tone,
        title: impl Into<String>,
        advice: impl Into<String>,
        reason: &'static str,
    ) -> Self {
        Self {
            tone,
            title: title.into(),
            advice: advice.into(),
            details: None,
            reason,
        }
    }

    /// Adds raw values (from the address or the API), without bidi controls (`m::plain`): the
    /// disclosure shows them on one line, where one value could otherwise reorder the others.
    pub fn with_details(mut self, details: Option<String>) -> Self {
        self.details = details
            .map(|d| m::plain(&d).into_owned())
            .filter(|d| !d.is_empty());
        self
    }
}

/// The notice for the outcome of a return.
pub fn outcome_notice(outcome: &Outcome) -> Notice {
    let named = |name: &Option<String>| {
        name.clone()
            .unwrap_or_else(|| m::unknown_provider().to_owned())
    };
    match outcome {
        Outcome::Connected { provider_name, .. } => Notice::new(
            Tone::Success,
            m::connected(provider_name),
            m::connected_advice(),
            "connected",
        ),
        Outcome::ProviderFailed {
            error,
            provider_name,
        } => {
            let provider = named(provider_name);
            match error {
                ProviderError::Reject => Notice::new(
                    Tone::Failure,
                    m::rejected(&provider),
                    m::rejected_advice(&provider),
                    "reject",
                ),
                ProviderError::Unsupported => Notice::new(
                    Tone::Failure,
                    m::unsupported(&provider),
                    m::unsupported_advice(),
                    "unsupported",
                ),
                ProviderError::Internal => Notice::new(
                    Tone::Failure,
                    m::internal(&provider),
                    m::internal_advice(),
                    "internal",
                ),
            }
        }
        Outcome::Unclear { raw } => {
            Notice::new(Tone::Failure, m::unclear(), m::unclear_advice(), "unclear")
                .with_details(Some(raw.clone()))
        }
        Outcome::Unconfirmed { raw } => Notice::new(
            Tone::Failure,
            m::unconfirmed(),
            m::unconfirmed_advice(),
            "unconfirmed",
        )
        .with_details(Some(raw.clone())),
        Outcome::Expired { provider_name } => Notice::new(
            Tone::Note,
            m::expired(provider_name),
            m::expired_advice(),
            "expired",
        ),
    }
}

/// The notice for an `oauthUrl` that failed the safety check; `raw` is shown as text only.
pub fn untrusted_oauth_url_notice(raw: &str) -> Notice {
    Notice::new(
        Tone::Failure,
        m::untrusted_oauth_url(),
        m::untrusted_oauth_url_advice(),
        "invalid-oauth-url",
    )
    .with_details(Some(raw.to_owned()))
}

/// The notice for a failed API call made for `provider` (its name, for 428).
pub fn api_error_notice(error: &ApiError, provider: &str) -> Notice {
    let failure =
        |title: String, advice: String, reason| Notice::new(Tone::Failure, title, advice, reason);
    match error {
        ApiError::Http {
            status,
            code,
            description,
            violations,
            retry_after,
        } => {
            let details = description.clone().or_else(|| code.clone());
            let notice = match (*status, code.as_deref()) {
                (_, Some("NOT_SUPPORTED_BY_PROVIDER")) => failure(
                    m::not_supported_by_provider(provider),
                    m::not_supported_by_provider_advice().into(),
                    "not-supported-by-provider",
                ),
                (_, Some("PREMIUM_FEATURE_NOT_ENABLED")) => failure(
                    m::premium_required().into(),
                    m::premium_required_advice().into(),
                    "premium-required",
                ),
                (400, _) => {
                    let mut labels: Vec<String> = Vec::new();
                    for label in violations
                        .iter()
                        .filter_map(|v| v.field.as_deref())
                        .map(m::field_label)
                    {
                        if !labels.contains(&label) {
                            labels.push(label);
                        }
                    }
                    if labels.is_empty() {
                        failure(
                            m::invalid_request().into(),
                            m::invalid_request_advice().into(),
                            "invalid-request",
                        )
                    } else {
                        let fields = m::join_labels(&labels);
                        failure(
                            m::invalid_fields(&fields),
                            m::invalid_fields_advice(&fields),
                            "invalid-request",
                        )
                    }
                }
                (401, _) => failure(
                    m::signed_out().into(),
                    m::signed_out_advice().into(),
                    "unauthenticated",
                ),
                (403, _) => failure(
                    m::forbidden().into(),
                    m::forbidden_advice().into(),
                    "permission-denied",
                ),
                (404, _) => failure(
                    m::not_found().into(),
                    m::not_found_advice().into(),
                    "not-found",
                ),
                (429, _) => failure(
                    m::rate_limited().into(),
                    m::rate_limited_advice(*retry_after),
                    "rate-limited",
                ),
                (500..=599, _) => failure(
                    m::server_error().into(),
                    m::server_error_advice().into(),
                    "server-error",
                ),
                (status, _) => failure(
                    m::unexpected_status(status),
                    m::try_again().into(),
                    "http-error",
                ),
            };
            notice.with_details(details)
        }
        ApiError::Network => failure(m::network().into(), m::network_advice().into(), "network"),
        ApiError::Timeout(_) => failure(m::timeout().into(), m::timeout_advice().into(), "timeout"),
        ApiError::Decode(what) => failure(
            m::bad_response().into(),
            m::bad_response_advice().into(),
            "bad-response",
        )
        .with_details(Some(what.clone())),
        ApiError::Auth(what) => failure(
            m::no_token().into(),
            m::no_token_advice().into(),
            "no-token",
        )
        .with_details(Some(what.clone())),
        ApiError::InvalidConnectionId => failure(
            m::invalid_connection_id().into(),
            m::invalid_connection_id_advice().into(),
            "invalid-connection-id",
        ),
    }
}

/// The notice for a failed call about an existing connection (its sync settings, its
/// calendars, Disconnect). Connect's wording would name the wrong thing here: a 404 is the
/// connection that is gone, not a schedule or provider; a 403 is about changing connections;
/// a 428 `NOT_SUPPORTED_BY_PROVIDER` refuses a setting, not the way of connecting.
pub fn connection_error_notice(error: &ApiError, provider: &str) -> Notice {
    let notice = api_error_notice(error, provider);
    let ApiError::Http { status, code, .. } = error else {
        return notice;
    };
    let (title, advice) = match (*status, code.as_deref()) {
        (_, Some("NOT_SUPPORTED_BY_PROVIDER")) => (
            m::setting_not_supported(provider),
            m::setting_not_supported_advice(),
        ),
        (_, Some("CONNECTION_NOT_CONNECTED")) => (
            m::connection_not_connected(provider),
            m::connection_not_connected_advice(),
        ),
        (403, code) if code != Some("PREMIUM_FEATURE_NOT_ENABLED") => {
            (m::forbidden_to_manage().to_owned(), m::forbidden_advice())
        }
        (404, _) => (
            m::connection_not_found(provider),
            m::connection_not_found_advice(),
        ),
        _ => return notice,
    };
    Notice {
        title,
        advice: advice.to_owned(),
        ..notice
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::FieldViolation;

    #[test]
    fn names_the_connection_when_a_call_about_one_fails() {
        // (error, reason, words the headline must contain)
        let cases = [
            (
                http(404, None, &[], None),
                "not-found",
                "couldn't find this Outlook connection",
            ),
            (
                http(404, Some("NOT_FOUND"), &[], None),
                "not-found",
                "couldn't find this Outlook connection",
            ),
            (
                http(403, None, &[], None),
                "permission-denied",
                "permission to change",
            ),
            (
                http(403, Some("PREMIUM_FEATURE_NOT_ENABLED"), &[], None),
                "premium-required",
                "Premium plan",
            ),
            (
                http(428, Some("CONNECTION_NOT_CONNECTED"), &[], None),
                "http-error",
                "Outlook isn't connected any more",
            ),
            (
                http(428, Some("NOT_SUPPORTED_BY_PROVIDER"), &[], None),
                "not-supported-by-provider",
                "Outlook doesn't support this setting",
            ),
            (http(503, None, &[], None), "server-error", "Wix"),
            (ApiError::Network, "network", "couldn't reach Wix"),
        ];
        for (error, reason, words) in cases {
            let notice = connection_error_notice(&error, "Outlook");
            assert_eq!(notice.reason, reason, "{error:?}");
            assert!(notice.title.contains(words), "{error:?}: {}", notice.title);
        }
    }

    fn http(
        status: u16,
        code: Option<&str>,
        violations: &[&str],
        retry_after: Option<u32>,
    ) -> ApiError {
        ApiError::Http {
            status,
            code: code.map(str::to_owned),
            description: None,
            violations: violations
                .iter()
                .map(|field| FieldViolation {
                    field: Some(field.to_string()),
                    ..Default::default()
                })
                .collect(),
            retry_after,
        }
    }

    #[test]
    fn maps_api_errors_to_actionable_notices() {
        // (error, reason, words the headline or advice must contain)
        let cases = [
            (
                http(428, Some("NOT_SUPPORTED_BY_PROVIDER"), &[], None),
                "not-supported-by-provider",
                "Apple Calendar can't be connected by signing in",
            ),
            (
                http(403, Some("PREMIUM_FEATURE_NOT_ENABLED"), &[], None),
                "premium-required",
                "Premium plan",
            ),
            (
                http(401, None, &[], None),
                "unauthenticated",
                "not signed in",
            ),
            (
                http(403, None, &[], None),
                "permission-denied",
                "permission",
            ),
            (
                http(400, None, &["scheduleId"], None),
                "invalid-request",
                "Wix didn't accept the Schedule ID.",
            ),
            (
                http(400, None, &["scheduleId", "providerId", "scheduleId"], None),
                "invalid-request",
                "Schedule ID and calendar provider",
            ),
            (
                http(400, None, &["colour"], None),
                "invalid-request",
                "“colour” field",
            ),
            (
                http(400, None, &[], None),
                "invalid-request",
                "didn't accept the request",
            ),
            (http(404, None, &[], None), "not-found", "couldn't find"),
            (
                http(429, None, &[], Some(30)),
                "rate-limited",
                "Wait 30 seconds",
            ),
            (http(429, None, &[], None), "rate-limited", "Wait a moment"),
            (
                http(500, None, &[], None),
                "server-error",
                "problem on its side",
            ),
            (
                http(503, None, &[], Some(10)),
                "server-error",
                "few minutes",
            ),
            (http(418, None, &[], None), "http-error", "HTTP 418"),
            (ApiError::Network, "network", "couldn't reach Wix"),
            (
                ApiError::Timeout(15_000),
                "timeout",
                "didn't answer in time",
            ),
            (
                ApiError::Decode("missing oauthUrl".into()),
                "bad-response",
                "couldn't understand",
            ),
            (
                ApiError::Auth("rejected".into()),
                "no-token",
                "permission to call Wix",
            ),
            (
                ApiError::InvalidConnectionId,
                "invalid-connection-id",
                "connection ID isn't valid",
            ),
        ];
        for (error, reason, words) in cases {
            let notice = api_error_notice(&error, "Apple Calendar");
            assert_eq!(notice.tone, Tone::Failure, "{error:?}");
            assert_eq!(notice.reason, reason, "{error:?}");
            let text = format!("{} {}", notice.title, notice.advice);
            assert!(text.contains(words), "{error:?}: {text}");
        }
    }

    #[test]
    fn keeps_wix_descriptions_as_details() {
        let error = ApiError::from_http(
            428,
            r#"{"details":{"applicationError":{"code":"NOT_SUPPORTED_BY_PROVIDER","description":"The operation is not supported"}}}"#,
            None,
        );
        let notice = api_error_notice(&error, "Apple");
        assert_eq!(
            notice.details.as_deref(),
            Some("The operation is not supported")
        );
    }

    #[test]
    fn maps_outcomes_to_notices_naming_the_provider() {
        let google = Some("Google Calendar".to_owned());
        let failed = |error| Outcome::ProviderFailed {
            error,
            provider_name: google.clone(),
        };
        let cases = [
            (
                Outcome::Connected {
                    connection_id: "c".into(),
                    provider_name: "Google Calendar".into(),
                },
                Tone::Success,
                "connected",
                "Google Calendar is connected",
                None,
            ),
            (
                failed(ProviderError::Reject),
                Tone::Failure,
                "reject",
                "Access to Google Calendar wasn't granted",
                None,
            ),
            (
                failed(ProviderError::Unsupported),
                Tone::Failure,
                "unsupported",
                "another account type",
                None,
            ),
            (
                failed(ProviderError::Internal),
                Tone::Failure,
                "internal",
                "Try again in a few minutes",
                None,
            ),
            (
                Outcome::ProviderFailed {
                    error: ProviderError::Reject,
                    provider_name: None,
                },
                Tone::Failure,
                "reject",
                "the calendar provider",
                None,
            ),
            (
                Outcome::Unclear {
                    raw: "error=<b>x</b>".into(),
                },
                Tone::Failure,
                "unclear",
                "couldn't tell",
                Some("error=<b>x</b>"),
            ),
            (
                Outcome::Unclear { raw: String::new() },
                Tone::Failure,
                "unclear",
                "couldn't tell",
                None,
            ),
            (
                Outcome::Unconfirmed {
                    raw: "connectionId=c".into(),
                },
                Tone::Failure,
                "unconfirmed",
                "can't confirm",
                Some("connectionId=c"),
            ),
            (
                Outcome::Expired {
                    provider_name: "Google Calendar".into(),
                },
                Tone::Note,
                "expired",
                "has expired",
                None,
            ),
        ];
        for (outcome, tone, reason, words, details) in cases {
            let notice = outcome_notice(&outcome);
            assert_eq!(notice.tone, tone, "{outcome:?}");
            assert_eq!(notice.reason, reason, "{outcome:?}");
            let text = format!("{} {}", notice.title, notice.advice);
            assert!(text.contains(words), "{outcome:?}: {text}");
            assert_eq!(notice.details.as_deref(), details, "{outcome:?}");
        }
    }

    #[test]
    fn advises_a_sensible_wait_whatever_retry_after_says() {
        use crate::api::error::retry_after_seconds;
        // (Retry-After header, advice of the 429 notice)
        let cases = [
            ("", "Wait a moment, then try again."),
            ("soon", "Wait a moment, then try again."),
            ("0", "Wait a moment, then try again."),
            ("30", "Wait 30 seconds, then try again."),
            ("600", "Wait 10 minutes, then try again."),
            ("3600", "Wait 60 minutes, then try again."),
            ("86400", "Wait 60 minutes, then try again."),
            ("4294967295", "Wait 60 minutes, then try again."),
            ("99999999999999999999", "Wait 60 minutes, then try again."),
        ];
        for (header, advice) in cases {
            let error = ApiError::from_http(429, "", retry_after_seconds(header));
            let notice = api_error_notice(&error, "Google Calendar");
            assert_eq!(notice.reason, "rate-limited", "{header:?}");
            assert_eq!(notice.advice, advice, "{header:?}");
        }
    }

    #[test]
    fn roles_follow_the_tone() {
        assert_eq!(Tone::Failure.role(), "alert");
        for tone in [Tone::Progress, Tone::Success, Tone::Note] {
            assert_eq!(tone.role(), "status");
        }
        let notice = untrusted_oauth_url_notice("javascript:alert(1)");
        assert_eq!(notice.reason, "invalid-oauth-url");
        assert_eq!(notice.details.as_deref(), Some("javascript:alert(1)"));
    }

    #[test]
    fn details_lose_their_bidi_controls() {
        let notice = untrusted_oauth_url_notice("https://\u{202E}moc.live\u{202C}/x");
        assert_eq!(notice.details.as_deref(), Some("https://moc.live/x"));
        let unclear = outcome_notice(&Outcome::Unclear {
            raw: "error=\u{202E}reject, connectionId=c1".into(),
        });
        assert_eq!(
            unclear.details.as_deref(),
            Some("error=reject, connectionId=c1")
        );
    }
}
