//! Errors in Wix's standard error format, and how they become HTTP responses.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Wix's standard error body: `{"message", "details": {applicationError | validationError}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WixErrorBody {
    pub message: String,
    pub details: ErrorDetails,
}

/// The `details` of an error body; empty for system errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_error: Option<ApplicationError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_error: Option<ValidationError>,
}

/// A business-logic rejection with a machine-readable code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationError {
    pub code: String,
    pub description: String,
    #[serde(default)]
    pub data: Value,
}

/// A request that failed validation, field by field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationError {
    pub field_violations: Vec<FieldViolation>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldViolation {
    pub field: String,
    pub description: String,
    pub violated_rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

impl FieldViolation {
    fn new(field: &str, description: String, rule: &str, data: Option<Value>) -> Self {
        FieldViolation {
            field: field.to_owned(),
            description,
            violated_rule: rule.to_owned(),
            rule_name: None,
            data,
        }
    }

    /// A required field that is absent or empty.
    pub fn required(field: &str) -> Self {
        Self::new(field, "is required".into(), "REQUIRED_FIELD", None)
    }

    /// A field that does not have the expected format (`GUID`, `EMAIL`, `WEB_URL`, ...).
    pub fn format(field: &str, expected: &str) -> Self {
        Self::new(
            field,
            format!("must be a valid {expected}"),
            "FORMAT",
            Some(serde_json::json!({ "type": expected })),
        )
    }

    /// A number above its maximum.
    pub fn max(field: &str, threshold: u64) -> Self {
        Self::new(
            field,
            format!("must not be greater than {threshold}"),
            "MAX",
            Some(serde_json::json!({ "threshold": threshold })),
        )
    }

    /// A list with more items than allowed.
    pub fn max_size(field: &str, threshold: u64) -> Self {
        Self::new(
            field,
            format!("must not have more than {threshold} items"),
            "MAX_SIZE",
            Some(serde_json::json!({ "threshold": threshold })),
        )
    }

    /// Any other rule, described in words.
    pub fn custom(field: &str, description: impl Into<String>) -> Self {
        Self::new(field, description.into(), "CUSTOM", None)
    }
}

/// The documented application error codes of this API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppCode {
    NotSupportedByProvider,
    BadCredentials,
    PremiumFeatureNotEnabled,
    ConnectionNotConnected,
    ConnectionAlreadyDisconnected,
}

impl AppCode {
    fn status(self) -> StatusCode {
        match self {
            AppCode::BadCredentials => StatusCode::UNAUTHORIZED,
            AppCode::PremiumFeatureNotEnabled => StatusCode::FORBIDDEN,
            AppCode::NotSupportedByProvider
            | AppCode::ConnectionNotConnected
            | AppCode::ConnectionAlreadyDisconnected => StatusCode::PRECONDITION_REQUIRED,
        }
    }

    fn code(self) -> &'static str {
        match self {
            AppCode::NotSupportedByProvider => "NOT_SUPPORTED_BY_PROVIDER",
            AppCode::BadCredentials => "BAD_CREDENTIALS",
            AppCode::PremiumFeatureNotEnabled => "PREMIUM_FEATURE_NOT_ENABLED",
            AppCode::ConnectionNotConnected => "CONNECTION_NOT_CONNECTED",
            AppCode::ConnectionAlreadyDisconnected => "CONNECTION_ALREADY_DISCONNECTED",
        }
    }

    /// The wording the API reference suggests, since Wix's own is not published.
    fn description(self) -> &'static str {
        match self {
            AppCode::NotSupportedByProvider => {
                "The operation is not supported by the external calendar provider"
            }
            AppCode::BadCredentials => "Invalid external calendar account credentials",
            AppCode::PremiumFeatureNotEnabled => {
                "External calendar integration requires a premium plan"
            }
            AppCode::ConnectionNotConnected => "The connection is not in a connected state",
            AppCode::ConnectionAlreadyDisconnected => "The connection is already disconnected",
        }
    }
}

/// An error answer: an HTTP status with a Wix error body.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Boxed to keep `Result<_, ApiError>` small.
    pub body: Box<WixErrorBody>,
}

impl ApiError {
    fn with_application_error(status: StatusCode, code: &str, message: String) -> Self {
        ApiError {
            status,
            body: Box::new(WixErrorBody {
                message: message.clone(),
                details: ErrorDetails {
                    application_error: Some(ApplicationError {
                        code: code.to_owned(),
                        description: message,
                        data: Value::Object(Default::default()),
                    }),
                    validation_error: None,
                },
            }),
        }
    }

    /// One of the API's documented application errors.
    pub fn app(code: AppCode) -> Self {
        Self::with_application_error(code.status(), code.code(), code.description().to_owned())
    }

    /// 400 with the given field violations.
    pub fn validation(violations: Vec<FieldViolation>) -> Self {
        let summary = violations
            .iter()
            .map(|v| format!("\"{}\" {}", v.field, v.description))
            .collect::<Vec<_>>()
            .join(", ");
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: Box::new(WixErrorBody {
                message: format!("INVALID_ARGUMENT: {summary}"),
                details: ErrorDetails {
                    application_error: None,
                    validation_error: Some(ValidationError {
                        field_violations: violations,
                    }),
                },
            }),
        }
    }

    /// 400 for a body that is not JSON or does not fit the request's shape.
    pub fn malformed_body(reason: &serde_json::Error) -> Self {
        Self::validation(vec![FieldViolation::custom(
            "body",
            format!("is not a valid JSON request: {reason}"),
        )])
    }

    /// 401 for a missing or unacceptable `Authorization` header.
    pub fn unauthenticated(message: &str) -> Self {
        Self::with_application_error(
            StatusCode::UNAUTHORIZED,
            "UNAUTHENTICATED",
            message.to_owned(),
        )
    }

    /// 404 for an entity (connection, provider) that does not exist.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::with_application_error(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("{what} {id} not found"),
        )
    }

    /// 404 for a path that no route serves, 405 for a wrong verb: `details` is empty
    /// because no entity is involved.
    pub fn no_route(status: StatusCode, message: String) -> Self {
        ApiError {
            status,
            body: Box::new(WixErrorBody {
                message,
                details: ErrorDetails::default(),
            }),
        }
    }

    /// 413 for a body over the size limit.
    pub fn payload_too_large(limit: usize) -> Self {
        Self::with_application_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("Request body is larger than {limit} bytes"),
        )
    }

    /// A 5xx: its body is empty by design, `{"message":"","details":{}}`.
    pub fn system(status: StatusCode) -> Self {
        Self::no_route(status, String::new())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(*self.body)).into_response()
    }
}

/// Collects field violations while a request is validated.
#[derive(Debug, Default)]
pub struct Violations(Vec<FieldViolation>);

impl Violations {
    pub fn push(&mut self, violation: FieldViolation) {
        self.0.push(violation);
    }

    /// Ok when nothing was collected, else the 400 listing every violation.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }

    /// Checks a required GUID field; returns it (empty when invalid, which `finish` reports).
    pub fn guid(&mut self, field: &str, value: Option<&str>) -> String {
        match value {
            None | Some("") => self.push(FieldViolation::required(field)),
            Some(v) if !crate::validate::is_guid(v) => {
                self.push(FieldViolation::format(field, "GUID"))
            }
            Some(v) => return v.to_owned(),
        }
        String::new()
    }
}
