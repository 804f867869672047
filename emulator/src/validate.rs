//! Format checks for request fields (`@format GUID`, `EMAIL`, `WEB_URL` in Wix's spec).

use url::Url;

/// True for a GUID in its 8-4-4-4-12 hexadecimal form.
pub fn is_guid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    groups.len() == lengths.len()
        && groups
            .iter()
            .zip(lengths)
            .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// True for a plausible email address: one `@`, a non-empty local part, a dotted domain.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

/// Parses an absolute `http`/`https` URL with a host; `None` for anything else.
pub fn web_url(value: &str) -> Option<Url> {
    let url = Url::parse(value).ok()?;
    let web =
        matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty());
    web.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids() {
        assert!(is_guid("6c533722-f1f9-4847-95c7-d4c4922ae9b0"));
        assert!(is_guid("6C533722-F1F9-4847-95C7-D4C4922AE9B0"));
        assert!(!is_guid("6c533722f1f9484795c7d4c4922ae9b0"));
        assert!(!is_guid("6c533722-f1f9-4847-95c7-d4c4922ae9bz"));
        assert!(!is_guid(""));
    }

    #[test]
    fn emails() {
        assert!(is_email("owner@example.com"));
        assert!(!is_email("owner@example"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("a b@example.com"));
        assert!(!is_email("a@b@example.com"));
    }

    #[test]
    fn web_urls() {
        assert!(web_url("http://127.0.0.1:8080/done?x=1#top").is_some());
        assert!(web_url("https://example.com").is_some());
        assert!(web_url("/relative").is_none());
        assert!(web_url("javascript:alert(1)").is_none());
        assert!(web_url("ftp://example.com").is_none());
    }
}
