//! Conversation state rows.

use super::sql::{bind_keys, list, values};
use super::{Store, StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, UserKey};
use crate::flow::Conversation;
use sqlx::Row;
use std::collections::HashMap;
use time::OffsetDateTime;

/// A conversation as loaded for a step. The state is None when the stored JSON cannot be
/// read (an old or damaged row): the conversation then starts afresh rather than failing
/// every message of that user.
pub type Loaded = (ConversationId, Option<Conversation>);

/// These users' conversations, locked for the rest of the transaction, by user key.
pub async fn load_for_update(
    store: &Store,
    tx: &mut Tx,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashMap<String, Loaded>, StoreError> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT id, user_key, state FROM conversations WHERE channel = $1 AND user_key IN ({}){}",
        list(users.len(), 2),
        store.lock_clause()
    );
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    let mut found = HashMap::with_capacity(users.len());
    for row in query.fetch_all(&mut **tx).await? {
        let state: String = row.try_get("state")?;
        let id = ConversationId(row.try_get("id")?);
        let conv = serde_json::from_str(&state)
            .inspect_err(|e| tracing::error!(conversation = %id, error = %e, "unreadable conversation state; starting afresh"))
            .ok();
        found.insert(row.try_get("user_key")?, (id, conv));
    }
    Ok(found)
}

/// A state to write: to its existing row, or to a new one.
pub struct Save<'a> {
    pub existing: Option<ConversationId>,
    pub user: &'a UserKey,
    pub conv: &'a Conversation,
    /// When the event happened (retention counts from it).
    pub at: OffsetDateTime,
}

/// Write the states of one batch: one UPDATE for the existing rows, one INSERT for the new.
/// A new row that another instance created meanwhile fails the transaction (unique key), so
/// the batch is run again on the state that won. Returns each user's conversation id.
pub async fn save(
    tx: &mut Tx,
    channel: ChannelKind,
    saves: &[Save<'_>],
) -> Result<HashMap<String, ConversationId>, StoreError> {
    let mut ids = HashMap::with_capacity(saves.len());
    let mut existing = Vec::new();
    let mut new = Vec::new();
    for save in saves {
        let state =
            serde_json::to_string(save.conv).map_err(|e| corrupt("conversation state", e))?;
        let step = step_name(save.conv);
        let flags = (
            i64::from(save.conv.subscribed()),
            i64::from(save.conv.unfinished()),
        );
        match save.existing {
            Some(id) => {
                ids.insert(save.user.as_str().to_owned(), id);
                existing.push((id, state, step, millis(save.at), flags));
            }
            None => new.push((save.user, state, step, millis(save.at), flags)),
        }
    }
    if !existing.is_empty() {
        // Writing again makes the owner due a fresh reminder if they stop again (nudged = 0).
        let sql = format!(
            "UPDATE conversations SET state = v.column2, step = v.column3, updated_at = v.column4, \
             subscribed = v.column5, unfinished = v.column6, nudged = 0 \
             FROM (VALUES {}) AS v WHERE conversations.id = v.column1",
            values(existing.len(), 6, 1)
        );
        let mut query = sqlx::query(&sql);
        for (id, state, step, at, (subscribed, unfinished)) in existing {
            query = query
                .bind(id.0)
                .bind(state)
                .bind(step)
                .bind(at)
                .bind(subscribed)
                .bind(unfinished);
        }
        query.execute(&mut **tx).await?;
    }
    if !new.is_empty() {
        let sql = format!(
            "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at, subscribed, unfinished) \
             SELECT $1, v.column1, v.column2, v.column3, v.column4, v.column4, v.column5, v.column6 \
             FROM (VALUES {}) AS v RETURNING id, user_key",
            values(new.len(), 6, 2)
        );
        let mut query = sqlx::query(&sql).bind(channel.as_str());
        for (user, state, step, at, (subscribed, unfinished)) in new {
            query = query
                .bind(user.as_str())
                .bind(state)
                .bind(step)
                .bind(at)
                .bind(subscribed)
                .bind(unfinished);
        }
        for row in query.fetch_all(&mut **tx).await? {
            ids.insert(row.try_get("user_key")?, ConversationId(row.try_get("id")?));
        }
    }
    Ok(ids)
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
