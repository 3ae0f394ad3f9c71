//! What a dashboard handler returns when it does not answer with its page, so handlers can
//! use `?`: a page that explains, a bare status, or a store failure (logged, 503).

use super::AppState;
use super::auth::Signed;
use super::layout::page;
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
