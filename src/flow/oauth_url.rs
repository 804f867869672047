//! The check that stands between the `oauthUrl` returned by the API and `window.location`.
//!
//! Only an absolute `https:` URL is accepted, or `http:` for a loopback host (the local
//! emulator). The check is deliberately stricter than a URL parser: it refuses anything a browser
//! would silently repair (whitespace, control characters, backslashes) and user-info (`a@b`), so
//! that the scheme and host it sees are exactly the ones the browser will use.

/// Why an `oauthUrl` was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OauthUrlProblem {
    /// Missing or empty.
    Empty,
    /// Contains whitespace, control characters or a backslash.
    Malformed,
    /// Not `https:` (nor `http:` on a loopback host), e.g. `javascript:`, `data:`, relative.
    NotAllowedScheme,
    /// `http:` to a host that is not this machine.
    InsecureRemoteHost,
    /// No host, or a `user:pass@` part.
    BadAuthority,
}

/// Returns `Ok(())` when the browser may be sent to `raw`.
///
/// ```
/// use calendar_connect::flow::oauth_url::{check_oauth_url, OauthUrlProblem};
/// assert!(check_oauth_url("https://accounts.example.com/o/oauth2?x=1").is_ok());
/// assert!(check_oauth_url("http://127.0.0.1:7878/_emulator/consent/1").is_ok());
/// assert_eq!(check_oauth_url("javascript:alert(1)"), Err(OauthUrlProblem::NotAllowedScheme));
/// ```
pub fn check_oauth_url(raw: &str) -> Result<(), OauthUrlProblem> {
    if raw.is_empty() {
        return Err(OauthUrlProblem::Empty);
    }
    if raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(OauthUrlProblem::Malformed);
    }
    let (scheme, rest) = raw
        .split_once("://")
        .ok_or(OauthUrlProblem::NotAllowedScheme)?;
    let secure = match scheme.to_ascii_lowercase().as_str() {
        "https" => true,
        "http" => false,
        _ => return Err(OauthUrlProblem::NotAllowedScheme),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(OauthUrlProblem::BadAuthority);
    }
    let host = host_of(authority).ok_or(OauthUrlProblem::BadAuthority)?;
    if secure || is_loopback(&host) {
        Ok(())
    } else {
        Err(OauthUrlProblem::InsecureRemoteHost)
    }
}

/// The host of an authority without its port, lower-cased; `None` when empty, when the port is
/// not a number up to 65535, or when the host is not one a browser reads as written: a name of
/// letters, digits, `-` and `.` (all-numeric ones must be dotted-decimal IPv4), or a bracketed
/// IPv6 address followed by nothing or `:port`.
fn host_of(authority: &str) -> Option<String> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (inside, after) = bracketed.split_once(']')?;
        let ipv6_ok = inside.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
            && inside.parse::<std::net::Ipv6Addr>().is_ok();
        if !ipv6_ok || !(after.is_empty() || after.starts_with(':')) {
            return None;
        }
        (format!("[{inside}]"), after.strip_prefix(':'))
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (authority.to_owned(), None),
        }
    };
    let port_ok = port.is_none_or(|p| {
        p.is_empty()
            || (p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|n| n <= 65535))
    });
    let host_ok = host.starts_with('[') || is_plain_host(&host);
    (!host.is_empty() && port_ok && host_ok).then(|| host.to_ascii_lowercase())
}

/// A host name of letters, digits, `-` and `.`; when its last label is a number (which a browser
/// reads as an IPv4 address), the whole of it must be dotted-decimal with each part up to 255.
fn is_plain_host(host: &str) -> bool {
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    {
        return false;
    }
    let last_label = host
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .unwrap_or_default();
    let numeric = !last_label.is_empty() && last_label.bytes().all(|b| b.is_ascii_digit());
    !numeric || host.parse::<std::net::Ipv4Addr>().is_ok()
}

