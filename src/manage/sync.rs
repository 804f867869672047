//! Sync settings: what a provider lets a person change (from its `features`), what the
//! connection has now, the Update Sync Config requests (with a field mask, so that changing
//! import never touches export and the other way round), and whether the answer shows that the
//! change was really saved.
//!
//! ```
//! use calendar_connect::manage::sync::{export_request, ExportTarget};
//! let request = export_request(true, ExportTarget::Dedicated);
//! assert_eq!(request.field_mask.as_deref(), Some("syncToCalendar.enabled,syncToCalendar.dedicatedCalendar"));
//! ```

use crate::api::error::ApiError;
use crate::api::model::{
    Connection, ConnectionSyncConfig, ExportConfig, ImportConfig, ListEventFromCalendars,
    ProviderFeatures, SyncToCalendar, UpdateSyncConfigRequest,
};
use crate::flow::feedback::connection_error_notice;
use crate::messages as m;

/// How import can be set up with a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportChoice {
    /// On or off, from the primary calendar only.
    PrimaryOnly,
    /// On or off, from calendars chosen among List Calendars.
    Calendars,
}

/// Where export goes with a provider. `SPECIFIC_CALENDAR` export is not offered: Wix's
/// `syncToCalendar` config has no field that names a calendar (only the `primaryCalendar` /
/// `dedicatedCalendar` oneof), so a chosen calendar could not be saved; the emulator likewise
/// takes only `primaryCalendar` for that mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    /// The account's primary calendar.
    Primary,
    /// A calendar the provider creates for Wix.
    Dedicated,
}

/// The settings offered for a provider; both `None` means nothing can be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncOffer {
    /// Import, if it can be changed.
    pub import: Option<ImportChoice>,
    /// Export, if it can be changed.
    pub export: Option<ExportTarget>,
}

impl SyncOffer {
    /// Whether anything at all is offered.
    pub fn is_empty(&self) -> bool {
        self.import.is_none() && self.export.is_none()
    }
}

/// What a provider's `features` offer. Nothing where `updateSyncConfig` is not true.
pub fn offer(features: Option<&ProviderFeatures>) -> SyncOffer {
    let nothing = SyncOffer {
        import: None,
        export: None,
    };
    let Some(features) = features.filter(|f| f.update_sync_config == Some(true)) else {
        return nothing;
    };
    SyncOffer {
        import: match features.list_event_from_calendars {
            Some(ListEventFromCalendars::PrimaryCalendarOnly) => Some(ImportChoice::PrimaryOnly),
            Some(ListEventFromCalendars::SpecificCalendars) => Some(ImportChoice::Calendars),
            _ => None,
        },
        export: match features.sync_to_calendar {
            Some(SyncToCalendar::PrimaryCalendarOnly) => Some(ExportTarget::Primary),
            Some(SyncToCalendar::DedicatedCalendar) => Some(ExportTarget::Dedicated),
            _ => None,
        },
    }
}

/// The settings a connection has, as the server last reported them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// Whether import is on.
    pub import_on: bool,
    /// IDs of the calendars imported from; empty means the primary calendar.
    pub import_calendars: Vec<String>,
    /// Whether export is on.
    pub export_on: bool,
}

/// Reads the settings of a connection (absent fields are off, as Wix omits defaults).
pub fn state(connection: &Connection) -> SyncState {
    let config = connection.sync_config.clone().unwrap_or_default();
    let import = config.list_event_from_calendars.unwrap_or_default();
    SyncState {
        import_on: import.enabled == Some(true),
        import_calendars: import
            .calendars
            .and_then(|list| list.calendars)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| c.id)
            .collect(),
        export_on: config.sync_to_calendar.and_then(|e| e.enabled) == Some(true),
    }
}

/// Turns import on or off, from `calendars` (the primary calendar when empty). Only the
/// import fields are in the mask, so export is left as it is.
pub fn import_request(enabled: bool, calendars: &[String]) -> UpdateSyncConfigRequest {
    let (import, source) = if calendars.is_empty() {
        (
            ImportConfig::primary(enabled),
            "listEventFromCalendars.primaryCalendar",
        )
    } else {
        (
            ImportConfig::specific(enabled, calendars.iter().cloned()),
            "listEventFromCalendars.calendars",
        )
    };
    UpdateSyncConfigRequest::masked(
        ConnectionSyncConfig {
            list_event_from_calendars: Some(import),
            sync_to_calendar: None,
        },
        &["listEventFromCalendars.enabled", source],
    )
}

