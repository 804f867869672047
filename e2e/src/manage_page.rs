//! What the widget offers once a calendar is connected (issue 5): the "Connected calendars"
//! panel, sync settings, upcoming events and the credentials form, driven by accessible names
//! and roles like the rest of the suite. Arranging state (connections in a given status, a
//! quicker sync) goes through the emulator's control API, called with `fetch` from the page.

use serde_json::{json, Value};

use crate::world::{World, PATIENCE};

/// Built-in provider IDs of the emulator.
pub const GOOGLE_ID: &str = "6c533722-f1f9-4847-95c7-d4c4922ae9b0";
/// Apple connects with credentials.
pub const APPLE_ID: &str = "9f084ae8-b3a6-4eb6-a29d-bc682c04b5fc";

/// Records the widget's post-connection host events in `window.ccManageEvents`; the host page
/// of the harness records only the four round-trip events.
const LISTEN_JS: &str = r#"
if (!window.ccManageEvents) {
  window.ccManageEvents = [];
  for (const type of ["calendar-connect:disconnected", "calendar-connect:sync-config-changed",
                      "calendar-connect:connected", "calendar-connect:failed"]) {
    document.addEventListener(type, (event) => {
      window.ccManageEvents.push({ type: event.type, detail: event.detail });
    });
  }
}
"#;

/// The widget mounted on one element, seen through its post-connection features.
pub struct ManagePage<'w> {
    world: &'w World,
    scope: String,
}

impl<'w> ManagePage<'w> {
    /// The widget on the element with this id.
    pub fn new(world: &'w World, mount_id: &str) -> Self {
        Self {
            world,
            scope: format!("#{mount_id}"),
        }
    }

    /// Calls the emulator's control API (`path` below `/_emulator`) from the loaded page and
    /// returns the JSON answer (`null` for an empty one).
    pub async fn control(&self, method: &str, path: &str, body: Value) -> Value {
        let script = r#"
const [url, method, body, done] = arguments;
fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
  .then(async (response) => {
    const text = await response.text();
    done({ status: response.status, body: text ? JSON.parse(text) : null });
  })
  .catch((error) => done({ status: 0, body: String(error) }));
"#;
        let url = format!("{}/_emulator{path}", self.world.emulator.api_base());
        let answer = self
            .world
            .browser
            .client
            .execute_async(script, vec![json!(url), json!(method), body])
            .await
            .unwrap_or_else(|error| panic!("calling {method} {path}: {error}"));
        let status = answer["status"].as_u64().unwrap_or(0);
        assert!(
            (200..300).contains(&status),
            "{method} {path} answered {answer}"
        );
        answer["body"].clone()
    }

    /// Makes new connections sync at once (the emulator's default takes three seconds).
    pub async fn sync_at_once(&self) {
        self.control("POST", "/config", json!({ "syncDelayMs": 0 }))
            .await;
    }

    /// Creates a connection of `provider_id` on `schedule_id` with this status (and
    /// `errorReason`); returns it.
    pub async fn add_connection(
        &self,
        provider_id: &str,
        schedule_id: &str,
        status: &str,
        error_reason: Option<&str>,
    ) -> Value {
        let mut body =
            json!({ "scheduleId": schedule_id, "providerId": provider_id, "status": status });
        if let Some(reason) = error_reason {
            body["errorReason"] = json!(reason);
        }
        self.control("POST", "/connections", body).await["connection"].clone()
    }

    /// Starts recording the post-connection host events (call once the page is loaded).
    pub async fn listen(&self) {
        self.world
            .script(LISTEN_JS, Vec::new())
            .await
            .expect("installing the event recorder");
    }

