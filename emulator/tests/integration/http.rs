//! HTTP-level behaviour: CORS, body limits, malformed bodies, unknown paths, static files.

use reqwest::Method;
use serde_json::json;
use wix_emulator::Config;

use crate::common::*;

#[tokio::test]
async fn preflights_from_loopback_origins_are_answered() {
    let emulator = start().await;
    for origin in [
        "http://127.0.0.1:5555",
        "http://localhost:8080",
        "http://[::1]:3000",
    ] {
        let r = reply(
            emulator
                .client
                .request(
                    Method::OPTIONS,
                    format!("{}{API}/connections/x/sync-config", emulator.origin),
                )
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header(
                    "Access-Control-Request-Headers",
                    "authorization,content-type,wix-site-id",
                ),
        )
        .await;
        assert_eq!(r.status, 200);
        assert_eq!(r.headers["access-control-allow-origin"], origin);
        let methods = r.headers["access-control-allow-methods"].to_str().unwrap();
        for m in ["GET", "POST", "PATCH", "DELETE", "OPTIONS"] {
            assert!(methods.contains(m), "{methods}");
        }
        let headers = r.headers["access-control-allow-headers"].to_str().unwrap();
        for h in ["authorization", "content-type", "wix-site-id"] {
            assert!(headers.contains(h), "{headers}");
        }
    }
}

#[tokio::test]
async fn cors_headers_are_on_errors_and_faults_too() {
    let emulator = start().await;
    let origin = "http://127.0.0.1:4444";
    let url = format!("{}{API}/providers", emulator.origin);
    let r = reply(emulator.client.get(&url).header("Origin", origin)).await;
    assert_eq!(r.status, 401);
    assert_eq!(r.headers["access-control-allow-origin"], origin);

    emulator
        .control(
            Method::POST,
            "/faults",
            Some(
                json!({"method": "listProviders", "status": 503, "headers": {"Retry-After": "5"}}),
            ),
        )
        .await;
    let r = reply(
        emulator
            .api(Method::GET, "/providers")
            .header("Origin", origin),
    )
    .await;
    assert_eq!(r.status, 503);
    assert_eq!(r.headers["access-control-allow-origin"], origin);
    assert_eq!(
        r.headers["access-control-expose-headers"]
            .to_str()
            .unwrap()
            .to_lowercase(),
        "retry-after"
    );
}

#[tokio::test]
async fn other_origins_need_allow_origin() {
    let emulator = start_with(Config {
        allow_origins: vec!["https://widget.example".into()],
        ..config()
    })
    .await;
    let get = |origin: &'static str| {
        reply(
            emulator
                .api(Method::GET, "/providers")
                .header("Origin", origin),
        )
    };
    assert!(get("https://evil.example")
        .await
        .headers
        .get("access-control-allow-origin")
        .is_none());
    assert_eq!(
        get("https://widget.example").await.headers["access-control-allow-origin"],
        "https://widget.example"
    );
}

#[tokio::test]
async fn oversized_bodies_are_413_in_wix_format() {
    let emulator = start().await;
    let big = format!("{{\"redirectUrl\": \"{}\"}}", "x".repeat(100 * 1024));
    let r = reply(
        emulator
            .api(Method::POST, "/connections:connectByOAuth")
            .header("Content-Type", "application/json")
            .body(big.clone()),
    )
    .await;
    assert_app_error(&r, 413, "PAYLOAD_TOO_LARGE");
    let r = reply(
        emulator
            .client
            .post(format!("{}/_emulator/premium", emulator.origin))
            .body(big),
    )
    .await;
    assert_app_error(&r, 413, "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn malformed_json_is_400_in_wix_format() {
    let emulator = start().await;
    for body in ["{\"scheduleId\": ", "not json", "{\"scheduleId\": 42}"] {
        let r = reply(
            emulator
                .api(Method::POST, "/connections:connectByCredentials")
                .header("Content-Type", "application/json")
                .body(body),
        )
        .await;
        assert_violation(&r, "body", "CUSTOM");
        assert!(r.body["message"]
            .as_str()
            .unwrap()
            .starts_with("INVALID_ARGUMENT"));
    }
}

#[tokio::test]
async fn singular_and_unknown_paths_are_404_and_wrong_verbs_405() {
    let emulator = start().await;
    let singular = [
        (Method::GET, "/bookings/v2/external-calendar/providers"),
        (
            Method::POST,
            "/bookings/v2/external-calendar/connect-by-oauth",
        ),
        (Method::POST, "/bookings/v2/external-calendar/list-events"),
        (Method::GET, "/calendar/v3/external-calendars/providers"),
    ];
    for (method, path) in singular {
        let r = reply(
            emulator
                .client
                .request(method, format!("{}{path}", emulator.origin))
                .header("Authorization", "t"),
        )
        .await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.body["details"], json!({}));
        assert!(r.body["message"].as_str().unwrap().contains(path));
    }
    let r = reply(emulator.api(Method::DELETE, "/providers")).await;
    assert_eq!(r.status, 405);
    assert!(r.body["message"].is_string());
}

#[tokio::test]
async fn static_files_are_served_from_the_same_origin() {
    let dir = temp_path("static");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>widget</title>",
    )
    .unwrap();
    let emulator = start_with(Config {
        static_dir: Some(dir.clone()),
        ..config()
    })
    .await;
    let page = reply(
        emulator
            .client
            .get(format!("{}/?connectionId=abc", emulator.origin)),
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(page.text.contains("<title>widget</title>"));
    let missing = reply(
        emulator
            .client
            .get(format!("{}/missing.js", emulator.origin)),
    )
    .await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        emulator.get("/providers").await.status,
        200,
        "the API still answers"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
