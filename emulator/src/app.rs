//! The state shared by every request, and the assembly of all routes and middleware.

use std::ops::Deref;
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use tower_http::services::ServeDir;

use crate::clock::now_ms;
use crate::consent::ConsentSessions;
use crate::errors::ApiError;
use crate::failing::FailingProviders;
use crate::faults::Faults;
use crate::model::{Connection, Provider};
use crate::request_log::RequestLog;
use crate::store::{Store, StoredConnection};
use crate::{access_log, control, cors, request_log, routes, Config, BODY_LIMIT};

/// Settings that the control API can change at run time.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub sync_delay_ms: u64,
    pub consent_ttl_secs: u64,
}

impl Settings {
    fn from_config(config: &Config) -> Self {
        Settings {
            sync_delay_ms: config.sync_delay_ms,
            consent_ttl_secs: config.consent_ttl_secs,
        }
    }
}

/// Everything a request handler can reach.
pub struct Shared {
    pub config: Config,
    /// The port the server listens on, for URLs that point back at it.
    pub port: u16,
    pub providers: Vec<Provider>,
    pub store: Store,
    settings: Mutex<Settings>,
    pub faults: Faults,
    pub requests: RequestLog,
    pub consents: ConsentSessions,
    /// Providers whose connections cannot be listed (control API).
    pub failing: FailingProviders,
}

/// Cheaply clonable handle on [`Shared`].
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(config: Config, port: u16, providers: Vec<Provider>, store: Store) -> Self {
        AppState(Arc::new(Shared {
            settings: Mutex::new(Settings::from_config(&config)),
            config,
            port,
            providers,
            store,
            faults: Faults::default(),
            requests: RequestLog::default(),
            consents: ConsentSessions::default(),
            failing: FailingProviders::default(),
        }))
    }
}

impl Shared {
    pub fn settings(&self) -> Settings {
        *self.settings.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        change(&mut self.settings.lock().unwrap_or_else(|p| p.into_inner()));
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// A stored connection as clients see it now.
    pub fn view(&self, stored: &StoredConnection) -> Connection {
        stored.view(now_ms(), self.settings().sync_delay_ms)
    }

    /// Back to a fresh start: no connections, sessions, faults, failing providers or logged
    /// requests; premium on; settings as given by the flags.
    pub fn reset(&self) {
        self.store.reset();
        self.consents.clear();
        self.faults.clear();
        self.failing.clear();
        self.requests.clear();
        self.update_settings(|s| *s = Settings::from_config(&self.config));
    }
}

/// The whole application: API, control API, consent page, optional static files, with
/// request logging, CORS and the stderr access log around it.
pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .merge(routes::router(&state))
        .nest("/_emulator", control::router())
        .method_not_allowed_fallback(method_not_allowed);
    let app = match &state.config.static_dir {
        Some(dir) => {
            app.fallback_service(ServeDir::new(dir).not_found_service(not_found.into_service()))
        }
        None => app.fallback(not_found),
    };
    app.layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), request_log::record))
        .with_state(state.clone())
        .layer(cors::layer(&state.config.allow_origins))
        .layer(from_fn(access_log::log))
}

async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::no_route(
        StatusCode::NOT_FOUND,
        format!("No such endpoint: {method} {}", uri.path()),
    )
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::no_route(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("Method {method} is not allowed on {}", uri.path()),
    )
}
