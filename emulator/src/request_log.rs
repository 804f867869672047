//! The log of API calls that tests read through `GET /_emulator/requests`, with secrets
//! (the `Authorization` header, `password` fields) redacted.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use crate::app::AppState;
use crate::clock::{format_ms, now_ms};
use crate::extract::read_body;

/// Requests under this prefix are API calls and get logged; singular-path mistakes included.
const API_PREFIX: &str = "/bookings/";

/// Only the most recent calls are kept, so a long-running emulator does not grow forever.
const CAPACITY: usize = 1000;

const REDACTED: &str = "[redacted]";

/// One API call as the control API reports it.
#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, empty when there is none.
    pub query: String,
    /// The body as JSON when it is JSON, as a string otherwise, `null` when empty.
    pub body: Value,
    /// Header names in lower case.
    pub headers: BTreeMap<String, String>,
    /// `null` while the call has not been answered (or never will be, for a `hang` fault).
    pub status: Option<u16>,
    pub at: String,
}

/// The log itself; entries carry a sequence number so an answer can find its request.
#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<(u64, LoggedRequest)>>,
    next_seq: Mutex<u64>,
}

impl RequestLog {
    fn lock(&self) -> MutexGuard<'_, VecDeque<(u64, LoggedRequest)>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn push(&self, entry: LoggedRequest) -> u64 {
        let seq = {
            let mut next = self.next_seq.lock().unwrap_or_else(|p| p.into_inner());
            *next += 1;
            *next
        };
        let mut entries = self.lock();
        if entries.len() == CAPACITY {
            entries.pop_front();
        }
        entries.push_back((seq, entry));
        seq
    }

    fn set_status(&self, seq: u64, status: u16) {
        if let Some((_, entry)) = self.lock().iter_mut().find(|(s, _)| *s == seq) {
            entry.status = Some(status);
        }
    }

    /// The logged calls, oldest first.
    pub fn snapshot(&self) -> Vec<LoggedRequest> {
        self.lock().iter().map(|(_, e)| e.clone()).collect()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

/// Middleware: buffers an API call's body (413 past the limit), logs the call, and fills in
/// the status once it is answered.
pub async fn record(State(app): State<AppState>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with(API_PREFIX) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match read_body(body).await {
        Ok(bytes) => bytes,
        Err(error) => {
            let mut entry = describe(&parts, &[]);
            entry.status = Some(error.status.as_u16());
            app.requests.push(entry);
            return error.into_response();
        }
    };
    let seq = app.requests.push(describe(&parts, &bytes));
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    app.requests.set_status(seq, response.status().as_u16());
    response
}

fn describe(parts: &Parts, body: &[u8]) -> LoggedRequest {
    let headers = parts
        .headers
        .iter()
        .map(|(name, value)| {
            let value = match name.as_str() {
                "authorization" | "cookie" => REDACTED.to_owned(),
                _ => String::from_utf8_lossy(value.as_bytes()).into_owned(),
            };
            (name.as_str().to_owned(), value)
        })
        .collect();
    LoggedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        body: redacted_body(body),
        headers,
        status: None,
        at: format_ms(now_ms()),
    }
}

fn redacted_body(body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(mut json) => {
            redact_passwords(&mut json);
            json
        }
        Err(_) => {
            let text = String::from_utf8_lossy(body);
            // Not JSON, so a password in it cannot be cut out precisely: hide it all.
            if text.to_ascii_lowercase().contains("password") {
                Value::String(REDACTED.to_owned())
            } else {
                Value::String(text.into_owned())
            }
        }
    }
}

fn redact_passwords(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                if key == "password" {
                    *field = Value::String(REDACTED.to_owned());
                } else {
                    redact_passwords(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_passwords),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_anywhere() {
        let body = br#"{"email":"a@b.co","password":"hunter2","nested":[{"password":"x"}]}"#;
        let text = redacted_body(body).to_string();
        assert!(!text.contains("hunter2"));
        assert!(!text.contains("\"x\""));
        assert!(text.contains("a@b.co"));
        assert_eq!(
            redacted_body(br#"{"password": "trunc"#),
            Value::String(REDACTED.into())
        );
        assert_eq!(redacted_body(b""), Value::Null);
    }
}
