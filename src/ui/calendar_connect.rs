use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::ev::SubmitEvent;
use leptos::html::{Div, Form};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::EventTarget;

use crate::api::client::Client;
use crate::api::error::ApiError;
use crate::api::model::{ConnectByOAuthRequest, Connection, ListConnectionsQuery, Provider};
use crate::browser::{self, Address, Navigator};
use crate::config::Settings;
use crate::flow::attempt::AttemptRecord;
use crate::flow::feedback::{
    api_error_notice, outcome_notice, untrusted_oauth_url_notice, Notice, Tone,
};
use crate::flow::guid::is_guid;
use crate::flow::oauth_url::check_oauth_url;
use crate::flow::redirect::redirect_target;
use crate::flow::returning::{
    cleaned_address, read_return, resolve, Outcome as ReturnOutcome, ProviderResult,
};
use crate::manage::duplicate::{existing_connection, proceeds, GuardChoice};
use crate::manage::rows;
use crate::manage::verify::{unmatched_return_notice, verification_notice, verify, Verification};
use crate::messages as m;
use crate::ui::{
    ConnectButton, ConnectionsPanel, CredentialsConnected, CredentialsForm, DuplicateGuard,
    LoadError, Outcome, ProviderPicker, ScheduleField, UpcomingEvents, VerifyAction, VerifyOutcome,
};

/// What the widget needs from its surroundings, injected so that tests can substitute parts:
/// the API client, where navigation goes, and the element that receives the host events.
#[derive(Clone)]
pub struct Environment {
    /// Client for the External Calendars API.
    pub client: Rc<Client>,
    /// Leaves the page for the provider's consent page.
    pub navigator: Navigator,
    /// The mount element: `calendar-connect:*` events are dispatched on it.
    pub host: EventTarget,
}

impl Environment {
    fn emit(&self, name: &str, detail: &[(&str, &str)]) {
        browser::dispatch(&self.host, name, detail);
    }

    fn emit_failed(&self, notice: &Notice) {
        self.emit("calendar-connect:failed", &[("reason", notice.reason)]);
    }
}

/// Where a connection attempt stands. Only `Idle` accepts a new attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    Connecting,
    Redirecting,
}

/// The choices of one attempt, captured when Connect is pressed.
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    schedule_id: String,
    provider_id: String,
    provider_name: String,
}

impl Choice {
    /// Whether the picker and the field (as typed) still show this choice.
    fn is_shown(&self, provider: Option<&str>, typed_schedule: &str) -> bool {
        provider == Some(self.provider_id.as_str())
            && typed_schedule
                .trim()
                .eq_ignore_ascii_case(&self.schedule_id)
    }
}

/// A connection to read back before anything is announced: after a return with `connectionId`
/// (matched to the stored attempt or not) or after Connect By Credentials.
#[derive(Debug, Clone)]
struct VerifyJob {
    connection_id: String,
    /// The schedule it must belong to (empty when unknown: then nothing is confirmed).
    schedule_id: String,
    /// The provider, when the attempt (or the credentials form) says which one it is.
    provider: Option<(String, String)>,
    /// For a return that matched no attempt: its raw values, for the "can't confirm" details.
    unmatched_raw: Option<String>,
}

impl VerifyJob {
    /// "Verifying..." naming the provider, shown while the connection is read back.
    fn progress_notice(&self) -> Notice {
        let provider = self
            .provider
            .as_ref()
            .map_or(m::unknown_provider(), |(_, name)| name.as_str());
        Notice::new(Tone::Progress, m::verifying(provider), "", "verifying")
    }
}

/// Gives each widget instance its own element-ID prefix, so several can share a page.
fn next_prefix() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!("cc{}", COUNTER.fetch_add(1, Ordering::Relaxed) + 1)
}

