//! List Events: window, filters, fieldsets, paging and validation.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::common::*;

const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn iso(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap()
        .format(&Rfc3339)
        .unwrap()
}

fn ms(text: &Value) -> i64 {
    let t = OffsetDateTime::parse(text.as_str().unwrap(), &Rfc3339).unwrap();
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

/// The next seven days, as `from=..&to=..`.
fn week() -> (i64, i64, String) {
    let from = now_ms();
    let to = from + 7 * DAY_MS;
    (from, to, format!("from={}&to={}", iso(from), iso(to)))
}

fn events(reply: &Reply) -> &Vec<Value> {
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.body["events"].as_array().unwrap()
}

#[tokio::test]
async fn a_week_from_now_has_sorted_timed_and_all_day_events_without_pi() {
    let emulator = start().await;
    emulator.apple_connection(SCHEDULE).await;
    let (from, to, window) = week();
    let r = emulator.get(&format!("/events?{window}")).await;
    let list = events(&r);
    assert!(list.len() >= 7, "{}", r.text);
    assert!(list.iter().any(|e| e["allDay"] == true));
    assert!(
        list.iter().any(|e| e.get("allDay").is_none()),
        "allDay is omitted when false"
    );
    let starts: Vec<i64> = list.iter().map(|e| ms(&e["start"])).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by start");
    for e in list {
        assert!(
            ms(&e["start"]) < to && ms(&e["end"]) > from,
            "overlaps the window"
        );
        assert_eq!(e["scheduleId"], SCHEDULE);
        assert_eq!(e["calendarType"], "I_CAL");
        assert!(e["scheduleOwnerId"].is_string());
        for pi in ["title", "calendarName", "scheduleOwnerName"] {
            assert!(e.get(pi).is_none(), "{pi} without OWN_PI");
        }
    }
    assert_eq!(r.body["pagingMetadata"]["count"], list.len());
    assert_eq!(r.body["pagingMetadata"]["hasNext"], false);
    assert!(r.body["pagingMetadata"]["cursors"].get("next").is_none());
}

#[tokio::test]
async fn own_pi_adds_titles_and_names() {
    let emulator = start().await;
    emulator.apple_connection(SCHEDULE).await;
    let (_, _, window) = week();
    let r = emulator
        .get(&format!("/events?{window}&fieldsets=OWN_PI"))
        .await;
    for e in events(&r) {
        assert_eq!(e["calendarName"], "Primary");
        assert!(e["title"].is_string());
        assert!(e["scheduleOwnerName"].is_string());
    }
    let r = emulator
        .get(&format!("/events?{window}&fieldsets=NO_PI"))
        .await;
    assert!(events(&r)[0].get("title").is_none());
}

#[tokio::test]
async fn filters_by_schedule_user_and_all_day() {
    let emulator = start().await;
    let first = emulator.apple_connection(SCHEDULE).await;
    emulator.apple_connection(OTHER_SCHEDULE).await;
    let (_, _, window) = week();
    let all = emulator
        .get(&format!("/events?{window}&cursorPaging.limit=1000"))
        .await;
    let schedules: Vec<&Value> = events(&all).iter().map(|e| &e["scheduleId"]).collect();
    assert!(schedules.contains(&&json!(SCHEDULE)) && schedules.contains(&&json!(OTHER_SCHEDULE)));

    let r = emulator
        .get(&format!("/events?{window}&scheduleIds={OTHER_SCHEDULE}"))
        .await;
    assert!(events(&r).iter().all(|e| e["scheduleId"] == OTHER_SCHEDULE));
    assert!(!events(&r).is_empty());

    let user = first["userId"].as_str().unwrap();
    let r = emulator
        .get(&format!("/events?{window}&userIds={user}"))
        .await;
    assert!(!events(&r).is_empty());
    assert!(events(&r).iter().all(|e| e["scheduleId"] == SCHEDULE));

    let r = emulator.get(&format!("/events?{window}&allDay=true")).await;
    assert!(!events(&r).is_empty());
    assert!(events(&r).iter().all(|e| e["allDay"] == true));
    let r = emulator
        .get(&format!("/events?{window}&allDay=false"))
        .await;
    assert!(!events(&r).is_empty());
    assert!(events(&r).iter().all(|e| e.get("allDay").is_none()));
}

#[tokio::test]
async fn an_event_that_started_before_from_is_included() {
    let emulator = start().await;
    emulator.apple_connection(SCHEDULE).await;
    let (_, _, window) = week();
    let all_day = emulator.get(&format!("/events?{window}&allDay=true")).await;
    let event = &events(&all_day)[0];
    let middle = ms(&event["start"]) + DAY_MS / 2;
    let r = emulator
        .get(&format!(
            "/events?from={}&to={}&allDay=true",
            iso(middle),
            iso(middle + 1000)
        ))
        .await;
    assert_eq!(events(&r)[0]["start"], event["start"]);
}

#[tokio::test]
async fn paging_with_cursors_covers_the_listing_once() {
    let emulator = start().await;
    emulator.apple_connection(SCHEDULE).await;
    emulator.apple_connection(OTHER_SCHEDULE).await;
    let (_, _, window) = week();
    let whole = emulator
        .get(&format!("/events?{window}&cursorPaging.limit=1000"))
        .await;
    let whole = events(&whole).clone();
    assert!(whole.len() > 10);

    let mut paged = Vec::new();
    let mut r = emulator
        .get(&format!("/events?{window}&cursorPaging.limit=5"))
        .await;
    loop {
        let page = events(&r).clone();
        let meta = &r.body["pagingMetadata"];
        assert_eq!(meta["count"], page.len());
        paged.extend(page);
        if meta["hasNext"] == false {
            assert!(meta["cursors"].get("next").is_none());
            break;
        }
        assert_eq!(meta["count"], 5);
        let cursor = meta["cursors"]["next"].as_str().unwrap().to_owned();
        // The cursor alone is enough: no from/to needed.
        r = emulator
            .get(&format!(
                "/events?cursorPaging.limit=5&cursorPaging.cursor={cursor}"
            ))
            .await;
    }
    assert_eq!(paged, whole);

    let r = emulator.get("/events?cursorPaging.cursor=garbage").await;
    assert_violation(&r, "cursorPaging.cursor", "FORMAT");
}

#[tokio::test]
async fn only_importing_connected_connections_contribute() {
    let emulator = start().await;
    let (_, _, window) = week();
    emulator
        .add_connection(json!({"scheduleId": SCHEDULE, "providerId": APPLE,
            "syncConfig": {"listEventFromCalendars": {"enabled": false, "primaryCalendar": {}}}}))
        .await;
    let r = emulator.get(&format!("/events?{window}")).await;
    assert!(events(&r).is_empty(), "import disabled");

    let apple = emulator.apple_connection(OTHER_SCHEDULE).await;
    let id = apple["id"].as_str().unwrap();
    let work = emulator
        .get(&format!("/connections/{id}/calendars"))
        .await
        .body["calendars"][1]
        .clone();
    let r = emulator
        .patch(
            &format!("/connections/{id}/sync-config"),
            json!({"syncConfig": {"listEventFromCalendars": {"enabled": true, "calendars": {"calendars": [{"id": work["id"]}]}}}}),
        )
        .await;
    assert_eq!(r.status, 200);
    let r = emulator
        .get(&format!("/events?{window}&fieldsets=OWN_PI"))
        .await;
    assert!(!events(&r).is_empty());
    assert!(events(&r).iter().all(|e| e["calendarName"] == "Work"));

    emulator
        .post(&format!("/connections/{id}/disconnect"), json!({}))
        .await;
    let r = emulator.get(&format!("/events?{window}")).await;
    assert!(events(&r).is_empty(), "disconnected");
}

#[tokio::test]
async fn invalid_queries_are_400() {
    let emulator = start().await;
    let (_, _, window) = week();
    let r = emulator.get("/events").await;
    assert_violation(&r, "from", "REQUIRED_FIELD");
    assert_violation(&r, "to", "REQUIRED_FIELD");
    assert_violation(
        &emulator.get("/events?from=yesterday&to=today").await,
        "from",
        "FORMAT",
    );
    assert_violation(
        &emulator
            .get(&format!("/events?{window}&cursorPaging.limit=1001"))
            .await,
        "cursorPaging.limit",
        "MAX",
    );
    assert_eq!(
        emulator
            .get(&format!("/events?{window}&cursorPaging.limit=1000"))
            .await
            .status,
        200
    );
    assert_violation(
        &emulator
            .get(&format!("/events?{window}&cursorPaging.limit=-1"))
            .await,
        "cursorPaging.limit",
        "FORMAT",
    );
    assert_violation(
        &emulator
            .get(&format!("/events?{window}&fieldsets=ALL_PI"))
            .await,
        "fieldsets",
        "CUSTOM",
    );
    assert_violation(
        &emulator
            .get(&format!("/events?{window}&scheduleIds=x"))
            .await,
        "scheduleIds",
        "FORMAT",
    );
    let many: String = (0..101)
        .map(|i| format!("&userIds=00000000-0000-4000-8000-{i:012}"))
        .collect();
    assert_violation(
        &emulator.get(&format!("/events?{window}{many}")).await,
        "userIds",
        "MAX_SIZE",
    );
}
