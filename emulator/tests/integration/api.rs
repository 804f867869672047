//! The API methods other than List Events: success paths and every documented error.

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};
use wix_emulator::Config;

use crate::common::*;

#[tokio::test]
async fn list_providers_matches_the_documented_example() {
    let emulator = start().await;
    let r = emulator.get("/providers").await;
    assert_eq!(r.status, 200);
    let documented: Value =
        serde_json::from_str(include_str!("../fixtures/list_providers_response.json")).unwrap();
    assert_eq!(r.body, documented);
}

#[tokio::test]
async fn missing_or_empty_authorization_is_401() {
    let emulator = start().await;
    let url = format!("{}{API}/providers", emulator.origin);
    let missing = reply(emulator.client.get(&url)).await;
    assert_app_error(&missing, 401, "UNAUTHENTICATED");
    let empty = reply(emulator.client.get(&url).header("Authorization", "  ")).await;
    assert_app_error(&empty, 401, "UNAUTHENTICATED");
}

#[tokio::test]
async fn token_flag_accepts_only_that_token() {
    let emulator = start_with(Config {
        token: Some("s3cret".into()),
        ..config()
    })
    .await;
    let url = format!("{}{API}/providers", emulator.origin);
    let call = |auth: &'static str| reply(emulator.client.get(&url).header("Authorization", auth));
    assert_app_error(&call("other").await, 401, "UNAUTHENTICATED");
    assert_eq!(call("s3cret").await.status, 200);
    assert_eq!(call("Bearer s3cret").await.status, 200);
}

#[tokio::test]
async fn get_connection_and_unknown_id() {
    let emulator = start().await;
    let created = emulator.apple_connection(SCHEDULE).await;
    let id = created["id"].as_str().unwrap();
    let r = emulator.get(&format!("/connections/{id}")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["connection"], created);
    assert_app_error(&emulator.get("/connections/nope").await, 404, "NOT_FOUND");
}