/// The whole widget: providers, schedule, Connect, and the outcome of a return from the
/// provider. Reads the page address once when it is created, to handle a return.
///
/// ```ignore
/// let env = Environment { client: Rc::new(client), navigator: Navigator::window(), host };
/// view! { <CalendarConnect settings=settings env=env /> }
/// ```
#[component]
pub fn CalendarConnect(
    /// Settings from data attributes or JS options.
    settings: Settings,
    /// Client, navigation and host element.
    env: Environment,
) -> impl IntoView {
    let prefix = next_prefix();
    // The mount element's ID tells this widget's attempts from those of other widgets on the page.
    let instance = env
        .host
        .dyn_ref::<web_sys::Element>()
        .map(web_sys::Element::id)
        .unwrap_or_default();
    let returned = handle_return(&settings, &instance);
    let instance = StoredValue::new(instance);
    let redirect_url = StoredValue::new(settings.redirect_url);
    let env = StoredValue::new_local(env);

    let schedule = RwSignal::new(returned.schedule_id);
    let selected = RwSignal::new(returned.provider_id);
    let notice = RwSignal::new(returned.notice);
    let phase = RwSignal::new(Phase::Idle);
    let verify_action = RwSignal::new(None::<VerifyAction>);
    let pending_verify = StoredValue::new_local(returned.verify);
    let retry_job = StoredValue::new_local(None::<VerifyJob>);
    let reconnect_to = StoredValue::new(None::<(String, Option<String>)>);
    let credentials_email = RwSignal::new(String::new());
    let credentials_focus = RwSignal::new(false);
    let credentials_busy = RwSignal::new(false);
    let guard = RwSignal::new(None::<(String, Choice)>);
    let connections = RwSignal::new(None::<Vec<Connection>>);
    let reload = RwSignal::new(0u32);
    let status_ref = NodeRef::<Div>::new();
    let alert_ref = NodeRef::<Div>::new();
    let form_ref = NodeRef::<Form>::new();
    // A failure's message takes the focus once it is shown, as the return's outcome does.
    let focus_alert = move || {
        if let Some(alert) = alert_ref.get_untracked() {
            browser::focus_after_render(alert.into());
        }
    };

    // Announce the return's outcome and move focus to it once the regions exist.
    let pending_return = StoredValue::new_local(returned.event);
    Effect::new(move |_| {
        let (Some(status), Some(alert)) = (status_ref.get(), alert_ref.get()) else {
            return;
        };
        let Some(event) = pending_return.try_update_value(Option::take).flatten() else {
            return;
        };
        let failed = notice
            .get_untracked()
            .is_some_and(|n| n.tone == Tone::Failure);
        let _ = if failed {
            alert.focus()
        } else {
            status.focus()
        };
        if let Some((name, detail)) = event {
            let detail: Vec<(&str, &str)> = detail.iter().map(|(k, v)| (*k, v.as_str())).collect();
            env.with_value(|env| env.emit(name, &detail));
        }
    });

    // Loaded with a plain task and a signal rather than a `LocalResource`: the async-derived
    // machinery behind resources and actions costs about 10 KB gzip, a tenth of the budget.
    let providers = RwSignal::new(None::<Result<Vec<Provider>, ApiError>>);
    let load_providers = move || {
        let client = env.with_value(|env| Rc::clone(&env.client));
        spawn_local(async move { providers.set(Some(client.list_providers().await)) });
    };
    load_providers();

    // `calendar-connect:ready` and the performance mark, once, when providers are shown; a
    // failed load is reported each time it happens.
    let ready_sent = StoredValue::new(false);
    Effect::new(move |_| match providers.get() {
        Some(Ok(list)) if !ready_sent.get_value() => {
            ready_sent.set_value(true);
            browser::mark("calendar-connect:ready");
            let count = list.len().to_string();
            env.with_value(|env| env.emit("calendar-connect:ready", &[("providers", &count)]));
        }
        Some(Err(error)) => {
            let failure = api_error_notice(&error, m::unknown_provider());
            env.with_value(|env| env.emit_failed(&failure));
        }
        _ => {}
    });

    let provider_list =
        Signal::derive(move || providers.get().and_then(Result::ok).unwrap_or_default());
    let chosen = Memo::new(move |_| {
        let id = selected.get()?;
        provider_list
            .get()
            .into_iter()
            .find(|p| p.id.as_deref() == Some(id.as_str()))
    });
    let schedule_ok = Signal::derive(move || is_guid(schedule.get().trim()));
    // One attempt at a time: not while an email and password are being checked either.
    let ready = Signal::derive(move || {
        schedule_ok.get()
            && !credentials_busy.get()
            && chosen
                .get()
                .is_some_and(|p: Provider| p.connects_by_oauth())
    });
    let busy = Signal::derive(move || phase.get() != Phase::Idle);
    let hint = Signal::derive(move || {
        chosen
            .get()
            .filter(|p| !p.connects_by_oauth())
            .map(|_| m::choose_oauth_provider())
    });

    let connect = move |choice: Choice| {
        let env = env.get_value();
        let redirect_base = redirect_url
            .with_value(|url| url.as_deref().and_then(browser::resolve_url))
            .unwrap_or_else(|| Address::current().href);
        let instance = instance.get_value();
        spawn_local(async move {
            let mounted = move || !phase.is_disposed();
            match start_attempt(&env, &choice, &redirect_base, &instance, mounted).await {
                // Unmounted while Wix answered: nothing more to do, and above all no leaving.
                Ok(None) => {}
                Ok(Some(url)) => {
                    phase.set(Phase::Redirecting);
                    notice.set(Some(Notice::new(
                        Tone::Progress,
                        m::redirecting(&choice.provider_name),
                        "",
                        "redirecting",
                    )));
                    if !env.navigator.go(&url) {
                        // The browser refused the URL: forget the attempt, say so, give the
                        // controls back.
                        browser::clear_attempt();
                        let failure = untrusted_oauth_url_notice(&url);
                        env.emit_failed(&failure);
                        notice.set(Some(failure));
                        phase.set(Phase::Idle);
                        focus_alert();
                    }
                }
                Err(failure) => {
                    env.emit_failed(&failure);
                    notice.set(Some(failure));
                    phase.set(Phase::Idle);
                    focus_alert();
                }
            }
        });
    };

    // Marks an attempt as under way, unless one already is (then returns false).
    let start = move || {
        if phase.get_untracked() != Phase::Idle || credentials_busy.get_untracked() {
            return false;
        }
        phase.set(Phase::Connecting);
        verify_action.set(None);
        // An attempt started elsewhere (a row's Reconnect) answers an open duplicate question.
        guard.set(None);
        notice.set(Some(Notice::new(
            Tone::Progress,
            m::connecting(),
            "",
            "connecting",
        )));
        true
    };
    // Starts an OAuth attempt for `choice` if none is under way.
    let begin = move |choice: Choice| {
        if start() {
            connect(choice);
        }
    };
    // Asks about a live connection of the choice's provider on its schedule, if `list` has
    // one; otherwise starts the attempt.
    let ask_or_begin = move |choice: Choice, list: &[Connection]| {
        let existing = existing_connection(list, &choice.schedule_id, &choice.provider_id)
            .map(|existing| rows::row(existing, &provider_list.get_untracked()).account);
        match existing {
            Some(account) => guard.set(Some((
                m::already_connected(&choice.provider_name, &account),
                choice,
            ))),
            None => begin(choice),
        }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // The phase check and update happen synchronously in the event handler, so a second
        // click, a repeated Enter or a touch followed by a click all see `Connecting`.
        if phase.get_untracked() != Phase::Idle
            || !ready.get_untracked()
            || guard.with_untracked(Option::is_some)
        {
            return;
        }
        let Some(provider) = chosen.get_untracked() else {
            return;
        };
        let choice = Choice {
            schedule_id: schedule.get_untracked().trim().to_ascii_lowercase(),
            provider_id: provider.id.clone().unwrap_or_default(),
            provider_name: provider.name.clone().unwrap_or_default(),
        };
        // A live connection of this provider on this schedule: ask before adding another. The
        // panel's list is used when it has one; while it loads or after it failed, the
        // schedule's connections are read first (Connect is busy meanwhile), and if that read
        // fails too the attempt goes ahead: the question is a courtesy, Connect is the point.
        match connections.get_untracked() {
            Some(list) => ask_or_begin(choice, &list),
            None if start() => {
                let client = env.with_value(|env| Rc::clone(&env.client));
                spawn_local(async move {
                    let query = ListConnectionsQuery {
                        schedule_ids: vec![choice.schedule_id.clone()],
                        partial_failure: Some(true),
                    };
                    let list = client
                        .list_connections(&query)
                        .await
                        .map(|answer| answer.connections.unwrap_or_default())
                        .unwrap_or_default();
                    // The host unmounted the widget during the read: its signals are gone
                    // (reading one panics) and starting the attempt would leave the page.
                    if phase.is_disposed() {
                        return;
                    }
                    // Idle again: the question, or the attempt itself, takes it from here,
                    // unless the person chose another provider or schedule during the read.
                    phase.set(Phase::Idle);
                    notice.set(None);
                    let shown = schedule.with_untracked(|typed| {
                        choice.is_shown(selected.get_untracked().as_deref(), typed)
                    });
                    if shown {
                        ask_or_begin(choice, &list);
                    }
                });
            }
            None => {}
        }
    };

    // The question is about the provider and schedule chosen when Connect was pressed: once
    // either changes, it is moot, and "Connect another account" would connect what is no
    // longer shown.
    Effect::new(move |_| {
        let provider_now = selected.get();
        let moot = schedule.with(|typed| {
            guard.with_untracked(|open| {
                open.as_ref()
                    .is_some_and(|(_, choice)| !choice.is_shown(provider_now.as_deref(), typed))
            })
        });
        if moot {
            guard.set(None);
        }
    });

    let on_guard = Callback::new(move |answer: GuardChoice| {
        let Some((_, choice)) = guard.get_untracked() else {
            return;
        };
        guard.set(None);
        if proceeds(answer) {
            begin(choice);
        }
        // Any answer removes the focused dialog: the focus goes back to Connect, which stays
        // focusable (marked busy) while the attempt runs.
        if let Some(button) = form_ref
            .get_untracked()
            .and_then(|form| form.query_selector("button[type=submit]").ok().flatten())
        {
            browser::focus_after_render(button.unchecked_into());
        }
    });

    // Reconnect (from the panel or after a broken verification): the OAuth flow again for
    // that provider and the schedule shown, without the duplicate question: it was the choice.
    // A provider that takes credentials instead gets its form, the account's email prefilled
    // when known and the focus in it; sending it goes through the same verify-and-show path.
    let reconnect = move |(provider_id, email): (String, Option<String>)| {
        let Some(provider) = provider_list
            .get_untracked()
            .into_iter()
            .find(|p| p.id.as_deref() == Some(provider_id.as_str()))
        else {
            return;
        };
        selected.set(Some(provider_id.clone()));
        if !provider.connects_by_oauth() {
            if provider.connects_by_credentials() && phase.get_untracked() == Phase::Idle {
                verify_action.set(None);
                credentials_email.set(email.unwrap_or_default());
                credentials_focus.set(true);
            }
            return;
        }
        begin(Choice {
            schedule_id: schedule.get_untracked().trim().to_ascii_lowercase(),
            provider_id,
            provider_name: provider.name.unwrap_or_default(),
        });
    };
    let on_reconnect = Callback::new(reconnect);

    // Reads a connection back and only then says whether it works.
    let run_verify = move |job: VerifyJob| {
        verify_action.set(None);
        let env = env.get_value();
        spawn_local(async move {
            let read = env.client.get_connection(&job.connection_id).await;
            // Unmounted during the read: nothing to announce, and no signal left to read.
            if phase.is_disposed() {
                return;
            }
            let verification = verify(
                read,
                &job.connection_id,
                job.provider.as_ref().map(|(id, _)| id.as_str()),
                &job.schedule_id,
            );
            let found = match &verification {
                Verification::Confirmed(c) | Verification::Broken { connection: c, .. } => {
                    Some(c.clone())
                }
                Verification::NotConfirmed | Verification::CheckFailed(_) => None,
            };
            let (provider_id, provider_name) = job.provider.clone().unwrap_or_else(|| {
                let id = found
                    .as_ref()
                    .and_then(|c| c.provider_id.clone())
                    .unwrap_or_default();
                let list = provider_list.get_untracked();
                let name = if found.is_some() {
                    rows::provider_name(&list, Some(&id))
                } else {
                    m::unknown_provider().to_owned()
                };
                (id, name)
            });
            let result = match &job.unmatched_raw {
                Some(raw) => unmatched_return_notice(&verification, &provider_name, raw),
                None => verification_notice(&verification, &provider_name),
            };
            match (&verification, found) {
                // A live connection this page didn't start is shown in the list, not announced.
                (Verification::Confirmed(_), Some(_)) if job.unmatched_raw.is_some() => {
                    reload.update(|n| *n += 1);
                }
                (Verification::Confirmed(_), Some(connection)) => {
                    let schedule_id = connection.schedule_id.clone().unwrap_or_default();
                    env.emit(
                        "calendar-connect:connected",
                        &[
                            ("connectionId", &job.connection_id),
                            ("scheduleId", &schedule_id),
                            ("providerId", &provider_id),
                        ],
                    );
                    reload.update(|n| *n += 1);
                }
                (verification, _) => {
                    if let Verification::Broken { connection, .. } = verification {
                        reconnect_to.set_value(Some((provider_id, rows::known_email(connection))));
                        verify_action.set(Some(VerifyAction::Reconnect));
                    } else if matches!(verification, Verification::CheckFailed(_)) {
                        retry_job.set_value(Some(job));
                        verify_action.set(Some(VerifyAction::CheckAgain));
                    }
                    env.emit_failed(&result);
                }
            }
            let failed = result.tone == Tone::Failure;
            notice.set(Some(result));
            if failed {
                focus_alert();
            }
        });
    };

    let on_verify_action = Callback::new(move |action: VerifyAction| match action {
        VerifyAction::Reconnect => {
            if let Some(target) = reconnect_to.get_value() {
                reconnect(target);
            }
        }
        VerifyAction::CheckAgain => {
            if let Some(job) = retry_job.get_value() {
                notice.set(Some(job.progress_notice()));
                run_verify(job);
            }
        }
    });

    // A return with `connectionId` is verified once the providers are known (to name them).
    Effect::new(move |_| {
        if providers.with(Option::is_none) {
            return;
        }
        if let Some(job) = pending_verify.try_update_value(Option::take).flatten() {
            run_verify(job);
        }
    });

    let on_credentials_notice = Callback::new(move |shown: Notice| {
        let failed = shown.tone == Tone::Failure;
        if failed {
            env.with_value(|env| env.emit_failed(&shown));
        }
        notice.set(Some(shown));
        if failed {
            focus_alert();
        }
    });
    // Checked against what the form sent, not what the picker and field show now: they stay
    // editable while the request runs.
    let on_credentials_connected = Callback::new(move |made: CredentialsConnected| {
        let job = VerifyJob {
            connection_id: made.connection.id.unwrap_or_default(),
            schedule_id: made.schedule_id,
            provider: Some((made.provider_id, made.provider_name)),
            unmatched_raw: None,
        };
        notice.set(Some(job.progress_notice()));
        run_verify(job);
    });
    let credentials_provider = Memo::new(move |_| {
        chosen
            .get()
            .filter(|p| p.connects_by_credentials() && !p.connects_by_oauth())
    });
    let valid_schedule = Memo::new(move |_| {
        let text = schedule.get().trim().to_ascii_lowercase();
        is_guid(&text).then_some(text)
    });
    let shown_schedule = Signal::derive(move || valid_schedule.get().unwrap_or_default());
    let guard_question = Signal::derive(move || guard.get().map(|(question, _)| question));

    // Coming back with the Back button from the provider's page restores this page from the
    // back-forward cache, still "redirecting": make it usable again.
    let pageshow = window_event_listener_untyped("pageshow", move |event| {
        let persisted = js_sys::Reflect::get(&event, &"persisted".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if persisted && phase.get_untracked() == Phase::Redirecting {
            phase.set(Phase::Idle);
            notice.set(None);
        }
    });
    on_cleanup(move || pageshow.remove());

    let group = format!("{prefix}-provider");
    let credentials_id = format!("{prefix}-credentials");
    let schedule_field_id = format!("{prefix}-schedule");
    let providers_view = move || match providers.get() {
        None => {
            view! { <p class="cc-loading" role="status">{m::loading_providers()}</p> }.into_any()
        }
        Some(Err(error)) => {
            let failure = api_error_notice(&error, m::unknown_provider());
            view! {
                <LoadError
                    lead=m::providers_failed()
                    title=failure.title
                    advice=failure.advice
                    alert=true
                    on_retry=Callback::new(move |()| load_providers())
                />
            }
            .into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="cc-hint">{m::no_providers()}</p> }.into_any()
        }
        Some(Ok(list)) => {
            view! { <ProviderPicker providers=list selected=selected group=group.clone() /> }
                .into_any()
        }
    };

    view! {
        <div class="cc-widget">
            <form class="cc-form" novalidate node_ref=form_ref on:submit=on_submit aria-busy=move || busy.get().to_string()>
                {providers_view}
                <ScheduleField id=schedule_field_id.clone() value=schedule />
                <ConnectButton ready=ready busy=busy hint=hint hint_id=format!("{prefix}-connect-hint") />
                <DuplicateGuard question=guard_question on_choice=on_guard id=format!("{prefix}-guard") />
                <Outcome notice=notice status_ref=status_ref alert_ref=alert_ref />
                <VerifyOutcome action=verify_action on_action=on_verify_action />
            </form>
            {move || {
                credentials_provider
                    .get()
                    .map(|provider| {
                        view! {
                            <CredentialsForm
                                env=env
                                schedule=shown_schedule
                                provider_id=provider.id.clone().unwrap_or_default()
                                provider_name=provider.name.clone().unwrap_or_default()
                                email=credentials_email
                                focus=credentials_focus
                                busy=credentials_busy
                                blocked=busy
                                schedule_field=schedule_field_id.clone()
                                on_notice=on_credentials_notice
                                on_connected=on_credentials_connected
                                id=credentials_id.clone()
                            />
                        }
                    })
            }}
            <Show when=move || valid_schedule.with(Option::is_some)>
                <ConnectionsPanel
                    env=env
                    schedule=shown_schedule
                    providers=provider_list
                    connections=connections
                    reload=reload
                    on_reconnect=on_reconnect
                    id=format!("{prefix}-connections")
                />
                <UpcomingEvents
                    env=env
                    schedule=shown_schedule
                    providers=provider_list
                    reload=reload
                    id=format!("{prefix}-events")
                />
            </Show>
        </div>
    }
}

