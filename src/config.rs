//! Widget settings, read the same way from a mount element's `data-*` attributes and from the
//! options object of the JS `mount()` function.
//!
//! ```
//! use calendar_connect::config::Settings;
//! let settings = Settings::from_lookup(|key| (key == "apiBase").then(|| "http://127.0.0.1:7878/".to_owned()));
//! assert_eq!(settings.api_base, "http://127.0.0.1:7878");
//! assert_eq!(Settings::from_lookup(|_| None).api_base, "https://www.wixapis.com");
//! ```

/// Where the API lives when nothing is configured.
pub const DEFAULT_API_BASE: &str = "https://www.wixapis.com";

/// How long one API request may take before it is abandoned.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The range a configured time limit is clamped to: browsers fire a timer above 2^31 − 1 ms at
/// once, and a limit of a few milliseconds would abandon every request.
pub const TIMEOUT_RANGE_MS: std::ops::RangeInclusive<u32> = 1_000..=300_000;

/// Settings of one mounted widget. Tokens are not part of it: they belong to the auth mode,
/// which lives in memory next to the API client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// API origin without a trailing slash; empty means the page's own origin (a proxy).
    pub api_base: String,
    /// Schedule to prefill.
    pub schedule_id: Option<String>,
    /// Where the provider should send the person back; default: the current page.
    pub redirect_url: Option<String>,
    /// Provider to preselect.
    pub provider_id: Option<String>,
    /// Requested language (only English exists so far).
    pub locale: Option<String>,
    /// Request time limit in milliseconds.
    pub timeout_ms: u32,
}

impl Settings {
    /// Reads settings through `lookup`, which is given the camelCase option names
    /// (`apiBase`, `scheduleId`, `redirectUrl`, `providerId`, `locale`, `timeoutMs`).
    /// A present but empty `apiBase` means same origin; other empty values count as absent.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |key: &str| {
            lookup(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let api_base = lookup("apiBase")
            .map(|base| base.trim().trim_end_matches('/').to_owned())
            .unwrap_or_else(|| DEFAULT_API_BASE.to_owned());
        Self {
            api_base,
            // GUIDs are compared and sent in lower case, however they were typed.
            schedule_id: non_empty("scheduleId").map(|id| id.to_ascii_lowercase()),
            redirect_url: non_empty("redirectUrl"),
            provider_id: non_empty("providerId"),
            locale: non_empty("locale"),
            timeout_ms: non_empty("timeoutMs")
                .and_then(|v| {
                    let digits = v.bytes().all(|b| b.is_ascii_digit());
                    v.parse::<u64>().ok().or(digits.then_some(u64::MAX))
                })
                .filter(|ms| *ms > 0)
                .map_or(DEFAULT_TIMEOUT_MS, |ms| {
                    let (min, max) = (*TIMEOUT_RANGE_MS.start(), *TIMEOUT_RANGE_MS.end());
                    u32::try_from(ms).unwrap_or(max).clamp(min, max)
                }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> Settings {
        Settings::from_lookup(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn reads_settings_with_defaults() {
        let defaults = settings(&[]);
        assert_eq!(defaults.api_base, DEFAULT_API_BASE);
        assert_eq!(defaults.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert_eq!(defaults.schedule_id, None);
        let cases = [
            ("", ""),
            ("  ", ""),
            ("/", ""),
            ("https://www.wixapis.com/", "https://www.wixapis.com"),
            ("http://127.0.0.1:7878", "http://127.0.0.1:7878"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                settings(&[("apiBase", input)]).api_base,
                expected,
                "{input:?}"
            );
        }
        let full = settings(&[
            ("scheduleId", " 4e0579a5-491e-4e70-a872-d097eed6e520 "),
            ("redirectUrl", ""),
            ("providerId", "p"),
            ("timeoutMs", "2500"),
        ]);
        assert_eq!(
            full.schedule_id.as_deref(),
            Some("4e0579a5-491e-4e70-a872-d097eed6e520")
        );
        assert_eq!(
            settings(&[("scheduleId", "4E0579A5-491E-4E70-A872-D097EED6E520")])
                .schedule_id
                .as_deref(),
            Some("4e0579a5-491e-4e70-a872-d097eed6e520"),
            "lower-cased once, when read"
        );
        assert_eq!(full.redirect_url, None);
        assert_eq!(full.provider_id.as_deref(), Some("p"));
        assert_eq!(full.timeout_ms, 2500);
        let clamped = [
            ("500", 1_000),
            ("1", 1_000),
            ("300000", 300_000),
            ("300001", 300_000),
            ("2147483648", 300_000),
            ("4294967295", 300_000),
            ("99999999999999999999", 300_000),
        ];
        for (input, expected) in clamped {
            assert_eq!(
                settings(&[("timeoutMs", input)]).timeout_ms,
                expected,
                "{input}"
            );
        }
        for bad in ["0", "-5", "soon"] {
            assert_eq!(
                settings(&[("timeoutMs", bad)]).timeout_ms,
                DEFAULT_TIMEOUT_MS
            );
        }
    }
}
