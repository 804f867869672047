//! Browser tests of the widget against the Wix API emulator, in headless Chromium and Firefox.
//! Run them with `scripts/wasm-test.sh chromium|firefox`, which starts the emulator and passes
//! its address at compile time in `CC_EMULATOR_URL`.
//!
//! The tests share one page, one emulator and one sessionStorage, and run one after the other;
//! each starts from a clean state ([`Fixture::new`]) and leaves the address as it found it.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use calendar_connect::api::client::Auth;
use calendar_connect::browser::Navigator;
use calendar_connect::config::Settings;
use calendar_connect::embed::{mount_with, MountHandle};
use calendar_connect::flow::attempt::AttemptRecord;
use gloo_net::http::Request;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The emulator started by scripts/wasm-test.sh.
const EMULATOR: &str = match option_env!("CC_EMULATOR_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:7878",
};
const SCHEDULE: &str = "4e0579a5-491e-4e70-a872-d097eed6e520";
const GOOGLE_ID: &str = "6c533722-f1f9-4847-95c7-d4c4922ae9b0";
const OAUTH_PATH: &str = "/bookings/v2/external-calendars/connections:connectByOAuth";

// ----- helpers -------------------------------------------------------------------------------

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `condition` until it holds, failing the test with `what` after 5 s.
async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..250 {
        if condition() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

async fn control(method: &str, path: &str, body: Option<Value>) -> Value {
    let url = format!("{EMULATOR}/_emulator/{path}");
    let builder = match method {
        "POST" => Request::post(&url),
        "DELETE" => Request::delete(&url),
        _ => Request::get(&url),
    };
    let response = match body {
        Some(body) => builder.json(&body).unwrap().send().await,
        None => builder.send().await,
    }
    .expect("the emulator answers (is scripts/wasm-test.sh running it?)");
    response.json().await.unwrap_or(Value::Null)
}

async fn fault(body: Value) {
    control("POST", "faults", Some(body)).await;
}

/// The Connect By OAuth calls the emulator received.
async fn oauth_requests() -> Vec<Value> {
    let log = control("GET", "requests", None).await;
    log["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r["path"] == OAUTH_PATH)
        .collect()
}

fn attr(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

fn prop(element: &Element, name: &str) -> JsValue {
    js_sys::Reflect::get(element, &name.into()).unwrap()
}

/// A mounted widget with a recording navigator and a log of the host events it sent.
struct Fixture {
    root: HtmlElement,
    handle: Option<MountHandle>,
    navigator: Navigator,
    events: Rc<RefCell<Vec<(String, Value)>>>,
}

impl Fixture {
    /// Resets the emulator, then mounts a widget on a fresh element.
    async fn new(settings: &[(&str, &str)]) -> Self {
        control("POST", "reset", None).await;
        Self::mount(settings)
    }

    fn mount(settings: &[(&str, &str)]) -> Self {
        Self::mount_navigating(settings, Navigator::recording())
    }

    fn mount_navigating(settings: &[(&str, &str)], navigator: Navigator) -> Self {
        Self::mount_custom(settings, Auth::Token("test-token".into()), navigator)
    }

    fn mount_custom(settings: &[(&str, &str)], auth: Auth, navigator: Navigator) -> Self {
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&root).unwrap();
        let events: Rc<RefCell<Vec<(String, Value)>>> = Rc::default();
        for name in [
            "ready",
            "redirecting",
            "connected",
            "failed",
            "disconnected",
            "sync-config-changed",
        ] {
            let log = Rc::clone(&events);
            let listener = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
                move |event: web_sys::CustomEvent| {
                    let detail = js_sys::JSON::stringify(&event.detail())
                        .unwrap()
                        .as_string()
                        .unwrap();
                    log.borrow_mut()
                        .push((event.type_(), serde_json::from_str(&detail).unwrap()));
                },
            );
            root.add_event_listener_with_callback(
                &format!("calendar-connect:{name}"),
                listener.as_ref().unchecked_ref(),
            )
            .unwrap();
            listener.forget();
        }
        let settings = Settings::from_lookup(|key| {
            settings
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
                .or_else(|| (key == "apiBase").then(|| EMULATOR.to_owned()))
        });
        let handle = mount_with(root.clone(), settings, auth, navigator.clone());
        Self {
            root,
            handle,
            navigator,
            events,
        }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn radio(&self, name: &str) -> Option<Element> {
        let labels = self.root.query_selector_all("label").unwrap();
        (0..labels.length())
            .filter_map(|i| labels.item(i))
            .filter_map(|l| l.dyn_into::<Element>().ok())
            .find(|label| label.text_content().unwrap_or_default().contains(name))
            .and_then(|label| attr(&label, "for"))
            .and_then(|id| document().get_element_by_id(&id))
    }

    fn schedule_input(&self) -> Element {
        let label = self.find(".cc-field label").expect("a Schedule ID label");
        assert_eq!(label.text_content().unwrap(), "Schedule ID");
        document()
            .get_element_by_id(&attr(&label, "for").unwrap())
            .unwrap()
    }

    fn button(&self) -> HtmlElement {
        self.find("button[type=submit]").unwrap().unchecked_into()
    }

    fn button_enabled(&self) -> bool {
        !prop(&self.button(), "disabled").as_bool().unwrap()
    }

    async fn providers_shown(&self) {
        wait_for("the provider radios", || {
            self.radio("Google Calendar").is_some()
        })
        .await;
    }

    fn choose(&self, provider: &str) {
        let radio: HtmlElement = self.radio(provider).unwrap().unchecked_into();
        radio.click();
    }

    fn type_schedule(&self, value: &str) {
        let input = self.schedule_input();
        type_into(&input, value);
        input
            .dispatch_event(&web_sys::Event::new("blur").unwrap())
            .unwrap();
    }

    fn alert(&self) -> String {
        self.text("[role=alert]")
    }

    fn status(&self) -> String {
        self.text(".cc-outcome[role=status]")
    }

    fn events(&self, name: &str) -> Vec<Value> {
        let name = format!("calendar-connect:{name}");
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }

    /// The choices the person made are all still there.
    fn assert_choices_kept(&self, provider: &str, schedule: &str) {
        assert_eq!(
            prop(&self.radio(provider).unwrap(), "checked").as_bool(),
            Some(true),
            "{provider} stays chosen"
        );
        assert_eq!(
            prop(&self.schedule_input(), "value").as_string().unwrap(),
            schedule
        );
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(mut handle) = self.handle.take() {
            handle.unmount();
        }
        self.root.remove();
        let storage = web_sys::window()
            .unwrap()
            .session_storage()
            .unwrap()
            .unwrap();
        storage.clear().unwrap();
    }
}

/// Types `value` into a text field: the value, then the input event typing sends.
fn type_into(input: &Element, value: &str) {
    js_sys::Reflect::set(input, &"value".into(), &value.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Puts `query` (and `hash`) in the address bar of the test page without navigating.
fn set_address(query: &str, hash: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}{hash}")))
        .unwrap();
}

fn address_tail() -> String {
    let location = web_sys::window().unwrap().location();
    format!("{}{}", location.search().unwrap(), location.hash().unwrap())
}

/// Puts the widget's stylesheet on the page (the tests run without it otherwise); remove the
/// returned element to take it away again.
fn load_stylesheet() -> Element {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/calendar-connect.css")));
    document().head().unwrap().append_child(&style).unwrap();
    style
}

fn store_attempt(record: &AttemptRecord) {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage
        .set_item("calendar-connect:attempt", &record.to_json())
        .unwrap();
}

// ----- tests ---------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn shows_providers_in_a_labelled_radio_group_and_reports_ready() {
    let widget = Fixture::new(&[]).await;
    assert!(
        widget.text(".cc-loading").contains("Loading"),
        "a loading state first"
    );
    widget.providers_shown().await;

    let group = widget.find("[role=radiogroup]").unwrap();
    let legend = document()
        .get_element_by_id(&attr(&group, "aria-labelledby").unwrap())
        .unwrap();
    assert_eq!(legend.text_content().unwrap(), "Calendar provider");
    for name in ["Google Calendar", "Apple Calendar"] {
        let radio = widget
            .radio(name)
            .unwrap_or_else(|| panic!("a radio named {name}"));
        assert_eq!(attr(&radio, "type").as_deref(), Some("radio"));
    }
    assert!(widget.find(".cc-mark--google").is_some() && widget.find(".cc-mark--ical").is_some());
    assert_eq!(widget.button().text_content().unwrap().trim(), "Connect");
    assert!(!widget.button_enabled(), "nothing chosen yet");

    wait_for("the ready event", || !widget.events("ready").is_empty()).await;
    let performance = web_sys::window().unwrap().performance().unwrap();
    assert!(
        performance
            .get_entries_by_name("calendar-connect:ready")
            .length()
            > 0
    );
}

#[wasm_bindgen_test]
async fn enables_connect_only_for_an_oauth_provider_and_a_guid() {
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;

    widget.type_schedule("not-a-guid");
    let input = widget.schedule_input();
    wait_for("the inline error", || {
        widget.text(".cc-error").contains("8-4-4-4-12")
    })
    .await;
    assert_eq!(attr(&input, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        prop(&input, "value").as_string().unwrap(),
        "not-a-guid",
        "typing is kept"
    );
    widget.choose("Google Calendar");
    assert!(!widget.button_enabled(), "invalid schedule");

    widget.type_schedule(SCHEDULE);
    wait_for("the inline error to go", || {
        widget.text(".cc-error").is_empty()
    })
    .await;
    wait_for("Connect to be enabled", || widget.button_enabled()).await;

    widget.choose("Apple Calendar");
    wait_for("the credentials hint", || {
        widget.text(".cc-actions .cc-hint").contains("signing in")
    })
    .await;
    assert!(
        !widget.button_enabled(),
        "Apple connects with credentials, not OAuth"
    );
    assert!(widget
        .text(".cc-provider .cc-hint")
        .contains("email and password"));
}

#[wasm_bindgen_test]
async fn sends_one_connect_request_for_a_burst_of_clicks_and_leaves_for_the_checked_url() {
    let widget = Fixture::new(&[("scheduleId", SCHEDULE)]).await;
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;

    // A double click, a held Enter (repeated submits) and a touch followed by a click.
    let form = widget.find("form").unwrap();
    let request_submit = js_sys::Function::from(prop(&form, "requestSubmit"));
    widget.button().click();
    widget.button().click();
    request_submit.call0(&form).unwrap();
    request_submit.call0(&form).unwrap();
    widget.button().click();
    wait_for("the busy state", || {
        attr(&widget.button(), "aria-busy").as_deref() == Some("true")
    })
    .await;

    wait_for("the navigation", || !widget.navigator.visited().is_empty()).await;
    sleep(200).await;
    widget.button().click();
    sleep(200).await;

    let requests = oauth_requests().await;
    assert_eq!(
        requests.len(),
        1,
        "exactly one Connect By OAuth: {requests:?}"
    );
    let body: Value = match &requests[0]["body"] {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    };
    assert_eq!(body["scheduleId"], SCHEDULE);
    assert_eq!(body["providerId"], GOOGLE_ID);
    let redirect = body["redirectUrl"].as_str().unwrap();
    let redirecting = widget.events("redirecting");
    let attempt_id = redirecting[0]["attemptId"].as_str().unwrap();
    assert!(
        redirect.ends_with(&format!("cc_attempt={attempt_id}")),
        "{redirect}"
    );
    assert!(!redirect.contains('#'));

    let visited = widget.navigator.visited();
    assert_eq!(visited.len(), 1);
    assert!(
        visited[0].starts_with(&format!("{EMULATOR}/_emulator/consent/")),
        "{visited:?}"
    );
    assert!(widget.status().contains("Taking you to Google Calendar"));
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    let stored = AttemptRecord::from_json(
        &storage
            .get_item("calendar-connect:attempt")
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(stored.id, attempt_id);
    assert_eq!(stored.schedule_id, SCHEDULE);
    assert_eq!(stored.provider_name, "Google Calendar");
}

#[wasm_bindgen_test]
async fn explains_failures_and_keeps_every_choice() {
    // (fault, words the alert must contain, failed reason)
    let cases = [
        (
            json!({"status": 428, "body": {"message": "", "details": {"applicationError": {"code": "NOT_SUPPORTED_BY_PROVIDER", "description": "no"}}}}),
            "Google Calendar can't be connected by signing in",
            "not-supported-by-provider",
        ),
        (
            json!({"status": 403, "body": {"message": "", "details": {"applicationError": {"code": "PREMIUM_FEATURE_NOT_ENABLED"}}}}),
            "Premium plan",
            "premium-required",
        ),
        (json!({"status": 401}), "not signed in", "unauthenticated"),
        (json!({"status": 403}), "permission", "permission-denied"),
        (
            json!({"status": 400, "body": {"message": "bad", "details": {"validationError": {"fieldViolations": [{"field": "scheduleId", "description": "bad", "violatedRule": "FORMAT"}]}}}}),
            "Wix didn't accept the Schedule ID",
            "invalid-request",
        ),
        (json!({"status": 404}), "couldn't find", "not-found"),
        (
            json!({"status": 429, "headers": {"Retry-After": "30"}}),
            "Wait 30 seconds",
            "rate-limited",
        ),
        (
            json!({"status": 503}),
            "problem on its side",
            "server-error",
        ),
        (
            json!({"malformedJson": true}),
            "couldn't understand",
            "bad-response",
        ),
        (
            json!({"status": 200, "body": {"unexpected": true}}),
            "couldn't understand",
            "bad-response",
        ),
        // Browsers retry a request when a reused connection closes without an answer, once
        // per idle pooled connection (the panels' requests leave several): enough faults for
        // every retry; the rest are dropped after the case.
        (
            json!({"closeConnection": true, "times": 8}),
            "couldn't reach Wix",
            "network",
        ),
        (
            json!({"status": 200, "body": {"oauthUrl": "javascript:alert(1)"}}),
            "can't trust",
            "invalid-oauth-url",
        ),
        // URLs the browser can't parse: refused instead of "Taking you to..." forever.
        (
            json!({"status": 200, "body": {"oauthUrl": "https://example.com:99999/x"}}),
            "can't trust",
            "invalid-oauth-url",
        ),
        (
            json!({"status": 200, "body": {"oauthUrl": "http://[::1]evil.com/"}}),
            "can't trust",
            "invalid-oauth-url",
        ),
        (
            json!({"status": 200, "body": {"oauthUrl": "http://evil.example/consent"}}),
            "can't trust",
            "invalid-oauth-url",
        ),
    ];
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    widget.type_schedule(SCHEDULE);
    for (index, (mut fault_body, words, reason)) in cases.into_iter().enumerate() {
        fault_body["method"] = json!("connectByOAuth");
        fault(fault_body.clone()).await;
        wait_for("Connect to be enabled", || widget.button_enabled()).await;
        widget.button().click();
        wait_for(&format!("the failed event for {fault_body}"), || {
            widget.events("failed").len() > index
        })
        .await;
        wait_for(words, || widget.alert().contains(words)).await;
        assert!(widget.button_enabled(), "{fault_body}: controls come back");
        assert_eq!(
            attr(&widget.button(), "aria-busy").as_deref(),
            Some("false")
        );
        widget.assert_choices_kept("Google Calendar", SCHEDULE);
        control("DELETE", "faults", None).await;
        let failed = widget.events("failed");
        assert_eq!(failed.len(), index + 1, "{fault_body}");
        assert_eq!(failed[index]["reason"], reason, "{fault_body}");
    }
    assert!(
        widget.navigator.visited().is_empty(),
        "never navigated: {:?}",
        widget.navigator.visited()
    );
    let alert = widget.find("[role=alert] code").unwrap();
    assert_eq!(
        alert.text_content().unwrap(),
        "http://evil.example/consent",
        "the raw URL is shown as text"
    );
}

#[wasm_bindgen_test]
async fn a_navigation_that_fails_gives_the_controls_back() {
    control("POST", "reset", None).await;
    let widget = Fixture::mount_navigating(&[], Navigator::reporting(|_| false));
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    widget.type_schedule(SCHEDULE);
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the untrusted-URL message", || {
        widget.alert().contains("can't trust")
    })
    .await;
    assert_eq!(widget.navigator.visited().len(), 1);
    assert!(!widget.status().contains("Taking you to"));
    assert!(widget.button_enabled(), "controls come back");
    widget.assert_choices_kept("Google Calendar", SCHEDULE);
    let failed = widget.events("failed");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["reason"], "invalid-oauth-url");
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(
        storage.get_item("calendar-connect:attempt").unwrap(),
        None,
        "the attempt is forgotten"
    );
}

#[wasm_bindgen_test]
async fn abandons_a_token_callback_that_never_settles() {
    control("POST", "reset", None).await;
    let never = js_sys::Function::new_no_args("return new Promise(() => {});");
    let widget = Fixture::mount_custom(
        &[("timeoutMs", "1000")],
        Auth::Callback(never),
        Navigator::recording(),
    );
    wait_for("the no-token message", || {
        widget.alert().contains("couldn't get permission")
    })
    .await;
    assert!(widget.navigator.visited().is_empty());
}

#[wasm_bindgen_test]
async fn abandons_a_request_that_hangs() {
    let widget = Fixture::new(&[("timeoutMs", "700")]).await;
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    widget.type_schedule(SCHEDULE);
    fault(json!({"method": "connectByOAuth", "hang": true})).await;
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the timeout message", || {
        widget.alert().contains("didn't answer in time")
    })
    .await;
    assert!(widget.button_enabled());
    widget.assert_choices_kept("Google Calendar", SCHEDULE);
}

