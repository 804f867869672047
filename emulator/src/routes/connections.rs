//! Get Connection, List Connections, List Calendars, Update Sync Config and Disconnect.

use axum::extract::{Path, State};
use axum::Json;

use crate::app::AppState;
use crate::clock::now_ms;
use crate::errors::{ApiError, AppCode, FieldViolation, Violations};
use crate::extract::{JsonBody, QueryParams};
use crate::generate::calendars as generated_calendars;
use crate::model::{
    ConnectionResponse, ImportSupport, ListCalendarsResponse, ListConnectionsResponse,
    ProviderFeatures, Status, UpdateSyncConfigRequest,
};
use crate::sync_config;

/// `GET /connections/{connectionId}`.
pub async fn get(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let stored = app
        .store
        .get(&id)
        .ok_or_else(|| ApiError::not_found("Connection", &id))?;
    Ok(Json(ConnectionResponse {
        connection: app.view(&stored),
    }))
}

/// `GET /connections?scheduleIds=..&scheduleIds=..&partialFailure=..`: all connections,
/// oldest first, disconnected ones included. Connections of providers marked as failing
/// follow the partial-failure rule of [`crate::failing`].
pub async fn list(
    State(app): State<AppState>,
    query: QueryParams,
) -> Result<Json<ListConnectionsResponse>, ApiError> {
    let mut violations = Violations::default();
    let schedule_ids: Vec<String> = query
        .all("scheduleIds")
        .into_iter()
        .map(|id| violations.guid("scheduleIds", Some(id)))
        .collect();
    let partial_failure = query.bool("partialFailure", &mut violations) == Some(true);
    violations.finish()?;
    let covered = app
        .store
        .connections()
        .iter()
        .filter(|c| schedule_ids.is_empty() || schedule_ids.contains(&c.connection.schedule_id))
        .map(|c| app.view(c))
        .collect();
    let sorted = app.failing.sort(covered, partial_failure)?;
    Ok(Json(ListConnectionsResponse {
        connections: sorted.working,
        failed_provider_ids: sorted.failed_provider_ids,
    }))
}

/// `GET /connections/{connectionId}/calendars`: the account's generated calendars.
/// Checked in this order: premium (403), the connection exists (404), it is connected
/// (428 `CONNECTION_NOT_CONNECTED`), its provider lets you pick calendars (428
/// `NOT_SUPPORTED_BY_PROVIDER`).
pub async fn calendars(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ListCalendarsResponse>, ApiError> {
    if !app.store.premium() {
        return Err(ApiError::app(AppCode::PremiumFeatureNotEnabled));
    }
    let stored = app
        .store
        .get(&id)
        .ok_or_else(|| ApiError::not_found("Connection", &id))?;
    let connection = app.view(&stored);
    if matches!(connection.status, Status::Disconnected | Status::Error) {
        return Err(ApiError::app(AppCode::ConnectionNotConnected));
    }
    if features_of(&app, &connection.provider_id).list_event_from_calendars
        != ImportSupport::SpecificCalendars
    {
        return Err(ApiError::app(AppCode::NotSupportedByProvider));
    }
    Ok(Json(ListCalendarsResponse {
        calendars: generated_calendars(&connection.id),
    }))
}

/// A connection's provider features; none at all if the provider has gone from the seed
/// since the connection was made.
fn features_of(app: &AppState, provider_id: &str) -> ProviderFeatures {
    app.provider(provider_id)
        .map(|p| p.features.clone())
        .unwrap_or_default()
}

/// `PATCH /connections/{connectionId}/sync-config`: without a field mask the whole sync
/// config is replaced; with one, only the named paths.
pub async fn update_sync_config(
    State(app): State<AppState>,
    Path(id): Path<String>,
    JsonBody(request): JsonBody<UpdateSyncConfigRequest>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let Some(requested) = request.sync_config else {
        return Err(ApiError::validation(vec![FieldViolation::required(
            "syncConfig",
        )]));
    };
    let mask = request
        .field_mask
        .map(|m| sync_config::mask_paths(m.paths()))
        .transpose()?;
    let delay = app.settings().sync_delay_ms;
    let now = now_ms();
    let connection = app.store.modify(&id, |stored| {
        let features = features_of(&app, &stored.connection.provider_id);
        if !features.update_sync_config {
            return Err(ApiError::app(AppCode::NotSupportedByProvider));
        }
        let updated = match &mask {
            Some(paths) => sync_config::apply_mask(
                &stored.connection.sync_config.clone().unwrap_or_default(),
                &requested,
                paths,
            )?,
            None => requested,
        };
        sync_config::check_shape(&updated, &stored.connection.id)?;
        sync_config::check_supported(&features, &updated)?;
        stored.connection.sync_config = Some(updated);
        Ok(stored.view(now, delay))
    })?;
    Ok(Json(ConnectionResponse { connection }))
}

/// `POST /connections/{connectionId}/disconnect`: the body, if any, is ignored (it has no
/// fields). 428 `CONNECTION_ALREADY_DISCONNECTED` the second time.
pub async fn disconnect(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ConnectionResponse>, ApiError> {
    let delay = app.settings().sync_delay_ms;
    let now = now_ms();
    let connection = app.store.modify(&id, |stored| {
        if stored.view(now, delay).status == Status::Disconnected {
            return Err(ApiError::app(AppCode::ConnectionAlreadyDisconnected));
        }
        stored.set_status(Status::Disconnected, None, now, delay);
        Ok(stored.view(now, delay))
    })?;
    Ok(Json(ConnectionResponse { connection }))
}
