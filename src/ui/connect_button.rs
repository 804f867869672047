use leptos::prelude::*;

use crate::messages as m;

/// The "Connect" submit button. Disabled until a provider that connects by OAuth and a valid
/// schedule are chosen; while a request runs it stays focusable but is marked busy, and the form
/// ignores further submits, so a double click or a held Enter sends one request.
///
/// ```ignore
/// view! { <ConnectButton ready=ready busy=busy hint=hint hint_id="cc1-connect-hint".to_owned() /> }
/// ```
#[component]
pub fn ConnectButton(
    /// Whether the choices allow connecting.
    #[prop(into)]
    ready: Signal<bool>,
    /// Whether a connection attempt is under way.
    #[prop(into)]
    busy: Signal<bool>,
    /// Why the button is disabled, if that needs saying.
    #[prop(into)]
    hint: Signal<Option<&'static str>>,
    /// Element ID of the hint (unique per widget instance).
    hint_id: String,
) -> impl IntoView {
    view! {
        <div class="cc-actions">
            <button
                type="submit"
                class="cc-button"
                disabled=move || !ready.get()
                aria-disabled=move || busy.get().then_some("true")
                aria-busy=move || busy.get().to_string()
                aria-describedby=hint_id.clone()
            >
                <span class="cc-spinner" aria-hidden="true"></span>
                {m::connect()}
            </button>
            <p id=hint_id class="cc-hint">{move || hint.get()}</p>
        </div>
    }
}