#[wasm_bindgen_test]
async fn offers_retry_when_providers_fail_to_load() {
    control("POST", "reset", None).await;
    fault(json!({"method": "listProviders", "status": 500})).await;
    let widget = Fixture::mount(&[]);
    wait_for("the load failure", || {
        widget
            .alert()
            .contains("couldn't load the calendar providers")
    })
    .await;
    wait_for("the failed event", || !widget.events("failed").is_empty()).await;
    let retry: HtmlElement = widget
        .find(".cc-load-error button")
        .unwrap()
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Retry");
    retry.click();
    widget.providers_shown().await;
}

#[wasm_bindgen_test]
async fn announces_a_matched_return_focuses_it_and_cleans_the_address() {
    control("POST", "reset", None).await;
    // The return is verified with Get Connection before it is announced: it must exist.
    let connection_id = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let now = js_sys::Date::now() as u64;
    let record = AttemptRecord::new(
        "attempt-1",
        SCHEDULE,
        GOOGLE_ID,
        "Google Calendar",
        now,
        Some("tab=cal".into()),
    );
    store_attempt(&record);
    set_address(
        &format!("?keep=1&connectionId={connection_id}&cc_attempt=attempt-1&also=%20x"),
        "",
    );
    let widget = Fixture::mount(&[]);

    wait_for("the success message", || {
        widget.status().contains("Google Calendar is connected")
    })
    .await;
    assert_eq!(address_tail(), "?keep=1&also=%20x#tab=cal");
    wait_for("focus on the outcome", || {
        document()
            .active_element()
            .is_some_and(|e| attr(&e, "role").as_deref() == Some("status"))
    })
    .await;
    let connected = widget.events("connected");
    assert_eq!(connected.len(), 1);
    assert_eq!(connected[0]["connectionId"], connection_id.as_str());
    assert_eq!(connected[0]["scheduleId"], SCHEDULE);
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    assert_eq!(
        storage.get_item("calendar-connect:attempt").unwrap(),
        None,
        "consumed once"
    );
    drop(widget);

    // A reload shows the normal widget.
    let again = Fixture::mount(&[]);
    again.providers_shown().await;
    assert!(again.status().is_empty() && again.alert().is_empty());
    set_address("", "");
}

