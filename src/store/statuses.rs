//! Delivery statuses from the platform, applied so they never move backwards.

use super::{Store, StoreError, millis};
use crate::domain::ChannelKind;
use time::OffsetDateTime;

/// The order statuses can only move along.
pub fn rank(status: &str) -> Option<i64> {
    match status {
        "sent" => Some(1),
        "delivered" => Some(2),
        "read" => Some(3),
        "failed" => Some(4),
        _ => None,
    }
}

/// Record a status; an older one arriving late (delivered after read) changes nothing.
pub async fn apply(
    store: &Store,
    channel: ChannelKind,
    platform_id: &str,
    status: &str,
    error_code: Option<&str>,
    at: OffsetDateTime,
) -> Result<bool, StoreError> {
    let Some(rank) = rank(status) else {
        return Ok(false);
    };
    let mut tx = store.begin().await?;
    let done = sqlx::query(
        "INSERT INTO message_statuses (channel, platform_message_id, status, rank, error_code, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (channel, platform_message_id) DO UPDATE SET status = excluded.status, rank = excluded.rank, \
           error_code = excluded.error_code, updated_at = excluded.updated_at \
         WHERE excluded.rank > message_statuses.rank",
    )
    .bind(channel.as_str())
    .bind(platform_id)
    .bind(status)
    .bind(rank)
    .bind(error_code.map(str::to_owned))
    .bind(millis(at))
    .execute(&mut *tx)
    .await?;
    let moved = done.rows_affected() == 1;
    if moved {
        sqlx::query(
            "UPDATE outbox SET platform_status = $3, platform_error = $4 WHERE channel = $1 AND platform_message_id = $2",
        )
        .bind(channel.as_str())
        .bind(platform_id)
        .bind(status)
        .bind(error_code.map(str::to_owned))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(moved)
}

/// A status that came before the send was recorded: copy it onto the outbox row.
pub async fn copy_to_outbox(
    store: &Store,
    channel: ChannelKind,
    platform_id: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET platform_status = s.status, platform_error = s.error_code FROM message_statuses s \
         WHERE outbox.channel = $1 AND outbox.platform_message_id = $2 AND s.channel = $1 AND s.platform_message_id = $2",
    )
    .bind(channel.as_str())
    .bind(platform_id)
    .execute(store.pool())
    .await?;
    Ok(())
}
