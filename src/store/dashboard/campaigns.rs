//! What the campaigns list shows of each campaign: recipients, sent and finished, in one
//! query for the whole page (the full per-region funnel is read on the campaign's own page).

use crate::campaigns::CampaignId;
use crate::store::sql::{bind_ids, list};
use crate::store::{Store, StoreError};
use sqlx::Row;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub recipients: i64,
    pub sent: i64,
    pub finished: i64,
}

/// Totals of these campaigns; a campaign with no recipients yet is absent.
pub async fn totals(
    store: &Store,
    ids: &[CampaignId],
) -> Result<HashMap<CampaignId, Totals>, StoreError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    // The same counting as the funnel of `store::campaigns::results`, without the regions.
    let sql = format!(
        "SELECT r.campaign_id AS campaign, COUNT(*) AS recipients, \
         COUNT(*) FILTER (WHERE o.status = 'sent') AS sent, \
         COUNT(*) FILTER (WHERE r.finished_at IS NOT NULL) AS finished \
         FROM campaign_recipients r LEFT JOIN outbox o ON o.campaign_recipient_id = r.id \
         WHERE r.campaign_id IN ({}) GROUP BY r.campaign_id",
        list(ids.len(), 1)
    );
    let raw: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows = bind_ids(sqlx::query(&sql), &raw)
        .fetch_all(store.reader())
        .await?;
    let mut out = HashMap::with_capacity(rows.len());
    for r in &rows {
        let totals = Totals {
            recipients: r.try_get("recipients")?,
            sent: r.try_get("sent")?,
            finished: r.try_get("finished")?,
        };
        out.insert(CampaignId(r.try_get("campaign")?), totals);
    }
    Ok(out)
}
