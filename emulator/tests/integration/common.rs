//! Starting an emulator for a test, and small helpers to call it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use reqwest::header::HeaderMap;
use reqwest::{Client, Method, RequestBuilder};
use serde_json::{json, Value};
use wix_emulator::{serve, Config, ServerHandle};

pub const GOOGLE: &str = "6c533722-f1f9-4847-95c7-d4c4922ae9b0";
pub const APPLE: &str = "9f084ae8-b3a6-4eb6-a29d-bc682c04b5fc";
pub const MICROSOFT: &str = "ae0d26b4-7e04-4735-a15e-1b1acaba2f00";
pub const SCHEDULE: &str = "100ef23e-9e92-4293-8e08-d3747537138f";
pub const OTHER_SCHEDULE: &str = "3e47ec65-2975-447c-a7ed-75041e850d5e";
pub const API: &str = "/bookings/v2/external-calendars";

/// A running emulator and a client that does not follow redirects.
pub struct Emulator {
    pub origin: String,
    pub client: Client,
    _server: ServerHandle,
}

/// An answer, with its body parsed as JSON when it is JSON (else `Value::Null`).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    pub body: Value,
}

/// Test defaults: a free port and no sync delay, so connections read SYNCED at once.
pub fn config() -> Config {
    Config {
        port: 0,
        sync_delay_ms: 0,
        ..Config::default()
    }
}

pub async fn start() -> Emulator {
    start_with(config()).await
}

pub async fn start_with(config: Config) -> Emulator {
    let (addr, server) = serve(config).await.expect("the emulator starts");
    Emulator {
        origin: format!("http://{addr}"),
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a client"),
        _server: server,
    }
}

pub async fn reply(request: RequestBuilder) -> Reply {
    let response = request.send().await.expect("the emulator answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        text,
        body,
    }
}

impl Emulator {
    /// A request to an API path (relative to `/bookings/v2/external-calendars`) with a token.
    pub fn api(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, format!("{}{API}{path}", self.origin))
            .header("Authorization", "test-token")
    }

    pub async fn get(&self, path: &str) -> Reply {
        reply(self.api(Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        reply(self.api(Method::POST, path).json(&body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        reply(self.api(Method::PATCH, path).json(&body)).await
    }

    /// A call of the control API (relative to `/_emulator`).
    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .client
            .request(method, format!("{}/_emulator{path}", self.origin));
        if let Some(body) = body {
            request = request.json(&body);
        }
        reply(request).await
    }

    pub async fn set_premium(&self, enabled: bool) {
        let r = self
            .control(
                Method::POST,
                "/premium",
                Some(json!({ "enabled": enabled })),
            )
            .await;
        assert_eq!(r.status, 204);
    }

    /// Creates a connection through the control API and returns it.
    pub async fn add_connection(&self, body: Value) -> Value {
        let r = self.control(Method::POST, "/connections", Some(body)).await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.body["connection"].clone()
    }

    /// Connects Apple by credentials for `schedule` and returns the connection.
    pub async fn apple_connection(&self, schedule: &str) -> Value {
        let r = self
            .post(
                "/connections:connectByCredentials",
                json!({"scheduleId": schedule, "providerId": APPLE,
                       "email": "ann@example.org", "password": "app-specific"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.body["connection"].clone()
    }

    /// Starts Connect By OAuth and returns the `oauthUrl`.
    pub async fn oauth_url(&self, provider: &str, redirect_url: &str) -> String {
        let r = self
            .post(
                "/connections:connectByOAuth",
                json!({"scheduleId": SCHEDULE, "providerId": provider, "redirectUrl": redirect_url}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.body["oauthUrl"].as_str().expect("an oauthUrl").to_owned()
    }

    /// Answers a consent page; returns the reply (a 303 on success).
    pub async fn decide(&self, oauth_url: &str, decision: &str) -> Reply {
        reply(
            self.client
                .post(oauth_url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(format!("decision={decision}")),
        )
        .await
    }
}

/// Asserts a Wix application error with this status and code.
#[track_caller]
pub fn assert_app_error(reply: &Reply, status: u16, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.text);
    assert_eq!(
        reply.body["details"]["applicationError"]["code"], code,
        "{}",
        reply.text
    );
    assert!(reply.body["message"].is_string());
}

/// Asserts a 400 whose field violations include `field` with `rule`.
#[track_caller]
pub fn assert_violation(reply: &Reply, field: &str, rule: &str) {
    assert_eq!(reply.status, 400, "{}", reply.text);
    let violations = reply.body["details"]["validationError"]["fieldViolations"]
        .as_array()
        .unwrap_or_else(|| panic!("no field violations in {}", reply.text));
    assert!(
        violations
            .iter()
            .any(|v| v["field"] == field && v["violatedRule"] == rule),
        "no {rule} violation on {field} in {}",
        reply.text
    );
}

/// A fresh path in the system temp directory (not created).
pub fn temp_path(name: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "wix-emulator-test-{}-{n}-{name}",
        std::process::id()
    ))
}
