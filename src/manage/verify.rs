//! Verifying a connection before announcing success: after a return with `connectionId` (or a
//! Connect By Credentials answer) the widget reads the connection back with Get Connection and
//! only then says whether it works.
//!
//! ```
//! use calendar_connect::api::model::{Connection, ConnectionStatus};
//! use calendar_connect::manage::verify::{verify, Verification};
//! let connection = Connection {
//!     id: Some("c1".into()),
//!     provider_id: Some("p1".into()),
//!     schedule_id: Some("s1".into()),
//!     status: Some(ConnectionStatus::SyncInProgress),
//!     ..Default::default()
//! };
//! let verification = verify(Ok(connection), "c1", Some("p1"), "s1");
//! assert!(matches!(verification, Verification::Confirmed(_)));
//! ```

use crate::api::error::ApiError;
use crate::api::model::{Connection, ConnectionStatus, ErrorReason};
use crate::flow::feedback::{api_error_notice, outcome_notice, Notice, Tone};
use crate::flow::returning::Outcome;
use crate::messages as m;

/// What reading the connection back showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// It exists, belongs to the expected schedule and is connected, syncing or synced.
    Confirmed(Connection),
    /// It exists but is broken; the person should reconnect.
    Broken {
        /// The connection, for its provider and schedule.
        connection: Connection,
        /// Why it is broken (`Undefined` when Wix gave no reason).
        reason: ErrorReason,
    },
    /// It does not exist, belongs to another schedule, or is disconnected or in an unknown
    /// state: nothing is claimed.
    NotConfirmed,
    /// The check itself failed (network, timeout, 5xx...); the person may retry it.
    CheckFailed(ApiError),
}

/// Whether a status means the connection works (or is on its way to).
pub fn is_live(status: Option<ConnectionStatus>) -> bool {
    matches!(
        status,
        Some(
            ConnectionStatus::Connected
                | ConnectionStatus::SyncInProgress
                | ConnectionStatus::Synced
        )
    )
}

/// Judges the result of Get Connection for `connection_id`. The connection read must be that
/// one, of `expected_provider` (the attempt's provider; `None` for a return that matched no
/// attempt) and of `expected_schedule`: the attempt's schedule, or for a return that matched no
/// attempt the schedule the widget shows (empty when it knows none, so that nothing is
/// confirmed). A 404 (or a 400 for an ID Wix finds malformed) means the connection is not there.
pub fn verify(
    read: Result<Connection, ApiError>,
    connection_id: &str,
    expected_provider: Option<&str>,
    expected_schedule: &str,
) -> Verification {
    let connection = match read {
        Ok(connection) => connection,
        Err(
            ApiError::Http {
                status: 400 | 404, ..
            }
            | ApiError::InvalidConnectionId,
        ) => return Verification::NotConfirmed,
        Err(error) => return Verification::CheckFailed(error),
    };
    let schedule_ok = connection
        .schedule_id
        .as_deref()
        .is_some_and(|id| id.eq_ignore_ascii_case(expected_schedule));
    if expected_schedule.is_empty() || !schedule_ok {
        return Verification::NotConfirmed;
    }
    let provider_ok = expected_provider.is_none_or(|expected| {
        connection
            .provider_id
            .as_deref()
            .is_some_and(|id| id.eq_ignore_ascii_case(expected))
    });
    if connection.id.as_deref() != Some(connection_id) || !provider_ok {
        return Verification::NotConfirmed;
    }
    match connection.status {
        status if is_live(status) => Verification::Confirmed(connection),
        Some(ConnectionStatus::Error) => {
            let reason = connection.error_reason.unwrap_or(ErrorReason::Undefined);
            Verification::Broken { connection, reason }
        }
        _ => Verification::NotConfirmed,
    }
}

/// The notice for a verification, naming `provider`. `reason` values for
/// `calendar-connect:failed`: `broken`, `unconfirmed`, `verify-failed`.
pub fn verification_notice(verification: &Verification, provider: &str) -> Notice {
    match verification {
        Verification::Confirmed(_) => Notice::new(
            Tone::Success,
            m::connected(provider),
            m::connected_advice(),
            "connected",
        ),
        Verification::Broken { reason, .. } => Notice::new(
            Tone::Failure,
            m::broken_connection(provider),
            m::error_reason_explained(*reason),
            "broken",
        ),
        Verification::NotConfirmed => Notice::new(
            Tone::Failure,
            m::not_confirmed(provider),
            m::not_confirmed_advice(),
            "unconfirmed",
        ),
        Verification::CheckFailed(error) => Notice::new(
            Tone::Failure,
            m::verify_failed(),
            api_error_notice(error, provider).advice,
            "verify-failed",
        ),
    }
}

