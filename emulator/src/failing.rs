//! Providers that tests have marked as failing: their connections' details and events cannot
//! be fetched, which is what List Connections' and List Events' `partialFailure` is about.
//!
//! The rule, from the reference: by default a listing fails (503, a system error with the
//! empty body) as soon as one of the connections it covers belongs to a failing provider;
//! with `partialFailure=true` it leaves those connections out and names their providers in
//! `failedProviderIds`, and fails only when it covers connections and every one of them fails.

use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard};

use axum::http::StatusCode;

use crate::errors::ApiError;
use crate::model::Connection;

/// The ids of the providers marked as failing. Not persisted: a restart or reset clears it.
#[derive(Default)]
pub struct FailingProviders(Mutex<BTreeSet<String>>);

/// What a listing may show after the failing providers are taken out.
#[derive(Debug)]
pub struct Sorted {
    /// The connections whose provider answers.
    pub working: Vec<Connection>,
    /// What to send as `failedProviderIds`: `None` unless `partialFailure` was asked for and
    /// some provider failed.
    pub failed_provider_ids: Option<Vec<String>>,
}

impl FailingProviders {
    fn lock(&self) -> MutexGuard<'_, BTreeSet<String>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Marks a provider as failing or answering again.
    pub fn set(&self, provider_id: &str, failing: bool) {
        let mut set = self.lock();
        if failing {
            set.insert(provider_id.to_owned());
        } else {
            set.remove(provider_id);
        }
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    /// Applies the partial-failure rule (see the module docs) to the connections a listing
    /// covers.
    pub fn sort(
        &self,
        connections: Vec<Connection>,
        partial_failure: bool,
    ) -> Result<Sorted, ApiError> {
        let failing = self.lock().clone();
        let covered = connections.len();
        let (broken, working): (Vec<Connection>, Vec<Connection>) = connections
            .into_iter()
            .partition(|c| failing.contains(&c.provider_id));
        if broken.is_empty() {
            return Ok(Sorted {
                working,
                failed_provider_ids: None,
            });
        }
        if !partial_failure || broken.len() == covered {
            return Err(ApiError::system(StatusCode::SERVICE_UNAVAILABLE));
        }
        let failed: BTreeSet<String> = broken.into_iter().map(|c| c.provider_id).collect();
        Ok(Sorted {
            working,
            failed_provider_ids: Some(failed.into_iter().collect()),
        })
    }
}
