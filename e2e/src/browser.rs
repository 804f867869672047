//! Real headless browsers driven over WebDriver: which one (from `E2E_BROWSER`), its driver
//! process on a free port, and a session with a fresh profile inside the test's temp root.

use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};

use crate::process::Supervised;
use crate::site::TempRoot;

/// The viewport every session gets: narrow, like a widget in a dashboard column.
pub const WINDOW: (u32, u32) = (480, 720);

/// The browser a test run drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserKind {
    /// Headless Chromium through chromedriver.
    Chromium,
    /// Headless Firefox ESR through geckodriver.
    Firefox,
}

impl BrowserKind {
    /// `E2E_BROWSER=chromium|firefox`; Chromium when unset.
    pub fn from_env() -> Self {
        match std::env::var("E2E_BROWSER").as_deref() {
            Err(_) | Ok("") | Ok("chromium") | Ok("chrome") => Self::Chromium,
            Ok("firefox") => Self::Firefox,
            Ok(other) => panic!("E2E_BROWSER={other:?}: expected `chromium` or `firefox`"),
        }
    }

    /// The lower-case name, as in `E2E_BROWSER`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
        }
    }
}

/// A WebDriver session on a browser of its own; the driver and browser are killed on drop.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    /// Which browser this is.
    pub kind: BrowserKind,
    _driver: Supervised,
}

impl Browser {
    /// Starts the driver for `kind` on a free port and opens a session whose profile lives
    /// in `root`.
    pub async fn launch(kind: BrowserKind, root: &TempRoot) -> Self {
        let port = free_port();
        let (mut command, capabilities) = match kind {
            BrowserKind::Chromium => {
                let mut command = Command::new(env_or("E2E_CHROMEDRIVER", "/usr/bin/chromedriver"));
                command.arg(format!("--port={port}"));
                (command, chromium_capabilities(root))
            }
            BrowserKind::Firefox => {
                let mut command = Command::new(env_or("E2E_GECKODRIVER", "geckodriver"));
                command
                    .arg("--port")
                    .arg(port.to_string())
                    .arg("--profile-root")
                    .arg(root.path());
                (command, firefox_capabilities())
            }
        };
        // Browsers keep sockets and scratch files in TMPDIR and leave them behind when
        // killed: keep them in the test's temp root, which is removed.
        command.env("TMPDIR", root.path());
        let (driver, _) = Supervised::spawn(
            match kind {
                BrowserKind::Chromium => "chromedriver",
                BrowserKind::Firefox => "geckodriver",
            },
            command,
            Some(root.path()),
            false,
        );
        wait_for_port(port, &driver);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|error| {
                panic!(
                    "could not open a {} session: {error}\n{}",
                    kind.name(),
                    driver.output()
                )
            });
        client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .expect("setting the window size");
        Self {
            client,
            kind,
            _driver: driver,
        }
    }
}

fn chromium_capabilities(root: &TempRoot) -> Map<String, Value> {
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=en-US",
    ]
    .iter()
    .map(|arg| (*arg).to_owned())
    .chain([
        format!("--window-size={},{}", WINDOW.0, WINDOW.1),
        format!(
            "--user-data-dir={}",
            root.path().join("chromium-profile").display()
        ),
    ])
    .collect::<Vec<_>>();
    capabilities(json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": env_or("E2E_CHROMIUM", "/usr/bin/chromium"),
            "args": args,
        },
    }))
}

fn firefox_capabilities() -> Map<String, Value> {
    capabilities(json!({
        "browserName": "firefox",
        "moz:firefoxOptions": {
            "binary": env_or("E2E_FIREFOX", "/usr/bin/firefox"),
            "args": ["-headless"],
            // Nothing may reach out to the network: this machine has none.
            "prefs": {
                "app.update.disabledForTesting": true,
                "browser.region.network.url": "",
                "browser.safebrowsing.downloads.enabled": false,
                "browser.safebrowsing.malware.enabled": false,
                "browser.safebrowsing.phishing.enabled": false,
                "browser.search.update": false,
                "datareporting.healthreport.uploadEnabled": false,
                "datareporting.policy.dataSubmissionEnabled": false,
                "extensions.getAddons.cache.enabled": false,
                "extensions.update.enabled": false,
                "intl.accept_languages": "en-US",
                "network.captive-portal-service.enabled": false,
                "network.connectivity-service.enabled": false,
                "network.dns.disablePrefetch": true,
                "network.prefetch-next": false,
                "toolkit.telemetry.enabled": false,
            },
        },
    }))
}

/// Adds what both browsers share: prompts are left open so that a test can see them (a
/// `javascript:` URL that ran would open one), and scripts (axe) may run for a while.
fn capabilities(specific: Value) -> Map<String, Value> {
    let Value::Object(mut map) = specific else {
        unreachable!("capabilities are built from an object literal")
    };
    map.insert("unhandledPromptBehavior".into(), json!("ignore"));
    map.insert(
        "timeouts".into(),
        json!({ "script": 60_000, "pageLoad": 30_000 }),
    );
    map
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("binding a free loopback port")
}

fn wait_for_port(port: u16, driver: &Supervised) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "the WebDriver server did not listen on port {port} within 20 s\n{}",
            driver.output()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
