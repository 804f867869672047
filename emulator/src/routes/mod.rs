//! The nine API methods at their plural `/bookings/v2/external-calendars/...` paths. The
//! singular `/external-calendar/` paths are deliberately not served (404), as on wixapis.com.

mod connect;
mod connections;
mod events;
mod providers;

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, MethodRouter};
use axum::Router;

use crate::app::AppState;
use crate::errors::ApiError;
use crate::faults::ApiMethod;

pub use connect::create_connection;

const BASE: &str = "/bookings/v2/external-calendars";

/// The API routes, each behind its fault queue and the `Authorization` check.
pub fn router(state: &AppState) -> Router<AppState> {
    let guarded = |method: ApiMethod, route: MethodRouter<AppState>| {
        route.route_layer(from_fn_with_state((state.clone(), method), guard))
    };
    let routes = [
        ("/providers", ApiMethod::ListProviders, get(providers::list)),
        (
            "/connections",
            ApiMethod::ListConnections,
            get(connections::list),
        ),
        (
            "/connections/{connectionId}",
            ApiMethod::GetConnection,
            get(connections::get),
        ),
        (
            "/connections:connectByOAuth",
            ApiMethod::ConnectByOAuth,
            post(connect::by_oauth),
        ),
        (
            "/connections:connectByCredentials",
            ApiMethod::ConnectByCredentials,
            post(connect::by_credentials),
        ),
        (
            "/connections/{connectionId}/calendars",
            ApiMethod::ListCalendars,
            get(connections::calendars),
        ),
        (
            "/connections/{connectionId}/sync-config",
            ApiMethod::UpdateSyncConfig,
            patch(connections::update_sync_config),
        ),
        (
            "/connections/{connectionId}/disconnect",
            ApiMethod::Disconnect,
            post(connections::disconnect),
        ),
        ("/events", ApiMethod::ListEvents, get(events::list)),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, method, route)| {
            router.route(&format!("{BASE}{path}"), guarded(method, route))
        })
}

/// Applies a queued fault, if any, before anything else (so even unauthenticated calls
/// see it), then checks `Authorization`.
async fn guard(
    State((app, method)): State<(AppState, ApiMethod)>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(fault) = app.faults.take(method) {
        if let Some(response) = fault.answer(request.extensions().get().cloned()).await {
            return response;
        }
    }
    if let Err(error) = authenticate(&app, request.headers()) {
        return error.into_response();
    }
    next.run(request).await
}

/// Any non-empty `Authorization` is accepted, unless `--token` names the only valid one
/// (given bare or after `Bearer `, as Wix's examples send tokens without the prefix).
fn authenticate(app: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let value = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if value.is_empty() {
        return Err(ApiError::unauthenticated("Missing Authorization header"));
    }
    match &app.config.token {
        Some(token) if value != token && value.strip_prefix("Bearer ") != Some(token) => Err(
            ApiError::unauthenticated("The Authorization token is not valid"),
        ),
        _ => Ok(()),
    }
}
