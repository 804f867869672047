//! The browser client for the nine API methods, on gloo-net.
//!
//! Every call asks the [`Auth`] mode for the `Authorization` value first (a host callback is
//! called once per request), is abandoned after the configured time limit through an
//! `AbortController`, and maps every failure to [`ApiError`]. Tokens are only ever passed to the
//! header: never stored, logged or put in a URL.
//!
//! ```no_run
//! # async fn demo() -> Result<(), calendar_connect::api::error::ApiError> {
//! use calendar_connect::api::client::{Auth, Client};
//! let client = Client::new("", Auth::None, 15_000); // same-origin proxy adds credentials
//! let providers = client.list_providers().await?;
//! # Ok(()) }
//! ```

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::callback::Timeout;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use crate::api::error::{retry_after_seconds, ApiError};
use crate::api::header::is_usable_token;
use crate::api::model::*;
use crate::api::path::connection_path;

/// Details of a [`ApiError::Decode`] for a 2xx body that is not the documented shape.
const DECODE_DETAILS: &str = "the response body is not the documented JSON shape";

/// What the time limit rejects a pending `getAccessToken` Promise with.
const TOKEN_TIMEOUT: &str = "calendar-connect:getAccessToken-timeout";

/// Path of the service, relative to the API base.
const SERVICE_PATH: &str = "/bookings/v2/external-calendars";

/// How requests are authorised.
#[derive(Clone)]
pub enum Auth {
    /// No header: a same-origin proxy adds credentials.
    None,
    /// A fixed token (development only).
    Token(String),
    /// A host function returning a token or a `Promise` of one, called for every request.
    Callback(js_sys::Function),
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Auth::None => "Auth::None",
            Auth::Token(_) => "Auth::Token([redacted])",
            Auth::Callback(_) => "Auth::Callback",
        })
    }
}

impl Auth {
    /// The `Authorization` value for one request, if any. A callback whose Promise has not
    /// settled after `timeout_ms`, and a token a header can't carry, fail like no token.
    async fn header(&self, timeout_ms: u32) -> Result<Option<String>, ApiError> {
        let token = self.token(timeout_ms).await?;
        match token {
            Some(token) if !is_usable_token(&token) => Err(ApiError::Auth(
                "the token has characters a header can't carry".into(),
            )),
            token => Ok(token),
        }
    }

    /// The token itself, from the configuration or the host's callback.
    async fn token(&self, timeout_ms: u32) -> Result<Option<String>, ApiError> {
        match self {
            Auth::None => Ok(None),
            Auth::Token(token) => Ok(Some(token.clone())),
            Auth::Callback(callback) => {
                let returned = callback
                    .call0(&wasm_bindgen::JsValue::NULL)
                    .map_err(|_| ApiError::Auth("getAccessToken threw".into()))?;
                // Race the token against the time limit; dropping the timer cancels it.
                let mut timer = None;
                let deadline = js_sys::Promise::new(&mut |_, reject| {
                    timer = Some(Timeout::new(timeout_ms, move || {
                        let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &TOKEN_TIMEOUT.into());
                    }));
                });
                let token = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
                    &js_sys::Promise::resolve(&returned),
                    &deadline,
                )))
                .await
                .map_err(|reason| {
                    if reason.as_string().as_deref() == Some(TOKEN_TIMEOUT) {
                        ApiError::Auth(format!("getAccessToken didn't settle in {timeout_ms} ms"))
                    } else {
                        ApiError::Auth("getAccessToken was rejected".into())
                    }
                })?;
                drop(timer);
                token
                    .as_string()
                    .filter(|t| !t.is_empty())
                    .map(Some)
                    .ok_or_else(|| ApiError::Auth("getAccessToken gave no token".into()))
            }
        }
    }
}

/// A client for one API base.
#[derive(Debug, Clone)]
pub struct Client {
    base: String,
    auth: Auth,
    timeout_ms: u32,
}

impl Client {
    /// A client for `base` (an origin such as `https://www.wixapis.com`, or empty for the page's
    /// own origin), authorising with `auth`, abandoning requests after `timeout_ms`.
    pub fn new(base: impl Into<String>, auth: Auth, timeout_ms: u32) -> Self {
        Self {
            base: base.into().trim_end_matches('/').to_owned(),
            auth,
            timeout_ms,
        }
    }

    /// List Providers: the providers available on the site.
    pub async fn list_providers(&self) -> Result<Vec<Provider>, ApiError> {
        let response: ListProvidersResponse = self
            .call(Method::GET, "/providers", "", None::<&()>)
            .await?;
        Ok(response.providers())
    }

    /// Get Connection: one connection by ID.
    pub async fn get_connection(&self, connection_id: &str) -> Result<Connection, ApiError> {
        let path = connection_path(connection_id, "")?;
        let response: ConnectionResponse = self.call(Method::GET, &path, "", None::<&()>).await?;
        require_connection(response)
    }