/// Turns export to `target` on or off; only the export fields are in the mask.
pub fn export_request(enabled: bool, target: ExportTarget) -> UpdateSyncConfigRequest {
    let (export, destination) = match target {
        ExportTarget::Primary => (
            ExportConfig::primary(enabled),
            "syncToCalendar.primaryCalendar",
        ),
        ExportTarget::Dedicated => (
            ExportConfig::dedicated(enabled),
            "syncToCalendar.dedicatedCalendar",
        ),
    };
    UpdateSyncConfigRequest::masked(
        ConnectionSyncConfig {
            list_event_from_calendars: None,
            sync_to_calendar: Some(export),
        },
        &["syncToCalendar.enabled", destination],
    )
}

/// Whether the connection Update Sync Config returned shows the requested change; a save is
/// only reported when it does.
pub fn is_saved(request: &UpdateSyncConfigRequest, returned: &Connection) -> bool {
    let now = state(returned);
    let asked = &request.sync_config;
    let import_ok = asked
        .list_event_from_calendars
        .as_ref()
        .is_none_or(|import| {
            let wanted: Vec<String> = import
                .calendars
                .as_ref()
                .and_then(|list| list.calendars.as_ref())
                .map(|list| list.iter().filter_map(|c| c.id.clone()).collect())
                .unwrap_or_default();
            now.import_on == (import.enabled == Some(true))
                && same_set(&now.import_calendars, &wanted)
        });
    let export_ok = asked
        .sync_to_calendar
        .as_ref()
        .is_none_or(|export| now.export_on == (export.enabled == Some(true)));
    import_ok && export_ok
}

/// Whether two short lists of IDs hold the same IDs in any order. Compared by lookup rather
/// than by sorting: a sort would add its own code to the wasm for a list of a few calendars.
fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// The headline when a save failed, worded for a connection that exists (see
/// [`connection_error_notice`]).
pub fn save_failure(error: &ApiError, provider: &str) -> String {
    let why = connection_error_notice(error, provider).title;
    format!("{} {why}", m::not_saved())
}

/// A setting's switch: it shows the server's value, or the requested one while a save runs,
/// and falls back to the server's value when the save fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwitchState {
    /// The value the server last reported.
    pub server: bool,
    /// The value being saved, if a save runs.
    pub pending: Option<bool>,
}

impl SwitchState {
    /// A switch showing the server's value.
    pub fn new(server: bool) -> Self {
        Self {
            server,
            pending: None,
        }
    }

    /// What the switch shows.
    pub fn shown(&self) -> bool {
        self.pending.unwrap_or(self.server)
    }

    /// Starts saving `value`; `false` (and nothing changes) while another save runs.
    pub fn start(&mut self, value: bool) -> bool {
        if self.pending.is_some() {
            return false;
        }
        self.pending = Some(value);
        true
    }

