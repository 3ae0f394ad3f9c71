//! Status, notes and assignment: each checked against the session's CSRF token and the scope.

use super::failure;
use crate::access::{LeadStatus, Role, StaffId, parse_lead_id};
use crate::limits;
use crate::store::dashboard::{self, Audit};
use crate::store::{self, StoreError};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::WebError;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::OffsetDateTime;

#[derive(Deserialize)]
pub struct StatusForm {
    csrf: String,
    status: String,
    reason: Option<String>,
}

pub async fn set_status(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Response {
    if let Err(s) = signed.check_csrf(&form.csrf) {
        return s.into_response();
    }
    let (Some(id), Some(status)) = (parse_lead_id(&id), LeadStatus::parse(&form.status)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let reason = form
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if status == LeadStatus::TidakDilanjutkan && reason.is_none() {
        return (StatusCode::BAD_REQUEST, state.t("dash-reason-required")).into_response();
    }
    if let Some(Err(e)) = reason.map(|r| limits::STATUS_REASON.check(r)) {
        return WebError::too_long(&state, &signed, e, &format!("/leads/{id}")).into_response();
    }
    let detail = format!(
        "{}{}",
        status.as_str(),
        reason.map(|r| format!(": {r}")).unwrap_or_default()
    );
    let audit = Audit {
        staff: signed.staff.id,
        action: "status",
        detail: &detail,
        at: OffsetDateTime::now_utc(),
    };
    done(
        id,
        dashboard::set_status(
            &state.service.store,
            &signed.staff.scope(),
            id,
            status,
            reason,
            audit,
        )
        .await,
    )
}

#[derive(Deserialize)]
pub struct NoteForm {
    csrf: String,
    body: String,
}

pub async fn add_note(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> Response {
    if let Err(s) = signed.check_csrf(&form.csrf) {
        return s.into_response();
    }
    let Some(id) = parse_lead_id(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body = form.body.trim();
    if body.is_empty() {
        return StatusCode::BAD_REQUEST.into_response();
    }
    if let Err(e) = limits::NOTE.check(body) {
        return WebError::too_long(&state, &signed, e, &format!("/leads/{id}")).into_response();
    }
    let audit = Audit {
        staff: signed.staff.id,
        action: "note",
        detail: "",
        at: OffsetDateTime::now_utc(),
    };
    done(
        id,
        dashboard::add_note(&state.service.store, &signed.staff.scope(), id, body, audit).await,
    )
}

#[derive(Deserialize)]
pub struct AssignForm {
    csrf: String,
    consultant: i64,
}

pub async fn assign(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<AssignForm>,
) -> Response {
    if let Err(s) = signed.check_csrf(&form.csrf) {
        return s.into_response();
    }
    let Some(id) = parse_lead_id(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if signed.staff.role == Role::Konsultan {
        return StatusCode::NOT_FOUND.into_response();
    }
    let store = &state.service.store;
    let lead = match dashboard::detail(store, &signed.staff.scope(), id).await {
        Ok(Some(lead)) => lead,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(e),
    };
    let consultant = StaffId(form.consultant);
    match store::staff::get(store, consultant).await {
        Ok(Some(c)) if super::page::may_take(&c, &lead.summary.region_code) => {}
        Ok(_) => {
            return (StatusCode::BAD_REQUEST, state.t("dash-ref-not-covering")).into_response();
        }
        Err(e) => return failure(e),
    }
    let detail = format!("konsultan {consultant}");
    let audit = Audit {
        staff: signed.staff.id,
        action: "assign",
        detail: &detail,
        at: OffsetDateTime::now_utc(),
    };
    done(
        id,
        dashboard::assign(
            &state.service.store,
            &signed.staff.scope(),
            id,
            consultant,
            audit,
        )
        .await,
    )
}

fn done(id: crate::domain::LeadId, result: Result<bool, StoreError>) -> Response {
    match result {
        Ok(true) => Redirect::to(&format!("/leads/{id}")).into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => failure(e),
    }
}
