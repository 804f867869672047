//! Serde types for the nine methods of the Wix External Calendars v2 API
//! (`docs/wix-external-calendars-api.md` in the shared docs).
//!
//! Responses are decoded leniently: every field is an `Option`, because Wix omits default values,
//! and every enum has an `Unknown` fallback, because Wix adds values without notice. Requests are
//! built from plain fields and encoded as the API documents (camelCase JSON bodies; repeated keys
//! for arrays and dotted keys for `cursorPaging` in query strings).
//!
//! ```
//! use calendar_connect::api::model::ListProvidersResponse;
//! let body = r#"{"providers":[{"id":"p1","name":"Google Calendar","calendarType":"NEW_THING",
//!                "features":{"connectMethods":["OAUTH"]}}]}"#;
//! let providers = serde_json::from_str::<ListProvidersResponse>(body).unwrap().providers();
//! assert!(providers[0].connects_by_oauth());
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::percent::join_pairs;

/// The kind of external calendar a provider or connection belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CalendarType {
    /// Not set.
    Undefined,
    /// Google Calendar.
    Google,
    /// iCal-based providers, Apple among them.
    #[serde(rename = "I_CAL")]
    ICal,
    /// Deprecated: Wix now reports `MICROSOFT`.
    Outlook,
    /// Deprecated: Wix now reports `MICROSOFT`.
    #[serde(rename = "OFFICE_365")]
    Office365,
    /// Microsoft (Outlook, Office 365).
    Microsoft,
    /// A provider added by an App Market app.
    Other,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// How a provider lets an account be connected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConnectMethod {
    /// Not set.
    Undefined,
    /// Connect By OAuth: the person signs in on the provider's consent page.
    Oauth,
    /// Connect By Credentials: email and password of the external account.
    Credentials,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// What a provider can import from the external calendar into Wix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ListEventFromCalendars {
    /// Not set.
    Undefined,
    /// No import.
    NotSupported,
    /// Import from the account's primary calendar only.
    PrimaryCalendarOnly,
    /// Import from calendars chosen among List Calendars.
    SpecificCalendars,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// What a provider can export from Wix to the external calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SyncToCalendar {
    /// Not set.
    Undefined,
    /// No export.
    NotSupported,
    /// Export to the primary calendar.
    PrimaryCalendarOnly,
    /// Export to one chosen calendar (singular in the API, unlike the import enum).
    SpecificCalendar,
    /// Export to a calendar created for Wix.
    DedicatedCalendar,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// Lifecycle of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConnectionStatus {
    /// Not set.
    Undefined,
    /// Connected; the first sync has not started.
    Connected,
    /// Syncing.
    SyncInProgress,
    /// Synced.
    Synced,
    /// Disconnected (terminal).
    Disconnected,
    /// Broken; see [`ErrorReason`].
    Error,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// Why a connection is in the `ERROR` status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorReason {
    /// Not set.
    Undefined,
    /// The person revoked Wix's access at the provider.
    TokenRevoked,
    /// Wix could not create the dedicated calendar.
    ExternalCalendarCreationFailed,
    /// The calendar Wix exported to was deleted.
    ExternalCalendarDeleted,
    /// A value this widget does not know yet.
    #[serde(other)]
    Unknown,
}

/// An external calendar provider available on the site (List Providers).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// Provider ID (GUID), sent as `providerId`.
    pub id: Option<String>,
    /// Display name, e.g. "Google Calendar".
    pub name: Option<String>,
    /// Kind of calendar.
    pub calendar_type: Option<CalendarType>,
    /// What the provider supports.
    pub features: Option<ProviderFeatures>,
}

impl Provider {
    /// Whether Connect By OAuth may be used with this provider.
    pub fn connects_by_oauth(&self) -> bool {
        self.has_method(ConnectMethod::Oauth)
    }

    /// Whether Connect By Credentials may be used with this provider.
    pub fn connects_by_credentials(&self) -> bool {
        self.has_method(ConnectMethod::Credentials)
    }

    fn has_method(&self, method: ConnectMethod) -> bool {
        self.features
            .as_ref()
            .and_then(|f| f.connect_methods.as_ref())
            .is_some_and(|methods| methods.contains(&method))
    }
}

