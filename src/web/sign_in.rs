//! Login, logout, and the one-time setup link for the first admin.

use super::AppState;
use super::auth::{self, Signed, digest, hash_password, session_cookie, token, verify_password};
use super::layout::page;
use crate::access::Role;
use crate::store;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

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

pub async fn login(State(state): State<AppState>, Form(form): Form<Login>) -> Response {
    let email = form.email.trim().to_lowercase();
    // Repeated failures for one account are slowed down (5 a minute).
    if state.login_limiter.check_key(&email).is_err() {
        tracing::warn!("login throttled");
        return (
            StatusCode::TOO_MANY_REQUESTS,
            login_form(&state, Some(state.t("dash-login-throttled"))),
        )
            .into_response();
    }
    let store = &state.service.store;
    let found = match store::staff::credentials(store, &email).await {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    // Unknown accounts are checked against a dummy hash, so timing does not tell them apart;
    // hashing runs off the async workers.
    let hash = found
        .as_ref()
        .map_or_else(|| DUMMY_HASH.clone(), |(_, h)| h.clone());
    let password = form.password.clone();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let Some((staff, _)) = found.filter(|(s, _)| !s.disabled && matches) else {
        return (
            StatusCode::UNAUTHORIZED,
            login_form(&state, Some(state.t("dash-login-failed"))),
        )
            .into_response();
    };
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
    if let Some(id) = auth::cookie(&headers, auth::COOKIE) {
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
    if form.password.chars().count() < 12 || form.name.trim().is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            setup_form(&state, &secret, Some(state.t("dash-password-short"))),
        )
            .into_response();
    }
    let store = &state.service.store;
    let now = OffsetDateTime::now_utc();
    match store::staff::use_setup_token(store, &digest(&secret), now).await {
        Ok(true) => {}
        Ok(false) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(e),
    }
    let password = form.password.clone();
    let Ok(Ok(hash)) = tokio::task::spawn_blocking(move || hash_password(&password)).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    match store::staff::add(
        store,
        &form.email,
        form.name.trim(),
        Role::Admin,
        None,
        &hash,
        now,
    )
    .await
    {
        Ok(id) => {
            let _ = store::audit::log(store, id, "setup_admin", None, "", now).await;
            Redirect::to("/login").into_response()
        }
        Err(e) => failure(e),
    }
}
