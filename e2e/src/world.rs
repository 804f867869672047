//! Everything one test needs, started in order and torn down in reverse when dropped: a temp
//! root, a copy of the widget build with host pages, the emulator serving them, and a browser.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::browser::{free_port, Browser, BrowserKind, WINDOW};
use crate::consent::ConsentPage;
use crate::emulator::Emulator;
use crate::site::{Mount, Site, TempRoot};
use crate::widget::Widget;

/// The JavaScript helpers (`e2e.findAll`, `e2e.snapshot`, ...) prepended to page scripts.
pub(crate) const DOM_JS: &str = include_str!("dom.js");

/// How long a person would reasonably wait for the page to react.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The W3C WebDriver key under which an element reference is serialised.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One test's browser, emulator and site. Fields drop in declaration order: the browser
/// first, the temp root (profiles, site copy) last.
pub struct World {
    /// The WebDriver session.
    pub browser: Browser,
    /// The emulator serving the site, the API and the consent page.
    pub emulator: Emulator,
    site: Site,
    _root: TempRoot,
}

impl World {
    /// Starts the emulator on a copy of the widget build, writes the standard host pages and
    /// opens a browser: `host.html` (one instance) and `two.html` (two instances).
    pub async fn start() -> Self {
        let root = TempRoot::create();
        let site = Site::copy_from(&dist_dir(), &root);
        let emulator = Emulator::start(&emulator_binary(), site.dir());
        let api = emulator.api_base();
        site.write_host_page(
            "host.html",
            "Bookings dashboard",
            &[Mount::new("calendar-connect", &api)],
        );
        site.write_host_page(
            "two.html",
            "Two team members",
            &[
                Mount::new("first", &api).heading("First team member"),
                Mount::new("second", &api).heading("Second team member"),
            ],
        );
        let browser = Browser::launch(BrowserKind::from_env(), &root).await;
        Self {
            browser,
            emulator,
            site,
            _root: root,
        }
    }

    /// Which browser this world drives.
    pub fn kind(&self) -> BrowserKind {
        self.browser.kind
    }

    /// Writes a host page `file` with one instance whose API lives at `api_base`.
    pub fn write_host_page(&self, file: &str, api_base: &str) {
        self.site.write_host_page(
            file,
            "Bookings dashboard",
            &[Mount::new("calendar-connect", api_base)],
        );
    }

    /// Writes `file`, a host page whose API base is a loopback port nobody listens on.
    pub fn write_offline_host_page(&self, file: &str) {
        self.write_host_page(file, &format!("http://127.0.0.1:{}", free_port()));
    }

    /// Starts a second emulator, on the same site, for a test that stops the API while the
    /// page stays up.
    pub fn start_second_emulator(&self) -> Emulator {
        Emulator::start(&emulator_binary(), self.site.dir())
    }

