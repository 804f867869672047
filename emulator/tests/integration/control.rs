//! The control API: reset, connections and statuses, faults, the request log.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{json, Value};

use crate::common::*;

async fn add_fault(emulator: &Emulator, fault: Value) {
    let r = emulator.control(Method::POST, "/faults", Some(fault)).await;
    assert_eq!(r.status, 204, "{}", r.text);
}

#[tokio::test]
async fn reset_forgets_everything_and_restores_premium_and_config() {
    let emulator = start().await;
    emulator.apple_connection(SCHEDULE).await;
    emulator.set_premium(false).await;
    emulator
        .control(Method::POST, "/config", Some(json!({"syncDelayMs": 60000})))
        .await;
    add_fault(&emulator, json!({"method": "listProviders", "status": 500})).await;
    let r = emulator.control(Method::POST, "/reset", None).await;
    assert_eq!(r.status, 204);
    assert_eq!(
        emulator.control(Method::GET, "/requests", None).await.body["requests"],
        json!([])
    );
    assert_eq!(
        emulator.get("/providers").await.status,
        200,
        "fault dropped"
    );
    assert_eq!(
        emulator.get("/connections").await.body["connections"],
        json!([])
    );
    let c = emulator.apple_connection(SCHEDULE).await;
    assert_eq!(
        c["status"], "SYNCED",
        "premium on, sync delay back to the flag's 0"
    );
}

#[tokio::test]
async fn connections_can_be_created_and_their_status_set() {
    let emulator = start().await;
    let c = emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": MICROSOFT,
            "status": "SYNCED", "externalAccountEmail": "pat@contoso.example"}))
        .await;
    assert_eq!(c["status"], "SYNCED");
    assert_eq!(c["externalAccountEmail"], "pat@contoso.example");
    assert_eq!(c["calendarType"], "MICROSOFT");
    let id = c["id"].as_str().unwrap();

    let r = emulator
        .control(
            Method::POST,
            &format!("/connections/{id}/status"),
            Some(json!({"status": "ERROR", "errorReason": "EXTERNAL_CALENDAR_DELETED"})),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["connection"]["status"], "ERROR");
    assert_eq!(
        r.body["connection"]["errorReason"],
        "EXTERNAL_CALENDAR_DELETED"
    );
    let read = emulator.get(&format!("/connections/{id}")).await;
    assert_eq!(read.body["connection"], r.body["connection"]);

    let r = emulator
        .control(
            Method::POST,
            "/connections/nope/status",
            Some(json!({"status": "SYNCED"})),
        )
        .await;
    assert_app_error(&r, 404, "NOT_FOUND");
    let r = emulator
        .control(
            Method::POST,
            &format!("/connections/{id}/status"),
            Some(json!({})),
        )
        .await;
    assert_violation(&r, "status", "REQUIRED_FIELD");
    let r = emulator
        .control(
            Method::POST,
            "/connections",
            Some(json!({"scheduleId": SCHEDULE})),
        )
        .await;
    assert_violation(&r, "providerId", "REQUIRED_FIELD");
}

#[tokio::test]
async fn a_status_fault_answers_n_times_then_stops() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "listProviders", "times": 2, "status": 503, "headers": {"Retry-After": "30"}}),
    )
    .await;
    for _ in 0..2 {
        let r = emulator.get("/providers").await;
        assert_eq!(r.status, 503);
        assert_eq!(r.body, json!({"message": "", "details": {}}));
        assert_eq!(r.headers["retry-after"], "30");
    }
    assert_eq!(emulator.get("/providers").await.status, 200);
}

#[tokio::test]
async fn a_fault_can_send_any_body_and_applies_before_auth() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "getConnection", "status": 502, "body": "<html>Bad gateway</html>"}),
    )
    .await;
    let url = format!("{}{API}/connections/x", emulator.origin);
    let r = reply(emulator.client.get(&url)).await;
    assert_eq!(r.status, 502);
    assert_eq!(r.text, "<html>Bad gateway</html>");

    let body = json!({"message": "Too many", "details": {"applicationError": {"code": "RESOURCE_EXHAUSTED", "description": "", "data": {}}}});
    add_fault(
        &emulator,
        json!({"method": "listEvents", "status": 429, "body": body}),
    )
    .await;
    let r = emulator.get("/events").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.body, body);
}

