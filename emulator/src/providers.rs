//! The providers a site offers: Wix's three built-in ones, plus any from a seed file.

use std::path::Path;

use serde::Deserialize;

use crate::model::{
    CalendarType, ConnectMethod, ExportSupport, ImportSupport, Provider, ProviderFeatures,
};
use crate::validate::is_guid;
use crate::StartError;

fn builtin(
    id: &str,
    name: &str,
    calendar_type: CalendarType,
    connect: ConnectMethod,
    update_sync_config: bool,
    import: ImportSupport,
    export: ExportSupport,
) -> Provider {
    Provider {
        id: id.to_owned(),
        name: name.to_owned(),
        calendar_type,
        features: ProviderFeatures {
            connect_methods: vec![connect],
            update_sync_config,
            list_event_from_calendars: import,
            sync_to_calendar: export,
        },
        app_def_id: Some(id.to_owned()),
    }
}

/// Google, Apple and Microsoft with the ids and features of the List Providers example.
pub fn builtin_providers() -> Vec<Provider> {
    vec![
        builtin(
            "6c533722-f1f9-4847-95c7-d4c4922ae9b0",
            "Google Calendar",
            CalendarType::Google,
            ConnectMethod::Oauth,
            false,
            ImportSupport::PrimaryCalendarOnly,
            ExportSupport::NotSupported,
        ),
        builtin(
            "9f084ae8-b3a6-4eb6-a29d-bc682c04b5fc",
            "Apple Calendar",
            CalendarType::ICal,
            ConnectMethod::Credentials,
            true,
            ImportSupport::SpecificCalendars,
            ExportSupport::DedicatedCalendar,
        ),
        builtin(
            "ae0d26b4-7e04-4735-a15e-1b1acaba2f00",
            "Outlook or Office 365",
            CalendarType::Microsoft,
            ConnectMethod::Oauth,
            true,
            ImportSupport::SpecificCalendars,
            ExportSupport::DedicatedCalendar,
        ),
    ]
}

/// A seed file: the same shape as a List Providers response.
#[derive(Deserialize)]
struct SeedFile {
    providers: Vec<Provider>,
}

/// The built-in providers, followed by (or replaced by, on an equal id) those in `seed`.
pub fn load(seed: Option<&Path>) -> Result<Vec<Provider>, StartError> {
    let mut providers = builtin_providers();
    let Some(path) = seed else {
        return Ok(providers);
    };
    let bad = |reason: String| StartError::Seed {
        path: path.to_owned(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let seed: SeedFile = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    for provider in seed.providers {
        if !is_guid(&provider.id) {
            return Err(bad(format!("provider id {:?} is not a GUID", provider.id)));
        }
        match providers.iter_mut().find(|p| p.id == provider.id) {
            Some(existing) => *existing = provider,
            None => providers.push(provider),
        }
    }
    Ok(providers)
}