/// The notice after reading back the connection of a return that matched no attempt started
/// here; `raw` is the return's values, shown under details. Such a return is never announced as
/// a success: a live connection on the schedule shown is pointed out as a note (someone else's
/// tab, an old link, a crafted address could have produced it); a broken one is said to be broken,
/// with Reconnect, as any broken connection of the schedule is; anything else is "can't confirm".
pub fn unmatched_return_notice(verification: &Verification, provider: &str, raw: &str) -> Notice {
    match verification {
        Verification::Confirmed(_) => Notice::new(
            Tone::Note,
            m::unmatched_connection(provider),
            m::unmatched_connection_advice(),
            "unmatched",
        )
        .with_details(Some(raw.to_owned())),
        Verification::NotConfirmed => outcome_notice(&Outcome::Unconfirmed {
            raw: raw.to_owned(),
        }),
        other => verification_notice(other, provider),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connection(schedule: &str, status: Option<ConnectionStatus>) -> Connection {
        Connection {
            id: Some("c1".into()),
            schedule_id: Some(schedule.into()),
            status,
            ..Default::default()
        }
    }

    fn http(status: u16) -> ApiError {
        ApiError::from_http(status, "", None)
    }

    #[test]
    fn judges_every_kind_of_answer() {
        use ConnectionStatus as S;
        #[derive(Debug, PartialEq)]
        enum Kind {
            Confirmed,
            Broken(ErrorReason),
            NotConfirmed,
            CheckFailed,
        }
        let cases: Vec<(Result<Connection, ApiError>, &str, Kind)> = vec![
            (
                Ok(connection("s1", Some(S::Connected))),
                "s1",
                Kind::Confirmed,
            ),
            (
                Ok(connection("s1", Some(S::SyncInProgress))),
                "s1",
                Kind::Confirmed,
            ),
            (Ok(connection("s1", Some(S::Synced))), "s1", Kind::Confirmed),
            (
                Ok(connection("s1", Some(S::Synced))),
                "",
                Kind::NotConfirmed,
            ),
            (
                Ok(connection("s2", Some(S::Synced))),
                "s1",
                Kind::NotConfirmed,
            ),
            // GUIDs in either case name the same schedule.
            (Ok(connection("S1", Some(S::Synced))), "s1", Kind::Confirmed),
            (Ok(connection("s1", Some(S::Synced))), "S1", Kind::Confirmed),
            (
                Ok(connection("s1", Some(S::Disconnected))),
                "s1",
                Kind::NotConfirmed,
            ),
            (
                Ok(connection("s1", Some(S::Undefined))),
                "s1",
                Kind::NotConfirmed,
            ),
            (
                Ok(connection("s1", Some(S::Unknown))),
                "s1",
                Kind::NotConfirmed,
            ),
            (Ok(connection("s1", None)), "s1", Kind::NotConfirmed),
            (
                Ok(Connection {
                    error_reason: Some(ErrorReason::TokenRevoked),
                    ..connection("s1", Some(S::Error))
                }),
                "s1",
                Kind::Broken(ErrorReason::TokenRevoked),
            ),
            (
                Ok(connection("s1", Some(S::Error))),
                "s1",
                Kind::Broken(ErrorReason::Undefined),
            ),
            (
                Ok(Connection {
                    error_reason: Some(ErrorReason::ExternalCalendarDeleted),
                    ..connection("s2", Some(S::Error))
                }),
                "s1",
                Kind::NotConfirmed,
            ),
            (Err(http(404)), "s1", Kind::NotConfirmed),
            (Err(http(400)), "s1", Kind::NotConfirmed),
            (Err(ApiError::InvalidConnectionId), "s1", Kind::NotConfirmed),
            (Err(http(503)), "s1", Kind::CheckFailed),
            (Err(http(401)), "s1", Kind::CheckFailed),
            (Err(ApiError::Network), "s1", Kind::CheckFailed),
            (Err(ApiError::Timeout(15_000)), "s1", Kind::CheckFailed),
        ];
        for (read, expected, kind) in cases {
            let label = format!("{read:?} for {expected:?}");
            let got = match verify(read, "c1", None, expected) {
                Verification::Confirmed(_) => Kind::Confirmed,
                Verification::Broken { reason, .. } => Kind::Broken(reason),
                Verification::NotConfirmed => Kind::NotConfirmed,
                Verification::CheckFailed(_) => Kind::CheckFailed,
            };
            assert_eq!(got, kind, "{label}");
        }
    }

    #[test]
    fn confirms_only_the_returned_connection_of_the_attempts_provider() {
        let read = |id: Option<&str>, provider: Option<&str>| {
            Ok(Connection {
                id: id.map(Into::into),
                provider_id: provider.map(Into::into),
                ..connection("s1", Some(ConnectionStatus::Synced))
            })
        };
        let cases = [
            (read(Some("c1"), Some("p1")), "c1", Some("p1"), true),
            (read(Some("c1"), Some("P1")), "c1", Some("p1"), true),
            (read(Some("c1"), Some("p2")), "c1", Some("p1"), false),
            (read(Some("c1"), None), "c1", Some("p1"), false),
            (read(Some("c2"), Some("p1")), "c1", Some("p1"), false),
            (read(Some("C1"), Some("p1")), "c1", Some("p1"), false),
            (read(None, Some("p1")), "c1", Some("p1"), false),
            // A return that matched no attempt knows no provider: the ID and schedule decide.
            (read(Some("c1"), Some("p2")), "c1", None, true),
            (read(Some("c2"), Some("p2")), "c1", None, false),
        ];
        for (read, id, provider, confirmed) in cases {
            let label = format!("{read:?} for {id} of {provider:?}");
            let got = verify(read, id, provider, "s1");
            assert_eq!(
                matches!(got, Verification::Confirmed(_)),
                confirmed,
                "{label}"
            );
        }
    }

    #[test]
    fn only_a_confirmed_connection_is_announced_as_success() {
        let broken = Verification::Broken {
            connection: Connection::default(),
            reason: ErrorReason::ExternalCalendarDeleted,
        };
        let cases = [
            (
                Verification::Confirmed(Connection::default()),
                Tone::Success,
                "connected",
            ),
            (broken, Tone::Failure, "broken"),
            (Verification::NotConfirmed, Tone::Failure, "unconfirmed"),
            (
                Verification::CheckFailed(ApiError::Network),
                Tone::Failure,
                "verify-failed",
            ),
        ];
        for (verification, tone, reason) in cases {
            let notice = verification_notice(&verification, "Google Calendar");
            assert_eq!(
                (notice.tone, notice.reason),
                (tone, reason),
                "{verification:?}"
            );
            assert!(!notice.title.is_empty() && !notice.advice.is_empty());
        }
    }

    #[test]
    fn a_return_started_elsewhere_is_never_a_success() {
        let raw = "connectionId=c1";
        let cases = [
            (
                Verification::Confirmed(Connection::default()),
                Tone::Note,
                "unmatched",
            ),
            (Verification::NotConfirmed, Tone::Failure, "unconfirmed"),
            (
                Verification::Broken {
                    connection: Connection::default(),
                    reason: ErrorReason::TokenRevoked,
                },
                Tone::Failure,
                "broken",
            ),
            (
                Verification::CheckFailed(ApiError::Network),
                Tone::Failure,
                "verify-failed",
            ),
        ];
        for (verification, tone, reason) in cases {
            let notice = unmatched_return_notice(&verification, "Google Calendar", raw);
            assert_eq!(
                (notice.tone, notice.reason),
                (tone, reason),
                "{verification:?}"
            );
            assert_ne!(notice.title, m::connected("Google Calendar"));
        }
        let note = unmatched_return_notice(
            &Verification::Confirmed(Connection::default()),
            "Google Calendar",
            raw,
        );
        assert!(note.title.contains("Google Calendar"), "{}", note.title);
        assert_eq!(note.details.as_deref(), Some(raw));
    }
}
