//! Wall-clock time as Unix milliseconds, and its RFC 3339 text form.

use std::time::{SystemTime, UNIX_EPOCH};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX)
}

/// Formats Unix milliseconds the way Wix's examples do: UTC with three fraction digits,
/// e.g. `2023-01-03T06:15:00.000Z`.
pub fn format_ms(ms: i64) -> String {
    let nanos = i128::from(ms) * 1_000_000;
    let t = OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Parses an RFC 3339 date-time (any offset) into Unix milliseconds.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let t = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let ms = parse_rfc3339("2023-01-03T06:15:00.000Z").unwrap();
        assert_eq!(format_ms(ms), "2023-01-03T06:15:00.000Z");
        assert_eq!(
            parse_rfc3339("2023-01-03T08:15:00+02:00"),
            Some(ms),
            "offsets are honoured"
        );
        assert_eq!(parse_rfc3339("2023-01-03"), None);
    }
}