/// Capabilities of a provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderFeatures {
    /// Supported ways to connect.
    pub connect_methods: Option<Vec<ConnectMethod>>,
    /// Whether Update Sync Config may be used after connecting.
    pub update_sync_config: Option<bool>,
    /// Import capability.
    pub list_event_from_calendars: Option<ListEventFromCalendars>,
    /// Export capability.
    pub sync_to_calendar: Option<SyncToCalendar>,
}

/// A schedule's link to an external calendar account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    /// Opaque connection ID (not a GUID).
    pub id: Option<String>,
    /// Provider ID.
    pub provider_id: Option<String>,
    /// Kind of calendar.
    pub calendar_type: Option<CalendarType>,
    /// The connected Wix schedule.
    pub schedule_id: Option<String>,
    /// Wix user owning the connection.
    pub user_id: Option<String>,
    /// App that created the connection.
    pub app_id: Option<String>,
    /// External account email; empty until the first successful sync.
    pub external_account_email: Option<String>,
    /// Lifecycle status.
    pub status: Option<ConnectionStatus>,
    /// Why the status is `ERROR`.
    pub error_reason: Option<ErrorReason>,
    /// What syncs in which direction.
    pub sync_config: Option<ConnectionSyncConfig>,
}

/// An empty JSON object, used by the API to pick one branch of a oneof (e.g. `primaryCalendar: {}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

/// Sync settings of a connection; also the body of Update Sync Config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionSyncConfig {
    /// Import from the external calendar into Wix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_event_from_calendars: Option<ImportConfig>,
    /// Export from Wix to the external calendar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_to_calendar: Option<ExportConfig>,
}

/// Import settings. `primary_calendar` and `calendars` are a oneof: build values with
/// [`ImportConfig::primary`] or [`ImportConfig::specific`] so that only one is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportConfig {
    /// Whether import is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Import from the primary calendar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_calendar: Option<Empty>,
    /// Import from these calendars (the API nests the list as `calendars.calendars`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendars: Option<CalendarList>,
}

impl ImportConfig {
    /// Import from the primary calendar only.
    ///
    /// ```
    /// use calendar_connect::api::model::ImportConfig;
    /// let json = serde_json::to_string(&ImportConfig::primary(true)).unwrap();
    /// assert_eq!(json, r#"{"enabled":true,"primaryCalendar":{}}"#);
    /// ```
    pub fn primary(enabled: bool) -> Self {
        Self {
            enabled: Some(enabled),
            primary_calendar: Some(Empty {}),
            calendars: None,
        }
    }

    /// Import from the calendars with these IDs (from List Calendars).
    pub fn specific(enabled: bool, calendar_ids: impl IntoIterator<Item = String>) -> Self {
        let calendars = calendar_ids
            .into_iter()
            .map(|id| Calendar {
                id: Some(id),
                name: None,
            })
            .collect();
        Self {
            enabled: Some(enabled),
            primary_calendar: None,
            calendars: Some(CalendarList {
                calendars: Some(calendars),
            }),
        }
    }
}

/// Export settings. `primary_calendar` and `dedicated_calendar` are a oneof: build values with
/// [`ExportConfig::primary`] or [`ExportConfig::dedicated`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportConfig {
    /// Whether export is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Export to the primary calendar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_calendar: Option<Empty>,
    /// Export to a calendar created for Wix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dedicated_calendar: Option<Empty>,
}

impl ExportConfig {
    /// Export to the primary calendar.
    pub fn primary(enabled: bool) -> Self {
        Self {
            enabled: Some(enabled),
            primary_calendar: Some(Empty {}),
            dedicated_calendar: None,
        }
    }

    /// Export to a dedicated calendar.
    ///
    /// ```
    /// use calendar_connect::api::model::ExportConfig;
    /// let json = serde_json::to_string(&ExportConfig::dedicated(false)).unwrap();
    /// assert_eq!(json, r#"{"enabled":false,"dedicatedCalendar":{}}"#);
    /// ```
    pub fn dedicated(enabled: bool) -> Self {
        Self {
            enabled: Some(enabled),
            primary_calendar: None,
            dedicated_calendar: Some(Empty {}),
        }
    }
}

/// The doubly nested `calendars.calendars` list of [`ImportConfig`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalendarList {
    /// The calendars.
    pub calendars: Option<Vec<Calendar>>,
}

