//! The site's persistent state: its premium flag and its connections, written through to the
//! `--state` file after every change.

use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::errors::ApiError;
use crate::generate::{owner_id, random_token};
use crate::model::{Connection, ErrorReason, Provider, Status};
use crate::state_file::{PersistedState, StateFile};
use crate::{sync_config, StartError};

/// Length of generated connection ids: long and opaque like Wix's, and not GUIDs.
const CONNECTION_ID_LEN: usize = 64;

/// `owner@<first word of the provider's name>.example.com`, e.g. `owner@google.example.com`.
fn made_up_email(provider: &Provider) -> String {
    let word: String = provider
        .name
        .split_whitespace()
        .next()
        .unwrap_or("calendar")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let word = if word.is_empty() {
        "calendar".to_owned()
    } else {
        word
    };
    format!("owner@{word}.example.com")
}

/// A connection as the emulator keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredConnection {
    /// The connection as last written. While `on_timeline`, its status and email are
    /// computed on each read instead.
    pub connection: Connection,
    pub created_at_ms: i64,
    /// The external account email the connection shows once its first sync completes.
    pub synced_email: String,
    /// Whether the status still moves CONNECTED -> SYNC_IN_PROGRESS -> SYNCED with time;
    /// false once something set it explicitly (Disconnect, the control API).
    pub on_timeline: bool,
}

impl StoredConnection {
    /// A new connection of `provider` for `schedule_id`, at the start of its sync timeline.
    /// `account_email` is the external account's address when the caller knows it (Connect
    /// By Credentials); otherwise one is made up from the provider's name.
    pub fn new(
        provider: &Provider,
        schedule_id: &str,
        account_email: Option<&str>,
        now_ms: i64,
    ) -> Self {
        let synced_email = account_email.map_or_else(|| made_up_email(provider), str::to_owned);
        StoredConnection {
            connection: Connection {
                id: random_token(CONNECTION_ID_LEN),
                provider_id: provider.id.clone(),
                calendar_type: provider.calendar_type,
                schedule_id: schedule_id.to_owned(),
                user_id: Some(owner_id(schedule_id)),
                app_id: None,
                external_account_email: None,
                status: Status::Connected,
                error_reason: None,
                sync_config: sync_config::default_for(&provider.features),
            },
            created_at_ms: now_ms,
            synced_email,
            on_timeline: true,
        }
    }

    /// Sets the status explicitly, taking the connection off its timeline. A connection set
    /// to SYNCED shows its account email.
    pub fn set_status(
        &mut self,
        status: Status,
        error_reason: Option<ErrorReason>,
        now_ms: i64,
        sync_delay_ms: u64,
    ) {
        self.pin(now_ms, sync_delay_ms);
        self.connection.status = status;
        self.connection.error_reason = error_reason;
        if status == Status::Synced && self.connection.external_account_email.is_none() {
            self.connection.external_account_email = Some(self.synced_email.clone());
        }
    }

    /// The connection as a client sees it at `now_ms`: each timeline step lasts
    /// `sync_delay_ms`, so with a delay of 0 a connection is SYNCED at once.
    pub fn view(&self, now_ms: i64, sync_delay_ms: u64) -> Connection {
        let mut connection = self.connection.clone();
        if self.on_timeline {
            let elapsed = now_ms - self.created_at_ms;
            let step = i64::try_from(sync_delay_ms).unwrap_or(i64::MAX);
            connection.status = if elapsed < step {
                Status::Connected
            } else if elapsed < step.saturating_mul(2) {
                Status::SyncInProgress
            } else {
                Status::Synced
            };
            if connection.status == Status::Synced {
                connection.external_account_email = Some(self.synced_email.clone());
            }
        }
        connection
    }

    /// Takes the connection off the timeline, keeping what it shows at `now_ms`, so that
    /// its status can be set explicitly.
    pub fn pin(&mut self, now_ms: i64, sync_delay_ms: u64) {
        self.connection = self.view(now_ms, sync_delay_ms);
        self.on_timeline = false;
    }
}

/// The site's state, shared by all requests.
pub struct Store {
    data: Mutex<PersistedState>,
    file: Option<StateFile>,
}

impl Store {
    /// A store backed by `file` (loading what it holds), or in memory only.
    pub fn open(file: Option<StateFile>) -> Result<Store, StartError> {
        let data = match &file {
            Some(file) => file.load()?.unwrap_or_default(),
            None => PersistedState::default(),
        };
        Ok(Store {
            data: Mutex::new(data),
            file,
        })
    }

    fn lock(&self) -> MutexGuard<'_, PersistedState> {
        self.data
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes the state out; called with the lock held so that writes land in order.
    fn persist(&self, data: &PersistedState) {
        if let Some(file) = &self.file {
            if let Err(error) = file.save(data) {
                eprintln!("wix-emulator: could not write the state file: {error}");
            }
        }
    }

    pub fn premium(&self) -> bool {
        self.lock().premium
    }

    pub fn set_premium(&self, enabled: bool) {
        let mut data = self.lock();
        data.premium = enabled;
        self.persist(&data);
    }

    /// All connections, oldest first.
    pub fn connections(&self) -> Vec<StoredConnection> {
        self.lock().connections.clone()
    }

    pub fn get(&self, id: &str) -> Option<StoredConnection> {
        self.lock()
            .connections
            .iter()
            .find(|c| c.connection.id == id)
            .cloned()
    }

    pub fn insert(&self, connection: StoredConnection) {
        let mut data = self.lock();
        data.connections.push(connection);
        self.persist(&data);
    }

    /// Applies `change` to one connection; 404 if there is none with that id. The change is
    /// kept (and persisted) only when it succeeds.
    pub fn modify<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut StoredConnection) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut data = self.lock();
        let stored = data
            .connections
            .iter_mut()
            .find(|c| c.connection.id == id)
            .ok_or_else(|| ApiError::not_found("Connection", id))?;
        let mut changed = stored.clone();
        let result = change(&mut changed)?;
        *stored = changed;
        self.persist(&data);
        Ok(result)
    }

    /// Forgets every connection and switches premium back on.
    pub fn reset(&self) {
        let mut data = self.lock();
        *data = PersistedState::default();
        self.persist(&data);
    }
}
