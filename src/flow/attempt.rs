//! The attempt record: what the widget remembers (in sessionStorage, as JSON) while the person is
//! away at the provider, so that the return can be matched to the attempt that started it and
//! the person's choices restored.
//!
//! ```
//! use calendar_connect::flow::attempt::{AttemptRecord, ATTEMPT_TTL_MS};
//! let record = AttemptRecord::new("id-1", "sched", "prov", "Google Calendar", 1_000, None);
//! let json = record.to_json();
//! assert_eq!(AttemptRecord::from_json(&json), Some(record.clone()));
//! assert!(record.is_expired(1_000 + ATTEMPT_TTL_MS + 1));
//! ```

use serde::{Deserialize, Serialize};

/// How long an attempt stays valid: 30 minutes, in milliseconds.
pub const ATTEMPT_TTL_MS: u64 = 30 * 60 * 1000;

/// One Connect By OAuth attempt, stored before leaving for the provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptRecord {
    /// Random v4 UUID, also sent as `cc_attempt` in the `redirectUrl`.
    pub id: String,
    /// Schedule being connected.
    pub schedule_id: String,
    /// Provider chosen.
    pub provider_id: String,
    /// Provider name, to name it in the outcome message.
    pub provider_name: String,
    /// When the attempt started (ms since the epoch).
    pub started_at_ms: u64,
    /// The host page's fragment, dropped from the `redirectUrl` and put back on return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fragment: Option<String>,
    /// The ID of the mount element whose widget started the attempt, so that on a page with
    /// several widgets the return goes to that one (empty when the element has no ID).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instance: String,
}

impl AttemptRecord {
    /// A new record.
    pub fn new(
        id: &str,
        schedule_id: &str,
        provider_id: &str,
        provider_name: &str,
        started_at_ms: u64,
        fragment: Option<String>,
    ) -> Self {
        Self {
            id: id.to_owned(),
            schedule_id: schedule_id.to_owned(),
            provider_id: provider_id.to_owned(),
            provider_name: provider_name.to_owned(),
            started_at_ms,
            fragment,
            instance: String::new(),
        }
    }

    /// The same record, started by the widget on the mount element with this ID.
    pub fn for_instance(mut self, instance: &str) -> Self {
        self.instance = instance.to_owned();
        self
    }

    /// Whether a return carrying `returned_ids` belongs to this attempt but was started by
    /// another widget on the page than `instance`, which must then leave it alone.
    ///
    /// ```
    /// use calendar_connect::flow::attempt::AttemptRecord;
    /// let record = AttemptRecord::new("a1", "s", "p", "P", 0, None).for_instance("second");
    /// assert!(record.belongs_to_another(&["a1".into()], "first"));
    /// assert!(!record.belongs_to_another(&["a1".into()], "second"));
    /// ```
    pub fn belongs_to_another(&self, returned_ids: &[String], instance: &str) -> bool {
        self.instance != instance && returned_ids.contains(&self.id)
    }

    /// JSON for sessionStorage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored record; `None` when absent, corrupt or from an older shape.
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// Whether the attempt is older than [`ATTEMPT_TTL_MS`] (or from the future: a clock that
    /// went backwards makes the record untrustworthy too).
    pub fn is_expired(&self, now_ms: u64) -> bool {
        now_ms
            .checked_sub(self.started_at_ms)
            .is_none_or(|age| age > ATTEMPT_TTL_MS)
    }
}

/// How a returned `cc_attempt` relates to the stored record.
#[derive(Debug, Clone, PartialEq)]
pub enum AttemptMatch {
    /// Same ID, still valid.
    Matched(AttemptRecord),
    /// Same ID, but older than 30 minutes.
    Expired(AttemptRecord),
    /// No record, another ID, or no (or several) `cc_attempt` values.
    Unmatched,
}

/// Matches the `cc_attempt` values of a return against the stored record.
///
/// ```
/// use calendar_connect::flow::attempt::{match_attempt, AttemptMatch, AttemptRecord};
/// let record = AttemptRecord::new("a1", "s", "p", "P", 0, None);
/// assert_eq!(match_attempt(&["a1".into()], Some(&record), 10), AttemptMatch::Matched(record));
/// assert_eq!(match_attempt(&[], None, 10), AttemptMatch::Unmatched);
/// ```
pub fn match_attempt(
    returned_ids: &[String],
    stored: Option<&AttemptRecord>,
    now_ms: u64,
) -> AttemptMatch {
    let Some(record) = stored else {
        return AttemptMatch::Unmatched;
    };
    let same_id = !returned_ids.is_empty() && returned_ids.iter().all(|id| *id == record.id);
    match (same_id, record.is_expired(now_ms)) {
        (true, false) => AttemptMatch::Matched(record.clone()),
        (true, true) => AttemptMatch::Expired(record.clone()),
        (false, _) => AttemptMatch::Unmatched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> AttemptRecord {
        AttemptRecord::new("a1", "s", "p", "Google", 1_000_000, Some("tab=2".into()))
    }

    #[test]
    fn matches_by_id_within_thirty_minutes() {
        let r = record();
        let start = r.started_at_ms;
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases = [
            (
                ids(&["a1"]),
                Some(&r),
                start,
                AttemptMatch::Matched(r.clone()),
            ),
            (
                ids(&["a1"]),
                Some(&r),
                start + ATTEMPT_TTL_MS,
                AttemptMatch::Matched(r.clone()),
            ),
            (
                ids(&["a1"]),
                Some(&r),
                start + ATTEMPT_TTL_MS + 1,
                AttemptMatch::Expired(r.clone()),
            ),
            (
                ids(&["a1"]),
                Some(&r),
                start - 1,
                AttemptMatch::Expired(r.clone()),
            ),
            (
                ids(&["a1", "a1"]),
                Some(&r),
                start,
                AttemptMatch::Matched(r.clone()),
            ),
            (ids(&["a1", "a2"]), Some(&r), start, AttemptMatch::Unmatched),
            (ids(&["a2"]), Some(&r), start, AttemptMatch::Unmatched),
            (ids(&[""]), Some(&r), start, AttemptMatch::Unmatched),
            (ids(&[]), Some(&r), start, AttemptMatch::Unmatched),
            (ids(&["a1"]), None, start, AttemptMatch::Unmatched),
        ];
        for (returned, stored, now, expected) in cases {
            assert_eq!(
                match_attempt(&returned, stored, now),
                expected,
                "{returned:?} at {now}"
            );
        }
    }

    #[test]
    fn a_return_goes_to_the_widget_that_started_it() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mine = record().for_instance("second");
        let cases = [
            (&mine, ids(&["a1"]), "first", true),
            (&mine, ids(&["a1"]), "second", false),
            (&mine, ids(&["other"]), "first", false),
            (&mine, ids(&[]), "first", false),
        ];
        for (stored, returned, instance, other) in cases {
            assert_eq!(
                stored.belongs_to_another(&returned, instance),
                other,
                "{returned:?} in {instance}"
            );
        }
        let unnamed = record();
        assert!(!unnamed.belongs_to_another(&ids(&["a1"]), ""));
        assert_eq!(AttemptRecord::from_json(&mine.to_json()), Some(mine));
    }

    #[test]
    fn survives_storage_round_trip_and_rejects_garbage() {
        let r = record();
        assert_eq!(AttemptRecord::from_json(&r.to_json()), Some(r));
        for garbage in ["", "null", "{}", "[1,2]", r#"{"id":"x"}"#, "{not json"] {
            assert_eq!(AttemptRecord::from_json(garbage), None, "{garbage}");
        }
    }
}
