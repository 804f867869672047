//! How often the connections panel reloads while a connection is syncing: soon at first, then
//! less and less often, and not at all once nothing is syncing or after a bounded number of
//! reloads (sync can take minutes; the person can still reload by hand).
//!
//! ```
//! use calendar_connect::manage::refresh::next_refresh_ms;
//! assert_eq!(next_refresh_ms(0, true), Some(2_000));
//! assert_eq!(next_refresh_ms(0, false), None);
//! ```

/// First delay, in milliseconds.
pub const FIRST_DELAY_MS: u32 = 2_000;
/// Longest delay between two reloads.
pub const MAX_DELAY_MS: u32 = 30_000;
/// Most automatic reloads in a row; with the delays above, about six minutes in all.
pub const MAX_REFRESHES: u32 = 15;

/// The delay before automatic reload number `done + 1`, given how many were `done` already
/// and whether any connection is still syncing; `None` to stop.
pub fn next_refresh_ms(done: u32, anything_syncing: bool) -> Option<u32> {
    if !anything_syncing || done >= MAX_REFRESHES {
        return None;
    }
    let doubled = FIRST_DELAY_MS.saturating_mul(1u32.checked_shl(done).unwrap_or(u32::MAX));
    Some(doubled.min(MAX_DELAY_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_and_stops() {
        let cases = [
            (0, true, Some(2_000)),
            (1, true, Some(4_000)),
            (2, true, Some(8_000)),
            (3, true, Some(16_000)),
            (4, true, Some(30_000)),
            (14, true, Some(30_000)),
            (15, true, None),
            (40, true, None),
            (0, false, None),
            (3, false, None),
        ];
        for (done, syncing, expected) in cases {
            assert_eq!(next_refresh_ms(done, syncing), expected, "{done} {syncing}");
        }
    }

    #[test]
    fn total_wait_is_bounded() {
        let total: u32 = (0..).map_while(|n| next_refresh_ms(n, true)).sum();
        assert!((60_000..=600_000).contains(&total), "{total}");
    }
}
