//! The dashboard's language: Bahasa Indonesia unless the staff member switched to English.
//!
//! The choice is a cookie (it works before sign-in too) read once per request at the edge;
//! the page code asks [`current`] instead of threading a locale through every function that
//! renders text.

use crate::domain::Locale;
use axum::Form;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;

const COOKIE: &str = "pandu_lang";

/// What the page being rendered needs to know of its request.
struct Current {
    locale: Locale,
    /// Path and query, for the language switch to come back to.
    path: String,
}

tokio::task_local! {
    static CURRENT: Current;
}

/// The language of the request being handled (Bahasa Indonesia outside one).
pub fn current() -> Locale {
    CURRENT.try_with(|c| c.locale).unwrap_or_default()
}

/// The path (and query) of the request being handled.
pub fn path() -> String {
    CURRENT
        .try_with(|c| c.path.clone())
        .unwrap_or_else(|_| "/".into())
}

/// Runs the rest of the request in the language its cookie names.
pub async fn scope(request: Request, next: Next) -> Response {
    let current = Current {
        locale: from_cookie(request.headers()).unwrap_or_default(),
        path: request
            .uri()
            .path_and_query()
            .map_or_else(|| "/".into(), |p| p.as_str().to_owned()),
    };
    CURRENT.scope(current, next.run(request)).await
}

fn from_cookie(headers: &HeaderMap) -> Option<Locale> {
    super::auth::cookie(headers, COOKIE).and_then(|value| Locale::parse(&value))
}

#[derive(Deserialize)]
pub struct Switch {
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /bahasa`: remember the language for a year and go back to the page it came from.
pub async fn switch(State(state): State<AppState>, Form(form): Form<Switch>) -> Response {
    let locale = Locale::parse(&form.lang).unwrap_or_default();
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        locale.as_str()
    );
    let mut response = Redirect::to(local_path(&form.back)).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Only a path on this site: a form field must not send the browser elsewhere.
fn local_path(back: &str) -> &str {
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains('\\')
        && !back.chars().any(char::is_control);
    if ok { back } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_followed() {
        assert_eq!(
            local_path("/leads/3?before=x#timeline"),
            "/leads/3?before=x#timeline"
        );
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }

    #[test]
    fn the_cookie_names_the_language() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("__Host-pandu_session=abc; pandu_lang=en"),
        );
        assert_eq!(from_cookie(&headers), Some(Locale::En));
        headers.insert(header::COOKIE, HeaderValue::from_static("pandu_lang=xx"));
        assert_eq!(from_cookie(&headers), None);
    }
}
