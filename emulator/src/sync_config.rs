//! Sync config rules: the default a new connection gets, field-mask merging, and the checks
//! against what the provider supports.

use serde_json::{Map, Value};

use crate::errors::{ApiError, AppCode, FieldViolation};
use crate::generate::{calendars, CALENDAR_NAMES};
use crate::model::{
    Empty, ExportSupport, ImportConfig, ImportSupport, ProviderFeatures, SyncConfig,
};

/// Paths a field mask may name (relative to `syncConfig`; a `syncConfig.` prefix is also
/// accepted).
const MASKABLE_PATHS: [&str; 11] = [
    "listEventFromCalendars",
    "listEventFromCalendars.enabled",
    "listEventFromCalendars.primaryCalendar",
    "listEventFromCalendars.calendars",
    "listEventFromCalendars.calendars.calendars",
    "syncToCalendar",
    "syncToCalendar.enabled",
    "syncToCalendar.primaryCalendar",
    "syncToCalendar.dedicatedCalendar",
    "syncToCalendar.appendSingleParticipantNameToEventSummary",
    "syncToCalendar.includeBufferTime",
];

/// Members of each oneof group, by the section they live in.
fn oneof_members(section: &str) -> &'static [&'static str] {
    match section {
        "listEventFromCalendars" => &["primaryCalendar", "calendars"],
        "syncToCalendar" => &["primaryCalendar", "dedicatedCalendar"],
        _ => &[],
    }
}

/// A new connection imports from the primary calendar when the provider can import at all,
/// so that List Events has something to return right after connecting.
pub fn default_for(features: &ProviderFeatures) -> Option<SyncConfig> {
    match features.list_event_from_calendars {
        ImportSupport::PrimaryCalendarOnly | ImportSupport::SpecificCalendars => Some(SyncConfig {
            list_event_from_calendars: Some(ImportConfig {
                enabled: Some(true),
                primary_calendar: Some(Empty {}),
                calendars: None,
            }),
            sync_to_calendar: None,
        }),
        ImportSupport::Undefined | ImportSupport::NotSupported => None,
    }
}

/// Checks and normalises field-mask paths (dropping a `syncConfig.` prefix).
pub fn mask_paths(paths: Vec<String>) -> Result<Vec<String>, ApiError> {
    let mut normalised = Vec::new();
    let mut violations = Vec::new();
    for path in paths {
        let relative = path.strip_prefix("syncConfig.").unwrap_or(&path).to_owned();
        if MASKABLE_PATHS.contains(&relative.as_str()) {
            normalised.push(relative);
        } else {
            violations.push(FieldViolation::custom(
                "fieldMask",
                format!("names an unknown path {path:?}"),
            ));
        }
    }
    if violations.is_empty() {
        Ok(normalised)
    } else {
        Err(ApiError::validation(violations))
    }
}

