//! End-to-end harness for calendar-connect: real headless Chromium and Firefox, driven over
//! WebDriver, against the Wix emulator serving the release build of the widget.
//!
//! A test reads like the journey it checks:
//!
//! ```no_run
//! # async fn journey() {
//! use e2e::{World, GOOGLE, SCHEDULE};
//! let world = World::start().await;
//! let widget = world.open("host.html?tenant=acme").await;
//! widget.choose_provider(GOOGLE).await;
//! widget.type_schedule_id(SCHEDULE).await;
//! widget.click_connect().await;
//! world.consent_page().await.allow().await;
//! widget.see_success_naming(GOOGLE).await;
//! # }
//! ```
//!
//! Configuration comes from the environment (`scripts/e2e.sh` sets it): `E2E_BROWSER`
//! (`chromium` or `firefox`), `E2E_DIST` (the trunk release build), `E2E_EMULATOR` (the
//! `wix-emulator` binary), `E2E_SCREENSHOTS=1` to write `docs/screenshots/*.png`.

pub mod audit;
pub mod browser;
pub mod consent;
pub mod emulator;
pub mod manage_page;
pub mod process;
pub mod site;
pub mod widget;
pub mod world;

pub use browser::BrowserKind;
pub use emulator::Fault;
pub use world::World;

/// The seeded OAuth provider the journeys connect.
pub const GOOGLE: &str = "Google Calendar";
/// The seeded provider that connects with credentials, not OAuth.
pub const APPLE: &str = "Apple Calendar";
/// A valid schedule ID (a GUID).
pub const SCHEDULE: &str = "2d5a3b1c-8f0e-4c6a-9b7d-1e2f3a4b5c6d";
