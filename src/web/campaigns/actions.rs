//! The buttons on a campaign's page and what they do: test send, schedule (or start now),
//! pause, resume, cancel. Each is shown only in a state that allows it; the service checks
//! again, so a second click or a stale page is told politely instead of acting twice.

use super::page::{Flash, render};
use super::text::rule_text;
use super::{actor, campaign_id, refused, unseen};
use crate::campaigns::{Campaign, CampaignError, CampaignId, CampaignState};
use crate::service::campaigns::{Actor, OutreachError, TestTo};
use crate::store;
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::WebResult;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

pub(super) fn buttons(state: &AppState, signed: &Signed, c: &Campaign) -> Markup {
    let form = |action: &str, label: &'static str| {
        html! {
            form method="post" action=(format!("/kampanye/{}/{action}", c.id)) {
                input type="hidden" name="csrf" value=(signed.csrf);
                button type="submit" { (state.t(label)) }
            }
        }
    };
    let s = c.state;
    html! {
        div.actions {
            @if s == CampaignState::Draft {
                (form("uji", "dash-camp-test"))
                form.schedule method="post" action=(format!("/kampanye/{}/jadwal", c.id)) {
                    input type="hidden" name="csrf" value=(signed.csrf);
                    label { (state.t("dash-camp-start-at")) " (" (c.draft.zone.as_str().to_uppercase()) ")"
                        input type="datetime-local" name="at"; }
                    button.primary type="submit" name="when" value="at" { (state.t("dash-camp-schedule")) }
                    button type="submit" name="when" value="now" { (state.t("dash-camp-start-now")) }
                }
            }
            @if matches!(s, CampaignState::Scheduled | CampaignState::Running) { (form("jeda", "dash-camp-pause")) }
            @if s == CampaignState::Paused { (form("lanjut", "dash-camp-resume")) }
            @if s.is_open() { (form("batal", "dash-camp-cancel")) }
        }
        @if s == CampaignState::Draft && c.tested_at.is_none() {
            p.muted { (state.t("dash-camp-test-first")) }
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    csrf: String,
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    csrf: String,
    #[serde(default)]
    at: String,
    /// "now" for "Mulai sekarang"; otherwise the time in `at`.
    #[serde(default)]
    when: String,
}

/// `POST /kampanye/{id}/uji`: the notice to the officer's own linked chat.
pub async fn test_send(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> WebResult {
    let (actor, id) = begin(&state, &signed, &id, &form.csrf)?;
    let now = OffsetDateTime::now_utc();
    let done = state
        .service
        .test_campaign(id, &actor, TestTo::LinkedChat, now)
        .await;
    finish(&state, &signed, &actor, id, done, "test").await
}

/// `POST /kampanye/{id}/jadwal`: at a time typed in the campaign's zone, or now.
pub async fn schedule(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<ScheduleForm>,
) -> WebResult {
    let (actor, id) = begin(&state, &signed, &id, &form.csrf)?;
    let service = &state.service;
    let campaign = service.campaign_for(id, &actor).await.map_err(unseen)?;
    let at = if form.when == "now" {
        None
    } else {
        match campaign.draft.zone.parse_local(&form.at) {
            Some(at) => Some(at),
            None => {
                let flash = Flash::Refused(state.t("dash-camp-bad-time"));
                return render(&state, &signed, &actor, id, flash, StatusCode::BAD_REQUEST).await;
            }
        }
    };
    let now = OffsetDateTime::now_utc();
    let checker = &service.template_checker;
    let done = service
        .start_campaign(id, at, &actor, checker, now)
        .await
        .map(|_| ());
    finish(&state, &signed, &actor, id, done, "scheduled").await
}

/// `POST /kampanye/{id}/jeda`
pub async fn pause(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> WebResult {
    let (actor, id) = begin(&state, &signed, &id, &form.csrf)?;
    let now = OffsetDateTime::now_utc();
    let done = state.service.pause_campaign(id, &actor, now).await;
    finish(&state, &signed, &actor, id, done, "paused").await
}

/// `POST /kampanye/{id}/lanjut`
pub async fn resume(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> WebResult {
    let (actor, id) = begin(&state, &signed, &id, &form.csrf)?;
    let now = OffsetDateTime::now_utc();
    let done = state.service.resume_campaign(id, &actor, now).await;
    finish(&state, &signed, &actor, id, done, "resumed").await
}

/// `POST /kampanye/{id}/batal`
pub async fn cancel(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> WebResult {
    let (actor, id) = begin(&state, &signed, &id, &form.csrf)?;
    let now = OffsetDateTime::now_utc();
    let done = state.service.cancel_campaign(id, &actor, now).await;
    finish(&state, &signed, &actor, id, done, "cancelled").await
}

/// The role, the token and the id, checked before anything is done.
fn begin(
    state: &AppState,
    signed: &Signed,
    id: &str,
    csrf: &str,
) -> Result<(Actor, CampaignId), crate::web::error::WebError> {
    let actor = actor(state, signed)?;
    signed.check_csrf(csrf)?;
    Ok((actor, campaign_id(id)?))
}

/// Done: audited, then back to the page saying so (a reload does not repeat it). Refused:
/// the page again with the reason.
async fn finish(
    state: &AppState,
    signed: &Signed,
    actor: &Actor,
    id: CampaignId,
    done: Result<(), OutreachError>,
    what: &'static str,
) -> WebResult {
    let rule = match done {
        Ok(()) => {
            let now = OffsetDateTime::now_utc();
            let action = format!("campaign_{what}");
            let detail = format!("campaign {id}");
            let store = &state.service.store;
            store::audit::log(store, signed.staff.id, &action, None, &detail, now).await?;
            return Ok(Redirect::to(&format!("/kampanye/{id}?ok={what}")).into_response());
        }
        Err(e) => refused(e)?,
    };
    let status = match rule {
        CampaignError::State(_) | CampaignError::NotTested => StatusCode::CONFLICT,
        _ => StatusCode::BAD_REQUEST,
    };
    let flash = Flash::Refused(rule_text(state, &rule));
    render(state, signed, actor, id, flash, status).await
}