#[tokio::test]
async fn list_connections_filters_by_repeated_schedule_ids() {
    let emulator = start().await;
    let third = "b936298d-18a6-4ae8-8e9f-10bf49314c95";
    for schedule in [SCHEDULE, OTHER_SCHEDULE, third] {
        emulator.apple_connection(schedule).await;
    }
    let all = emulator.get("/connections").await;
    assert_eq!(all.body["connections"].as_array().unwrap().len(), 3);
    assert!(all.body.get("failedProviderIds").is_none());

    let r = emulator
        .get(&format!(
            "/connections?scheduleIds={SCHEDULE}&scheduleIds={third}&partialFailure=true"
        ))
        .await;
    assert_eq!(r.status, 200);
    let schedules: Vec<&str> = r.body["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["scheduleId"].as_str().unwrap())
        .collect();
    assert_eq!(schedules, [SCHEDULE, third]);

    assert_violation(
        &emulator.get("/connections?scheduleIds=nope").await,
        "scheduleIds",
        "FORMAT",
    );
    assert_violation(
        &emulator.get("/connections?partialFailure=maybe").await,
        "partialFailure",
        "FORMAT",
    );
}

#[tokio::test]
async fn connect_by_oauth_validates_its_fields() {
    let emulator = start().await;
    let empty = emulator
        .post("/connections:connectByOAuth", json!({}))
        .await;
    for field in ["scheduleId", "providerId", "redirectUrl"] {
        assert_violation(&empty, field, "REQUIRED_FIELD");
    }
    let bad = emulator
        .post(
            "/connections:connectByOAuth",
            json!({"scheduleId": "123", "providerId": "google", "redirectUrl": "/relative"}),
        )
        .await;
    assert_violation(&bad, "scheduleId", "FORMAT");
    assert_violation(&bad, "providerId", "FORMAT");
    assert_violation(&bad, "redirectUrl", "FORMAT");
    for url in ["javascript:alert(1)", "ftp://example.com/x", "example.com"] {
        let r = emulator
            .post(
                "/connections:connectByOAuth",
                json!({"scheduleId": SCHEDULE, "providerId": GOOGLE, "redirectUrl": url}),
            )
            .await;
        assert_violation(&r, "redirectUrl", "FORMAT");
    }
}

#[tokio::test]
async fn connect_by_oauth_errors() {
    let emulator = start().await;
    let body = |provider: &str| json!({"scheduleId": SCHEDULE, "providerId": provider, "redirectUrl": "http://127.0.0.1:9/done"});
    let apple = emulator
        .post("/connections:connectByOAuth", body(APPLE))
        .await;
    assert_app_error(&apple, 428, "NOT_SUPPORTED_BY_PROVIDER");
    let unknown = emulator
        .post(
            "/connections:connectByOAuth",
            body("00000000-0000-4000-8000-000000000000"),
        )
        .await;
    assert_app_error(&unknown, 404, "NOT_FOUND");
    emulator.set_premium(false).await;
    let r = emulator
        .post("/connections:connectByOAuth", body(GOOGLE))
        .await;
    assert_app_error(&r, 403, "PREMIUM_FEATURE_NOT_ENABLED");
}

#[tokio::test]
async fn oauth_url_points_at_the_emulator_on_a_loopback_host() {
    let emulator = start().await;
    let port = emulator.origin.rsplit(':').next().unwrap().to_owned();
    let url = emulator
        .oauth_url(MICROSOFT, "https://example.com/back")
        .await;
    assert!(
        url.starts_with(&format!("http://127.0.0.1:{port}/_emulator/consent/")),
        "{url}"
    );
    for (host, expected) in [
        ("localhost:4000", "localhost"),
        ("example.com", "127.0.0.1"),
    ] {
        let r = reply(
            emulator
                .api(Method::POST, "/connections:connectByOAuth")
                .header("Host", host)
                .json(&json!({"scheduleId": SCHEDULE, "providerId": GOOGLE, "redirectUrl": "http://localhost:1/"})),
        )
        .await;
        let url = r.body["oauthUrl"].as_str().unwrap();
        assert!(
            url.starts_with(&format!("http://{expected}:{port}/")),
            "{url}"
        );
    }
}

#[tokio::test]
async fn connect_by_credentials_creates_a_connection() {
    let emulator = start().await;
    let c = emulator.apple_connection(SCHEDULE).await;
    let id = c["id"].as_str().unwrap();
    assert_eq!(id.len(), 64);
    assert!(!id.contains('-'), "connection ids are not GUIDs");
    assert_eq!(c["providerId"], APPLE);
    assert_eq!(c["calendarType"], "I_CAL");
    assert_eq!(c["scheduleId"], SCHEDULE);
    assert_eq!(c["status"], "SYNCED");
    assert_eq!(c["externalAccountEmail"], "ann@example.org");
    assert_eq!(c["userId"].as_str().unwrap().len(), 36);
    assert_eq!(
        c["syncConfig"],
        json!({"listEventFromCalendars": {"enabled": true, "primaryCalendar": {}}})
    );
    assert!(c.get("errorReason").is_none());
}

#[tokio::test]
async fn connect_by_credentials_errors() {
    let emulator = start().await;
    let body = |provider: &str, email: &str, password: Value| {
        let mut body = json!({"scheduleId": SCHEDULE, "providerId": provider, "email": email});
        if !password.is_null() {
            body["password"] = password;
        }
        body
    };
    let path = "/connections:connectByCredentials";
    let wrong = emulator
        .post(path, body(APPLE, "a@b.co", json!("wrong-password")))
        .await;
    assert_app_error(&wrong, 401, "BAD_CREDENTIALS");
    let empty = emulator.post(path, body(APPLE, "a@b.co", json!(""))).await;
    assert_app_error(&empty, 401, "BAD_CREDENTIALS");
    let missing = emulator
        .post(path, body(APPLE, "a@b.co", Value::Null))
        .await;
    assert_violation(&missing, "password", "REQUIRED_FIELD");
    let bad_email = emulator
        .post(path, body(APPLE, "not-an-email", json!("x")))
        .await;
    assert_violation(&bad_email, "email", "FORMAT");
    let google = emulator
        .post(path, body(GOOGLE, "a@b.co", json!("x")))
        .await;
    assert_app_error(&google, 428, "NOT_SUPPORTED_BY_PROVIDER");
    emulator.set_premium(false).await;
    let premium = emulator.post(path, body(APPLE, "a@b.co", json!("x"))).await;
    assert_app_error(&premium, 403, "PREMIUM_FEATURE_NOT_ENABLED");
}

#[tokio::test]
async fn status_moves_from_connected_to_synced_over_time() {
    let emulator = start().await;
    let r = emulator
        .control(Method::POST, "/config", Some(json!({"syncDelayMs": 1000})))
        .await;
    assert_eq!(r.status, 204);
    let c = emulator.apple_connection(SCHEDULE).await;
    assert_eq!(c["status"], "CONNECTED");
    assert!(c.get("externalAccountEmail").is_none());
    let path = format!("/connections/{}", c["id"].as_str().unwrap());
    // Generous margins: each step lasts 1 s, and the machine may be busy.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    let r = emulator.get(&path).await;
    assert_eq!(r.body["connection"]["status"], "SYNC_IN_PROGRESS");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let r = emulator.get(&path).await;
    assert_eq!(r.body["connection"]["status"], "SYNCED");
    assert_eq!(
        r.body["connection"]["externalAccountEmail"],
        "ann@example.org"
    );
}

#[tokio::test]
async fn list_calendars_and_its_errors() {
    let emulator = start().await;
    let apple = emulator.apple_connection(SCHEDULE).await;
    let path = format!("/connections/{}/calendars", apple["id"].as_str().unwrap());
    let r = emulator.get(&path).await;
    assert_eq!(r.status, 200);
    let names: Vec<&str> = r.body["calendars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Primary", "Work", "Family"]);
    assert_eq!(
        emulator.get(&path).await.body,
        r.body,
        "calendars are stable"
    );

    let google = emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": GOOGLE}))
        .await;
    let google_path = format!("/connections/{}/calendars", google["id"].as_str().unwrap());
    assert_app_error(
        &emulator.get(&google_path).await,
        428,
        "NOT_SUPPORTED_BY_PROVIDER",
    );

    let errored = emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": APPLE,
                               "status": "ERROR", "errorReason": "TOKEN_REVOKED"}))
        .await;
    let errored_path = format!("/connections/{}/calendars", errored["id"].as_str().unwrap());
    assert_app_error(
        &emulator.get(&errored_path).await,
        428,
        "CONNECTION_NOT_CONNECTED",
    );

    let disconnect = format!("/connections/{}/disconnect", apple["id"].as_str().unwrap());
    assert_eq!(emulator.post(&disconnect, json!({})).await.status, 200);
    assert_app_error(&emulator.get(&path).await, 428, "CONNECTION_NOT_CONNECTED");

    assert_app_error(
        &emulator.get("/connections/nope/calendars").await,
        404,
        "NOT_FOUND",
    );
    emulator.set_premium(false).await;
    assert_app_error(
        &emulator.get(&path).await,
        403,
        "PREMIUM_FEATURE_NOT_ENABLED",
    );
}

