//! A campaign's results: the funnel as a chart, then per region as a table (the table says
//! everything the chart shows, for screen readers and for print).

use super::chart::funnel_chart;
use super::text::{results_region, thousands};
use crate::store::campaigns::{RegionResults, Results};
use crate::web::AppState;
use maud::{Markup, html};

/// The funnel's steps, in order: each a Fluent label and its count.
fn funnel(r: &RegionResults) -> [(&'static str, i64); 6] {
    [
        ("dash-camp-col-sent", r.sent),
        ("dash-camp-col-delivered", r.delivered),
        ("dash-camp-col-read", r.read),
        ("dash-camp-col-started", r.started),
        ("dash-camp-col-finished", r.finished),
        ("dash-camp-col-referred", r.referred),
    ]
}

/// A table row: recipients, the funnel, then where those not (yet) sent to are.
fn columns(r: &RegionResults) -> Vec<(&'static str, i64)> {
    let mut out = vec![("dash-camp-col-recipients", r.recipients)];
    out.extend(funnel(r));
    out.extend([
        ("dash-camp-col-queued", r.queued),
        ("dash-camp-col-waiting", r.waiting),
        ("dash-camp-col-failed", r.failed),
        ("dash-camp-col-opted-out", r.opted_out),
        ("dash-camp-col-cancelled", r.cancelled),
    ]);
    out
}

pub(super) fn section(state: &AppState, results: &Results) -> Markup {
    if results.regions.is_empty() {
        return html! { p.muted { (state.t("dash-camp-no-results")) } };
    }
    let steps: Vec<(String, i64)> = funnel(&results.total)
        .iter()
        .map(|(id, n)| (state.t(id), *n))
        .collect();
    html! {
        div.card { (funnel_chart(&state.t("dash-camp-funnel"), &steps)) }
        table.campaign-results id="campaign-results" {
            caption { (state.t("dash-camp-per-region")) }
            thead { tr {
                th scope="col" { (state.t("dash-col-region")) }
                @for (id, _) in columns(&results.total) { th scope="col" { (state.t(id)) } }
            } }
            tbody {
                @for r in &results.regions { tr {
                    th scope="row" { (results_region(state, r.region.as_deref())) }
                    @for (_, n) in columns(r) { td { (thousands(n)) } }
                } }
            }
            tfoot { tr {
                th scope="row" { (state.t("dash-camp-total")) }
                @for (_, n) in columns(&results.total) { td { (thousands(n)) } }
            } }
        }
    }
}
