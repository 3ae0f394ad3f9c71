//! Outreach campaigns on the dashboard (`/kampanye`): the list, a new campaign with its
//! recipient count, a campaign's page with the test send, schedule, pause, resume and
//! cancel, and its results (table, chart, CSV and XLSX). Outreach officers act within
//! their region, admins everywhere; other roles are refused with 403.

mod actions;
mod chart;
mod export;
mod fields;
mod form;
mod list;
mod new;
mod page;
mod results;
mod text;

pub use actions::{cancel, pause, resume, schedule, test_send};
pub use export::{results_csv, results_xlsx};
pub use list::list;
pub use new::{create, new_form};
pub use page::show;

use super::AppState;
use super::auth::Signed;
use super::error::WebError;
use crate::campaigns::{CampaignError, CampaignId};
use crate::service::campaigns::{Actor, OutreachError};

/// Who acts, for a staff member whose role runs campaigns; 403 for any other role.
fn actor(state: &AppState, signed: &Signed) -> Result<Actor, WebError> {
    match signed.staff.campaign_reach() {
        Some(region) => Ok(Actor {
            staff: Some(signed.staff.id),
            region,
        }),
        None => Err(WebError::forbidden(state, signed)),
    }
}

/// A campaign id from the path; anything else is a page that does not exist.
fn campaign_id(text: &str) -> Result<CampaignId, WebError> {
    text.parse()
        .ok()
        .filter(|n: &i64| *n > 0)
        .map(CampaignId)
        .ok_or_else(WebError::not_found)
}

/// The rule a request broke, to be shown on the page; a campaign that is missing or outside
/// the actor's reach is a 404 (it does not exist for them), a store failure a 503.
fn refused(e: OutreachError) -> Result<CampaignError, WebError> {
    match e {
        OutreachError::Rule(CampaignError::NotFound) => Err(WebError::not_found()),
        OutreachError::Rule(rule) => Ok(rule),
        OutreachError::Store(e) => Err(e.into()),
    }
}

/// For reading a campaign: any refusal but a store failure means it is not theirs to see.
fn unseen(e: OutreachError) -> WebError {
    match e {
        OutreachError::Store(e) => e.into(),
        OutreachError::Rule(_) => WebError::not_found(),
    }
}