/// Calls Connect By OAuth, checks the `oauthUrl`, stores the attempt and tells the host; returns
/// the URL to leave for, or the notice explaining why not. `None` when the widget was unmounted
/// while Wix answered (`mounted` says false): then nothing is stored, announced or opened.
async fn start_attempt(
    env: &Environment,
    choice: &Choice,
    redirect_base: &str,
    instance: &str,
    mounted: impl Fn() -> bool,
) -> Result<Option<String>, Notice> {
    let attempt_id = browser::new_attempt_id();
    let target = redirect_target(redirect_base, &attempt_id);
    let request = ConnectByOAuthRequest {
        schedule_id: choice.schedule_id.clone(),
        provider_id: choice.provider_id.clone(),
        redirect_url: target.url,
    };
    let answer = env.client.connect_by_oauth(&request).await;
    if !mounted() {
        return Ok(None);
    }
    let oauth_url = answer.map_err(|error| api_error_notice(&error, &choice.provider_name))?;
    check_oauth_url(&oauth_url)
        .ok()
        .filter(|()| browser::parses_as_url(&oauth_url))
        .ok_or_else(|| untrusted_oauth_url_notice(&oauth_url))?;
    let record = AttemptRecord::new(
        &attempt_id,
        &choice.schedule_id,
        &choice.provider_id,
        &choice.provider_name,
        browser::now_ms(),
        target.fragment,
    )
    .for_instance(instance);
    // Without storage the return cannot be matched and will say so; leaving is still right.
    browser::save_attempt(&record);
    env.emit(
        "calendar-connect:redirecting",
        &[
            ("attemptId", &attempt_id),
            ("scheduleId", &choice.schedule_id),
            ("providerId", &choice.provider_id),
        ],
    );
    Ok(Some(oauth_url))
}

