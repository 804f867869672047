use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::html::Button;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::model::{Connection, Provider};
use crate::browser;
use crate::flow::feedback::connection_error_notice;
use crate::manage::rows;
use crate::manage::sync::offer;
use crate::messages as m;
use crate::ui::{ConfirmAction, ConfirmDialog, Environment, SyncSettings};

/// A page-wide unique element-ID prefix for a row (two widgets may show the same connection).
fn next_row_id() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!("cc-row{}", COUNTER.fetch_add(1, Ordering::Relaxed) + 1)
}

/// One connection of the schedule: provider, account, status in words (the colour of the badge
/// only repeats it) and, when broken, what went wrong. Reconnect runs the OAuth flow again, or
/// for a broken connection of a provider that takes credentials opens its email and password
/// form (`manage::rows::reconnect_by`);
/// Disconnect first asks in an inline `alertdialog` (Escape or Cancel keep the connection) and
/// treats 428 `CONNECTION_ALREADY_DISCONNECTED` as done; "Sync settings" opens the settings the
/// provider allows.
///
/// ```ignore
/// view! { <ConnectionRow env row connection provider on_reconnect on_disconnected on_changed /> }
/// ```
#[component]
pub fn ConnectionRow(
    /// Client and host element.
    env: StoredValue<Environment, LocalStorage>,
    /// What the row shows.
    row: rows::ConnectionRow,
    /// The connection itself, as last loaded or saved: sync settings open with it.
    #[prop(into)]
    connection: Signal<Connection>,
    /// Its provider, if List Providers has it.
    provider: Option<Provider>,
    /// Connects this provider ID again; with the account's email, when known, to prefill.
    on_reconnect: Callback<(String, Option<String>)>,
    /// Called with the message to announce once the connection is gone (`Ok`), or with why it
    /// couldn't be disconnected (`Err`) when the row was redrawn meanwhile and can't say so
    /// itself.
    on_disconnected: Callback<Result<String, String>>,
    /// Called with the connection as saved when its settings changed.
    on_changed: Callback<Connection>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let expanded = RwSignal::new(false);
    let disconnect_ref = NodeRef::<Button>::new();

    let rows::ConnectionRow {
        id,
        provider_id,
        provider_name,
        account,
        status_text,
        kind,
        problem,
        replaced,
        ..
    } = row;
    let loaded = connection.get_untracked();
    let can_reconnect = !replaced && rows::reconnect_by(provider.as_ref(), loaded.status).is_some();
    let known_email = rows::known_email(&loaded);
    let features = provider.and_then(|p| p.features);
    let has_settings = !offer(features.as_ref()).is_empty();
    let dom_id = next_row_id();
    let settings_id = format!("{dom_id}-settings");

    let close = move || {
        confirming.set(false);
        if let Some(button) = disconnect_ref.get_untracked() {
            let _ = button.focus();
        }
    };

    let disconnect = {
        let id = id.clone();
        let provider_id = provider_id.clone();
        let provider_name = provider_name.clone();
        let schedule_id = loaded.schedule_id.clone().unwrap_or_default();
        move |()| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            error.set(None);
            let (client, host) = env.with_value(|env| (Rc::clone(&env.client), env.host.clone()));
            let (id, provider_id, provider_name, schedule_id) = (
                id.clone(),
                provider_id.clone(),
                provider_name.clone(),
                schedule_id.clone(),
            );
            spawn_local(async move {
                let result = client.disconnect(&id).await;
                // The host unmounted the widget meanwhile: no element to tell, nothing to show.
                if env.is_disposed() {
                    return;
                }
                let failed = match &result {
                    Err(failure) if failure.code() != Some("CONNECTION_ALREADY_DISCONNECTED") => {
                        Some(format!(
                            "{} {}",
                            m::disconnect_failed(&provider_name),
                            connection_error_notice(failure, &provider_name).title
                        ))
                    }
                    _ => None,
                };
                if failed.is_none() {
                    browser::dispatch(
                        &host,
                        "calendar-connect:disconnected",
                        &[
                            ("connectionId", &id),
                            ("scheduleId", &schedule_id),
                            ("providerId", &provider_id),
                        ],
                    );
                }
                // The row was redrawn meanwhile (a reload while something syncs): its controls
                // are gone, so the panel says what happened and reloads (if it is still there).
                if busy.is_disposed() {
                    on_disconnected
                        .try_run(failed.map_or_else(|| Ok(m::disconnected(&provider_name)), Err));
                    return;
                }
                busy.set(false);
                match failed {
                    Some(text) => {
                        error.set(Some(text));
                        close();
                    }
                    None => {
                        confirming.set(false);
                        on_disconnected.run(Ok(m::disconnected(&provider_name)));
                    }
                }
            });
        }
    };

    let reconnect = {
        let provider_id = provider_id.clone();
        move |_| on_reconnect.run((provider_id.clone(), known_email.clone()))
    };

    let confirm_question = m::confirm_disconnect(&provider_name);
    let question = Signal::derive(move || confirming.get().then(|| confirm_question.clone()));
    let settings_name = provider_name.clone();
    let controls_id = settings_id.clone();
    view! {
        <li class="cc-connection">
            <div class="cc-connection__summary">
                <p class="cc-connection__provider">{provider_name.clone()}</p>
                <p class="cc-connection__account">{account.clone()}</p>
                <p class=format!("cc-status {}", kind.class())>{status_text}</p>
                {problem.map(|text| view! { <p class="cc-connection__problem">{text}</p> })}
            </div>
            <div class="cc-connection__actions">
                {can_reconnect
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="cc-button cc-button--secondary"
                                aria-label=m::reconnect_named(&provider_name, &account)
                                on:click=reconnect
                            >
                                {m::reconnect()}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="cc-button cc-button--secondary"
                    aria-label=m::disconnect_named(&provider_name, &account)
                    aria-haspopup="dialog"
                    node_ref=disconnect_ref
                    on:click=move |_| confirming.set(true)
                >
                    {m::disconnect()}
                </button>
                // Last, so that the settings it discloses come next in the tab order.
                {has_settings
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="cc-button cc-button--secondary"
                                aria-label=m::sync_settings_named(&provider_name, &account)
                                aria-expanded=move || expanded.get().to_string()
                                aria-controls=controls_id.clone()
                                on:click=move |_| expanded.update(|open| *open = !*open)
                            >
                                {m::sync_settings()}
                            </button>
                        }
                    })}
            </div>
            <p class="cc-error" role="alert">{move || error.get()}</p>
            <ConfirmDialog
                question=question
                question_id=format!("{dom_id}-question")
                advice=m::confirm_disconnect_advice()
                advice_id=format!("{dom_id}-advice")
                action=ConfirmAction {
                    label: m::disconnect(),
                    on_click: Callback::new(disconnect),
                }
                busy=busy.into()
                focus_cancel=true
                on_cancel=Callback::new(move |()| close())
            />
            <Show when=move || expanded.get()>
                <div id=settings_id.clone()>
                    <SyncSettings
                        env=env
                        connection=connection.get_untracked()
                        features=features.clone()
                        provider_name=settings_name.clone()
                        on_saved=on_changed
                    />
                </div>
            </Show>
        </li>
    }
}