/// `current` with the masked paths taken from `requested` (a path absent from `requested`
/// is cleared). Setting one member of a oneof clears its siblings.
pub fn apply_mask(
    current: &SyncConfig,
    requested: &SyncConfig,
    paths: &[String],
) -> Result<SyncConfig, ApiError> {
    let internal = |_| ApiError::system(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    let mut target = serde_json::to_value(current).map_err(internal)?;
    let source = serde_json::to_value(requested).map_err(internal)?;
    for path in paths {
        let segments: Vec<&str> = path.split('.').collect();
        let value = segments
            .iter()
            .try_fold(&source, |node, key| node.get(key))
            .cloned();
        if let [section, member, ..] = segments[..] {
            let members = oneof_members(section);
            if value.is_some() && members.contains(&member) {
                if let Some(Value::Object(fields)) = target.get_mut(section) {
                    fields.retain(|key, _| key == member || !members.contains(&key.as_str()));
                }
            }
        }
        set_path(&mut target, &segments, value);
    }
    serde_json::from_value(target).map_err(internal)
}

/// Sets (or with `None` removes) the value at `segments`, creating objects on the way.
fn set_path(target: &mut Value, segments: &[&str], value: Option<Value>) {
    let Some((last, parents)) = segments.split_last() else {
        return;
    };
    let mut node = target;
    for key in parents {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        node = node
            .as_object_mut()
            .expect("made an object above")
            .entry(*key)
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    let object = node.as_object_mut().expect("made an object above");
    match value {
        Some(value) => {
            object.insert((*last).to_owned(), value);
        }
        None => {
            object.remove(*last);
        }
    }
}

/// 400 for a config that sets both members of a oneof, or names calendars that the
/// connection's account does not have.
pub fn check_shape(config: &SyncConfig, connection_id: &str) -> Result<(), ApiError> {
    let mut violations = Vec::new();
    if let Some(import) = &config.list_event_from_calendars {
        if import.primary_calendar.is_some() && import.calendars.is_some() {
            violations.push(FieldViolation::custom(
                "syncConfig.listEventFromCalendars",
                "may set only one of primaryCalendar and calendars",
            ));
        }
        let known = calendars(connection_id);
        for (index, calendar) in import
            .calendars
            .iter()
            .flat_map(|c| &c.calendars)
            .enumerate()
        {
            let field =
                format!("syncConfig.listEventFromCalendars.calendars.calendars[{index}].id");
            match &calendar.id {
                None => violations.push(FieldViolation::required(&field)),
                Some(id) if !known.iter().any(|k| k.id.as_ref() == Some(id)) => violations.push(
                    FieldViolation::custom(&field, "is not a calendar of this connection"),
                ),
                Some(_) => {}
            }
        }
    }
    if let Some(export) = &config.sync_to_calendar {
        if export.primary_calendar.is_some() && export.dedicated_calendar.is_some() {
            violations.push(FieldViolation::custom(
                "syncConfig.syncToCalendar",
                "may set only one of primaryCalendar and dedicatedCalendar",
            ));
        }
    }
    if violations.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(violations))
    }
}

/// 428 `NOT_SUPPORTED_BY_PROVIDER` when an enabled import or export asks for a mode the
/// provider does not offer.
pub fn check_supported(features: &ProviderFeatures, config: &SyncConfig) -> Result<(), ApiError> {
    let import_ok = match &config.list_event_from_calendars {
        Some(import) if import.enabled == Some(true) => match features.list_event_from_calendars {
            ImportSupport::SpecificCalendars => true,
            ImportSupport::PrimaryCalendarOnly => import.calendars.is_none(),
            ImportSupport::Undefined | ImportSupport::NotSupported => false,
        },
        _ => true,
    };
    let export_ok = match &config.sync_to_calendar {
        Some(export) if export.enabled == Some(true) => match features.sync_to_calendar {
            ExportSupport::PrimaryCalendarOnly | ExportSupport::SpecificCalendar => {
                export.dedicated_calendar.is_none()
            }
            ExportSupport::DedicatedCalendar => export.primary_calendar.is_none(),
            ExportSupport::Undefined | ExportSupport::NotSupported => false,
        },
        _ => true,
    };
    if import_ok && export_ok {
        Ok(())
    } else {
        Err(ApiError::app(AppCode::NotSupportedByProvider))
    }
}

/// Names of the generated calendars a connection imports from: none when import is off, the
/// primary one for `primaryCalendar` (or no choice), else the listed ones that exist.
pub fn imported_calendars(connection_id: &str, config: Option<&SyncConfig>) -> Vec<&'static str> {
    let Some(import) = config.and_then(|c| c.list_event_from_calendars.as_ref()) else {
        return Vec::new();
    };
    if import.enabled != Some(true) {
        return Vec::new();
    }
    let Some(chosen) = &import.calendars else {
        return vec![CALENDAR_NAMES[0]];
    };
    calendars(connection_id)
        .iter()
        .zip(CALENDAR_NAMES)
        .filter(|(calendar, _)| chosen.calendars.iter().any(|c| c.id == calendar.id))
        .map(|(_, name)| name)
        .collect()
}
