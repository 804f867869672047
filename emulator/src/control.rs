//! The control API under `/_emulator/` that tests use to arrange and inspect the emulator
//! (see docs/emulator-control-api.md). It needs no `Authorization`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::clock::now_ms;
use crate::consent;
use crate::errors::{ApiError, FieldViolation, Violations};
use crate::extract::JsonBody;
use crate::faults::FaultSpec;
use crate::model::{ConnectionResponse, ErrorReason, Status, SyncConfig};
use crate::request_log::LoggedRequest;
use crate::routes::create_connection;

/// The control routes, relative to `/_emulator`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reset", post(reset))
        .route("/premium", post(set_premium))
        .route("/config", post(set_config))
        .route("/connections", post(add_connection))
        .route("/connections/{connectionId}/status", post(set_status))
        .route("/providers/{providerId}/failing", post(set_failing))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/requests", get(list_requests).delete(clear_requests))
        .route(
            "/consent/{sessionId}",
            get(consent::page).post(consent::decide),
        )
}

async fn reset(State(app): State<AppState>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PremiumRequest {
    enabled: Option<bool>,
}

async fn set_premium(
    State(app): State<AppState>,
    JsonBody(request): JsonBody<PremiumRequest>,
) -> Result<StatusCode, ApiError> {
    let enabled = request
        .enabled
        .ok_or_else(|| ApiError::validation(vec![FieldViolation::required("enabled")]))?;
    app.store.set_premium(enabled);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfigRequest {
    sync_delay_ms: Option<u64>,
    consent_ttl_secs: Option<u64>,
}

async fn set_config(
    State(app): State<AppState>,
    JsonBody(request): JsonBody<ConfigRequest>,
) -> StatusCode {
    app.update_settings(|settings| {
        if let Some(delay) = request.sync_delay_ms {
            settings.sync_delay_ms = delay;
        }
        if let Some(ttl) = request.consent_ttl_secs {
            settings.consent_ttl_secs = ttl;
        }
    });
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NewConnectionRequest {
    schedule_id: Option<String>,
    provider_id: Option<String>,
    status: Option<Status>,
    error_reason: Option<ErrorReason>,
    external_account_email: Option<String>,
    sync_config: Option<SyncConfig>,
}

/// Creates a connection directly, skipping the connect flow. Without `status` it follows
/// the usual CONNECTED -> SYNCED timeline; with one it stays at that status.
async fn add_connection(
    State(app): State<AppState>,
    JsonBody(request): JsonBody<NewConnectionRequest>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let mut violations = Violations::default();
    let schedule_id = violations.guid("scheduleId", request.schedule_id.as_deref());
    let provider_id = violations.guid("providerId", request.provider_id.as_deref());
    violations.finish()?;
    let provider = app
        .provider(&provider_id)
        .ok_or_else(|| ApiError::not_found("Provider", &provider_id))?
        .clone();
    let email = request.external_account_email.clone();
    let created = create_connection(&app, &provider, &schedule_id, email.as_deref());
    let delay = app.settings().sync_delay_ms;
    let connection = app.store.modify(&created.connection.id, |stored| {
        if let Some(config) = request.sync_config {
            stored.connection.sync_config = Some(config);
        }
        if let Some(status) = request.status {
            stored.set_status(status, request.error_reason, stored.created_at_ms, delay);
            if email.is_some() {
                stored.connection.external_account_email = email;
            }
        }
        Ok(stored.view(now_ms(), delay))
    })?;
    Ok(Json(ConnectionResponse { connection }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StatusRequest {
    status: Option<Status>,
    error_reason: Option<ErrorReason>,
}

async fn set_status(
    State(app): State<AppState>,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<StatusRequest>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let status = request
        .status
        .ok_or_else(|| ApiError::validation(vec![FieldViolation::required("status")]))?;
    let delay = app.settings().sync_delay_ms;
    let now = now_ms();
    let connection = app.store.modify(&id, |stored| {
        stored.set_status(status, request.error_reason, now, delay);
        Ok(stored.view(now, delay))
    })?;
    Ok(Json(ConnectionResponse { connection }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FailingRequest {
    failing: Option<bool>,
}

/// Marks a provider as failing (or answering again) for List Connections and List Events.
async fn set_failing(
    State(app): State<AppState>,
    Path(provider_id): Path<String>,
    JsonBody(request): JsonBody<FailingRequest>,
) -> Result<StatusCode, ApiError> {
    let failing = request
        .failing
        .ok_or_else(|| ApiError::validation(vec![FieldViolation::required("failing")]))?;
    if app.provider(&provider_id).is_none() {
        return Err(ApiError::not_found("Provider", &provider_id));
    }
    app.failing.set(&provider_id, failing);
    Ok(StatusCode::NO_CONTENT)
}

async fn add_fault(
    State(app): State<AppState>,
    JsonBody(spec): JsonBody<FaultSpec>,
) -> Result<StatusCode, ApiError> {
    let method = spec.method;
    let (fault, times) = spec.validate()?;
    app.faults.add(method, fault, times);
    Ok(StatusCode::NO_CONTENT)
}

async fn clear_faults(State(app): State<AppState>) -> StatusCode {
    app.faults.clear();
    StatusCode::NO_CONTENT
}

#[derive(Serialize)]
struct RequestsResponse {
    requests: Vec<LoggedRequest>,
}

async fn list_requests(State(app): State<AppState>) -> Json<RequestsResponse> {
    Json(RequestsResponse {
        requests: app.requests.snapshot(),
    })
}

async fn clear_requests(State(app): State<AppState>) -> StatusCode {
    app.requests.clear();
    StatusCode::NO_CONTENT
}
