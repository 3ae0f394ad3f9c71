//! Staff management for admins: new accounts, roles and regions, consultants' profiles,
//! one-time password links, linked chats, link codes, disabling and enabling. Every change
//! is written to the audit log. Everything `pandu staff` does can be done here.

mod access;
mod create;
mod form;
mod labels;
mod password;
mod set_password;
mod view;

pub use access::set_access;
pub use create::create;
pub use password::password_link;
pub use set_password::{password_page, set_password};

use super::AppState;
use super::auth::Signed;
use super::error::too_long_msg;
use super::leads::failure;
use crate::access::{Profile, Role, Staff, StaffId};
use crate::flow::Msg;
use crate::limits;
use crate::parse::one_line;
use crate::referrals::{Coverage, Desk};
use crate::service::staff_accounts::AccountError;
use crate::store;
use axum::Form;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::OffsetDateTime;

/// The staff forms are small; a bigger body is refused before it is read into memory. Room
/// for every field at its limit, percent-encoded.
const FORM_MAX_BYTES: usize = 16 * 1024;

pub fn form_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(FORM_MAX_BYTES)
}

/// `GET /staff`
pub async fn list(State(state): State<AppState>, signed: Signed) -> Response {
    if !signed.is_admin() {
        return StatusCode::NOT_FOUND.into_response();
    }
    view::render(&state, &signed, None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

#[derive(Deserialize)]
pub struct ProfileForm {
    csrf: String,
    organisation: String,
    desk: String,
    coverage: String,
    capacity: String,
    contact: String,
}

/// The account an admin acts on, or the response that ends the request.
async fn target(
    state: &AppState,
    signed: &Signed,
    csrf: &str,
    id: &str,
) -> Result<Staff, Response> {
    signed
        .check_csrf(csrf)
        .map_err(IntoResponse::into_response)?;
    let id = id.parse().ok().filter(|n: &i64| *n > 0).map(StaffId);
    let (Some(id), true) = (id, signed.is_admin()) else {
        return Err(StatusCode::NOT_FOUND.into_response());
    };
    match store::staff::get(&state.service.store, id).await {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StatusCode::NOT_FOUND.into_response()),
        Err(e) => Err(failure(e)),
    }
}

/// `POST /staff/{id}/profile`
pub async fn set_profile(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<ProfileForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) if s.role == Role::Konsultan => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(r) => return r,
    };
    let profile = match parse_profile(&state, &form) {
        Ok(p) => p,
        Err(msg) => {
            let error = state.tm(&msg.text("name", staff.name.clone()));
            return view::render(&state, &signed, Some(error), StatusCode::BAD_REQUEST).await;
        }
    };
    if let Err(e) = state.service.set_profile(staff.id, &profile).await {
        return failure(e);
    }
    let detail = format!(
        "staff {}: {} / {} / {} / {}",
        staff.id,
        profile.organisation,
        profile.desk.map_or("-", Desk::as_str),
        profile.coverage,
        profile.capacity
    );
    audited(&state, &signed, "staff_profile", &detail).await
}

/// The profile a form asks for, or what is wrong with it. Organisation and contact reach
/// owners' chats: one line, without hidden controls, within their limits.
fn parse_profile(state: &AppState, form: &ProfileForm) -> Result<Profile, Msg> {
    let too_long = |e| too_long_msg(state, e);
    let organisation = one_line(&form.organisation);
    let contact = one_line(&form.contact);
    limits::ORGANISATION
        .check(&organisation)
        .map_err(too_long)?;
    limits::CONTACT.check(&contact).map_err(too_long)?;
    limits::COVERAGE.check(&form.coverage).map_err(too_long)?;
    // Refusals below echo these values: bounded too.
    for short in [&form.capacity, &form.desk] {
        limits::FILTER.check(short).map_err(too_long)?;
    }
    let coverage = Coverage::parse(form.coverage.trim())
        .map_err(|e| Msg::new("dash-staff-bad-coverage").text("value", e.0))?;
    let desk = match form.desk.trim() {
        "" => None,
        d => Some(Desk::parse(d).ok_or_else(|| Msg::new("dash-staff-bad-desk").text("value", d))?),
    };
    let capacity = form
        .capacity
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|c| *c <= 10_000)
        .ok_or_else(|| Msg::new("dash-staff-bad-capacity").text("value", form.capacity.trim()))?;
    let contact = Some(contact).filter(|c| !c.is_empty());
    Ok(Profile {
        organisation,
        desk,
        coverage,
        capacity,
        contact,
    })
}

/// Write the audit row of a change, then back to the list.
async fn audited(state: &AppState, signed: &Signed, action: &str, detail: &str) -> Response {
    let now = OffsetDateTime::now_utc();
    match store::audit::log(
        &state.service.store,
        signed.staff.id,
        action,
        None,
        detail,
        now,
    )
    .await
    {
        Ok(()) => Redirect::to("/staff").into_response(),
        Err(e) => failure(e),
    }
}

/// `POST /staff/{id}/disable`: never the admin's own account, nor the last active admin.
pub async fn disable(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let why = match state
        .service
        .disable_by_admin(staff.id, signed.staff.id)
        .await
    {
        Ok(()) => return Redirect::to("/staff").into_response(),
        Err(AccountError::LastAdmin) => Msg::new("dash-staff-last-admin"),
        Err(AccountError::OwnAccount) => Msg::new("dash-staff-own-account"),
        Err(e) => return account_failure(e),
    };
    refused(&state, &signed, &staff, &why).await
}

/// The staff page again, saying why a change to this account was not made.
async fn refused(state: &AppState, signed: &Signed, staff: &Staff, why: &Msg) -> Response {
    let error = Msg::new("dash-staff-not-saved")
        .text("name", staff.name.clone())
        .text("why", state.tm(why));
    view::render(
        state,
        signed,
        Some(state.tm(&error)),
        StatusCode::BAD_REQUEST,
    )
    .await
}

fn account_failure(e: AccountError) -> Response {
    match e {
        AccountError::Store(e) => failure(e),
        // The account went away meanwhile.
        AccountError::Unknown => StatusCode::NOT_FOUND.into_response(),
        AccountError::LastAdmin | AccountError::OwnAccount => {
            StatusCode::BAD_REQUEST.into_response()
        }
    }
}

/// `POST /staff/{id}/enable`
pub async fn enable(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if let Err(e) = state.service.enable_staff(staff.id).await {
        return failure(e);
    }
    audited(
        &state,
        &signed,
        "staff_enabled",
        &format!("staff {}", staff.id),
    )
    .await
}

/// `POST /staff/{id}/unlink`
pub async fn unlink(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match state.service.unlink_staff(staff.id, signed.staff.id).await {
        Ok(_) => Redirect::to("/staff").into_response(),
        Err(e) => failure(e),
    }
}

/// `POST /staff/{id}/link-code`: a new one-time code, shown once.
pub async fn link_code(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let code = match state
        .service
        .link_code(staff.id, state.telegram_bot.as_deref())
        .await
    {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    let now = OffsetDateTime::now_utc();
    let detail = format!("staff {}", staff.id);
    let store = &state.service.store;
    if let Err(e) = store::audit::log(
        store,
        signed.staff.id,
        "staff_link_code",
        None,
        &detail,
        now,
    )
    .await
    {
        return failure(e);
    }
    view::link_code(&state, &signed, &staff, &code).into_response()
}
