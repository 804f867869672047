//! A local stand-in for the Wix External Calendars v2 API (`/bookings/v2/external-calendars`),
//! with a fake provider consent page and a control API under `/_emulator/` for tests.
//!
//! [`serve`] starts it on a loopback port; the `wix-emulator` binary wraps it with flags.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

mod access_log;
mod app;
mod clock;
mod consent;
mod control;
mod cors;
pub mod errors;
mod extract;
mod failing;
mod faults;
mod generate;
pub mod model;
mod providers;
mod request_log;
mod routes;
mod server;
mod state_file;
mod store;
mod sync_config;
mod validate;

/// Largest request body accepted; bigger ones get 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// How the emulator is started; the binary's flags map onto these fields one to one.
#[derive(Debug, Clone)]
pub struct Config {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// A built widget to serve at `/`.
    pub static_dir: Option<PathBuf>,
    /// Where connections and the premium flag are kept across restarts.
    pub state_file: Option<PathBuf>,
    /// A JSON file of extra providers, shaped like a List Providers response.
    pub seed_file: Option<PathBuf>,
    /// When set, the only `Authorization` value accepted (bare or after `Bearer `).
    pub token: Option<String>,
    /// How long each of CONNECTED and SYNC_IN_PROGRESS lasts for a new connection.
    pub sync_delay_ms: u64,
    /// How long a consent page stays usable.
    pub consent_ttl_secs: u64,
    /// Origins allowed by CORS in addition to every loopback origin.
    pub allow_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: 7878,
            static_dir: None,
            state_file: None,
            seed_file: None,
            token: None,
            sync_delay_ms: 1500,
            consent_ttl_secs: 600,
            allow_origins: Vec::new(),
        }
    }
}

/// Why the emulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("state file {}: {reason}. The file was left untouched; fix or remove it.", path.display())]
    State { path: PathBuf, reason: String },
    #[error("seed file {}: {reason}", path.display())]
    Seed { path: PathBuf, reason: String },
    #[error("--static {}: not a readable directory", .0.display())]
    StaticDir(PathBuf),
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind { port: u16, source: std::io::Error },
}

/// A running emulator; dropping the handle stops accepting connections.
pub struct ServerHandle {
    accept_loop: JoinHandle<()>,
}

impl ServerHandle {
    /// Waits until the server stops, which it does only if its accept loop fails.
    pub async fn wait(mut self) {
        let _ = (&mut self.accept_loop).await;
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

/// Loads the state and seed files, binds 127.0.0.1:`config.port` and starts serving.
/// Returns the bound address (useful with port 0) and the server's handle.
pub async fn serve(config: Config) -> Result<(SocketAddr, ServerHandle), StartError> {
    if let Some(dir) = &config.static_dir {
        if !dir.is_dir() {
            return Err(StartError::StaticDir(dir.clone()));
        }
    }
    let providers = providers::load(config.seed_file.as_deref())?;
    let store = store::Store::open(config.state_file.clone().map(state_file::StateFile::new))?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port))
        .await
        .map_err(|source| StartError::Bind {
            port: config.port,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Bind {
        port: config.port,
        source,
    })?;
    let state = app::AppState::new(config, addr.port(), providers, store);
    let accept_loop = server::spawn(listener, app::router(state));
    Ok((addr, ServerHandle { accept_loop }))
}
