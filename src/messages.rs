//! Every piece of user-facing English text in the widget, in one place, so that other locales
//! can be added by giving this module a sibling per language. Components and the
//! `flow::feedback` mapping call these functions and never spell out text themselves.
//!
//! Values that come from outside (provider names, account emails, raw address values) are
//! passed in and end up in text nodes and `aria-label`s only; nothing here is HTML. Each one goes
//! through [`plain`] on its way into a sentence, so that it cannot reorder the words around it.
//!
//! ```
//! use calendar_connect::messages;
//! assert_eq!(messages::connect(), "Connect");
//! assert!(messages::rate_limited_advice(Some(30)).contains("30 seconds"));
//! ```

use std::borrow::Cow;

use crate::api::model::{ConnectionStatus, ErrorReason};

/// Whether `c` has the Unicode `Bidi_Control` property: ALM, LRM and RLM, the embeddings and
/// overrides (U+202A to U+202E) and the isolates (U+2066 to U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A value from outside (a name from the API, a value from the address) as it may appear in a
/// sentence or next to other text: without bidirectional formatting characters. An unclosed
/// RIGHT-TO-LEFT OVERRIDE in a provider name would otherwise print the rest of the sentence
/// backwards, and a stray isolate or embedding would move words across the value.
///
/// Removed rather than fenced with FSI/PDI isolates: a fence is only as good as its contents
/// (a PDI inside the value closes it early), so the controls would have to go anyway, and the
/// isolates would add invisible characters to texts and accessible names that hosts, tests and
/// assistive technology match on. The letters of a name keep their own direction.
///
/// ```
/// use calendar_connect::messages as m;
/// assert_eq!(m::plain("\u{202E}Evil\u{202C} Calendar"), "Evil Calendar");
/// assert_eq!(m::connected("\u{202E}Evil"), "Evil is connected to this schedule.");
/// ```
pub fn plain(value: &str) -> Cow<'_, str> {
    if value.contains(is_bidi_control) {
        Cow::Owned(value.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(value)
    }
}

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
    let provider = plain(provider);
    format!("Taking you to {provider} to sign in…")
}

/// Stand-in when the provider is not known (a return that matched no attempt).
pub fn unknown_provider() -> &'static str {
    "the calendar provider"
}

// ----- outcomes of the round trip ------------------------------------------------------------

/// Success headline.
pub fn connected(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} is connected to this schedule.")
}

/// Success advice.
pub fn connected_advice() -> &'static str {
    "Events start syncing within a few minutes."
}

/// The person refused access at the provider.
pub fn rejected(provider: &str) -> String {
    let provider = plain(provider);
    format!("Access to {provider} wasn't granted.")
}

/// Advice after a refusal.
pub fn rejected_advice(provider: &str) -> String {
    let provider = plain(provider);
    format!("To connect, select Connect again and allow access on {provider}'s page. Your choices are kept.")
}

/// The provider does not support that kind of account.
pub fn unsupported(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} doesn't support this type of account.")
}

/// Advice after `unsupported`.
pub fn unsupported_advice() -> &'static str {
    "Try again with another account type, or choose another provider."
}

/// The provider or Wix failed internally.
pub fn internal(provider: &str) -> String {
    let provider = plain(provider);
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
    let provider = plain(provider);
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
    let provider = plain(provider);
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
    let fields = plain(fields);
    format!("Wix didn't accept the {fields}.")
}

/// Advice for 400 naming fields.
pub fn invalid_fields_advice(fields: &str) -> String {
    let fields = plain(fields);
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
        other => format!("“{}” field", plain(other)),
    }
}

/// Joins field labels: "A", "A and B", "A, B and C".
pub fn join_labels(labels: &[String]) -> String {
    let labels: Vec<Cow<str>> = labels.iter().map(|label| plain(label)).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
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

/// A connection ID that can't be put in a request (e.g. `..`).
pub fn invalid_connection_id() -> &'static str {
    "That connection ID isn't valid, so nothing was sent to Wix."
}

/// Advice after an invalid connection ID.
pub fn invalid_connection_id_advice() -> &'static str {
    "Reload the page and try again. If it keeps happening, contact support."
}

/// The host's token callback failed.
pub fn no_token() -> &'static str {
    "We couldn't get permission to call Wix."
}

