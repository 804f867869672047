//! Upcoming events: the List Events query for the next seven days, collecting every cursor page,
//! grouping by day in the viewer's local time (all-day events by their own date), and keeping
//! the last list, marked as possibly out of date, when a later load fails.
//!
//! Local time comes in as a function from an instant to the UTC offset in minutes east of UTC
//! (in the browser, `-Date.getTimezoneOffset()` of that instant), so that DST changes inside
//! the week are honoured and tests can pick any zone.
//!
//! ```
//! use calendar_connect::manage::events::{format_utc, parse_rfc3339_ms};
//! assert_eq!(parse_rfc3339_ms("1970-01-02T01:00:00+01:00"), Some(86_400_000));
//! assert_eq!(format_utc(86_400_000), "1970-01-02T00:00:00Z");
//! ```

use crate::api::model::{Event, ListEventsQuery, ListEventsResponse};
use crate::messages as m;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;
/// How many local days the list shows: today and the six after it.
pub const WINDOW_DAYS: i64 = 7;
/// How far back the query starts: an all-day event is a UTC day (`2024-03-04T00:00Z` to the
/// next midnight), so for a viewer west of UTC late in the evening today's all-day event has
/// already ended in UTC. The westernmost zones are 12 hours behind UTC; the rest is margin.
pub const LOOKBACK_MS: i64 = 14 * 3_600_000;
/// Events per page asked for.
pub const PAGE_SIZE: u32 = 100;
/// Most pages followed in one load, so that a cursor that never ends cannot loop forever.
pub const MAX_PAGES: u32 = 20;

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month 1-12, day 1-31) of a day number since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn digits(text: &str) -> Option<i64> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Reads the date part `YYYY-MM-DD` of an RFC 3339 text as a day number since 1970-01-01.
fn date_of(text: &str) -> Option<i64> {
    let date = text.get(..10)?;
    let (year, rest) = date.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    let (year, month, day) = (digits(year)?, digits(month)?, digits(day)?);
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && year.to_string().len() == 4;
    valid.then(|| days_from_civil(year, month as u32, day as u32))
}

/// Milliseconds since the epoch of an RFC 3339 date-time (`Z` or `±HH:MM`, optional fraction).
pub fn parse_rfc3339_ms(text: &str) -> Option<i64> {
    let day = date_of(text)?;
    let separator = text.as_bytes().get(10)?;
    if !matches!(separator, b'T' | b't' | b' ') {
        return None;
    }
    let rest = text.get(11..)?;
    let (clock, offset_min) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let split = rest.len().checked_sub(6)?;
        let (clock, offset) = (rest.get(..split)?, rest.get(split..)?);
        let sign = match offset.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let (hours, minutes) = offset[1..].split_once(':')?;
        (clock, sign * (digits(hours)? * 60 + digits(minutes)?))
    };
    let (whole, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = whole.split(':');
    let (hours, minutes, seconds) = (
        digits(parts.next()?)?,
        digits(parts.next()?)?,
        digits(parts.next()?)?,
    );
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    let millis = if fraction.is_empty() {
        0
    } else {
        digits(fraction)?;
        format!("{fraction:0<3}")[..3].parse::<i64>().ok()?
    };
    Some(day * DAY_MS + ((hours * 60 + minutes - offset_min) * 60 + seconds) * 1000 + millis)
}

/// An instant as RFC 3339 in UTC, to whole seconds, e.g. `2024-05-01T08:00:00Z`.
pub fn format_utc(ms: i64) -> String {
    let (year, month, day) = civil_from_days(ms.div_euclid(DAY_MS));
    let seconds = ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The first page's query: the next seven days of one schedule, with titles (the viewer owns
/// the schedule), not failing when one provider does. It starts [`LOOKBACK_MS`] early so that
/// today's all-day events come too; [`group_by_day`] leaves out what is over.
pub fn first_page(schedule_id: &str, now_ms: i64) -> ListEventsQuery {
    ListEventsQuery {
        from: Some(format_utc(now_ms - LOOKBACK_MS)),
        to: Some(format_utc(now_ms + WINDOW_DAYS * DAY_MS)),
        schedule_ids: vec![schedule_id.to_owned()],
        fieldsets: vec!["OWN_PI".to_owned()],
        limit: Some(PAGE_SIZE),
        partial_failure: Some(true),
        ..Default::default()
    }
}

/// A later page's query: the cursor carries the filters.
pub fn next_page(cursor: &str) -> ListEventsQuery {
    ListEventsQuery {
        cursor: Some(cursor.to_owned()),
        limit: Some(PAGE_SIZE),
        partial_failure: Some(true),
        ..Default::default()
    }
}

/// The events of one load, collected page by page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventPages {
    /// Events of every page so far, in order.
    pub events: Vec<Event>,
    /// Providers that failed on any page.
    pub failed_provider_ids: Vec<String>,
    /// Whether Wix said there was more but the load stopped: a cursor came back that was
    /// already followed, or [`MAX_PAGES`] was reached.
    pub incomplete: bool,
    pages: u32,
    followed: Vec<String>,
}

