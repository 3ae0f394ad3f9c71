//! What `/metrics` reads from the database. Every figure is cheap at any size: counter rows
//! kept in the writing transactions (migration 0007) and index ranges over the live part of
//! the queues, never a scan of a growing table.

use super::{Store, StoreError};
use crate::domain::ChannelKind;
use sqlx::Row;

#[derive(Debug, Clone, Default)]
pub struct DbMetrics {
    /// Inbound events ever claimed; never goes down (retention does not subtract).
    pub inbound_events: i64,
    /// Outbox messages waiting or being sent, by status.
    pub outbox_live: Vec<(String, i64)>,
    /// Inbox updates waiting or being processed, by status.
    pub inbox_live: Vec<(String, i64)>,
    /// Leads by outcome, exact (per-region counters summed).
    pub leads_by_outcome: Vec<(String, i64)>,
}

const CHANNELS: [ChannelKind; 3] = [
    ChannelKind::Console,
    ChannelKind::Telegram,
    ChannelKind::Whatsapp,
];

pub async fn read(store: &Store) -> Result<DbMetrics, StoreError> {
    let pool = store.reader();
    let inbound_events = sqlx::query(
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM counters WHERE name = 'inbound_events'",
    )
    .fetch_one(pool)
    .await?
    .try_get("n")?;
    Ok(DbMetrics {
        inbound_events,
        outbox_live: live(store, "outbox", "'pending', 'sending'").await?,
        inbox_live: live(store, "inbox", "'pending', 'processing'").await?,
        leads_by_outcome: by_key(
            store,
            "SELECT outcome AS k, CAST(SUM(n) AS BIGINT) AS n FROM lead_counts \
             GROUP BY outcome HAVING SUM(n) > 0 ORDER BY outcome"
                .to_owned(),
        )
        .await?,
    })
}

/// Live rows of a queue by status. The status list is the partial index's own (`inbox_live`,
/// `outbox_live`, migration 0006), so the count reads only that index: done and failed rows,
/// the bulk, are never read.
async fn live(
    store: &Store,
    table: &str,
    statuses: &str,
) -> Result<Vec<(String, i64)>, StoreError> {
    let channels: Vec<String> = CHANNELS
        .iter()
        .map(|c| format!("'{}'", c.as_str()))
        .collect();
    let sql = format!(
        "SELECT status AS k, COUNT(*) AS n FROM {table} WHERE channel IN ({}) AND status IN ({statuses}) \
         GROUP BY status ORDER BY status",
        channels.join(", ")
    );
    by_key(store, sql).await
}

async fn by_key(store: &Store, sql: String) -> Result<Vec<(String, i64)>, StoreError> {
    let rows = sqlx::query(&sql).fetch_all(store.reader()).await?;
    Ok(rows
        .iter()
        .map(|r| Ok((r.try_get("k")?, r.try_get("n")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}
