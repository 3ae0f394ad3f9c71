//! Login, logout, and the one-time setup link for the first admin.

use super::AppState;
use super::auth::{self, PasswordError, Signed, digest, hash_password, session_cookie, token};
use super::client::ClientAddr;
use super::layout::page;
use crate::store;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

/// The longest address SMTP allows, in bytes; longer ones are refused before anything else.
pub const EMAIL_MAX_BYTES: usize = crate::limits::STAFF_EMAIL.max;
/// Room for any password an account may have (the CLI sets its own); Argon2 never sees more.
pub const PASSWORD_MAX_BYTES: usize = 1024;
/// The login and setup forms are small; a bigger body is refused unread.
pub const FORM_MAX_BYTES: usize = 4 * 1024;

static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("not a real password").unwrap_or_default());

pub async fn login_page(State(state): State<AppState>) -> Markup {
    login_form(&state, None)
}

fn login_form(state: &AppState, error: Option<String>) -> Markup {
    page(
        state,
        &state.t("dash-login-title"),
        None,
        html! {
            div.login.card {
                @if let Some(error) = error { p.error role="alert" { (error) } }
                form method="post" action="/login" {
                    label { (state.t("dash-email")) input type="email" name="email" required autocomplete="username"; }
                    label { (state.t("dash-password")) input type="password" name="password" required autocomplete="current-password"; }
                    button.primary type="submit" { (state.t("dash-login")) }
                }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct Login {
    email: String,
    password: String,
}

pub async fn login(
    State(state): State<AppState>,
    client: ClientAddr,
    Form(form): Form<Login>,
) -> Response {
    let email = form.email.trim().to_lowercase();
    if email.len() > EMAIL_MAX_BYTES || form.password.len() > PASSWORD_MAX_BYTES {
        return refused(&state, StatusCode::BAD_REQUEST, "dash-login-too-long", None);
    }
    let guard = &state.login_guard;
    if guard
        .check(client.0, &email, std::time::Instant::now())
        .is_err()
    {
        tracing::warn!("login throttled");
        return refused(
            &state,
            StatusCode::TOO_MANY_REQUESTS,
            "dash-login-throttled",
            Some(60),
        );
    }
    let store = &state.service.store;
    let found = match store::staff::credentials(store, &email).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    // Unknown accounts are checked against a dummy hash, so timing does not tell them apart.
    let hash = found
        .as_ref()
        .map_or_else(|| DUMMY_HASH.clone(), |(_, h)| h.clone());
    let matches = match state.passwords.verify(form.password, hash).await {
        Ok(matches) => matches,
        Err(PasswordError::Busy) => {
            tracing::warn!("login refused: password checks busy");
            return refused(
                &state,
                StatusCode::SERVICE_UNAVAILABLE,
                "dash-login-busy",
                Some(2),
            );
        }
        Err(PasswordError::Failed(_)) => false,
    };
    let Some((staff, _)) = found.filter(|(s, _)| !s.disabled && matches) else {
        guard.failed(client.0, &email, std::time::Instant::now());
        return refused(&state, StatusCode::UNAUTHORIZED, "dash-login-failed", None);
    };
    guard.succeeded(client.0, &email);
    // A new session id at every login.
    let (id, csrf, now) = (token(), token(), OffsetDateTime::now_utc());
    if let Err(e) = store::staff::create_session(store, &digest(&id), staff.id, &csrf, now).await {
        return failure(e);
    }
    let _ = store::audit::log(store, staff.id, "login", None, "", now).await;
    let cookie = session_cookie(&id, state.secure_cookies, None);
    let home = super::home_of(&staff);
    ([(header::SET_COOKIE, cookie)], Redirect::to(home)).into_response()
}

/// The login page again, with why, and when to come back if there is a wait.
fn refused(
    state: &AppState,
    status: StatusCode,
    message: &'static str,
    retry_after: Option<u32>,
) -> Response {
    let mut response = (status, login_form(state, Some(state.t(message)))).into_response();
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, seconds.into());
    }
    response
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    signed: Signed,
    headers: axum::http::HeaderMap,
    Form(form): Form<CsrfOnly>,
) -> Response {
    if let Err(status) = signed.check_csrf(&form.csrf) {
        return status.into_response();
    }
    if let Some(id) = auth::cookie(&headers, state.cookie_name()) {
        let _ = store::staff::end_session(&state.service.store, &digest(&id)).await;
    }
    let cookie = session_cookie("", state.secure_cookies, Some(0));
    ([(header::SET_COOKIE, cookie)], Redirect::to("/login")).into_response()
}

fn failure(e: store::StoreError) -> Response {
    tracing::error!(error = %e, "dashboard: store failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

/// Printed by `pandu serve` when no admin exists: the link works once.
pub async fn issue_setup_link(state: &AppState) -> Result<Option<String>, store::StoreError> {
    let store = &state.service.store;
    if store::staff::admin_exists(store).await? {
        return Ok(None);
    }
    let secret = token();
    store::staff::create_setup_token(store, &digest(&secret), OffsetDateTime::now_utc()).await?;
    Ok(Some(format!("/setup/{secret}")))
}

pub async fn setup_page(State(state): State<AppState>, Path(secret): Path<String>) -> Response {
    match store::staff::setup_token_valid(
        &state.service.store,
        &digest(&secret),
        OffsetDateTime::now_utc(),
    )
    .await
    {
        Ok(true) => setup_form(&state, &secret, None).into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => failure(e),
    }
}

fn setup_form(state: &AppState, secret: &str, error: Option<String>) -> Markup {
    page(
        state,
        &state.t("dash-setup-title"),
        None,
        html! {
            div.login.card {
                p.muted { (state.t("dash-setup-intro")) }
                @if let Some(error) = error { p.error role="alert" { (error) } }
                form method="post" action=(format!("/setup/{secret}")) {
                    label { (state.t("dash-name")) input name="name" required; }
                    label { (state.t("dash-email")) input type="email" name="email" required; }
                    label { (state.t("dash-password")) input type="password" name="password" required minlength="12" autocomplete="new-password"; }
                    button.primary type="submit" { (state.t("dash-setup-create")) }
                }
            }
        },
    )
}

#[derive(Deserialize)]
pub struct Setup {
    name: String,
    email: String,
    password: String,
}

pub async fn setup(
    State(state): State<AppState>,
    Path(secret): Path<String>,
    Form(form): Form<Setup>,
) -> Response {
    let refuse = |status, message| {
        (status, setup_form(&state, &secret, Some(state.t(message)))).into_response()
    };
    let email = form.email.trim().to_lowercase();
    let name = crate::parse::one_line(&form.name);
    let too_long = crate::limits::STAFF_NAME.check(&name).is_err()
        || crate::limits::PASSWORD.check(&form.password).is_err();
    if email.len() > EMAIL_MAX_BYTES || too_long {
        return refuse(StatusCode::BAD_REQUEST, "dash-login-too-long");
    }
    if form.password.chars().count() < 12 || name.is_empty() {
        return refuse(StatusCode::BAD_REQUEST, "dash-password-short");
    }
    let store = &state.service.store;
    // A dead link says so before anything about the form (the transaction below decides).
    let now = OffsetDateTime::now_utc();
    match store::staff::setup_token_valid(store, &digest(&secret), now).await {
        Ok(true) => {}
        Ok(false) => return refuse(StatusCode::NOT_FOUND, "dash-setup-used"),
        Err(e) => return failure(e),
    }
    match store::staff::by_email(store, &email).await {
        Ok(None) => {}
        Ok(Some(_)) => return refuse(StatusCode::BAD_REQUEST, "dash-setup-email-taken"),
        Err(e) => return failure(e),
    }
    let hash = match state.passwords.hash(form.password).await {
        Ok(hash) => hash,
        Err(PasswordError::Busy) => {
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "dash-login-busy");
        }
        Err(PasswordError::Failed(_)) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    match store::staff::create_first_admin(store, &digest(&secret), &email, &name, &hash, now).await
    {
        Ok(Some(id)) => {
            let _ = store::audit::log(store, id, "setup_admin", None, "", now).await;
            Redirect::to("/login").into_response()
        }
        Ok(None) => refuse(StatusCode::NOT_FOUND, "dash-setup-used"),
        Err(e) => failure(e),
    }
}
