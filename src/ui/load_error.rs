use leptos::prelude::*;

/// Why something couldn't be loaded: a lead naming what ("We couldn't load the calendar
/// providers."), the failure's headline and advice, and a Retry when the caller can load again.
///
/// ```ignore
/// view! { <LoadError lead=m::calendars_failed() title advice alert=true on_retry /> }
/// ```
#[component]
pub fn LoadError(
    /// What couldn't be loaded.
    lead: &'static str,
    /// The failure's headline.
    title: String,
    /// What to do about it.
    advice: String,
    /// Announce it as an alert; otherwise it sits in the caller's own live region (or none).
    #[prop(optional)]
    alert: bool,
    /// Loads again; no Retry button without it.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="cc-load-error" role=alert.then_some("alert")>
            <p class="cc-notice__title">{lead} " " {title}</p>
            <p class="cc-notice__advice">{advice}</p>
            {on_retry
                .map(|retry| {
                    view! {
                        <button type="button" class="cc-button cc-button--secondary" on:click=move |_| retry.run(())>
                            {crate::messages::retry()}
                        </button>
                    }
                })}
        </div>
    }
}
