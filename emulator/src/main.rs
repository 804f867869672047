//! `wix-emulator`: runs the local Wix External Calendars API emulator until interrupted.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use wix_emulator::{serve, Config};

/// Local emulator of the Wix External Calendars v2 API, with a fake consent page and a
/// control API under /_emulator/ (see docs/emulator-control-api.md).
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 7878)]
    port: u16,
    /// Serve a built widget from this directory at /.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Keep connections and the premium flag in this JSON file across restarts.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Extra providers, in the shape of a List Providers response.
    #[arg(long, value_name = "FILE")]
    seed: Option<PathBuf>,
    /// Accept only this Authorization value (also as "Bearer TOKEN"); default: any non-empty one.
    #[arg(long)]
    token: Option<String>,
    /// How long a new connection stays CONNECTED, then SYNC_IN_PROGRESS, before SYNCED.
    #[arg(long, value_name = "N", default_value_t = 1500)]
    sync_delay_ms: u64,
    /// How long a consent page stays usable.
    #[arg(long, value_name = "N", default_value_t = 600)]
    consent_ttl_secs: u64,
    /// An origin allowed by CORS besides loopback ones (repeatable).
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origins: Vec<String>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = Config {
        port: args.port,
        static_dir: args.static_dir,
        state_file: args.state,
        seed_file: args.seed,
        token: args.token,
        sync_delay_ms: args.sync_delay_ms,
        consent_ttl_secs: args.consent_ttl_secs,
        allow_origins: args.allow_origins,
    };
    let (addr, server) = match serve(config).await {
        Ok(running) => running,
        Err(error) => {
            eprintln!("wix-emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Test harnesses read the port from this first line, so flush it right away.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "wix-emulator listening on http://{addr}");
    let _ = stdout.flush();
    tokio::select! {
        _ = server.wait() => ExitCode::FAILURE,
        _ = tokio::signal::ctrl_c() => ExitCode::SUCCESS,
    }
}
