//! Referrals on the dashboard: "Rujukan saya" for a consultant (answer offers, see what
//! they accepted), and the overview for admins and the dinas, at the same address.

mod mine;
mod overview;

use super::AppState;
use super::auth::Signed;
use super::layout::page;
use super::leads::failure;
use crate::access::Role;
use crate::flow::Msg;
use crate::referrals::{Answer, DeclineReason, OfferId, RefButton, ReferralState};
use crate::service::Answered;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

/// `GET /rujukan`: what this role does with referrals.
pub async fn index(State(state): State<AppState>, signed: Signed) -> Response {
    match signed.staff.role {
        Role::Konsultan => mine::page(&state, &signed).await,
        Role::Admin | Role::Dinas | Role::Outreach => overview::page(&state, &signed).await,
    }
}

#[derive(Deserialize)]
pub struct AcceptForm {
    csrf: String,
}

#[derive(Deserialize)]
pub struct DeclineForm {
    csrf: String,
    reason: String,
}

/// `POST /rujukan/{offer}/terima`
pub async fn accept(
    State(state): State<AppState>,
    signed: Signed,
    Path(offer): Path<String>,
    Form(form): Form<AcceptForm>,
) -> Response {
    if let Err(s) = signed.check_csrf(&form.csrf) {
        return s.into_response();
    }
    let Some(offer) = offer_id(&offer).filter(|_| is_consultant(&signed)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    answer(&state, &signed, RefButton::Accept(offer)).await
}

/// `POST /rujukan/{offer}/tolak`
pub async fn decline(
    State(state): State<AppState>,
    signed: Signed,
    Path(offer): Path<String>,
    Form(form): Form<DeclineForm>,
) -> Response {
    if let Err(s) = signed.check_csrf(&form.csrf) {
        return s.into_response();
    }
    let Some(offer) = offer_id(&offer).filter(|_| is_consultant(&signed)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(reason) = DeclineReason::parse(&form.reason) else {
        return (StatusCode::BAD_REQUEST, state.t("dash-ref-reason-required")).into_response();
    };
    answer(&state, &signed, RefButton::Decline(offer, Some(reason))).await
}

fn is_consultant(signed: &Signed) -> bool {
    signed.staff.role == Role::Konsultan
}

fn offer_id(s: &str) -> Option<OfferId> {
    s.parse().ok().filter(|n: &i64| *n > 0).map(OfferId)
}

async fn answer(state: &AppState, signed: &Signed, button: RefButton) -> Response {
    match state.service.answer_on_web(signed.staff.id, button).await {
        Ok(Answered::Accepted | Answered::Declined | Answered::AskedReason) => {
            Redirect::to("/rujukan").into_response()
        }
        Ok(Answered::TooLate(_)) => too_late(state, signed),
        Ok(Answered::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => failure(e),
    }
}

/// The offer was answered, expired or moved on before this answer came.
fn too_late(state: &AppState, signed: &Signed) -> Response {
    let body = html! {
        p { (state.t("dash-ref-too-late")) }
        p { a href="/rujukan" { (state.t("dash-ref-back")) } }
    };
    let title = state.t("dash-ref-too-late-title");
    (
        StatusCode::CONFLICT,
        page(state, &title, Some(signed), body),
    )
        .into_response()
}

pub(super) fn state_text(state: &AppState, code: &str) -> String {
    let id = match ReferralState::parse(code) {
        Some(ReferralState::Waiting) => "dash-ref-state-waiting",
        Some(ReferralState::Offered) => "dash-ref-state-offered",
        Some(ReferralState::Accepted) => "dash-ref-state-accepted",
        Some(ReferralState::Escalated) => "dash-ref-state-escalated",
        Some(ReferralState::Withdrawn) => "dash-ref-state-withdrawn",
        None => return code.to_owned(),
    };
    state.t(id)
}

pub(super) fn answer_text(state: &AppState, code: Option<&str>) -> String {
    let id = match code.map(Answer::parse) {
        None => "dash-ref-answer-none",
        Some(Some(Answer::Accepted)) => "dash-ref-answer-accepted",
        Some(Some(Answer::Declined)) => "dash-ref-answer-declined",
        Some(Some(Answer::Expired)) => "dash-ref-answer-expired",
        Some(Some(Answer::Withdrawn)) => "dash-ref-answer-withdrawn",
        Some(None) => return code.unwrap_or_default().to_owned(),
    };
    state.t(id)
}

pub(super) fn reason_id(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::Full => "dash-ref-reason-penuh",
        DeclineReason::OutsideArea => "dash-ref-reason-wilayah",
        DeclineReason::NotMyField => "dash-ref-reason-bidang",
        DeclineReason::Other => "dash-ref-reason-lain",
    }
}

/// A stored decline reason in words; an unknown one as it is.
pub(super) fn reason_text(state: &AppState, code: &str) -> String {
    DeclineReason::parse(code).map_or_else(|| code.to_owned(), |r| state.t(reason_id(r)))
}

/// A duration in hours and minutes, in words.
pub(super) fn duration_text(state: &AppState, millis: i64) -> String {
    let minutes = millis / 60_000;
    let msg = match (minutes / 60, minutes % 60) {
        (0, 0) => Msg::new("dash-ref-duration-short"),
        (0, m) => Msg::new("dash-ref-duration-m").num("m", m),
        (h, m) => Msg::new("dash-ref-duration-hm").num("h", h).num("m", m),
    };
    state.tm(&msg)
}
