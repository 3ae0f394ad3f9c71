//! `GET /kampanye`: the campaigns in the staff member's reach, newest first.

use super::actor;
use super::text::{state_text, thousands};
use crate::store;
use crate::store::dashboard::campaigns::{Totals, totals};
use crate::web::AppState;
use crate::web::auth::Signed;
use crate::web::error::WebResult;
use crate::web::layout::page;
use axum::extract::State;
use axum::response::IntoResponse;
use maud::html;

pub async fn list(State(state): State<AppState>, signed: Signed) -> WebResult {
    let actor = actor(&state, &signed)?;
    let store = &state.service.store;
    let campaigns = store::campaigns::list(store, actor.region.as_ref()).await?;
    let ids: Vec<_> = campaigns.iter().map(|c| c.id).collect();
    let totals = totals(store, &ids).await?;
    let body = html! {
        p { a.button.primary href="/kampanye/baru" { (state.t("dash-camp-new")) } }
        table.campaigns {
            thead { tr {
                th { (state.t("dash-camp-name")) } th { (state.t("dash-camp-state")) } th { (state.t("dash-camp-starts")) }
                th { (state.t("dash-camp-col-recipients")) } th { (state.t("dash-camp-col-sent")) } th { (state.t("dash-camp-col-finished")) }
            } }
            tbody {
                @for c in &campaigns {
                    @let t = totals.get(&c.id).copied().unwrap_or(Totals::default());
                    tr {
                        td { a href=(format!("/kampanye/{}", c.id)) { (c.draft.name) } }
                        td { (state_text(&state, c.state)) }
                        td { (c.starts_at.map(|at| c.draft.zone.show(at)).unwrap_or_else(|| "—".into())) }
                        td { (thousands(t.recipients)) } td { (thousands(t.sent)) } td { (thousands(t.finished)) }
                    }
                }
                @if campaigns.is_empty() { tr { td colspan="6" { (state.t("dash-camp-none")) } } }
            }
        }
    };
    let title = state.t("dash-camp-title");
    Ok(page(&state, &title, Some(&signed), body).into_response())
}
