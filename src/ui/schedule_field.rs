use leptos::prelude::*;

use crate::flow::guid::is_guid;
use crate::messages as m;

/// The "Schedule ID" text field with its GUID check. The inline error appears once the person
/// has left the field (or when a prefilled value is wrong) and disappears as soon as the value
/// is valid; the typed text is never changed or cleared.
///
/// ```ignore
/// let schedule = RwSignal::new(String::new());
/// view! { <ScheduleField id="cc1-schedule".to_owned() value=schedule /> }
/// ```
#[component]
pub fn ScheduleField(
    /// Element ID of the input (unique per widget instance).
    id: String,
    /// The text as typed, shared with the rest of the widget.
    #[prop(into)]
    value: RwSignal<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let touched = RwSignal::new(!value.get_untracked().trim().is_empty());
    let invalid = move || {
        let text = value.get();
        let text = text.trim();
        touched.get() && !text.is_empty() && !is_guid(text)
    };
    view! {
        <div class="cc-field">
            <label for=id.clone()>{m::schedule_label()}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| touched.set(true)
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=format!("{hint_id} {error_id}")
            />
            <p id=hint_id class="cc-hint">{m::schedule_hint()}</p>
            <p id=error_id class="cc-error" aria-live="polite">
                {move || invalid().then_some(m::schedule_invalid())}
            </p>
        </div>
    }
}
