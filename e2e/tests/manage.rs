//! After the round trip: the new connection shows up in the widget's connections panel,
//! syncs, and can be disconnected after a confirmation.

use e2e::{World, GOOGLE, SCHEDULE};

#[tokio::test]
async fn new_connection_is_listed_syncs_and_can_be_disconnected() {
    let world = World::start().await;
    world.emulator.set_sync_delay_ms(200).await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await.allow().await;
    widget.see_success_naming(GOOGLE).await;

    widget.see_text("Connected calendars").await;
    let refresh = widget
        .button_named_like("Refresh connected calendars")
        .await;
    widget.click_button(&refresh).await;
    widget.see_text("Synced").await;

    let disconnect = widget.button_named_like("Disconnect Google Calendar").await;
    widget.click_button(&disconnect).await;
    // The confirmation asks first; its own button is named plainly "Disconnect".
    widget.click_button("Disconnect").await;

    let message = world
        .wait_for(
            "the disconnect confirmation message",
            e2e::world::PATIENCE,
            || async {
                widget
                    .announcements()
                    .await
                    .into_iter()
                    .find(|text| text.contains("was disconnected"))
            },
        )
        .await;
    assert!(message.contains(GOOGLE), "{message:?}");
    let disconnects = world
        .emulator
        .requests()
        .await
        .iter()
        .filter(|request| {
            request["method"] == "POST"
                && request["path"]
                    .as_str()
                    .is_some_and(|path| path.ends_with("/disconnect"))
        })
        .count();
    assert_eq!(disconnects, 1, "{}", world.context().await);
}
