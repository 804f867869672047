//! calendar-connect: a Leptos widget that connects a Wix Bookings schedule to an external
//! calendar (Google, Microsoft, Apple, app providers) through the Wix External Calendars v2 API.
//!
//! The folders are the architecture:
//! - [`api`]: typed client (serde model of all nine methods, one error enum, gloo-net calls);
//! - [`flow`]: pure logic of the OAuth round trip (attempt record, redirect URL, return parsing,
//!   `oauthUrl` check, messages for outcomes and errors), unit-tested natively;
//! - [`manage`]: pure logic of what follows a connection (verification, connections panel,
//!   sync settings, upcoming events, credentials form, duplicate guard), unit-tested natively;
//! - [`messages`]: every user-facing English string;
//! - [`config`]: settings from data attributes or JS options;
//! - `browser` (wasm only): the one module touching location, history, storage, events;
//! - `ui` (wasm only): Leptos components, one per file;
//! - `embed` (wasm only): `mount()`/`unmount()` for host pages and the standalone entry.

pub mod api;
pub mod config;
pub mod flow;
pub mod manage;
pub mod messages;
pub mod percent;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
