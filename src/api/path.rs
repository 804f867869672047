//! Request paths of the API that carry an ID. Kept apart from the browser-only client so that
//! the checks run in native tests.

use crate::api::error::ApiError;
use crate::percent::{decode_component, encode_component};

/// The path of a connection followed by `tail` (e.g. `/disconnect`). An ID that would change the
/// path once a server resolves dot segments (empty, `.` or `..`, also percent-encoded) is
/// refused, so no request goes anywhere but to that connection.
///
/// ```
/// use calendar_connect::api::path::connection_path;
/// assert_eq!(connection_path("c1", "/disconnect").unwrap(), "/connections/c1/disconnect");
/// assert!(connection_path("%2E%2E", "").is_err());
/// ```
pub fn connection_path(connection_id: &str, tail: &str) -> Result<String, ApiError> {
    let decoded = decode_component(connection_id);
    if decoded.trim().is_empty() || matches!(decoded.as_str(), "." | "..") {
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
