//! English text of the post-connection features (verification, connections panel, sync
//! settings, upcoming events, credentials form). It lives beside `crate::messages` until the
//! two are merged into one module per locale; like it, it holds no HTML, and values from
//! outside are passed in and end up as text.
//!
//! ```
//! use calendar_connect::manage::messages as m;
//! assert_eq!(m::day_label(0, 1, 4, 3), "Today");
//! assert_eq!(m::day_label(3, 4, 7, 3), "Thursday 7 March");
//! ```

use crate::api::model::{ConnectionStatus, ErrorReason};
use crate::messages::join_labels;

// ----- verification ---------------------------------------------------------------------------

/// Progress while the returned connection is read back.
pub fn verifying(provider: &str) -> String {
    format!("Verifying the connection to {provider}…")
}

/// The connection exists but is broken.
pub fn broken_connection(provider: &str) -> String {
    format!("{provider} is connected, but the connection isn't working.")
}

/// The returned connection could not be confirmed (missing, other schedule, disconnected).
pub fn not_confirmed(provider: &str) -> String {
    format!("We couldn't confirm a working connection to {provider} for this schedule.")
}

/// Advice after a connection that could not be confirmed.
pub fn not_confirmed_advice() -> &'static str {
    "Check the schedule's connections below, or connect again."
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
    format!("Disconnect {provider} ({account})")
}

/// Text of the Disconnect buttons.
pub fn disconnect() -> &'static str {
    "Disconnect"
}

/// Question of the disconnect confirmation.
pub fn confirm_disconnect(provider: &str) -> String {
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
    format!("{provider} was disconnected from this schedule.")
}

/// Headline of a failed disconnect.
pub fn disconnect_failed(provider: &str) -> String {
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
    format!("Sync settings for {provider} ({account})")
}

/// Heading of a connection's sync settings.
pub fn sync_heading(provider: &str) -> String {
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

/// 401 `BAD_CREDENTIALS`.
pub fn bad_credentials(provider: &str) -> String {
    format!("{provider} didn't accept that email and password.")
}

/// Advice after 401 `BAD_CREDENTIALS`.
pub fn bad_credentials_advice() -> &'static str {
    "Check the email, and use an app-specific password if the account has two-factor authentication."
}

/// Submit button of the credentials form.
pub fn connect_account(provider: &str) -> String {
    format!("Connect {provider}")
}

/// Progress while Connect By Credentials runs.
pub fn connecting_account(provider: &str) -> String {
    format!("Connecting {provider}…")
}
