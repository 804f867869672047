use leptos::prelude::*;

use crate::api::model::CalendarType;

/// A small recognisable badge for a provider's kind of calendar. Decorative: the provider's name
/// next to it is what assistive technology reads, so the badge is `aria-hidden`.
///
/// ```ignore
/// view! { <ProviderMark calendar_type=Some(CalendarType::Google) /> }
/// ```
#[component]
pub fn ProviderMark(calendar_type: Option<CalendarType>) -> impl IntoView {
    // The deprecated OUTLOOK and OFFICE_365 values are Microsoft too.
    let (kind, letter) = match calendar_type {
        Some(CalendarType::Google) => ("google", "G"),
        Some(CalendarType::Microsoft | CalendarType::Outlook | CalendarType::Office365) => {
            ("microsoft", "M")
        }
        Some(CalendarType::ICal) => ("ical", "iC"),
        Some(CalendarType::Other) => ("other", "+"),
        Some(CalendarType::Undefined | CalendarType::Unknown) | None => ("unknown", "?"),
    };
    view! {
        <span class=format!("cc-mark cc-mark--{kind}") aria-hidden="true">
            {letter}
        </span>
    }
}
