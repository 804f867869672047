//! The Wix emulator as the tests see it: a process serving the host pages, the API and the
//! consent page, and its control API (`docs/emulator-control-api.md`) for resetting state,
//! injecting faults and reading the log of API requests.

use std::path::Path;
use std::process::Command;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};

use crate::process::Supervised;

/// The path suffix of Connect By OAuth, how the request log names it.
const CONNECT_BY_OAUTH_PATH: &str = "/bookings/v2/external-calendars/connections:connectByOAuth";

/// A running `wix-emulator --port 0 --static DIR`, stopped when dropped.
pub struct Emulator {
    process: Supervised,
    port: u16,
    http: Client<HttpConnector, Full<Bytes>>,
}

impl Emulator {
    /// Starts the emulator binary serving `static_dir` on a free port, and waits for its
    /// `wix-emulator listening on http://127.0.0.1:PORT` line.
    pub fn start(binary: &Path, static_dir: &Path) -> Self {
        let mut command = Command::new(binary);
        command
            .arg("--port")
            .arg("0")
            .arg("--static")
            .arg(static_dir);
        let (process, first_line) = Supervised::spawn("wix-emulator", command, None, true);
        let first_line = first_line.unwrap_or_default();
        let port = first_line
            .strip_prefix("wix-emulator listening on http://127.0.0.1:")
            .and_then(|port| port.trim().parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "the emulator's first line was {first_line:?}, expected \
                     `wix-emulator listening on http://127.0.0.1:PORT`\n{}",
                    process.output()
                )
            });
        let http = Client::builder(TokioExecutor::new()).build_http();
        Self {
            process,
            port,
            http,
        }
    }

    /// The API base the widget is given: the loopback IP, so that pages loaded from
    /// [`Emulator::page_origin`] call it cross-origin.
    pub fn api_base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The origin host pages are loaded from (`localhost`, another origin than the API's).
    pub fn page_origin(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    /// Forgets connections, consent sessions, faults and the request log.
    pub async fn reset(&self) {
        self.control("POST", "/_emulator/reset", Some(json!({})))
            .await;
    }

    /// Queues `fault` for the next call of the API method `method` (its SDK name, e.g.
    /// `connectByOAuth`).
    pub async fn inject(&self, method: &str, fault: &Fault) {
        let mut body = fault.to_json();
        body["method"] = json!(method);
        self.control("POST", "/_emulator/faults", Some(body)).await;
    }

    /// The API requests received so far, oldest first, as the emulator logs them
    /// (`Authorization` already redacted by the emulator).
    pub async fn requests(&self) -> Vec<Value> {
        let log = self.control("GET", "/_emulator/requests", None).await;
        log["requests"].as_array().cloned().unwrap_or_default()
    }

    /// Sets a stored connection's status (and error reason) through the control API.
    pub async fn set_status(&self, connection_id: &str, status: &str, reason: Option<&str>) {
        self.control(
            "POST",
            &format!("/_emulator/connections/{connection_id}/status"),
            Some(json!({"status": status, "errorReason": reason})),
        )
        .await;
    }

    /// How many Connect By OAuth calls reached the emulator.
    pub async fn connect_by_oauth_calls(&self) -> usize {
        self.requests()
            .await
            .iter()
            .filter(|request| {
                request["method"] == "POST"
                    && request["path"]
                        .as_str()
                        .is_some_and(|path| path.ends_with(CONNECT_BY_OAUTH_PATH))
            })
            .count()
    }

    /// The request log, one line per request, for failure reports.
    pub async fn request_log_text(&self) -> String {
        let Ok(log) = self.try_control("GET", "/_emulator/requests", None).await else {
            return "(the emulator's request log could not be read)".to_owned();
        };
        let requests = log["requests"].as_array().cloned().unwrap_or_default();
        if requests.is_empty() {
            return "(no API requests)".to_owned();
        }
        requests
            .iter()
            .map(|request| {
                format!(
                    "{} {}{} -> {} body={}",
                    request["method"].as_str().unwrap_or("?"),
                    request["path"].as_str().unwrap_or("?"),
                    match request["query"].as_str() {
                        Some(query) if !query.is_empty() => format!("?{query}"),
                        _ => String::new(),
                    },
                    request["status"],
                    request["body"],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// What the emulator printed last, for failure reports.
    pub fn output(&self) -> String {
        self.process.output()
    }

    /// Stops the emulator now: afterwards its port refuses connections ("network down").
    pub fn stop(&mut self) {
        self.process.kill_now();
    }

    async fn control(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_control(method, path, body)
            .await
            .unwrap_or_else(|error| panic!("{error}\n{}", self.output()))
    }

    async fn try_control(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let request = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.api_base()))
            .header("content-type", "application/json")
            .body(Full::from(body.map(|b| b.to_string()).unwrap_or_default()))
            .map_err(|error| format!("building {method} {path}: {error}"))?;
        let response = self
            .http
            .request(request)
            .await
            .map_err(|error| format!("{method} {path} to the emulator failed: {error}"))?;
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|error| format!("reading the answer to {method} {path}: {error}"))?
            .to_bytes();
        if !status.is_success() {
            return Err(format!(
                "the emulator answered {method} {path} with {status}: {}",
                String::from_utf8_lossy(&bytes)
            ));
        }
        if bytes.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&bytes).map_err(|error| {
            format!("the emulator's answer to {method} {path} is not JSON ({error})")
        })
    }
}

/// A misbehaviour of one API call, injected through `POST /_emulator/faults`.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Answer this status with this body and these headers.
    Answer {
        /// The HTTP status.
        status: u16,
        /// The JSON body.
        body: Value,
        /// Extra response headers.
        headers: Vec<(&'static str, &'static str)>,
    },
    /// Let the real handler answer, this many milliseconds late.
    Delay(u64),
    /// Never answer.
    Hang,
    /// Answer 200 with a body that is not JSON.
    MalformedJson,
}

