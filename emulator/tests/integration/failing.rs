//! Failing providers (`POST /_emulator/providers/{id}/failing`) and `partialFailure` in List
//! Connections and List Events.

use reqwest::Method;
use serde_json::{json, Value};

use crate::common::*;

async fn set_failing(emulator: &Emulator, provider: &str, failing: bool) -> Reply {
    emulator
        .control(
            Method::POST,
            &format!("/providers/{provider}/failing"),
            Some(json!({ "failing": failing })),
        )
        .await
}

/// A synced Microsoft and a synced Apple connection on `SCHEDULE`, with Microsoft failing.
async fn microsoft_failing() -> Emulator {
    let emulator = start().await;
    for provider in [MICROSOFT, APPLE] {
        emulator
            .add_connection(json!({"scheduleId": SCHEDULE, "providerId": provider}))
            .await;
    }
    assert_eq!(set_failing(&emulator, MICROSOFT, true).await.status, 204);
    emulator
}

fn providers_of(list: &Value, key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {list}"))
        .iter()
        .map(|item| item["providerId"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn list_connections_leaves_out_a_failing_provider_only_with_partial_failure() {
    let emulator = microsoft_failing().await;
    let partial = emulator
        .get(&format!(
            "/connections?scheduleIds={SCHEDULE}&partialFailure=true"
        ))
        .await;
    assert_eq!(partial.status, 200, "{}", partial.text);
    assert_eq!(providers_of(&partial.body, "connections"), [APPLE]);
    assert_eq!(partial.body["failedProviderIds"], json!([MICROSOFT]));

    for query in ["", "&partialFailure=false"] {
        let strict = emulator
            .get(&format!("/connections?scheduleIds={SCHEDULE}{query}"))
            .await;
        assert_eq!(strict.status, 503, "{query}: {}", strict.text);
        assert_eq!(strict.body, json!({"message": "", "details": {}}));
    }
}

#[tokio::test]
async fn a_listing_that_covers_no_failing_connection_is_unaffected() {
    let emulator = microsoft_failing().await;
    emulator
        .add_connection(json!({"scheduleId": OTHER_SCHEDULE, "providerId": APPLE}))
        .await;
    for query in ["", "&partialFailure=true"] {
        let r = emulator
            .get(&format!("/connections?scheduleIds={OTHER_SCHEDULE}{query}"))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        assert_eq!(providers_of(&r.body, "connections"), [APPLE]);
        assert!(r.body.get("failedProviderIds").is_none(), "{}", r.text);
    }
}

#[tokio::test]
async fn partial_failure_still_fails_when_every_covered_connection_fails() {
    let emulator = microsoft_failing().await;
    assert_eq!(set_failing(&emulator, APPLE, true).await.status, 204);
    let r = emulator
        .get(&format!(
            "/connections?scheduleIds={SCHEDULE}&partialFailure=true"
        ))
        .await;
    assert_eq!(r.status, 503, "{}", r.text);
}

#[tokio::test]
async fn a_provider_recovers_and_reset_clears_failures() {
    let emulator = microsoft_failing().await;
    let path = format!("/connections?scheduleIds={SCHEDULE}");
    assert_eq!(set_failing(&emulator, MICROSOFT, false).await.status, 204);
    assert_eq!(emulator.get(&path).await.status, 200);

    assert_eq!(set_failing(&emulator, MICROSOFT, true).await.status, 204);
    assert_eq!(emulator.get(&path).await.status, 503);
    emulator.control(Method::POST, "/reset", None).await;
    emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": MICROSOFT}))
        .await;
    assert_eq!(emulator.get(&path).await.status, 200);
}

#[tokio::test]
async fn list_events_leaves_out_a_failing_provider_on_every_page() {
    let emulator = microsoft_failing().await;
    let from = "2020-01-01T00:00:00Z";
    let window = format!("from={from}&to=2100-01-01T00:00:00Z&scheduleIds={SCHEDULE}");
    let mut r = emulator
        .get(&format!(
            "/events?{window}&partialFailure=true&cursorPaging.limit=5"
        ))
        .await;
    let mut pages = 0;
    loop {
        assert_eq!(r.status, 200, "{}", r.text);
        assert_eq!(r.body["failedProviderIds"], json!([MICROSOFT]));
        let events = r.body["events"].as_array().unwrap();
        assert!(!events.is_empty());
        assert!(
            events.iter().all(|e| e["calendarType"] == "I_CAL"),
            "{}",
            r.text
        );
        pages += 1;
        let Some(next) = r.body["pagingMetadata"]["cursors"]["next"].as_str() else {
            break;
        };
        if pages == 3 {
            break;
        }
        r = emulator
            .get(&format!(
                "/events?cursorPaging.cursor={next}&cursorPaging.limit=5&partialFailure=true"
            ))
            .await;
    }
    assert_eq!(pages, 3, "the listing spans several pages");

    let strict = emulator.get(&format!("/events?{window}")).await;
    assert_eq!(strict.status, 503, "{}", strict.text);
}

#[tokio::test]
async fn the_failing_switch_validates_its_input() {
    let emulator = start().await;
    let unknown = set_failing(&emulator, "00000000-0000-4000-8000-000000000000", true).await;
    assert_eq!(unknown.status, 404, "{}", unknown.text);
    for body in [json!({}), json!({"failing": true, "colour": "red"})] {
        let r = emulator
            .control(
                Method::POST,
                &format!("/providers/{GOOGLE}/failing"),
                Some(body),
            )
            .await;
        assert_eq!(r.status, 400, "{}", r.text);
    }
}
