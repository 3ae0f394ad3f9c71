//! The referral overview for admins and the dinas: load per consultant and per region, the
//! referrals nobody holds, and the median time to acceptance, all within the scope.

use super::{duration_text, state_text};
use crate::access::{Scope, Staff};
use crate::campaigns::Zone;
use crate::reference::RegionCode;
use crate::referrals::Coverage;
use crate::store::dashboard::referrals::{
    self as refs, ConsultantLoad, RegionLoad, Unheld, median,
};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::layout::page as frame;
use crate::web::leads::failure;
use crate::web::show::office_zone;
use crate::web::show::{self, when};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::BTreeMap;

pub(super) async fn page(state: &AppState, signed: &Signed) -> Response {
    let store = &state.service.store;
    let scope = signed.staff.scope();
    let (consultants, regions, unheld, times) = match tokio::join!(
        refs::consultant_load(store, &scope),
        refs::region_load(store, &scope),
        refs::unheld(store, &scope),
        refs::acceptance_times(store, &scope),
    ) {
        (Ok(c), Ok(r), Ok(u), Ok(t)) => (c, r, u, t),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => return failure(e),
    };
    let consultants: Vec<ConsultantLoad> = consultants
        .into_iter()
        .filter(|c| concerns(&signed.staff, c))
        .collect();
    let medians = medians(state, times);
    let body = html! {
        h2 { (state.t("dash-ref-per-consultant")) }
        (consultant_table(state, &consultants))
        h2 { (state.t("dash-ref-per-region")) }
        (region_table(state, &regions))
        h2 { (state.t("dash-ref-median-title")) }
        (median_section(state, &medians))
        h2 { (state.t("dash-ref-unheld")) }
        (unheld_table(state, office_zone(&signed.staff), &unheld))
    };
    frame(
        state,
        &state.t("dash-ref-overview-title"),
        Some(signed),
        body,
    )
    .into_response()
}

/// Whom a staff member sees in the consultants' table: everyone for an admin; for a dinas,
/// those who had referrals in its region or whose coverage reaches into it.
fn concerns(viewer: &Staff, consultant: &ConsultantLoad) -> bool {
    match viewer.scope() {
        Scope::All => true,
        Scope::Region(region) => !consultant.is_idle() || reaches(&consultant.coverage, &region),
        Scope::AssignedTo(_) => !consultant.is_idle(),
    }
}

fn reaches(coverage: &str, region: &RegionCode) -> bool {
    let covers = Coverage::parse(coverage).is_ok_and(|c| c.covers(region).is_some());
    let below = format!("{}.", region.as_str());
    covers || coverage.split(' ').any(|code| code.starts_with(&below))
}

fn consultant_table(state: &AppState, rows: &[ConsultantLoad]) -> Markup {
    html! {
        table.referral-load {
            thead { tr {
                th { (state.t("dash-name")) } th { (state.t("dash-staff-organisation")) } th { (state.t("dash-staff-desk")) }
                th { (state.t("dash-staff-coverage")) } th { (state.t("dash-ref-open-offers")) } th { (state.t("dash-ref-accepted-open")) }
                th { (state.t("dash-ref-declined")) } th { (state.t("dash-ref-expired")) } th { (state.t("dash-staff-capacity")) }
            } }
            tbody {
                @for c in rows { tr {
                    td { (c.name) @if c.disabled { " " small.muted { (state.t("dash-staff-disabled")) } } }
                    td { (c.organisation) } td { (c.desk.as_deref().unwrap_or("-")) } td { (c.coverage) }
                    td { (c.open_offers) } td { (c.accepted_open) } td { (c.declined) } td { (c.expired) } td { (c.capacity) }
                } }
                @if rows.is_empty() { tr { td colspan="9" { (state.t("dash-ref-no-consultants")) } } }
            }
        }
    }
}

