//! "Rujukan saya": the offers waiting for this consultant's answer, and what they accepted.

use super::reason_id;
use crate::campaigns::Zone;
use crate::referrals::DeclineReason;
use crate::store::dashboard::referrals::{self as refs, AcceptedReferral, WaitingOffer};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::layout::page as frame;
use crate::web::leads::failure;
use crate::web::show::office_zone;
use crate::web::show::{self, when};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

pub(super) async fn page(state: &AppState, signed: &Signed) -> Response {
    let store = &state.service.store;
    let (waiting, accepted) = match tokio::join!(
        refs::waiting_offers(store, signed.staff.id),
        refs::accepted_by(store, signed.staff.id),
    ) {
        (Ok(w), Ok(a)) => (w, a),
        (Err(e), _) | (_, Err(e)) => return failure(e),
    };
    let body = html! {
        h2 { (state.t("dash-ref-waiting-for-you")) }
        (waiting_table(state, signed, &waiting))
        h2 { (state.t("dash-ref-accepted-by-you")) }
        (accepted_table(state, office_zone(&signed.staff), &accepted))
    };
    frame(state, &state.t("dash-ref-mine-title"), Some(signed), body).into_response()
}

fn waiting_table(state: &AppState, signed: &Signed, offers: &[WaitingOffer]) -> Markup {
    if offers.is_empty() {
        return html! { p.muted { (state.t("dash-ref-none-waiting")) } };
    }
    html! {
        table {
            thead { tr {
                th { (state.t("dash-col-business")) } th { (state.t("dash-col-product")) }
                th { (state.t("dash-col-region")) } th { (state.t("dash-col-outcome")) }
                th { (state.t("dash-ref-offered-at")) } th { (state.t("dash-ref-due-at")) } th { (state.t("dash-ref-your-answer")) }
            } }
            tbody { @for o in offers { tr {
                td { a href=(format!("/leads/{}", o.lead)) { (o.business_name) } }
                td { (o.product_name) }
                td { (o.region_name) }
                td { (show::outcome(state, &o.outcome)) }
                td { (when(state, office_zone(&signed.staff), o.offered_at)) }
                td { (when(state, office_zone(&signed.staff), o.due_at)) }
                td { (answer_forms(state, signed, o)) }
            } } }
        }
    }
}

fn answer_forms(state: &AppState, signed: &Signed, offer: &WaitingOffer) -> Markup {
    html! {
        form method="post" action=(format!("/rujukan/{}/terima", offer.offer)) {
            input type="hidden" name="csrf" value=(signed.csrf);
            button.primary type="submit" { (state.t("dash-ref-accept")) }
        }
        form method="post" action=(format!("/rujukan/{}/tolak", offer.offer)) {
            input type="hidden" name="csrf" value=(signed.csrf);
            select name="reason" aria-label=(state.t("dash-ref-decline-reason")) {
                @for r in DeclineReason::ALL { option value=(r.as_str()) { (state.t(reason_id(*r))) } }
            }
            button type="submit" { (state.t("dash-ref-decline")) }
        }
    }
}

fn accepted_table(state: &AppState, zone: Zone, accepted: &[AcceptedReferral]) -> Markup {
    if accepted.is_empty() {
        return html! { p.muted { (state.t("dash-ref-none-accepted")) } };
    }
    html! {
        table {
            thead { tr {
                th { (state.t("dash-col-business")) } th { (state.t("dash-col-region")) }
                th { (state.t("dash-col-status")) } th { (state.t("dash-ref-accepted-at")) }
            } }
            tbody { @for a in accepted { tr {
                td { a href=(format!("/leads/{}", a.lead)) { (a.business_name) } }
                td { (a.region_name) }
                td { (a.status) }
                td { @if let Some(at) = a.accepted_at { (when(state, zone, at)) } }
            } } }
        }
    }
}
