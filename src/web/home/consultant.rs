//! A consultant's first page: the referrals waiting for their answer, then the leads they coach.

use crate::access::Staff;
use crate::campaigns::Zone;
use crate::store::StoreError;
use crate::store::dashboard::referrals as refs;
use crate::store::dashboard::{self, LeadFilter, Page};
use crate::web::{AppState, show};
use maud::{Markup, html};

/// Leads listed here at most; the leads list has the rest.
const LISTED: i64 = 50;

pub(super) async fn body(
    state: &AppState,
    staff: &Staff,
    zone: Zone,
) -> Result<Markup, StoreError> {
    let store = &state.service.store;
    let page = Page {
        size: LISTED,
        ..Page::default()
    };
    let (scope, any) = (staff.scope(), LeadFilter::default());
    let (offers, leads) = tokio::try_join!(
        refs::waiting_offers(store, staff.id),
        dashboard::list(store, &scope, &any, page),
    )?;
    Ok(html! {
        div.card {
            h2 { (state.t("dash-home-offers")) " " strong { (offers.len()) } }
            @if offers.is_empty() { p.muted { (state.t("dash-ref-none-waiting")) } }
            @else { table { tbody { @for o in &offers { tr {
                td { a href=(format!("/leads/{}", o.lead)) { (o.business_name) } }
                td { (o.product_name) }
                td { (o.region_name) }
                td { (show::outcome(state, &o.outcome)) }
                td { (show::when(state, zone, o.due_at)) }
            } } } } }
            p { a href="/rujukan" { (state.t("dash-nav-referrals")) } }
        }
        div.card {
            h2 { (state.t("dash-home-assigned")) }
            @if leads.is_empty() { p.muted { (state.t("dash-home-none-assigned")) } }
            @else { table { tbody { @for l in &leads { tr {
                td { a href=(format!("/leads/{}", l.id)) { (l.business_name) } }
                td { (l.region_name) }
                td { (show::outcome(state, &l.outcome)) }
                td { (show::status(state, &l.status)) }
            } } } } }
        }
    })
}
