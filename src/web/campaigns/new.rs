//! `/kampanye/baru`: write a campaign, count who it reaches, save it as a draft.

use super::fields::{Shown, render};
use super::form::DraftForm;
use super::text::{recipients_text, rule_text};
use super::{actor, refused};
use crate::campaigns::CampaignError;
use crate::service::campaigns::Actor;
use crate::store;
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::WebResult;
use crate::web::layout::page;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use time::OffsetDateTime;

/// `GET /kampanye/baru`
pub async fn new_form(State(state): State<AppState>, signed: Signed) -> WebResult {
    let actor = actor(&state, &signed)?;
    let form = DraftForm::fresh(actor.region.as_ref());
    Ok(answer(
        &state,
        &signed,
        &actor,
        &form,
        None,
        None,
        StatusCode::OK,
    ))
}

/// `POST /kampanye/baru`: "Hitung penerima" shows the count on the form again; the other
/// button saves the draft and opens its page.
pub async fn create(
    State(state): State<AppState>,
    signed: Signed,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let actor = actor(&state, &signed)?;
    let form = DraftForm::from_pairs(pairs);
    signed.check_csrf(&form.csrf)?;
    let refuse = |error: String| {
        let status = StatusCode::BAD_REQUEST;
        Ok(answer(
            &state,
            &signed,
            &actor,
            &form,
            Some(error),
            None,
            status,
        ))
    };
    let draft = match form.draft(&state.service.reference.regions) {
        Ok(draft) => draft,
        Err(msg) => return refuse(state.tm(&msg)),
    };
    let now = OffsetDateTime::now_utc();
    if form.action == "count" {
        // Only the audience matters for a count, but never one outside the officer's region.
        if !draft.audience.within(actor.region.as_ref()) {
            return refuse(rule_text(&state, &CampaignError::OutsideRegion));
        }
        let n = state.service.audience_size(&draft, now).await?;
        let count = Some(recipients_text(&state, n));
        return Ok(answer(
            &state,
            &signed,
            &actor,
            &form,
            None,
            count,
            StatusCode::OK,
        ));
    }
    let id = match state.service.create_campaign(&draft, &actor, now).await {
        Ok(id) => id,
        Err(e) => return refuse(rule_text(&state, &refused(e)?)),
    };
    let detail = format!("campaign {id}");
    store::audit::log(
        &state.service.store,
        signed.staff.id,
        "campaign_create",
        None,
        &detail,
        now,
    )
    .await?;
    Ok(Redirect::to(&format!("/kampanye/{id}")).into_response())
}

fn answer(
    state: &AppState,
    signed: &Signed,
    actor: &Actor,
    form: &DraftForm,
    error: Option<String>,
    count: Option<String>,
    status: StatusCode,
) -> axum::response::Response {
    let shown = Shown {
        csrf: &signed.csrf,
        reach: actor.region.as_ref(),
        error,
        count,
    };
    let body = render(state, form, &shown);
    let title = state.t("dash-camp-new-title");
    (status, page(state, &title, Some(signed), body)).into_response()
}
