use std::rc::Rc;
use std::time::Duration;

use leptos::html::P;
use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::api::model::{Connection, ListConnectionsQuery, ListConnectionsResponse, Provider};
use crate::flow::feedback::api_error_notice;
use crate::manage::events::KeptList;
use crate::manage::refresh::next_refresh_ms;
use crate::manage::rows::{failed_providers_note, rows};
use crate::messages as m;
use crate::ui::{ConnectionRow, Environment, LoadError};

/// One row of the list, with what it needs to render.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: String,
    row: crate::manage::rows::ConnectionRow,
    connection: Connection,
    provider: Option<Provider>,
}

/// The schedule's connections (List Connections with `partialFailure=true`): one row each with
/// Reconnect, Disconnect and the sync settings, and a note naming providers that could not be
/// read. While a connection is syncing the list reloads itself with backoff
/// (`manage::refresh`), and stops when nothing syncs any more or the panel goes away. A reload
/// that fails keeps the last list on screen, says it may be out of date and why, and offers
/// Retry: a failure never loses what is known about a connection.
///
/// ```ignore
/// view! { <ConnectionsPanel env schedule providers connections reload on_reconnect id="cc1-connections".to_owned() /> }
/// ```
#[component]
pub fn ConnectionsPanel(
    /// Client and host element.
    env: StoredValue<Environment, LocalStorage>,
    /// The schedule (a valid schedule ID).
    #[prop(into)]
    schedule: Signal<String>,
    /// Providers, for names, features and Reconnect.
    #[prop(into)]
    providers: Signal<Vec<Provider>>,
    /// The last list loaded, shared with the duplicate guard.
    connections: RwSignal<Option<Vec<Connection>>>,
    /// Bumped by the widget when connections may have changed (a new connection, a sync change).
    #[prop(into)]
    reload: Signal<u32>,
    /// Connects a provider ID again on this schedule (OAuth, or its credentials form with the
    /// account's email when known).
    on_reconnect: Callback<(String, Option<String>)>,
    /// Element ID prefix (unique per widget instance).
    id: String,
) -> impl IntoView {
    let kept = RwSignal::new(KeptList::<ListConnectionsResponse>::default());
    // Title and advice of the last failed load, until a load succeeds.
    let failure = RwSignal::new(None::<(String, String)>);
    let tick = RwSignal::new(0u32);
    let generation = StoredValue::new(0u32);
    let shown_schedule = StoredValue::new(String::new());
    let done = StoredValue::new(0u32);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let message = RwSignal::new(None::<String>);
    let message_ref = NodeRef::<P>::new();
    // Why a disconnect failed, when its row was redrawn meanwhile and can't say so itself.
    let disconnect_failure = RwSignal::new(None::<String>);
    let failure_ref = NodeRef::<P>::new();

    let stop_timer = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    on_cleanup(stop_timer);

    // A plain task and a generation number instead of a resource (see `CalendarConnect` on
    // size): only the answer to the latest request is shown. After each answer, the next
    // automatic reload is planned while something syncs.
    let load = move || {
        stop_timer();
        let Some(current) = generation.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let query = ListConnectionsQuery {
            schedule_ids: vec![schedule.get_untracked()],
            partial_failure: Some(true),
        };
        let client = env.with_value(|env| Rc::clone(&env.client));
        spawn_local(async move {
            let answer = client.list_connections(&query).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            // A failed reload keeps the last list (also for the duplicate guard), and the
            // backoff goes on while that list still shows something syncing.
            match answer {
                Ok(answer) => {
                    connections.set(Some(answer.connections.clone().unwrap_or_default()));
                    failure.set(None);
                    kept.update(|kept| kept.loaded(answer));
                }
                Err(error) => {
                    let notice = api_error_notice(&error, m::some_provider());
                    failure.set(Some((notice.title, notice.advice)));
                    kept.update(|kept| {
                        kept.failed();
                    });
                }
            }
            let syncing = kept.with_untracked(|kept| {
                kept.last.as_ref().is_some_and(|answer| {
                    rows(
                        answer.connections.as_deref().unwrap_or_default(),
                        &providers.get_untracked(),
                    )
                    .iter()
                    .any(|row| row.syncing)
                })
            });
            let Some(delay) = done
                .try_get_value()
                .and_then(|n| next_refresh_ms(n, syncing))
            else {
                return;
            };
            done.update_value(|n| *n += 1);
            let handle = set_timeout_with_handle(
                move || {
                    tick.try_update(|n| *n += 1);
                },
                Duration::from_millis(u64::from(delay)),
            );
            timer.set_value(handle.ok());
        });
    };
    // Each tick of the backoff timer is one more automatic reload (not on the first run).
    Effect::new(move |previous: Option<()>| {
        tick.track();
        if previous.is_some() {
            load();
        }
    });

    // A new schedule, a reload asked by the widget or a manual refresh start the backoff
    // afresh; another schedule's rows are not shown meanwhile.
    let restart = move || {
        done.set_value(0);
        load();
    };
    Effect::new(move |_| {
        let current = schedule.get();
        reload.track();
        if shown_schedule.get_value() != current {
            shown_schedule.set_value(current);
            kept.set(KeptList::default());
            failure.set(None);
            connections.set(None);
        }
        restart();
    });

    let on_disconnected = Callback::new(move |answer: Result<String, String>| {
        let shown_in = match answer {
            Ok(text) => {
                disconnect_failure.set(None);
                message.set(Some(text));
                message_ref
            }
            Err(text) => {
                message.set(None);
                disconnect_failure.set(Some(text));
                failure_ref
            }
        };
        restart();
        if let Some(element) = shown_in.get_untracked() {
            crate::browser::focus_after_render(element.into());
        }
    });
    // A saved sync setting is kept in the shared list at once (the settings reopen with it),
    // then the list is read again.
    let on_saved = Callback::new(move |saved: Connection| {
        connections.update(|list| {
            let slot = list
                .iter_mut()
                .flatten()
                .find(|connection| connection.id == saved.id);
            if let Some(slot) = slot {
                *slot = saved;
            }
        });
        restart();
    });

    // Rows are keyed by what they show, so a reload that changes nothing keeps each row (and
    // the focus or open settings in it); a row whose status or account changed is rebuilt.
    let entries = Memo::new(move |_| match kept.get().last {
        Some(answer) => {
            let providers = providers.get();
            let list = answer.connections.unwrap_or_default();
            rows(&list, &providers)
                .into_iter()
                .map(|row| {
                    let connection = list
                        .iter()
                        .find(|c| c.id.as_deref() == Some(row.id.as_str()))
                        .cloned()
                        .unwrap_or_default();
                    let provider = providers
                        .iter()
                        .find(|p| p.id.is_some() && p.id == connection.provider_id)
                        .cloned();
                    Entry {
                        // The provider is part of the key: providers may load after the rows.
                        key: format!(
                            "{}|{}|{}|{}|{:?}|{}",
                            row.id,
                            row.provider_name,
                            row.status_text,
                            row.account,
                            row.problem,
                            provider.is_some()
                        ),
                        row,
                        connection,
                        provider,
                    }
                })
                .collect()
        }
        None => Vec::new(),
    });

    let heading_id = format!("{id}-heading");
    // The failure of the last load: alone when nothing was loaded yet, else above the kept
    // list, saying that it may be out of date. Its text is in a live region that is always
    // there, so that a failed automatic reload is announced too.
    let problem = move || {
        failure.get().map(|(title, advice)| {
            let lead = if kept.with(|kept| kept.stale) {
                m::connections_may_be_out_of_date()
            } else {
                m::connections_failed()
            };
            view! {
                <LoadError lead=lead title=title advice=advice on_retry=Callback::new(move |()| restart()) />
            }
        })
    };
    let state = move || {
        let kept = kept.get();
        match (kept.last, failure.with(Option::is_some)) {
            (None, false) => {
                Some(view! { <p class="cc-hint">{m::loading_connections()}</p> }.into_any())
            }
            (None, true) => None,
            (Some(answer), _) => {
                let failed = answer.failed_provider_ids.unwrap_or_default();
                let note = failed_providers_note(&failed, &providers.get());
                let empty = entries.with(Vec::is_empty);
                Some(
                    view! {
                        {note.map(|note| view! { <p class="cc-note">{note}</p> })}
                        {empty.then(|| view! { <p class="cc-hint">{m::no_connections()}</p> })}
                    }
                    .into_any(),
                )
            }
        }
    };

    let labelled_by = heading_id.clone();
    view! {
        <section class="cc-panel" aria-labelledby=labelled_by>
            <div class="cc-panel__head">
                <h3 id=heading_id class="cc-panel__title">{m::connections_heading()}</h3>
                <button
                    type="button"
                    class="cc-button cc-button--secondary"
                    aria-label=m::refresh_connections()
                    on:click=move |_| restart()
                >
                    {m::refresh()}
                </button>
            </div>
            <p class="cc-panel__status" role="status" tabindex="-1" node_ref=message_ref>
                {move || message.get()}
            </p>
            <p class="cc-error" role="alert" tabindex="-1" node_ref=failure_ref>
                {move || disconnect_failure.get()}
            </p>
            <div class="cc-panel__problem" role="status">{problem}</div>
            {state}
            <ul class="cc-connections">
                <For
                    each=move || entries.get()
                    key=|entry| entry.key.clone()
                    children=move |entry: Entry| {
                        // The row keeps its key across reloads; its connection follows the list.
                        let (id, loaded) = (entry.row.id.clone(), entry.connection);
                        let connection = Signal::derive(move || {
                            connections
                                .with(|list| {
                                    list.iter()
                                        .flatten()
                                        .find(|c| c.id.as_deref() == Some(id.as_str()))
                                        .cloned()
                                })
                                .unwrap_or_else(|| loaded.clone())
                        });
                        view! {
                            <ConnectionRow
                                env=env
                                row=entry.row
                                connection=connection
                                provider=entry.provider
                                on_reconnect=on_reconnect
                                on_disconnected=on_disconnected
                                on_changed=on_saved
                            />
                        }
                    }
                />
            </ul>
        </section>
    }
}
