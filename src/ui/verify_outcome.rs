use leptos::prelude::*;

use crate::messages as m;

/// What a person can do after a verification that did not confirm a working connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyAction {
    /// The connection is broken: run the OAuth flow again for the same provider and schedule.
    Reconnect,
    /// The check itself failed: read the connection again.
    CheckAgain,
}

/// The action button under the outcome of a verification (nothing while `None`).
///
/// ```ignore
/// view! { <VerifyOutcome action=action on_action=on_action /> }
/// ```
#[component]
pub fn VerifyOutcome(
    /// Which action to offer.
    #[prop(into)]
    action: Signal<Option<VerifyAction>>,
    /// Runs it.
    on_action: Callback<VerifyAction>,
) -> impl IntoView {
    move || {
        action.get().map(|chosen| {
            let text = match chosen {
                VerifyAction::Reconnect => m::reconnect(),
                VerifyAction::CheckAgain => m::verify_again(),
            };
            view! {
                <div class="cc-actions">
                    <button
                        type="button"
                        class="cc-button cc-button--secondary"
                        on:click=move |_| on_action.run(chosen)
                    >
                        {text}
                    </button>
                </div>
            }
        })
    }
}