#[wasm_bindgen_test]
async fn explains_returned_failures_and_never_renders_address_values_as_html() {
    let now = js_sys::Date::now() as u64;
    let expired = now - 31 * 60 * 1000;
    // (stored attempt start, query, hash, region, words, failed reason)
    type Case<'a> = (
        Option<u64>,
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
    );
    let cases: [Case; 7] = [
        (
            Some(now),
            "?error=reject&cc_attempt=attempt-2",
            "",
            "alert",
            "Access to Google Calendar wasn't granted",
            Some("reject"),
        ),
        (
            Some(now),
            "?error=unsupported&cc_attempt=attempt-2",
            "",
            "alert",
            "another account type",
            Some("unsupported"),
        ),
        (
            Some(now),
            "",
            "#/r?error=internal&cc_attempt=attempt-2",
            "alert",
            "Google Calendar couldn't complete",
            Some("internal"),
        ),
        (
            Some(now),
            "?connectionId=conn-9&cc_attempt=someone-else",
            "",
            "alert",
            "can't confirm",
            Some("unconfirmed"),
        ),
        (
            None,
            "?connectionId=conn-9",
            "",
            "alert",
            "can't confirm",
            Some("unconfirmed"),
        ),
        (
            Some(now),
            "?error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&cc_attempt=attempt-2",
            "",
            "alert",
            "couldn't tell",
            Some("unclear"),
        ),
        (Some(expired), "", "", "status", "has expired", None),
    ];
    control("POST", "reset", None).await;
    for (started, query, hash, region, words, reason) in cases {
        if let Some(started) = started {
            store_attempt(&AttemptRecord::new(
                "attempt-2",
                SCHEDULE,
                GOOGLE_ID,
                "Google Calendar",
                started,
                None,
            ));
        }
        set_address(query, hash);
        let widget = Fixture::mount(&[]);
        let text = || widget.text(&format!(".cc-outcome[role={region}]"));
        wait_for(words, || text().contains(words)).await;
        assert!(
            widget.find(".cc-outcome img").is_none(),
            "{query}: rendered as text"
        );
        if query.contains("img") {
            assert_eq!(
                widget.text(".cc-outcome code"),
                "error=<img src=x onerror=alert(1)>"
            );
        }
        assert!(
            !address_tail().contains("error=") && !address_tail().contains("connectionId"),
            "{query}: cleaned"
        );
        wait_for("the failed event", || {
            reason.is_none() || !widget.events("failed").is_empty()
        })
        .await;
        if let Some(reason) = reason {
            assert_eq!(widget.events("failed")[0]["reason"], reason);
        }
        if query.contains("attempt-2") {
            widget.providers_shown().await;
            widget.assert_choices_kept("Google Calendar", SCHEDULE);
        }
        assert!(
            widget.events("connected").is_empty(),
            "{query}: never a success"
        );
        drop(widget);
        set_address("", "");
    }
}

#[wasm_bindgen_test]
async fn unmount_removes_the_widget() {
    let mut widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    widget.handle.take().unwrap().unmount();
    assert!(widget.find("form").is_none());
}

// ----- after connecting (issue 5) ------------------------------------------------------------

const APPLE_ID: &str = "9f084ae8-b3a6-4eb6-a29d-bc682c04b5fc";
const MICROSOFT_ID: &str = "ae0d26b4-7e04-4735-a15e-1b1acaba2f00";
const OTHER_SCHEDULE: &str = "3e47ec65-2975-447c-a7ed-75041e850d5e";

/// Creates a connection through the control API; returns its ID.
async fn add_connection(
    provider: &str,
    schedule: &str,
    status: &str,
    error_reason: Option<&str>,
) -> String {
    let mut body = json!({"scheduleId": schedule, "providerId": provider, "status": status});
    if let Some(reason) = error_reason {
        body["errorReason"] = json!(reason);
    }
    let answer = control("POST", "connections", Some(body)).await;
    answer["connection"]["id"].as_str().unwrap().to_owned()
}

/// Adds an Apple connection of `email` on the schedule whose access was withdrawn (ERROR,
/// `TOKEN_REVOKED`).
async fn add_revoked_apple_connection(email: &str) {
    let body = json!({"scheduleId": SCHEDULE, "providerId": APPLE_ID, "status": "ERROR",
        "errorReason": "TOKEN_REVOKED", "externalAccountEmail": email});
    control("POST", "connections", Some(body)).await;
}

