//! Request paths of the API that carry an ID. Kept apart from the browser-only client so that
//! the checks run in native tests.

use crate::api::error::ApiError;
use crate::percent::encode_component;

/// The path of a connection followed by `tail` (e.g. `/disconnect`). An ID that would change the
/// path once a server resolves dot segments (empty, `.` or `..`, also percent-encoded) is
/// refused, so no request goes anywhere but to that connection. The ID is decoded as a path
/// segment is, where `+` is a plus sign (not a space, as in a query).
///
/// ```
/// use calendar_connect::api::path::connection_path;
/// assert_eq!(connection_path("c1", "/disconnect").unwrap(), "/connections/c1/disconnect");
/// assert!(connection_path("%2E%2E", "").is_err());
/// ```
pub fn connection_path(connection_id: &str, tail: &str) -> Result<String, ApiError> {
    let decoded = percent_encoding::percent_decode_str(connection_id).decode_utf8_lossy();
    if decoded.trim().is_empty() || matches!(decoded.as_ref(), "." | "..") {
        return Err(ApiError::InvalidConnectionId);
    }
    Ok(format!(
        "/connections/{}{tail}",
        encode_component(connection_id)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_connection_ids_that_change_the_path() {
        let cases = [
            ("abc", Ok("/connections/abc/disconnect")),
            ("a.b", Ok("/connections/a.b/disconnect")),
            ("...", Ok("/connections/.../disconnect")),
            ("a/b", Ok("/connections/a%2Fb/disconnect")),
            ("a+b", Ok("/connections/a%2Bb/disconnect")),
            ("+", Ok("/connections/%2B/disconnect")),
            ("%20", Err(ApiError::InvalidConnectionId)),
            ("%2e%2E%2f", Ok("/connections/%252e%252E%252f/disconnect")),
            ("", Err(ApiError::InvalidConnectionId)),
            (" ", Err(ApiError::InvalidConnectionId)),
            (".", Err(ApiError::InvalidConnectionId)),
            ("..", Err(ApiError::InvalidConnectionId)),
            ("%2e", Err(ApiError::InvalidConnectionId)),
            ("%2E%2e", Err(ApiError::InvalidConnectionId)),
            (".%2E", Err(ApiError::InvalidConnectionId)),
        ];
        for (id, expected) in cases {
            assert_eq!(
                connection_path(id, "/disconnect"),
                expected.map(str::to_owned),
                "{id:?}"
            );
        }
    }
}
