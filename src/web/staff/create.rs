//! `POST /staff`: an admin adds a dinas, konsultan or outreach account with a first
//! password (at least 12 characters, as for the first admin), and tells its owner.

use super::view;
use crate::access::{IdentityError, Profile, Role, StaffIdentity};
use crate::flow::Msg;
use crate::limits;
use crate::reference::RegionCode;
use crate::store;
use crate::web::AppState;
use crate::web::auth::{PasswordError, Signed};
use crate::web::error::{WebError, WebResult, too_long_msg};
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use time::OffsetDateTime;

/// Roles an admin may give here; another admin is still made with `pandu staff add`.
pub(super) const ROLES: [Role; 3] = [Role::Dinas, Role::Konsultan, Role::Outreach];

#[derive(Deserialize)]
pub struct NewStaff {
    csrf: String,
    name: String,
    email: String,
    role: String,
    #[serde(default)]
    region: String,
    password: String,
}

/// What the form asks for, read and checked.
struct Account {
    name: String,
    email: String,
    role: Role,
    region: Option<RegionCode>,
}

pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<NewStaff>,
) -> WebResult {
    signed.check_csrf(&form.csrf)?;
    if !signed.is_admin() {
        return Err(WebError::not_found());
    }
    let store = &state.service.store;
    let account = match read(&state, &form) {
        Ok(a) => a,
        Err(msg) => return refuse(&state, &signed, msg).await,
    };
    if store::staff::by_email(store, &account.email)
        .await?
        .is_some()
    {
        let msg = Msg::new("dash-staff-email-taken").text("value", account.email.clone());
        return refuse(&state, &signed, msg).await;
    }
    let hash = match state.passwords.hash(form.password.clone()).await {
        Ok(hash) => hash,
        Err(PasswordError::Busy) => return Err(WebError::Status(StatusCode::SERVICE_UNAVAILABLE)),
        Err(PasswordError::Failed(_)) => {
            return Err(WebError::Status(StatusCode::INTERNAL_SERVER_ERROR));
        }
    };
    let now = OffsetDateTime::now_utc();
    let (role, region) = (account.role, account.region.as_ref());
    let id = store::staff::add(
        store,
        &account.email,
        &account.name,
        role,
        region,
        &hash,
        now,
    )
    .await?;
    // The same starting profile as `pandu staff add`; a konsultan's is edited below it.
    let profile = Profile {
        capacity: 10,
        ..Profile::default()
    };
    state.service.set_profile(id, &profile).await?;
    let detail = format!(
        "staff {id}: {} {}",
        role.as_str(),
        region.map_or("-", RegionCode::as_str)
    );
    store::audit::log(store, signed.staff.id, "staff_added", None, &detail, now).await?;
    Ok(Redirect::to("/staff").into_response())
}

fn read(state: &AppState, form: &NewStaff) -> Result<Account, Msg> {
    let too_long = |e| too_long_msg(state, e);
    let StaffIdentity { name, email } =
        StaffIdentity::parse(&form.name, &form.email).map_err(|e| match e {
            IdentityError::TooLong(e) => too_long(e),
            IdentityError::NoName | IdentityError::BadEmail => {
                Msg::new("dash-staff-new-incomplete")
            }
        })?;
    limits::PASSWORD.check(&form.password).map_err(too_long)?;
    // Refusals below echo these values: bounded too.
    for short in [&form.region, &form.role] {
        limits::FILTER.check(short).map_err(too_long)?;
    }
    if form.password.chars().count() < 12 {
        return Err(Msg::new("dash-staff-new-incomplete"));
    }
    let role = Role::parse(&form.role)
        .filter(|r| ROLES.contains(r))
        .ok_or_else(|| Msg::new("dash-staff-bad-role").text("value", form.role.clone()))?;
    let region = match form.region.trim() {
        "" => None,
        typed => {
            let bad = || Msg::new("dash-staff-bad-region").text("value", typed.to_owned());
            let code = RegionCode::parse(typed).map_err(|_| bad())?;
            state
                .service
                .reference
                .regions
                .name_of(&code)
                .ok_or_else(bad)?;
            Some(code)
        }
    };
    // A dinas account without a region would see nothing (see `Staff::scope`).
    if role == Role::Dinas && region.is_none() {
        return Err(Msg::new("dash-staff-dinas-region"));
    }
    Ok(Account {
        name,
        email,
        role,
        region,
    })
}

async fn refuse(state: &AppState, signed: &Signed, msg: Msg) -> WebResult {
    let error = state.tm(&msg);
    Ok(view::render(state, signed, Some(error), StatusCode::BAD_REQUEST).await)
}
