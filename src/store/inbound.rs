//! Deduplication of inbound channel messages.

use super::sql::values;
use super::{StoreError, Tx, millis};
use sqlx::Row;
use std::collections::HashSet;
use time::OffsetDateTime;

/// Record the events' keys; returns the keys not seen before. An event whose key was seen
/// must change nothing. Being the first write of the transaction, it also takes SQLite's
/// write lock early, so two events of one user cannot interleave.
pub async fn claim(
    tx: &mut Tx,
    dedupe_keys: &[(&str, OffsetDateTime)],
) -> Result<HashSet<String>, StoreError> {
    if dedupe_keys.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "INSERT INTO inbound_events (dedupe_key, received_at) SELECT v.column1, v.column2 FROM (VALUES {}) AS v \
         WHERE true ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key",
        values(dedupe_keys.len(), 2, 1)
    );
    let mut query = sqlx::query(&sql);
    for (key, at) in dedupe_keys {
        query = query.bind(*key).bind(millis(*at));
    }
    query
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| Ok(r.try_get("dedupe_key")?))
        .collect()
}
