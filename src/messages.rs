//! Every piece of user-facing English text in the widget, in one place, so that other locales
//! can be added by giving this module a sibling per language. Components and the
//! `flow::feedback` mapping call these functions and never spell out text themselves.
//!
//! Values that come from outside (provider names, raw address values) are passed in and end up
//! in text nodes only; nothing here is HTML.
//!
//! ```
//! use calendar_connect::messages;
//! assert_eq!(messages::connect(), "Connect");
//! assert!(messages::rate_limited_advice(Some(30)).contains("30 seconds"));
//! ```

/// Legend of the provider radio group (also its accessible name).
pub fn provider_legend() -> &'static str {
    "Calendar provider"
}

/// Label of the schedule field (also its accessible name).
pub fn schedule_label() -> &'static str {
    "Schedule ID"
}

/// Text and accessible name of the connect button.
pub fn connect() -> &'static str {
    "Connect"
}

/// Retry button after a failed load.
pub fn retry() -> &'static str {
    "Retry"
}

/// Summary of the disclosure that shows raw values.
pub fn details() -> &'static str {
    "Details"
}

/// While List Providers is loading.
pub fn loading_providers() -> &'static str {
    "Loading calendar providers…"
}

/// Headline when List Providers failed.
pub fn providers_failed() -> &'static str {
    "We couldn't load the calendar providers."
}

/// When the site has no providers at all.
pub fn no_providers() -> &'static str {
    "No calendar providers are available for this site."
}

/// Stand-in for a provider the API sent without a name.
pub fn unnamed_provider() -> &'static str {
    "Unnamed provider"
}

/// Hint under a provider that connects with email and password instead of OAuth.
pub fn connects_with_credentials() -> &'static str {
    "Connects with the calendar account's email and password instead of signing in here."
}

/// Hint under a provider that has no connect method this widget can use.
pub fn cannot_connect_here() -> &'static str {
    "Can't be connected from here."
}

/// Hint when the chosen provider cannot start an OAuth connection, next to the button.
pub fn choose_oauth_provider() -> &'static str {
    "Choose a provider that connects by signing in."
}

/// Hint under the schedule field.
pub fn schedule_hint() -> &'static str {
    "The schedule's ID, like 4e0579a5-491e-4e70-a872-d097eed6e520."
}

/// Inline error for a schedule ID that is not a GUID.
pub fn schedule_invalid() -> &'static str {
    "Enter a schedule ID made of 32 letters (a–f) and digits in groups of 8-4-4-4-12, separated by hyphens."
}

/// Progress while Connect By OAuth is running.
pub fn connecting() -> &'static str {
    "Contacting Wix…"
}

/// Progress once the provider's page is about to open.
pub fn redirecting(provider: &str) -> String {
    format!("Taking you to {provider} to sign in…")
}

/// Stand-in when the provider is not known (a return that matched no attempt).
pub fn unknown_provider() -> &'static str {
    "the calendar provider"
}

// ----- outcomes of the round trip ------------------------------------------------------------

/// Success headline.
pub fn connected(provider: &str) -> String {
    format!("{provider} is connected to this schedule.")
}

/// Success advice.
pub fn connected_advice() -> &'static str {
    "Events start syncing within a few minutes."
}

/// The person refused access at the provider.
pub fn rejected(provider: &str) -> String {
    format!("Access to {provider} wasn't granted.")
}

/// Advice after a refusal.
pub fn rejected_advice(provider: &str) -> String {
    format!("To connect, select Connect again and allow access on {provider}'s page. Your choices are kept.")
}

/// The provider does not support that kind of account.
pub fn unsupported(provider: &str) -> String {
    format!("{provider} doesn't support this type of account.")
}

/// Advice after `unsupported`.
pub fn unsupported_advice() -> &'static str {
    "Try again with another account type, or choose another provider."
}

/// The provider or Wix failed internally.
pub fn internal(provider: &str) -> String {
    format!("{provider} couldn't complete the connection.")
}

/// Advice after `internal`.
pub fn internal_advice() -> &'static str {
    "This is usually temporary. Try again in a few minutes."
}

/// Empty, unknown or conflicting result.
pub fn unclear() -> &'static str {
    "We couldn't tell whether the calendar was connected."
}

/// Advice after an unclear result.
pub fn unclear_advice() -> &'static str {
    "Check the schedule's calendar connections, or try connecting again."
}

/// A result that matches no attempt started here.
pub fn unconfirmed() -> &'static str {
    "We can't confirm this calendar connection."
}

/// Advice after an unconfirmed result.
pub fn unconfirmed_advice() -> &'static str {
    "The result doesn't match a connection started from this page. Connect again to be sure."
}

/// Soft note: an attempt older than 30 minutes never came back.
pub fn expired(provider: &str) -> String {
    format!("Your earlier attempt to connect {provider} has expired.")
}

/// Advice after an expired attempt.
pub fn expired_advice() -> &'static str {
    "If you didn't finish signing in, start again."
}

/// The `oauthUrl` failed the safety check.
pub fn untrusted_oauth_url() -> &'static str {
    "Wix returned a sign-in address we can't trust, so we didn't open it."
}

/// Advice after an untrusted `oauthUrl`.
pub fn untrusted_oauth_url_advice() -> &'static str {
    "Try again. If it happens again, contact support."
}

// ----- API errors ----------------------------------------------------------------------------

/// 428 `NOT_SUPPORTED_BY_PROVIDER` on Connect By OAuth.
pub fn not_supported_by_provider(provider: &str) -> String {
    format!("{provider} can't be connected by signing in.")
}

