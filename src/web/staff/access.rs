//! `POST /staff/{id}/access`: an admin changes an account's role and region. The account
//! sees by them from its next page; the last active admin keeps the role.

use super::{form, refused, target};
use crate::flow::Msg;
use crate::service::staff_accounts::AccountError;
use crate::web::AppState;
use crate::web::auth::Signed;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct AccessForm {
    csrf: String,
    role: String,
    #[serde(default)]
    region: String,
}

pub async fn set_access(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<AccessForm>,
) -> Response {
    let staff = match target(&state, &signed, &form.csrf, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let access = match form::read_access(&state, &form.role, &form.region) {
        Ok(a) => a,
        Err(why) => return refused(&state, &signed, &staff, &why).await,
    };
    match state
        .service
        .set_access(staff.id, &access, signed.staff.id)
        .await
    {
        // An admin who gave up their own role no longer sees this page.
        Ok(()) if staff.id == signed.staff.id => Redirect::to("/").into_response(),
        Ok(()) => Redirect::to("/staff").into_response(),
        Err(AccountError::LastAdmin) => {
            refused(&state, &signed, &staff, &Msg::new("dash-staff-last-admin")).await
        }
        Err(e) => super::account_failure(e),
    }
}
