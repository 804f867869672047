//! Request extractors whose rejections are Wix error bodies, not axum's plain text.

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::errors::{ApiError, FieldViolation};
use crate::BODY_LIMIT;

/// Reads a whole body, refusing more than [`BODY_LIMIT`] bytes with 413.
pub async fn read_body(body: Body) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|error| {
            if error.into_inner().is::<http_body_util::LengthLimitError>() {
                ApiError::payload_too_large(BODY_LIMIT)
            } else {
                ApiError::validation(vec![FieldViolation::custom(
                    "body",
                    "could not be read completely",
                )])
            }
        })
}

/// A JSON request body. An empty body reads as `{}`, so that missing fields are reported as
/// field violations; a body that is not JSON, or not of the expected shape, is a 400.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, _: &S) -> Result<Self, ApiError> {
        let bytes = read_body(request.into_body()).await?;
        let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &bytes
        };
        serde_json::from_slice(text)
            .map(JsonBody)
            .map_err(|e| ApiError::malformed_body(&e))
    }
}

/// The query string's pairs, percent-decoded, with repeated keys kept (`scheduleIds=a&scheduleIds=b`).
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Every value given for `key`, in order.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The last value given for `key`.
    pub fn last(&self, key: &str) -> Option<&str> {
        self.all(key).pop()
    }

    /// A boolean parameter: absent is `None`, `true`/`false` parse, anything else is a
    /// violation recorded in `violations`.
    pub fn bool(&self, key: &str, violations: &mut crate::errors::Violations) -> Option<bool> {
        match self.last(key)? {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                violations.push(FieldViolation::format(key, "BOOLEAN"));
                None
            }
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryParams {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        let query = parts.uri.query().unwrap_or("");
        Ok(QueryParams(
            url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        ))
    }
}
