//! One instance of the widget on a host page, driven the way a person would: by the
//! accessible names and roles of DESIGN.md ("Calendar provider", "Schedule ID", "Connect",
//! the `status`/`alert` outcome region), never by CSS classes.

use std::time::Duration;

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::world::{World, PATIENCE};

/// The widget mounted on one element of the page.
pub struct Widget<'w> {
    world: &'w World,
    scope: String,
}

impl<'w> Widget<'w> {
    pub(crate) fn new(world: &'w World, mount_id: &str) -> Self {
        Self {
            world,
            scope: format!("#{mount_id}"),
        }
    }

    /// The widget's state as a person perceives it (see `e2e.snapshot` in `dom.js`).
    pub async fn snapshot(&self) -> Value {
        self.world
            .script(
                "return e2e.snapshot(arguments[0]);",
                vec![json!(self.scope)],
            )
            .await
            .unwrap_or(Value::Null)
    }

    /// Waits until the provider radio group shows at least one provider.
    pub async fn wait_until_ready(&self) {
        self.world
            .wait_for(
                "the provider radio group \"Calendar provider\" with providers",
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    let labelled = state["group"]
                        .as_array()?
                        .iter()
                        .any(|name| name == "Calendar provider");
                    let has_radios = !state["radios"].as_array()?.is_empty();
                    (labelled && has_radios).then_some(())
                },
            )
            .await;
    }

    /// Picks the provider radio with this accessible name and checks it got selected.
    pub async fn choose_provider(&self, provider: &str) {
        let radio = self.radio(provider).await;
        if radio.click().await.is_err() {
            // A visually hidden native radio is chosen through its label, as a person would.
            let label = self
                .world
                .script(
                    "return arguments[0].labels && arguments[0].labels[0];",
                    vec![json!(radio)],
                )
                .await
                .ok()
                .and_then(|label| self.world.element(&label));
            match label {
                Some(label) => label.click().await.expect("clicking the provider's label"),
                None => panic!(
                    "the radio {provider:?} cannot be clicked and has no label\n{}",
                    self.world.context().await
                ),
            }
        }
        self.see_provider_chosen(provider).await;
    }

    /// Waits until the radio named `provider` is the checked one.
    pub async fn see_provider_chosen(&self, provider: &str) {
        self.world
            .wait_for(
                &format!("{provider:?} to be the chosen provider"),
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    state["radios"]
                        .as_array()?
                        .iter()
                        .any(|radio| radio["name"] == provider && radio["checked"] == true)
                        .then_some(())
                },
            )
            .await;
    }

    /// Replaces the text of the "Schedule ID" field with `text`.
    pub async fn type_schedule_id(&self, text: &str) {
        let field = self.schedule_field().await;
        field.clear().await.expect("clearing the Schedule ID field");
        field
            .send_keys(text)
            .await
            .expect("typing into the Schedule ID field");
    }

    /// Moves the focus out of the "Schedule ID" field (where inline validation shows).
    pub async fn leave_schedule_field(&self) {
        let field = self.schedule_field().await;
        self.world
            .script("arguments[0].blur();", vec![json!(field)])
            .await
            .expect("blurring the Schedule ID field");
    }

    /// Clicks the "Connect" button once it is enabled.
    pub async fn click_connect(&self) {
        self.connect_button_enabled()
            .await
            .click()
            .await
            .expect("clicking Connect");
    }

    /// Double-clicks "Connect" with a real pointer: two clicks in quick succession.
    pub async fn double_click_connect(&self) {
        let button = self.connect_button_enabled().await;
        let actions = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: button,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.world
            .browser
            .client
            .perform_actions(actions)
            .await
            .expect("double-clicking Connect");
    }

    /// Focuses "Connect" and holds Enter down: the key repeats several times before release.
    pub async fn hold_enter_on_connect(&self) {
        let button = self.connect_button_enabled().await;
        self.world
            .script("arguments[0].focus();", vec![json!(button)])
            .await
            .expect("focusing Connect");
        let enter = char::from(Key::Enter);
        let mut actions = KeyActions::new("keyboard".into());
        for _ in 0..6 {
            actions = actions
                .then(KeyAction::Down { value: enter })
                .then(KeyAction::Pause {
                    duration: Duration::from_millis(30),
                });
        }
        actions = actions.then(KeyAction::Up { value: enter });
        self.world
            .browser
            .client
            .perform_actions(actions)
            .await
            .expect("holding Enter on Connect");
    }

    /// Clicks the button with this accessible name (e.g. "Try again", "Retry").
    pub async fn click_button(&self, name: &str) {
        let button = self.world.find(Some(&self.scope), &["button"], name).await;
        button
            .click()
            .await
            .unwrap_or_else(|error| panic!("clicking {name:?}: {error}"));
    }

    /// Waits for the success message: a `status` region that says the provider is connected,
    /// with no failure shown. Returns its text.
    pub async fn see_success_naming(&self, provider: &str) -> String {
        self.world
            .wait_for(
                &format!("a success message naming {provider:?}"),
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    if !state["alerts"].as_array()?.is_empty() {
                        return None;
                    }
                    state["statuses"]
                        .as_array()?
                        .iter()
                        .filter_map(Value::as_str)
                        .find(|text| {
                            text.contains(provider) && text.to_lowercase().contains("connected")
                        })
                        .map(str::to_owned)
                },
            )
            .await
    }

    /// Waits for a failure message (an `alert` region with text) and returns its text.
    pub async fn see_alert(&self) -> String {
        self.see_alert_within(PATIENCE).await
    }

    /// The same, waiting at most `timeout` (for faults that take the widget's own timeout).
    pub async fn see_alert_within(&self, timeout: Duration) -> String {
        self.world
            .wait_for("a failure message (role=alert)", timeout, || async {
                let state = self.snapshot().await;
                state["alerts"]
                    .as_array()?
                    .first()?
                    .as_str()
                    .map(str::to_owned)
            })
            .await
    }

    /// Checks, after a failure, that nothing chosen or typed is lost and the person can try
    /// again: `provider` checked, the field holds `schedule`, "Connect" enabled, not busy.
    pub async fn see_choices_kept_and_connect_usable(&self, provider: &str, schedule: &str) {
        self.world
            .wait_for(
                &format!("{provider:?} still chosen, {schedule:?} still typed and Connect enabled"),
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    let chosen = state["radios"]
                        .as_array()?
                        .iter()
                        .any(|radio| radio["name"] == provider && radio["checked"] == true);
                    let typed = state["fields"].as_array()?.first()?["value"] == schedule;
                    (chosen && typed && connect_enabled(&state) && state["busy"] == false)
                        .then_some(())
                },
            )
            .await;
    }

    /// Checks that "Connect" can be used once a provider and a schedule are chosen: the widget
    /// is not stuck in progress.
    pub async fn see_connect_enabled(&self) {
        self.world
            .wait_for(
                "Connect to be enabled and the widget not busy",
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    (connect_enabled(&state) && state["busy"] == false).then_some(())
                },
            )
            .await;
    }

    /// The texts of the visible `status` and `alert` regions.
    pub async fn announcements(&self) -> Vec<String> {
        let state = self.snapshot().await;
        ["statuses", "alerts"]
            .iter()
            .flat_map(|key| state[*key].as_array().cloned().unwrap_or_default())
            .filter_map(|text| text.as_str().map(str::to_owned))
            .collect()
    }

    /// The "Schedule ID" field's inline validation: `aria-invalid` and its description.
    pub async fn see_schedule_invalid(&self) -> String {
        self.world
            .wait_for(
                "the Schedule ID field to be marked invalid with a message",
                PATIENCE,
                || async {
                    let state = self.snapshot().await;
                    let field = state["fields"].as_array()?.first()?.clone();
                    let message = field["description"].as_str().unwrap_or_default().to_owned();
                    (field["invalid"] == true && !message.is_empty()).then_some(message)
                },
            )
            .await
    }

    /// The radio named `provider`, as an element (for keyboard and a11y checks).
    pub async fn radio(&self, provider: &str) -> Element {
        self.world
            .find(Some(&self.scope), &["radio"], provider)
            .await
    }

    /// The "Schedule ID" text field.
    pub async fn schedule_field(&self) -> Element {
        self.world
            .find(Some(&self.scope), &["textbox"], "Schedule ID")
            .await
    }

    /// The "Connect" button.
    pub async fn connect_button(&self) -> Element {
        self.world
            .find(Some(&self.scope), &["button"], "Connect")
            .await
    }

    async fn connect_button_enabled(&self) -> Element {
        self.see_connect_enabled().await;
        self.connect_button().await
    }
}

fn connect_enabled(state: &Value) -> bool {
    state["buttons"].as_array().is_some_and(|buttons| {
        buttons
            .iter()
            .any(|button| button["name"] == "Connect" && button["disabled"] == false)
    })
}