/// Advice when the token callback failed.
pub fn no_token_advice() -> &'static str {
    "Reload the page, sign in again if asked, then try again."
}

// ----- after connecting: verification ---------------------------------------------------------------------------

/// Progress while the returned connection is read back.
pub fn verifying(provider: &str) -> String {
    let provider = plain(provider);
    format!("Verifying the connection to {provider}…")
}

/// The connection exists but is broken.
pub fn broken_connection(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} is connected, but the connection isn't working.")
}

/// The returned connection could not be confirmed (missing, other schedule, disconnected).
pub fn not_confirmed(provider: &str) -> String {
    let provider = plain(provider);
    format!("We couldn't confirm a working connection to {provider} for this schedule.")
}

/// Advice after a connection that could not be confirmed.
pub fn not_confirmed_advice() -> &'static str {
    "Check the schedule's connections below, or connect again."
}

/// A live connection came back in the address, but no attempt of this page started it.
pub fn unmatched_connection(provider: &str) -> String {
    let provider = plain(provider);
    format!(
        "{provider} is connected to this schedule, but not from a connection started on this page."
    )
}

/// Advice after such a connection.
pub fn unmatched_connection_advice() -> &'static str {
    "If you didn't expect it, check it in the schedule's connections below."
}

/// The check itself failed.
pub fn verify_failed() -> &'static str {
    "We couldn't check the new connection."
}

/// Button that repeats the check.
pub fn verify_again() -> &'static str {
    "Check again"
}

/// Button that runs the sign-in again for a broken connection.
pub fn reconnect() -> &'static str {
    "Reconnect"
}

/// Accessible name of a row's Reconnect button.
pub fn reconnect_named(provider: &str, account: &str) -> String {
    let provider = plain(provider);
    let account = plain(account);
    format!("Reconnect {provider} ({account})")
}

// ----- connections panel ----------------------------------------------------------------------

/// Heading of the connections panel.
pub fn connections_heading() -> &'static str {
    "Connected calendars"
}

/// While List Connections is loading.
pub fn loading_connections() -> &'static str {
    "Loading the schedule's connections…"
}

/// When the schedule has no connections.
pub fn no_connections() -> &'static str {
    "No calendars are connected to this schedule yet."
}

/// When List Connections failed.
pub fn connections_failed() -> &'static str {
    "We couldn't load the schedule's connections."
}

/// Lead of a failed reload's message when the last list stays on screen.
pub fn connections_may_be_out_of_date() -> &'static str {
    "Couldn't refresh the connected calendars; this list may be out of date."
}

/// Stand-in for a provider that is not (or no longer) in List Providers.
pub fn some_provider() -> &'static str {
    "A calendar provider"
}

/// Account column while `externalAccountEmail` is empty.
pub fn waiting_for_first_sync() -> &'static str {
    "Waiting for the first sync"
}

/// A connection's status in words.
pub fn status_words(status: Option<ConnectionStatus>) -> &'static str {
    match status {
        Some(ConnectionStatus::Connected) => "Connected, first sync pending",
        Some(ConnectionStatus::SyncInProgress) => "Syncing",
        Some(ConnectionStatus::Synced) => "Synced",
        Some(ConnectionStatus::Error) => "Not working",
        Some(ConnectionStatus::Disconnected) => "Disconnected",
        _ => "Status unknown",
    }
}

/// What a connection's `errorReason` means and what to do about it.
pub fn error_reason_explained(reason: ErrorReason) -> &'static str {
    match reason {
        ErrorReason::TokenRevoked => {
            "Wix's access to the calendar account was withdrawn. Reconnect to allow it again."
        }
        ErrorReason::ExternalCalendarCreationFailed => {
            "Wix couldn't create its calendar in the account. Reconnect to try again."
        }
        ErrorReason::ExternalCalendarDeleted => {
            "The calendar Wix synced with was deleted in the account. Reconnect to create it again."
        }
        _ => "The connection stopped working. Reconnect to repair it.",
    }
}

/// Note naming providers whose connections could not be loaded.
pub fn failed_providers(names: &[String]) -> String {
    format!(
        "Connections of {} couldn't be loaded right now.",
        join_labels(names)
    )
}

/// Accessible name of a row's Disconnect button.
pub fn disconnect_named(provider: &str, account: &str) -> String {
    let provider = plain(provider);
    let account = plain(account);
    format!("Disconnect {provider} ({account})")
}

