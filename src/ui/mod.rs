//! Leptos components, one per file. [`CalendarConnect`] is the whole widget; the others are its
//! parts and take small props (signals where a host or parent drives them).

mod calendar_connect;
mod connect_button;
mod outcome;
mod provider_mark;
mod provider_picker;
mod schedule_field;

pub use calendar_connect::{CalendarConnect, Environment};
pub use connect_button::ConnectButton;
pub use outcome::Outcome;
pub use provider_mark::ProviderMark;
pub use provider_picker::ProviderPicker;
pub use schedule_field::ScheduleField;
