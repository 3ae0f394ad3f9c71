//! The day's numbers for a region (or every region): each opens the list it counts.

use crate::access::Staff;
use crate::campaigns::Zone;
use crate::flow::OutcomeCode;
use crate::store::dashboard::{self, LeadFilter, Waiting};
use crate::store::{StoreError, thread};
use crate::web::AppState;
use maud::{Markup, html};
use time::OffsetDateTime;

struct Tile {
    label: &'static str,
    count: i64,
    href: String,
}

pub(super) async fn card(
    state: &AppState,
    staff: &Staff,
    zone: Zone,
) -> Result<Markup, StoreError> {
    let tiles = tiles(state, staff, zone).await?;
    Ok(html! {
        div.tiles {
            @for t in &tiles {
                a.tile href=(t.href) { strong { (t.count) } (state.t(t.label)) }
            }
        }
    })
}

async fn tiles(state: &AppState, staff: &Staff, zone: Zone) -> Result<Vec<Tile>, StoreError> {
    let store = &state.service.store;
    let scope = staff.scope();
    let yesterday = OffsetDateTime::now_utc()
        .to_offset(zone.offset())
        .date()
        .previous_day()
        .unwrap_or(time::Date::MIN);
    let since = LeadFilter {
        from: Some(yesterday.midnight().assume_offset(zone.offset())),
        ..LeadFilter::default()
    };
    let waiting = |w| LeadFilter {
        waiting: Some(w),
        ..LeadFilter::default()
    };
    let (any, referral) = (LeadFilter::default(), waiting(Waiting::Referral));
    let (all, new, referrals, questions) = tokio::try_join!(
        dashboard::counts_by_outcome(store, &scope, &any),
        dashboard::counts_by_outcome(store, &scope, &since),
        dashboard::counts_by_outcome(store, &scope, &referral),
        // A plain count from the waiting index (grouping by outcome would read the table).
        thread::awaiting_reply_count(store, &scope),
    )?;
    let total = |counts: &[(String, i64)]| counts.iter().map(|(_, n)| n).sum();
    let of = |code: OutcomeCode| {
        all.iter()
            .find(|(o, _)| o == code.as_str())
            .map_or(0, |(_, n)| *n)
    };
    let list = |query: String| format!("/leads?{query}");
    Ok(vec![
        Tile {
            label: "dash-home-new",
            count: total(&new),
            href: list(format!("from={yesterday}")),
        },
        Tile {
            label: "dash-home-ready",
            count: of(OutcomeCode::SiapBinaUmk),
            href: list(format!("outcome={}", OutcomeCode::SiapBinaUmk.as_str())),
        },
        Tile {
            label: "dash-home-need-nib",
            count: of(OutcomeCode::PerluNib),
            href: list(format!("outcome={}", OutcomeCode::PerluNib.as_str())),
        },
        Tile {
            label: "dash-home-waiting-referrals",
            count: total(&referrals),
            href: list(format!("waiting={}", Waiting::Referral.as_str())),
        },
        Tile {
            label: "dash-home-open-questions",
            count: questions,
            href: list(format!("waiting={}", Waiting::Question.as_str())),
        },
    ])
}
