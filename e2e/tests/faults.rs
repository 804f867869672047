//! The API misbehaving, injected through the emulator's control API before Connect and before
//! the provider list loads, the API going away, and a Connect By OAuth answer carrying a
//! hostile `oauthUrl`. Each ends with a specific message and usable controls; none hangs,
//! and the page never navigates anywhere it should not.

use std::time::Duration;

use e2e::site::REQUEST_TIMEOUT_MS;
use e2e::{Fault, World, GOOGLE, SCHEDULE};

/// How long a hanging request may take to end in a message: the widget's time limit, plus
/// a margin for a busy machine.
const HANG_PATIENCE: Duration = Duration::from_millis(REQUEST_TIMEOUT_MS + 10_000);

/// Injects `fault` into the next Connect By OAuth, clicks Connect and expects a message with
/// `phrase`, the choices kept, and a second Connect that reaches the consent page.
async fn connect_fails_with(fault: Fault, phrase: &str) {
    let world = World::start().await;
    let widget = world.open("host.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    world.emulator.inject("connectByOAuth", &fault).await;

    widget.click_connect().await;

    let message = widget.see_alert_within(HANG_PATIENCE).await;
    assert!(
        message.contains(phrase),
        "after {fault:?} on Connect By OAuth expected a message with {phrase:?}, got {message:?}\n{}",
        world.context().await
    );
    widget
        .see_choices_kept_and_connect_usable(GOOGLE, SCHEDULE)
        .await;
    widget.click_connect().await;
    world.consent_page().await;
}

/// Injects `fault` into List Providers, loads the page and expects a message with `phrase`
/// and a Retry that then shows the providers.
async fn provider_list_fails_with(fault: Fault, phrase: &str) {
    let world = World::start().await;
    world.emulator.inject("listProviders", &fault).await;
    world.goto("host.html").await;
    let widget = world.widget("calendar-connect");

    let message = widget.see_alert_within(HANG_PATIENCE).await;
    assert!(
        message.contains("couldn't load the calendar providers") && message.contains(phrase),
        "after {fault:?} on List Providers expected a message with {phrase:?}, got {message:?}\n{}",
        world.context().await
    );
    widget.click_button("Retry").await;
    widget.wait_until_ready().await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    widget.see_connect_enabled().await;
}

/// One test per fault and phase, named after them.
macro_rules! fault_journeys {
    ($($connect:ident, $list:ident: $fault:expr, $connect_phrase:expr, $list_phrase:expr;)*) => {$(
        #[tokio::test]
        async fn $connect() {
            connect_fails_with($fault, $connect_phrase).await;
        }

        #[tokio::test]
        async fn $list() {
            provider_list_fails_with($fault, $list_phrase).await;
        }
    )*};
}

fault_journeys! {
    connect_500, providers_500:
        Fault::internal_server_error(), "problem on its side", "problem on its side";
    connect_503, providers_503:
        Fault::service_unavailable(), "problem on its side", "problem on its side";
    connect_429_retry_after, providers_429_retry_after:
        Fault::too_many_requests("30"), "30 seconds", "30 seconds";
    connect_hangs_past_the_timeout, providers_hang_past_the_timeout:
        Fault::Hang, "didn't answer in time", "didn't answer in time";
    connect_malformed_json, providers_malformed_json:
        Fault::MalformedJson, "couldn't understand", "couldn't understand";
    // List Providers has no documented 428: only the headline is asked of it.
    connect_428_not_supported_by_provider, providers_428_not_supported_by_provider:
        Fault::not_supported_by_provider(), "can't be connected by signing in", "";
    connect_403_premium_feature_not_enabled, providers_403_premium_feature_not_enabled:
        Fault::premium_feature_not_enabled(), "Premium plan", "Premium plan";
}

#[tokio::test]
async fn connect_with_the_emulator_stopped() {
    let world = World::start().await;
    let mut api = world.start_second_emulator();
    world.write_host_page("remote.html", &api.api_base());
    let widget = world.open("remote.html").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;

    api.stop();
    widget.click_connect().await;

    let message = widget.see_alert_within(HANG_PATIENCE).await;
    assert!(
        message.contains("couldn't reach Wix"),
        "with the API down expected a network message, got {message:?}\n{}",
        world.context().await
    );
    widget
        .see_choices_kept_and_connect_usable(GOOGLE, SCHEDULE)
        .await;
}

#[tokio::test]
async fn provider_list_with_the_network_down() {
    let world = World::start().await;
    world.write_offline_host_page("offline.html");
    world.goto("offline.html").await;
    let widget = world.widget("calendar-connect");

    let message = widget.see_alert_within(HANG_PATIENCE).await;
    assert!(
        message.contains("couldn't load the calendar providers")
            && message.contains("couldn't reach Wix"),
        "with the API down expected a network message, got {message:?}\n{}",
        world.context().await
    );
    // Retry stays available and ends in the same message again, not in a spinner.
    widget.click_button("Retry").await;
    let again = widget.see_alert_within(HANG_PATIENCE).await;
    assert!(
        again.contains("couldn't reach Wix"),
        "after Retry: {again:?}"
    );
    world
        .find(Some("#calendar-connect"), &["button"], "Retry")
        .await;
}

/// Answers Connect By OAuth with `oauth_url`, clicks Connect, and checks that the widget
/// refuses it with a message, no dialog opened and the address never changed.
async fn refuses_oauth_url(oauth_url: &str) {
    let world = World::start().await;
    let widget = world.open("host.html?tenant=acme").await;
    widget.choose_provider(GOOGLE).await;
    widget.type_schedule_id(SCHEDULE).await;
    let before = world.current_url().await;
    world
        .emulator
        .inject("connectByOAuth", &Fault::oauth_url(oauth_url))
        .await;

    widget.click_connect().await;

    let message = widget.see_alert().await;
    assert!(
        message.contains("can't trust"),
        "oauthUrl {oauth_url:?} must be refused with a message, got {message:?}\n{}",
        world.context().await
    );
    // Give a navigation that was started anyway the time to happen.
    tokio::time::sleep(Duration::from_secs(1)).await;
    world.see_no_dialog().await;
    let after = world.current_url().await;
    assert_eq!(
        after.as_str(),
        before.as_str(),
        "oauthUrl {oauth_url:?} must not be navigated to\n{}",
        world.context().await
    );
    widget
        .see_choices_kept_and_connect_usable(GOOGLE, SCHEDULE)
        .await;
}

#[tokio::test]
async fn javascript_oauth_url_is_not_followed() {
    refuses_oauth_url("javascript:alert(document.domain)").await;
}

#[tokio::test]
async fn data_oauth_url_is_not_followed() {
    refuses_oauth_url("data:text/html,<h1>Sign in</h1>").await;
}

#[tokio::test]
async fn plain_http_oauth_url_to_another_host_is_not_followed() {
    refuses_oauth_url("http://accounts.example.com/o/oauth2/auth").await;
}

#[tokio::test]
async fn relative_oauth_url_is_not_followed() {
    refuses_oauth_url("/_emulator/consent/elsewhere").await;
}

#[tokio::test]
async fn protocol_relative_oauth_url_is_not_followed() {
    refuses_oauth_url("//accounts.example.com/o/oauth2/auth").await;
}
