//! The round trip a person makes: choose a provider, type a schedule, Connect, decide on the
//! provider's consent page (another origin), come back and read the outcome.

use std::time::Duration;

use e2e::{Fault, World, APPLE, GOOGLE, SCHEDULE};

/// The seeded Google provider's id.
const GOOGLE_ID: &str = "6c533722-f1f9-4847-95c7-d4c4922ae9b0";

/// Host parameters the happy path carries through the round trip.
const HOST_QUERY: [(&str, &str); 2] = [("tenant", "acme"), ("view", "calendars")];

/// Gives a late duplicate (a second request, a second event) the time to show up.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(700)).await;
}

#[tokio::test]
async fn happy_path_connects_and_cleans_the_address() {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme&view=calendars").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;

    let consent = world.consent_page().await;
    let requests = world.emulator.requests().await;
    let connect = requests
        .iter()
        .find(|request| {
            request["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(":connectByOAuth"))
        })
        .unwrap_or_else(|| panic!("no Connect By OAuth in {requests:#?}"));
    assert_eq!(connect["body"]["scheduleId"], SCHEDULE);
    assert_eq!(connect["body"]["providerId"], GOOGLE_ID);
    let redirect = connect["body"]["redirectUrl"].as_str().unwrap_or_default();
    let expected_start = format!(
        "{}/host.html?tenant=acme&view=calendars&cc_attempt=",
        world.emulator.page_origin()
    );
    assert!(
        redirect.starts_with(&expected_start),
        "redirectUrl {redirect:?} should start with {expected_start:?}"
    );
    assert_eq!(
        connect["headers"]["authorization"], "[redacted]",
        "Connect By OAuth must carry the configured Authorization header"
    );
    consent.allow().await;

    widget.see_success_naming(GOOGLE).await;
    world.see_address("host.html", &HOST_QUERY, None).await;
    settle().await;
    assert_eq!(
        world.count_events("calendar-connect:connected").await,
        1,
        "calendar-connect:connected must fire exactly once\n{}",
        world.context().await
    );
}

/// Each way the provider can send the person back without a connection.
enum Refusal {
    Deny,
    Unsupported,
    Internal,
}

/// Goes to the consent page, refuses there, and checks the message (which must contain
/// `phrase` and name the provider) and that the choices are back for another try.
async fn refused_at_the_provider(refusal: Refusal, phrase: &str) {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;

    let consent = world.consent_page().await;
    match refusal {
        Refusal::Deny => consent.deny().await,
        Refusal::Unsupported => consent.simulate_unsupported().await,
        Refusal::Internal => consent.simulate_internal().await,
    }

    let message = widget.see_alert().await;
    assert!(
        message.contains(phrase) && message.contains(GOOGLE),
        "expected a message with {phrase:?} naming {GOOGLE:?}, got {message:?}\n{}",
        world.context().await
    );
    world
        .see_address("host.html", &[("tenant", "acme")], None)
        .await;
    widget
        .see_choices_kept_and_connect_usable(GOOGLE, SCHEDULE)
        .await;
    assert_eq!(world.count_events("calendar-connect:connected").await, 0);

    // Trying again works: the person lands on the consent page once more.
    widget.click_connect().await;
    world.consent_page().await;
}

#[tokio::test]
async fn deny_says_access_was_not_granted_and_keeps_the_choices() {
    refused_at_the_provider(Refusal::Deny, "wasn't granted").await;
}

#[tokio::test]
async fn unsupported_account_says_so_and_keeps_the_choices() {
    refused_at_the_provider(Refusal::Unsupported, "doesn't support").await;
}

#[tokio::test]
async fn internal_error_at_the_provider_says_so_and_keeps_the_choices() {
    refused_at_the_provider(Refusal::Internal, "couldn't complete").await;
}

#[tokio::test]
async fn reload_after_success_announces_nothing_again() {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await.allow().await;
    widget.see_success_naming(GOOGLE).await;
    world
        .see_address("host.html", &[("tenant", "acme")], None)
        .await;

    world
        .browser
        .client
        .refresh()
        .await
        .expect("reloading the page");

    widget.wait_until_ready().await;
    settle().await;
    let announced = widget.announcements().await;
    assert!(
        announced.is_empty(),
        "after a reload nothing should be announced, got {announced:?}\n{}",
        world.context().await
    );
    assert_eq!(world.count_events("calendar-connect:connected").await, 0);
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.see_connect_enabled().await;
}

#[tokio::test]
async fn back_from_the_consent_page_leaves_a_usable_widget() {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await;

    world.browser.client.back().await.expect("going back");

    world
        .see_address("host.html", &[("tenant", "acme")], None)
        .await;
    widget.wait_until_ready().await;
    settle().await;
    let announced = widget.announcements().await;
    assert!(
        announced.iter().all(|text| !text.contains("connected")),
        "going back must not announce a result, got {announced:?}\n{}",
        world.context().await
    );
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await.allow().await;
    widget.see_success_naming(GOOGLE).await;
    assert_eq!(world.count_events("calendar-connect:connected").await, 1);
}

/// Slows Connect By OAuth down so that a second activation lands while the first is running.
async fn slow_connect(world: &World) {
    world
        .emulator
        .inject("connectByOAuth", &Fault::Delay(1_000))
        .await;
}

#[tokio::test]
async fn double_click_on_connect_sends_one_request() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    slow_connect(&world).await;

    widget.double_click_connect().await;

    world.consent_page().await;
    settle().await;
    assert_eq!(
        world.emulator.connect_by_oauth_calls().await,
        1,
        "a double click must send exactly one Connect By OAuth\n{}",
        world.context().await
    );
}

