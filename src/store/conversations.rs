//! Conversation state rows.

use super::{Store, StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, UserKey};
use crate::flow::Conversation;
use sqlx::Row;
use time::OffsetDateTime;

/// The user's conversation, locked for the rest of the transaction. The state is None
/// when the stored JSON cannot be read (an old or damaged row): the conversation then
/// starts afresh rather than failing every message of that user.
pub async fn load_for_update(
    store: &Store,
    tx: &mut Tx,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<Option<(ConversationId, Option<Conversation>)>, StoreError> {
    let sql = format!(
        "SELECT id, state FROM conversations WHERE channel = $1 AND user_key = $2{}",
        store.lock_clause()
    );
    let row = sqlx::query(&sql)
        .bind(channel.as_str())
        .bind(user.as_str())
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let state: String = row.try_get("state")?;
    let id = ConversationId(row.try_get("id")?);
    let conv = serde_json::from_str(&state)
        .inspect_err(|e| tracing::error!(conversation = %id, error = %e, "unreadable conversation state; starting afresh"))
        .ok();
    Ok(Some((id, conv)))
}

pub async fn save(
    tx: &mut Tx,
    existing: Option<ConversationId>,
    channel: ChannelKind,
    user: &UserKey,
    conv: &Conversation,
    at: OffsetDateTime,
) -> Result<ConversationId, StoreError> {
    let state = serde_json::to_string(conv).map_err(|e| corrupt("conversation state", e))?;
    let step = step_name(conv);
    if let Some(id) = existing {
        sqlx::query(
            "UPDATE conversations SET state = $1, step = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(state)
        .bind(step)
        .bind(millis(at))
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
        return Ok(id);
    }
    let row = sqlx::query(
        "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(channel.as_str())
    .bind(user.as_str())
    .bind(state)
    .bind(step)
    .bind(millis(at))
    .fetch_one(&mut **tx)
    .await?;
    Ok(ConversationId(row.try_get("id")?))
}

pub async fn delete(tx: &mut Tx, id: ConversationId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM conversations WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The step's tag ("province", "document", …), from the same serde names the state uses.
fn step_name(conv: &Conversation) -> String {
    serde_json::to_value(&conv.step)
        .ok()
        .and_then(|v| v.get("step").and_then(|s| s.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

/// Read one user's state without locking (tests, `/status` tooling).
pub async fn find(
    store: &Store,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<Option<Conversation>, StoreError> {
    let row = sqlx::query("SELECT state FROM conversations WHERE channel = $1 AND user_key = $2")
        .bind(channel.as_str())
        .bind(user.as_str())
        .fetch_optional(store.pool())
        .await?;
    match row {
        None => Ok(None),
        Some(row) => {
            let state: String = row.try_get("state")?;
            serde_json::from_str(&state)
                .map(Some)
                .map_err(|e| corrupt("conversation state", e))
        }
    }
}