/// Advice for 428 `NOT_SUPPORTED_BY_PROVIDER`.
pub fn not_supported_by_provider_advice() -> &'static str {
    "Choose another provider, or connect this one with its email and password."
}

/// 403 `PREMIUM_FEATURE_NOT_ENABLED`.
pub fn premium_required() -> &'static str {
    "Connecting external calendars needs a Premium plan."
}

/// Advice for 403 `PREMIUM_FEATURE_NOT_ENABLED`.
pub fn premium_required_advice() -> &'static str {
    "Upgrade the site's plan, then try again."
}

/// 401 without a known code.
pub fn signed_out() -> &'static str {
    "You're not signed in, or your session has expired."
}

/// Advice for 401.
pub fn signed_out_advice() -> &'static str {
    "Sign in again, then try again."
}

/// 403 without a known code.
pub fn forbidden() -> &'static str {
    "You don't have permission to connect calendars for this schedule."
}

/// Advice for 403.
pub fn forbidden_advice() -> &'static str {
    "Ask the site owner for access to Bookings calendars."
}

/// 400 naming the fields Wix rejected (already turned into labels).
pub fn invalid_fields(fields: &str) -> String {
    format!("Wix didn't accept the {fields}.")
}

/// Advice for 400 naming fields.
pub fn invalid_fields_advice(fields: &str) -> String {
    format!("Check the {fields}, then try again.")
}

/// 400 without field details.
pub fn invalid_request() -> &'static str {
    "Wix didn't accept the request."
}

/// Advice for 400 without field details.
pub fn invalid_request_advice() -> &'static str {
    "Check the schedule ID and the provider, then try again."
}

/// Human label of an API request field named in a validation error. Unknown fields are named
/// as they are, in quotes.
pub fn field_label(field: &str) -> String {
    match field {
        "scheduleId" => "Schedule ID".to_owned(),
        "providerId" => "calendar provider".to_owned(),
        "redirectUrl" => "return address (redirect URL)".to_owned(),
        "email" => "email".to_owned(),
        "password" => "password".to_owned(),
        other => format!("“{other}” field"),
    }
}

/// Joins field labels: "A", "A and B", "A, B and C".
pub fn join_labels(labels: &[String]) -> String {
    match labels {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// 404.
pub fn not_found() -> &'static str {
    "Wix couldn't find that schedule or provider."
}

/// Advice for 404.
pub fn not_found_advice() -> &'static str {
    "Check the Schedule ID and try again."
}

/// 429.
pub fn rate_limited() -> &'static str {
    "Too many requests right now."
}

/// Advice for 429, honouring `Retry-After` when it was sent.
pub fn rate_limited_advice(retry_after_secs: Option<u32>) -> String {
    match retry_after_secs {
        Some(0) | None => "Wait a moment, then try again.".to_owned(),
        Some(1) => "Wait 1 second, then try again.".to_owned(),
        Some(secs) if secs < 120 => format!("Wait {secs} seconds, then try again."),
        Some(secs) => format!("Wait {} minutes, then try again.", secs.div_ceil(60)),
    }
}

/// 5xx.
pub fn server_error() -> &'static str {
    "Wix had a problem on its side."
}

/// Advice for 5xx.
pub fn server_error_advice() -> &'static str {
    "Try again in a few minutes."
}

/// Any other status.
pub fn unexpected_status(status: u16) -> String {
    format!("Something went wrong (HTTP {status}).")
}

/// Advice for any other status.
pub fn try_again() -> &'static str {
    "Try again."
}

/// Network or CORS failure.
pub fn network() -> &'static str {
    "We couldn't reach Wix."
}

/// Advice for a network failure.
pub fn network_advice() -> &'static str {
    "Check your internet connection and try again. If it keeps happening, the page may not be allowed to call Wix."
}

/// The request took too long and was abandoned.
pub fn timeout() -> &'static str {
    "Wix didn't answer in time."
}

/// Advice for a timeout.
pub fn timeout_advice() -> &'static str {
    "Nothing was changed. Try again."
}

/// A 2xx answer that is not the documented shape.
pub fn bad_response() -> &'static str {
    "Wix sent an answer we couldn't understand."
}

/// Advice for an undecodable answer.
pub fn bad_response_advice() -> &'static str {
    "Try again later. If it keeps happening, contact support."
}

/// The host's token callback failed.
pub fn no_token() -> &'static str {
    "We couldn't get permission to call Wix."
}

/// Advice when the token callback failed.
pub fn no_token_advice() -> &'static str {
    "Reload the page, sign in again if asked, then try again."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_labels_in_english() {
        let labels = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_labels(&labels(&[])), "");
        assert_eq!(join_labels(&labels(&["A"])), "A");
        assert_eq!(join_labels(&labels(&["A", "B"])), "A and B");
        assert_eq!(join_labels(&labels(&["A", "B", "C"])), "A, B and C");
    }

    #[test]
    fn words_retry_after() {
        let cases = [
            (None, "Wait a moment, then try again."),
            (Some(0), "Wait a moment, then try again."),
            (Some(1), "Wait 1 second, then try again."),
            (Some(30), "Wait 30 seconds, then try again."),
            (Some(119), "Wait 119 seconds, then try again."),
            (Some(120), "Wait 2 minutes, then try again."),
            (Some(3601), "Wait 61 minutes, then try again."),
        ];
        for (secs, expected) in cases {
            assert_eq!(rate_limited_advice(secs), expected);
        }
    }
}
