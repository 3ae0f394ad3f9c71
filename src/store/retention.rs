//! The consent notice promises a retention period; this keeps the promise.

use super::{Store, StoreError, Tx, erasure, millis};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// People who never answered the consent question: kept only this long.
pub const UNCONSENTED_DAYS: i64 = 7;

#[derive(Debug, Default)]
pub struct Purged {
    pub conversations: u64,
    /// Hashes of deleted documents; their files go once nobody else refers to them.
    pub document_hashes: Vec<String>,
}

/// Erase the contacts whose conversation is untouched since `cutoff` or stuck at the consent
/// question for a week (everything of theirs, see `store::erasure`), old dedupe keys,
/// messages and processed updates, and the last traces of people forgotten earlier.
pub async fn purge_before(
    store: &Store,
    cutoff: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Purged, StoreError> {
    let mut tx = store.begin().await?;
    let contacts = expired(store, &mut tx, cutoff, now).await?;
    let mut purged = Purged::default();
    for (channel, user) in &contacts {
        purged
            .document_hashes
            .extend(erasure::erase(&mut tx, channel, user).await?);
    }
    purged.conversations = contacts.len() as u64;
    let before = millis(cutoff);
    for sql in [
        "DELETE FROM outbox WHERE created_at < $1",
        // A thread's messages are kept as long as the messages themselves.
        "DELETE FROM lead_messages WHERE created_at < $1",
        "DELETE FROM inbound_events WHERE received_at < $1",
        "DELETE FROM inbox WHERE received_at < $1",
    ] {
        sqlx::query(sql).bind(before).execute(&mut *tx).await?;
    }
    erasure::sweep(&mut tx, now).await?;
    // Dashboard sessions idle for a day are dead anyway (the idle limit is shorter).
    sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1")
        .bind(millis(now - Duration::days(1)))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(purged)
}

/// The contacts whose conversation expired, locked first and then erased one by one: a user
/// who writes meanwhile either waits for this transaction or is not in the list, never
/// half-deleted.
async fn expired(
    store: &Store,
    tx: &mut Tx,
    cutoff: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Vec<(String, String)>, StoreError> {
    let sql = format!(
        "SELECT channel, user_key FROM conversations \
         WHERE updated_at < $1 OR (step = 'consent' AND updated_at < $2){}",
        store.lock_clause()
    );
    let rows = sqlx::query(&sql)
        .bind(millis(cutoff))
        .bind(millis(now - Duration::days(UNCONSENTED_DAYS)))
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("channel")?, r.try_get("user_key")?)))
        .collect()
}
