use leptos::prelude::*;

/// A labelled on/off switch (a native checkbox with `role="switch"`) whose state is driven from
/// outside: after a change the parent decides what it shows.
///
/// ```ignore
/// view! { <Switch label="Export" checked=shown on_change=move |ev| save(event_target_checked(&ev)) /> }
/// ```
#[component]
pub fn Switch(
    /// Visible label (also the accessible name).
    label: &'static str,
    /// What the switch shows.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the change event; it may or may not change `checked`.
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <label class="cc-check cc-switch">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || checked.get()
                on:change=move |ev| {
                    on_change(ev.clone());
                    // Show the parent's value, not the click's, when the parent refused it.
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    input.set_checked(checked.get_untracked());
                }
            />
            {label}
        </label>
    }
}