/// A calendar inside an external account (List Calendars).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Calendar {
    /// Opaque external calendar ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Calendar {
    /// What the calendar is called on screen: its name, or when it has none (or only
    /// formatting characters) its ID, without bidirectional formatting characters either way.
    /// The ID itself stays as Wix sent it: it is what a sync setting sends back.
    ///
    /// ```
    /// use calendar_connect::api::model::Calendar;
    /// let unnamed = Calendar { id: Some("c2\u{202E}x".into()), name: Some("\u{2066}".into()) };
    /// assert_eq!(unnamed.label(), "c2x");
    /// ```
    pub fn label(&self) -> String {
        [&self.name, &self.id]
            .into_iter()
            .flatten()
            .map(|text| crate::messages::plain(text))
            .find(|text| !text.trim().is_empty())
            .map(Cow::into_owned)
            .unwrap_or_default()
    }
}

/// An event in a connected external calendar (List Events). Events have no ID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Schedule the event belongs to.
    pub schedule_id: Option<String>,
    /// Kind of calendar it came from.
    pub calendar_type: Option<CalendarType>,
    /// Calendar name (only with the `OWN_PI` fieldset).
    pub calendar_name: Option<String>,
    /// Title (only with the `OWN_PI` fieldset).
    pub title: Option<String>,
    /// Start, RFC 3339, inclusive.
    pub start: Option<String>,
    /// End, RFC 3339, exclusive.
    pub end: Option<String>,
    /// Whether it is an all-day event.
    pub all_day: Option<bool>,
    /// Wix user owning the schedule.
    pub schedule_owner_id: Option<String>,
    /// Owner's name (personal information).
    pub schedule_owner_name: Option<String>,
}

/// Paging state returned by List Events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CursorPagingMetadata {
    /// Items in this page.
    pub count: Option<u32>,
    /// Cursors to other pages.
    pub cursors: Option<Cursors>,
    /// Whether there is a next page.
    pub has_next: Option<bool>,
}

/// Cursor to the next page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cursors {
    /// Pass as `cursorPaging.cursor` to get the next page.
    pub next: Option<String>,
}

// ----- requests -------------------------------------------------------------------------------

/// Body of Connect By OAuth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByOAuthRequest {
    /// Schedule to connect (GUID).
    pub schedule_id: String,
    /// Provider to connect with (GUID).
    pub provider_id: String,
    /// Where the provider sends the person back to.
    pub redirect_url: String,
}

/// Body of Connect By Credentials. `Debug` hides the password so it never reaches a log.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByCredentialsRequest {
    /// Schedule to connect (GUID).
    pub schedule_id: String,
    /// Provider to connect with (GUID).
    pub provider_id: String,
    /// External account email.
    pub email: String,
    /// External account password (often an app-specific password).
    pub password: String,
}

impl std::fmt::Debug for ConnectByCredentialsRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectByCredentialsRequest")
            .field("schedule_id", &self.schedule_id)
            .field("provider_id", &self.provider_id)
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .finish()
    }
}

/// Body of Update Sync Config (PATCH). With a `field_mask` only the named fields change;
/// without one Wix replaces the whole sync config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSyncConfigRequest {
    /// The new settings.
    pub sync_config: ConnectionSyncConfig,
    /// Comma-joined field paths, e.g. `"syncToCalendar.enabled"`, as the Wix SDK sends them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_mask: Option<String>,
}

impl UpdateSyncConfigRequest {
    /// A request that changes only the given paths of the sync config.
    ///
    /// ```
    /// use calendar_connect::api::model::*;
    /// let config = ConnectionSyncConfig { sync_to_calendar: Some(ExportConfig::dedicated(true)), ..Default::default() };
    /// let req = UpdateSyncConfigRequest::masked(config, &["syncToCalendar"]);
    /// assert_eq!(req.field_mask.as_deref(), Some("syncToCalendar"));
    /// ```
    pub fn masked(sync_config: ConnectionSyncConfig, paths: &[&str]) -> Self {
        Self {
            sync_config,
            field_mask: Some(paths.join(",")),
        }
    }
}

/// Query of List Connections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListConnectionsQuery {
    /// Only connections of these schedules (all when empty; at most 100).
    pub schedule_ids: Vec<String>,
    /// Succeed even if some providers fail, naming them in `failedProviderIds`.
    pub partial_failure: Option<bool>,
}

