//! The leads list, one lead's page, and the actions on it.

use super::AppState;
use super::auth::Signed;
use super::layout::page;
use crate::access::{LeadStatus, Role, StaffId, parse_lead_id};
use crate::flow::OutcomeCode;
use crate::reference::Category;
use crate::store::dashboard::{Audit, LeadFilter, Page};
use crate::store::{self, StoreError, dashboard};
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use time::OffsetDateTime;

const PAGE_SIZE: i64 = 50;

/// The list's query string: filters, search, and where the page starts.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct ListQuery {
    pub region: Option<String>,
    pub outcome: Option<String>,
    pub status: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
    pub source: Option<String>,
    pub q: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// "oldest" for oldest first; newest first otherwise.
    pub sort: Option<String>,
    pub after: Option<String>,
}

impl ListQuery {
    pub fn filter(&self) -> LeadFilter {
        let some = |v: &Option<String>| {
            v.clone()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let date = |v: &Option<String>| {
            some(v).and_then(|d| {
                time::Date::parse(
                    &d,
                    time::macros::format_description!("[year]-[month]-[day]"),
                )
                .ok()
            })
        };
        LeadFilter {
            region: some(&self.region),
            outcome: some(&self.outcome),
            status: some(&self.status),
            category: some(&self.category),
            channel: some(&self.channel),
            source: some(&self.source),
            search: some(&self.q),
            from: date(&self.from).map(|d| d.midnight().assume_utc()),
            until: date(&self.to).map(|d| d.next_day().unwrap_or(d).midnight().assume_utc()),
        }
    }

    /// The same filters as a query string, without the page position.
    pub fn query_string(&self) -> String {
        let pairs = [
            ("region", &self.region),
            ("outcome", &self.outcome),
            ("status", &self.status),
            ("category", &self.category),
            ("channel", &self.channel),
            ("source", &self.source),
            ("q", &self.q),
            ("from", &self.from),
            ("to", &self.to),
            ("sort", &self.sort),
        ];
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in pairs {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                out.append_pair(k, v);
            }
        }
        out.finish()
    }

    fn page(&self) -> Page {
        let after = self
            .after
            .as_deref()
            .and_then(|b| b.split_once('_'))
            .and_then(|(c, i)| Some((c.parse().ok()?, crate::domain::LeadId(i.parse().ok()?))));
        Page {
            after,
            size: PAGE_SIZE,
            oldest_first: self.sort.as_deref() == Some("oldest"),
        }
    }
}