/// The API calls the emulator logged whose path ends with `suffix`.
async fn requests_to(suffix: &str) -> Vec<Value> {
    let log = control("GET", "requests", None).await;
    log["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .collect()
}

impl Fixture {
    /// The button whose accessible name (`aria-label`, else its text) is `name`.
    fn button_named(&self, name: &str) -> Option<HtmlElement> {
        let buttons = self.root.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .filter_map(|b| b.dyn_into::<HtmlElement>().ok())
            .find(|button| {
                let label = attr(button, "aria-label")
                    .unwrap_or_else(|| button.text_content().unwrap_or_default());
                label.trim() == name
            })
    }

    async fn click_when_shown(&self, name: &str) {
        wait_for(name, || self.button_named(name).is_some()).await;
        self.button_named(name).unwrap().click();
    }

    /// The text of the "Connected calendars" rows.
    fn rows(&self) -> Vec<String> {
        let items = self.root.query_selector_all(".cc-connection").unwrap();
        (0..items.length())
            .filter_map(|i| items.item(i))
            .map(|item| item.text_content().unwrap_or_default())
            .collect()
    }

    /// The checkbox of the calendar named `name` in the sync settings' calendar choice.
    fn calendar_box(&self, name: &str) -> Option<web_sys::HtmlInputElement> {
        let labels = self.root.query_selector_all(".cc-calendars label").unwrap();
        (0..labels.length())
            .filter_map(|i| labels.item(i))
            .filter_map(|l| l.dyn_into::<Element>().ok())
            .find(|l| l.text_content().unwrap_or_default().trim() == name)
            .and_then(|l| l.query_selector("input").unwrap())
            .map(|input| input.unchecked_into())
    }

    fn switch(&self, label: &str) -> Option<Element> {
        let labels = self.root.query_selector_all("label.cc-switch").unwrap();
        (0..labels.length())
            .filter_map(|i| labels.item(i))
            .filter_map(|l| l.dyn_into::<Element>().ok())
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .and_then(|l| l.query_selector("input").unwrap())
    }

    fn switch_on(&self, label: &str) -> Option<bool> {
        self.switch(label)
            .and_then(|input| prop(&input, "checked").as_bool())
    }
}

fn focused_text() -> String {
    document()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Presses Escape where the focus is: a keydown that bubbles, as a real key press does.
fn press_escape() {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document()
        .active_element()
        .expect("something has the focus")
        .dispatch_event(&event)
        .unwrap();
}

#[wasm_bindgen_test]
async fn verifies_a_returned_connection_before_announcing_it() {
    control("POST", "reset", None).await;
    let mine = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let elsewhere = add_connection(GOOGLE_ID, OTHER_SCHEDULE, "SYNCED", None).await;
    let broken = add_connection(GOOGLE_ID, SCHEDULE, "ERROR", Some("TOKEN_REVOKED")).await;
    // (connection, region, words, reason of calendar-connect:failed, action offered)
    let cases = [
        (
            mine.as_str(),
            "status",
            "Google Calendar is connected",
            None,
            None,
        ),
        (
            elsewhere.as_str(),
            "alert",
            "couldn't confirm a working connection to Google Calendar",
            Some("unconfirmed"),
            None,
        ),
        (
            "no-such-connection",
            "alert",
            "couldn't confirm",
            Some("unconfirmed"),
            None,
        ),
        (
            broken.as_str(),
            "alert",
            "access to the calendar account was withdrawn",
            Some("broken"),
            Some("Reconnect"),
        ),
    ];
    for (connection, region, words, reason, action) in cases {
        store_attempt(&AttemptRecord::new(
            "attempt-3",
            SCHEDULE,
            GOOGLE_ID,
            "Google Calendar",
            js_sys::Date::now() as u64,
            None,
        ));
        set_address(
            &format!("?connectionId={connection}&cc_attempt=attempt-3"),
            "",
        );
        let widget = Fixture::mount(&[]);
        assert!(
            widget
                .status()
                .contains("Verifying the connection to Google Calendar"),
            "{connection}: nothing is claimed before the check, got {:?}",
            widget.status()
        );
        let text = || widget.text(&format!(".cc-outcome[role={region}]"));
        wait_for(words, || text().contains(words)).await;
        match reason {
            None => {
                assert_eq!(widget.events("connected")[0]["connectionId"], connection);
                assert!(widget.events("failed").is_empty());
            }
            Some(reason) => {
                assert_eq!(widget.events("failed")[0]["reason"], reason);
                assert!(widget.events("connected").is_empty(), "{connection}");
            }
        }
        if let Some(action) = action {
            assert!(widget.button_named(action).is_some(), "{action} offered");
        }
        drop(widget);
        set_address("", "");
    }

    // A failed check says so and can be repeated.
    fault(json!({"method": "getConnection", "status": 503})).await;
    store_attempt(&AttemptRecord::new(
        "attempt-4",
        SCHEDULE,
        GOOGLE_ID,
        "Google Calendar",
        js_sys::Date::now() as u64,
        None,
    ));
    set_address(&format!("?connectionId={mine}&cc_attempt=attempt-4"), "");
    let widget = Fixture::mount(&[]);
    wait_for("the failed check", || {
        widget.alert().contains("couldn't check the new connection")
    })
    .await;
    widget.click_when_shown("Check again").await;
    wait_for("the success after checking again", || {
        widget.status().contains("Google Calendar is connected")
    })
    .await;
    assert_eq!(widget.events("connected").len(), 1);
    drop(widget);
    set_address("", "");
}

#[wasm_bindgen_test]
async fn a_live_connection_this_page_did_not_start_is_pointed_out_not_announced() {
    control("POST", "reset", None).await;
    let live = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .remove_item("calendar-connect:attempt")
        .unwrap();
    set_address(&format!("?connectionId={live}"), "");
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("the note about a connection started elsewhere", || {
        widget
            .status()
            .contains("not from a connection started on this page")
    })
    .await;
    assert!(
        !widget
            .status()
            .contains("Google Calendar is connected to this schedule."),
        "not announced as a success: {}",
        widget.status()
    );
    assert!(widget.events("connected").is_empty());
    assert!(widget.events("failed").is_empty());
    assert_eq!(address_tail(), "", "the result is consumed");
    drop(widget);
    set_address("", "");
}

#[wasm_bindgen_test]
async fn a_failed_check_of_a_returned_connection_takes_the_focus() {
    control("POST", "reset", None).await;
    store_attempt(&AttemptRecord::new(
        "attempt-gone",
        SCHEDULE,
        GOOGLE_ID,
        "Google Calendar",
        js_sys::Date::now() as u64,
        None,
    ));
    set_address(
        "?connectionId=no-such-connection&cc_attempt=attempt-gone",
        "",
    );
    // With the stylesheet, an empty outcome region is hidden until its text is rendered.
    let style = load_stylesheet();
    let widget = Fixture::mount(&[]);
    wait_for("the failed check", || !widget.alert().is_empty()).await;
    sleep(100).await;
    let focused = document().active_element().is_some_and(|e| {
        e.class_list().contains("cc-outcome") && attr(&e, "role").as_deref() == Some("alert")
    });
    style.remove();
    drop(widget);
    set_address("", "");
    assert!(focused, "focus on the outcome");
}

#[wasm_bindgen_test]
async fn a_disconnect_message_takes_the_focus() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    // With the stylesheet, the empty status line is hidden until its text is rendered.
    let style = load_stylesheet();
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    widget.click_when_shown("Disconnect").await;
    wait_for("the disconnected message", || {
        widget
            .text(".cc-panel__status")
            .contains("Google Calendar was disconnected")
    })
    .await;
    sleep(100).await;
    let focused = document()
        .active_element()
        .is_some_and(|e| e.class_name() == "cc-panel__status");
    style.remove();
    assert!(focused, "focus on the disconnected message");
}

#[wasm_bindgen_test]
async fn handles_a_return_whose_widget_is_not_on_the_page() {
    control("POST", "reset", None).await;
    let connection_id = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    store_attempt(
        &AttemptRecord::new(
            "attempt-elsewhere",
            SCHEDULE,
            GOOGLE_ID,
            "Google Calendar",
            js_sys::Date::now() as u64,
            None,
        )
        .for_instance("no-such-element"),
    );
    set_address(
        &format!("?keep=1&connectionId={connection_id}&cc_attempt=attempt-elsewhere"),
        "",
    );
    let widget = Fixture::mount(&[]);
    wait_for("the success message", || {
        widget.status().contains("Google Calendar is connected")
    })
    .await;
    assert_eq!(address_tail(), "?keep=1", "the address is cleaned");
    drop(widget);
    set_address("", "");
}

#[wasm_bindgen_test]
async fn lists_connections_and_disconnects_only_after_asking() {
    control("POST", "reset", None).await;
    let google = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    add_connection(
        APPLE_ID,
        SCHEDULE,
        "ERROR",
        Some("EXTERNAL_CALENDAR_DELETED"),
    )
    .await;
    add_connection(MICROSOFT_ID, SCHEDULE, "SYNCED", None).await;
    control(
        "POST",
        &format!("providers/{MICROSOFT_ID}/failing"),
        Some(json!({"failing": true})),
    )
    .await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("two rows", || widget.rows().len() == 2).await;
    let rows = widget.rows();
    assert!(
        rows[0].contains("Google Calendar")
            && rows[0].contains("owner@google.example.com")
            && rows[0].contains("Synced"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("Apple Calendar")
            && rows[1].contains("Not working")
            && rows[1].contains("was deleted"),
        "{rows:?}"
    );
    assert!(
        widget
            .text(".cc-panel .cc-note")
            .contains("Connections of Outlook or Office 365 couldn't be loaded"),
        "names the failed provider"
    );
    let query = requests_to("/external-calendars/connections").await[0]["query"].clone();
    assert_eq!(
        query,
        format!("scheduleIds={SCHEDULE}&partialFailure=true").as_str()
    );

    // Asking first; Cancel (or Escape) keeps the connection and gives the focus back.
    let disconnect = "Disconnect Google Calendar (owner@google.example.com)";
    widget.click_when_shown(disconnect).await;
    wait_for("the confirmation", || {
        widget.find("[role=alertdialog]").is_some()
    })
    .await;
    wait_for("focus on Cancel", || focused_text().trim() == "Cancel").await;
    widget.button_named("Cancel").unwrap().click();
    let closed_with_focus_back = || async {
        wait_for("the confirmation to close", || {
            widget.find("[role=alertdialog]").is_none()
        })
        .await;
        wait_for("focus back on Disconnect", || {
            document()
                .active_element()
                .and_then(|e| attr(&e, "aria-label"))
                .as_deref()
                == Some(disconnect)
        })
        .await;
    };
    closed_with_focus_back().await;
    widget.click_when_shown(disconnect).await;
    wait_for("focus on Cancel again", || {
        focused_text().trim() == "Cancel"
    })
    .await;
    press_escape();
    closed_with_focus_back().await;
    assert!(requests_to("/disconnect").await.is_empty(), "nothing sent");

    widget.click_when_shown(disconnect).await;
    widget.click_when_shown("Disconnect").await;
    wait_for("the disconnected message", || {
        widget
            .text(".cc-panel__status")
            .contains("Google Calendar was disconnected")
    })
    .await;
    wait_for("focus on the disconnected message", || {
        document()
            .active_element()
            .is_some_and(|e| e.class_name() == "cc-panel__status")
    })
    .await;
    wait_for("the Google row to go", || {
        widget.rows().iter().all(|r| !r.contains("Google"))
    })
    .await;
    assert_eq!(
        widget.events("disconnected")[0]["connectionId"],
        google.as_str()
    );

    // Already disconnected elsewhere (428): done all the same.
    fault(
        json!({"method": "disconnect", "status": 428, "body": {"message": "",
        "details": {"applicationError": {"code": "CONNECTION_ALREADY_DISCONNECTED"}}}}),
    )
    .await;
    widget
        .click_when_shown("Disconnect Apple Calendar (Waiting for the first sync)")
        .await;
    widget.click_when_shown("Disconnect").await;
    wait_for("Apple disconnected", || {
        widget
            .text(".cc-panel__status")
            .contains("Apple Calendar was disconnected")
    })
    .await;
    assert_eq!(widget.events("disconnected").len(), 2);
}

#[wasm_bindgen_test]
async fn a_failed_disconnect_is_announced() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    fault(json!({"method": "disconnect", "status": 503})).await;
    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    widget.click_when_shown("Disconnect").await;
    wait_for("the failure, in an alert", || {
        widget
            .text(".cc-connection [role=alert]")
            .contains("Google Calendar couldn't be disconnected")
    })
    .await;
    control("DELETE", "faults", None).await;
}

#[wasm_bindgen_test]
async fn a_sync_switch_shows_the_server_value_and_rolls_back_a_failed_save() {
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    let export = "Add bookings to a calendar created for Wix";
    widget
        .click_when_shown("Sync settings for Apple Calendar (owner@apple.example.com)")
        .await;
    wait_for("the export switch", || widget.switch(export).is_some()).await;
    assert_eq!(widget.switch_on(export), Some(false));
    assert_eq!(
        attr(&widget.switch(export).unwrap(), "role").as_deref(),
        Some("switch")
    );
    wait_for("the calendars to choose from", || {
        widget.text(".cc-calendars").contains("Family")
    })
    .await;

    let input: HtmlElement = widget.switch(export).unwrap().unchecked_into();
    input.click();
    wait_for("the save", || widget.text(".cc-sync").contains("Saved.")).await;
    assert_eq!(widget.switch_on(export), Some(true));
    let patch = requests_to("/sync-config").await.pop().unwrap();
    assert_eq!(
        patch["body"]["fieldMask"],
        "syncToCalendar.enabled,syncToCalendar.dedicatedCalendar"
    );
    let changed = widget.events("sync-config-changed");
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["setting"], "export");
    assert_eq!(changed[0]["enabled"], "true");

    fault(
        json!({"method": "updateSyncConfig", "status": 428, "body": {"message": "",
        "details": {"applicationError": {"code": "NOT_SUPPORTED_BY_PROVIDER"}}}}),
    )
    .await;
    let input: HtmlElement = widget.switch(export).unwrap().unchecked_into();
    input.click();
    wait_for("the rollback message", || {
        widget
            .text(".cc-sync [role=alert]")
            .contains("wasn't saved")
    })
    .await;
    assert_eq!(
        widget.switch_on(export),
        Some(true),
        "back to the server's value"
    );
    assert!(!widget.text(".cc-sync").contains("Saved."));
    let why = widget.text(".cc-sync [role=alert]");
    assert!(
        why.contains("Apple Calendar doesn't support this setting"),
        "{why}"
    );
    assert_eq!(
        widget.events("sync-config-changed").len(),
        1,
        "no event for it"
    );
}

