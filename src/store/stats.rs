//! Anonymous counters.

use super::{StoreError, Tx};
use crate::domain::ChannelKind;
use sqlx::Row;

pub async fn count_declined(
    tx: &mut Tx,
    day: &str,
    channel: ChannelKind,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO consent_declines (day, channel, count) VALUES ($1, $2, 1) \
         ON CONFLICT (day, channel) DO UPDATE SET count = consent_declines.count + 1",
    )
    .bind(day)
    .bind(channel.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn declined_total(store: &super::Store) -> Result<i64, StoreError> {
    let row =
        sqlx::query("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM consent_declines")
            .fetch_one(store.reader())
            .await?;
    Ok(row.try_get("n")?)
}