/// Text of the Disconnect buttons.
pub fn disconnect() -> &'static str {
    "Disconnect"
}

/// Question of the disconnect confirmation.
pub fn confirm_disconnect(provider: &str) -> String {
    let provider = plain(provider);
    format!("Disconnect {provider} from this schedule?")
}

/// What disconnecting does.
pub fn confirm_disconnect_advice() -> &'static str {
    "Events stop syncing, and the events Wix added to that calendar are removed from it."
}

/// Cancel button of confirmations.
pub fn cancel() -> &'static str {
    "Cancel"
}

/// After a disconnect (also when it had already happened).
pub fn disconnected(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} was disconnected from this schedule.")
}

/// Headline of a failed disconnect.
pub fn disconnect_failed(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} couldn't be disconnected.")
}

/// Text of the buttons that reload a panel.
pub fn refresh() -> &'static str {
    "Refresh"
}

/// Accessible name of the connections panel's Refresh.
pub fn refresh_connections() -> &'static str {
    "Refresh connected calendars"
}

/// Accessible name of the events list's Refresh.
pub fn refresh_events() -> &'static str {
    "Refresh upcoming events"
}

// ----- duplicate guard ------------------------------------------------------------------------

/// The schedule already has a live connection of this provider.
pub fn already_connected(provider: &str, account: &str) -> String {
    let provider = plain(provider);
    let account = plain(account);
    format!("This schedule is already connected to {provider} ({account}).")
}

/// What the two choices mean.
pub fn already_connected_advice() -> &'static str {
    "Reconnect to repair or renew that connection, or connect another account of the same provider."
}

/// Second choice of the guard.
pub fn connect_another() -> &'static str {
    "Connect another account"
}

// ----- sync settings --------------------------------------------------------------------------

/// Text of the button that shows a connection's sync settings.
pub fn sync_settings() -> &'static str {
    "Sync settings"
}

/// Accessible name of that button.
pub fn sync_settings_named(provider: &str, account: &str) -> String {
    let provider = plain(provider);
    let account = plain(account);
    format!("Sync settings for {provider} ({account})")
}

/// Heading of a connection's sync settings.
pub fn sync_heading(provider: &str) -> String {
    let provider = plain(provider);
    format!("What syncs with {provider}")
}

/// Switch: import from the primary calendar.
pub fn import_primary() -> &'static str {
    "Block booking times using events from the primary calendar"
}

/// Switch: import from the chosen calendars.
pub fn import_calendars() -> &'static str {
    "Block booking times using events from these calendars"
}

/// Legend of the calendar choice.
pub fn choose_calendars() -> &'static str {
    "Calendars to read events from"
}

/// Hint for an empty calendar choice.
pub fn no_calendar_means_primary() -> &'static str {
    "With none chosen, the primary calendar is used."
}

/// Switch: export to the primary calendar.
pub fn export_primary() -> &'static str {
    "Add bookings to the primary calendar"
}

/// Switch: export to a dedicated calendar.
pub fn export_dedicated() -> &'static str {
    "Add bookings to a calendar created for Wix"
}

/// While List Calendars is loading.
pub fn loading_calendars() -> &'static str {
    "Loading the account's calendars…"
}

/// When List Calendars failed.
pub fn calendars_failed() -> &'static str {
    "The account's calendars couldn't be loaded."
}

/// When the provider allows no changes.
pub fn nothing_to_set() -> &'static str {
    "This provider doesn't let you change what syncs."
}

/// While a change is being saved.
pub fn saving() -> &'static str {
    "Saving…"
}

/// After a change was saved (and the answer shows it).
pub fn saved() -> &'static str {
    "Saved."
}

/// Headline when a change was not saved; the switch shows the old value again.
pub fn not_saved() -> &'static str {
    "The change wasn't saved; the setting is back to what it was."
}

/// Why a sync setting wasn't saved: 428 `NOT_SUPPORTED_BY_PROVIDER` on Update Sync Config.
pub fn setting_not_supported(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} doesn't support this setting.")
}

/// Advice when the provider refuses a setting.
pub fn setting_not_supported_advice() -> &'static str {
    "Keep the other settings, or choose another provider for this one."
}

/// 404 on a call about an existing connection.
pub fn connection_not_found(provider: &str) -> String {
    let provider = plain(provider);
    format!("Wix couldn't find this {provider} connection.")
}