#[wasm_bindgen_test]
async fn a_calendar_ticked_while_a_save_runs_is_not_shown_as_chosen() {
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget
        .click_when_shown("Sync settings for Apple Calendar (owner@apple.example.com)")
        .await;
    wait_for("the calendars to choose from", || {
        widget.calendar_box("Family").is_some()
    })
    .await;
    fault(json!({"method": "updateSyncConfig", "delayMs": 1500})).await;

    widget.calendar_box("Work").unwrap().click();
    let family = widget.calendar_box("Family").unwrap();
    family.click();
    assert!(
        !family.checked(),
        "a tick refused while a save runs must not look chosen"
    );
    wait_for("the save", || widget.text(".cc-sync").contains("Saved.")).await;
    assert!(widget.calendar_box("Work").unwrap().checked());
    assert!(!widget.calendar_box("Family").unwrap().checked());
    assert_eq!(requests_to("/sync-config").await.len(), 1);
}

#[wasm_bindgen_test]
async fn upcoming_events_are_grouped_by_day_and_kept_when_a_reload_fails() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("days of events", || widget.find(".cc-day").is_some()).await;
    let list = widget.text(".cc-events");
    assert!(list.contains("Tomorrow"), "{list}");
    assert!(
        widget.find(".cc-event--all-day").is_some(),
        "all-day events marked"
    );
    assert!(list.contains("All day"), "{list}");
    let first = requests_to("/external-calendars/events").await[0]["query"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        first.contains(&format!("scheduleIds={SCHEDULE}")) && first.contains("partialFailure=true"),
        "{first}"
    );

    fault(json!({"method": "listEvents", "status": 503})).await;
    widget.click_when_shown("Refresh upcoming events").await;
    wait_for("the out-of-date note", || {
        widget.text(".cc-events").contains("may be out of date")
    })
    .await;
    assert!(widget.find(".cc-day").is_some(), "the last list is kept");
}

#[wasm_bindgen_test]
async fn a_long_unbroken_event_title_does_not_widen_the_widget() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let style = load_stylesheet();
    let day_ms = 24.0 * 3600.0 * 1000.0;
    let start = js_sys::Date::new(&(js_sys::Date::now() + day_ms).into());
    let end = js_sys::Date::new(&(js_sys::Date::now() + day_ms + 3600.0 * 1000.0).into());
    let title = "W".repeat(400);
    fault(
        json!({"method": "listEvents", "status": 200, "times": 8, "body": {
            "events": [{
                "scheduleId": SCHEDULE,
                "calendarType": "GOOGLE",
                "title": title,
                "start": String::from(start.to_iso_string()),
                "end": String::from(end.to_iso_string()),
                "allDay": false,
            }],
            "pagingMetadata": {"count": 1, "hasNext": false},
        }}),
    )
    .await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.root.style().set_property("width", "320px").unwrap();
    wait_for("the long title", || {
        widget.text(".cc-event__title").starts_with("WWWW")
    })
    .await;
    let list: HtmlElement = widget.find(".cc-events__list").unwrap().unchecked_into();
    let widths = (widget.root.scroll_width(), list.offset_width());
    style.remove();
    control("DELETE", "faults", None).await;
    assert!(
        widths.0 <= 320 && widths.1 <= 320,
        "the widget is wider than its 320px: {widths:?}"
    );
}

impl Fixture {
    /// Fills Apple's form with an email and a password the emulator accepts and sends it;
    /// Connect By Credentials answers after `delay_ms`.
    async fn send_apple_credentials_slowly(&self, delay_ms: u32) {
        for (selector, value) in [
            ("input[type=email]", "ann@example.org"),
            ("input[type=password]", "abcd-efgh-ijkl-mnop"),
        ] {
            type_into(&self.find(selector).unwrap(), value);
        }
        fault(json!({"method": "connectByCredentials", "delayMs": delay_ms})).await;
        self.button_named("Connect Apple Calendar").unwrap().click();
    }
}

/// A fresh widget with Apple Calendar chosen and the schedule typed: its email and password
/// form is shown.
async fn apple_credentials_form() -> Fixture {
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    widget.choose("Apple Calendar");
    widget.type_schedule(SCHEDULE);
    wait_for("the credentials form", || {
        widget.find("input[type=password]").is_some()
    })
    .await;
    widget
}

#[wasm_bindgen_test]
async fn credentials_connect_apple_and_never_keep_the_password() {
    let widget = apple_credentials_form().await;
    let email = widget.find("input[type=email]").unwrap();
    let password = widget.find("input[type=password]").unwrap();
    let submit = || {
        widget
            .button_named("Connect Apple Calendar")
            .unwrap()
            .click()
    };

    // Checked before sending.
    type_into(&email, "ann");
    submit();
    wait_for("the email message", || {
        widget
            .text(".cc-credentials")
            .contains("Enter an email address like")
    })
    .await;
    assert!(requests_to(":connectByCredentials").await.is_empty());

    type_into(&email, "ann@example.org");
    type_into(&password, "wrong-password");
    submit();
    wait_for("the bad-credentials message", || {
        widget
            .alert()
            .contains("didn't accept that email and password")
    })
    .await;
    assert_eq!(prop(&password, "value").as_string().unwrap(), "");
    assert_eq!(widget.events("failed")[0]["reason"], "bad-credentials");

    type_into(&password, "abcd-efgh-ijkl-mnop");
    submit();
    wait_for("the verified success", || {
        widget.status().contains("Apple Calendar is connected")
    })
    .await;
    assert_eq!(prop(&password, "value").as_string().unwrap(), "");
    assert!(!widget.root.inner_html().contains("abcd-efgh"));
    assert_eq!(widget.events("connected").len(), 1);
    let log = control("GET", "requests", None).await;
    assert!(
        log["requests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["method"] == "GET" && r["path"].as_str().unwrap().contains("/connections/")),
        "the new connection was read back"
    );
}

/// A widget on a schedule that has a Google connection, with Google chosen and Connect pressed:
/// the duplicate question is open.
async fn open_duplicate_question() -> Fixture {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    wait_for("the Google row", || !widget.rows().is_empty()).await;
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the duplicate question", || {
        widget.find("[role=alertdialog]").is_some()
    })
    .await;
    widget
}

/// A keydown of `key` where the focus is, as a key held down repeats it; returns whether the
/// widget cancelled its default action (for Enter on a button: the click).
fn press_repeated(key: &str) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_repeat(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document()
        .active_element()
        .expect("something has the focus")
        .dispatch_event(&event)
        .unwrap();
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn a_held_key_does_not_answer_the_duplicate_question() {
    let widget = open_duplicate_question().await;
    wait_for("Reconnect to take the focus", || {
        focused_text().trim() == "Reconnect"
    })
    .await;
    assert!(press_repeated("Enter"), "a repeated Enter is held back");
    assert!(press_repeated(" "), "a repeated Space is held back");
    assert!(widget.find("[role=alertdialog]").is_some());
    assert!(oauth_requests().await.is_empty());
}

#[wasm_bindgen_test]
async fn a_reconnect_from_the_list_answers_an_open_duplicate_question() {
    let widget = open_duplicate_question().await;
    let reconnect = widget
        .button_named("Reconnect Google Calendar (owner@google.example.com)")
        .expect("the row's Reconnect");
    reconnect.click();
    wait_for("the navigation", || widget.navigator.visited().len() == 1).await;
    assert!(
        widget.find("[role=alertdialog]").is_none(),
        "the question is gone"
    );
    let sent = oauth_requests().await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["providerId"], GOOGLE_ID);
}

#[wasm_bindgen_test]
async fn asks_before_connecting_a_provider_the_schedule_already_has() {
    let widget = open_duplicate_question().await;
    assert!(widget
        .text("[role=alertdialog]")
        .contains("already connected to Google Calendar (owner@google.example.com)"));
    assert!(oauth_requests().await.is_empty(), "nothing sent yet");
    wait_for("focus on Reconnect", || {
        focused_text().trim() == "Reconnect"
    })
    .await;
    widget.button_named("Cancel").unwrap().click();
    let closed_with_focus_back = || async {
        wait_for("the question to close", || {
            widget.find("[role=alertdialog]").is_none()
        })
        .await;
        wait_for("focus back on Connect", || {
            document()
                .active_element()
                .is_some_and(|e| e == *widget.button())
        })
        .await;
    };
    closed_with_focus_back().await;

    // Escape, pressed where the focus is, does what Cancel does.
    widget.button().click();
    wait_for("focus on Reconnect again", || {
        focused_text().trim() == "Reconnect"
    })
    .await;
    press_escape();
    closed_with_focus_back().await;
    assert!(oauth_requests().await.is_empty(), "still nothing sent");

    widget.button().click();
    widget.click_when_shown("Connect another account").await;
    wait_for("the navigation", || widget.navigator.visited().len() == 1).await;
    assert_eq!(oauth_requests().await.len(), 1);
}

