//! How host pages get the widget: the JS `mount(element, options)` function (exported with
//! wasm-bindgen) and the standalone entry that mounts every `[data-calendar-connect]` element.
//!
//! ```js
//! // after the widget's JS module is loaded (trunk exposes it as window.wasmBindings):
//! const handle = wasmBindings.mount(document.querySelector('#calendar'), {
//!   apiBase: 'https://www.wixapis.com',
//!   scheduleId: '4e0579a5-491e-4e70-a872-d097eed6e520',
//!   getAccessToken: () => fetch('/my-backend/wix-token').then(r => r.text()),
//! });
//! // later
//! handle.unmount();
//! ```

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::client::{Auth, Client};
use crate::browser::Navigator;
use crate::config::Settings;
use crate::ui::{CalendarConnect, Environment};

/// Marks elements that already hold a widget, so mounting twice is harmless.
pub(crate) const MOUNTED_ATTRIBUTE: &str = "data-calendar-connect-mounted";

type Mounted = leptos::mount::UnmountHandle<AnyViewState>;

/// The number of the next handle.
static NEXT_NUMBER: AtomicU32 = AtomicU32::new(0);

thread_local! {
    /// The widgets mounted on this page, by handle number. They live here rather than in their
    /// handles: a host that keeps no handle (or whose handle the JS garbage collector frees)
    /// must not see its widget vanish.
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget. It stays until `unmount()` is called; the handle itself may be dropped.
#[wasm_bindgen]
pub struct MountHandle {
    number: u32,
    element: HtmlElement,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget from its element and stops its work. Safe to call twice.
    pub fn unmount(&mut self) {
        let number = self.number;
        let mounted = MOUNTED.with_borrow_mut(|all| {
            let index = all.iter().position(|(n, _)| *n == number)?;
            Some(all.swap_remove(index).1)
        });
        // Dropped outside the borrow: unmounting runs the widget's cleanups.
        if let Some(mounted) = mounted {
            drop(mounted);
            let _ = self.element.remove_attribute(MOUNTED_ATTRIBUTE);
        }
    }
}

/// Mounts the widget into `element` with the given settings, auth mode and navigator (tests pass
/// a recording navigator). Returns `None` if the element already holds a widget.
///
/// ```ignore
/// let handle = mount_with(element, Settings::from_lookup(|_| None), Auth::None, Navigator::window());
/// ```
pub fn mount_with(
    element: HtmlElement,
    settings: Settings,
    auth: Auth,
    navigator: Navigator,
) -> Option<MountHandle> {
    if element.has_attribute(MOUNTED_ATTRIBUTE) {
        return None;
    }
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    let env = Environment {
        client: Rc::new(Client::new(
            settings.api_base.clone(),
            auth,
            settings.timeout_ms,
        )),
        navigator,
        host: element.clone().into(),
    };
    let mounted = mount_to(element.clone(), move || {
        view! { <CalendarConnect settings=settings env=env /> }.into_any()
    });
    let number = NEXT_NUMBER.fetch_add(1, Ordering::Relaxed);
    MOUNTED.with_borrow_mut(|all| all.push((number, mounted)));
    Some(MountHandle { number, element })
}

/// JS API: mounts the widget into `element`. `options` takes the same settings as the data
/// attributes (`apiBase`, `scheduleId`, `redirectUrl`, `providerId`, `accessToken`, `locale`,
/// plus `timeoutMs`) and `getAccessToken`, a function returning a token or a Promise of one,
/// called for every request. Options not given fall back to the element's data attributes.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: JsValue, options: Option<js_sys::Object>) -> Result<MountHandle, JsValue> {
    let element = element
        .dyn_into::<HtmlElement>()
        .map_err(|_| JsValue::from_str("calendar-connect: mount needs an HTML element"))?;
    let option = |key: &str| -> Option<JsValue> {
        let value = js_sys::Reflect::get(options.as_ref()?, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    };
    let text = |key: &str| {
        option(key)
            .and_then(|v| {
                v.as_string()
                    .or_else(|| v.as_f64().map(|n| (n as u32).to_string()))
            })
            .or_else(|| attribute(&element, key))
    };
    let settings = Settings::from_lookup(text);
    // A callback that is not a function is a host's mistake to hear of now, not a "you are
    // not signed in" later.
    let auth = match option("getAccessToken").map(|f| f.dyn_into::<js_sys::Function>()) {
        Some(Ok(callback)) => Auth::Callback(callback),
        Some(Err(_)) => {
            return Err(JsValue::from_str(
                "calendar-connect: getAccessToken must be a function",
            ))
        }
        None => static_auth(text("accessToken")),
    };
    mount_with(element, settings, auth, Navigator::window())
        .ok_or_else(|| JsValue::from_str("calendar-connect is already mounted on this element"))
}

/// Standalone entry: mounts a widget into every `[data-calendar-connect]` element of the page,
/// configured by its data attributes, for the lifetime of the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(elements) = document.query_selector_all("[data-calendar-connect]") else {
        return;
    };
    for index in 0..elements.length() {
        let Some(element) = elements
            .item(index)
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        else {
            continue;
        };
        let settings = Settings::from_lookup(|key| attribute(&element, key));
        let auth = static_auth(attribute(&element, "accessToken"));
        mount_with(element, settings, auth, Navigator::window());
    }
}

/// The `data-*` attribute for a camelCase setting name (`apiBase` → `data-api-base`).
fn attribute(element: &HtmlElement, key: &str) -> Option<String> {
    let mut name = String::from("data-");
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            name.push('-');
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    element.get_attribute(&name)
}

fn static_auth(token: Option<String>) -> Auth {
    match token.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
        Some(token) => Auth::Token(token),
        None => Auth::None,
    }
}
