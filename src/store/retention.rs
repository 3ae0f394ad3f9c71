//! The consent notice promises a retention period; this keeps the promise.

use super::{Store, StoreError, millis};
use sqlx::Row;
use time::OffsetDateTime;

/// Delete conversations (with their leads and documents) untouched since `cutoff`, and
/// the dedupe keys and delivered messages older than it. Returns the document hashes that
/// were referenced, so their files can be removed when nobody else refers to them.
pub async fn purge_before(store: &Store, cutoff: OffsetDateTime) -> Result<Purged, StoreError> {
    let cutoff = millis(cutoff);
    let mut tx = store.begin().await?;
    let old = "SELECT id FROM conversations WHERE updated_at < $1";
    let hashes: Vec<String> = sqlx::query(&format!(
        "DELETE FROM documents WHERE conversation_id IN ({old}) RETURNING sha256"
    ))
    .bind(cutoff)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| r.try_get("sha256"))
    .collect::<Result<_, _>>()?;
    sqlx::query(&format!(
        "DELETE FROM leads WHERE conversation_id IN ({old})"
    ))
    .bind(cutoff)
    .execute(&mut *tx)
    .await?;
    sqlx::query(&format!(
        "DELETE FROM outbox WHERE conversation_id IN ({old})"
    ))
    .bind(cutoff)
    .execute(&mut *tx)
    .await?;
    let conversations = sqlx::query("DELETE FROM conversations WHERE updated_at < $1")
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM outbox WHERE status = 'sent' AND created_at < $1")
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM inbound_events WHERE received_at < $1")
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Purged {
        conversations: conversations.rows_affected(),
        document_hashes: hashes,
    })
}

#[derive(Debug, Default)]
pub struct Purged {
    pub conversations: u64,
    pub document_hashes: Vec<String>,
}
