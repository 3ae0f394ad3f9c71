//! Deduplication of inbound channel messages.

use super::{StoreError, Tx, millis};
use time::OffsetDateTime;

/// Record the event's key. False when it was seen before: the caller must change nothing.
/// Being the first write of the transaction, it also takes SQLite's write lock early, so two
/// events of one user cannot interleave.
pub async fn claim(tx: &mut Tx, dedupe_key: &str, at: OffsetDateTime) -> Result<bool, StoreError> {
    let done = sqlx::query("INSERT INTO inbound_events (dedupe_key, received_at) VALUES ($1, $2) ON CONFLICT (dedupe_key) DO NOTHING")
        .bind(dedupe_key)
        .bind(millis(at))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
