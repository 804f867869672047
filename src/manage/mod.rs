//! Pure logic of what happens after a calendar is connected, free of `web_sys` so that it is
//! unit-tested natively:
//!
//! - [`verify`]: reading a returned connection back before announcing success;
//! - [`rows`]: the connections panel's rows (provider, account, status in words);
//! - [`refresh`]: how often the panel reloads while something is syncing;
//! - [`duplicate`]: the guard against connecting the same provider twice by accident;
//! - [`sync`]: sync settings a provider offers, and the masked Update Sync Config requests;
//! - [`events`]: the upcoming-events window, paging and grouping by local day;
//! - [`credentials`]: the email and password form of Connect By Credentials.
//!
//! Their text comes from `crate::messages`, like the rest of the widget's.

pub mod credentials;
pub mod duplicate;
pub mod events;
pub mod refresh;
pub mod rows;
pub mod sync;
pub mod verify;
