//! After the return: the connection is verified before success is announced; the schedule's
//! connections can be disconnected (after a question) and their sync settings changed (a
//! failed save rolls back); Apple connects with email and password; a second connection of a
//! provider the schedule already has is only made when the person says so.

use e2e::manage_page::{ManagePage, APPLE_ID, GOOGLE_ID};
use e2e::{Fault, World, APPLE, GOOGLE, SCHEDULE};
use fantoccini::key::Key;

/// Opens the host page on `SCHEDULE` (prefilled from the address) after creating connections
/// of these providers there, all SYNCED.
async fn open_with_connections<'w>(
    world: &'w World,
    providers: &[&str],
) -> (e2e::widget::Widget<'w>, ManagePage<'w>) {
    world.goto("host.html").await;
    let manage = ManagePage::new(world, "calendar-connect");
    for provider in providers {
        manage
            .add_connection(provider, SCHEDULE, "SYNCED", None)
            .await;
    }
    let widget = world
        .open(&format!("host.html?scheduleId={SCHEDULE}"))
        .await;
    manage.listen().await;
    (widget, manage)
}

#[tokio::test]
async fn a_return_is_verified_before_success_and_then_listed() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await.allow().await;

    widget.see_success_naming(GOOGLE).await;
    let requests = world.emulator.requests().await;
    let read_back = requests.iter().any(|request| {
        request["method"] == "GET"
            && request["path"]
                .as_str()
                .is_some_and(|path| path.contains("/external-calendars/connections/"))
    });
    assert!(
        read_back,
        "success only after Get Connection\n{}",
        world.context().await
    );
    ManagePage::new(&world, "calendar-connect")
        .see_row(&[GOOGLE])
        .await;
    assert_eq!(world.count_events("calendar-connect:connected").await, 1);
}

#[tokio::test]
async fn a_broken_connection_is_not_celebrated_and_can_be_reconnected() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    // The first check fails; meanwhile the new connection's token is revoked; checking again
    // finds it broken.
    world
        .emulator
        .inject("getConnection", &Fault::service_unavailable())
        .await;
    world.consent_page().await.allow().await;
    widget.see_alert().await;
    let requests = world.emulator.requests().await;
    let connection_id = requests
        .iter()
        .filter_map(|request| request["path"].as_str())
        .find_map(|path| path.strip_prefix("/bookings/v2/external-calendars/connections/"))
        .filter(|id| !id.contains('/'))
        .expect("the widget read the new connection back")
        .to_owned();
    world
        .emulator
        .set_status(&connection_id, "ERROR", Some("TOKEN_REVOKED"))
        .await;
    widget.click_button("Check again").await;

    let message = widget.see_alert().await;
    assert!(
        message.contains("isn't working") && message.contains("withdrawn"),
        "got {message:?}\n{}",
        world.context().await
    );
    assert_eq!(world.count_events("calendar-connect:connected").await, 0);
    widget.click_button("Reconnect").await;
    world.consent_page().await;
}

#[tokio::test]
async fn disconnect_asks_first_and_then_removes_the_connection() {
    let world = World::start().await;
    let (_widget, manage) = open_with_connections(&world, &[GOOGLE_ID]).await;
    let row = manage
        .see_row(&[GOOGLE, "owner@google.example.com", "Synced"])
        .await;
    assert!(!row.is_empty());

    let disconnect = "Disconnect Google Calendar (owner@google.example.com)";
    manage.click(disconnect).await;
    manage
        .see_region(
            "alertdialog",
            "Disconnect Google Calendar from this schedule?",
        )
        .await;
    world.press(Key::Escape).await;
    manage.see_no_region("alertdialog").await;
    manage.see_row(&[GOOGLE]).await;

    manage.click(disconnect).await;
    manage.click("Disconnect").await;
    manage
        .see_region("status", "Google Calendar was disconnected")
        .await;
    manage.see_no_row(GOOGLE).await;
    let events = manage.events("calendar-connect:disconnected").await;
    assert_eq!(events.len(), 1, "{events:?}");
    world.see_no_dialog().await;
}

#[tokio::test]
async fn a_sync_setting_is_saved_and_a_failed_save_rolls_back() {
    let world = World::start().await;
    let (_widget, manage) = open_with_connections(&world, &[APPLE_ID]).await;
    manage
        .click("Sync settings for Apple Calendar (owner@apple.example.com)")
        .await;
    let export = "Add bookings to a calendar created for Wix";
    manage.see_switch(export, false).await;

    manage.flip(export).await;
    manage.see_region("status", "Saved.").await;
    manage.see_switch(export, true).await;
    assert_eq!(
        manage
            .events("calendar-connect:sync-config-changed")
            .await
            .len(),
        1
    );

    world
        .emulator
        .inject("updateSyncConfig", &Fault::not_supported_by_provider())
        .await;
    manage.flip(export).await;
    let message = manage.see_region("alert", "wasn't saved").await;
    assert!(message.contains("Apple Calendar"), "names why: {message:?}");
    manage.see_switch(export, true).await;
    assert_eq!(
        manage
            .events("calendar-connect:sync-config-changed")
            .await
            .len(),
        1,
        "a save that did not happen is not reported"
    );
}

#[tokio::test]
async fn apple_connects_with_credentials_after_a_wrong_password() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    let manage = ManagePage::new(&world, "calendar-connect");
    widget.choose_provider(APPLE).await;
    widget.type_schedule_id(SCHEDULE).await;

    manage
        .fill_credentials("ann@example.org", "wrong-password")
        .await;
    manage.click("Connect Apple Calendar").await;
    let message = widget.see_alert().await;
    assert!(
        message.contains("didn't accept that email and password"),
        "got {message:?}\n{}",
        world.context().await
    );
    assert_eq!(manage.password_value().await, "", "password field emptied");

    manage
        .fill_credentials("ann@example.org", "abcd-efgh-ijkl-mnop")
        .await;
    manage.click("Connect Apple Calendar").await;
    widget.see_success_naming(APPLE).await;
    assert_eq!(manage.password_value().await, "");
    manage.see_row(&[APPLE]).await;
    let log = world.emulator.request_log_text().await;
    assert!(!log.contains("abcd-efgh"), "{log}");
}

#[tokio::test]
async fn a_second_connection_of_the_same_provider_needs_a_decision() {
    let world = World::start().await;
    let (widget, manage) = open_with_connections(&world, &[GOOGLE_ID]).await;
    manage.see_row(&[GOOGLE]).await;
    widget.choose_provider(GOOGLE).await;
    widget.click_connect().await;

    manage
        .see_region(
            "alertdialog",
            "already connected to Google Calendar (owner@google.example.com)",
        )
        .await;
    assert_eq!(world.emulator.connect_by_oauth_calls().await, 0);
    manage.click("Cancel").await;
    widget.see_connect_enabled().await;
    assert_eq!(world.emulator.connect_by_oauth_calls().await, 0);

    widget.click_connect().await;
    manage.click("Connect another account").await;
    world.consent_page().await.allow().await;
    widget.see_success_naming(GOOGLE).await;
    assert_eq!(world.emulator.connect_by_oauth_calls().await, 1);
}
