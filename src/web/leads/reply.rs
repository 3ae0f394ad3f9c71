//! `POST /leads/{id}/reply`: a staff member's reply to the lead's owner, then back to the
//! thread. Outside the scope it is a 404 like every lead page; nothing is queued.

use crate::access::parse_lead_id;
use crate::service::replies::ReplyError;
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::{WebError, WebResult};
use crate::web::layout::page;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::html;
use serde::Deserialize;
use time::OffsetDateTime;

/// The reply form's body: the token and at most `limits::OWNER_REPLY` characters,
/// percent-encoded (up to 12 bytes a character) with room to spare.
pub const FORM_MAX_BYTES: usize = 16 * 1024;

#[derive(Deserialize)]
pub struct ReplyForm {
    csrf: String,
    #[serde(default)]
    body: String,
}

pub async fn reply(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> WebResult {
    signed.check_csrf(&form.csrf)?;
    let id = parse_lead_id(&id).ok_or_else(WebError::not_found)?;
    let back = format!("/leads/{id}#thread");
    let now = OffsetDateTime::now_utc();
    match state
        .service
        .reply_to_owner(&signed.staff, id, &form.body, now)
        .await
    {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(ReplyError::NotFound) => Err(WebError::not_found()),
        Err(ReplyError::NotAllowed) => Err(WebError::forbidden(&state, &signed)),
        Err(ReplyError::TooLong(e)) => Err(WebError::too_long(&state, &signed, e, &back)),
        Err(ReplyError::Empty) => Err(empty(&state, &signed, &back)),
        Err(ReplyError::Store(e)) => Err(e.into()),
    }
}

/// 400 with a page: nothing was written.
fn empty(state: &AppState, signed: &Signed, back: &str) -> WebError {
    let body = html! {
        p.error role="alert" { (state.t("dash-thread-empty-reply")) }
        p { a href=(back) { (state.t("dash-thread-back")) } }
    };
    let title = state.t("dash-thread-reply");
    WebError::Page(
        StatusCode::BAD_REQUEST,
        page(state, &title, Some(signed), body),
    )
}