impl EventPages {
    /// Adds a page; returns the cursor of the next one, or `None` when done (no more pages, no
    /// cursor, a cursor already followed, or [`MAX_PAGES`] reached; the last two mark the list
    /// [`incomplete`](Self::incomplete)).
    pub fn add(&mut self, page: ListEventsResponse) -> Option<String> {
        self.pages += 1;
        self.events.extend(page.events.unwrap_or_default());
        for id in page.failed_provider_ids.unwrap_or_default() {
            if !self.failed_provider_ids.contains(&id) {
                self.failed_provider_ids.push(id);
            }
        }
        let paging = page.paging_metadata.unwrap_or_default();
        let next = paging
            .cursors
            .and_then(|c| c.next)
            .filter(|c| !c.is_empty());
        let next = next.filter(|_| paging.has_next == Some(true))?;
        if self.followed.contains(&next) || self.pages >= MAX_PAGES {
            self.incomplete = true;
            return None;
        }
        self.followed.push(next.clone());
        Some(next)
    }
}

/// One event as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventItem {
    /// "09:00–10:30" in local time, or "All day".
    pub when: String,
    /// Whether it is an all-day event.
    pub all_day: bool,
    /// Its title, or a stand-in when Wix sent none.
    pub title: String,
    /// The external calendar it is in, when known.
    pub calendar: Option<String>,
}

/// The events of one local day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGroup {
    /// Local day number since 1970-01-01 (sort key and stable list key).
    pub day: i64,
    /// "Today", "Tomorrow" or the weekday and date.
    pub label: String,
    /// All-day events first, then by start.
    pub items: Vec<EventItem>,
}

fn clock(local_ms: i64) -> String {
    let minutes = local_ms.rem_euclid(DAY_MS) / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Groups events by day. `offset_min` gives the viewer's UTC offset (minutes east) at an
/// instant. Events whose start cannot be read are left out, and so is what is not upcoming:
/// a timed event that has ended (or without an end, has started), an all-day event dated
/// before the viewer's today, anything after the [`WINDOW_DAYS`] local days.
pub fn group_by_day(
    events: &[Event],
    now_ms: i64,
    offset_min: impl Fn(i64) -> i32,
) -> Vec<DayGroup> {
    let local = |ms: i64| ms + i64::from(offset_min(ms)) * 60_000;
    let today = local(now_ms).div_euclid(DAY_MS);
    let mut placed: Vec<(i64, bool, i64, EventItem)> = Vec::new();
    for event in events {
        let Some(start_text) = event.start.as_deref() else {
            continue;
        };
        let Some(start) = parse_rfc3339_ms(start_text) else {
            continue;
        };
        let all_day = event.all_day == Some(true);
        let day = if all_day {
            date_of(start_text).unwrap_or(start.div_euclid(DAY_MS))
        } else {
            local(start).div_euclid(DAY_MS)
        };
        let end = event.end.as_deref().and_then(parse_rfc3339_ms);
        let over = if all_day {
            day < today
        } else {
            end.unwrap_or(start) <= now_ms
        };
        if over || day >= today + WINDOW_DAYS {
            continue;
        }
        let when = if all_day {
            m::all_day().to_owned()
        } else {
            match end {
                Some(end) => m::time_range(&clock(local(start)), &clock(local(end))),
                None => clock(local(start)),
            }
        };
        let item = EventItem {
            when,
            all_day,
            // Shown on one line with the time and the calendar: without bidi controls (see
            // `m::plain`), which would reorder the rest of the line.
            title: event
                .title
                .as_deref()
                .map(|t| m::plain(t).into_owned())
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| m::untitled_event().to_owned()),
            calendar: event
                .calendar_name
                .as_deref()
                .map(|c| m::plain(c).into_owned())
                .filter(|c| !c.trim().is_empty()),
        };
        // Kept in order as they come (after the last one with the same key, so Wix's order
        // breaks ties): a few hundred events at most, and no sort code in the wasm.
        let key = (day, !all_day, start);
        let at = placed.partition_point(|(d, t, s, _)| (*d, *t, *s) <= key);
        placed.insert(at, (day, !all_day, start, item));
    }
    let mut groups: Vec<DayGroup> = Vec::new();
    for (day, _, _, item) in placed {
        match groups.last_mut() {
            Some(group) if group.day == day => group.items.push(item),
            _ => {
                let (_, month, date) = civil_from_days(day);
                let weekday = (day + 4).rem_euclid(7) as u32;
                groups.push(DayGroup {
                    day,
                    label: m::day_label(day - today, weekday, date, month),
                    items: vec![item],
                });
            }
        }
    }
    groups
}

