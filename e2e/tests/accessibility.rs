//! Accessibility: axe-core finds nothing in any state (Chromium), the browser computes the
//! contract's roles and names for the controls (both browsers), and the whole happy path
//! works with the keyboard alone, ending with the focus on the outcome. Also writes the
//! screenshots of each state when `E2E_SCREENSHOTS=1`.

use e2e::audit::{assert_no_axe_violations, computed_role_and_name};
use e2e::manage_page::ManagePage;
use e2e::{BrowserKind, Fault, World, APPLE, GOOGLE, SCHEDULE};
use fantoccini::key::Key;

/// The third seeded provider.
const MICROSOFT: &str = "Outlook or Office 365";

/// Runs axe unless the browser is not Chromium (the audit is specified for Chromium only).
async fn audit(world: &World, state: &str) {
    if world.kind() == BrowserKind::Chromium {
        assert_no_axe_violations(world, state).await;
    }
}

#[tokio::test]
async fn every_state_passes_axe_and_is_photographed() {
    let world = World::start().await;
    if world.kind() != BrowserKind::Chromium {
        eprintln!(
            "axe audit runs in Chromium only; checked nothing in {}",
            world.kind().name()
        );
        return;
    }

    // Loading: List Providers answers late.
    world
        .emulator
        .inject("listProviders", &Fault::Delay(2_500))
        .await;
    world.goto("host.html").await;
    let widget = world.widget("calendar-connect");
    world
        .wait_for("the loading message", e2e::world::PATIENCE, || async {
            let state = widget.snapshot().await;
            let statuses = state["statuses"].as_array()?.clone();
            statuses
                .iter()
                .any(|text| text.as_str().is_some_and(|t| t.contains("Loading")))
                .then_some(())
        })
        .await;
    world.screenshot("loading").await;
    audit(&world, "loading").await;

    widget.wait_until_ready().await;
    world.screenshot("ready").await;
    audit(&world, "ready").await;

    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id("not-a-schedule").await;
    widget.leave_schedule_field().await;
    widget.see_schedule_invalid().await;
    world.screenshot("invalid-schedule").await;
    audit(&world, "invalid schedule").await;

    widget.type_schedule_id(SCHEDULE).await;
    world
        .emulator
        .inject("connectByOAuth", &Fault::service_unavailable())
        .await;
    widget.click_connect().await;
    widget.see_alert().await;
    world.screenshot("api-failure").await;
    audit(&world, "API failure").await;

    widget.click_connect().await;
    let consent = world.consent_page().await;
    world.screenshot("consent").await;
    consent.deny().await;
    widget.see_alert().await;
    world.screenshot("redirect-failure").await;
    audit(&world, "redirect failure").await;

    widget.click_connect().await;
    world.consent_page().await.allow().await;
    widget.see_success_naming(GOOGLE).await;
    world.screenshot("success").await;
    audit(&world, "success").await;

    // The two confirmation dialogs: connecting Google again, then disconnecting it.
    let manage = ManagePage::new(&world, "calendar-connect");
    manage.see_row(&[GOOGLE]).await;
    widget.click_connect().await;
    manage
        .see_region("alertdialog", "already connected to Google Calendar")
        .await;
    audit(&world, "duplicate question").await;
    manage.click("Cancel").await;
    manage.see_no_region("alertdialog").await;
    manage
        .click("Disconnect Google Calendar (owner@google.example.com)")
        .await;
    manage
        .see_region(
            "alertdialog",
            "Disconnect Google Calendar from this schedule?",
        )
        .await;
    audit(&world, "disconnect question").await;
}

#[tokio::test]
async fn browser_computes_the_contract_roles_and_names() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    let scope = Some("#calendar-connect");

    let group = world
        .find(scope, &["radiogroup", "group"], "Calendar provider")
        .await;
    let (role, name) = computed_role_and_name(&world, &group).await;
    assert!(
        (role == "radiogroup" || role == "group") && name == "Calendar provider",
        "the provider group is computed as {role:?} {name:?}"
    );
    for provider in [GOOGLE, APPLE, MICROSOFT] {
        let radio = widget.radio(provider).await;
        let (role, name) = computed_role_and_name(&world, &radio).await;
        assert_eq!((role.as_str(), name.as_str()), ("radio", provider));
    }
    let field = widget.schedule_field().await;
    let (role, name) = computed_role_and_name(&world, &field).await;
    assert_eq!((role.as_str(), name.as_str()), ("textbox", "Schedule ID"));
    let button = widget.connect_button().await;
    let (role, name) = computed_role_and_name(&world, &button).await;
    assert_eq!((role.as_str(), name.as_str()), ("button", "Connect"));
}

/// Presses Tab until the focused element has one of `roles` and, when given, this name.
async fn tab_to(world: &World, roles: &[&str], name: Option<&str>) {
    for _ in 0..12 {
        world.press(Key::Tab).await;
        let focused = world
            .script(
                "const el = document.activeElement;
                 return el ? e2e.describe(el) : null;",
                Vec::new(),
            )
            .await
            .unwrap_or_default();
        let role_matches = roles.iter().any(|role| focused["role"] == *role);
        if role_matches && name.is_none_or(|name| focused["name"] == name) {
            return;
        }
    }
    panic!(
        "Tab never reached a {} named {name:?}\n{}",
        roles.join("/"),
        world.context().await
    );
}

/// The accessible name of the focused element.
async fn focused_name(world: &World) -> String {
    world
        .script(
            "return document.activeElement ? e2e.nameOf(document.activeElement) : '';",
            Vec::new(),
        )
        .await
        .ok()
        .and_then(|name| name.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[tokio::test]
async fn keyboard_alone_completes_the_happy_path() {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme").await;

    tab_to(&world, &["radio"], None).await;
    let entered_on = focused_name(&world).await;
    world.press(Key::Down).await;
    let moved_to = focused_name(&world).await;
    assert_ne!(
        entered_on,
        moved_to,
        "the Down arrow must move within the radio group\n{}",
        world.context().await
    );
    for _ in 0..6 {
        if focused_name(&world).await == GOOGLE {
            break;
        }
        world.press(Key::Up).await;
    }
    world.press(Key::Space).await;
    widget.see_provider_chosen(GOOGLE).await;

    tab_to(&world, &["textbox"], Some("Schedule ID")).await;
    world.type_text(SCHEDULE).await;
    tab_to(&world, &["button"], Some("Connect")).await;
    world.press(Key::Enter).await;

    world.consent_page().await;
    tab_to(&world, &["button"], Some("Allow")).await;
    world.press(Key::Enter).await;

    widget.see_success_naming(GOOGLE).await;
    world
        .wait_for("the focus on the outcome", e2e::world::PATIENCE, || async {
            let state = widget.snapshot().await;
            (state["focus"]["inOutcome"] == true).then_some(())
        })
        .await;
}
