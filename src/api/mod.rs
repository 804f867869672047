//! Typed client for the Wix External Calendars v2 API: [`model`] (serde types for all nine
//! methods), [`error`] (the one error enum), [`path`] (request paths that carry an ID),
//! [`header`] (the `Authorization` value a request can carry) and, in the browser, `client`
//! (the gloo-net calls).

pub mod error;
pub mod header;
pub mod model;
pub mod path;

#[cfg(target_arch = "wasm32")]
pub mod client;
