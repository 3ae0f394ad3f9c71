//! `GET /kampanye/{id}`: the notice as recipients get it, who it reaches, its state with
//! the buttons that state allows, and its results.

use super::fields::channel_text;
use super::results;
use super::text::{quiet_text, recipients_text, region_text, state_text};
use super::{actor, campaign_id, unseen};
use crate::campaigns::{Campaign, CampaignId, CampaignState, notice};
use crate::service::campaigns::Actor;
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::WebResult;
use crate::web::layout::page;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

/// `?ok=…`: which action just succeeded, to say so after the redirect.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    ok: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> WebResult {
    let actor = actor(&state, &signed)?;
    let id = campaign_id(&id)?;
    let note = done.ok.as_deref().and_then(done_text).map(|id| state.t(id));
    render(
        &state,
        &signed,
        &actor,
        id,
        Flash::Done(note),
        StatusCode::OK,
    )
    .await
}

/// A line above the page: what just worked, or why the last action was refused.
pub(super) enum Flash {
    Done(Option<String>),
    Refused(String),
}

fn done_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "test" => "dash-camp-done-test",
        "scheduled" => "dash-camp-done-scheduled",
        "paused" => "dash-camp-done-paused",
        "resumed" => "dash-camp-done-resumed",
        "cancelled" => "dash-camp-done-cancelled",
        _ => return None,
    })
}

pub(super) async fn render(
    state: &AppState,
    signed: &Signed,
    actor: &Actor,
    id: CampaignId,
    flash: Flash,
    status: StatusCode,
) -> WebResult {
    let service = &state.service;
    let campaign = service.campaign_for(id, actor).await.map_err(unseen)?;
    let results = service.campaign_results(id, actor).await.map_err(unseen)?;
    let now = OffsetDateTime::now_utc();
    // Before it starts, who it would reach now; after, the results count the recipients.
    let reach = match campaign.state {
        CampaignState::Draft | CampaignState::Scheduled => {
            Some(service.audience_size(&campaign.draft, now).await?)
        }
        _ => None,
    };
    let body = html! {
        @match &flash {
            Flash::Done(Some(text)) => { p.ok role="status" { (text) } },
            Flash::Done(None) => {},
            Flash::Refused(text) => { p.error role="alert" { (text) } },
        }
        (summary(state, &campaign))
        h2 { (state.t("dash-camp-actions")) }
        (super::actions::buttons(state, signed, &campaign))
        h2 { (state.t("dash-camp-preview")) }
        (preview(state, &campaign))
        h2 { (state.t("dash-camp-audience")) }
        (audience(state, &campaign, reach))
        h2 { (state.t("dash-camp-results")) }
        (results::section(state, &results))
        p {
            a href=(format!("/kampanye/{id}/hasil.xlsx")) { (state.t("dash-export-xlsx")) }
            " · "
            a href=(format!("/kampanye/{id}/hasil.csv")) { (state.t("dash-export-csv")) }
        }
        p { a href="/kampanye" { (state.t("dash-camp-back")) } }
    };
    let markup = page(state, &campaign.draft.name, Some(signed), body);
    Ok((status, markup).into_response())
}

fn summary(state: &AppState, c: &Campaign) -> Markup {
    let zone = c.draft.zone;
    let dash = || "—".to_owned();
    html! {
        dl.card {
            dt { (state.t("dash-camp-state")) } dd.state { (state_text(state, c.state)) }
            dt { (state.t("dash-camp-starts")) } dd { (c.starts_at.map(|at| zone.show(at)).unwrap_or_else(dash)) }
            dt { (state.t("dash-camp-zone")) } dd { (zone.as_str().to_uppercase()) }
            // Quiet hours hold in each recipient's own local time, not the campaign's zone.
            dt { (state.t("dash-camp-quiet")) } dd { (quiet_text(state, c.draft.quiet)) }
            dt { (state.t("dash-camp-tested")) }
            dd { @match c.tested_at { Some(at) => { (zone.show(at)) }, None => { (state.t("dash-camp-not-tested")) } } }
            dt { (state.t("dash-camp-made-for")) }
            dd { @match &c.region { Some(r) => { (region_text(state, r)) }, None => { (state.t("dash-camp-national")) } } }
            dt { (state.t("dash-camp-code")) } dd { code { (c.code) } }
        }
    }
}

/// The notice as a recipient sees it: picture, text, the button, and the template that
/// stands for it on WhatsApp outside the 24-hour window.
fn preview(state: &AppState, c: &Campaign) -> Markup {
    let message = notice(c, state.service.settings.bot_username.as_deref());
    html! {
        div.card.notice {
            @if let Some(image) = &message.image {
                img src=(image) alt=(state.t("dash-camp-image-alt")) loading="lazy" referrerpolicy="no-referrer";
            }
            p.notice-text { (message.text) }
            @for b in &message.buttons {
                @match &b.url {
                    Some(url) => { a.button href=(url) rel="noopener" { (b.label) } },
                    None => { span.button { (b.label) } },
                }
            }
        }
        @if let Some(t) = &c.draft.template {
            p.muted {
                (state.t("dash-camp-template")) ": " code { (t.name) } " (" (t.language) ")"
                @if !t.params.is_empty() { " · " (state.t("dash-camp-template-params")) ": " (t.params.join(" | ")) }
            }
        }
    }
}

fn audience(state: &AppState, c: &Campaign, reach: Option<i64>) -> Markup {
    let a = &c.draft.audience;
    let any = state.t("dash-camp-any");
    let list = |items: Vec<String>| {
        if items.is_empty() {
            any.clone()
        } else {
            items.join(", ")
        }
    };
    html! {
        dl.card {
            dt { (state.t("dash-col-region")) }
            dd { @match &a.region { Some(r) => { (region_text(state, r)) }, None => { (any) } } }
            dt { (state.t("dash-outcome")) }
            dd { (list(a.outcomes.iter().map(|o| crate::web::show::outcome(state, o.as_str())).collect())) }
            dt { (state.t("dash-col-category")) }
            dd { (list(a.categories.iter().map(|k| state.t(k.label_msg())).collect())) }
            dt { (state.t("dash-col-channel")) }
            dd { (a.channels().into_iter().map(|ch| channel_text(state, ch)).collect::<Vec<_>>().join(", ")) }
            dt { (state.t("dash-camp-active-days")) }
            dd { @match a.active_days { Some(d) => { (d) }, None => { (any) } } }
            dt { (state.t("dash-col-status")) }
            dd { (list(a.statuses.iter().map(|s| state.tm(&crate::labels::status(*s))).collect())) }
            @if let Some(n) = reach {
                dt { (state.t("dash-camp-reach-now")) } dd.reach { strong { (recipients_text(state, n)) } }
            }
        }
    }
}
