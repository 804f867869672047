//! The fake provider consent page that `oauthUrl` points at. Answering it redirects to the
//! caller's `redirectUrl` with `connectionId=...` or `error=reject|unsupported|internal`.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use url::Url;

use crate::app::AppState;
use crate::clock::{now_ms, DAY_MS};
use crate::extract::read_body;
use crate::generate::random_token;
use crate::model::Provider;
use crate::routes::create_connection;

const SESSION_ID_LEN: usize = 32;

/// One Connect By OAuth attempt waiting for the account owner's answer.
#[derive(Debug, Clone)]
pub struct Session {
    provider: Provider,
    schedule_id: String,
    redirect_url: Url,
    expires_at_ms: i64,
    used: bool,
}

/// What became of a session id.
enum Lookup {
    Open(Box<Session>),
    /// Answered already, or expired.
    Gone,
    Unknown,
}

/// Open and recently closed sessions, by id.
#[derive(Default)]
pub struct ConsentSessions(Mutex<HashMap<String, Session>>);

impl ConsentSessions {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Session>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts a session and returns its id.
    pub fn open(
        &self,
        provider: Provider,
        schedule_id: String,
        redirect_url: Url,
        ttl_secs: u64,
    ) -> String {
        let now = now_ms();
        let ttl_ms = i64::try_from(ttl_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
        let id = random_token(SESSION_ID_LEN);
        let mut sessions = self.lock();
        // Closed sessions are kept a day, to answer 410 rather than 404 for them.
        sessions.retain(|_, s| s.expires_at_ms.saturating_add(DAY_MS) > now);
        sessions.insert(
            id.clone(),
            Session {
                provider,
                schedule_id,
                redirect_url,
                expires_at_ms: now.saturating_add(ttl_ms),
                used: false,
            },
        );
        id
    }

    /// Looks a session up; with `consume`, an open session is used up by this call.
    fn lookup(&self, id: &str, consume: bool) -> Lookup {
        let mut sessions = self.lock();
        let Some(session) = sessions.get_mut(id) else {
            return Lookup::Unknown;
        };
        if session.used || session.expires_at_ms <= now_ms() {
            return Lookup::Gone;
        }
        session.used = consume;
        Lookup::Open(Box::new(session.clone()))
    }

    pub fn clear(&self) {
        self.lock().clear();
    }
}

/// `GET /_emulator/consent/{sessionId}`.
pub async fn page(State(app): State<AppState>, Path(id): Path<String>) -> Response {
    match app.consents.lookup(&id, false) {
        Lookup::Open(session) => consent_page(&session).into_response(),
        Lookup::Gone => gone_page(),
        Lookup::Unknown => unknown_page(),
    }
}

/// `POST /_emulator/consent/{sessionId}` with form field `decision`.
pub async fn decide(State(app): State<AppState>, Path(id): Path<String>, body: Body) -> Response {
    let body = match read_body(body).await {
        Ok(body) => body,
        Err(error) => return error.into_response(),
    };
    let decision = url::form_urlencoded::parse(&body)
        .find(|(key, _)| key == "decision")
        .map(|(_, value)| value.into_owned());
    let outcome = match decision.as_deref() {
        Some("allow") => None,
        Some("deny") => Some("reject"),
        Some("unsupported") => Some("unsupported"),
        Some("internal") => Some("internal"),
        _ => {
            return message_page(
                StatusCode::BAD_REQUEST,
                "Unknown answer",
                "Choose one of the buttons on the consent page.",
            )
        }
    };
    let session = match app.consents.lookup(&id, true) {
        Lookup::Open(session) => session,
        Lookup::Gone => return gone_page(),
        Lookup::Unknown => return unknown_page(),
    };
    let mut target = session.redirect_url.clone();
    match outcome {
        None => {
            let stored = create_connection(&app, &session.provider, &session.schedule_id, None);
            target
                .query_pairs_mut()
                .append_pair("connectionId", &stored.connection.id);
        }
        Some(error) => {
            target.query_pairs_mut().append_pair("error", error);
        }
    }
    Redirect::to(target.as_str()).into_response()
}

/// Escapes text for use in HTML content and attribute values.
fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

const STYLE: &str = "\
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f4f4f6}\
main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #c8c8d0;border-radius:8px}\
h1{font-size:1.5rem;margin-top:0}\
code{word-break:break-all;background:#eef;padding:0 .2em}\
.actions{display:flex;gap:.75rem;margin:1.5rem 0}\
button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:2px solid #1b1b1b;background:#fff;color:#1b1b1b;cursor:pointer}\
button.primary{background:#0b57d0;border-color:#0b57d0;color:#fff}\
button:focus-visible{outline:3px solid #b3261e;outline-offset:3px}\
fieldset{border:1px solid #c8c8d0;border-radius:6px;display:flex;flex-wrap:wrap;gap:.75rem}\
legend{padding:0 .3rem}\
.note{color:#4a4a55;font-size:.9rem}";

/// A complete HTML document; `title` is plain text, `content` is HTML.
fn document(title: &str, content: &str) -> String {
    let title = escape_html(title);
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n{content}\n</main>\n</body>\n</html>\n"
    )
}

fn consent_page(session: &Session) -> Html<String> {
    let provider = escape_html(&session.provider.name);
    let schedule = escape_html(&session.schedule_id);
    let redirect = escape_html(session.redirect_url.as_str());
    let content = format!(
        "<p>Wix Bookings wants to connect your <strong>{provider}</strong> account to the \
         schedule <code>{schedule}</code>, and to read the events in your calendars.</p>\n\
         <p>Afterwards you will be sent back to <code>{redirect}</code>.</p>\n\
         <form method=\"post\">\n\
         <div class=\"actions\">\n\
         <button type=\"submit\" name=\"decision\" value=\"allow\" class=\"primary\">Allow</button>\n\
         <button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n\
         </div>\n\
         <fieldset>\n<legend>For testers</legend>\n\
         <button type=\"submit\" name=\"decision\" value=\"unsupported\">Simulate: unsupported account</button>\n\
         <button type=\"submit\" name=\"decision\" value=\"internal\">Simulate: internal error</button>\n\
         </fieldset>\n</form>\n\
         <p class=\"note\">This page is served by the local Wix emulator; no real account is involved.</p>"
    );
    Html(document(
        &format!("Connect {}", session.provider.name),
        &content,
    ))
}

fn message_page(status: StatusCode, title: &str, message: &str) -> Response {
    let content = format!("<p>{}</p>", escape_html(message));
    (status, Html(document(title, &content))).into_response()
}

fn gone_page() -> Response {
    message_page(
        StatusCode::GONE,
        "This consent request is no longer valid",
        "It was already answered, or it expired. Start connecting again from the widget.",
    )
}

fn unknown_page() -> Response {
    message_page(
        StatusCode::NOT_FOUND,
        "Unknown consent request",
        "There is no consent request at this address. Start connecting again from the widget.",
    )
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
