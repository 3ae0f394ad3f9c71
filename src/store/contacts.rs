//! Contacts a channel can no longer reach (blocked the bot, account deleted).

use super::sql::{bind_keys, keys_among, list};
use super::{Store, StoreError, Tx, millis};
use crate::domain::{ChannelKind, UserKey};
use std::collections::HashSet;
use time::OffsetDateTime;

pub async fn mark_unreachable(
    tx: &mut Tx,
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
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// These users came back (unblocked the bot, or wrote again).
pub async fn mark_reachable(
    tx: &mut Tx,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<(), StoreError> {
    if users.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "DELETE FROM unreachable_contacts WHERE channel = $1 AND user_key IN ({})",
        list(users.len(), 2)
    );
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Which of these users cannot be reached.
pub async fn unreachable_among(
    store: &Store,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashSet<String>, StoreError> {
    let select = "SELECT user_key FROM unreachable_contacts WHERE channel = $1";
    Ok(keys_among(store.reader(), select, channel, users).await?)
}
