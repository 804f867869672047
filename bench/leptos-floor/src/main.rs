//! One signal, one text input, one button and one `<Show>`: what any Leptos widget pays before
//! its own code.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let clicks = RwSignal::new(0u32);
        let text = RwSignal::new(String::new());
        view! {
            <form on:submit=move |ev| ev.prevent_default()>
                <input prop:value=text on:input=move |ev| text.set(event_target_value(&ev)) />
                <button on:click=move |_| clicks.update(|n| *n += 1)>
                    "Clicked " {move || clicks.get()}
                </button>
                <Show when=move || clicks.get() % 2 == 0>
                    <p role="status">"Even"</p>
                </Show>
            </form>
        }
    });
}
