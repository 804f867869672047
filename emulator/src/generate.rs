//! Data the emulator makes up: random opaque ids, and deterministic per-connection fake
//! content (owner ids and names, calendars, events) so that tests can rely on it.

use crate::clock::DAY_MS;
use crate::model::Calendar;

/// Names of the calendars every generated external account has, the first being its primary.
pub const CALENDAR_NAMES: [&str; 3] = ["Primary", "Work", "Family"];

/// Days before and after today for which events exist.
const DAYS_BEFORE: i64 = 14;
const DAYS_AFTER: i64 = 60;

/// A recurring fake event in one of the generated calendars.
struct Template {
    calendar: &'static str,
    title: &'static str,
    /// Start as minutes after midnight UTC; ignored for all-day events.
    start_min: i64,
    /// Length in minutes; 0 means an all-day event.
    duration_min: i64,
    /// The event happens on every `every_days`-th day.
    every_days: i64,
}

const TEMPLATES: [Template; 10] = [
    Template {
        calendar: "Primary",
        title: "Morning run",
        start_min: 6 * 60 + 30,
        duration_min: 45,
        every_days: 1,
    },
    Template {
        calendar: "Primary",
        title: "Lunch with Sam",
        start_min: 12 * 60,
        duration_min: 60,
        every_days: 2,
    },
    Template {
        calendar: "Primary",
        title: "Out of office",
        start_min: 0,
        duration_min: 0,
        every_days: 3,
    },
    Template {
        calendar: "Primary",
        title: "Dentist appointment",
        start_min: 16 * 60,
        duration_min: 30,
        every_days: 7,
    },
    Template {
        calendar: "Work",
        title: "Team standup",
        start_min: 9 * 60 + 30,
        duration_min: 15,
        every_days: 1,
    },
    Template {
        calendar: "Work",
        title: "Project review",
        start_min: 14 * 60,
        duration_min: 90,
        every_days: 2,
    },
    Template {
        calendar: "Work",
        title: "Quarterly planning",
        start_min: 0,
        duration_min: 0,
        every_days: 5,
    },
    Template {
        calendar: "Family",
        title: "School pickup",
        start_min: 15 * 60,
        duration_min: 30,
        every_days: 1,
    },
    Template {
        calendar: "Family",
        title: "Grandma visiting",
        start_min: 0,
        duration_min: 0,
        every_days: 4,
    },
    Template {
        calendar: "Family",
        title: "Football practice",
        start_min: 10 * 60,
        duration_min: 90,
        every_days: 7,
    },
];

const OWNER_NAMES: [&str; 6] = ["ANITA", "JONATHAN", "MARIA", "KENJI", "FATIMA", "LIAM"];

/// FNV-1a over the parts, with a separator so that `["ab", "c"]` and `["a", "bc"]` differ.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// A GUID (version 4 layout) that always comes out the same for the same seed.
pub fn guid_from(seed: &str) -> String {
    let hi = stable_hash(&[seed, "hi"]);
    let lo = stable_hash(&[seed, "lo"]);
    let hi = (hi & !0xf000) | 0x4000;
    let lo = (lo & !(0xc000 << 48)) | (0x8000 << 48);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// A random string of ASCII letters and digits, for opaque ids.
pub fn random_token(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).expect("the operating system's random source is unavailable");
    bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

/// The Wix user that owns a schedule: stable per schedule, so `userIds` filters can be tested.
pub fn owner_id(schedule_id: &str) -> String {
    guid_from(&format!("owner:{schedule_id}"))
}

/// The display name of a schedule's owner.
pub fn owner_name(schedule_id: &str) -> &'static str {
    let index = stable_hash(&["owner-name", schedule_id]) % OWNER_NAMES.len() as u64;
    OWNER_NAMES[index as usize]
}

/// The external calendar id of one generated calendar: 25 lowercase letters and digits,
/// like the ids in Wix's examples.
fn calendar_id(connection_id: &str, name: &str) -> String {
    let mut n = u128::from(stable_hash(&[connection_id, name])) << 64
        | u128::from(stable_hash(&[name, connection_id]));
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..25)
        .map(|_| {
            let d = digits[(n % 36) as usize];
            n /= 36;
            char::from(d)
        })
        .collect()
}

/// The calendars of a connection's external account.
pub fn calendars(connection_id: &str) -> Vec<Calendar> {
    CALENDAR_NAMES
        .iter()
        .map(|name| Calendar {
            id: Some(calendar_id(connection_id, name)),
            name: Some((*name).to_owned()),
        })
        .collect()
}

/// One generated occurrence, before it is shaped into an API `Event`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub calendar_name: &'static str,
    pub title: &'static str,
    pub start_ms: i64,
    pub end_ms: i64,
    pub all_day: bool,
}

/// The occurrences in the named calendars of a connection that overlap `[from_ms, to_ms)`.
/// Events exist from two weeks before to two months after the day of `now_ms` (UTC days), so
/// any window near the present has several a day, including all-day ones.
pub fn occurrences(
    connection_id: &str,
    calendar_names: &[&str],
    from_ms: i64,
    to_ms: i64,
    now_ms: i64,
) -> Vec<Occurrence> {
    let today = now_ms.div_euclid(DAY_MS);
    let first_day = (today - DAYS_BEFORE).max(from_ms.div_euclid(DAY_MS) - 1);
    let last_day = (today + DAYS_AFTER).min(to_ms.div_euclid(DAY_MS) + 1);
    let shift = stable_hash(&["shift", connection_id]);
    let day_phase = (shift % 3) as i64;
    let minute_offset = ((shift >> 8) % 4) as i64 * 15;

    let mut found = Vec::new();
    for day in first_day..=last_day {
        for t in TEMPLATES
            .iter()
            .filter(|t| calendar_names.contains(&t.calendar))
        {
            if (day + day_phase).rem_euclid(t.every_days) != 0 {
                continue;
            }
            let midnight = day * DAY_MS;
            let (start_ms, end_ms) = if t.duration_min == 0 {
                (midnight, midnight + DAY_MS)
            } else {
                let start = midnight + (t.start_min + minute_offset) * 60_000;
                (start, start + t.duration_min * 60_000)
            };
            if start_ms < to_ms && end_ms > from_ms {
                found.push(Occurrence {
                    calendar_name: t.calendar,
                    title: t.title,
                    start_ms,
                    end_ms,
                    all_day: t.duration_min == 0,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::is_guid;

    #[test]
    fn derived_ids_are_stable_and_well_formed() {
        assert_eq!(guid_from("a"), guid_from("a"));
        assert_ne!(guid_from("a"), guid_from("b"));
        assert!(is_guid(&guid_from("a")));
        assert_eq!(calendars("c1"), calendars("c1"));
        assert_ne!(calendars("c1")[0].id, calendars("c2")[0].id);
        assert_eq!(calendars("c1")[0].id.as_ref().map(String::len), Some(25));
    }

    #[test]
    fn every_week_near_now_has_timed_and_all_day_events() {
        let now = 1_700_000_000_000;
        for start_day in -3..20 {
            let from = now + start_day * DAY_MS;
            let found = occurrences("conn", &["Primary"], from, from + 7 * DAY_MS, now);
            assert!(found.len() >= 7, "window starting at day {start_day}");
            assert!(found.iter().any(|o| o.all_day));
            assert!(found.iter().any(|o| !o.all_day));
        }
    }

    #[test]
    fn random_tokens_differ() {
        let a = random_token(40);
        assert_eq!(a.len(), 40);
        assert_ne!(a, random_token(40));
    }
}
