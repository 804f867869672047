use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::error::ApiError;
use crate::api::model::{Calendar, Connection, ProviderFeatures, UpdateSyncConfigRequest};
use crate::browser;
use crate::flow::feedback::connection_error_notice;
use crate::manage::sync::{
    export_request, import_request, is_saved, offer, save_failure, state, ExportTarget,
    ImportChoice, SwitchState, SyncState,
};
use crate::messages as m;
use crate::ui::{Environment, LoadError, Switch};

/// Which setting a save changes; also the `setting` of `calendar-connect:sync-config-changed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Setting {
    Import,
    Calendars,
    Export,
}

impl Setting {
    fn name(self) -> &'static str {
        match self {
            Setting::Import => "import",
            Setting::Calendars => "calendars",
            Setting::Export => "export",
        }
    }
}

/// Tells the host that `setting` of connection `id` was saved, as Wix's answer `now` shows it.
fn announce_saved(host: &web_sys::EventTarget, id: &str, setting: Setting, now: &SyncState) {
    let enabled = match setting {
        Setting::Export => now.export_on,
        Setting::Import | Setting::Calendars => now.import_on,
    };
    browser::dispatch(
        host,
        "calendar-connect:sync-config-changed",
        &[
            ("connectionId", id),
            ("setting", setting.name()),
            ("enabled", &enabled.to_string()),
        ],
    );
}

