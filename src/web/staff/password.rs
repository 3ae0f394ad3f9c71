//! `POST /staff/{id}/password-link`: a one-time link with which the account's owner sets a
//! new password, shown to the admin once. Their current password keeps working until the
//! link is used; an earlier link stops working at once.

use super::{CsrfForm, target};
use crate::flow::Msg;
use crate::web::AppState;
use crate::web::auth::{Signed, digest, token};
use crate::web::layout::page;
use crate::web::show::when;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use time::OffsetDateTime;

/// Where the owner of the account sets their password.
pub(super) const PATH: &str = "/kata-sandi";

pub async fn password_link(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        // A disabled account cannot use a link; it is enabled first.
        Ok(s) if !s.disabled => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(r) => return r,
    };
    let secret = token();
    let expires = match state
        .service
        .issue_password_link(staff.id, &digest(&secret), signed.staff.id)
        .await
    {
        Ok(expires) => expires,
        Err(e) => return crate::web::leads::failure(e),
    };
    let shown = Shown {
        name: &staff.name,
        email: &staff.email,
        secret: &secret,
        expires,
        new_account: false,
    };
    link_page(&state, &signed, &shown)
}

/// A link to show the admin once.
pub(super) struct Shown<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub secret: &'a str,
    pub expires: OffsetDateTime,
    /// The account was just made (the page says so).
    pub new_account: bool,
}

/// The link, for whom, until when, and that it works once. Never cached, and the page it
/// opens sends no referrer.
pub(super) fn link_page(state: &AppState, signed: &Signed, shown: &Shown<'_>) -> Response {
    let url = format!(
        "{}{PATH}/{}",
        state.service.settings.dashboard_url, shown.secret
    );
    let who = |id| {
        state.tm(&Msg::new(id)
            .text("name", shown.name.to_owned())
            .text("email", shown.email.to_owned()))
    };
    let body = html! {
        div.card {
            @if shown.new_account { p { strong { (who("dash-staff-link-created")) } } }
            p { (who("dash-staff-link-for")) }
            p { code.password-link { (url) } }
            p.muted { (state.t("dash-staff-link-expires")) " " (when(state, crate::web::show::office_zone(&signed.staff), shown.expires)) ". " (state.t("dash-staff-link-once")) }
            p { a href="/staff" { (state.t("dash-staff-back")) } }
        }
    };
    let mut response =
        page(state, &state.t("dash-staff-link-title"), Some(signed), body).into_response();
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
