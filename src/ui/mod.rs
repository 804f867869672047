//! Leptos components, one per file. [`CalendarConnect`] is the whole widget; the others are its
//! parts and take small props (signals where a host or parent drives them).

mod calendar_connect;
mod confirm_dialog;
mod connect_button;
mod connection_row;
mod connections_panel;
mod credentials_form;
mod duplicate_guard;
mod load_error;
mod outcome;
mod provider_mark;
mod provider_picker;
mod schedule_field;
mod switch;
mod sync_settings;
mod upcoming_events;
mod verify_outcome;

pub use calendar_connect::{CalendarConnect, Environment};
pub use confirm_dialog::{ConfirmAction, ConfirmDialog};
pub use connect_button::ConnectButton;
pub use connection_row::ConnectionRow;
pub use connections_panel::ConnectionsPanel;
pub use credentials_form::{CredentialsConnected, CredentialsForm};
pub use duplicate_guard::DuplicateGuard;
pub use load_error::LoadError;
pub use outcome::Outcome;
pub use provider_mark::ProviderMark;
pub use provider_picker::ProviderPicker;
pub use schedule_field::ScheduleField;
pub use switch::Switch;
pub use sync_settings::SyncSettings;
pub use upcoming_events::UpcomingEvents;
pub use verify_outcome::{VerifyAction, VerifyOutcome};
