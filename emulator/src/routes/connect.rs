//! Connect By OAuth (which opens a consent session) and Connect By Credentials.

use axum::extract::State;
use axum::http::header::HOST;
use axum::http::HeaderMap;
use axum::Json;
use url::Host;

use crate::app::{AppState, Shared};
use crate::clock::now_ms;
use crate::errors::{ApiError, AppCode, FieldViolation, Violations};
use crate::extract::JsonBody;
use crate::model::{
    ConnectByCredentialsRequest, ConnectByOAuthRequest, ConnectByOAuthResponse, ConnectMethod,
    ConnectionResponse, Provider,
};
use crate::store::StoredConnection;
use crate::validate::{is_email, web_url};

/// The one password the emulated providers reject (besides an empty one).
const WRONG_PASSWORD: &str = "wrong-password";

/// Creates and stores a connection; used by Connect By Credentials, the consent page's
/// "Allow" and the control API.
pub fn create_connection(
    app: &Shared,
    provider: &Provider,
    schedule_id: &str,
    account_email: Option<&str>,
) -> StoredConnection {
    let stored = StoredConnection::new(provider, schedule_id, account_email, now_ms());
    app.store.insert(stored.clone());
    stored
}

/// The checks both connect methods share after field validation: premium (403), the
/// provider exists (404), it supports `method` (428).
fn connectable_provider<'a>(
    app: &'a Shared,
    provider_id: &str,
    method: ConnectMethod,
) -> Result<&'a Provider, ApiError> {
    if !app.store.premium() {
        return Err(ApiError::app(AppCode::PremiumFeatureNotEnabled));
    }
    let provider = app
        .provider(provider_id)
        .ok_or_else(|| ApiError::not_found("Provider", provider_id))?;
    if !provider.features.connect_methods.contains(&method) {
        return Err(ApiError::app(AppCode::NotSupportedByProvider));
    }
    Ok(provider)
}

/// `POST /connections:connectByOAuth`: opens a consent session and returns its page's URL.
/// The connection only comes into being when the page is answered with "Allow".
pub async fn by_oauth(
    State(app): State<AppState>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ConnectByOAuthRequest>,
) -> Result<Json<ConnectByOAuthResponse>, ApiError> {
    let mut violations = Violations::default();
    let schedule_id = violations.guid("scheduleId", request.schedule_id.as_deref());
    let provider_id = violations.guid("providerId", request.provider_id.as_deref());
    let redirect_url = match request.redirect_url.as_deref() {
        None | Some("") => {
            violations.push(FieldViolation::required("redirectUrl"));
            None
        }
        Some(text) => {
            let url = web_url(text);
            if url.is_none() {
                violations.push(FieldViolation::format("redirectUrl", "WEB_URL"));
            }
            url
        }
    };
    violations.finish()?;
    let provider = connectable_provider(&app, &provider_id, ConnectMethod::Oauth)?;
    let ttl = app.settings().consent_ttl_secs;
    let redirect_url = redirect_url.expect("validated above");
    let session = app
        .consents
        .open(provider.clone(), schedule_id, redirect_url, ttl);
    Ok(Json(ConnectByOAuthResponse {
        oauth_url: format!(
            "http://{}:{}/_emulator/consent/{session}",
            consent_host(&headers),
            app.port
        ),
    }))
}

/// The host name for the consent page: the one the caller used if it is a loopback name
/// this server answers on (`localhost`, `127.x.x.x`), else `127.0.0.1`.
fn consent_host(headers: &HeaderMap) -> String {
    let requested = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| url::Url::parse(&format!("http://{h}")).ok());
    match requested.as_ref().and_then(|u| u.host()) {
        Some(Host::Domain(domain)) if domain.eq_ignore_ascii_case("localhost") => domain.to_owned(),
        Some(Host::Ipv4(ip)) if ip.is_loopback() => ip.to_string(),
        _ => "127.0.0.1".to_owned(),
    }
}

/// `POST /connections:connectByCredentials`: any password but `wrong-password` (or an
/// empty one) is accepted.
pub async fn by_credentials(
    State(app): State<AppState>,
    JsonBody(request): JsonBody<ConnectByCredentialsRequest>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let mut violations = Violations::default();
    let schedule_id = violations.guid("scheduleId", request.schedule_id.as_deref());
    let provider_id = violations.guid("providerId", request.provider_id.as_deref());
    match request.email.as_deref() {
        None | Some("") => violations.push(FieldViolation::required("email")),
        Some(email) if !is_email(email) => {
            violations.push(FieldViolation::format("email", "EMAIL"))
        }
        Some(_) => {}
    }
    if request.password.is_none() {
        violations.push(FieldViolation::required("password"));
    }
    violations.finish()?;
    let provider = connectable_provider(&app, &provider_id, ConnectMethod::Credentials)?;
    let password = request.password.unwrap_or_default();
    if password.is_empty() || password == WRONG_PASSWORD {
        return Err(ApiError::app(AppCode::BadCredentials));
    }
    let stored = create_connection(&app, provider, &schedule_id, request.email.as_deref());
    Ok(Json(ConnectionResponse {
        connection: app.view(&stored),
    }))
}
