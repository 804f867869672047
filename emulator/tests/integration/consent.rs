//! The fake consent page and its redirects.

use reqwest::Method;
use serde_json::json;
use url::Url;
use wix_emulator::Config;

use crate::common::*;

fn location(reply: &Reply) -> String {
    assert_eq!(reply.status, 303, "{}", reply.text);
    reply.headers["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_page_is_accessible_html_naming_provider_and_schedule() {
    let emulator = start().await;
    let url = emulator
        .oauth_url(GOOGLE, "http://127.0.0.1:9/back?a=1&b=<i>")
        .await;
    let r = reply(emulator.client.get(&url)).await;
    assert_eq!(r.status, 200);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = &r.text;
    for expected in [
        "<html lang=\"en\">",
        "<title>Connect Google Calendar</title>",
        "<h1>Connect Google Calendar</h1>",
        SCHEDULE,
        "<form method=\"post\">",
        "value=\"allow\" class=\"primary\">Allow</button>",
        "value=\"deny\">Deny</button>",
        ">Simulate: unsupported account</button>",
        ">Simulate: internal error</button>",
        ":focus-visible",
        "a=1&amp;b=%3Ci%3E",
    ] {
        assert!(page.contains(expected), "missing {expected:?} in {page}");
    }
    assert!(!page.contains("<i>"));
}

#[tokio::test]
async fn names_from_a_seed_are_escaped() {
    let seed = temp_path("seed.json");
    std::fs::write(
        &seed,
        json!({"providers": [{"id": "11111111-2222-4333-8444-555555555555",
            "name": "<script>alert(1)</script> & Co", "calendarType": "OTHER",
            "features": {"connectMethods": ["OAUTH"]}}]})
        .to_string(),
    )
    .unwrap();
    let emulator = start_with(Config {
        seed_file: Some(seed.clone()),
        ..config()
    })
    .await;
    let providers = emulator.get("/providers").await;
    assert_eq!(providers.body["providers"].as_array().unwrap().len(), 4);
    let url = emulator
        .oauth_url(
            "11111111-2222-4333-8444-555555555555",
            "http://localhost:1/",
        )
        .await;
    let page = reply(emulator.client.get(&url)).await.text;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(!page.contains("<script>"));
    std::fs::remove_file(seed).unwrap();
}

#[tokio::test]
async fn allow_redirects_with_the_new_connection_keeping_query_and_fragment() {
    let emulator = start().await;
    let url = emulator
        .oauth_url(GOOGLE, "http://127.0.0.1:9999/cb?x=1&y=a%20b#section")
        .await;
    let none = emulator.get("/connections").await;
    assert_eq!(none.body["connections"], json!([]), "nothing before Allow");
    let target = location(&emulator.decide(&url, "allow").await);
    assert!(
        target.starts_with("http://127.0.0.1:9999/cb?x=1&y=a%20b&connectionId="),
        "{target}"
    );
    assert!(target.ends_with("#section"), "{target}");
    let parsed = Url::parse(&target).unwrap();
    let id = parsed
        .query_pairs()
        .find(|(k, _)| k == "connectionId")
        .unwrap()
        .1
        .into_owned();
    let c = emulator.get(&format!("/connections/{id}")).await;
    assert_eq!(c.status, 200);
    assert_eq!(c.body["connection"]["providerId"], GOOGLE);
    assert_eq!(c.body["connection"]["scheduleId"], SCHEDULE);
    assert_eq!(
        c.body["connection"]["externalAccountEmail"],
        "owner@google.example.com"
    );
}

#[tokio::test]
async fn a_redirect_url_without_query_gets_one() {
    let emulator = start().await;
    let url = emulator.oauth_url(MICROSOFT, "http://localhost:8080").await;
    let target = location(&emulator.decide(&url, "allow").await);
    assert!(
        target.starts_with("http://localhost:8080/?connectionId="),
        "{target}"
    );
    assert!(!target.contains("??") && !target.contains("?&"));
}

#[tokio::test]
async fn refusals_redirect_with_an_error_and_create_nothing() {
    let emulator = start().await;
    for (decision, error) in [
        ("deny", "reject"),
        ("unsupported", "unsupported"),
        ("internal", "internal"),
    ] {
        let url = emulator
            .oauth_url(GOOGLE, "https://example.com/back?k=v")
            .await;
        let target = location(&emulator.decide(&url, decision).await);
        assert_eq!(
            target,
            format!("https://example.com/back?k=v&error={error}")
        );
    }
    let r = emulator.get("/connections").await;
    assert_eq!(r.body["connections"], json!([]));
}

#[tokio::test]
async fn a_session_is_single_use() {
    let emulator = start().await;
    let url = emulator.oauth_url(GOOGLE, "http://localhost:1/").await;
    let bad = emulator.decide(&url, "maybe").await;
    assert_eq!(
        bad.status, 400,
        "an unknown answer does not use the session up"
    );
    location(&emulator.decide(&url, "allow").await);
    assert_eq!(emulator.decide(&url, "allow").await.status, 410);
    let page = reply(emulator.client.get(&url)).await;
    assert_eq!(page.status, 410);
    assert!(page
        .text
        .contains("<h1>This consent request is no longer valid</h1>"));
    assert_eq!(
        emulator.get("/connections").await.body["connections"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn sessions_expire_and_unknown_ones_are_404() {
    let emulator = start().await;
    emulator
        .control(Method::POST, "/config", Some(json!({"consentTtlSecs": 0})))
        .await;
    let url = emulator.oauth_url(GOOGLE, "http://localhost:1/").await;
    assert_eq!(reply(emulator.client.get(&url)).await.status, 410);
    assert_eq!(emulator.decide(&url, "allow").await.status, 410);
    let unknown = format!("{}/_emulator/consent/nope", emulator.origin);
    assert_eq!(reply(emulator.client.get(&unknown)).await.status, 404);
}