/// A host event to send after mounting: name and detail pairs.
type PendingEvent = Option<(&'static str, Vec<(&'static str, String)>)>;

/// The starting state after looking at the address for a provider's answer.
struct Returned {
    schedule_id: String,
    provider_id: Option<String>,
    notice: Option<Notice>,
    /// `Some` when there is an outcome to focus; its event, if it has one.
    event: Option<PendingEvent>,
    /// A returned connection to read back before announcing anything.
    verify: Option<VerifyJob>,
}

/// Reads a provider's answer from the address (once), consumes it (the address is cleaned with
/// `history.replaceState` and the attempt forgotten), and restores the attempt's choices.
fn handle_return(settings: &Settings, instance: &str) -> Returned {
    let address = Address::current();
    let params = read_return(&address.search, &address.hash);
    let stored = browser::load_attempt();
    let now = browser::now_ms();
    let mut returned = Returned {
        schedule_id: settings
            .schedule_id
            .clone()
            .or_else(browser::schedule_id_from_address)
            .unwrap_or_default(),
        provider_id: settings.provider_id.clone(),
        notice: None,
        event: None,
        verify: None,
    };
    // Another widget on this page started the attempt: the return is its to handle. When no
    // widget on the page has that mount element, this one handles it rather than nobody.
    if let (Some(params), Some(record)) = (&params, &stored) {
        if record.belongs_to_another(&params.attempt_ids, instance)
            && browser::is_widget_element(&record.instance)
        {
            return returned;
        }
    }
    let Some(resolution) = resolve(params.as_ref(), stored.as_ref(), now) else {
        return returned;
    };
    if params.is_some() {
        let fragment = resolution
            .restored
            .as_ref()
            .and_then(|a| a.fragment.as_deref());
        browser::replace_address(&cleaned_address(
            &address.path,
            &address.search,
            &address.hash,
            fragment,
        ));
    }
    if stored.is_some_and(|record| resolution.attempt.is_some() || record.is_expired(now)) {
        browser::clear_attempt();
    }
    if let Some(attempt) = &resolution.restored {
        returned.schedule_id = attempt.schedule_id.clone();
        returned.provider_id = Some(attempt.provider_id.clone());
    }
    // A `connectionId` is only announced once Get Connection confirms it, whether the return
    // matched the stored attempt or not; meanwhile the outcome says "Verifying...".
    returned.verify = match (
        &resolution.outcome,
        &resolution.attempt,
        params.map(|p| p.result()),
    ) {
        (ReturnOutcome::Connected { connection_id, .. }, Some(attempt), _) => Some(VerifyJob {
            connection_id: connection_id.clone(),
            schedule_id: attempt.schedule_id.clone(),
            provider: Some((attempt.provider_id.clone(), attempt.provider_name.clone())),
            unmatched_raw: None,
        }),
        (ReturnOutcome::Unconfirmed { raw }, None, Some(ProviderResult::Connected(id))) => {
            Some(VerifyJob {
                connection_id: id,
                schedule_id: returned.schedule_id.trim().to_owned(),
                provider: None,
                unmatched_raw: Some(raw.clone()),
            })
        }
        _ => None,
    };
    let notice = match &returned.verify {
        Some(job) => job.progress_notice(),
        None => outcome_notice(&resolution.outcome),
    };
    let event = (notice.tone == Tone::Failure).then(|| {
        (
            "calendar-connect:failed",
            vec![("reason", notice.reason.to_owned())],
        )
    });
    returned.notice = Some(notice);
    returned.event = Some(event);
    returned
}