    /// Loads `path` (a host page with its own query and fragment, e.g. `host.html?x=1#top`)
    /// from the page origin and returns its single widget once the providers are shown.
    pub async fn open(&self, path: &str) -> Widget<'_> {
        self.goto(path).await;
        let widget = self.widget("calendar-connect");
        widget.wait_until_ready().await;
        widget
    }

    /// Navigates to `path` on the page origin without waiting for the widget.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}/{path}", self.emulator.page_origin());
        if let Err(error) = self.browser.client.goto(&url).await {
            panic!("could not load {url}: {error}\n{}", self.context().await);
        }
    }

    /// The widget mounted on the element with this id.
    pub fn widget(&self, mount_id: &str) -> Widget<'_> {
        Widget::new(self, mount_id)
    }

    /// Waits until the browser shows the emulator's consent page.
    pub async fn consent_page(&self) -> ConsentPage<'_> {
        self.wait_for("the consent page", PATIENCE, || async {
            let url = self.browser.client.current_url().await.ok()?;
            url.path().starts_with("/_emulator/consent/").then_some(())
        })
        .await;
        ConsentPage::new(self)
    }

    /// The address the browser shows.
    pub async fn current_url(&self) -> url::Url {
        self.browser
            .client
            .current_url()
            .await
            .expect("reading the current URL")
    }

    /// Runs `body` in the page after the helpers of `dom.js`; `arguments` are passed through.
    pub async fn script(&self, body: &str, arguments: Vec<Value>) -> Result<Value, String> {
        self.browser
            .client
            .execute(&format!("{DOM_JS}\n{body}"), arguments)
            .await
            .map_err(|error| error.to_string())
    }

    /// The elements `e2e.findAll` returns for this scope, roles and accessible name.
    pub async fn find_all(
        &self,
        scope: Option<&str>,
        roles: &[&str],
        name: Option<&str>,
    ) -> Vec<Element> {
        let found = self
            .script(
                "return e2e.findAll(arguments[0], arguments[1], arguments[2]);",
                vec![json!(scope), json!(roles), json!(name)],
            )
            .await
            .unwrap_or(Value::Null);
        found
            .as_array()
            .map(|elements| elements.iter().filter_map(|e| self.element(e)).collect())
            .unwrap_or_default()
    }

    /// Turns an element reference a script returned into an element.
    pub fn element(&self, reference: &Value) -> Option<Element> {
        let id = reference.get(ELEMENT_KEY)?.as_str()?;
        Some(Element::from_element_id(
            self.browser.client.clone(),
            ElementRef::from(id.to_owned()),
        ))
    }

    /// The element with this role and accessible name in `scope`, waiting for it to appear.
    pub async fn find(&self, scope: Option<&str>, roles: &[&str], name: &str) -> Element {
        let what = format!("a {} named {name:?}", roles.join("/"));
        self.wait_for(&what, PATIENCE, || async {
            self.find_all(scope, roles, Some(name))
                .await
                .into_iter()
                .next()
        })
        .await
    }

    /// Presses and releases `key` wherever the focus is, like a person at a keyboard.
    pub async fn press(&self, key: Key) {
        let key = char::from(key);
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.browser
            .client
            .perform_actions(actions)
            .await
            .expect("pressing a key");
    }

    /// Types `text` wherever the focus is.
    pub async fn type_text(&self, text: &str) {
        let mut actions = KeyActions::new("keyboard".into());
        for value in text.chars() {
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.browser
            .client
            .perform_actions(actions)
            .await
            .expect("typing");
    }

    /// Polls `probe` every 100 ms until it yields something; panics with the page's and the
    /// emulator's state when `timeout` passes first.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, timeout: Duration, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let started = Instant::now();
        loop {
            if let Some(found) = probe().await {
                return found;
            }
            if started.elapsed() > timeout {
                panic!(
                    "[{}] waited {:.1} s for {what}, in vain\n{}",
                    self.kind().name(),
                    timeout.as_secs_f64(),
                    self.context().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The events the host page recorded, as `(type, mount id)`.
    pub async fn events(&self) -> Vec<(String, String)> {
        let events = self
            .script("return window.ccEvents || [];", Vec::new())
            .await
            .unwrap_or(Value::Null);
        events
            .as_array()
            .map(|events| {
                events
                    .iter()
                    .map(|event| {
                        (
                            event["type"].as_str().unwrap_or_default().to_owned(),
                            event["target"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many events of this type (e.g. `calendar-connect:connected`) the page recorded.
    pub async fn count_events(&self, event_type: &str) -> usize {
        self.events()
            .await
            .iter()
            .filter(|(recorded, _)| recorded == event_type)
            .count()
    }

    /// Waits until the address bar shows `path` with exactly the host's own `query` pairs
    /// (in order) and `fragment`: the widget's `connectionId`, `error` and `cc_attempt` gone.
    pub async fn see_address(&self, path: &str, query: &[(&str, &str)], fragment: Option<&str>) {
        let expected: Vec<(String, String)> = query
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        let what = format!("the address /{path} with query {expected:?} and fragment {fragment:?}");
        self.wait_for(&what, PATIENCE, || async {
            let url = self.browser.client.current_url().await.ok()?;
            let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
            (url.path() == format!("/{path}") && pairs == expected && url.fragment() == fragment)
                .then_some(())
        })
        .await;
    }

    /// Panics if a JavaScript dialog (alert, confirm, prompt) is open: a hostile
    /// `javascript:` URL that ran would have opened one.
    pub async fn see_no_dialog(&self) {
        if let Ok(text) = self.browser.client.get_alert_text().await {
            let _ = self.browser.client.dismiss_alert().await;
            panic!(
                "[{}] a JavaScript dialog is open: {text:?}\n{}",
                self.kind().name(),
                self.context().await
            );
        }
    }

    /// What a failure report needs: browser, address, every widget's perceived state, the
    /// recorded events, the emulator's request log and output.
    pub async fn context(&self) -> String {
        let url = match self.browser.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(error) => format!("(unknown: {error})"),
        };
        let widgets = self
            .script(
                "return Array.from(document.querySelectorAll('[data-calendar-connect]'))
                   .map((el) => ({ id: el.id, state: e2e.snapshot('#' + el.id) }));",
                Vec::new(),
            )
            .await
            .map(|value| serde_json::to_string_pretty(&value).unwrap_or_default())
            .unwrap_or_else(|error| format!("(could not read the page: {error})"));
        let dialog = match self.browser.client.get_alert_text().await {
            Ok(text) => format!("\nan open JavaScript dialog says: {text:?}"),
            Err(_) => String::new(),
        };
        let title = self.browser.client.title().await.unwrap_or_default();
        format!(
            "--- browser: {} ---\naddress: {url}{dialog}\ntitle: {title}\nwidgets: {widgets}\nevents: {:?}\n\
             --- emulator request log ---\n{}\n{}",
            self.kind().name(),
            self.events().await,
            self.emulator.request_log_text().await,
            self.emulator.output(),
        )
    }

    /// Writes a screenshot to `docs/screenshots/<name>.png`, only in Chromium and only when
    /// `E2E_SCREENSHOTS=1`, so that runs do not churn the committed images. On a host page it
    /// shows the section around the first widget, whole; elsewhere (the consent page) the
    /// viewport.
    pub async fn screenshot(&self, name: &str) {
        if self.kind() != BrowserKind::Chromium
            || std::env::var("E2E_SCREENSHOTS").as_deref() != Ok("1")
        {
            return;
        }
        let client = &self.browser.client;
        let section = self
            .script(
                "const mount = document.querySelector('[data-calendar-connect]');
                 return mount && (mount.closest('section') || mount);",
                Vec::new(),
            )
            .await
            .ok()
            .and_then(|found| self.element(&found));
        let png = match section {
            Some(section) => {
                // Tall enough for the whole widget, outcome under the form included.
                client
                    .set_window_size(WINDOW.0, 2400)
                    .await
                    .expect("enlarging the window");
                let png = section.screenshot().await;
                client
                    .set_window_size(WINDOW.0, WINDOW.1)
                    .await
                    .expect("restoring the window size");
                png
            }
            None => client.screenshot().await,
        }
        .expect("taking a screenshot");
        let dir = workspace_root().join("docs/screenshots");
        std::fs::create_dir_all(&dir).expect("creating docs/screenshots");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)
            .unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
    }
}

/// The workspace directory (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the e2e crate lives inside the workspace")
        .to_path_buf()
}

/// A path from the environment; relative ones count from the workspace root (cargo runs
/// tests in the crate's directory, which would surprise whoever set the variable).
fn path_from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(|path| workspace_root().join(path))
}

fn dist_dir() -> PathBuf {
    path_from_env("E2E_DIST").unwrap_or_else(|| workspace_root().join("dist"))
}

fn emulator_binary() -> PathBuf {
    if let Some(path) = path_from_env("E2E_EMULATOR") {
        return path;
    }
    let target = workspace_root().join("target");
    ["release", "debug"]
        .iter()
        .map(|profile| target.join(profile).join("wix-emulator"))
        .find(|path| path.exists())
        .unwrap_or_else(|| {
            panic!(
                "no wix-emulator binary under {}: run scripts/e2e.sh, or build it with \
                 `cargo build -p wix-emulator` and/or set E2E_EMULATOR",
                target.display()
            )
        })
}
