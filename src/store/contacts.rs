//! Contacts a channel can no longer reach (blocked the bot, account deleted).

use super::{Store, StoreError, millis};
use crate::domain::{ChannelKind, UserKey};
use time::OffsetDateTime;

pub async fn mark_unreachable(
    store: &Store,
    channel: ChannelKind,
    user: &UserKey,
    reason: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO unreachable_contacts (channel, user_key, reason, since) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (channel, user_key) DO UPDATE SET reason = excluded.reason",
    )
    .bind(channel.as_str())
    .bind(user.as_str())
    .bind(reason)
    .bind(millis(at))
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The user came back (unblocked the bot, or wrote again).
pub async fn mark_reachable(
    store: &Store,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM unreachable_contacts WHERE channel = $1 AND user_key = $2")
        .bind(channel.as_str())
        .bind(user.as_str())
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn is_unreachable(
    store: &Store,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<bool, StoreError> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM unreachable_contacts WHERE channel = $1 AND user_key = $2",
    )
    .bind(channel.as_str())
    .bind(user.as_str())
    .fetch_optional(store.pool())
    .await?;
    Ok(row.is_some())
}
