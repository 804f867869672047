use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::api::client::Client;
use crate::api::error::ApiError;
use crate::api::model::Provider;
use crate::browser;
use crate::flow::feedback::api_error_notice;
use crate::manage::events::{first_page, group_by_day, next_page, DayGroup, EventPages, KeptList};
use crate::manage::rows::provider_name;
use crate::messages as m;
use crate::ui::{Environment, LoadError};

/// Every page of List Events for the next seven days of `schedule_id`.
async fn load_week(client: &Client, schedule_id: &str) -> Result<EventPages, ApiError> {
    let mut pages = EventPages::default();
    let mut query = first_page(schedule_id, browser::now_ms() as i64);
    loop {
        let page = client.list_events(&query).await?;
        match pages.add(page) {
            Some(cursor) => query = next_page(&cursor),
            None => return Ok(pages),
        }
    }
}

/// The viewer's UTC offset at `ms`, in minutes east of UTC (the browser's time zone rules).
fn local_offset_min(ms: i64) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    -(date.get_timezone_offset() as i32)
}

/// What the list shows after a load.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    days: Vec<DayGroup>,
    /// Names of providers whose events are missing.
    missing: Vec<String>,
    /// Whether the pages stopped before Wix said they ended.
    incomplete: bool,
}

/// The schedule's events over the next seven days, every cursor page collected, grouped by day
/// in the viewer's local time, all-day events marked. A reload that fails keeps the last list
/// and says it may be out of date instead of emptying it.
///
/// ```ignore
/// view! { <UpcomingEvents env schedule providers reload id="cc1-events".to_owned() /> }
/// ```
#[component]
pub fn UpcomingEvents(
    /// Client.
    env: StoredValue<Environment, LocalStorage>,
    /// The schedule (a valid schedule ID).
    #[prop(into)]
    schedule: Signal<String>,
    /// Providers, to name the ones whose events are missing.
    #[prop(into)]
    providers: Signal<Vec<Provider>>,
    /// Bumped by the widget when events may have changed.
    #[prop(into)]
    reload: Signal<u32>,
    /// Element ID prefix (unique per widget instance).
    id: String,
) -> impl IntoView {
    let kept = RwSignal::new(KeptList::<Shown>::default());
    let failure = RwSignal::new(None::<(String, String)>);
    let shown_schedule = StoredValue::new(String::new());

    let generation = StoredValue::new(0u32);
    // A plain task rather than a resource (see `CalendarConnect` on size); only the answer to
    // the latest load is used. Another schedule's events are never shown as "out of date"
    // ones of this schedule.
    let load = move || {
        let Some(current) = generation.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let schedule = schedule.get_untracked();
        if shown_schedule.get_value() != schedule {
            shown_schedule.set_value(schedule.clone());
            kept.set(KeptList::default());
            failure.set(None);
        }
        let client = env.with_value(|env| Rc::clone(&env.client));
        spawn_local(async move {
            let result = load_week(&client, &schedule).await;
            if generation.try_get_value() != Some(current) {
                return;
            }
            match result {
                Ok(pages) => {
                    let names = providers.get_untracked();
                    let mut missing: Vec<String> = Vec::new();
                    for id in &pages.failed_provider_ids {
                        let name = provider_name(&names, Some(id));
                        if !missing.contains(&name) {
                            missing.push(name);
                        }
                    }
                    let days =
                        group_by_day(&pages.events, browser::now_ms() as i64, local_offset_min);
                    failure.set(None);
                    let incomplete = pages.incomplete;
                    kept.update(|list| {
                        list.loaded(Shown {
                            days,
                            missing,
                            incomplete,
                        })
                    });
                }
                Err(error) => {
                    let notice = api_error_notice(&error, m::some_provider());
                    kept.update(|list| {
                        list.failed();
                    });
                    failure.set(Some((notice.title, notice.advice)));
                }
            }
        });
    };
    Effect::new(move |_| {
        schedule.track();
        reload.track();
        load();
    });

    let heading_id = format!("{id}-heading");
    let note = move || {
        let list = kept.get();
        if list.stale {
            return Some(m::events_may_be_out_of_date().to_owned());
        }
        list.last.and_then(|shown| {
            let notes: Vec<String> = [
                (!shown.missing.is_empty()).then(|| m::events_missing_from(&shown.missing)),
                shown.incomplete.then(|| m::events_incomplete().to_owned()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!notes.is_empty()).then(|| notes.join(" "))
        })
    };
    let body = move || {
        let list = kept.get();
        match (list.last, failure.get()) {
            (Some(shown), _) if shown.days.is_empty() => {
                view! { <p class="cc-hint">{m::no_events()}</p> }.into_any()
            }
            (Some(shown), _) => shown
                .days
                .into_iter()
                .map(|day| {
                    view! {
                        <h4 class="cc-day">{day.label}</h4>
                        <ul class="cc-events__list">
                            {day
                                .items
                                .into_iter()
                                .map(|item| {
                                    view! {
                                        <li class=if item.all_day { "cc-event cc-event--all-day" } else { "cc-event" }>
                                            <span class="cc-event__when">{item.when}</span>
                                            " "
                                            <span class="cc-event__title">{item.title}</span>
                                            {item.calendar.map(|name| view! { " " <span class="cc-hint">{name}</span> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()
                .into_any(),
            (None, Some((title, advice))) => {
                view! { <LoadError lead=m::events_failed() title=title advice=advice /> }.into_any()
            }
            (None, None) => view! { <p class="cc-hint">{m::loading_events()}</p> }.into_any(),
        }
    };

    let labelled_by = heading_id.clone();
    view! {
        <section class="cc-panel cc-events" aria-labelledby=labelled_by>
            <div class="cc-panel__head">
                <h3 id=heading_id class="cc-panel__title">{m::events_heading()}</h3>
                <button
                    type="button"
                    class="cc-button cc-button--secondary"
                    aria-label=m::refresh_events()
                    on:click=move |_| load()
                >
                    {m::refresh()}
                </button>
            </div>
            <p class="cc-note" role="status">{note}</p>
            {body}
        </section>
    }
}
