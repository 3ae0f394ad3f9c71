//! What a dashboard handler returns when it does not answer with its page, so handlers can
//! use `?`: a page that explains, a bare status, or a store failure (logged, 503).

use super::AppState;
use super::auth::Signed;
use super::layout::page;
use crate::flow::Msg;
use crate::limits::TooLong;
use crate::store::StoreError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

#[derive(Debug)]
pub enum WebError {
    /// A page that says what went wrong (403 for a role, 400 for a refused form, …).
    Page(StatusCode, Markup),
    /// A bare status; a bare 404 becomes the readable page in `not_found_page`.
    Status(StatusCode),
    Store(StoreError),
}

impl WebError {
    pub fn not_found() -> Self {
        Self::Status(StatusCode::NOT_FOUND)
    }

    /// 403 with a page: the staff member is signed in but their role may not do this.
    pub fn forbidden(state: &AppState, signed: &Signed) -> Self {
        let body = html! { p { (state.t("dash-forbidden")) } };
        let title = state.t("dash-forbidden-title");
        Self::Page(
            StatusCode::FORBIDDEN,
            page(state, &title, Some(signed), body),
        )
    }
}

impl WebError {
    /// 400 with a page: a field is longer than it may be. The page says which field and how
    /// long it may be, and links `back`; nothing is cut silently.
    pub fn too_long(state: &AppState, signed: &Signed, e: TooLong, back: &str) -> Self {
        let body = html! {
            p.error role="alert" { (too_long_text(state, e)) }
            p { a href=(back) { (state.t("dash-too-long-back")) } }
        };
        let title = state.t("dash-too-long-title");
        Self::Page(
            StatusCode::BAD_REQUEST,
            page(state, &title, Some(signed), body),
        )
    }
}

/// "Alasan terlalu panjang: paling banyak 500 karakter. …"
pub fn too_long_text(state: &AppState, e: TooLong) -> String {
    state.tm(&too_long_msg(state, e))
}

/// The message of [`too_long_text`], for pages that show refusals their own way.
pub fn too_long_msg(state: &AppState, e: TooLong) -> Msg {
    Msg::new("dash-too-long")
        .text("field", state.t(e.0.field))
        .num("max", e.0.max as i64)
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

/// `signed.check_csrf(..)?` and other bare refusals.
impl From<StatusCode> for WebError {
    fn from(status: StatusCode) -> Self {
        Self::Status(status)
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            Self::Page(status, markup) => (status, markup).into_response(),
            Self::Status(status) => status.into_response(),
            Self::Store(e) => {
                tracing::error!(error = %e, "dashboard: store failed");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        }
    }
}

/// What a handler gives back.
pub type WebResult = Result<Response, WebError>;
