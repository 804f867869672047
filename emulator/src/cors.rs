//! CORS for browser callers: the widget's dev server and test runner live on other loopback
//! ports than the emulator, so every loopback origin is allowed, plus `--allow-origin`s.

use std::time::Duration;

use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{request, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};
use url::{Host, Url};

/// The CORS layer: reflects allowed origins and answers preflights.
pub fn layer(extra_origins: &[String]) -> CorsLayer {
    let extra: Vec<String> = extra_origins
        .iter()
        .map(|o| o.trim_end_matches('/').to_owned())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(
            move |origin: &HeaderValue, _: &request::Parts| {
                origin
                    .to_str()
                    .is_ok_and(|o| is_loopback_origin(o) || extra.iter().any(|e| e == o))
            },
        ))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            AUTHORIZATION,
            CONTENT_TYPE,
            HeaderName::from_static("wix-site-id"),
            HeaderName::from_static("wix-account-id"),
        ])
        .expose_headers([RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// True for `http(s)://` origins on 127.0.0.0/8, `localhost` or `[::1]`, any port.
pub fn is_loopback_origin(origin: &str) -> bool {
    let Ok(url) = Url::parse(origin) else {
        return false;
    };
    matches!(url.scheme(), "http" | "https")
        && match url.host() {
            Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
            Some(Host::Ipv4(ip)) => ip.is_loopback(),
            Some(Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_origin;

    #[test]
    fn loopback_origins() {
        assert!(is_loopback_origin("http://127.0.0.1:8080"));
        assert!(is_loopback_origin("http://localhost:3000"));
        assert!(is_loopback_origin("http://[::1]:9000"));
        assert!(is_loopback_origin("http://localhost"));
        assert!(!is_loopback_origin("http://example.com"));
        assert!(!is_loopback_origin("http://localhost.example.com"));
        assert!(!is_loopback_origin("null"));
    }
}