/// Advice after [`connection_not_found`].
pub fn connection_not_found_advice() -> &'static str {
    "It may have been disconnected elsewhere. Refresh the list of connected calendars."
}

/// 428 `CONNECTION_NOT_CONNECTED`.
pub fn connection_not_connected(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} isn't connected any more.")
}

/// Advice after [`connection_not_connected`].
pub fn connection_not_connected_advice() -> &'static str {
    "Reconnect it, then try again."
}

/// 403 without a code on a call about an existing connection.
pub fn forbidden_to_manage() -> &'static str {
    "You don't have permission to change this schedule's calendar connections."
}

/// 428 `NOT_SUPPORTED_BY_PROVIDER` on Connect By Credentials.
pub fn credentials_not_supported(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} can't be connected with an email and password.")
}

/// The problem of a broken connection whose account another connection holds again.
pub fn replaced_connection() -> &'static str {
    "This account is connected again in another row. Disconnect this one if you no longer need it."
}

/// Advice after [`credentials_not_supported`].
pub fn credentials_not_supported_advice() -> &'static str {
    "Choose another provider."
}

// ----- upcoming events ------------------------------------------------------------------------

/// Heading of the events list.
pub fn events_heading() -> &'static str {
    "Upcoming events (next 7 days)"
}

/// While List Events is loading.
pub fn loading_events() -> &'static str {
    "Loading upcoming events…"
}

/// When there are no events.
pub fn no_events() -> &'static str {
    "No events in the next 7 days."
}

/// When List Events failed and nothing was shown before.
pub fn events_failed() -> &'static str {
    "We couldn't load the upcoming events."
}

/// When a reload failed and the last list is kept.
pub fn events_may_be_out_of_date() -> &'static str {
    "Couldn't refresh the events; this list may be out of date."
}

/// Note when Wix kept offering more pages of events than were loaded.
pub fn events_incomplete() -> &'static str {
    "Not every event could be loaded, so this list may be incomplete."
}

/// Note naming providers whose events are missing.
pub fn events_missing_from(names: &[String]) -> String {
    format!("Events from {} are missing right now.", join_labels(names))
}

/// Marker of an all-day event.
pub fn all_day() -> &'static str {
    "All day"
}

/// Stand-in title of an event without one.
pub fn untitled_event() -> &'static str {
    "Busy"
}

/// A local time range.
pub fn time_range(start: &str, end: &str) -> String {
    format!("{start}–{end}")
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day heading: "Today", "Tomorrow", else e.g. "Thursday 7 March". `from_today` is the day's
/// distance from today, `weekday` 0 for Sunday, `month` 1 to 12.
///
/// ```
/// use calendar_connect::messages as m;
/// assert_eq!(m::day_label(0, 1, 4, 3), "Today");
/// assert_eq!(m::day_label(3, 4, 7, 3), "Thursday 7 March");
/// ```
pub fn day_label(from_today: i64, weekday: u32, day: u32, month: u32) -> String {
    match from_today {
        0 => "Today".to_owned(),
        1 => "Tomorrow".to_owned(),
        _ => format!(
            "{} {day} {}",
            WEEKDAYS[weekday as usize % 7],
            MONTHS[(month as usize + 11) % 12]
        ),
    }
}

// ----- credentials ----------------------------------------------------------------------------

/// Heading of the credentials form.
pub fn credentials_heading(provider: &str) -> String {
    let provider = plain(provider);
    format!("Connect {provider} with the account's email and password")
}

/// Email field label.
pub fn email_label() -> &'static str {
    "Account email"
}

/// Password field label.
pub fn password_label() -> &'static str {
    "Password"
}

/// Hint about app-specific passwords.
pub fn password_hint() -> &'static str {
    "If the account uses two-factor authentication, create an app-specific password for Wix and enter that one. It is sent once and not stored here."
}

/// Inline error: no email.
pub fn email_required() -> &'static str {
    "Enter the calendar account's email address."
}

/// Inline error: not an email address.
pub fn email_invalid() -> &'static str {
    "Enter an email address like name@example.com."
}

/// Inline error: no password.
pub fn password_required() -> &'static str {
    "Enter the password."
}

/// The credentials form was sent before a valid Schedule ID was typed.
pub fn schedule_first() -> &'static str {
    "Enter a valid Schedule ID above first."
}

