use leptos::html::Button;
use leptos::prelude::*;

use crate::manage::duplicate::GuardChoice;
use crate::messages as m;

/// Shown instead of starting a second OAuth connection of a provider the schedule already has:
/// an inline `alertdialog` that names the existing connection and offers "Reconnect",
/// "Connect another account" and "Cancel" (also Escape). It takes the focus when it opens.
///
/// ```ignore
/// view! { <DuplicateGuard question=question on_choice=on_choice id="cc1-guard".to_owned() /> }
/// ```
#[component]
pub fn DuplicateGuard(
    /// What to say about the existing connection; nothing is shown while `None`.
    #[prop(into)]
    question: Signal<Option<String>>,
    /// What the person chose.
    on_choice: Callback<GuardChoice>,
    /// Element ID prefix (unique per widget instance).
    id: String,
) -> impl IntoView {
    let first_ref = NodeRef::<Button>::new();
    Effect::new(move |_| {
        if let Some(button) = first_ref.get() {
            let _ = button.focus();
        }
    });
    let (text_id, advice_id) = (format!("{id}-text"), format!("{id}-advice"));
    view! {
        <Show when=move || question.with(Option::is_some)>
            <div
                class="cc-confirm"
                role="alertdialog"
                aria-labelledby=text_id.clone()
                aria-describedby=advice_id.clone()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_choice.run(GuardChoice::Cancel);
                    }
                }
            >
                <p id=text_id.clone() class="cc-notice__title">{move || question.get()}</p>
                <p id=advice_id.clone()>{m::already_connected_advice()}</p>
                <div class="cc-actions">
                    <button
                        type="button"
                        class="cc-button"
                        node_ref=first_ref
                        on:click=move |_| on_choice.run(GuardChoice::Reconnect)
                    >
                        {m::reconnect()}
                    </button>
                    <button
                        type="button"
                        class="cc-button cc-button--secondary"
                        on:click=move |_| on_choice.run(GuardChoice::ConnectAnother)
                    >
                        {m::connect_another()}
                    </button>
                    <button
                        type="button"
                        class="cc-button cc-button--secondary"
                        on:click=move |_| on_choice.run(GuardChoice::Cancel)
                    >
                        {m::cancel()}
                    </button>
                </div>
            </div>
        </Show>
    }
}
