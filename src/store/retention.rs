//! The consent notice promises a retention period; this keeps the promise.

use super::{Store, StoreError, Tx, millis};
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

/// Delete conversations (with their leads, documents and messages) untouched since
/// `cutoff`, conversations stuck at the consent question for a week, and old dedupe keys,
/// messages and processed updates.
pub async fn purge_before(
    store: &Store,
    cutoff: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Purged, StoreError> {
    let mut tx = store.begin().await?;
    // Lock the expired rows first, then delete by id: a user who writes meanwhile either
    // waits for this transaction or is not in the list, never half-deleted.
    let sql = format!(
        "SELECT id FROM conversations WHERE updated_at < $1 OR (step = 'consent' AND updated_at < $2){}",
        store.lock_clause()
    );
    let ids: Vec<i64> = sqlx::query(&sql)
        .bind(millis(cutoff))
        .bind(millis(now - Duration::days(UNCONSENTED_DAYS)))
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    let mut purged = Purged::default();
    for id in &ids {
        purged
            .document_hashes
            .extend(delete_conversation(&mut tx, *id).await?);
    }
    purged.conversations = ids.len() as u64;
    let before = millis(cutoff);
    for sql in [
        "DELETE FROM outbox WHERE created_at < $1",
        "DELETE FROM inbound_events WHERE received_at < $1",
        "DELETE FROM inbox WHERE received_at < $1",
    ] {
        sqlx::query(sql).bind(before).execute(&mut *tx).await?;
    }
    // Dashboard sessions idle for a day are dead anyway (the idle limit is shorter).
    sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1")
        .bind(millis(now - Duration::days(1)))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(purged)
}

async fn delete_conversation(tx: &mut Tx, id: i64) -> Result<Vec<String>, StoreError> {
    let hashes = sqlx::query("DELETE FROM documents WHERE conversation_id = $1 RETURNING sha256")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| r.try_get("sha256"))
        .collect::<Result<Vec<String>, _>>()?;
    for sql in [
        "DELETE FROM leads WHERE conversation_id = $1",
        "DELETE FROM outbox WHERE conversation_id = $1",
        "DELETE FROM conversations WHERE id = $1",
    ] {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    Ok(hashes)
}