#[tokio::test]
async fn held_enter_on_connect_sends_one_request() {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    slow_connect(&world).await;

    widget.hold_enter_on_connect().await;

    world.consent_page().await;
    settle().await;
    assert_eq!(
        world.emulator.connect_by_oauth_calls().await,
        1,
        "Enter held down must send exactly one Connect By OAuth\n{}",
        world.context().await
    );
}

#[tokio::test]
async fn host_query_and_fragment_survive_the_round_trip() {
    let world = World::start().await;
    let widget = world
        .open("host.html?tenant=acme&lang=en&empty=#settings/calendars")
        .await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.click_connect().await;
    world.consent_page().await.allow().await;

    widget.see_success_naming(GOOGLE).await;
    world
        .see_address(
            "host.html",
            &[("tenant", "acme"), ("lang", "en"), ("empty", "")],
            Some("settings/calendars"),
        )
        .await;
}

#[tokio::test]
async fn two_instances_on_one_page_work_on_their_own() {
    let world = World::start().await;
    world.goto("two.html?tenant=acme").await;
    let first = world.widget("first");
    let second = world.widget("second");
    first.wait_until_ready().await;
    second.wait_until_ready().await;

    second.choose_provider(GOOGLE).await;
    second.type_schedule_id(SCHEDULE).await;
    first.choose_provider(APPLE).await;
    // Choosing in one instance must not change the other (e.g. radios sharing a name).
    second.see_provider_chosen(GOOGLE).await;
    let first_state = first.snapshot().await;
    assert_eq!(
        first_state["fields"][0]["value"],
        "",
        "typing into the second instance changed the first\n{}",
        world.context().await
    );

    second.click_connect().await;
    world.consent_page().await.allow().await;

    second.see_success_naming(GOOGLE).await;
    world
        .see_address("two.html", &[("tenant", "acme")], None)
        .await;
    settle().await;
    let first_announced = first.announcements().await;
    assert!(
        first_announced.is_empty(),
        "the first instance did not connect and must announce nothing, got {first_announced:?}\n{}",
        world.context().await
    );
    let connected: Vec<_> = world
        .events()
        .await
        .into_iter()
        .filter(|(event, _)| event == "calendar-connect:connected")
        .collect();
    assert_eq!(
        connected,
        vec![("calendar-connect:connected".to_owned(), "second".to_owned())],
        "exactly one connected event, from the second instance\n{}",
        world.context().await
    );
}
