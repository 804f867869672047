//! The Connect By Credentials form (for providers like Apple that connect with the account's
//! email and an app-specific password): checks before sending, and the notice for a failure.
//! The password only passes through here; nothing keeps it.
//!
//! ```
//! use calendar_connect::manage::credentials::validate;
//! assert!(validate("ann@example.org", "abcd-efgh-ijkl-mnop").is_ok());
//! assert!(validate("ann", "").is_err());
//! ```

use crate::api::error::ApiError;
use crate::flow::feedback::{api_error_notice, Notice, Tone};
use crate::messages as m;

/// What is wrong with the form, field by field (inline messages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormErrors {
    /// Message for the email field.
    pub email: Option<&'static str>,
    /// Message for the password field.
    pub password: Option<&'static str>,
}

/// Whether `email` looks like an address: one `@`, something before it, a dotted domain after
/// it, no spaces. The provider has the final word; this only catches typing slips.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').count() >= 2 && domain.split('.').all(|l| !l.is_empty());
    !local.is_empty()
        && !domain.contains('@')
        && labels_ok
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Checks the form; the email is trimmed by the caller before sending.
pub fn validate(email: &str, password: &str) -> Result<(), FormErrors> {
    let errors = FormErrors {
        email: if email.trim().is_empty() {
            Some(m::email_required())
        } else if !is_email(email.trim()) {
            Some(m::email_invalid())
        } else {
            None
        },
        password: password.is_empty().then(m::password_required),
    };
    if errors == FormErrors::default() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The notice for a failed Connect By Credentials: wrong email or password gets its own
/// words; everything else is mapped like any API failure.
pub fn failure_notice(error: &ApiError, provider: &str) -> Notice {
    match error.code() {
        Some("BAD_CREDENTIALS") => Notice::new(
            Tone::Failure,
            m::bad_credentials(provider),
            m::bad_credentials_advice(),
            "bad-credentials",
        ),
        // Connect's wording ("can't be connected by signing in ... use its email and
        // password") would send the person back to the form they just used.
        Some("NOT_SUPPORTED_BY_PROVIDER") => Notice::new(
            Tone::Failure,
            m::credentials_not_supported(provider),
            m::credentials_not_supported_advice(),
            "not-supported-by-provider",
        ),
        _ => api_error_notice(error, provider),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_email_and_password() {
        let ok = FormErrors::default();
        let cases = [
            ("ann@example.org", "x", ok),
            (" ann@example.org ", "x", ok),
            ("a.b+c@mail.example.co.uk", " ", ok),
            (
                "",
                "x",
                FormErrors {
                    email: Some(m::email_required()),
                    ..ok
                },
            ),
            (
                "   ",
                "x",
                FormErrors {
                    email: Some(m::email_required()),
                    ..ok
                },
            ),
            (
                "ann",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "ann@",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "@example.org",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "ann@example",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "ann@example.",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "ann@@example.org",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "an n@example.org",
                "x",
                FormErrors {
                    email: Some(m::email_invalid()),
                    ..ok
                },
            ),
            (
                "ann@example.org",
                "",
                FormErrors {
                    password: Some(m::password_required()),
                    ..ok
                },
            ),
            (
                "",
                "",
                FormErrors {
                    email: Some(m::email_required()),
                    password: Some(m::password_required()),
                },
            ),
        ];
        for (email, password, expected) in cases {
            let got = validate(email, password).err().unwrap_or_default();
            assert_eq!(got, expected, "{email:?} {password:?}");
        }
    }

    #[test]
    fn bad_credentials_get_their_own_message() {
        let body = r#"{"message":"x","details":{"applicationError":{"code":"BAD_CREDENTIALS"}}}"#;
        let notice = failure_notice(&ApiError::from_http(401, body, None), "Apple Calendar");
        assert_eq!(notice.reason, "bad-credentials");
        assert!(notice.title.contains("Apple Calendar"), "{}", notice.title);
        assert_eq!(notice.tone.role(), "alert");
        let other = failure_notice(&ApiError::from_http(401, "", None), "Apple Calendar");
        assert_ne!(other.reason, "bad-credentials");
        let premium = r#"{"details":{"applicationError":{"code":"PREMIUM_FEATURE_NOT_ENABLED"}}}"#;
        let other = failure_notice(&ApiError::from_http(403, premium, None), "Apple Calendar");
        assert_eq!(other.reason, "premium-required");
        let refused = r#"{"details":{"applicationError":{"code":"NOT_SUPPORTED_BY_PROVIDER"}}}"#;
        let notice = failure_notice(&ApiError::from_http(428, refused, None), "Apple Calendar");
        assert_eq!(
            notice.title,
            "Apple Calendar can't be connected with an email and password."
        );
        assert!(
            !notice.advice.contains("email and password"),
            "{}",
            notice.advice
        );
    }
}