/// Loopback hosts as written by the emulator and by people: `localhost`, `127.x.y.z`, `[::1]`.
/// Other spellings a browser would also map to loopback (`0x7f.1`, `%6cocalhost`) are refused,
/// which errs on the safe side.
fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host == "[::1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets[0] == "127"
        && octets.iter().all(|octet| {
            !octet.is_empty()
                && octet.len() <= 3
                && octet.bytes().all(|b| b.is_ascii_digit())
                && octet.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

#[cfg(test)]
mod tests {
    use super::{check_oauth_url, OauthUrlProblem::*};

    #[test]
    fn accepts_https_anywhere_and_http_on_loopback_only() {
        let cases = [
            (
                "https://accounts.google.com/o/oauth2/auth?client_id=1&state=x",
                Ok(()),
            ),
            ("HTTPS://Login.Microsoftonline.com/common", Ok(())),
            ("https://example.com", Ok(())),
            ("https://example.com:8443/path#frag", Ok(())),
            ("https://[2001:db8::1]/x", Ok(())),
            ("http://127.0.0.1:7878/_emulator/consent/abc", Ok(())),
            ("http://localhost:8080/", Ok(())),
            ("http://LOCALHOST/", Ok(())),
            ("http://127.1.2.3/", Ok(())),
            ("http://[::1]:7878/x", Ok(())),
            ("", Err(Empty)),
            ("javascript:alert(1)", Err(NotAllowedScheme)),
            ("JavaScript://%0aalert(1)", Err(NotAllowedScheme)),
            (
                "data:text/html,<script>alert(1)</script>",
                Err(NotAllowedScheme),
            ),
            ("vbscript:msgbox", Err(NotAllowedScheme)),
            ("file:///etc/passwd", Err(NotAllowedScheme)),
            ("ftp://example.com/", Err(NotAllowedScheme)),
            ("/relative/path", Err(NotAllowedScheme)),
            ("//example.com/protocol-relative", Err(NotAllowedScheme)),
            ("example.com/no-scheme", Err(NotAllowedScheme)),
            ("https:example.com", Err(NotAllowedScheme)),
            ("https:/example.com", Err(NotAllowedScheme)),
            ("http://example.com/", Err(InsecureRemoteHost)),
            ("http://127.0.0.1.evil.com/", Err(InsecureRemoteHost)),
            ("http://localhost.evil.com/", Err(InsecureRemoteHost)),
            ("http://127.0.0.256/", Err(BadAuthority)),
            ("http://0x7f.0.0.1/", Err(BadAuthority)),
            ("http://%6cocalhost/", Err(BadAuthority)),
            ("http://[::2]/", Err(InsecureRemoteHost)),
            ("https://user:pass@example.com/", Err(BadAuthority)),
            ("http://localhost@evil.com/", Err(BadAuthority)),
            ("https://evil.com\\@good.com/", Err(Malformed)),
            ("https:\\\\evil.com", Err(Malformed)),
            (" https://example.com", Err(Malformed)),
            ("https://exa\tmple.com", Err(Malformed)),
            ("https://example.com/\n", Err(Malformed)),
            ("https:///path-only", Err(BadAuthority)),
            ("https://:443/", Err(BadAuthority)),
            ("https://example.com:port/", Err(BadAuthority)),
            ("https://[::1/", Err(BadAuthority)),
            // Hosts and ports a browser can't parse (it would refuse to navigate).
            ("https://example.com:99999/x", Err(BadAuthority)),
            ("https://example.com:65536/", Err(BadAuthority)),
            ("https://example.com:65535/", Ok(())),
            ("http://[::1]evil.com/", Err(BadAuthority)),
            ("https://[::1]evil.com/", Err(BadAuthority)),
            ("https://a<b.com/", Err(BadAuthority)),
            ("https://exa%mple.com/", Err(BadAuthority)),
            ("https://exa_mple.com/", Err(BadAuthority)),
            ("https://999.999.999.999/", Err(BadAuthority)),
            ("https://1.2.3.256/", Err(BadAuthority)),
            ("https://example.123/", Err(BadAuthority)),
            ("https://93.184.216.34/x", Ok(())),
            ("https://[zz]/", Err(BadAuthority)),
            ("https://[]/", Err(BadAuthority)),
            ("https://[1:2]/", Err(BadAuthority)),
            ("https://[2001:db8::1]:8443/x", Ok(())),
            ("https://[2001:db8::1]x:8443/", Err(BadAuthority)),
        ];
        for (input, expected) in cases {
            assert_eq!(check_oauth_url(input), expected, "{input:?}");
        }
    }

    /// Whatever this check accepts, a WHATWG parser reads with the same scheme and a host of the
    /// same kind, so the browser goes where the check looked.
    #[test]
    fn agrees_with_a_whatwg_parser_on_accepted_urls() {
        let accepted = [
            "https://accounts.google.com/o/oauth2/auth?client_id=1",
            "http://127.0.0.1:7878/_emulator/consent/abc",
            "http://localhost:8080/",
            "http://[::1]:7878/x",
            "https://example.com?x=@y",
            "https://example.com#@evil.com",
            "https://example.com:65535/",
            "https://93.184.216.34/x",
            "https://[2001:db8::1]:8443/x",
        ];
        for input in accepted {
            assert_eq!(check_oauth_url(input), Ok(()), "{input}");
            let parsed = url::Url::parse(input).unwrap();
            assert!(matches!(parsed.scheme(), "https" | "http"), "{input}");
            if parsed.scheme() == "http" {
                let host = parsed.host_str().unwrap();
                assert!(
                    matches!(host, "localhost" | "[::1]") || host.starts_with("127."),
                    "{input}: {host}"
                );
            }
            assert!(parsed.username().is_empty() && parsed.password().is_none());
        }
    }
}
