//! List Providers.

use axum::extract::State;
use axum::Json;

use crate::app::AppState;
use crate::model::ListProvidersResponse;

/// `GET /providers`: the built-in and seeded providers. Not gated by premium: the SDK types
/// no error for it.
pub async fn list(State(app): State<AppState>) -> Json<ListProvidersResponse> {
    Json(ListProvidersResponse {
        providers: app.providers.clone(),
    })
}
