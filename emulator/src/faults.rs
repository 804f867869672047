//! Injected faults: for the next N calls of one API method, answer with a chosen status,
//! answer late, never answer, drop the connection, or send broken JSON.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

use crate::errors::{ApiError, FieldViolation};
use crate::server::ConnectionKiller;

/// The nine API methods, named as in Wix's SDK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ApiMethod {
    ListProviders,
    GetConnection,
    ListConnections,
    #[serde(rename = "connectByOAuth")]
    ConnectByOAuth,
    ConnectByCredentials,
    ListCalendars,
    UpdateSyncConfig,
    Disconnect,
    ListEvents,
}

/// A fault as posted to `POST /_emulator/faults`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    pub method: ApiMethod,
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub body: Option<Value>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub delay_ms: u64,
    #[serde(default)]
    pub hang: bool,
    #[serde(default)]
    pub close_connection: bool,
    #[serde(default)]
    pub malformed_json: bool,
}

fn one() -> u32 {
    1
}

/// What a queued fault does once its delay is over.
#[derive(Debug, Clone)]
enum Action {
    Respond {
        status: StatusCode,
        body: Value,
        headers: Vec<(HeaderName, HeaderValue)>,
    },
    Hang,
    CloseConnection,
    MalformedJson,
    /// Only the delay: then the real handler answers.
    PassThrough,
}

/// A validated fault, ready to be applied to calls.
#[derive(Debug, Clone)]
pub struct Fault {
    delay: Duration,
    action: Action,
}

impl FaultSpec {
    /// Checks the spec (a status that exists, valid headers, at most one kind of answer)
    /// and turns it into a fault plus the number of calls it applies to.
    pub fn validate(self) -> Result<(Fault, u32), ApiError> {
        let mut problems = Vec::new();
        if self.times == 0 {
            problems.push(FieldViolation::custom("times", "must be at least 1"));
        }
        let kinds = [
            self.status.is_some(),
            self.hang,
            self.close_connection,
            self.malformed_json,
        ];
        if kinds.iter().filter(|k| **k).count() > 1 {
            problems.push(FieldViolation::custom(
                "status",
                "choose one of status, hang, closeConnection, malformedJson",
            ));
        }
        let mut headers = Vec::new();
        for (name, value) in &self.headers {
            match (
                HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                (Ok(n), Ok(v)) => headers.push((n, v)),
                _ => problems.push(FieldViolation::custom(
                    &format!("headers.{name}"),
                    "is not a valid HTTP header",
                )),
            }
        }
        let status = match self.status.map(StatusCode::from_u16) {
            Some(Ok(status)) => Some(status),
            Some(Err(_)) => {
                problems.push(FieldViolation::custom("status", "is not an HTTP status"));
                None
            }
            None => None,
        };
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        let action = if let Some(status) = status {
            Action::Respond {
                status,
                body: self
                    .body
                    .unwrap_or_else(|| serde_json::json!({"message": "", "details": {}})),
                headers,
            }
        } else if self.hang {
            Action::Hang
        } else if self.close_connection {
            Action::CloseConnection
        } else if self.malformed_json {
            Action::MalformedJson
        } else {
            Action::PassThrough
        };
        let fault = Fault {
            delay: Duration::from_millis(self.delay_ms),
            action,
        };
        Ok((fault, self.times))
    }
}

impl Fault {
    /// Waits out the delay, then answers the call in the fault's way; `None` when the real
    /// handler should answer instead. `killer` closes the call's connection.
    pub async fn answer(self, killer: Option<ConnectionKiller>) -> Option<Response> {
        tokio::time::sleep(self.delay).await;
        match self.action {
            Action::PassThrough => None,
            Action::Respond {
                status,
                body,
                headers,
            } => {
                let mut response = match body {
                    Value::String(text) => (status, text).into_response(),
                    json => (status, Json(json)).into_response(),
                };
                for (name, value) in headers {
                    response.headers_mut().insert(name, value);
                }
                Some(response)
            }
            Action::MalformedJson => Some(
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    "{\"connection\": {\"id\": \"trunc",
                )
                    .into_response(),
            ),
            Action::Hang => std::future::pending().await,
            Action::CloseConnection => {
                if let Some(killer) = killer {
                    killer.kill();
                }
                std::future::pending().await
            }
        }
    }
}

/// Queued faults per method, applied in the order they were posted.
#[derive(Default)]
pub struct Faults(Mutex<HashMap<ApiMethod, VecDeque<(Fault, u32)>>>);

impl Faults {
    fn lock(&self) -> MutexGuard<'_, HashMap<ApiMethod, VecDeque<(Fault, u32)>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn add(&self, method: ApiMethod, fault: Fault, times: u32) {
        self.lock()
            .entry(method)
            .or_default()
            .push_back((fault, times));
    }

    /// The fault for this call of `method`, if one is queued; uses up one of its calls.
    pub fn take(&self, method: ApiMethod) -> Option<Fault> {
        let mut faults = self.lock();
        let queue = faults.get_mut(&method)?;
        let (fault, remaining) = queue.front_mut()?;
        let fault = fault.clone();
        *remaining -= 1;
        if *remaining == 0 {
            queue.pop_front();
        }
        Some(fault)
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}