    /// List Connections: connections, optionally of some schedules.
    pub async fn list_connections(
        &self,
        query: &ListConnectionsQuery,
    ) -> Result<ListConnectionsResponse, ApiError> {
        self.call(Method::GET, "/connections", &query.to_query(), None::<&()>)
            .await
    }

    /// Connect By OAuth: returns the `oauthUrl` to send the person to (check it with
    /// `flow::oauth_url::check_oauth_url` first).
    pub async fn connect_by_oauth(
        &self,
        request: &ConnectByOAuthRequest,
    ) -> Result<String, ApiError> {
        let response: ConnectByOAuthResponse = self
            .call(
                Method::POST,
                "/connections:connectByOAuth",
                "",
                Some(request),
            )
            .await?;
        response
            .oauth_url
            .ok_or_else(|| ApiError::Decode("no oauthUrl in the answer".into()))
    }

    /// Connect By Credentials: connects with the external account's email and password.
    pub async fn connect_by_credentials(
        &self,
        request: &ConnectByCredentialsRequest,
    ) -> Result<Connection, ApiError> {
        let response: ConnectionResponse = self
            .call(
                Method::POST,
                "/connections:connectByCredentials",
                "",
                Some(request),
            )
            .await?;
        require_connection(response)
    }

    /// List Calendars: the calendars of a connected account.
    pub async fn list_calendars(&self, connection_id: &str) -> Result<Vec<Calendar>, ApiError> {
        let path = connection_path(connection_id, "/calendars")?;
        let response: ListCalendarsResponse =
            self.call(Method::GET, &path, "", None::<&()>).await?;
        Ok(response.calendars())
    }

    /// Update Sync Config (PATCH): changes what syncs; use a field mask to change only part.
    pub async fn update_sync_config(
        &self,
        connection_id: &str,
        request: &UpdateSyncConfigRequest,
    ) -> Result<Connection, ApiError> {
        let path = connection_path(connection_id, "/sync-config")?;
        let response: ConnectionResponse =
            self.call(Method::PATCH, &path, "", Some(request)).await?;
        require_connection(response)
    }

    /// Disconnect: ends a connection (428 `CONNECTION_ALREADY_DISCONNECTED` if it already was).
    pub async fn disconnect(&self, connection_id: &str) -> Result<Connection, ApiError> {
        let path = connection_path(connection_id, "/disconnect")?;
        let empty = Empty {};
        let response: ConnectionResponse = self.call(Method::POST, &path, "", Some(&empty)).await?;
        require_connection(response)
    }

    /// List Events: one page of events; follow `pagingMetadata.cursors.next` for more.
    pub async fn list_events(
        &self,
        query: &ListEventsQuery,
    ) -> Result<ListEventsResponse, ApiError> {
        self.call(Method::GET, "/events", &query.to_query(), None::<&()>)
            .await
    }

    /// Sends one request and decodes a 2xx JSON answer into `T`.
    async fn call<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        query: &str,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let authorization = self.auth.header(self.timeout_ms).await?;
        let mut url = format!("{}{SERVICE_PATH}{path}", self.base);
        if !query.is_empty() {
            url.push('?');
            url.push_str(query);
        }

        // Abandon the request (and the body download) when the time limit passes; the flag
        // tells that abort apart from a network failure. Dropping the timer cancels it.
        let controller = AbortController::new().map_err(|_| ApiError::Network)?;
        let timed_out = Rc::new(Cell::new(false));
        let _timer = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            Timeout::new(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let failed = |_| {
            if timed_out.get() {
                ApiError::Timeout(self.timeout_ms)
            } else {
                ApiError::Network
            }
        };

        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .abort_signal(Some(&controller.signal()));
        if let Some(value) = authorization.as_deref() {
            builder = builder.header("Authorization", value);
        }
        let request = match body {
            Some(body) => {
                let json = serde_json::to_string(body)
                    .map_err(|_| ApiError::Decode(DECODE_DETAILS.into()))?;
                builder
                    .header("Content-Type", "application/json")
                    .body(json)
            }
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;

        let response = request.send().await.map_err(failed)?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|value| retry_after_seconds(&value).or_else(|| seconds_until(&value)));
        let text = response.text().await.map_err(failed)?;
        if !(200..300).contains(&status) {
            return Err(ApiError::from_http(status, &text, retry_after));
        }
        // serde_json's error text is not shown to people and formatting it costs several KB of
        // wasm, so the details only say that the body was not the documented shape.
        serde_json::from_str(&text).map_err(|_| ApiError::Decode(DECODE_DETAILS.into()))
    }
}

/// Seconds from now until an HTTP-date `Retry-After`, rounded up; `None` if it is not a date.
fn seconds_until(date: &str) -> Option<u32> {
    let at = js_sys::Date::parse(date);
    if at.is_nan() {
        return None;
    }
    let seconds = ((at - js_sys::Date::now()) / 1000.0).ceil().max(0.0);
    Some(seconds.min(f64::from(u32::MAX)) as u32)
}

fn require_connection(response: ConnectionResponse) -> Result<Connection, ApiError> {
    response
        .connection
        .ok_or_else(|| ApiError::Decode("no connection in the answer".into()))
}
