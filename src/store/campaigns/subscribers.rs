//! Who may receive notices at all.

use crate::domain::{ChannelKind, UserKey};
use crate::store::sql::{bind_keys, list};
use crate::store::{Store, StoreError};
use sqlx::Row;
use std::collections::HashSet;

/// Which of these contacts still take notices (agreed, not opted out, not erased).
pub async fn subscribed_among(
    store: &Store,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashSet<String>, StoreError> {
    if users.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "SELECT user_key FROM conversations WHERE channel = $1 AND subscribed = 1 AND user_key IN ({})",
        list(users.len(), 2)
    );
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    query
        .fetch_all(store.pool())
        .await?
        .iter()
        .map(|r| Ok(r.try_get("user_key")?))
        .collect()
}