/// A list that survives failed reloads: a failure keeps the last list and marks it stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptList<T> {
    /// The last list loaded, if any.
    pub last: Option<T>,
    /// Whether the last load failed, so that `last` may be out of date.
    pub stale: bool,
}

impl<T> Default for KeptList<T> {
    fn default() -> Self {
        Self {
            last: None,
            stale: false,
        }
    }
}

impl<T> KeptList<T> {
    /// A load succeeded.
    pub fn loaded(&mut self, list: T) {
        self.last = Some(list);
        self.stale = false;
    }

    /// A load failed: keep what was shown. Returns whether there is still something to show.
    pub fn failed(&mut self) -> bool {
        self.stale = self.last.is_some();
        self.stale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::model::{CursorPagingMetadata, Cursors};

    #[test]
    fn converts_dates_both_ways() {
        let cases = [
            ("1970-01-01T00:00:00Z", 0),
            ("1970-01-01T00:00:00.5Z", 500),
            ("1970-01-01T00:00:00.123456Z", 123),
            ("1969-12-31T23:59:59Z", -1000),
            ("2000-02-29T12:00:00Z", 951_825_600_000),
            ("2024-03-10T01:30:00-05:00", 1_710_052_200_000),
            ("2024-03-10T08:30:00+02:00", 1_710_052_200_000),
            ("2100-03-01T00:00:00Z", 4_107_542_400_000),
        ];
        for (text, ms) in cases {
            assert_eq!(parse_rfc3339_ms(text), Some(ms), "{text}");
        }
        for ms in [
            0,
            -1000,
            951_825_600_000,
            1_710_052_200_000,
            4_107_542_400_000,
        ] {
            assert_eq!(parse_rfc3339_ms(&format_utc(ms)), Some(ms), "{ms}");
        }
        assert_eq!(format_utc(951_825_600_000), "2000-02-29T12:00:00Z");
        for bad in [
            "",
            "2024-03-10",
            "2024-13-01T00:00:00Z",
            "2024-03-10T25:00:00Z",
            "2024-03-10T10:00:00",
            "2024-03-10T10:00Z",
            "2024-03-10T10:00:00+0100",
            "24-03-10T10:00:00Z",
            "2024-03-10T10:00:00.x1Z",
            "2024-03-10X10:00:00Z",
        ] {
            assert_eq!(parse_rfc3339_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn asks_for_the_next_week_then_follows_cursors() {
        let first = first_page("s1", 0);
        assert_eq!(
            first.to_query(),
            "from=1969-12-31T10%3A00%3A00Z&to=1970-01-08T00%3A00%3A00Z&scheduleIds=s1\
             &fieldsets=OWN_PI&cursorPaging.limit=100&partialFailure=true"
        );
        assert_eq!(
            next_page("abc").to_query(),
            "cursorPaging.limit=100&cursorPaging.cursor=abc&partialFailure=true"
        );
    }

    fn page(starts: &[&str], next: Option<&str>, failed: &[&str]) -> ListEventsResponse {
        ListEventsResponse {
            events: Some(
                starts
                    .iter()
                    .map(|s| Event {
                        start: Some((*s).into()),
                        ..Default::default()
                    })
                    .collect(),
            ),
            paging_metadata: Some(CursorPagingMetadata {
                count: Some(starts.len() as u32),
                cursors: Some(Cursors {
                    next: next.map(str::to_owned),
                }),
                has_next: Some(next.is_some()),
            }),
            failed_provider_ids: Some(failed.iter().map(|s| s.to_string()).collect()),
        }
    }

    #[test]
    fn accumulates_pages_until_the_end_or_the_limit() {
        let mut pages = EventPages::default();
        assert_eq!(
            pages.add(page(&["a", "b"], Some("c1"), &["p"])),
            Some("c1".into())
        );
        assert_eq!(
            pages.add(page(&["c"], Some(""), &["p", "q"])),
            None,
            "empty cursor ends"
        );
        assert_eq!(pages.events.len(), 3);
        assert_eq!(pages.failed_provider_ids, ["p", "q"]);

        assert!(!pages.incomplete);

        // A cursor that comes back again is followed once, then the list is marked incomplete.
        let mut endless = EventPages::default();
        let followed = (0..100)
            .map_while(|_| endless.add(page(&["x"], Some("again"), &[])))
            .count();
        assert_eq!(followed, 1);
        assert_eq!(endless.events.len(), 2, "no page is repeated");
        assert!(endless.incomplete);

        let mut cycle = EventPages::default();
        let cursors = ["a", "b", "a", "b"];
        let followed = cursors
            .iter()
            .map_while(|c| cycle.add(page(&["x"], Some(c), &[])))
            .count();
        assert_eq!(followed, 2);
        assert!(cycle.incomplete);

        let mut long = EventPages::default();
        let followed = (0..100)
            .map_while(|n| long.add(page(&["x"], Some(&format!("c{n}")), &[])))
            .count();
        assert_eq!(followed as u32, MAX_PAGES - 1);
        assert_eq!(long.events.len() as u32, MAX_PAGES);
        assert!(long.incomplete);

        let mut odd = EventPages::default();
        assert_eq!(odd.add(ListEventsResponse::default()), None);
        let mut lying = EventPages::default();
        let mut claims_more = page(&[], Some("c"), &[]);
        claims_more.paging_metadata.as_mut().unwrap().has_next = Some(false);
        assert_eq!(lying.add(claims_more), None);
    }

    fn event(start: &str, end: &str, all_day: bool, title: Option<&str>) -> Event {
        Event {
            start: Some(start.into()),
            end: Some(end.into()),
            all_day: all_day.then_some(true),
            title: title.map(str::to_owned),
            calendar_name: Some("Work".into()),
            ..Default::default()
        }
    }

    #[test]
    fn groups_by_local_day_with_all_day_events_on_their_own_date() {
        // Monday 2024-03-04 10:00 UTC.
        let now = parse_rfc3339_ms("2024-03-04T10:00:00Z").unwrap();
        let events = [
            event(
                "2024-03-04T22:30:00Z",
                "2024-03-04T23:30:00Z",
                false,
                Some("Late call"),
            ),
            event("2024-03-05T00:00:00Z", "2024-03-06T00:00:00Z", true, None),
            event(
                "2024-03-05T09:00:00Z",
                "2024-03-05T10:30:00Z",
                false,
                Some("Dentist"),
            ),
            event("not a date", "", false, Some("Broken")),
            event(
                "2024-03-07T09:00:00Z",
                "2024-03-07T09:30:00Z",
                false,
                Some(" "),
            ),
        ];
        let summary = |groups: Vec<DayGroup>| {
            groups
                .into_iter()
                .map(|g| {
                    let items: Vec<String> = g
                        .items
                        .iter()
                        .map(|i| format!("{} {}", i.when, i.title))
                        .collect();
                    format!("{}: {}", g.label, items.join("; "))
                })
                .collect::<Vec<_>>()
        };
        // UTC.
        assert_eq!(
            summary(group_by_day(&events, now, |_| 0)),
            [
                "Today: 22:30–23:30 Late call",
                "Tomorrow: All day Busy; 09:00–10:30 Dentist",
                "Thursday 7 March: 09:00–09:30 Busy",
            ]
        );
        // Two hours east: the late call moves to Tuesday, the all-day event stays on Tuesday.
        assert_eq!(
            summary(group_by_day(&events, now, |_| 120)),
            [
                "Tomorrow: All day Busy; 00:30–01:30 Late call; 11:00–12:30 Dentist",
                "Thursday 7 March: 11:00–11:30 Busy",
            ]
        );
        // Eleven hours west: "now" is still Sunday 3 March locally.
        assert_eq!(
            summary(group_by_day(&events, now, |_| -660)),
            [
                "Tomorrow: 11:30–12:30 Late call; 22:00–23:30 Dentist",
                "Tuesday 5 March: All day Busy",
                "Wednesday 6 March: 22:00–22:30 Busy",
            ]
        );
    }

    #[test]
    fn shows_only_what_is_upcoming_in_the_viewers_seven_days() {
        // Thursday 2026-12-03 22:34 in Honolulu (UTC-10) is Friday 08:34 UTC.
        let now = parse_rfc3339_ms("2026-12-04T08:34:00Z").unwrap();
        let honolulu = |_| -600;
        let events = [
            event(
                "2026-12-03T00:00:00Z",
                "2026-12-04T00:00:00Z",
                true,
                Some("Out"),
            ),
            event(
                "2026-12-02T00:00:00Z",
                "2026-12-03T00:00:00Z",
                true,
                Some("Gone"),
            ),
            event(
                "2026-12-04T07:00:00Z",
                "2026-12-04T08:00:00Z",
                false,
                Some("Ended"),
            ),
            event(
                "2026-12-04T08:00:00Z",
                "2026-12-04T09:00:00Z",
                false,
                Some("Running"),
            ),
            event(
                "2026-12-09T00:00:00Z",
                "2026-12-10T00:00:00Z",
                true,
                Some("Last"),
            ),
            event(
                "2026-12-10T00:00:00Z",
                "2026-12-11T00:00:00Z",
                true,
                Some("Beyond"),
            ),
            event(
                "2026-12-10T11:00:00Z",
                "2026-12-10T12:00:00Z",
                false,
                Some("Late"),
            ),
        ];
        let titles: Vec<String> = group_by_day(&events, now, honolulu)
            .into_iter()
            .map(|g| {
                let items: Vec<&str> = g.items.iter().map(|i| i.title.as_str()).collect();
                format!("{}: {}", g.label, items.join(", "))
            })
            .collect();
        assert_eq!(
            titles,
            ["Today: Out, Running", "Wednesday 9 December: Last",]
        );
    }

    #[test]
    fn events_at_the_same_time_keep_the_order_wix_gave() {
        let now = parse_rfc3339_ms("2024-03-04T10:00:00Z").unwrap();
        let at = |title| {
            event(
                "2024-03-04T12:00:00Z",
                "2024-03-04T13:00:00Z",
                false,
                Some(title),
            )
        };
        let earlier = event(
            "2024-03-04T11:00:00Z",
            "2024-03-04T11:30:00Z",
            false,
            Some("Early"),
        );
        let groups = group_by_day(
            &[at("First"), at("Second"), earlier, at("Third")],
            now,
            |_| 0,
        );
        let titles: Vec<_> = groups[0].items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Early", "First", "Second", "Third"]);
    }

    #[test]
    fn titles_and_calendar_names_lose_their_bidi_controls() {
        let now = parse_rfc3339_ms("2024-03-04T10:00:00Z").unwrap();
        let (start, end) = ("2024-03-04T12:00:00Z", "2024-03-04T13:00:00Z");
        let mut hostile = event(start, end, false, Some("\u{202E}Dentist"));
        hostile.calendar_name = Some("\u{2067}Work\u{202B}".into());
        let only_controls = event(start, end, false, Some("\u{202E}\u{2066}"));
        let groups = group_by_day(&[hostile, only_controls], now, |_| 0);
        let items: Vec<_> = groups[0]
            .items
            .iter()
            .map(|i| (i.title.as_str(), i.calendar.as_deref()))
            .collect();
        assert_eq!(
            items,
            [("Dentist", Some("Work")), ("Busy", Some("Work"))],
            "a title of controls only is no title"
        );
    }

    #[test]
    fn keeps_the_last_list_on_failure() {
        let mut list: KeptList<Vec<u8>> = KeptList::default();
        assert!(!list.failed(), "nothing to keep");
        assert!(!list.stale);
        list.loaded(vec![1]);
        assert!(list.failed());
        assert_eq!((list.last.as_deref(), list.stale), (Some(&[1u8][..]), true));
        list.loaded(vec![2]);
        assert_eq!(
            (list.last.as_deref(), list.stale),
            (Some(&[2u8][..]), false)
        );
    }
}
