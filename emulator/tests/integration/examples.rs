//! Every example payload of the API reference decodes into the model and re-serialises to
//! the same JSON.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wix_emulator::errors::WixErrorBody;
use wix_emulator::model::*;

fn round_trip<T: DeserializeOwned + Serialize>(name: &str, text: &str) {
    let original: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let decoded: T = serde_json::from_value(original.clone())
        .unwrap_or_else(|e| panic!("{name} does not decode: {e}"));
    let again = serde_json::to_value(&decoded).unwrap();
    assert_eq!(again, original, "{name} changed in a round trip");
}

macro_rules! fixture {
    ($ty:ty, $file:literal) => {
        round_trip::<$ty>($file, include_str!(concat!("../fixtures/", $file)))
    };
}

#[test]
fn documented_examples_round_trip() {
    fixture!(ListProvidersResponse, "list_providers_response.json");
    fixture!(ConnectionResponse, "get_connection_response.json");
    fixture!(ConnectByOAuthResponse, "connect_by_oauth_response.json");
    fixture!(
        ConnectByCredentialsRequest,
        "connect_by_credentials_request.json"
    );
    fixture!(ConnectionResponse, "connect_by_credentials_response.json");
    fixture!(ListCalendarsResponse, "list_calendars_response.json");
    fixture!(
        UpdateSyncConfigRequest,
        "update_sync_config_request_calendars.json"
    );
    fixture!(
        UpdateSyncConfigRequest,
        "update_sync_config_request_dedicated.json"
    );
    fixture!(ConnectionResponse, "disconnect_response.json");
    fixture!(ListEventsResponse, "list_events_response.json");
    fixture!(WixErrorBody, "error_application.json");
    fixture!(WixErrorBody, "error_validation.json");
    fixture!(WixErrorBody, "error_system.json");
}

#[test]
fn both_field_mask_forms_round_trip() {
    round_trip::<UpdateSyncConfigRequest>(
        "comma-joined mask",
        r#"{"syncConfig": {}, "fieldMask": "syncToCalendar.enabled,listEventFromCalendars"}"#,
    );
    round_trip::<UpdateSyncConfigRequest>(
        "paths mask",
        r#"{"syncConfig": {}, "fieldMask": {"paths": ["syncToCalendar"]}}"#,
    );
}

#[test]
fn every_enum_value_of_the_reference_decodes() {
    let values = |json: &str| serde_json::from_str::<Vec<Value>>(json).unwrap();
    for v in values(r#"["UNDEFINED","GOOGLE","I_CAL","OUTLOOK","OFFICE_365","MICROSOFT","OTHER"]"#)
    {
        let t: CalendarType = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(t).unwrap(), v);
    }
    for v in
        values(r#"["UNDEFINED","CONNECTED","SYNC_IN_PROGRESS","SYNCED","DISCONNECTED","ERROR"]"#)
    {
        let s: Status = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(s).unwrap(), v);
    }
    for v in values(
        r#"["UNDEFINED","TOKEN_REVOKED","EXTERNAL_CALENDAR_CREATION_FAILED","EXTERNAL_CALENDAR_DELETED"]"#,
    ) {
        let r: ErrorReason = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(r).unwrap(), v);
    }
    for v in values(
        r#"["UNDEFINED","NOT_SUPPORTED","PRIMARY_CALENDAR_ONLY","SPECIFIC_CALENDAR","DEDICATED_CALENDAR"]"#,
    ) {
        let e: ExportSupport = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(e).unwrap(), v);
    }
    for v in values(r#"["UNDEFINED","NOT_SUPPORTED","PRIMARY_CALENDAR_ONLY","SPECIFIC_CALENDARS"]"#)
    {
        let i: ImportSupport = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(i).unwrap(), v);
    }
}