fn failure(e: StoreError) -> Response {
    tracing::error!(error = %e, "dashboard: store failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ListQuery>,
) -> Response {
    let store = &state.service.store;
    let scope = signed.staff.scope();
    let filter = query.filter();
    let (rows, counts) = match (
        dashboard::list(store, &scope, &filter, query.page()).await,
        dashboard::counts_by_outcome(store, &scope, &filter).await,
    ) {
        (Ok(rows), Ok(counts)) => (rows, counts),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    let next = (rows.len() as i64 == PAGE_SIZE)
        .then(|| rows.last().map(|l| format!("{}_{}", l.created_ms, l.id)))
        .flatten();
    let qs = query.query_string();
    page(&state, &state.t("dash-leads-title"), Some(&signed), html! {
        (filters(&state, &query))
        div.chips {
            @for (outcome, n) in &counts {
                a.chip href=(format!("/leads?{}", ListQuery { outcome: Some(outcome.clone()), after: None, ..query.clone() }.query_string())) { (outcome) strong { (n) } }
            }
        }
        p {
            a href=(format!("/leads/export.xlsx?{qs}")) { (state.t("dash-export-xlsx")) }
            " · "
            a href=(format!("/leads/export.csv?{qs}")) { (state.t("dash-export-csv")) }
        }
        table.leads {
            thead { tr {
                th { (state.t("dash-col-date")) } th { (state.t("dash-col-business")) } th { (state.t("dash-col-owner")) }
                th { (state.t("dash-col-region")) } th { (state.t("dash-col-product")) } th { (state.t("dash-col-outcome")) }
                th { (state.t("dash-col-status")) } th { (state.t("dash-col-documents")) }
            } }
            tbody {
                @for lead in &rows {
                    tr {
                        td { (lead.created_at.date()) }
                        td { a href=(format!("/leads/{}", lead.id)) { (lead.business_name) } }
                        td { (lead.owner_name) }
                        td { (lead.region_name) }
                        td { (lead.product_name) }
                        td { (lead.outcome) }
                        td { (lead.status) }
                        td { (lead.documents_received) "/" (lead.documents_total) }
                    }
                }
                @if rows.is_empty() { tr { td colspan="8" { (state.t("dash-no-leads")) } } }
            }
        }
        @if let Some(next) = next {
            p { a href=(format!("/leads?{qs}&after={next}")) { (state.t("dash-next-page")) } }
        }
    })
    .into_response()
}

fn filters(state: &AppState, q: &ListQuery) -> Markup {
    let selected = |v: &Option<String>, x: &str| v.as_deref() == Some(x);
    html! {
        form.filters method="get" action="/leads" {
            label { (state.t("dash-search")) input name="q" value=[q.q.as_deref()]; }
            label { (state.t("dash-col-region")) input name="region" placeholder="52.02" value=[q.region.as_deref()]; }
            label { (state.t("dash-col-outcome")) select name="outcome" {
                option value="" { "—" }
                @for o in OutcomeCode::ALL { option value=(o.as_str()) selected[selected(&q.outcome, o.as_str())] { (o.as_str()) } }
            } }
            label { (state.t("dash-col-status")) select name="status" {
                option value="" { "—" }
                @for s in LeadStatus::ALL { option value=(s.as_str()) selected[selected(&q.status, s.as_str())] { (s.as_str()) } }
            } }
            label { (state.t("dash-col-category")) select name="category" {
                option value="" { "—" }
                @for c in Category::all() { option value=(c.as_str()) selected[selected(&q.category, c.as_str())] { (c.as_str()) } }
            } }
            label { (state.t("dash-col-channel")) select name="channel" {
                option value="" { "—" }
                @for c in ["whatsapp", "telegram", "console"] { option value=(c) selected[selected(&q.channel, c)] { (c) } }
            } }
            label { (state.t("dash-col-source")) input name="source" value=[q.source.as_deref()]; }
            label { (state.t("dash-from")) input type="date" name="from" value=[q.from.as_deref()]; }
                        label { (state.t("dash-to")) input type="date" name="to" value=[q.to.as_deref()]; }
            label { (state.t("dash-sort")) select name="sort" {
                option value="" { (state.t("dash-sort-newest")) }
                option value="oldest" selected[selected(&q.sort, "oldest")] { (state.t("dash-sort-oldest")) }
            } }
            button.primary type="submit" { (state.t("dash-filter")) }
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    signed: Signed,
    Path(id): Path<String>,
) -> Response {
    let store = &state.service.store;
    let Some(id) = parse_lead_id(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lead = match dashboard::detail(store, &signed.staff.scope(), id).await {
        Ok(Some(lead)) => lead,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(e),
    };
    let (documents, timeline, consultants) = match (
        store::documents::list_for(store, crate::domain::ConversationId(lead.conversation_id))
            .await,
        dashboard::timeline(store, id).await,
        store::staff::consultants(store).await,
    ) {
        (Ok(d), Ok(t), Ok(c)) => (d, t, c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return failure(e),
    };
    let _ = store::audit::log(
        store,
        signed.staff.id,
        "lead_view",
        Some(id),
        "",
        OffsetDateTime::now_utc(),
    )
    .await;
    let l = &lead.summary;
    let answers: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&lead.answers).unwrap_or_default();
    let checklist: Vec<serde_json::Value> =
        serde_json::from_str(&lead.checklist).unwrap_or_default();
    let reasons: Vec<String> = serde_json::from_str(&lead.reasons).unwrap_or_default();
    let can_act = signed.staff.role != Role::Konsultan || l.assigned_to == Some(signed.staff.id.0);
    page(&state, &l.business_name, Some(&signed), html! {
        div.grid {
            div.card {
                h2 { (state.t("dash-contact")) }
                dl {
                    dt { (state.t("dash-col-owner")) } dd { (l.owner_name) }
                    dt { (state.t("dash-phone")) } dd { (l.phone.as_deref().unwrap_or("-")) }
                    dt { (state.t("dash-col-region")) } dd { (l.region_name) " (" (l.region_code) ")" }
                    dt { (state.t("dash-col-channel")) } dd { (l.channel) }
                    dt { (state.t("dash-col-source")) } dd { (l.source.as_deref().unwrap_or("-")) }
                }
            }
            div.card {
                h2 { (state.t("dash-outcome")) }
                dl {
                    dt { (state.t("dash-col-outcome")) } dd { strong { (l.outcome) } }
                    dt { (state.t("dash-reasons")) } dd { (reasons.join(", ")) }
                    dt { (state.t("dash-col-product")) } dd { (l.product_name) " · " (l.sni_number.as_deref().unwrap_or("-")) }
                    dt { (state.t("dash-rules-version")) } dd { (l.rules_version) " / " (lead.catalogue_version) }
                    dt { (state.t("dash-col-status")) } dd { (l.status) @if let Some(r) = &lead.status_reason { @if !r.is_empty() { " — " (r) } } }
                }
            }
        }
        div.card {
            h2 { (state.t("dash-answers")) }
            dl { @for (k, v) in &answers { dt { (k) } dd { (plain(v)) } } }
        }
        div.card {
            h2 { (state.t("dash-col-documents")) }
            table {
                @for item in &checklist {
                    @let name = item["item"].as_str().unwrap_or_default();
                    tr {
                        td { (name) }
                        td { (item["state"].as_str().unwrap_or_default()) }
                        td {
                            @for d in documents.iter().filter(|d| d.item == name) {
                                a href=(format!("/leads/{}/documents/{}", l.id, d.id)) { (state.t("dash-view")) }
                                " · "
                                a href=(format!("/leads/{}/documents/{}?download=1", l.id, d.id)) { (state.t("dash-download")) }
                                " "
                            }
                        }
                    }
                }
            }
        }
        div.card {
            h2 { (state.t("dash-consent")) }
            p { (state.t("dash-consent-version")) " " (lead.consent_version) " · " (lead.consented_at.date()) " " (lead.consented_at.time()) " UTC" }
        }
        @if can_act { (actions(&state, &signed, l.id, &consultants)) }
        div.card {
            h2 { (state.t("dash-timeline")) }
            table { @for e in &timeline { tr { td { (e.at.date()) } td { (e.who) } td { (e.action) } td { (e.detail) } } } }
        }
    })
    .into_response()
}

/// An answer as a person reads it: `{"amount": 150000000}` becomes "amount: 150000000".
fn plain(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "-".into(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn actions(
    state: &AppState,
    signed: &Signed,
    id: crate::domain::LeadId,
    consultants: &[crate::access::Staff],
) -> Markup {
    html! {
        div.grid {
            form.card method="post" action=(format!("/leads/{id}/status")) {
                h2 { (state.t("dash-change-status")) }
                input type="hidden" name="csrf" value=(signed.csrf);
                select name="status" { @for s in LeadStatus::ALL { option value=(s.as_str()) { (s.as_str()) } } }
                input name="reason" placeholder=(state.t("dash-reason"));
                button.primary type="submit" { (state.t("dash-save")) }
            }
            form.card method="post" action=(format!("/leads/{id}/notes")) {
                h2 { (state.t("dash-add-note")) }
                input type="hidden" name="csrf" value=(signed.csrf);
                textarea name="body" rows="3" required {}
                button.primary type="submit" { (state.t("dash-save")) }
            }
            @if signed.staff.role != Role::Konsultan {
                form.card method="post" action=(format!("/leads/{id}/assign")) {
                    h2 { (state.t("dash-assign")) }
                    input type="hidden" name="csrf" value=(signed.csrf);
                    select name="consultant" { @for c in consultants { option value=(c.id.0) { (c.name) } } }
                    button.primary type="submit" { (state.t("dash-save")) }
                }
            }
        }
    }
}

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
    if body.is_empty() || body.chars().count() > 4000 {
        return StatusCode::BAD_REQUEST.into_response();
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
    let consultant = StaffId(form.consultant);
    match store::staff::get(&state.service.store, consultant).await {
        Ok(Some(c)) if c.role == Role::Konsultan && !c.disabled => {}
        Ok(_) => return StatusCode::BAD_REQUEST.into_response(),
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

#[derive(Deserialize)]
pub struct DocQuery {
    download: Option<String>,
}

/// Documents are served only through here, after the scope check, and every view is logged.
pub async fn document(
    State(state): State<AppState>,
    signed: Signed,
    Path((id, doc)): Path<(String, i64)>,
    Query(q): Query<DocQuery>,
) -> Response {
    let Some(id) = parse_lead_id(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let store = &state.service.store;
    let (mime, sha, item) = match dashboard::document(store, &signed.staff.scope(), id, doc).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return failure(e),
    };
    let Ok(bytes) = tokio::fs::read(state.service.documents.path_of(&sha)).await else {
        tracing::error!(document = doc, "document file missing");
        return StatusCode::NOT_FOUND.into_response();
    };
    let download = q.download.is_some();
    let action = if download {
        "document_download"
    } else {
        "document_view"
    };
    // No view without its audit row.
    let at = OffsetDateTime::now_utc();
    if let Err(e) = store::audit::log(store, signed.staff.id, action, Some(id), &item, at).await {
        return failure(e);
    }
    let extension = crate::flow::FileKind::from_mime(&mime).map_or("bin", |k| match k {
        crate::flow::FileKind::Jpeg => "jpg",
        crate::flow::FileKind::Png => "png",
        crate::flow::FileKind::Webp => "webp",
        crate::flow::FileKind::Pdf => "pdf",
    });
    let disposition = format!(
        "{}; filename=\"lead-{id}-{item}.{extension}\"",
        if download { "attachment" } else { "inline" }
    );
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
