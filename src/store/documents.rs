//! Document metadata. The bytes are in `crate::documents::DocumentStore`.

use super::{Store, StoreError, Tx, millis};
use crate::domain::{ConversationId, DocumentId};
use crate::flow::DocumentFile;
use crate::flow::checklist::DocItem;
use sqlx::Row;
use time::OffsetDateTime;

pub async fn insert(
    tx: &mut Tx,
    conversation: ConversationId,
    item: DocItem,
    file: &DocumentFile,
    at: OffsetDateTime,
) -> Result<DocumentId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO documents (conversation_id, item, sha256, mime, size_bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(conversation.0)
    .bind(item.as_str())
    .bind(&file.sha256)
    .bind(file.kind.mime())
    .bind(file.size as i64)
    .bind(millis(at))
    .fetch_one(&mut **tx)
    .await?;
    Ok(DocumentId(row.try_get("id")?))
}

/// Another user may have sent the very same file; it is only removed when nobody refers to it.
pub async fn is_referenced(store: &Store, sha256: &str) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM documents WHERE sha256 = $1")
        .bind(sha256)
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub id: DocumentId,
    pub item: String,
    pub sha256: String,
    pub mime: String,
    pub size_bytes: i64,
}

pub async fn list_for(
    store: &Store,
    conversation: ConversationId,
) -> Result<Vec<StoredDocument>, StoreError> {
    let rows = sqlx::query("SELECT id, item, sha256, mime, size_bytes FROM documents WHERE conversation_id = $1 ORDER BY id")
        .bind(conversation.0)
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(StoredDocument {
                id: DocumentId(r.try_get("id")?),
                item: r.try_get("item")?,
                sha256: r.try_get("sha256")?,
                mime: r.try_get("mime")?,
                size_bytes: r.try_get("size_bytes")?,
            })
        })
        .collect()
}