/// 401 `BAD_CREDENTIALS`.
pub fn bad_credentials(provider: &str) -> String {
    let provider = plain(provider);
    format!("{provider} didn't accept that email and password.")
}

/// Advice after 401 `BAD_CREDENTIALS`.
pub fn bad_credentials_advice() -> &'static str {
    "Check the email, and use an app-specific password if the account has two-factor authentication."
}

/// Submit button of the credentials form.
pub fn connect_account(provider: &str) -> String {
    let provider = plain(provider);
    format!("Connect {provider}")
}

/// Progress while Connect By Credentials runs.
pub fn connecting_account(provider: &str) -> String {
    let provider = plain(provider);
    format!("Connecting {provider}…")
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
    fn interpolated_values_lose_their_bidi_controls() {
        let cases = [
            ("Google Calendar", "Google Calendar"),
            ("\u{202E}Google Calendar", "Google Calendar"),
            (
                "Goo\u{202A}gle\u{202B} \u{202C}Cal\u{202D}endar\u{202E}",
                "Google Calendar",
            ),
            (
                "\u{2066}Google\u{2067} \u{2068}Calendar\u{2069}",
                "Google Calendar",
            ),
            (
                "\u{2069}\u{200E}Google\u{200F} Calendar\u{061C}",
                "Google Calendar",
            ),
            ("יומן גוגל", "יומן גוגל"),
            ("zero\u{200B}width", "zero\u{200B}width"),
        ];
        for (value, expected) in cases {
            assert_eq!(plain(value), expected, "{value:?}");
        }
        assert!(matches!(plain("no controls"), Cow::Borrowed(_)));
    }

    #[test]
    fn no_message_lets_a_value_reorder_it() {
        type OneValue = fn(&str) -> String;
        type TwoValues = fn(&str, &str) -> String;
        type List = fn(&[String]) -> String;
        let one: [(&str, OneValue); 23] = [
            ("redirecting", redirecting),
            ("connected", connected),
            ("rejected", rejected),
            ("rejected_advice", rejected_advice),
            ("unsupported", unsupported),
            ("internal", internal),
            ("expired", expired),
            ("not_supported_by_provider", not_supported_by_provider),
            ("invalid_fields", invalid_fields),
            ("invalid_fields_advice", invalid_fields_advice),
            ("field_label", field_label),
            ("verifying", verifying),
            ("broken_connection", broken_connection),
            ("not_confirmed", not_confirmed),
            ("confirm_disconnect", confirm_disconnect),
            ("disconnected", disconnected),
            ("disconnect_failed", disconnect_failed),
            ("sync_heading", sync_heading),
            ("setting_not_supported", setting_not_supported),
            ("credentials_heading", credentials_heading),
            ("bad_credentials", bad_credentials),
            ("connect_account", connect_account),
            ("connecting_account", connecting_account),
        ];
        let two: [(&str, TwoValues); 4] = [
            ("reconnect_named", reconnect_named),
            ("disconnect_named", disconnect_named),
            ("already_connected", already_connected),
            ("sync_settings_named", sync_settings_named),
        ];
        let lists: [(&str, List); 3] = [
            ("join_labels", join_labels),
            ("failed_providers", failed_providers),
            ("events_missing_from", events_missing_from),
        ];
        let hostile = "\u{202E}Evil\u{2069} Calendar\u{2067}";
        let account = "\u{202E}moc.elpmaxe@nna\u{202C}";
        let has_control = |text: &str| text.chars().any(is_bidi_control);
        for (name, message) in one {
            let text = message(hostile);
            assert!(!has_control(&text), "{name}: {text:?}");
            assert_eq!(text, message("Evil Calendar"), "{name}");
        }
        for (name, message) in two {
            let text = message(hostile, account);
            assert!(!has_control(&text), "{name}: {text:?}");
            assert_eq!(text, message("Evil Calendar", "moc.elpmaxe@nna"), "{name}");
        }
        for (name, message) in lists {
            let text = message(&[hostile.to_owned(), account.to_owned()]);
            assert!(!has_control(&text), "{name}: {text:?}");
            let clean = ["Evil Calendar".to_owned(), "moc.elpmaxe@nna".to_owned()];
            assert_eq!(text, message(&clean), "{name}");
        }
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