#[wasm_bindgen_test]
async fn asks_about_an_existing_connection_even_when_the_list_failed_to_load() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    fault(json!({"method": "listConnections", "status": 503})).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    wait_for("the failed load of the list", || {
        widget
            .text(".cc-panel")
            .contains("couldn't load the schedule's connections")
    })
    .await;
    assert!(widget.rows().is_empty());
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the question", || {
        widget
            .text("[role=alertdialog]")
            .contains("already connected to Google Calendar")
    })
    .await;
    assert!(oauth_requests().await.is_empty(), "nothing sent yet");
    widget.click_when_shown("Connect another account").await;
    wait_for("the navigation", || widget.navigator.visited().len() == 1).await;
    assert_eq!(oauth_requests().await.len(), 1);
}

#[wasm_bindgen_test]
async fn connections_are_kept_with_the_reason_when_a_reload_fails() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("the Google row", || widget.rows().len() == 1).await;
    assert_eq!(widget.text(".cc-panel__problem"), "", "nothing wrong yet");

    fault(json!({"method": "listConnections", "status": 503})).await;
    widget.click_when_shown("Refresh connected calendars").await;
    let problem = || widget.text(".cc-panel__problem");
    wait_for("the out-of-date note", || {
        problem().contains("this list may be out of date")
    })
    .await;
    assert!(
        problem().contains("Wix had a problem on its side"),
        "{}",
        problem()
    );
    assert_eq!(
        attr(&widget.find(".cc-panel__problem").unwrap(), "role").as_deref(),
        Some("status"),
        "announced"
    );
    let rows = widget.rows();
    assert!(
        rows.len() == 1
            && rows[0].contains("owner@google.example.com")
            && rows[0].contains("Synced"),
        "the last list is kept: {rows:?}"
    );

    widget.click_when_shown("Retry").await;
    wait_for("the note to go", || problem().is_empty()).await;
    assert_eq!(widget.rows().len(), 1);
}

#[wasm_bindgen_test]
async fn a_syncing_connection_is_refreshed_until_synced_and_then_left_alone() {
    control("POST", "reset", None).await;
    // CONNECTED for 700 ms, SYNC_IN_PROGRESS for 700 ms, then SYNCED: the panel's first
    // automatic reload (2 s after the first load) finds it synced.
    control("POST", "config", Some(json!({"syncDelayMs": 700}))).await;
    control(
        "POST",
        "connections",
        Some(json!({"scheduleId": SCHEDULE, "providerId": GOOGLE_ID})),
    )
    .await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("the pending row", || {
        widget
            .rows()
            .first()
            .is_some_and(|r| r.contains("first sync pending") || r.contains("Syncing"))
    })
    .await;
    let row = widget.rows()[0].clone();
    assert!(row.contains("Waiting for the first sync"), "{row}");

    // Nobody presses Refresh.
    wait_for("the synced row", || {
        widget
            .rows()
            .first()
            .is_some_and(|r| r.contains("Synced") && r.contains("owner@google.example.com"))
    })
    .await;
    let loads = requests_to("/external-calendars/connections").await.len();
    assert!(loads >= 2, "reloaded by itself ({loads} loads)");

    // Nothing syncs any more: no further reloads (the next one would have come 4 s later).
    sleep(5_000).await;
    assert_eq!(
        requests_to("/external-calendars/connections").await.len(),
        loads,
        "the refreshing stopped"
    );
}

#[wasm_bindgen_test]
async fn a_broken_credentials_connection_reconnects_through_its_form() {
    control("POST", "reset", None).await;
    add_revoked_apple_connection("ann@icloud.example.com").await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    let reconnect = "Reconnect Apple Calendar (ann@icloud.example.com)";
    wait_for("the broken Apple row", || {
        widget
            .rows()
            .first()
            .is_some_and(|r| r.contains("Not working"))
    })
    .await;
    widget.click_when_shown(reconnect).await;

    // The form of that provider, the email prefilled, the password empty and focused.
    wait_for("the credentials form", || {
        widget.find("input[type=password]").is_some()
    })
    .await;
    let email = widget.find("input[type=email]").unwrap();
    let password = widget.find("input[type=password]").unwrap();
    wait_for("the focus on the password", || {
        document().active_element().as_ref() == Some(&password)
    })
    .await;
    assert_eq!(
        prop(&email, "value").as_string().unwrap(),
        "ann@icloud.example.com"
    );
    assert_eq!(prop(&password, "value").as_string().unwrap(), "");
    assert_eq!(
        prop(&widget.radio("Apple Calendar").unwrap(), "checked").as_bool(),
        Some(true)
    );
    assert!(oauth_requests().await.is_empty(), "no OAuth for Apple");

    // Then the same path as any credentials connection: sent, read back, announced.
    js_sys::Reflect::set(&password, &"value".into(), &"abcd-efgh-ijkl-mnop".into()).unwrap();
    widget
        .button_named("Connect Apple Calendar")
        .unwrap()
        .click();
    wait_for("the verified success", || {
        widget.status().contains("Apple Calendar is connected")
    })
    .await;
    let sent = requests_to(":connectByCredentials").await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["email"], "ann@icloud.example.com");
    assert_eq!(sent[0]["body"]["scheduleId"], SCHEDULE);
    assert_eq!(prop(&password, "value").as_string().unwrap(), "");
    assert_eq!(widget.events("connected").len(), 1);

    // Without a known email, the email field takes the focus.
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "ERROR", Some("TOKEN_REVOKED")).await;
    drop(widget);
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget
        .click_when_shown("Reconnect Apple Calendar (Waiting for the first sync)")
        .await;
    wait_for("the focus on the email", || {
        document()
            .active_element()
            .is_some_and(|e| attr(&e, "type").as_deref() == Some("email"))
    })
    .await;
    let email = widget.find("input[type=email]").unwrap();
    assert_eq!(prop(&email, "value").as_string().unwrap(), "");

    // A working credentials connection offers no Reconnect (nothing to repair).
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    drop(widget);
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("the synced Apple row", || {
        widget.rows().first().is_some_and(|r| r.contains("Synced"))
    })
    .await;
    assert!(widget
        .button_named("Reconnect Apple Calendar (owner@apple.example.com)")
        .is_none());
}

#[wasm_bindgen_test]
async fn an_unreadable_attempt_record_is_cleared_and_a_readable_one_kept() {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    let key = "calendar-connect:attempt";
    for garbage in ["{not json", "", "null", "[1,2]", r#"{"id":"x"}"#] {
        storage.set_item(key, garbage).unwrap();
        let widget = Fixture::new(&[]).await;
        widget.providers_shown().await;
        assert_eq!(
            storage.get_item(key).unwrap(),
            None,
            "{garbage:?} is removed"
        );
        drop(widget);
    }
    // A readable record of an attempt still under way (no return in the address) stays.
    let record = AttemptRecord::new(
        "a1",
        SCHEDULE,
        GOOGLE_ID,
        "Google Calendar",
        js_sys::Date::now() as u64,
        None,
    );
    store_attempt(&record);
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    assert_eq!(storage.get_item(key).unwrap(), Some(record.to_json()));
}

// ----- unmounted while an answer is on its way ------------------------------------------------

thread_local! {
    static PANICS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many panics happened so far, counting from the first call. A panic in a background task
/// (reading a signal of an unmounted widget) is only logged by the test runner, which would
/// let the test pass; counting them lets a test fail on one.
fn panics_so_far() -> u32 {
    static HOOKED: std::sync::Once = std::sync::Once::new();
    HOOKED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|n| n.set(n.get() + 1));
            previous(info);
        }));
    });
    PANICS.with(std::cell::Cell::get)
}

#[wasm_bindgen_test]
async fn unmounted_while_connect_reads_the_list_it_sends_nothing_and_stays() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    // The panel's load and Connect's own read of the list are both slow: Connect is pressed
    // while the panel has no list yet, and the widget is unmounted during Connect's read.
    fault(json!({"method": "listConnections", "delayMs": 700, "times": 2})).await;
    let mut widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    sleep(100).await;
    widget.handle.take().unwrap().unmount();
    sleep(1500).await;
    assert!(oauth_requests().await.is_empty(), "no Connect By OAuth");
    assert!(widget.navigator.visited().is_empty(), "the page stays");
    drop(widget);
    assert_eq!(panics_so_far(), panics, "no panic after unmounting");
}

#[wasm_bindgen_test]
async fn unmounted_while_connect_by_oauth_runs_it_neither_stores_nor_leaves() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    let mut widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    wait_for("the empty list", || {
        widget
            .text(".cc-panel")
            .contains("No calendars are connected to this schedule yet.")
    })
    .await;
    fault(json!({"method": "connectByOAuth", "delayMs": 700})).await;
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the Connect By OAuth request", || {
        widget.status().contains("Contacting Wix")
    })
    .await;
    widget.handle.take().unwrap().unmount();
    sleep(1500).await;
    assert_eq!(oauth_requests().await.len(), 1);
    let stored = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item("calendar-connect:attempt")
        .unwrap();
    assert_eq!(stored, None, "no attempt stored for a widget that is gone");
    assert!(
        widget.events("redirecting").is_empty(),
        "no redirecting event"
    );
    assert!(widget.navigator.visited().is_empty(), "the page stays");
    drop(widget);
    assert_eq!(panics_so_far(), panics, "no panic after unmounting");
}

#[wasm_bindgen_test]
async fn unmounted_while_a_returned_connection_is_read_back_it_announces_nothing() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    let live = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    fault(json!({"method": "getConnection", "delayMs": 700})).await;
    set_address(&format!("?connectionId={live}"), "");
    let mut widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    sleep(100).await;
    widget.handle.take().unwrap().unmount();
    sleep(1500).await;
    set_address("", "");
    assert!(widget.events("connected").is_empty());
    assert!(widget.events("failed").is_empty());
    drop(widget);
    assert_eq!(panics_so_far(), panics, "no panic after unmounting");
}

// ----- the confirmation dialogs --------------------------------------------------------------