fn region_table(state: &AppState, rows: &[RegionLoad]) -> Markup {
    html! {
        table.referral-regions {
            thead { tr {
                th { (state.t("dash-col-region")) } th { (state.t("dash-ref-state-waiting")) } th { (state.t("dash-ref-state-offered")) }
                th { (state.t("dash-ref-state-accepted")) } th { (state.t("dash-ref-state-escalated")) } th { (state.t("dash-ref-expired-offers")) }
            } }
            tbody {
                @for r in rows { tr {
                    td { (show::region(state, &r.region)) " (" (r.region) ")" }
                    td { (r.waiting) } td { (r.offered) } td { (r.accepted) } td { (r.escalated) } td { (r.expired_offers) }
                } }
                @if rows.is_empty() { tr { td colspan="6" { (state.t("dash-ref-no-referrals")) } } }
            }
        }
    }
}

/// A median time to acceptance: what it is of, how many acceptances, and the median.
struct Median {
    label: String,
    count: usize,
    millis: i64,
}

/// The median per region, then over all (first), from each acceptance's duration.
fn medians(state: &AppState, times: Vec<(String, i64)>) -> Vec<Median> {
    let mut all: Vec<i64> = times.iter().map(|(_, ms)| *ms).collect();
    let mut by_region: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (region, ms) in times {
        by_region.entry(region).or_default().push(ms);
    }
    let mut out = Vec::new();
    if let Some(millis) = median(&mut all) {
        let label = state.t("dash-ref-all-regions");
        out.push(Median {
            label,
            count: all.len(),
            millis,
        });
    }
    for (region, mut values) in by_region {
        if let Some(millis) = median(&mut values) {
            let label = show::region(state, &region);
            out.push(Median {
                label,
                count: values.len(),
                millis,
            });
        }
    }
    out
}

fn median_section(state: &AppState, medians: &[Median]) -> Markup {
    if medians.is_empty() {
        return html! { p.muted { (state.t("dash-ref-no-acceptances")) } };
    }
    html! {
        div.card { (median_chart(state, medians)) }
        table.referral-median {
            thead { tr { th { (state.t("dash-col-region")) } th { (state.t("dash-ref-acceptances")) } th { (state.t("dash-ref-median")) } } }
            tbody { @for m in medians { tr { td { (m.label) } td { (m.count) } td { (duration_text(state, m.millis)) } } } }
        }
    }
}

/// Horizontal bars as inline SVG: no JavaScript, prints well.
fn median_chart(state: &AppState, medians: &[Median]) -> Markup {
    let max = medians.iter().map(|m| m.millis).max().unwrap_or(0).max(1) as f64;
    let height = medians.len() * 34 + 10;
    html! {
        // Drawn at its own size (never scaled up), with room for the longest duration text.
        svg.chart role="img" aria-label=(state.t("dash-ref-median-title")) viewBox=(format!("0 0 720 {height}")) width="720" height=(height) xmlns="http://www.w3.org/2000/svg" {
            @for (i, m) in medians.iter().enumerate() {
                @let y = i * 34 + 5;
                @let width = (m.millis as f64 / max * 320.0).round().max(2.0);
                text x="0" y=(y + 17) font-size="13" { (m.label) }
                rect x="200" y=(y) width=(width) height="24" fill="#16a34a" {}
                text x=(205.0 + width) y=(y + 17) font-size="13" { (duration_text(state, m.millis)) }
            }
        }
    }
}

fn unheld_table(state: &AppState, zone: Zone, rows: &[Unheld]) -> Markup {
    if rows.is_empty() {
        return html! { p.muted { (state.t("dash-ref-none-unheld")) } };
    }
    html! {
        table.referral-unheld {
            thead { tr {
                th { (state.t("dash-col-business")) } th { (state.t("dash-col-region")) } th { (state.t("dash-col-outcome")) }
                th { (state.t("dash-ref-state")) } th { (state.t("dash-ref-tries")) } th { (state.t("dash-ref-since")) }
            } }
            tbody { @for r in rows { tr {
                td { a href=(format!("/leads/{}", r.lead)) { (r.business_name) } }
                td { (r.region_name) } td { (show::outcome(state, &r.outcome)) }
                td { (state_text(state, &r.state)) } td { (r.tries) } td { (when(state, zone, r.since)) }
            } } }
        }
    }
}