/// The sync settings a provider allows for one connection: import on or off (from the primary
/// calendar, or from calendars chosen among List Calendars) and export on or off. Each change
/// is one masked Update Sync Config. Switches show the server's value: the requested one while
/// saving, then what the answer says; a failed save (or an answer that does not show the
/// change) puts the old value back and says so. "Saved." is only said after a real save.
///
/// ```ignore
/// view! { <SyncSettings env connection features provider_name on_saved /> }
/// ```
#[component]
pub fn SyncSettings(
    /// Client and host element.
    env: StoredValue<Environment, LocalStorage>,
    /// The connection as last loaded.
    connection: Connection,
    /// Its provider's features.
    features: Option<ProviderFeatures>,
    /// Provider name, for headings and messages.
    provider_name: String,
    /// Called with the connection as Wix returned it after a change was saved (also when the
    /// settings were closed while the save ran: whoever reopens them must see it).
    on_saved: Callback<Connection>,
) -> impl IntoView {
    let offered = offer(features.as_ref());
    let connection_id = connection.id.clone().unwrap_or_default();
    let server = RwSignal::new(state(&connection));
    let import = RwSignal::new(SwitchState::new(server.get_untracked().import_on));
    let export = RwSignal::new(SwitchState::new(server.get_untracked().export_on));
    let chosen_pending = RwSignal::new(None::<Vec<String>>);
    let saved = RwSignal::new(None::<&'static str>);
    let failed = RwSignal::new(None::<String>);

    let save = {
        let provider_name = provider_name.clone();
        move |setting: Setting, request: UpdateSyncConfigRequest| {
            saved.set(Some(m::saving()));
            failed.set(None);
            let (client, host) = env.with_value(|env| (Rc::clone(&env.client), env.host.clone()));
            let (id, provider_name) = (connection_id.clone(), provider_name.clone());
            spawn_local(async move {
                let answer = client.update_sync_config(&id, &request).await;
                // The host unmounted the widget meanwhile: nothing left to show or tell.
                if env.is_disposed() {
                    return;
                }
                let confirmed: Option<(SyncState, Connection)> = match &answer {
                    Ok(returned) if is_saved(&request, returned) => {
                        Some((state(returned), returned.clone()))
                    }
                    _ => None,
                };
                // The settings were closed (or their row redrawn) meanwhile: a save that
                // happened is still the host's to hear of and the row's to keep, but there is
                // no switch to update.
                if server.is_disposed() {
                    if let Some((now, returned)) = confirmed {
                        announce_saved(&host, &id, setting, &now);
                        on_saved.try_run(returned);
                    }
                    return;
                }
                if let Some((now, _)) = &confirmed {
                    server.set(now.clone());
                }
                let now = server.get_untracked();
                import.update(|s| s.finish(Some(now.import_on)));
                export.update(|s| s.finish(Some(now.export_on)));
                chosen_pending.set(None);
                match (confirmed, answer) {
                    (Some((now, returned)), _) => {
                        saved.set(Some(m::saved()));
                        announce_saved(&host, &id, setting, &now);
                        on_saved.run(returned);
                    }
                    (None, Err(error)) => {
                        saved.set(None);
                        failed.set(Some(save_failure(&error, &provider_name)));
                    }
                    (None, Ok(_)) => {
                        saved.set(None);
                        failed.set(Some(m::not_saved().to_owned()));
                    }
                }
            });
        }
    };

    let chosen = move || {
        chosen_pending
            .get()
            .unwrap_or_else(|| server.get().import_calendars)
    };

    let import_switch = offered.import.map(|choice| {
        let save = save.clone();
        let label = match choice {
            ImportChoice::PrimaryOnly => m::import_primary(),
            ImportChoice::Calendars => m::import_calendars(),
        };
        let toggle = move |ev: leptos::ev::Event| {
            let wanted = event_target_checked(&ev);
            if import.try_update(|s| s.start(wanted)) != Some(true) {
                return;
            }
            let calendars = server.get_untracked().import_calendars;
            save(Setting::Import, import_request(wanted, &calendars));
        };
        view! { <Switch label=label checked=Signal::derive(move || import.get().shown()) on_change=toggle /> }
    });

    let calendar_choice = (offered.import == Some(ImportChoice::Calendars)).then(|| {
        let save = save.clone();
        let id = connection.id.clone().unwrap_or_default();
        let calendars = RwSignal::new(None::<Result<Vec<Calendar>, ApiError>>);
        let load_calendars = move || {
            calendars.set(None);
            let client = env.with_value(|env| Rc::clone(&env.client));
            let id = id.clone();
            spawn_local(async move {
                let answer = client.list_calendars(&id).await;
                // Closed meanwhile: nothing to show them in.
                calendars.try_set(Some(answer));
            });
        };
        load_calendars();
        let calendars_provider = provider_name.clone();
        let chosen_now = move || {
            chosen_pending
                .get_untracked()
                .unwrap_or_else(|| server.get_untracked().import_calendars)
        };
        let pick = move |calendar: String, on: bool| {
            if chosen_pending.get_untracked().is_some() {
                return;
            }
            let mut next = server.get_untracked().import_calendars;
            next.retain(|c| *c != calendar);
            if on {
                next.push(calendar);
            }
            chosen_pending.set(Some(next.clone()));
            save(
                Setting::Calendars,
                import_request(server.get_untracked().import_on, &next),
            );
        };
        view! {
            <fieldset class="cc-calendars">
                <legend>{m::choose_calendars()}</legend>
                <p class="cc-hint">{m::no_calendar_means_primary()}</p>
                {move || match calendars.get() {
                    None => view! { <p class="cc-hint">{m::loading_calendars()}</p> }.into_any(),
                    Some(Err(error)) => {
                        let why = connection_error_notice(&error, &calendars_provider);
                        let retry = load_calendars.clone();
                        view! {
                            <LoadError
                                lead=m::calendars_failed()
                                title=why.title
                                advice=why.advice
                                alert=true
                                on_retry=Callback::new(move |()| retry())
                            />
                        }
                        .into_any()
                    }
                    Some(Ok(list)) => {
                        list.into_iter()
                            .filter_map(|calendar| {
                                let id = calendar.id.clone()?;
                                let name = calendar.label();
                                let pick = pick.clone();
                                let id_for_check = id.clone();
                                Some(view! {
                                    <label class="cc-check">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || chosen().contains(&id_for_check)
                                            on:change=move |ev| {
                                                pick(id.clone(), event_target_checked(&ev));
                                                // A tick while another save runs is refused: show
                                                // what is saved or being saved, not the click.
                                                let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                                input.set_checked(chosen_now().contains(&id));
                                            }
                                        />
                                        {name}
                                    </label>
                                })
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
            </fieldset>
        }
    });

    let export_switch = offered.export.map(|target| {
        let label = match target {
            ExportTarget::Primary => m::export_primary(),
            ExportTarget::Dedicated => m::export_dedicated(),
        };
        let toggle = move |ev: leptos::ev::Event| {
            let wanted = event_target_checked(&ev);
            if export.try_update(|s| s.start(wanted)) != Some(true) {
                return;
            }
            save(Setting::Export, export_request(wanted, target));
        };
        view! { <Switch label=label checked=Signal::derive(move || export.get().shown()) on_change=toggle /> }
    });

    view! {
        <div class="cc-sync" role="group" aria-label=m::sync_heading(&provider_name)>
            {offered.is_empty().then(|| view! { <p class="cc-hint">{m::nothing_to_set()}</p> })}
            {import_switch}
            {calendar_choice}
            {export_switch}
            <p class="cc-hint" role="status">{move || saved.get()}</p>
            <p class="cc-error" role="alert">{move || failed.get()}</p>
        </div>
    }
}
