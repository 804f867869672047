use leptos::html::Div;
use leptos::prelude::*;

use crate::flow::feedback::{Notice, Tone};
use crate::messages as m;

/// The outcome region: progress and success in a `role="status"` region, failures in a
/// `role="alert"` region. Both regions always exist, so screen readers pick up changes; both are
/// focusable (`tabindex=-1`) so that the widget can move focus to the outcome after a return.
/// Every value is rendered as text, including raw values in the details disclosure.
///
/// ```ignore
/// view! { <Outcome notice=notice status_ref=status_ref alert_ref=alert_ref /> }
/// ```
#[component]
pub fn Outcome(
    /// What to show, if anything.
    #[prop(into)]
    notice: Signal<Option<Notice>>,
    /// The `status` region, for focusing.
    status_ref: NodeRef<Div>,
    /// The `alert` region, for focusing.
    alert_ref: NodeRef<Div>,
) -> impl IntoView {
    let shown = move |failure: bool| {
        notice
            .get()
            .filter(|n| (n.tone == Tone::Failure) == failure)
            .map(render)
    };
    view! {
        <div class="cc-outcome" role="status" tabindex="-1" node_ref=status_ref>
            {move || shown(false)}
        </div>
        <div class="cc-outcome" role="alert" tabindex="-1" node_ref=alert_ref>
            {move || shown(true)}
        </div>
    }
}

fn render(notice: Notice) -> impl IntoView {
    let tone = match notice.tone {
        Tone::Progress => "progress",
        Tone::Success => "success",
        Tone::Note => "note",
        Tone::Failure => "failure",
    };
    view! {
        <div class=format!("cc-notice cc-notice--{tone}")>
            <p class="cc-notice__title">{notice.title}</p>
            {(!notice.advice.is_empty())
                .then(|| view! { <p class="cc-notice__advice">{notice.advice}</p> })}
            {notice
                .details
                .map(|details| {
                    view! {
                        <details class="cc-notice__details">
                            <summary>{m::details()}</summary>
                            <code>{details}</code>
                        </details>
                    }
                })}
        </div>
    }
}
