//! List Events: the generated events of every importing connection, filtered, sorted by start
//! and paged with an opaque cursor.

use axum::extract::State;
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::clock::{format_ms, now_ms, parse_rfc3339};
use crate::errors::{ApiError, FieldViolation, Violations};
use crate::extract::QueryParams;
use crate::generate::{occurrences, owner_name};
use crate::model::{Connection, CursorPagingMetadata, Cursors, Event, ListEventsResponse, Status};
use crate::sync_config::imported_calendars;
use crate::validate::is_guid;

/// Page size when `cursorPaging.limit` is absent or 0.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: u64 = 1000;
/// Most ids `scheduleIds` and `userIds` may each hold.
const MAX_IDS: usize = 100;

/// The filters of a listing; carried inside the cursor, so later pages need nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct EventQuery {
    from_ms: i64,
    to_ms: i64,
    schedule_ids: Vec<String>,
    user_ids: Vec<String>,
    all_day: Option<bool>,
    own_pi: bool,
}

/// What a cursor encodes: the listing and where the next page starts.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor {
    query: EventQuery,
    offset: usize,
}

impl Cursor {
    fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).expect("a cursor serialises"))
    }

    fn decode(text: &str) -> Option<Cursor> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(text).ok()?).ok()
    }
}

/// `GET /events?from=..&to=..&scheduleIds=..&userIds=..&allDay=..&fieldsets=..&cursorPaging.limit=..&cursorPaging.cursor=..`.
/// With a cursor, the listing's filters come from the cursor and only the limit from the
/// request.
pub async fn list(
    State(app): State<AppState>,
    params: QueryParams,
) -> Result<Json<ListEventsResponse>, ApiError> {
    let mut violations = Violations::default();
    let limit = parse_limit(&params, &mut violations);
    let partial_failure = params.bool("partialFailure", &mut violations) == Some(true);
    let cursor = match params.last("cursorPaging.cursor") {
        Some(text) => {
            let cursor = Cursor::decode(text);
            if cursor.is_none() {
                violations.push(FieldViolation::format("cursorPaging.cursor", "CURSOR"));
            }
            cursor
        }
        None => parse_query(&params, &mut violations).map(|query| Cursor { query, offset: 0 }),
    };
    violations.finish()?;
    let Cursor { query, offset } = cursor.expect("validated above");

    let sorted = app
        .failing
        .sort(covered_connections(&app, &query), partial_failure)?;
    let events = matching_events(&sorted.working, &query);
    let page: Vec<Event> = events.iter().skip(offset).take(limit).cloned().collect();
    let has_next = offset + page.len() < events.len();
    let next = has_next.then(|| {
        Cursor {
            query: query.clone(),
            offset: offset + page.len(),
        }
        .encode()
    });
    Ok(Json(ListEventsResponse {
        paging_metadata: CursorPagingMetadata {
            count: u32::try_from(page.len()).unwrap_or(u32::MAX),
            cursors: Cursors { next },
            has_next,
        },
        events: page,
        failed_provider_ids: sorted.failed_provider_ids,
    }))
}

fn parse_limit(params: &QueryParams, violations: &mut Violations) -> usize {
    const FIELD: &str = "cursorPaging.limit";
    match params.last(FIELD).map(str::parse::<u64>) {
        None | Some(Ok(0)) => DEFAULT_LIMIT,
        Some(Ok(n)) if n > MAX_LIMIT => {
            violations.push(FieldViolation::max(FIELD, MAX_LIMIT));
            DEFAULT_LIMIT
        }
        Some(Ok(n)) => usize::try_from(n).unwrap_or(DEFAULT_LIMIT),
        Some(Err(_)) => {
            violations.push(FieldViolation::format(FIELD, "INTEGER"));
            DEFAULT_LIMIT
        }
    }
}

