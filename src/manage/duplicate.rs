//! The guard against duplicates: before a new OAuth connection starts, a live connection of the
//! same provider on the same schedule is pointed out, with "Reconnect" and "Connect another
//! account" to choose from, instead of silently creating a second one.
//!
//! ```
//! use calendar_connect::api::model::{Connection, ConnectionStatus};
//! use calendar_connect::manage::duplicate::existing_connection;
//! let c = Connection {
//!     provider_id: Some("p".into()),
//!     schedule_id: Some("s".into()),
//!     status: Some(ConnectionStatus::Synced),
//!     ..Default::default()
//! };
//! assert!(existing_connection(&[c], "s", "p").is_some());
//! ```

use crate::api::model::{Connection, ConnectionStatus};

/// What the person chose when the guard spoke up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardChoice {
    /// Run the OAuth flow again for the existing connection's provider and schedule.
    Reconnect,
    /// Go ahead: connect a second account of the same provider.
    ConnectAnother,
    /// Do nothing.
    Cancel,
}

/// The first connection of `provider_id` on `schedule_id` that is not disconnected: working,
/// syncing or broken (a broken one is exactly what Reconnect is for). IDs are GUIDs, compared
/// without regard to case as `manage::verify` does: the widget lower-cases the schedule typed,
/// while a connection carries its schedule as Wix stored it.
pub fn existing_connection<'a>(
    connections: &'a [Connection],
    schedule_id: &str,
    provider_id: &str,
) -> Option<&'a Connection> {
    let same = |id: &Option<String>, expected: &str| {
        id.as_deref()
            .is_some_and(|id| id.eq_ignore_ascii_case(expected))
    };
    connections.iter().find(|c| {
        same(&c.schedule_id, schedule_id)
            && same(&c.provider_id, provider_id)
            && !matches!(c.status, Some(ConnectionStatus::Disconnected))
    })
}

/// Whether the choice goes on to Connect By OAuth.
pub fn proceeds(choice: GuardChoice) -> bool {
    matches!(choice, GuardChoice::Reconnect | GuardChoice::ConnectAnother)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(schedule: &str, provider: &str, status: Option<ConnectionStatus>) -> Connection {
        Connection {
            id: Some(format!("{schedule}-{provider}-{status:?}")),
            schedule_id: Some(schedule.into()),
            provider_id: Some(provider.into()),
            status,
            ..Default::default()
        }
    }

    #[test]
    fn finds_only_live_connections_of_the_same_provider_and_schedule() {
        use ConnectionStatus as S;
        let cases = [
            (vec![], false),
            (vec![c("s", "p", Some(S::Synced))], true),
            (vec![c("s", "p", Some(S::Connected))], true),
            (vec![c("s", "p", Some(S::SyncInProgress))], true),
            (vec![c("s", "p", Some(S::Error))], true),
            (vec![c("s", "p", None)], true),
            (vec![c("s", "p", Some(S::Disconnected))], false),
            (vec![c("s", "other", Some(S::Synced))], false),
            (vec![c("other", "p", Some(S::Synced))], false),
            (vec![c("S", "P", Some(S::Synced))], true),
            (vec![c("S", "P", Some(S::Disconnected))], false),
            (
                vec![
                    c("s", "p", Some(S::Disconnected)),
                    c("s", "p", Some(S::Synced)),
                ],
                true,
            ),
        ];
        for (list, found) in cases {
            assert_eq!(
                existing_connection(&list, "s", "p").is_some(),
                found,
                "{list:?}"
            );
        }
        let list = [
            c("s", "p", Some(S::Disconnected)),
            c("s", "p", Some(S::Error)),
        ];
        assert_eq!(
            existing_connection(&list, "s", "p").unwrap().status,
            Some(S::Error)
        );
    }

    #[test]
    fn only_cancel_stops() {
        assert!(proceeds(GuardChoice::Reconnect));
        assert!(proceeds(GuardChoice::ConnectAnother));
        assert!(!proceeds(GuardChoice::Cancel));
    }
}
