//! The connections panel's rows: one per connection of the schedule that is not disconnected,
//! with the provider's name, the account, the status in words and, for a broken connection,
//! what went wrong.
//!
//! ```
//! use calendar_connect::api::model::{Connection, ConnectionStatus};
//! use calendar_connect::manage::rows::row;
//! let c = Connection { status: Some(ConnectionStatus::Connected), ..Default::default() };
//! let r = row(&c, &[]);
//! assert_eq!(r.account, "Waiting for the first sync");
//! assert!(r.syncing);
//! ```

use std::borrow::Cow;

use crate::api::model::{Connection, ConnectionStatus, ErrorReason, Provider};
use crate::messages as m;

/// How a row's status looks: also its CSS modifier, never its only signal (the words are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Connected or synced.
    Working,
    /// Connected but the first sync has not finished.
    Syncing,
    /// Broken.
    Broken,
    /// Disconnected, or a status this widget does not know.
    Inactive,
}

impl StatusKind {
    /// CSS modifier class of the status badge.
    pub fn class(self) -> &'static str {
        match self {
            StatusKind::Working => "cc-status--working",
            StatusKind::Syncing => "cc-status--syncing",
            StatusKind::Broken => "cc-status--broken",
            StatusKind::Inactive => "cc-status--inactive",
        }
    }
}

/// One row of the connections panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionRow {
    /// Connection ID (empty when Wix sent none; such a row offers no actions).
    pub id: String,
    /// Provider ID, for Reconnect and the sync settings.
    pub provider_id: String,
    /// Provider's name from List Providers.
    pub provider_name: String,
    /// The account's email, or a note that it appears after the first sync.
    pub account: String,
    /// Status in words.
    pub status_text: String,
    /// Kind of status.
    pub kind: StatusKind,
    /// What went wrong and what to do, for a broken connection.
    pub problem: Option<String>,
    /// Whether the panel should keep refreshing for this row.
    pub syncing: bool,
    /// A broken connection whose account another, working connection of the same provider
    /// holds again (the API has no "reconnect this connection": Reconnect makes a new one).
    /// Its problem says so, and it offers no Reconnect, which would only add a third.
    pub replaced: bool,
}

/// A provider's display name: its name from List Providers, else a generic one.
pub fn provider_name(providers: &[Provider], provider_id: Option<&str>) -> String {
    providers
        .iter()
        .find(|p| p.id.is_some() && p.id.as_deref() == provider_id)
        .and_then(|p| p.name.clone())
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| m::some_provider().to_owned())
}

/// Whether a status is on its way to SYNCED, so that the panel should refresh.
pub fn is_syncing(status: Option<ConnectionStatus>) -> bool {
    matches!(
        status,
        Some(ConnectionStatus::Connected | ConnectionStatus::SyncInProgress)
    )
}

/// The row for one connection.
pub fn row(connection: &Connection, providers: &[Provider]) -> ConnectionRow {
    let status = connection.status;
    let kind = match status {
        Some(ConnectionStatus::Synced) => StatusKind::Working,
        Some(ConnectionStatus::Connected | ConnectionStatus::SyncInProgress) => StatusKind::Syncing,
        Some(ConnectionStatus::Error) => StatusKind::Broken,
        _ => StatusKind::Inactive,
    };
    let problem = (status == Some(ConnectionStatus::Error)).then(|| {
        m::error_reason_explained(connection.error_reason.unwrap_or(ErrorReason::Undefined))
            .to_owned()
    });
    ConnectionRow {
        id: connection.id.clone().unwrap_or_default(),
        provider_id: connection.provider_id.clone().unwrap_or_default(),
        provider_name: provider_name(providers, connection.provider_id.as_deref()),
        account: connection
            .external_account_email
            .as_deref()
            .map(m::plain)
            .filter(|email| !email.trim().is_empty())
            .map_or_else(|| m::waiting_for_first_sync().to_owned(), Cow::into_owned),
        status_text: m::status_words(status).to_owned(),
        kind,
        problem,
        syncing: is_syncing(status),
        replaced: false,
    }
}

/// Whether `connection` is live: connected, syncing or synced.
fn is_live(connection: &Connection) -> bool {
    matches!(
        connection.status,
        Some(
            ConnectionStatus::Connected
                | ConnectionStatus::SyncInProgress
                | ConnectionStatus::Synced
        )
    )
}

/// Whether another connection in `all` is a working connection of the same provider and
/// account as `broken`.
fn replaced_by_another(broken: &Connection, all: &[Connection]) -> bool {
    let Some(email) = known_email(broken) else {
        return false;
    };
    all.iter().any(|other| {
        other.id != broken.id
            && other.provider_id == broken.provider_id
            && is_live(other)
            && known_email(other).is_some_and(|o| o.eq_ignore_ascii_case(&email))
    })
}

/// How a connection is connected again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReconnectBy {
    /// The OAuth flow again, for the same provider and schedule.
    OAuth,
    /// The email and password form of the provider, for the same schedule.
    Credentials,
}

