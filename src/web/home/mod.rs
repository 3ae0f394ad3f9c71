//! `GET /`: each role's first page. Dinas officers see their region's day, consultants their
//! referrals and leads, admins every region plus the system's health; outreach officers,
//! who see no leads, go to their campaigns.

mod consultant;
mod health;
mod tiles;

use super::AppState;
use super::auth::Signed;
use super::error::WebResult;
use super::layout::page;
use super::show;
use crate::access::{Role, Scope};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use maud::html;

pub async fn home(State(state): State<AppState>, signed: Signed) -> WebResult {
    let staff = &signed.staff;
    let zone = show::office_zone(staff);
    let title = state.t("dash-home");
    let body = match staff.role {
        Role::Outreach => return Ok(Redirect::to("/kampanye").into_response()),
        Role::Konsultan => consultant::body(&state, staff, zone).await?,
        Role::Dinas => {
            let where_ = match staff.scope() {
                Scope::Region(code) => state.tm(&crate::flow::Msg::new("dash-home-region")
                    .text("region", show::region(&state, code.as_str()))),
                _ => state.t("dash-home-all"),
            };
            html! { p.muted { (where_) } (tiles::card(&state, staff, zone).await?) }
        }
        Role::Admin => html! {
            p.muted { (state.t("dash-home-all")) }
            (tiles::card(&state, staff, zone).await?)
            (health::card(&state, zone).await?)
        },
    };
    Ok(page(&state, &title, Some(&signed), body).into_response())
}