    /// Ends the save with the server's value: the new one when saved, `None` when it failed
    /// (the switch then shows the old value again).
    pub fn finish(&mut self, server: Option<bool>) {
        if let Some(value) = server {
            self.server = value;
        }
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::{Calendar, CalendarList};

    fn features(
        update: Option<bool>,
        import: Option<ListEventFromCalendars>,
        export: Option<SyncToCalendar>,
    ) -> ProviderFeatures {
        ProviderFeatures {
            connect_methods: None,
            update_sync_config: update,
            list_event_from_calendars: import,
            sync_to_calendar: export,
        }
    }

    #[test]
    fn a_failed_save_says_why_in_the_words_of_settings() {
        let not_supported = ApiError::from_http(
            428,
            r#"{"message":"","details":{"applicationError":{"code":"NOT_SUPPORTED_BY_PROVIDER"}}}"#,
            None,
        );
        let unavailable = ApiError::from_http(503, r#"{"message":"","details":{}}"#, None);
        // (error, words the headline must have, words it must not have)
        let cases = [
            (
                &not_supported,
                "Apple Calendar doesn't support this setting",
                "connected",
            ),
            (&unavailable, "wasn't saved", "Saved"),
        ];
        for (error, has, lacks) in cases {
            let title = save_failure(error, "Apple Calendar");
            assert!(title.starts_with(m::not_saved()), "{title}");
            assert!(title.contains(has), "{title}");
            assert!(!title.contains(lacks), "{title}");
        }
    }

    #[test]
    fn offers_what_the_features_allow() {
        use ListEventFromCalendars as I;
        use SyncToCalendar as E;
        let cases = [
            (
                Some(true),
                Some(I::PrimaryCalendarOnly),
                Some(E::PrimaryCalendarOnly),
                Some(ImportChoice::PrimaryOnly),
                Some(ExportTarget::Primary),
            ),
            (
                Some(true),
                Some(I::SpecificCalendars),
                Some(E::DedicatedCalendar),
                Some(ImportChoice::Calendars),
                Some(ExportTarget::Dedicated),
            ),
            (
                Some(true),
                Some(I::NotSupported),
                Some(E::NotSupported),
                None,
                None,
            ),
            (
                Some(true),
                Some(I::Unknown),
                Some(E::SpecificCalendar),
                None,
                None,
            ),
            (Some(true), None, None, None, None),
            (
                Some(false),
                Some(I::SpecificCalendars),
                Some(E::DedicatedCalendar),
                None,
                None,
            ),
            (
                None,
                Some(I::SpecificCalendars),
                Some(E::DedicatedCalendar),
                None,
                None,
            ),
        ];
        for (update, import, export, want_import, want_export) in cases {
            let got = offer(Some(&features(update, import, export)));
            assert_eq!(
                (got.import, got.export),
                (want_import, want_export),
                "{update:?} {import:?} {export:?}"
            );
        }
        assert!(offer(None).is_empty());
    }

    #[test]
    fn masks_only_the_changed_section() {
        let cases = [
            (
                import_request(true, &[]),
                r#"{"syncConfig":{"listEventFromCalendars":{"enabled":true,"primaryCalendar":{}}},"fieldMask":"listEventFromCalendars.enabled,listEventFromCalendars.primaryCalendar"}"#,
            ),
            (
                import_request(false, &["c1".to_owned(), "c2".to_owned()]),
                r#"{"syncConfig":{"listEventFromCalendars":{"enabled":false,"calendars":{"calendars":[{"id":"c1"},{"id":"c2"}]}}},"fieldMask":"listEventFromCalendars.enabled,listEventFromCalendars.calendars"}"#,
            ),
            (
                export_request(true, ExportTarget::Dedicated),
                r#"{"syncConfig":{"syncToCalendar":{"enabled":true,"dedicatedCalendar":{}}},"fieldMask":"syncToCalendar.enabled,syncToCalendar.dedicatedCalendar"}"#,
            ),
            (
                export_request(false, ExportTarget::Primary),
                r#"{"syncConfig":{"syncToCalendar":{"enabled":false,"primaryCalendar":{}}},"fieldMask":"syncToCalendar.enabled,syncToCalendar.primaryCalendar"}"#,
            ),
        ];
        for (request, json) in cases {
            assert_eq!(serde_json::to_string(&request).unwrap(), json);
        }
    }

    fn with_config(import: Option<ImportConfig>, export: Option<ExportConfig>) -> Connection {
        Connection {
            sync_config: Some(ConnectionSyncConfig {
                list_event_from_calendars: import,
                sync_to_calendar: export,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn reads_the_state_of_a_connection() {
        let c = with_config(
            Some(ImportConfig::specific(true, ["a".to_owned()])),
            Some(ExportConfig::dedicated(true)),
        );
        assert_eq!(
            state(&c),
            SyncState {
                import_on: true,
                import_calendars: vec!["a".into()],
                export_on: true
            }
        );
        assert_eq!(state(&Connection::default()), SyncState::default());
        let odd = with_config(
            Some(ImportConfig {
                enabled: Some(true),
                primary_calendar: None,
                calendars: Some(CalendarList {
                    calendars: Some(vec![Calendar::default()]),
                }),
            }),
            None,
        );
        assert_eq!(state(&odd).import_calendars, Vec::<String>::new());
    }

    #[test]
    fn a_save_counts_only_when_the_answer_shows_it() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let returned = with_config(
            Some(ImportConfig::specific(true, ids(&["b", "a"]))),
            Some(ExportConfig::dedicated(false)),
        );
        let cases = [
            (import_request(true, &ids(&["a", "b"])), true),
            (import_request(true, &ids(&["a"])), false),
            (import_request(false, &ids(&["a", "b"])), false),
            (import_request(true, &[]), false),
            (export_request(false, ExportTarget::Dedicated), true),
            (export_request(true, ExportTarget::Dedicated), false),
        ];
        for (request, saved) in cases {
            assert_eq!(is_saved(&request, &returned), saved, "{request:?}");
        }
        assert!(!is_saved(
            &export_request(true, ExportTarget::Primary),
            &Connection::default()
        ));
    }

    #[test]
    fn a_switch_shows_the_server_value_unless_saving() {
        let mut switch = SwitchState::new(false);
        assert!(!switch.shown());
        assert!(switch.start(true));
        assert!(switch.shown());
        assert!(!switch.start(false), "one save at a time");
        switch.finish(None);
        assert_eq!(switch, SwitchState::new(false), "rolled back");
        assert!(switch.start(true));
        switch.finish(Some(true));
        assert_eq!(switch, SwitchState::new(true));
    }
}
