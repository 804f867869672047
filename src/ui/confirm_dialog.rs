use leptos::html::Button;
use leptos::prelude::*;

use crate::messages as m;

/// One choice of a [`ConfirmDialog`] other than its Cancel.
#[derive(Clone, Copy)]
pub struct ConfirmAction {
    /// Visible label (also the accessible name).
    pub label: &'static str,
    /// What choosing it does.
    pub on_click: Callback<()>,
}

/// An inline `alertdialog` that asks before something a person may not mean: the question names
/// it, the advice describes it, and its buttons are a primary action, an optional secondary one
/// and Cancel, which Escape also runs. Escape stops at the dialog, and neither cancels while the
/// primary action is busy. It is shown while there is a question and takes the focus when it
/// opens; giving the focus back after it closes is the caller's, which knows the opener.
///
/// ```ignore
/// view! {
///     <ConfirmDialog
///         question=Signal::derive(move || confirming.get().then(|| question.clone()))
///         question_id="cc-row1-question".to_owned()
///         advice=m::confirm_disconnect_advice()
///         advice_id="cc-row1-advice".to_owned()
///         action=ConfirmAction { label: m::disconnect(), on_click }
///         busy=busy.into()
///         focus_cancel=true
///         on_cancel=close
///     />
/// }
/// ```
#[component]
pub fn ConfirmDialog(
    /// The question; the dialog is shown while it is `Some`.
    #[prop(into)]
    question: Signal<Option<String>>,
    /// Element ID of the question (unique on the page).
    question_id: String,
    /// What the choices do.
    advice: &'static str,
    /// Element ID of the advice (unique on the page).
    advice_id: String,
    /// The primary action, first in the row.
    action: ConfirmAction,
    /// `aria-busy` of the primary action while it runs; without it the attribute is left out.
    #[prop(optional)]
    busy: Option<Signal<bool>>,
    /// A secondary action, between the primary one and Cancel.
    #[prop(optional)]
    secondary: Option<ConfirmAction>,
    /// Focus Cancel when the dialog opens instead of the primary action: for a primary action
    /// that cannot be undone, so that a stray Enter does not run it.
    #[prop(optional)]
    focus_cancel: bool,
    /// Run by Cancel and by Escape.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let primary_ref = NodeRef::<Button>::new();
    let cancel_ref = NodeRef::<Button>::new();
    let focus_ref = if focus_cancel {
        cancel_ref
    } else {
        primary_ref
    };
    // While the primary action runs (a Disconnect on its way) it can't be called back: Cancel
    // and Escape would close the question and then the action would complete anyway.
    let cancel = move || {
        if !busy.is_some_and(|busy| busy.get_untracked()) {
            on_cancel.run(());
        }
    };
    // The button exists only while the dialog is open, so this runs on every opening.
    Effect::new(move |_| {
        if let Some(button) = focus_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <Show when=move || question.with(Option::is_some)>
            <div
                class="cc-confirm"
                role="alertdialog"
                aria-labelledby=question_id.clone()
                aria-describedby=advice_id.clone()
                on:keydown=move |ev| {
                    // The dialog takes the focus as it opens, often under a key still held
                    // down on Connect or Disconnect: its repeats must not answer the question.
                    if ev.repeat() && matches!(ev.key().as_str(), "Enter" | " ") {
                        ev.prevent_default();
                    }
                    if ev.key() == "Escape" {
                        // Escape answered this question: a host that closes its own dialog or
                        // panel on Escape must not see it too.
                        ev.stop_propagation();
                        cancel();
                    }
                }
            >
                <p id=question_id.clone() class="cc-notice__title">{move || question.get()}</p>
                <p id=advice_id.clone()>{advice}</p>
                <div class="cc-actions">
                    <button
                        type="button"
                        class="cc-button"
                        aria-busy=busy.map(|busy| move || busy.get().to_string())
                        node_ref=primary_ref
                        on:click=move |_| action.on_click.run(())
                    >
                        {action.label}
                    </button>
                    {secondary
                        .map(|ConfirmAction { label, on_click }| {
                            view! {
                                <button
                                    type="button"
                                    class="cc-button cc-button--secondary"
                                    on:click=move |_| on_click.run(())
                                >
                                    {label}
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="cc-button cc-button--secondary"
                        node_ref=cancel_ref
                        on:click=move |_| cancel()
                    >
                        {m::cancel()}
                    </button>
                </div>
            </div>
        </Show>
    }
}