impl ListConnectionsQuery {
    /// The query string (without `?`), arrays as repeated keys.
    ///
    /// ```
    /// use calendar_connect::api::model::ListConnectionsQuery;
    /// let q = ListConnectionsQuery { schedule_ids: vec!["a".into(), "b".into()], partial_failure: Some(true) };
    /// assert_eq!(q.to_query(), "scheduleIds=a&scheduleIds=b&partialFailure=true");
    /// ```
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = self
            .schedule_ids
            .iter()
            .map(|id| ("scheduleIds", id.clone()))
            .collect();
        if let Some(partial) = self.partial_failure {
            pairs.push(("partialFailure", partial.to_string()));
        }
        join_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

/// Query of List Events. Wix requires `from` and `to` unless `cursor` is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListEventsQuery {
    /// RFC 3339 start of the range.
    pub from: Option<String>,
    /// RFC 3339 end of the range.
    pub to: Option<String>,
    /// Only events of these schedules (at most 100).
    pub schedule_ids: Vec<String>,
    /// Only events of these Wix users (at most 100).
    pub user_ids: Vec<String>,
    /// Only all-day (`true`) or only timed (`false`) events.
    pub all_day: Option<bool>,
    /// `NO_PI` (default) or `OWN_PI` for titles and calendar names.
    pub fieldsets: Vec<String>,
    /// Page size (at most 1000), sent as `cursorPaging.limit`.
    pub limit: Option<u32>,
    /// Cursor from the previous page, sent as `cursorPaging.cursor`.
    pub cursor: Option<String>,
    /// Succeed even if some providers fail.
    pub partial_failure: Option<bool>,
}

impl ListEventsQuery {
    /// The query string (without `?`): repeated keys for arrays, dotted keys for paging.
    ///
    /// ```
    /// use calendar_connect::api::model::ListEventsQuery;
    /// let q = ListEventsQuery { limit: Some(10), cursor: Some("c".into()), ..Default::default() };
    /// assert_eq!(q.to_query(), "cursorPaging.limit=10&cursorPaging.cursor=c");
    /// ```
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        pairs.extend(self.from.iter().map(|v| ("from", v.clone())));
        pairs.extend(self.to.iter().map(|v| ("to", v.clone())));
        pairs.extend(self.schedule_ids.iter().map(|v| ("scheduleIds", v.clone())));
        pairs.extend(self.user_ids.iter().map(|v| ("userIds", v.clone())));
        pairs.extend(self.all_day.map(|v| ("allDay", v.to_string())));
        pairs.extend(self.fieldsets.iter().map(|v| ("fieldsets", v.clone())));
        pairs.extend(self.limit.map(|v| ("cursorPaging.limit", v.to_string())));
        pairs.extend(
            self.cursor
                .iter()
                .map(|v| ("cursorPaging.cursor", v.clone())),
        );
        pairs.extend(
            self.partial_failure
                .map(|v| ("partialFailure", v.to_string())),
        );
        join_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

// ----- responses ------------------------------------------------------------------------------

/// Response of List Providers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListProvidersResponse {
    /// Providers available on the site.
    pub providers: Option<Vec<Provider>>,
}

impl ListProvidersResponse {
    /// The providers that can be chosen, in the order Wix sent them (empty when the field was
    /// omitted). Providers are chosen and matched by ID, so one without an ID is left out, and
    /// a repeated ID keeps only its first provider: otherwise two radios of the picker would
    /// answer to one choice and the wrong one could end up selected.
    ///
    /// Names lose their bidirectional formatting characters here, once, because a name is
    /// shown on its own (a radio label) as well as in sentences: an unclosed override in a
    /// label would run into the text after it.
    ///
    /// ```
    /// use calendar_connect::api::model::ListProvidersResponse;
    /// let body = r#"{"providers":[{"id":"p1","name":"\u202eA"},{"name":"no ID"},{"id":"p1","name":"B"}]}"#;
    /// let providers = serde_json::from_str::<ListProvidersResponse>(body).unwrap().providers();
    /// assert_eq!(providers.len(), 1);
    /// assert_eq!(providers[0].name.as_deref(), Some("A"));
    /// ```
    pub fn providers(self) -> Vec<Provider> {
        let mut seen: Vec<String> = Vec::new();
        let mut providers = self.providers.unwrap_or_default();
        providers.retain(|provider| match provider.id.as_deref() {
            Some(id) if !id.is_empty() && !seen.iter().any(|s| s == id) => {
                seen.push(id.to_owned());
                true
            }
            _ => false,
        });
        for provider in &mut providers {
            drop_bidi_controls(&mut provider.name);
        }
        providers
    }
}

