//! The funnel and the audit log.

use super::AppState;
use super::auth::Signed;
use super::error::WebError;
use super::layout::page;
use super::leads::{ListQuery, describe};
use super::show;
use crate::store;
use crate::store::dashboard;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Deserialize;
use std::collections::HashMap;

fn failure(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "dashboard report failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

pub async fn funnel(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ListQuery>,
) -> Response {
    if let Err(e) = query.check() {
        return WebError::too_long(&state, &signed, e, "/funnel").into_response();
    }
    let store = &state.service.store;
    let funnel = match dashboard::funnel(
        store,
        &signed.staff.scope(),
        &query.filter(show::office_zone(&signed.staff)),
    )
    .await
    {
        Ok(f) => f,
        Err(e) => return failure(e),
    };
    let mut stages: Vec<(String, i64)> = Vec::new();
    if signed.is_admin() {
        stages.push((state.t("dash-funnel-started"), funnel.started));
        stages.push((state.t("dash-funnel-declined"), funnel.declined));
    }
    stages.extend([
        (state.t("dash-funnel-outcome"), funnel.leads),
        (state.t("dash-funnel-documents"), funnel.documents_complete),
        (state.t("dash-funnel-referred"), funnel.referred),
        (state.t("dash-funnel-certified"), funnel.certified),
    ]);
    page(&state, &state.t("dash-funnel-title"), Some(&signed), html! {
        form.filters method="get" action="/funnel" {
            label { (state.t("dash-col-region")) input name="region" value=[query.region.as_deref()]; }
            label { (state.t("dash-from")) input type="date" name="from" value=[query.from.as_deref()]; }
            label { (state.t("dash-to")) input type="date" name="to" value=[query.to.as_deref()]; }
            button.primary type="submit" { (state.t("dash-filter")) }
        }
        div.card { (bars(&stages)) }
        table {
            thead { tr { th { (state.t("dash-stage")) } th { (state.t("dash-count")) } } }
            tbody { @for (name, n) in &stages { tr { td { (name) } td { (n) } } } }
        }
        @if !funnel.waiting_at.is_empty() {
            h2 { (state.t("dash-dropoff")) }
            table {
                thead { tr { th { (state.t("dash-question")) } th { (state.t("dash-count")) } } }
                tbody { @for (step, n) in &funnel.waiting_at { tr { td { (show::step(&state, step)) } td { (n) } } } }
            }
        }
    })
    .into_response()
}

/// A horizontal bar chart as inline SVG: no JavaScript, prints well.
fn bars(stages: &[(String, i64)]) -> Markup {
    let max = stages.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let height = stages.len() * 34 + 10;
    let mut svg = format!(
        "<svg role=\"img\" viewBox=\"0 0 640 {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (name, n)) in stages.iter().enumerate() {
        let y = i * 34 + 5;
        let width = (*n as f64 / max * 380.0).round();
        let name = maud::html! { (name) }.into_string();
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{name}</text><rect x=\"200\" y=\"{y}\" width=\"{width}\" height=\"24\" fill=\"#16a34a\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\">{n}</text>",
            y + 17,
            205.0 + width,
            y + 17
        ));
    }
    svg.push_str("</svg>");
    PreEscaped(svg)
}

/// The audit page's query string: the id the page starts below.
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    before: Option<String>,
}

/// Entries on a page of the audit log.
const AUDIT_PAGE: i64 = 50;

pub async fn audit(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<AuditQuery>,
) -> Response {
    // Admins only; others are told nothing exists here.
    if !signed.is_admin() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let before = match query.before.as_deref().map(str::parse::<i64>) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let store = &state.service.store;
    let (found, staff) = match tokio::join!(
        store::audit::page(store, before, AUDIT_PAGE),
        store::staff::list(store)
    ) {
        (Ok(p), Ok(s)) => (p, s),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    let names: HashMap<_, _> = staff.into_iter().map(|s| (s.id, s.name)).collect();
    let zone = show::office_zone(&signed.staff);
    page(&state, &state.t("dash-nav-audit"), Some(&signed), html! {
        table {
            thead { tr { th { (state.t("dash-col-date")) } th { (state.t("dash-email")) } th { (state.t("dash-action")) } th { (state.t("dash-col-lead")) } th { "" } } }
            tbody { @for e in &found.entries { tr.audit {
                @let (who, action, detail) = describe(&state, &names, &e.who, &e.action, &e.detail);
                td { (show::when(&state, zone, e.at)) } td { (who) } td { (action) }
                td { @if let Some(l) = e.lead { a href=(format!("/leads/{l}")) { "#" (l) } } }
                td { (detail) }
            } } }
        }
        p {
            @if before.is_some() { a href="/audit" { (state.t("dash-newest")) } " " }
            @if let Some(older) = found.older {
                a href=(format!("/audit?before={older}")) { (state.t("dash-older")) }
            }
        }
    })
    .into_response()
}