#[wasm_bindgen_test]
async fn escape_in_a_confirmation_does_not_reach_the_host_page() {
    // A host that closes its own dialog or panel on Escape (a dashboard modal holding the
    // widget) must not also close when Escape only answers the widget's question.
    let escapes = Rc::new(std::cell::Cell::new(0));
    let counted = Rc::clone(&escapes);
    let listener =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" {
                counted.set(counted.get() + 1);
            }
        });
    document()
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    let widget = open_duplicate_question().await;
    wait_for("focus on Reconnect", || {
        focused_text().trim() == "Reconnect"
    })
    .await;
    press_escape();
    wait_for("the question to close", || {
        widget.find("[role=alertdialog]").is_none()
    })
    .await;

    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    wait_for("focus on Cancel", || focused_text().trim() == "Cancel").await;
    press_escape();
    wait_for("the confirmation to close", || {
        widget.find("[role=alertdialog]").is_none()
    })
    .await;
    document()
        .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(escapes.get(), 0, "Escape stayed in the widget");
}

#[wasm_bindgen_test]
async fn a_disconnect_already_sent_is_not_cancelled_in_words_only() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    fault(json!({"method": "disconnect", "delayMs": 800})).await;
    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    wait_for("focus on Cancel", || focused_text().trim() == "Cancel").await;
    widget.click_when_shown("Disconnect").await;
    wait_for("the Disconnect request", || {
        widget.find("[role=alertdialog] [aria-busy=true]").is_some()
    })
    .await;
    // The request is on its way and can't be called back: Escape and Cancel don't pretend to.
    press_escape();
    widget.button_named("Cancel").unwrap().click();
    sleep(100).await;
    assert!(
        widget.find("[role=alertdialog]").is_some(),
        "the question stays while its answer runs"
    );
    wait_for("the disconnected message", || {
        widget.text(".cc-panel__status").contains("disconnected")
    })
    .await;
}

// ----- answers that arrive after the widget changed ------------------------------------------

#[wasm_bindgen_test]
async fn a_token_a_header_cannot_carry_is_refused_with_a_message() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    let widget = Fixture::mount_custom(
        &[],
        Auth::Token("dev\nX-Injected: 1".into()),
        Navigator::recording(),
    );
    wait_for("the no-token message", || {
        widget.alert().contains("couldn't get permission")
    })
    .await;
    assert!(widget.find(".cc-load-error button").is_some(), "a Retry");
    assert!(requests_to("/providers").await.is_empty(), "nothing sent");
    assert_eq!(panics_so_far(), panics, "no panic");
}

#[wasm_bindgen_test]
async fn a_failed_connect_moves_the_focus_to_its_message() {
    let style = load_stylesheet();
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    widget.choose("Google Calendar");
    widget.type_schedule(SCHEDULE);
    fault(json!({"method": "connectByOAuth", "status": 500})).await;
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    wait_for("the failure", || !widget.alert().is_empty()).await;
    sleep(100).await;
    let focused = document()
        .active_element()
        .is_some_and(|e| attr(&e, "role").as_deref() == Some("alert"));
    style.remove();
    assert!(focused, "focus on the failure");
    widget.assert_choices_kept("Google Calendar", SCHEDULE);
}

#[wasm_bindgen_test]
async fn the_duplicate_question_closes_when_the_provider_changes() {
    let widget = open_duplicate_question().await;
    widget.choose("Outlook");
    wait_for("the question to close", || {
        widget.find("[role=alertdialog]").is_none()
    })
    .await;
    assert!(oauth_requests().await.is_empty());
    assert!(widget.navigator.visited().is_empty());
}

#[wasm_bindgen_test]
async fn a_credentials_connection_is_checked_for_what_was_sent_when_the_choice_changed() {
    let panics = panics_so_far();
    let widget = apple_credentials_form().await;
    widget.send_apple_credentials_slowly(700).await;
    sleep(100).await;
    // Another provider while the request runs: the form goes, its request and answer don't.
    widget.choose("Google Calendar");
    wait_for("the verified success", || {
        widget.status().contains("Apple Calendar is connected")
    })
    .await;
    assert_eq!(widget.events("connected").len(), 1);
    assert_eq!(widget.events("connected")[0]["providerId"], APPLE_ID);
    assert_eq!(panics_so_far(), panics, "no panic");
}

#[wasm_bindgen_test]
async fn a_save_that_lands_after_the_settings_closed_still_reaches_the_host() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    let settings = "Sync settings for Apple Calendar (owner@apple.example.com)";
    let export = "Add bookings to a calendar created for Wix";
    widget.click_when_shown(settings).await;
    wait_for("the export switch", || widget.switch(export).is_some()).await;
    fault(json!({"method": "updateSyncConfig", "delayMs": 700})).await;
    let input: HtmlElement = widget.switch(export).unwrap().unchecked_into();
    input.click();
    sleep(100).await;
    widget.button_named(settings).unwrap().click();
    wait_for("the settings to close", || widget.switch(export).is_none()).await;
    wait_for("the host to hear of the save", || {
        !widget.events("sync-config-changed").is_empty()
    })
    .await;
    assert_eq!(widget.events("sync-config-changed")[0]["enabled"], "true");
    assert_eq!(panics_so_far(), panics, "no panic");
}

#[wasm_bindgen_test]
async fn unmounted_while_a_disconnect_runs_it_neither_panics_nor_tells() {
    let panics = panics_so_far();
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let mut widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    fault(json!({"method": "disconnect", "delayMs": 700})).await;
    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    widget.click_when_shown("Disconnect").await;
    wait_for("the Disconnect request", || {
        widget.find("[role=alertdialog] [aria-busy=true]").is_some()
    })
    .await;
    widget.handle.take().unwrap().unmount();
    sleep(1500).await;
    assert_eq!(requests_to("/disconnect").await.len(), 1);
    assert!(widget.events("disconnected").is_empty());
    drop(widget);
    assert_eq!(panics_so_far(), panics, "no panic after unmounting");
}

#[wasm_bindgen_test]
async fn names_from_the_api_lose_their_direction_overrides() {
    control("POST", "reset", None).await;
    fault(
        json!({"method": "listProviders", "status": 200, "body": {"providers": [{
        "id": GOOGLE_ID, "name": "\u{202E}Google Calendar\u{202C}", "calendarType": "GOOGLE",
        "features": {"connectMethods": ["OAUTH"]}}]}}),
    )
    .await;
    fault(
        json!({"method": "listConnections", "status": 200, "body": {"connections": [{
        "id": "c1", "scheduleId": SCHEDULE, "providerId": GOOGLE_ID, "status": "SYNCED",
        "externalAccountEmail": "\u{2067}ann@example.org"}]}}),
    )
    .await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    wait_for("the row", || !widget.rows().is_empty()).await;
    let bidi = |text: &str| text.contains(['\u{202E}', '\u{202C}', '\u{2067}']);
    let picker = widget.text("fieldset");
    assert!(!bidi(&picker), "{picker:?}");
    let row = widget.rows().remove(0);
    assert!(row.contains("ann@example.org") && !bidi(&row), "{row:?}");
    assert!(
        widget
            .button_named("Disconnect Google Calendar (ann@example.org)")
            .is_some(),
        "clean accessible names"
    );
}

#[wasm_bindgen_test]
async fn reopened_sync_settings_show_what_was_saved_and_a_new_choice_keeps_it() {
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    let settings = "Sync settings for Apple Calendar (owner@apple.example.com)";
    widget.click_when_shown(settings).await;
    wait_for("the calendars", || widget.calendar_box("Work").is_some()).await;
    // Closed while the save runs: the save still counts when the settings open again.
    fault(json!({"method": "updateSyncConfig", "delayMs": 700})).await;
    widget.calendar_box("Work").unwrap().click();
    widget.button_named(settings).unwrap().click();
    wait_for("the host to hear of the save", || {
        !widget.events("sync-config-changed").is_empty()
    })
    .await;
    widget.button_named(settings).unwrap().click();
    wait_for("the calendars again", || {
        widget.calendar_box("Work").is_some()
    })
    .await;
    assert!(
        widget.calendar_box("Work").unwrap().checked(),
        "Work stays chosen"
    );

    widget.calendar_box("Family").unwrap().click();
    wait_for("the second save", || {
        widget.text(".cc-sync").contains("Saved.")
    })
    .await;
    let patch = requests_to("/sync-config").await.pop().unwrap();
    let sent = &patch["body"]["syncConfig"]["listEventFromCalendars"]["calendars"]["calendars"];
    assert_eq!(
        sent.as_array().map(Vec::len),
        Some(2),
        "both calendars: {sent}"
    );
    assert!(widget.calendar_box("Work").unwrap().checked());
    assert!(widget.calendar_box("Family").unwrap().checked());
}