/// What a row's Reconnect does, if it offers one: an OAuth provider can always be connected
/// again; a provider that only takes credentials is offered it when the connection is broken
/// (asking for a password again is only worth it then); without a known provider, nothing.
pub fn reconnect_by(
    provider: Option<&Provider>,
    status: Option<ConnectionStatus>,
) -> Option<ReconnectBy> {
    let provider = provider?;
    if provider.connects_by_oauth() {
        Some(ReconnectBy::OAuth)
    } else if provider.connects_by_credentials() && status == Some(ConnectionStatus::Error) {
        Some(ReconnectBy::Credentials)
    } else {
        None
    }
}

/// The account email to prefill when connecting again, if Wix knows it.
pub fn known_email(connection: &Connection) -> Option<String> {
    connection
        .external_account_email
        .clone()
        .filter(|email| !email.trim().is_empty())
}

/// The rows of a List Connections answer: disconnected connections are history and left out.
pub fn rows(connections: &[Connection], providers: &[Provider]) -> Vec<ConnectionRow> {
    connections
        .iter()
        .filter(|c| c.status != Some(ConnectionStatus::Disconnected))
        .map(|c| {
            let mut row = row(c, providers);
            if row.kind == StatusKind::Broken && replaced_by_another(c, connections) {
                row.replaced = true;
                row.problem = Some(m::replaced_connection().to_owned());
            }
            row
        })
        .collect()
}

