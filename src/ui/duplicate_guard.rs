use leptos::prelude::*;

use crate::manage::duplicate::GuardChoice;
use crate::messages as m;
use crate::ui::{ConfirmAction, ConfirmDialog};

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
    let choice = |label, choice| ConfirmAction {
        label,
        on_click: Callback::new(move |()| on_choice.run(choice)),
    };
    view! {
        <ConfirmDialog
            question=question
            question_id=format!("{id}-text")
            advice=m::already_connected_advice()
            advice_id=format!("{id}-advice")
            action=choice(m::reconnect(), GuardChoice::Reconnect)
            secondary=choice(m::connect_another(), GuardChoice::ConnectAnother)
            on_cancel=Callback::new(move |()| on_choice.run(GuardChoice::Cancel))
        />
    }
}
