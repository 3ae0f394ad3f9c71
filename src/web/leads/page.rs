//! One lead's page: what staff read, and the forms to act on it.

use super::cards::{self, Read};
use crate::access::{LeadStatus, Role, Staff, StaffId, parse_lead_id};
use crate::campaigns::Zone;
use crate::flow::answers::OwnerQuestion;
use crate::labels;
use crate::limits;
use crate::reference::RegionCode;
use crate::store::dashboard::referrals as refs;
use crate::store::dashboard::{TimelineCursor, TimelinePage};
use crate::store::{self, dashboard};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::{WebError, WebResult};
use crate::web::layout::page;
use crate::web::show::{self, office_zone};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::{Markup, html};
use serde::Deserialize;
use std::collections::HashMap;
use time::OffsetDateTime;

/// The lead page's query string: where the timeline's page starts.
#[derive(Debug, Default, Deserialize)]
pub struct DetailQuery {
    before: Option<String>,
}

pub async fn detail(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Query(query): Query<DetailQuery>,
) -> WebResult {
    let store = &state.service.store;
    let id = parse_lead_id(&id).ok_or_else(WebError::not_found)?;
    let before = match query.before.as_deref().map(TimelineCursor::parse) {
        None => None,
        Some(Some(cursor)) => Some(cursor),
        Some(None) => return Err(StatusCode::BAD_REQUEST.into()),
    };
    let scope = signed.staff.scope();
    let lead = dashboard::detail(store, &scope, id)
        .await?
        .ok_or_else(WebError::not_found)?;
    let conversation = crate::domain::ConversationId(lead.conversation_id);
    let (documents, timeline, staff, lead_referral, offers, thread) = tokio::try_join!(
        store::documents::list_for(store, conversation),
        dashboard::timeline(store, id, before, super::PAGE_SIZE),
        store::staff::list(store),
        refs::of_lead(store, id),
        refs::offers_of_lead(store, id),
        store::thread::of_lead(store, id, super::thread::SHOWN),
    )?;
    let now = OffsetDateTime::now_utc();
    let _ = store::audit::log(store, signed.staff.id, "lead_view", Some(id), "", now).await;
    let names: HashMap<StaffId, String> = staff.iter().map(|s| (s.id, s.name.clone())).collect();
    let consultants = covering(&staff, &lead.summary.region_code);
    let l = &lead.summary;
    let zone = office_zone(&signed.staff);
    let read = Read::of(&lead);
    let questions: Vec<OwnerQuestion> =
        serde_json::from_str(&lead.owner_questions).unwrap_or_default();
    let can_act = signed.staff.role != Role::Konsultan || l.assigned_to == Some(signed.staff.id.0);
    let body = html! {
        div.grid {
            (cards::contact(&state, &lead))
            (cards::outcome(&state, &lead, &read))
        }
        (super::thread::thread_card(&state, &signed, &lead, &questions, &thread, can_act))
        (cards::answers(&state, &read.answers))
        (cards::documents(&state, l.id.0, &read.checklist, &documents))
        div.card {
            h2 { (state.t("dash-consent")) }
            p { (state.t("dash-consent-version")) " " (lead.consent_version) " · " (show::when(&state, zone, lead.consented_at)) }
        }
        (super::referral::card(&state, zone, lead_referral.as_ref(), &offers))
        @if can_act { (actions(&state, &signed, l.id, &consultants)) }
        (timeline_card(&state, zone, &names, l.id, &timeline, before.is_some()))
    };
    Ok(page(&state, &l.business_name, Some(&signed), body).into_response())
}

/// The timeline's page, newest first, with links to the older entries and back to the newest.
fn timeline_card(
    state: &AppState,
    zone: Zone,
    names: &HashMap<StaffId, String>,
    id: crate::domain::LeadId,
    timeline: &TimelinePage,
    deeper: bool,
) -> Markup {
    html! {
        div.card id="timeline" {
            h2 { (state.t("dash-timeline")) }
            table { @for e in &timeline.entries {
                @let (who, action, detail) = super::referral::timeline_row(state, names, e);
                tr.timeline { td { (show::when(state, zone, e.at)) } td { (who) } td { (action) } td { (detail) } }
            } }
            p {
                @if deeper { a href=(format!("/leads/{id}#timeline")) { (state.t("dash-newest")) } " " }
                @if let Some(older) = timeline.older {
                    a href=(format!("/leads/{id}?before={older}#timeline")) { (state.t("dash-older")) }
                }
            }
        }
    }
}

/// Active consultants whose coverage includes the lead's region: the only ones it may be
/// assigned to.
fn covering<'a>(staff: &'a [Staff], region: &str) -> Vec<&'a Staff> {
    staff.iter().filter(|s| may_take(s, region)).collect()
}

/// An active consultant whose coverage includes this region.
pub(super) fn may_take(staff: &Staff, region: &str) -> bool {
    let covered =
        RegionCode::parse(region).is_ok_and(|r| staff.profile.coverage.covers(&r).is_some());
    staff.role == Role::Konsultan && !staff.disabled && covered
}

fn actions(
    state: &AppState,
    signed: &Signed,
    id: crate::domain::LeadId,
    consultants: &[&Staff],
) -> Markup {
    html! {
        div.grid {
            form.card method="post" action=(format!("/leads/{id}/status")) {
                h2 { (state.t("dash-change-status")) }
                input type="hidden" name="csrf" value=(signed.csrf);
                select name="status" { @for s in LeadStatus::ALL { option value=(s.as_str()) { (state.tm(&labels::status(s))) } } }
                input name="reason" maxlength=(limits::STATUS_REASON.max) placeholder=(state.t("dash-reason"));
                button.primary type="submit" { (state.t("dash-save")) }
            }
            form.card method="post" action=(format!("/leads/{id}/notes")) {
                h2 { (state.t("dash-add-note")) }
                input type="hidden" name="csrf" value=(signed.csrf);
                textarea name="body" rows="3" required maxlength=(limits::NOTE.max) {}
                button.primary type="submit" { (state.t("dash-save")) }
            }
            @if signed.staff.role != Role::Konsultan {
                form.card method="post" action=(format!("/leads/{id}/assign")) {
                    h2 { (state.t("dash-assign")) }
                    input type="hidden" name="csrf" value=(signed.csrf);
                    @if consultants.is_empty() {
                        p.muted { (state.t("dash-ref-no-covering")) }
                    } @else {
                        select name="consultant" { @for c in consultants { option value=(c.id.0) { (c.name) " · " (c.profile.organisation) } } }
                        button.primary type="submit" { (state.t("dash-save")) }
                    }
                }
            }
        }
    }
}
