//! Wire types of the Wix External Calendars v2 API, serialised as Wix does: camelCase field
//! names, SCREAMING_SNAKE_CASE enum values, absent optional fields omitted.

use serde::{Deserialize, Serialize};

/// The kind of external calendar behind a provider or connection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CalendarType {
    #[default]
    Undefined,
    Google,
    ICal,
    Outlook,
    #[serde(rename = "OFFICE_365")]
    Office365,
    Microsoft,
    Other,
}

/// How an account owner can connect to a provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConnectMethod {
    #[default]
    Undefined,
    Oauth,
    Credentials,
}

/// A provider's import capability (`ProviderFeatures.listEventFromCalendars`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ImportSupport {
    #[default]
    Undefined,
    NotSupported,
    PrimaryCalendarOnly,
    SpecificCalendars,
}

/// A provider's export capability (`ProviderFeatures.syncToCalendar`); note the singular
/// `SPECIFIC_CALENDAR`, unlike the import enum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ExportSupport {
    #[default]
    Undefined,
    NotSupported,
    PrimaryCalendarOnly,
    SpecificCalendar,
    DedicatedCalendar,
}

/// Lifecycle state of a connection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    #[default]
    Undefined,
    Connected,
    SyncInProgress,
    Synced,
    Disconnected,
    Error,
}

/// Why a connection is in `ERROR`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorReason {
    #[default]
    Undefined,
    TokenRevoked,
    ExternalCalendarCreationFailed,
    ExternalCalendarDeleted,
}

/// An external calendar provider a site can connect to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub calendar_type: CalendarType,
    #[serde(default)]
    pub features: ProviderFeatures,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_def_id: Option<String>,
}

/// What a provider supports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderFeatures {
    #[serde(default)]
    pub connect_methods: Vec<ConnectMethod>,
    #[serde(default)]
    pub update_sync_config: bool,
    #[serde(default)]
    pub list_event_from_calendars: ImportSupport,
    #[serde(default)]
    pub sync_to_calendar: ExportSupport,
}

/// A link between a Wix schedule and an external calendar account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    pub id: String,
    pub provider_id: String,
    #[serde(default)]
    pub calendar_type: CalendarType,
    pub schedule_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_account_email: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_reason: Option<ErrorReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_config: Option<SyncConfig>,
}

/// `ConnectionSyncConfig`: what is imported from and exported to the external account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_event_from_calendars: Option<ImportConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_to_calendar: Option<ExportConfig>,
}

/// Import settings; `primary_calendar` and `calendars` are a oneof.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_calendar: Option<Empty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendars: Option<CalendarList>,
}

/// Export settings; `primary_calendar` and `dedicated_calendar` are a oneof.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_calendar: Option<Empty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dedicated_calendar: Option<Empty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub append_single_participant_name_to_event_summary: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_buffer_time: Option<bool>,
}

/// The `{}` that selects a oneof member without parameters (`primaryCalendar: {}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Empty {}

/// The double-nested `calendars.calendars` list of the import config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CalendarList {
    #[serde(default)]
    pub calendars: Vec<Calendar>,
}

/// A calendar inside an external account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// An event imported from an external calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub schedule_id: String,
    #[serde(default)]
    pub calendar_type: CalendarType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub start: String,
    pub end: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_day: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_owner_name: Option<String>,
}

/// Paging information of a List Events page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CursorPagingMetadata {
    pub count: u32,
    pub cursors: Cursors,
    pub has_next: bool,
}

/// Cursor to the next page, absent on the last page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Response of List Providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListProvidersResponse {
    pub providers: Vec<Provider>,
}

/// Response of Get Connection, Connect By Credentials, Update Sync Config and Disconnect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectionResponse {
    pub connection: Connection,
}

/// Response of List Connections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListConnectionsResponse {
    pub connections: Vec<Connection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_provider_ids: Option<Vec<String>>,
}

/// Request body of Connect By OAuth; fields are optional here so that a missing one is
/// reported as a field violation rather than a decoding failure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByOAuthRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
}

/// Response of Connect By OAuth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByOAuthResponse {
    pub oauth_url: String,
}

/// Request body of Connect By Credentials. Deliberately not `Debug`: it holds a password.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectByCredentialsRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// Response of List Calendars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListCalendarsResponse {
    pub calendars: Vec<Calendar>,
}

/// Request body of Update Sync Config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateSyncConfigRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_config: Option<SyncConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_mask: Option<FieldMask>,
}

/// A protobuf field mask as it travels in REST JSON: the SDK sends a comma-joined string,
/// other clients an object with `paths`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldMask {
    Joined(String),
    Paths { paths: Vec<String> },
}

impl FieldMask {
    /// The mask's paths, trimmed, without empty entries.
    pub fn paths(&self) -> Vec<String> {
        let raw: Vec<&str> = match self {
            FieldMask::Joined(joined) => joined.split(',').collect(),
            FieldMask::Paths { paths } => paths.iter().map(String::as_str).collect(),
        };
        raw.into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// Response of List Events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListEventsResponse {
    pub events: Vec<Event>,
    pub paging_metadata: CursorPagingMetadata,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed_provider_ids: Option<Vec<String>>,
}