impl Fault {
    /// 500 with Wix's empty system-error body.
    pub fn internal_server_error() -> Self {
        Self::status(500)
    }

    /// 503 with Wix's empty system-error body.
    pub fn service_unavailable() -> Self {
        Self::status(503)
    }

    /// 429 with `Retry-After: <seconds>`.
    pub fn too_many_requests(retry_after: &'static str) -> Self {
        Self::Answer {
            status: 429,
            body: json!({ "message": "Too many requests", "details": {} }),
            headers: vec![("Retry-After", retry_after)],
        }
    }

    /// 428 `NOT_SUPPORTED_BY_PROVIDER`, Wix's application-error shape.
    pub fn not_supported_by_provider() -> Self {
        Self::application_error(
            428,
            "NOT_SUPPORTED_BY_PROVIDER",
            "The operation is not supported by the external calendar provider",
        )
    }

    /// 403 `PREMIUM_FEATURE_NOT_ENABLED`, Wix's application-error shape.
    pub fn premium_feature_not_enabled() -> Self {
        Self::application_error(
            403,
            "PREMIUM_FEATURE_NOT_ENABLED",
            "External calendar integration requires a premium plan",
        )
    }

    /// A successful Connect By OAuth answer carrying this `oauthUrl`.
    pub fn oauth_url(url: &str) -> Self {
        Self::Answer {
            status: 200,
            body: json!({ "oauthUrl": url }),
            headers: Vec::new(),
        }
    }

    fn status(status: u16) -> Self {
        Self::Answer {
            status,
            body: json!({ "message": "", "details": {} }),
            headers: Vec::new(),
        }
    }

    fn application_error(status: u16, code: &str, description: &str) -> Self {
        Self::Answer {
            status,
            body: json!({
                "message": description,
                "details": { "applicationError": { "code": code, "description": description, "data": {} } }
            }),
            headers: Vec::new(),
        }
    }

    fn to_json(&self) -> Value {
        match self {
            Self::Answer {
                status,
                body,
                headers,
            } => {
                let headers: serde_json::Map<String, Value> = headers
                    .iter()
                    .map(|(name, value)| ((*name).to_owned(), json!(value)))
                    .collect();
                json!({ "times": 1, "status": status, "body": body, "headers": headers })
            }
            Self::Delay(ms) => json!({ "times": 1, "delayMs": ms }),
            Self::Hang => json!({ "times": 1, "hang": true }),
            Self::MalformedJson => json!({ "times": 1, "malformedJson": true }),
        }
    }
}