/// Removes bidirectional formatting characters from a display name (see
/// [`crate::messages::plain`] for why they go).
fn drop_bidi_controls(name: &mut Option<String>) {
    if let Some(Cow::Owned(clean)) = name.as_deref().map(crate::messages::plain) {
        *name = Some(clean);
    }
}

/// Response of Get Connection, Connect By Credentials, Update Sync Config and Disconnect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionResponse {
    /// The connection.
    pub connection: Option<Connection>,
}

/// Response of List Connections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListConnectionsResponse {
    /// The connections.
    pub connections: Option<Vec<Connection>>,
    /// Providers that failed (only with `partialFailure=true`).
    pub failed_provider_ids: Option<Vec<String>>,
}

/// Response of Connect By OAuth.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByOAuthResponse {
    /// The provider's consent page; check it with `flow::oauth_url` before navigating.
    pub oauth_url: Option<String>,
}

/// Response of List Calendars.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListCalendarsResponse {
    /// Calendars of the connected account.
    pub calendars: Option<Vec<Calendar>>,
}

impl ListCalendarsResponse {
    /// The calendars, in Wix's order (empty when the field was omitted), their names without
    /// bidirectional formatting characters: a name is a checkbox label on its own.
    ///
    /// ```
    /// use calendar_connect::api::model::ListCalendarsResponse;
    /// let body = r#"{"calendars":[{"id":"c1","name":"Work\u202e"},{"id":"c2"}]}"#;
    /// let calendars = serde_json::from_str::<ListCalendarsResponse>(body).unwrap().calendars();
    /// assert_eq!(calendars[0].name.as_deref(), Some("Work"));
    /// assert_eq!(calendars[1].name, None);
    /// ```
    pub fn calendars(self) -> Vec<Calendar> {
        let mut calendars = self.calendars.unwrap_or_default();
        for calendar in &mut calendars {
            drop_bidi_controls(&mut calendar.name);
        }
        calendars
    }
}

/// Response of List Events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListEventsResponse {
    /// Events sorted by start.
    pub events: Option<Vec<Event>>,
    /// Paging state.
    pub paging_metadata: Option<CursorPagingMetadata>,
    /// Providers that failed (only with `partialFailure=true`).
    pub failed_provider_ids: Option<Vec<String>>,
}

// ----- errors ---------------------------------------------------------------------------------

/// The standard Wix error body: `{"message", "details": {"applicationError" | "validationError"}}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// Short text (often empty).
    pub message: Option<String>,
    /// Structured details.
    pub details: Option<ErrorDetails>,
}

/// The `details` of an [`ErrorBody`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    /// A business-rule rejection with a code.
    pub application_error: Option<ApplicationError>,
    /// Invalid request fields.
    pub validation_error: Option<ValidationError>,
}

/// A business-rule rejection, e.g. `NOT_SUPPORTED_BY_PROVIDER`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationError {
    /// Machine-readable code.
    pub code: Option<String>,
    /// Why it happened.
    pub description: Option<String>,
}

/// Invalid request fields.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationError {
    /// One entry per invalid field.
    pub field_violations: Option<Vec<FieldViolation>>,
}

