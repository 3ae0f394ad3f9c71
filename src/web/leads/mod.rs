//! The leads list, one lead's page, and the actions on it.

use super::AppState;
use super::auth::Signed;
use super::error::WebError;
use super::layout::page;
use super::show::{self, office_zone};
use crate::access::LeadStatus;
use crate::campaigns::Zone;
use crate::domain::ChannelKind;
use crate::flow::OutcomeCode;
use crate::labels;
use crate::limits::{self, TooLong};
use crate::reference::Category;
use crate::store::dashboard::{LeadFilter, Page, Waiting};
use crate::store::{StoreError, dashboard};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

/// Rows on a page of the list and of a lead's timeline.
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
    /// "referral" or "question": leads waiting for a consultant or for an answer.
    pub waiting: Option<String>,
    pub after: Option<String>,
}

impl ListQuery {
    /// The filters, with dates as days on the office's clock.
    pub fn filter(&self, zone: Zone) -> LeadFilter {
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
            from: date(&self.from).map(|d| d.midnight().assume_offset(zone.offset())),
            until: date(&self.to).map(|d| {
                d.next_day()
                    .unwrap_or(d)
                    .midnight()
                    .assume_offset(zone.offset())
            }),
            waiting: some(&self.waiting).and_then(|w| Waiting::parse(&w)),
        }
    }

    /// Every typed field within its limit: the search at most [`limits::SEARCH`], the rest
    /// at most [`limits::FILTER`]. Checked before any query runs.
    pub fn check(&self) -> Result<(), TooLong> {
        limits::SEARCH.check(self.q.as_deref().unwrap_or_default())?;
        let others = [
            &self.region,
            &self.outcome,
            &self.status,
            &self.category,
            &self.channel,
            &self.source,
            &self.from,
            &self.to,
            &self.sort,
            &self.waiting,
            &self.after,
        ];
        for value in others {
            limits::FILTER.check(value.as_deref().unwrap_or_default())?;
        }
        Ok(())
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
            ("waiting", &self.waiting),
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

pub(super) fn failure(e: StoreError) -> Response {
    tracing::error!(error = %e, "dashboard: store failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

pub async fn list(
    State(state): State<AppState>,
    signed: Signed,
    Query(query): Query<ListQuery>,
) -> Response {
    if let Err(e) = query.check() {
        return WebError::too_long(&state, &signed, e, "/leads").into_response();
    }
    let store = &state.service.store;
    let scope = signed.staff.scope();
    let zone = office_zone(&signed.staff);
    let filter = query.filter(zone);
    // Side by side: on PostgreSQL (and SQLite's read pool) the page waits for the slower only.
    let (rows, counts) = match tokio::join!(
        dashboard::list(store, &scope, &filter, query.page()),
        dashboard::counts_by_outcome(store, &scope, &filter),
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
                a.chip href=(format!("/leads?{}", ListQuery { outcome: Some(outcome.clone()), after: None, ..query.clone() }.query_string())) { (show::outcome(&state, outcome)) strong { (n) } }
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
                        td { (show::day(&state, zone, lead.created_at)) }
                        td { a href=(format!("/leads/{}", lead.id)) { (lead.business_name) } }
                        td { (lead.owner_name) }
                        td { (lead.region_name) }
                        td { (lead.product_name) }
                        td { (show::outcome(&state, &lead.outcome)) }
                        td { (show::status(&state, &lead.status)) @if lead.superseded { br; small.superseded { (state.t("dash-superseded")) } } }
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
            label { (state.t("dash-search")) input name="q" maxlength=(limits::SEARCH.max) value=[q.q.as_deref()]; }
            label { (state.t("dash-col-region")) input name="region" placeholder="52.02" value=[q.region.as_deref()]; }
            label { (state.t("dash-col-outcome")) select name="outcome" {
                option value="" { "—" }
                @for o in OutcomeCode::ALL { option value=(o.as_str()) selected[selected(&q.outcome, o.as_str())] { (state.tm(&labels::outcome(o))) } }
            } }
            label { (state.t("dash-col-status")) select name="status" {
                option value="" { "—" }
                @for s in LeadStatus::ALL { option value=(s.as_str()) selected[selected(&q.status, s.as_str())] { (state.tm(&labels::status(s))) } }
            } }
            label { (state.t("dash-col-category")) select name="category" {
                option value="" { "—" }
                @for c in Category::all() { option value=(c.as_str()) selected[selected(&q.category, c.as_str())] { (state.tm(&labels::category(*c))) } }
            } }
            label { (state.t("dash-col-channel")) select name="channel" {
                option value="" { "—" }
                @for c in [ChannelKind::Whatsapp, ChannelKind::Telegram, ChannelKind::Console] { option value=(c.as_str()) selected[selected(&q.channel, c.as_str())] { (state.tm(&labels::channel(c))) } }
            } }
            label { (state.t("dash-col-source")) input name="source" value=[q.source.as_deref()]; }
            label { (state.t("dash-from")) input type="date" name="from" value=[q.from.as_deref()]; }
            label { (state.t("dash-to")) input type="date" name="to" value=[q.to.as_deref()]; }
            label { (state.t("dash-waiting")) select name="waiting" {
                option value="" { "—" }
                @for w in Waiting::ALL { option value=(w.as_str()) selected[selected(&q.waiting, w.as_str())] { (state.t(waiting_label(w))) } }
            } }
            label { (state.t("dash-sort")) select name="sort" {
                option value="" { (state.t("dash-sort-newest")) }
                option value="oldest" selected[selected(&q.sort, "oldest")] { (state.t("dash-sort-oldest")) }
            } }
            button.primary type="submit" { (state.t("dash-filter")) }
        }
    }
}

fn waiting_label(w: Waiting) -> &'static str {
    match w {
        Waiting::Referral => "dash-home-waiting-referrals",
        Waiting::Question => "dash-home-open-questions",
    }
}

mod actions;
mod cards;
mod document;
mod page;
mod referral;
mod reply;
mod thread;

pub use actions::{add_note, assign, set_status};
pub use document::document;
pub use page::detail;
pub(crate) use referral::describe;
pub use reply::{FORM_MAX_BYTES as REPLY_FORM_MAX_BYTES, reply};