/// The filters of a first page; `None` when some are invalid (recorded in `violations`).
fn parse_query(params: &QueryParams, violations: &mut Violations) -> Option<EventQuery> {
    let mut time = |field: &str| match params.last(field) {
        None | Some("") => {
            violations.push(FieldViolation::required(field));
            None
        }
        Some(text) => {
            let parsed = parse_rfc3339(text);
            if parsed.is_none() {
                violations.push(FieldViolation::format(field, "DATE_TIME"));
            }
            parsed
        }
    };
    let from_ms = time("from");
    let to_ms = time("to");
    let schedule_ids = guid_list(params, "scheduleIds", violations);
    let user_ids = guid_list(params, "userIds", violations);
    let all_day = params.bool("allDay", violations);
    let mut own_pi = false;
    for fieldset in params.all("fieldsets").iter().flat_map(|v| v.split(',')) {
        match fieldset.trim() {
            "OWN_PI" => own_pi = true,
            "NO_PI" => {}
            other => violations.push(FieldViolation::custom(
                "fieldsets",
                format!("has unknown value {other:?}; expected NO_PI or OWN_PI"),
            )),
        }
    }
    let (from_ms, to_ms) = (from_ms?, to_ms?);
    if to_ms < from_ms {
        violations.push(FieldViolation::custom("to", "must not be before from"));
        return None;
    }
    Some(EventQuery {
        from_ms,
        to_ms,
        schedule_ids,
        user_ids,
        all_day,
        own_pi,
    })
}

fn guid_list(params: &QueryParams, field: &str, violations: &mut Violations) -> Vec<String> {
    let ids = params.all(field);
    if ids.len() > MAX_IDS {
        violations.push(FieldViolation::max_size(field, MAX_IDS as u64));
    }
    if ids.iter().any(|id| !is_guid(id)) {
        violations.push(FieldViolation::format(field, "GUID"));
    }
    ids.into_iter().map(str::to_owned).collect()
}

/// The connections a listing draws events from: not disconnected, of the listed schedules
/// and owners, and importing some calendar.
fn covered_connections(app: &AppState, query: &EventQuery) -> Vec<Connection> {
    app.store
        .connections()
        .iter()
        .map(|stored| app.view(stored))
        .filter(|connection| {
            let owner = connection.user_id.as_deref().unwrap_or_default();
            connection.status != Status::Disconnected
                && (query.schedule_ids.is_empty()
                    || query.schedule_ids.contains(&connection.schedule_id))
                && (query.user_ids.is_empty() || query.user_ids.iter().any(|u| u == owner))
                && !imported_calendars(&connection.id, connection.sync_config.as_ref()).is_empty()
        })
        .collect()
}

/// Every event of `connections` that matches, sorted by start (then end, schedule, calendar,
/// title so that the order, and with it paging, is stable).
fn matching_events(connections: &[Connection], query: &EventQuery) -> Vec<Event> {
    let now = now_ms();
    let mut found = Vec::new();
    for connection in connections {
        let names = imported_calendars(&connection.id, connection.sync_config.as_ref());
        for occurrence in occurrences(&connection.id, &names, query.from_ms, query.to_ms, now) {
            if query
                .all_day
                .is_some_and(|wanted| wanted != occurrence.all_day)
            {
                continue;
            }
            found.push((occurrence, connection.clone()));
        }
    }
    found.sort_by(|(a, ca), (b, cb)| {
        (
            a.start_ms,
            a.end_ms,
            &ca.schedule_id,
            a.calendar_name,
            a.title,
        )
            .cmp(&(
                b.start_ms,
                b.end_ms,
                &cb.schedule_id,
                b.calendar_name,
                b.title,
            ))
    });
    found
        .into_iter()
        .map(|(occurrence, connection)| Event {
            calendar_type: connection.calendar_type,
            calendar_name: query.own_pi.then(|| occurrence.calendar_name.to_owned()),
            title: query.own_pi.then(|| occurrence.title.to_owned()),
            start: format_ms(occurrence.start_ms),
            end: format_ms(occurrence.end_ms),
            all_day: occurrence.all_day.then_some(true),
            schedule_owner_id: connection.user_id.clone(),
            schedule_owner_name: query
                .own_pi
                .then(|| owner_name(&connection.schedule_id).to_owned()),
            schedule_id: connection.schedule_id,
        })
        .collect()
}
