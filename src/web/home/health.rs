//! The admin's view of the machinery: what waits to go out, what failed, what came in last.

use crate::campaigns::Zone;
use crate::store::{StoreError, health};
use crate::web::{AppState, show};
use maud::{Markup, html};
use time::{Duration, OffsetDateTime};

pub(super) async fn card(state: &AppState, zone: Zone) -> Result<Markup, StoreError> {
    let now = OffsetDateTime::now_utc();
    let channels = health::channels(&state.service.store, now - Duration::hours(24)).await?;
    Ok(html! {
        div.card {
            h2 { (state.t("dash-home-health")) }
            table.health {
                thead { tr {
                    th { (state.t("dash-col-channel")) }
                    th { (state.t("dash-home-queue-waiting")) }
                    th { (state.t("dash-home-queue-held")) }
                    th { (state.t("dash-home-failed")) }
                    th { (state.t("dash-home-last-inbound")) }
                } }
                tbody { @for c in &channels { tr {
                    td { (state.tm(&crate::labels::channel(c.channel))) }
                    td { (c.waiting) }
                    td { (c.held) }
                    td { (c.failed) }
                    td { @match c.last_inbound {
                        Some(at) => (show::when(state, zone, at)),
                        None => (state.t("dash-home-never")),
                    } }
                } } }
            }
        }
    })
}