/// The note naming providers whose connections could not be loaded (`failedProviderIds`).
pub fn failed_providers_note(failed_ids: &[String], providers: &[Provider]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for id in failed_ids {
        let name = provider_name(providers, Some(id));
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| m::failed_providers(&names))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn providers() -> Vec<Provider> {
        vec![
            Provider {
                id: Some("g".into()),
                name: Some("Google Calendar".into()),
                ..Default::default()
            },
            Provider {
                id: Some("a".into()),
                name: Some("Apple Calendar".into()),
                ..Default::default()
            },
            Provider {
                id: Some("blank".into()),
                name: Some("  ".into()),
                ..Default::default()
            },
        ]
    }

    fn connection(
        provider: &str,
        status: Option<ConnectionStatus>,
        email: Option<&str>,
    ) -> Connection {
        Connection {
            id: Some(format!("id-{provider}")),
            provider_id: Some(provider.into()),
            status,
            external_account_email: email.map(str::to_owned),
            ..Default::default()
        }
    }

    #[test]
    fn describes_each_status_in_words() {
        use ConnectionStatus as S;
        let cases = [
            (
                Some(S::Connected),
                StatusKind::Syncing,
                true,
                "Connected, first sync pending",
            ),
            (
                Some(S::SyncInProgress),
                StatusKind::Syncing,
                true,
                "Syncing",
            ),
            (Some(S::Synced), StatusKind::Working, false, "Synced"),
            (Some(S::Error), StatusKind::Broken, false, "Not working"),
            (
                Some(S::Disconnected),
                StatusKind::Inactive,
                false,
                "Disconnected",
            ),
            (
                Some(S::Unknown),
                StatusKind::Inactive,
                false,
                "Status unknown",
            ),
            (None, StatusKind::Inactive, false, "Status unknown"),
        ];
        for (status, kind, syncing, words) in cases {
            let r = row(
                &connection("g", status, Some("ann@example.org")),
                &providers(),
            );
            assert_eq!(
                (r.kind, r.syncing, r.status_text.as_str()),
                (kind, syncing, words)
            );
            assert_eq!(r.problem.is_some(), status == Some(S::Error), "{status:?}");
        }
    }

    #[test]
    fn names_provider_and_account() {
        let cases = [
            (
                "g",
                Some("ann@example.org"),
                "Google Calendar",
                "ann@example.org",
            ),
            ("a", None, "Apple Calendar", "Waiting for the first sync"),
            (
                "g",
                Some("\u{202E}gro.elpmaxe@nna"),
                "Google Calendar",
                "gro.elpmaxe@nna",
            ),
            (
                "a",
                Some("\u{2066}\u{2069}"),
                "Apple Calendar",
                "Waiting for the first sync",
            ),
            (
                "a",
                Some(""),
                "Apple Calendar",
                "Waiting for the first sync",
            ),
            (
                "blank",
                None,
                "A calendar provider",
                "Waiting for the first sync",
            ),
            (
                "gone",
                None,
                "A calendar provider",
                "Waiting for the first sync",
            ),
        ];
        for (provider, email, name, account) in cases {
            let r = row(
                &connection(provider, Some(ConnectionStatus::Synced), email),
                &providers(),
            );
            assert_eq!(
                (r.provider_name.as_str(), r.account.as_str()),
                (name, account)
            );
            assert_eq!(r.id, format!("id-{provider}"));
        }
    }

    #[test]
    fn a_broken_connection_whose_account_works_again_elsewhere_is_marked_replaced() {
        let with = |id: &str, provider: &str, status, email: Option<&str>| Connection {
            id: Some(id.into()),
            ..connection(provider, Some(status), email)
        };
        use ConnectionStatus as S;
        let broken = with("old", "a", S::Error, Some("Me@iCloud.example"));
        // (the other connections, whether the broken one is replaced)
        let cases = [
            (
                vec![with("new", "a", S::Synced, Some("me@icloud.example"))],
                true,
            ),
            (
                vec![with("new", "a", S::Connected, Some("me@icloud.example"))],
                true,
            ),
            (
                vec![with("new", "a", S::Error, Some("me@icloud.example"))],
                false,
            ),
            (
                vec![with("new", "a", S::Synced, Some("other@icloud.example"))],
                false,
            ),
            (
                vec![with("new", "g", S::Synced, Some("me@icloud.example"))],
                false,
            ),
            (vec![with("new", "a", S::Synced, None)], false),
            (vec![], false),
        ];
        for (others, replaced) in cases {
            let mut all = vec![broken.clone()];
            all.extend(others.iter().cloned());
            let shown = rows(&all, &providers());
            assert_eq!(shown[0].replaced, replaced, "{others:?}");
            assert_eq!(
                shown[0].problem.as_deref() == Some(m::replaced_connection()),
                replaced
            );
            assert!(shown[1..].iter().all(|r| !r.replaced));
        }
        let unknown_account = with("old", "a", S::Error, None);
        let also_unknown = with("new", "a", S::Synced, None);
        assert!(!rows(&[unknown_account, also_unknown], &providers())[0].replaced);
    }

    #[test]
    fn explains_each_error_reason() {
        let cases = [
            (Some(ErrorReason::TokenRevoked), "access"),
            (
                Some(ErrorReason::ExternalCalendarCreationFailed),
                "couldn't create",
            ),
            (Some(ErrorReason::ExternalCalendarDeleted), "deleted"),
            (Some(ErrorReason::Unknown), "stopped working"),
            (None, "stopped working"),
        ];
        for (reason, needle) in cases {
            let c = Connection {
                error_reason: reason,
                ..connection("g", Some(ConnectionStatus::Error), None)
            };
            let problem = row(&c, &providers()).problem.unwrap();
            assert!(problem.contains(needle), "{reason:?}: {problem}");
        }
    }

    #[test]
    fn offers_reconnect_by_the_way_the_provider_connects() {
        use crate::api::model::{ConnectMethod, ProviderFeatures};
        use ConnectionStatus as S;
        let by = |methods: &[ConnectMethod]| Provider {
            features: Some(ProviderFeatures {
                connect_methods: Some(methods.to_vec()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let oauth = by(&[ConnectMethod::Oauth]);
        let both = by(&[ConnectMethod::Oauth, ConnectMethod::Credentials]);
        let credentials = by(&[ConnectMethod::Credentials]);
        let neither = by(&[]);
        let cases = [
            (Some(&oauth), Some(S::Synced), Some(ReconnectBy::OAuth)),
            (Some(&oauth), Some(S::Error), Some(ReconnectBy::OAuth)),
            (Some(&both), Some(S::Error), Some(ReconnectBy::OAuth)),
            (
                Some(&credentials),
                Some(S::Error),
                Some(ReconnectBy::Credentials),
            ),
            (Some(&credentials), Some(S::Synced), None),
            (Some(&credentials), Some(S::Connected), None),
            (Some(&credentials), None, None),
            (Some(&neither), Some(S::Error), None),
            (None, Some(S::Error), None),
        ];
        for (provider, status, expected) in cases {
            assert_eq!(reconnect_by(provider, status), expected, "{status:?}");
        }
    }

    #[test]
    fn prefills_only_a_real_email() {
        let cases = [
            (
                Some("ann@icloud.example.com"),
                Some("ann@icloud.example.com"),
            ),
            (Some(" "), None),
            (Some(""), None),
            (None, None),
        ];
        for (email, expected) in cases {
            let c = connection("a", Some(ConnectionStatus::Error), email);
            assert_eq!(known_email(&c).as_deref(), expected, "{email:?}");
        }
    }

    #[test]
    fn leaves_out_disconnected_connections() {
        let list = [
            connection("g", Some(ConnectionStatus::Disconnected), None),
            connection("a", Some(ConnectionStatus::Synced), None),
        ];
        let shown = rows(&list, &providers());
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].provider_name, "Apple Calendar");
    }

    #[test]
    fn names_failed_providers_once() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(failed_providers_note(&[], &providers()), None);
        let note = failed_providers_note(&ids(&["g", "a", "g"]), &providers()).unwrap();
        assert_eq!(
            note,
            "Connections of Google Calendar and Apple Calendar couldn't be loaded right now."
        );
        let note = failed_providers_note(&ids(&["x"]), &providers()).unwrap();
        assert!(note.contains("A calendar provider"), "{note}");
    }
}
