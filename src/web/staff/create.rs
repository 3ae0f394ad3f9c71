//! `POST /staff`: an admin adds an account and is shown a one-time link with which its owner
//! sets their own password; the admin never knows it.

use super::{form, password, view};
use crate::access::{IdentityError, StaffIdentity};
use crate::flow::Msg;
use crate::service::staff_accounts::NewAccount;
use crate::store;
use crate::web::AppState;
use crate::web::auth::{PasswordError, Signed, digest, token};
use crate::web::error::{WebError, WebResult, too_long_msg};
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct NewStaff {
    csrf: String,
    name: String,
    email: String,
    role: String,
    #[serde(default)]
    region: String,
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
    let (identity, access) = match read(&state, &form) {
        Ok(a) => a,
        Err(msg) => return refuse(&state, &signed, msg).await,
    };
    if store::staff::by_email(store, &identity.email)
        .await?
        .is_some()
    {
        let msg = Msg::new("dash-staff-email-taken").text("value", identity.email.clone());
        return refuse(&state, &signed, msg).await;
    }
    // A real hash of a secret nobody keeps: signing in before the link is used costs what
    // any wrong password costs, so it tells nothing.
    let placeholder_hash = match state.passwords.hash(token()).await {
        Ok(hash) => hash,
        Err(PasswordError::Busy) => return Err(WebError::Status(StatusCode::SERVICE_UNAVAILABLE)),
        Err(PasswordError::Failed(_)) => {
            return Err(WebError::Status(StatusCode::INTERNAL_SERVER_ERROR));
        }
    };
    let secret = token();
    let new = NewAccount {
        identity: &identity,
        access: &access,
        placeholder_hash: &placeholder_hash,
    };
    let (_, expires) = state
        .service
        .add_account(&new, &digest(&secret), signed.staff.id)
        .await?;
    let shown = password::Shown {
        name: &identity.name,
        email: &identity.email,
        secret: &secret,
        expires,
        new_account: true,
    };
    Ok(password::link_page(&state, &signed, &shown).into_response())
}

fn read(
    state: &AppState,
    form: &NewStaff,
) -> Result<(StaffIdentity, crate::service::staff_accounts::Access), Msg> {
    let identity = StaffIdentity::parse(&form.name, &form.email).map_err(|e| match e {
        IdentityError::TooLong(e) => too_long_msg(state, e),
        IdentityError::NoName | IdentityError::BadEmail => Msg::new("dash-staff-new-missing"),
    })?;
    let access = form::read_access(state, &form.role, &form.region)?;
    Ok((identity, access))
}

async fn refuse(state: &AppState, signed: &Signed, msg: Msg) -> WebResult {
    let error = state.tm(&msg);
    Ok(view::render(state, signed, Some(error), StatusCode::BAD_REQUEST).await)
}
