//! Pure logic of the OAuth round trip, free of `web_sys` so that it is unit-tested natively:
//!
//! - [`guid`]: is the typed schedule ID a GUID;
//! - [`attempt`]: the record remembered across the round trip, and matching a return to it;
//! - [`redirect`]: the `redirectUrl` sent to Wix (host parameters kept, `cc_attempt` added);
//! - [`oauth_url`]: whether the `oauthUrl` Wix returned may be navigated to;
//! - [`returning`]: reading the result from the address bar and cleaning it up afterwards;
//! - [`feedback`]: outcomes and API errors turned into notices (text from `crate::messages`).

pub mod attempt;
pub mod feedback;
pub mod guid;
pub mod oauth_url;
pub mod redirect;
pub mod returning;
