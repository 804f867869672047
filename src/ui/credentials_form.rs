use std::rc::Rc;

use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::model::{ConnectByCredentialsRequest, Connection};
use crate::flow::feedback::{Notice, Tone};
use crate::manage::credentials::{failure_notice, validate, FormErrors};
use crate::messages as m;
use crate::ui::Environment;

/// A connection that Connect By Credentials made, with the schedule and provider it was asked
/// for: the choices shown may have changed while the request ran.
#[derive(Debug, Clone)]
pub struct CredentialsConnected {
    /// The connection Wix returned.
    pub connection: Connection,
    /// The schedule sent.
    pub schedule_id: String,
    /// The provider's ID.
    pub provider_id: String,
    /// The provider's name.
    pub provider_name: String,
}

/// Connect By Credentials for a provider without OAuth (Apple): the account's email and a
/// password, with a hint about app-specific passwords. The password is read from the field when
/// the form is sent, is never put in a signal, storage or log, and the field is emptied as soon
/// as the request is over, whatever its result. When the widget asks for the focus (Reconnect of
/// a broken connection), the password field is emptied and the focus goes to the password if
/// the email is already filled in, else to the email.
///
/// ```ignore
/// view! { <CredentialsForm env schedule provider_id provider_name email focus busy on_notice on_connected id="cc1-credentials".to_owned() /> }
/// ```
#[component]
pub fn CredentialsForm(
    /// Client.
    env: StoredValue<Environment, LocalStorage>,
    /// The schedule to connect (a valid schedule ID, or the form refuses to send).
    #[prop(into)]
    schedule: Signal<String>,
    /// The provider's ID.
    provider_id: String,
    /// The provider's name.
    provider_name: String,
    /// The email typed (owned by the widget, which prefills it to reconnect an account).
    email: RwSignal<String>,
    /// Set by the widget to move the focus into the form; cleared once done.
    focus: RwSignal<bool>,
    /// Whether a request is under way. Owned by the widget, so that a request outlives the form:
    /// choosing another provider meanwhile removes the form, not the request or its answer.
    busy: RwSignal<bool>,
    /// Whether another attempt (OAuth) is under way: one attempt at a time.
    #[prop(into)]
    blocked: Signal<bool>,
    /// Element ID of the widget's Schedule ID field, where the focus goes when the schedule
    /// is missing or not valid.
    schedule_field: String,
    /// Progress while the request runs, and the notice explaining a failure.
    on_notice: Callback<Notice>,
    /// The new connection and what it was made for (to be verified before anything is
    /// announced).
    on_connected: Callback<CredentialsConnected>,
    /// Element ID prefix (unique per widget instance).
    id: String,
) -> impl IntoView {
    let errors = RwSignal::new(FormErrors::default());
    let schedule_missing = RwSignal::new(false);
    let email_ref = NodeRef::<Input>::new();
    let password_ref = NodeRef::<Input>::new();
    let (email_id, password_id) = (format!("{id}-email"), format!("{id}-password"));
    let (email_error_id, password_error_id, hint_id, heading_id, schedule_error_id) = (
        format!("{id}-email-error"),
        format!("{id}-password-error"),
        format!("{id}-password-hint"),
        format!("{id}-heading"),
        format!("{id}-schedule-error"),
    );

    let on_submit = {
        let provider_name = provider_name.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() || blocked.get_untracked() {
                return;
            }
            // The schedule is checked here as Connect checks it: nothing, and above all no
            // password, is sent for a schedule Wix would refuse.
            let schedule_id = schedule.get_untracked();
            schedule_missing.set(schedule_id.is_empty());
            if schedule_id.is_empty() {
                if let Some(field) = document().get_element_by_id(&schedule_field) {
                    let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                }
                return;
            }
            let Some(field) = password_ref.get_untracked() else {
                return;
            };
            let typed_email = email.get_untracked().trim().to_owned();
            if let Err(found) = validate(&typed_email, &field.value()) {
                errors.set(found);
                let first = if found.email.is_some() {
                    email_ref.get_untracked()
                } else {
                    Some(field)
                };
                if let Some(first) = first {
                    let _ = first.focus();
                }
                return;
            }
            errors.set(FormErrors::default());
            busy.set(true);
            on_notice.run(Notice::new(
                Tone::Progress,
                m::connecting_account(&provider_name),
                "",
                "connecting",
            ));
            let request = ConnectByCredentialsRequest {
                schedule_id,
                provider_id: provider_id.clone(),
                email: typed_email,
                password: field.value(),
            };
            let client = env.with_value(|env| Rc::clone(&env.client));
            let (provider_id, provider_name) = (provider_id.clone(), provider_name.clone());
            spawn_local(async move {
                let result = client.connect_by_credentials(&request).await;
                let schedule_id = request.schedule_id.clone();
                drop(request);
                field.set_value("");
                // The host unmounted the widget meanwhile: nobody is left to tell.
                if busy.is_disposed() {
                    return;
                }
                busy.set(false);
                match result {
                    Ok(connection) => on_connected.run(CredentialsConnected {
                        connection,
                        schedule_id,
                        provider_id,
                        provider_name,
                    }),
                    Err(error) => on_notice.run(failure_notice(&error, &provider_name)),
                }
            });
        }
    };

    // Runs once the fields exist, so it also serves a form that a reconnect has just opened.
    Effect::new(move |_| {
        let (Some(email_field), Some(password_field)) = (email_ref.get(), password_ref.get())
        else {
            return;
        };
        if !focus.get() {
            return;
        }
        focus.set(false);
        password_field.set_value("");
        errors.set(FormErrors::default());
        let _ = if email.get_untracked().trim().is_empty() {
            email_field.focus()
        } else {
            password_field.focus()
        };
    });

    let labelled_by = heading_id.clone();
    view! {
        <form class="cc-form cc-credentials" novalidate on:submit=on_submit aria-labelledby=labelled_by>
            <h3 id=heading_id class="cc-panel__title">{m::credentials_heading(&provider_name)}</h3>
            <div class="cc-field">
                <label for=email_id.clone()>{m::email_label()}</label>
                <input
                    id=email_id
                    type="email"
                    autocomplete="email"
                    spellcheck="false"
                    node_ref=email_ref
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))
                    aria-invalid=move || errors.get().email.map(|_| "true")
                    aria-describedby=email_error_id.clone()
                />
                <p id=email_error_id class="cc-error">{move || errors.get().email}</p>
            </div>
            <div class="cc-field">
                <label for=password_id.clone()>{m::password_label()}</label>
                <input
                    id=password_id
                    type="password"
                    autocomplete="off"
                    node_ref=password_ref
                    aria-invalid=move || errors.get().password.map(|_| "true")
                    aria-describedby=format!("{hint_id} {password_error_id}")
                />
                <p id=hint_id class="cc-hint">{m::password_hint()}</p>
                <p id=password_error_id class="cc-error">{move || errors.get().password}</p>
            </div>
            <div class="cc-actions">
                <button
                    type="submit"
                    class="cc-button"
                    aria-busy=move || busy.get().to_string()
                    disabled=move || blocked.get()
                    aria-describedby=schedule_error_id.clone()
                >
                    <span class="cc-spinner" aria-hidden="true"></span>
                    {m::connect_account(&provider_name)}
                </button>
            </div>
            <p id=schedule_error_id class="cc-error" aria-live="polite">
                {move || (schedule_missing.get() && schedule.get().is_empty()).then(m::schedule_first)}
            </p>
        </form>
    }
}
