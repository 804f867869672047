//! The one module that touches the browser's global state: the address bar (`location`,
//! `history.replaceState`, navigation), `sessionStorage`, DOM events for the host, and
//! `performance.mark`. Everything it reads is handed to the pure `flow` logic as plain strings.
//!
//! ```no_run
//! use calendar_connect::browser::{self, Navigator};
//! let address = browser::Address::current();
//! let recorded = Navigator::recording(); // a test double: remembers instead of leaving
//! recorded.go("https://example.com/");
//! assert_eq!(recorded.visited(), ["https://example.com/"]);
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

use crate::flow::attempt::AttemptRecord;

/// sessionStorage key of the pending attempt record.
const ATTEMPT_STORAGE_KEY: &str = "calendar-connect:attempt";

fn window() -> web_sys::Window {
    web_sys::window().expect("calendar-connect runs in a browser window")
}

/// The page address, split the way `flow` wants it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// Full address.
    pub href: String,
    /// Path (`/admin/calendar`).
    pub path: String,
    /// Query with its `?` (or empty).
    pub search: String,
    /// Fragment with its `#` (or empty).
    pub hash: String,
}

impl Address {
    /// The current page address.
    pub fn current() -> Self {
        let location = window().location();
        Self {
            href: location.href().unwrap_or_default(),
            path: location.pathname().unwrap_or_default(),
            search: location.search().unwrap_or_default(),
            hash: location.hash().unwrap_or_default(),
        }
    }
}

/// Replaces the current history entry's address without navigating (used to consume a result).
pub fn replace_address(address: &str) {
    if let Ok(history) = window().history() {
        // Keep the host router's state object: only the address changes.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(address));
    }
}

/// Resolves `value` against the page address, as the browser would (for `data-redirect-url`).
pub fn resolve_url(value: &str) -> Option<String> {
    let base = Address::current().href;
    web_sys::Url::new_with_base(value, &base)
        .ok()
        .map(|url| url.href())
}

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh random attempt ID (UUID v4).
pub fn new_attempt_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The stored attempt record, if there is a readable one. One that can't be read (not JSON,
/// another shape) is removed: it could never match a return and would stay for the session.
pub fn load_attempt() -> Option<AttemptRecord> {
    let storage = session_storage()?;
    let json = storage.get_item(ATTEMPT_STORAGE_KEY).ok()??;
    let record = AttemptRecord::from_json(&json);
    if record.is_none() {
        let _ = storage.remove_item(ATTEMPT_STORAGE_KEY);
    }
    record
}

/// Stores the attempt record; `false` when storage is unavailable (private modes, quotas).
pub fn save_attempt(record: &AttemptRecord) -> bool {
    session_storage().is_some_and(|storage| {
        storage
            .set_item(ATTEMPT_STORAGE_KEY, &record.to_json())
            .is_ok()
    })
}

/// Whether the page holds a widget (mounted, or marked `data-calendar-connect` to be) on the
/// element with this ID; for an empty ID, on an element without one.
pub fn is_widget_element(id: &str) -> bool {
    let Some(document) = window().document() else {
        return false;
    };
    let mounted = crate::embed::MOUNTED_ATTRIBUTE;
    if id.is_empty() {
        let selector = format!(
            "[{mounted}]:not([id]), [{mounted}][id=''], \
             [data-calendar-connect]:not([id]), [data-calendar-connect][id='']"
        );
        return document.query_selector(&selector).ok().flatten().is_some();
    }
    document
        .get_element_by_id(id)
        .is_some_and(|e| e.has_attribute(mounted) || e.has_attribute("data-calendar-connect"))
}

/// Focuses `element` once the pending render has run: right after a signal is set, its text is
/// not in the DOM yet and an empty region is hidden (`:empty`), so focusing at once would fail
/// and leave the focus on `<body>`.
pub fn focus_after_render(element: web_sys::HtmlElement) {
    gloo_timers::callback::Timeout::new(0, move || {
        let _ = element.focus();
    })
    .forget();
}

/// Forgets the attempt record.
pub fn clear_attempt() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(ATTEMPT_STORAGE_KEY);
    }
}

/// Dispatches a bubbling `CustomEvent` named `name` on `target`, with a plain-object `detail`
/// built from string pairs.
pub fn dispatch(target: &EventTarget, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Adds a `performance.mark` (for hosts measuring time to interactive).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// The page's `scheduleId` query parameter, for prefilling the schedule field.
pub fn schedule_id_from_address() -> Option<String> {
    let search = Address::current().search;
    crate::percent::split_pairs(search.trim_start_matches('?'))
        .into_iter()
        .find(|pair| pair.key == "scheduleId")
        .map(|pair| pair.value.trim().to_ascii_lowercase())
        .filter(|value| !value.is_empty())
}

/// Whether the browser's own URL parser (`new URL(…)`) accepts `url` as an absolute URL.
pub fn parses_as_url(url: &str) -> bool {
    web_sys::Url::new(url).is_ok()
}

/// Leaves the page for a (checked) URL. Injectable so that tests record the URL instead of
/// navigating the test page away.
#[derive(Clone)]
pub struct Navigator {
    go: Rc<dyn Fn(&str) -> bool>,
    visited: Rc<RefCell<Vec<String>>>,
}

impl Navigator {
    /// Navigates the window (`location.assign`) when the browser's own URL parser accepts the
    /// URL; reports failure otherwise, or when `assign` throws.
    pub fn window() -> Self {
        Self::reporting(|url| parses_as_url(url) && window().location().assign(url).is_ok())
    }

    /// Calls `go` instead of navigating.
    pub fn with(go: impl Fn(&str) + 'static) -> Self {
        Self::reporting(move |url| {
            go(url);
            true
        })
    }

    /// Calls `go` instead of navigating; `go` returns whether the navigation started.
    pub fn reporting(go: impl Fn(&str) -> bool + 'static) -> Self {
        Self {
            go: Rc::new(go),
            visited: Rc::default(),
        }
    }

    /// Records URLs and goes nowhere (for tests).
    pub fn recording() -> Self {
        Self::with(|_| {})
    }

    /// Leaves for `url`; `false` when the navigation could not start.
    pub fn go(&self, url: &str) -> bool {
        self.visited.borrow_mut().push(url.to_owned());
        (self.go)(url)
    }

    /// Every URL passed to [`Navigator::go`], oldest first.
    pub fn visited(&self) -> Vec<String> {
        self.visited.borrow().clone()
    }
}