/// One invalid request field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldViolation {
    /// Field path, e.g. `scheduleId`.
    pub field: Option<String>,
    /// What is wrong.
    pub description: Option<String>,
    /// Rule kind, e.g. `FORMAT`.
    pub violated_rule: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_documented_provider_example() {
        let body = r#"{"providers": [
          {"id": "6c533722-f1f9-4847-95c7-d4c4922ae9b0", "name": "Google Calendar", "calendarType": "GOOGLE",
           "features": {"connectMethods": ["OAUTH"], "updateSyncConfig": false,
                        "listEventFromCalendars": "PRIMARY_CALENDAR_ONLY", "syncToCalendar": "NOT_SUPPORTED"},
           "appDefId": "6c533722-f1f9-4847-95c7-d4c4922ae9b0"},
          {"id": "9f084ae8-b3a6-4eb6-a29d-bc682c04b5fc", "name": "Apple Calendar", "calendarType": "I_CAL",
           "features": {"connectMethods": ["CREDENTIALS"], "updateSyncConfig": true,
                        "listEventFromCalendars": "SPECIFIC_CALENDARS", "syncToCalendar": "DEDICATED_CALENDAR"}}]}"#;
        let providers = serde_json::from_str::<ListProvidersResponse>(body)
            .unwrap()
            .providers();
        assert_eq!(providers.len(), 2);
        assert_eq!(providers[0].calendar_type, Some(CalendarType::Google));
        assert!(providers[0].connects_by_oauth());
        assert_eq!(providers[1].calendar_type, Some(CalendarType::ICal));
        assert!(!providers[1].connects_by_oauth());
        assert!(providers[1].connects_by_credentials());
        let features = providers[1].features.as_ref().unwrap();
        assert_eq!(
            features.sync_to_calendar,
            Some(SyncToCalendar::DedicatedCalendar)
        );
    }

    #[test]
    fn keeps_one_provider_per_id() {
        let provider = |id: Option<&str>, name: &str| serde_json::json!({"id": id, "name": name, "features": {"connectMethods": ["OAUTH"]}});
        let cases = [
            (vec![], vec![]),
            (
                vec![provider(Some("a"), "A"), provider(Some("b"), "B")],
                vec![("a", "A"), ("b", "B")],
            ),
            (
                vec![
                    provider(Some("a"), "A"),
                    provider(Some("b"), "B"),
                    provider(Some("a"), "A again"),
                    provider(Some("b"), "B again"),
                    provider(Some("c"), "C"),
                ],
                vec![("a", "A"), ("b", "B"), ("c", "C")],
            ),
            (
                vec![
                    provider(None, "no ID"),
                    provider(Some(""), "empty ID"),
                    provider(Some("a"), "A"),
                ],
                vec![("a", "A")],
            ),
            (
                vec![provider(Some("A"), "upper"), provider(Some("a"), "lower")],
                vec![("A", "upper"), ("a", "lower")],
            ),
        ];
        for (list, expected) in cases {
            let body = serde_json::json!({ "providers": list }).to_string();
            let providers = serde_json::from_str::<ListProvidersResponse>(&body)
                .unwrap()
                .providers();
            let kept: Vec<_> = providers
                .iter()
                .map(|p| (p.id.as_deref().unwrap(), p.name.as_deref().unwrap()))
                .collect();
            assert_eq!(kept, expected, "{body}");
        }
    }

    #[test]
    fn unknown_enum_values_and_missing_fields_decode() {
        let cases = [
            r#"{"providers":[{"id":"p","calendarType":"QUANTUM","features":{"connectMethods":["TELEPATHY","OAUTH"],"listEventFromCalendars":"ALL","syncToCalendar":"X"}}]}"#,
            r#"{"providers":[{}]}"#,
            r#"{}"#,
        ];
        for body in cases {
            let decoded = serde_json::from_str::<ListProvidersResponse>(body);
            assert!(decoded.is_ok(), "{body}: {decoded:?}");
        }
        let provider = serde_json::from_str::<ListProvidersResponse>(cases[0])
            .unwrap()
            .providers()
            .remove(0);
        assert_eq!(provider.calendar_type, Some(CalendarType::Unknown));
        assert!(provider.connects_by_oauth());
    }

    #[test]
    fn decodes_connections_with_oneofs_and_unknown_status() {
        let body = r#"{"connections":[{"id":"x","status":"SYNCED","syncConfig":{
            "listEventFromCalendars":{"enabled":true,"calendars":{"calendars":[{"id":"c1"}]}},
            "syncToCalendar":{"enabled":true,"primaryCalendar":{}}}},
            {"id":"y","status":"HIBERNATING","errorReason":"COSMIC_RAYS"}],
            "failedProviderIds":["p"]}"#;
        let decoded: ListConnectionsResponse = serde_json::from_str(body).unwrap();
        let connections = decoded.connections.unwrap();
        let config = connections[0].sync_config.clone().unwrap();
        assert_eq!(
            config.list_event_from_calendars,
            Some(ImportConfig::specific(true, ["c1".to_owned()]))
        );
        assert_eq!(config.sync_to_calendar, Some(ExportConfig::primary(true)));
        assert_eq!(connections[1].status, Some(ConnectionStatus::Unknown));
        assert_eq!(connections[1].error_reason, Some(ErrorReason::Unknown));
    }

    #[test]
    fn decodes_events_with_paging() {
        let body = r#"{"events":[{"scheduleId":"s","calendarType":"I_CAL","start":"2023-01-03T07:00:00.000Z","end":"2023-01-03T09:00:00.000Z","allDay":false}],
            "pagingMetadata":{"count":1,"cursors":{"next":"JWE"},"hasNext":true}}"#;
        let decoded: ListEventsResponse = serde_json::from_str(body).unwrap();
        let paging = decoded.paging_metadata.unwrap();
        assert_eq!(paging.has_next, Some(true));
        assert_eq!(paging.cursors.unwrap().next.as_deref(), Some("JWE"));
    }

    #[test]
    fn encodes_request_bodies_in_camel_case() {
        let oauth = ConnectByOAuthRequest {
            schedule_id: "s".into(),
            provider_id: "p".into(),
            redirect_url: "https://h/?a=1".into(),
        };
        assert_eq!(
            serde_json::to_string(&oauth).unwrap(),
            r#"{"scheduleId":"s","providerId":"p","redirectUrl":"https://h/?a=1"}"#
        );
        let update = UpdateSyncConfigRequest {
            sync_config: ConnectionSyncConfig {
                list_event_from_calendars: Some(ImportConfig::specific(true, ["a".to_owned()])),
                sync_to_calendar: None,
            },
            field_mask: None,
        };
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            r#"{"syncConfig":{"listEventFromCalendars":{"enabled":true,"calendars":{"calendars":[{"id":"a"}]}}}}"#
        );
    }

    #[test]
    fn credentials_debug_hides_the_password() {
        let request = ConnectByCredentialsRequest {
            schedule_id: "s".into(),
            provider_id: "p".into(),
            email: "e@x".into(),
            password: "hunter2".into(),
        };
        assert!(!format!("{request:?}").contains("hunter2"));
    }

    #[test]
    fn encodes_queries_with_repeated_and_dotted_keys() {
        let cases = [
            (ListEventsQuery::default(), ""),
            (
                ListEventsQuery {
                    from: Some("2024-01-01T00:00:00+01:00".into()),
                    to: Some("2024-01-08T00:00:00Z".into()),
                    schedule_ids: vec!["s1".into(), "s2".into()],
                    user_ids: vec!["u".into()],
                    all_day: Some(false),
                    fieldsets: vec!["OWN_PI".into()],
                    limit: Some(100),
                    cursor: Some("a b/c".into()),
                    partial_failure: Some(true),
                },
                "from=2024-01-01T00%3A00%3A00%2B01%3A00&to=2024-01-08T00%3A00%3A00Z\
                 &scheduleIds=s1&scheduleIds=s2&userIds=u&allDay=false&fieldsets=OWN_PI\
                 &cursorPaging.limit=100&cursorPaging.cursor=a%20b%2Fc&partialFailure=true",
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(query.to_query(), expected);
        }
        assert_eq!(ListConnectionsQuery::default().to_query(), "");
    }

    #[test]
    fn a_calendar_is_labelled_by_its_name_else_its_id_never_by_formatting() {
        let calendar = |id: Option<&str>, name: Option<&str>| Calendar {
            id: id.map(str::to_owned),
            name: name.map(str::to_owned),
        };
        let cases = [
            (calendar(Some("c1"), Some("Work")), "Work"),
            (calendar(Some("c1"), Some("\u{202E}Work\u{202C}")), "Work"),
            (calendar(Some("c1"), None), "c1"),
            (calendar(Some("c1"), Some("  ")), "c1"),
            (calendar(Some("c1"), Some("\u{202E}\u{2066}")), "c1"),
            (calendar(Some("c\u{202E}1"), None), "c1"),
            (calendar(None, None), ""),
        ];
        for (calendar, label) in cases {
            assert_eq!(calendar.label(), label, "{calendar:?}");
        }
    }
}