#[wasm_bindgen_test]
async fn a_disconnect_whose_row_was_redrawn_is_still_answered() {
    control("POST", "reset", None).await;
    // The connection stays CONNECTED, so the panel reloads itself every few seconds; a status
    // changed behind its back redraws the row while the Disconnect runs.
    control("POST", "config", Some(json!({"syncDelayMs": 600_000}))).await;
    let id = add_connection(GOOGLE_ID, SCHEDULE, "CONNECTED", None).await;
    let set_status = |status: &'static str| {
        let path = format!("connections/{id}/status");
        async move { control("POST", &path, Some(json!({"status": status}))).await }
    };
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    let disconnect_pending = "Disconnect Google Calendar (Waiting for the first sync)";

    // A failure: said by the panel, with the focus on it.
    fault(json!({"method": "disconnect", "status": 500, "delayMs": 4000})).await;
    widget.click_when_shown(disconnect_pending).await;
    widget.click_when_shown("Disconnect").await;
    set_status("SYNCED").await;
    wait_for("the redrawn row", || {
        widget.rows().first().is_some_and(|r| r.contains("Synced"))
    })
    .await;
    wait_for("the failure", || {
        widget
            .text(".cc-panel > [role=alert]")
            .contains("Google Calendar couldn't be disconnected")
    })
    .await;
    wait_for("focus on the failure", || {
        document()
            .active_element()
            .is_some_and(|e| attr(&e, "role").as_deref() == Some("alert"))
    })
    .await;

    // A success: said by the panel, and the list read again without the connection.
    set_status("CONNECTED").await;
    widget.click_when_shown("Refresh connected calendars").await;
    wait_for("the pending row again", || {
        widget.rows().first().is_some_and(|r| r.contains("pending"))
    })
    .await;
    fault(json!({"method": "disconnect", "delayMs": 4000})).await;
    widget
        .click_when_shown("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    widget.click_when_shown("Disconnect").await;
    set_status("SYNCED").await;
    wait_for("the disconnected message", || {
        widget
            .text(".cc-panel__status")
            .contains("Google Calendar was disconnected")
    })
    .await;
    wait_for("the row to go", || widget.rows().is_empty()).await;
    assert!(widget.text(".cc-panel > [role=alert]").is_empty());
    assert_eq!(widget.events("disconnected").len(), 1);
}

#[wasm_bindgen_test]
async fn the_duplicate_question_is_not_asked_for_a_provider_no_longer_chosen() {
    control("POST", "reset", None).await;
    add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    // The panel's list fails, so Connect reads the schedule's connections itself, slowly.
    fault(json!({"method": "listConnections", "status": 503})).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    widget.providers_shown().await;
    wait_for("the panel's failure", || {
        widget.text(".cc-panel").contains("couldn't")
    })
    .await;
    fault(json!({"method": "listConnections", "delayMs": 800})).await;
    widget.choose("Google Calendar");
    wait_for("Connect to be enabled", || widget.button_enabled()).await;
    widget.button().click();
    sleep(100).await;
    widget.choose("Outlook");
    sleep(1200).await;
    assert!(widget.find("[role=alertdialog]").is_none(), "no question");
    assert!(oauth_requests().await.is_empty(), "no attempt");
    wait_for("Connect to be enabled for Outlook", || {
        widget.button_enabled()
    })
    .await;
}

#[wasm_bindgen_test]
async fn one_attempt_at_a_time_across_oauth_and_credentials() {
    let widget = apple_credentials_form().await;
    widget.send_apple_credentials_slowly(800).await;
    widget.choose("Google Calendar");
    sleep(100).await;
    assert!(!widget.button_enabled(), "no Connect while Apple's runs");
    wait_for("Apple's answer", || {
        widget.status().contains("Apple Calendar is connected")
    })
    .await;
    wait_for("Connect to be enabled", || widget.button_enabled()).await;

    // And the other way round: Apple's form waits while an OAuth attempt runs.
    fault(json!({"method": "connectByOAuth", "delayMs": 800})).await;
    widget.button().click();
    widget.choose("Apple Calendar");
    wait_for("the credentials form", || {
        widget.button_named("Connect Apple Calendar").is_some()
    })
    .await;
    let submit = widget.button_named("Connect Apple Calendar").unwrap();
    assert_eq!(prop(&submit, "disabled").as_bool(), Some(true));
    wait_for("the navigation", || widget.navigator.visited().len() == 1).await;
    assert_eq!(requests_to(":connectByCredentials").await.len(), 1);
}

#[wasm_bindgen_test]
async fn the_credentials_form_sends_nothing_without_a_valid_schedule() {
    let widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    widget.choose("Apple Calendar");
    wait_for("the credentials form", || {
        widget.find("input[type=password]").is_some()
    })
    .await;
    type_into(
        &widget.find("input[type=email]").unwrap(),
        "ann@example.org",
    );
    type_into(&widget.find("input[type=password]").unwrap(), "abcd-efgh");
    widget
        .button_named("Connect Apple Calendar")
        .unwrap()
        .click();
    wait_for("the message", || {
        widget
            .text(".cc-credentials")
            .contains("Enter a valid Schedule ID above first.")
    })
    .await;
    assert_eq!(
        document().active_element(),
        Some(widget.schedule_input()),
        "focus on the Schedule ID"
    );
    assert!(requests_to(":connectByCredentials").await.is_empty());
    widget.type_schedule(SCHEDULE);
    wait_for("the message to go", || {
        !widget.text(".cc-credentials").contains("Schedule ID")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_return_too_late_to_vouch_for_still_brings_back_the_choices_and_route() {
    control("POST", "reset", None).await;
    let live = add_connection(GOOGLE_ID, SCHEDULE, "SYNCED", None).await;
    let thirty_one_minutes_ago = js_sys::Date::now() as u64 - 31 * 60 * 1000;
    store_attempt(&AttemptRecord::new(
        "attempt-slow",
        SCHEDULE,
        GOOGLE_ID,
        "Google Calendar",
        thirty_one_minutes_ago,
        Some("tab=cal".into()),
    ));
    set_address(&format!("?connectionId={live}&cc_attempt=attempt-slow"), "");
    let widget = Fixture::mount(&[]);
    widget.providers_shown().await;
    wait_for("the note about an unvouched connection", || {
        widget
            .status()
            .contains("not from a connection started on this page")
    })
    .await;
    let tail = address_tail();
    widget.assert_choices_kept("Google Calendar", SCHEDULE);
    assert!(widget.events("connected").is_empty(), "not announced");
    wait_for("the connection in the list", || !widget.rows().is_empty()).await;
    drop(widget);
    set_address("", "");
    assert_eq!(tail, "#tab=cal", "the host's route comes back");
}

#[wasm_bindgen_test]
async fn answering_the_duplicate_question_gives_the_focus_to_connect() {
    let widget = open_duplicate_question().await;
    fault(json!({"method": "connectByOAuth", "delayMs": 800})).await;
    wait_for("Reconnect to take the focus", || {
        focused_text().trim() == "Reconnect"
    })
    .await;
    widget.button_named("Reconnect").unwrap().click();
    wait_for("the attempt", || widget.status().contains("Contacting Wix")).await;
    sleep(100).await;
    assert_eq!(
        document().active_element(),
        Some(widget.button().into()),
        "focus on Connect while the attempt runs"
    );
    wait_for("the navigation", || widget.navigator.visited().len() == 1).await;
}

#[wasm_bindgen_test]
async fn sync_settings_come_next_in_the_tab_order_after_their_button() {
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    let settings = "Sync settings for Apple Calendar (owner@apple.example.com)";
    widget.click_when_shown(settings).await;
    let actions = widget
        .find(".cc-connection__actions")
        .expect("the row's actions");
    let last = actions.last_element_child().expect("a last action");
    assert_eq!(
        attr(&last, "aria-label").as_deref(),
        Some(settings),
        "nothing to tab through between the button and what it opens"
    );
}

#[wasm_bindgen_test]
async fn a_dropped_handle_leaves_the_widget_mounted() {
    let mut widget = Fixture::new(&[]).await;
    widget.providers_shown().await;
    // A host that keeps no handle (or whose handle the garbage collector frees). The widget
    // stays on its element, which the fixture removes, for the rest of this page's life.
    drop(widget.handle.take());
    sleep(100).await;
    assert!(widget.radio("Google Calendar").is_some(), "still shown");
    let not_an_element = calendar_connect::embed::mount_js(JsValue::NULL, None);
    assert_eq!(
        not_an_element.err().and_then(|e| e.as_string()).as_deref(),
        Some("calendar-connect: mount needs an HTML element")
    );
    let element = document().create_element("div").unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"getAccessToken".into(), &"a token".into()).unwrap();
    let not_a_function = calendar_connect::embed::mount_js(element.clone().into(), Some(options));
    assert_eq!(
        not_a_function.err().and_then(|e| e.as_string()).as_deref(),
        Some("calendar-connect: getAccessToken must be a function")
    );
    assert!(
        !element.has_attribute("data-calendar-connect-mounted"),
        "nothing mounted"
    );
}

#[wasm_bindgen_test]
async fn calendars_that_fail_to_load_say_why_and_offer_retry() {
    control("POST", "reset", None).await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    fault(json!({"method": "listCalendars", "status": 404})).await;
    widget
        .click_when_shown("Sync settings for Apple Calendar (owner@apple.example.com)")
        .await;
    wait_for("the failure", || {
        widget
            .text(".cc-calendars [role=alert]")
            .contains("Wix couldn't find this Apple Calendar connection.")
    })
    .await;
    let retry: HtmlElement = widget
        .find(".cc-calendars [role=alert] button")
        .expect("a Retry")
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Retry");
    retry.click();
    wait_for("the calendars", || widget.calendar_box("Work").is_some()).await;
    assert!(widget.find(".cc-calendars [role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn a_broken_connection_whose_account_works_again_offers_no_reconnect() {
    control("POST", "reset", None).await;
    add_revoked_apple_connection("owner@apple.example.com").await;
    add_connection(APPLE_ID, SCHEDULE, "SYNCED", None).await;
    let widget = Fixture::mount(&[("scheduleId", SCHEDULE)]);
    wait_for("two rows", || widget.rows().len() == 2).await;
    let rows = widget.rows();
    let broken = rows
        .iter()
        .find(|r| r.contains("Not working"))
        .expect("the broken row");
    assert!(
        broken.contains("connected again in another row"),
        "{broken}"
    );
    assert!(
        widget
            .button_named("Reconnect Apple Calendar (owner@apple.example.com)")
            .is_none(),
        "no Reconnect to make a third connection"
    );
}