#[tokio::test]
async fn a_delay_fault_answers_late_with_the_real_answer() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "listProviders", "delayMs": 300}),
    )
    .await;
    let started = Instant::now();
    let r = emulator.get("/providers").await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.status, 200);
    assert_eq!(r.body["providers"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_hang_fault_never_answers_and_is_logged_without_status() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "listConnections", "hang": true}),
    )
    .await;
    let result = emulator
        .api(Method::GET, "/connections")
        .timeout(Duration::from_millis(400))
        .send()
        .await;
    assert!(result.unwrap_err().is_timeout());
    let log = emulator.control(Method::GET, "/requests", None).await;
    assert_eq!(
        log.body["requests"][0]["path"],
        format!("{API}/connections")
    );
    assert_eq!(log.body["requests"][0]["status"], Value::Null);
}

#[tokio::test]
async fn a_close_connection_fault_drops_the_connection() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "disconnect", "closeConnection": true}),
    )
    .await;
    let result = emulator
        .api(Method::POST, "/connections/x/disconnect")
        .timeout(Duration::from_secs(5))
        .send()
        .await;
    let error = result.unwrap_err();
    assert!(!error.is_timeout(), "closed, not hung: {error}");
    assert_app_error(
        &emulator.post("/connections/x/disconnect", json!({})).await,
        404,
        "NOT_FOUND",
    );
}

#[tokio::test]
async fn a_malformed_json_fault_sends_broken_json() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"method": "connectByOAuth", "malformedJson": true}),
    )
    .await;
    let r = emulator
        .post("/connections:connectByOAuth", json!({}))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "application/json");
    assert!(serde_json::from_str::<Value>(&r.text).is_err());
}

#[tokio::test]
async fn faults_are_validated_and_can_be_cleared() {
    let emulator = start().await;
    let r = emulator
        .control(
            Method::POST,
            "/faults",
            Some(json!({"method": "listThings", "status": 500})),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = emulator
        .control(
            Method::POST,
            "/faults",
            Some(json!({"method": "listEvents", "status": 500, "hang": true})),
        )
        .await;
    assert_violation(&r, "status", "CUSTOM");
    let r = emulator
        .control(
            Method::POST,
            "/faults",
            Some(json!({"method": "listEvents", "status": 1000})),
        )
        .await;
    assert_violation(&r, "status", "CUSTOM");

    add_fault(
        &emulator,
        json!({"method": "listProviders", "status": 500, "times": 5}),
    )
    .await;
    let r = emulator.control(Method::DELETE, "/faults", None).await;
    assert_eq!(r.status, 204);
    assert_eq!(emulator.get("/providers").await.status, 200);
}

#[tokio::test]
async fn the_request_log_records_api_calls_without_secrets() {
    let emulator = start().await;
    emulator.set_premium(true).await;
    emulator.apple_connection(SCHEDULE).await;
    emulator
        .get(&format!("/connections?scheduleIds={SCHEDULE}"))
        .await;
    add_fault(&emulator, json!({"method": "listProviders", "status": 500})).await;
    emulator.get("/providers").await;
    let url = emulator.oauth_url(GOOGLE, "http://localhost:1/").await;
    emulator.decide(&url, "deny").await;

    let log = emulator.control(Method::GET, "/requests", None).await;
    let requests = log.body["requests"].as_array().unwrap();
    let paths: Vec<&str> = requests
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            format!("{API}/connections:connectByCredentials"),
            format!("{API}/connections"),
            format!("{API}/providers"),
            format!("{API}/connections:connectByOAuth"),
        ],
        "control and consent calls are not logged"
    );
    let credentials = &requests[0];
    assert_eq!(credentials["method"], "POST");
    assert_eq!(credentials["status"], 200);
    assert_eq!(credentials["headers"]["authorization"], "[redacted]");
    assert_eq!(credentials["body"]["password"], "[redacted]");
    assert_eq!(credentials["body"]["email"], "ann@example.org");
    assert!(credentials["at"].as_str().unwrap().ends_with('Z'));
    assert!(!log.text.contains("app-specific") && !log.text.contains("test-token"));
    assert_eq!(requests[1]["query"], format!("scheduleIds={SCHEDULE}"));
    assert_eq!(requests[1]["body"], Value::Null);
    assert_eq!(requests[2]["status"], 500, "faulted calls are logged");

    assert_eq!(
        emulator
            .control(Method::DELETE, "/requests", None)
            .await
            .status,
        204
    );
    let log = emulator.control(Method::GET, "/requests", None).await;
    assert_eq!(log.body["requests"], json!([]));
}