    /// The `detail` of each recorded event of this type, oldest first.
    pub async fn events(&self, event_type: &str) -> Vec<Value> {
        let all = self
            .world
            .script("return window.ccManageEvents || [];", Vec::new())
            .await
            .unwrap_or(Value::Null);
        all.as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|event| event["type"] == event_type)
            .map(|event| event["detail"].clone())
            .collect()
    }

    /// The text of each row of the "Connected calendars" list.
    pub async fn rows(&self) -> Vec<String> {
        let script = r#"
const scope = document.querySelector(arguments[0]);
const panel = scope && Array.from(scope.querySelectorAll("section"))
  .find((section) => (section.querySelector("h3") || {}).textContent === "Connected calendars");
const items = panel ? panel.querySelectorAll("li") : [];
return Array.from(items).map((item) => item.textContent.replace(/\s+/g, " ").trim());
"#;
        self.world
            .script(script, vec![json!(self.scope)])
            .await
            .ok()
            .and_then(|rows| serde_json::from_value(rows).ok())
            .unwrap_or_default()
    }

    /// Waits for a row that mentions every one of `words`; returns its text.
    pub async fn see_row(&self, words: &[&str]) -> String {
        self.world
            .wait_for(
                &format!("a connected calendar mentioning {words:?}"),
                PATIENCE,
                || async {
                    self.rows()
                        .await
                        .into_iter()
                        .find(|row| words.iter().all(|word| row.contains(word)))
                },
            )
            .await
    }

    /// Waits until no row mentions `word`.
    pub async fn see_no_row(&self, word: &str) {
        self.world
            .wait_for(
                &format!("no connected calendar mentioning {word:?}"),
                PATIENCE,
                || async {
                    let rows = self.rows().await;
                    rows.iter().all(|row| !row.contains(word)).then_some(())
                },
            )
            .await;
    }

    /// Clicks the button with this accessible name.
    pub async fn click(&self, name: &str) {
        self.world
            .find(Some(&self.scope), &["button"], name)
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("clicking {name:?}: {error}"));
    }

    /// Clicks the switch with this accessible name.
    pub async fn flip(&self, name: &str) {
        self.world
            .find(Some(&self.scope), &["switch"], name)
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("flipping {name:?}: {error}"));
    }

    /// Waits until the switch with this name shows `on`.
    pub async fn see_switch(&self, name: &str, on: bool) {
        let script = "const s = e2e.findAll(arguments[0], ['switch'], arguments[1])[0]; \
                      return s ? s.checked : null;";
        self.world
            .wait_for(
                &format!(
                    "the switch {name:?} to be {}",
                    if on { "on" } else { "off" }
                ),
                PATIENCE,
                || async {
                    let state = self
                        .world
                        .script(script, vec![json!(self.scope), json!(name)])
                        .await
                        .ok()?;
                    (state == json!(on)).then_some(())
                },
            )
            .await;
    }

    /// Waits for a live region (`status` or `alert`) whose text contains `words`.
    pub async fn see_region(&self, role: &str, words: &str) -> String {
        let script = "return e2e.findAll(arguments[0], [arguments[1]], null)\
                      .map((el) => el.textContent.replace(/\\s+/g, ' ').trim());";
        self.world
            .wait_for(
                &format!("a {role} region saying {words:?}"),
                PATIENCE,
                || async {
                    let texts = self
                        .world
                        .script(script, vec![json!(self.scope), json!(role)])
                        .await
                        .ok()?;
                    texts
                        .as_array()?
                        .iter()
                        .filter_map(Value::as_str)
                        .find(|text| text.contains(words))
                        .map(str::to_owned)
                },
            )
            .await
    }

    /// Waits until no element with this role shows.
    pub async fn see_no_region(&self, role: &str) {
        self.world
            .wait_for(&format!("no {role} to show"), PATIENCE, || async {
                self.world
                    .find_all(Some(&self.scope), &[role], None)
                    .await
                    .is_empty()
                    .then_some(())
            })
            .await;
    }

    /// Types into the credentials form's email and password fields.
    pub async fn fill_credentials(&self, email: &str, password: &str) {
        let email_field = self
            .world
            .find(Some(&self.scope), &["textbox"], "Account email")
            .await;
        email_field.clear().await.expect("clearing the email field");
        email_field
            .send_keys(email)
            .await
            .expect("typing the email");
        let password_field = self.password_field().await;
        password_field
            .clear()
            .await
            .expect("clearing the password field");
        password_field
            .send_keys(password)
            .await
            .expect("typing the password");
    }

    /// What the password field holds now.
    pub async fn password_value(&self) -> String {
        let field = self.password_field().await;
        field.prop("value").await.ok().flatten().unwrap_or_default()
    }

    async fn password_field(&self) -> fantoccini::elements::Element {
        let script = "return document.querySelector(arguments[0] + ' input[type=password]');";
        self.world
            .wait_for("the password field", PATIENCE, || async {
                let found = self
                    .world
                    .script(script, vec![json!(self.scope)])
                    .await
                    .ok()?;
                self.world.element(&found)
            })
            .await
    }
}
