//! `GET/POST /kata-sandi/{token}`: a staff member opens the one-time link an admin gave them
//! and sets their password. Using it sets the password, ends the account's sessions and
//! spends the link, together; a used, old or unknown link gets a polite 404.

use crate::access::Staff;
use crate::flow::Msg;
use crate::store::password_links;
use crate::web::AppState;
use crate::web::auth::{PasswordError, digest};
use crate::web::layout::page;
use crate::web::sign_in::PASSWORD_MAX_BYTES;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;
use time::OffsetDateTime;

/// As for the first admin's password.
const MIN_CHARS: usize = 12;

pub async fn password_page(State(state): State<AppState>, Path(secret): Path<String>) -> Response {
    let now = OffsetDateTime::now_utc();
    match password_links::holder(&state.service.store, &digest(&secret), now).await {
        Ok(Some(staff)) => form_page(&state, &secret, &staff, None, StatusCode::OK),
        Ok(None) => dead_link(&state),
        Err(e) => crate::web::leads::failure(e),
    }
}

#[derive(Deserialize)]
pub struct NewPassword {
    password: String,
    repeat: String,
}

pub async fn set_password(
    State(state): State<AppState>,
    Path(secret): Path<String>,
    Form(form): Form<NewPassword>,
) -> Response {
    let store = &state.service.store;
    let hash_of_secret = digest(&secret);
    // A dead link says so before anything about the form (`spend` decides).
    let now = OffsetDateTime::now_utc();
    let staff = match password_links::holder(store, &hash_of_secret, now).await {
        Ok(Some(staff)) => staff,
        Ok(None) => return dead_link(&state),
        Err(e) => return crate::web::leads::failure(e),
    };
    if let Err(why) = check(&form) {
        return form_page(&state, &secret, &staff, Some(why), StatusCode::BAD_REQUEST);
    }
    let hash = match state.passwords.hash(form.password).await {
        Ok(hash) => hash,
        Err(PasswordError::Busy) => {
            let busy = Some("dash-pw-busy");
            return form_page(
                &state,
                &secret,
                &staff,
                busy,
                StatusCode::SERVICE_UNAVAILABLE,
            );
        }
        Err(PasswordError::Failed(_)) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match password_links::spend(store, &hash_of_secret, &hash, OffsetDateTime::now_utc()).await {
        Ok(Some(_)) => Redirect::to("/login").into_response(),
        Ok(None) => dead_link(&state),
        Err(e) => crate::web::leads::failure(e),
    }
}

/// What is wrong with the passwords typed, as a message id.
fn check(form: &NewPassword) -> Result<(), &'static str> {
    let too_long = form.password.len() > PASSWORD_MAX_BYTES
        || crate::limits::PASSWORD.check(&form.password).is_err();
    if too_long {
        Err("dash-login-too-long")
    } else if form.password.chars().count() < MIN_CHARS {
        Err("dash-pw-short")
    } else if form.password != form.repeat {
        Err("dash-pw-mismatch")
    } else {
        Ok(())
    }
}

fn form_page(
    state: &AppState,
    secret: &str,
    staff: &Staff,
    error: Option<&'static str>,
    status: StatusCode,
) -> Response {
    let intro = Msg::new("dash-pw-intro")
        .text("name", staff.name.clone())
        .text("email", staff.email.clone());
    let body = html! {
        div.login.card {
            p { (state.tm(&intro)) }
            @if let Some(error) = error { p.error role="alert" { (state.t(error)) } }
            form method="post" action=(format!("{}/{secret}", super::password::PATH)) {
                input type="hidden" name="username" value=(staff.email) autocomplete="username";
                label { (state.t("dash-pw-new"))
                    input type="password" name="password" required minlength=(MIN_CHARS) maxlength=(crate::limits::PASSWORD.max) autocomplete="new-password"; }
                label { (state.t("dash-pw-repeat"))
                    input type="password" name="repeat" required minlength=(MIN_CHARS) maxlength=(crate::limits::PASSWORD.max) autocomplete="new-password"; }
                button.primary type="submit" { (state.t("dash-pw-save")) }
            }
        }
    };
    private((status, page(state, &state.t("dash-pw-title"), None, body)).into_response())
}

/// Used, old, replaced or unknown: the same page, so a guess learns nothing.
fn dead_link(state: &AppState) -> Response {
    let body = html! {
        div.login.card {
            p { (state.t("dash-pw-dead")) }
            p { a href="/login" { (state.t("dash-login")) } }
        }
    };
    let markup = page(state, &state.t("dash-pw-dead-title"), None, body);
    private((StatusCode::NOT_FOUND, markup).into_response())
}

/// The secret is in the address: no page it leads to may learn it.
fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