#[tokio::test]
async fn update_sync_config_without_mask_replaces_everything() {
    let emulator = start().await;
    let apple = emulator.apple_connection(SCHEDULE).await;
    let id = apple["id"].as_str().unwrap();
    let calendars = emulator.get(&format!("/connections/{id}/calendars")).await;
    let work = calendars.body["calendars"][1]["id"].clone();
    let path = format!("/connections/{id}/sync-config");

    let import = json!({"listEventFromCalendars": {"enabled": true, "calendars": {"calendars": [{"id": work}]}}});
    let r = emulator.patch(&path, json!({ "syncConfig": import })).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["connection"]["syncConfig"], import);

    let export = json!({"syncToCalendar": {"enabled": true, "dedicatedCalendar": {}}});
    let r = emulator.patch(&path, json!({ "syncConfig": export })).await;
    assert_eq!(r.body["connection"]["syncConfig"], export);
    let stored = emulator.get(&format!("/connections/{id}")).await;
    assert_eq!(stored.body["connection"]["syncConfig"], export);
}

#[tokio::test]
async fn update_sync_config_with_a_mask_changes_only_those_paths() {
    let emulator = start().await;
    let apple = emulator.apple_connection(SCHEDULE).await;
    let id = apple["id"].as_str().unwrap();
    let family = emulator
        .get(&format!("/connections/{id}/calendars"))
        .await
        .body["calendars"][2]["id"]
        .clone();
    let path = format!("/connections/{id}/sync-config");
    let both = json!({
        "listEventFromCalendars": {"enabled": true, "primaryCalendar": {}},
        "syncToCalendar": {"enabled": true, "dedicatedCalendar": {}}
    });
    assert_eq!(
        emulator
            .patch(&path, json!({ "syncConfig": both }))
            .await
            .status,
        200
    );

    // The SDK's form: a comma-joined string.
    let r = emulator
        .patch(
            &path,
            json!({"syncConfig": {"syncToCalendar": {"enabled": false}, "listEventFromCalendars": {"enabled": false}},
                   "fieldMask": "syncToCalendar.enabled"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body["connection"]["syncConfig"],
        json!({
            "listEventFromCalendars": {"enabled": true, "primaryCalendar": {}},
            "syncToCalendar": {"enabled": false, "dedicatedCalendar": {}}
        })
    );

    // The protobuf form, with one oneof member replacing the other.
    let r = emulator
        .patch(
            &path,
            json!({"syncConfig": {"listEventFromCalendars": {"calendars": {"calendars": [{"id": family}]}}},
                   "fieldMask": {"paths": ["syncConfig.listEventFromCalendars.calendars"]}}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body["connection"]["syncConfig"]["listEventFromCalendars"],
        json!({"enabled": true, "calendars": {"calendars": [{"id": family}]}})
    );

    let r = emulator
        .patch(
            &path,
            json!({"syncConfig": {}, "fieldMask": "syncConfig.colour"}),
        )
        .await;
    assert_violation(&r, "fieldMask", "CUSTOM");
}

#[tokio::test]
async fn update_sync_config_errors() {
    let emulator = start().await;
    let apple = emulator.apple_connection(SCHEDULE).await;
    let apple_path = format!("/connections/{}/sync-config", apple["id"].as_str().unwrap());
    let google = emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": GOOGLE}))
        .await;
    let microsoft = emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": MICROSOFT}))
        .await;
    let path_of = |c: &Value| format!("/connections/{}/sync-config", c["id"].as_str().unwrap());
    let primary_import =
        json!({"syncConfig": {"listEventFromCalendars": {"enabled": true, "primaryCalendar": {}}}});

    let r = emulator
        .patch(&path_of(&google), primary_import.clone())
        .await;
    assert_app_error(&r, 428, "NOT_SUPPORTED_BY_PROVIDER");
    let r = emulator
        .patch(
            &path_of(&microsoft),
            json!({"syncConfig": {"syncToCalendar": {"enabled": true, "primaryCalendar": {}}}}),
        )
        .await;
    assert_app_error(&r, 428, "NOT_SUPPORTED_BY_PROVIDER");
    assert_eq!(
        emulator
            .patch(&path_of(&microsoft), primary_import)
            .await
            .status,
        200
    );

    assert_violation(
        &emulator.patch(&apple_path, json!({})).await,
        "syncConfig",
        "REQUIRED_FIELD",
    );
    let r = emulator
        .patch(
            &apple_path,
            json!({"syncConfig": {"listEventFromCalendars": {"enabled": true, "calendars": {"calendars": [{"id": "a68yu6lp6584z66zorp19z1ab"}]}}}}),
        )
        .await;
    assert_violation(
        &r,
        "syncConfig.listEventFromCalendars.calendars.calendars[0].id",
        "CUSTOM",
    );
    let r = emulator
        .patch(
            &apple_path,
            json!({"syncConfig": {"syncToCalendar": {"enabled": true, "dedicatedCalendar": {}, "primaryCalendar": {}}}}),
        )
        .await;
    assert_violation(&r, "syncConfig.syncToCalendar", "CUSTOM");
    let r = emulator
        .patch("/connections/nope/sync-config", json!({"syncConfig": {}}))
        .await;
    assert_app_error(&r, 404, "NOT_FOUND");
}

#[tokio::test]
async fn disconnect_twice_is_428() {
    let emulator = start().await;
    let c = emulator.apple_connection(SCHEDULE).await;
    let path = format!("/connections/{}/disconnect", c["id"].as_str().unwrap());
    // Wix's clients send `{}` or nothing at all.
    let r = reply(emulator.api(Method::POST, &path)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["connection"]["status"], "DISCONNECTED");
    assert_eq!(r.body["connection"]["syncConfig"], c["syncConfig"]);
    let again = emulator.post(&path, json!({})).await;
    assert_app_error(&again, 428, "CONNECTION_ALREADY_DISCONNECTED");
    assert_app_error(
        &emulator
            .post("/connections/nope/disconnect", json!({}))
            .await,
        404,
        "NOT_FOUND",
    );
}
