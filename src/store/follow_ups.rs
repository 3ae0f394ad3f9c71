//! Follow-ups of conversations: one row per (event, conversation), fired by a timer. The row
//! dies with its conversation, so a contact who erased their data is never followed up.

use super::{Store, StoreError, Tx, corrupt, from_millis, millis};
use crate::domain::{ChannelKind, ConversationId, UserKey};
use crate::flow::Conversation;
use sqlx::Row;
use time::OffsetDateTime;

/// A new result replaces the follow-ups of the one before (their timers then find nothing).
pub async fn clear(tx: &mut Tx, conversation: ConversationId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM follow_ups WHERE conversation_id = $1")
        .bind(conversation.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Plan (or move) a follow-up; returns its id for the timer.
pub async fn schedule(
    tx: &mut Tx,
    event: &str,
    conversation: ConversationId,
    due: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO follow_ups (event, conversation_id, due_at, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (event, conversation_id) DO UPDATE SET due_at = excluded.due_at RETURNING id",
    )
    .bind(event)
    .bind(conversation.0)
    .bind(millis(due))
    .bind(millis(now))
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("id")?)
}

/// A follow-up that came due, with what sending it needs.
#[derive(Debug)]
pub struct Due {
    pub event: String,
    pub conversation: ConversationId,
    pub channel: ChannelKind,
    pub user: UserKey,
    /// Takes notices (agreed and did not opt out).
    pub subscribed: bool,
    pub state: Option<Conversation>,
    /// The owner's last message.
    pub last_seen: OffsetDateTime,
}

/// Take a follow-up to send it: None when it is gone (erased, sent by another instance) or
/// was moved later (its newer timer will come).
pub async fn take(tx: &mut Tx, id: i64, now: OffsetDateTime) -> Result<Option<Due>, StoreError> {
    let row = sqlx::query(
        "SELECT f.event, f.due_at, c.id AS conversation, c.channel, c.user_key, c.subscribed, c.state, c.updated_at \
         FROM follow_ups f JOIN conversations c ON c.id = f.conversation_id WHERE f.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    if from_millis(row.try_get("due_at")?) > now {
        return Ok(None);
    }
    sqlx::query("DELETE FROM follow_ups WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let channel: String = row.try_get("channel")?;
    let state: String = row.try_get("state")?;
    Ok(Some(Due {
        event: row.try_get("event")?,
        conversation: ConversationId(row.try_get("conversation")?),
        channel: ChannelKind::parse(&channel)
            .ok_or_else(|| corrupt("conversation channel", &channel))?,
        user: UserKey::new(row.try_get::<String, _>("user_key")?),
        subscribed: row.try_get::<i64, _>("subscribed")? != 0,
        state: serde_json::from_str(&state).ok(),
        last_seen: from_millis(row.try_get("updated_at")?),
    }))
}

/// A conversation left unfinished, as a reminder needs it.
#[derive(Debug)]
pub struct Unfinished {
    pub conversation: ConversationId,
    pub channel: ChannelKind,
    pub user: UserKey,
    pub state: Option<Conversation>,
}

/// Conversations left unfinished between `from` and `until` (by their last message) that
/// take notices and were not reminded since.
pub async fn unfinished(
    store: &Store,
    from: OffsetDateTime,
    until: OffsetDateTime,
    limit: i64,
) -> Result<Vec<Unfinished>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, channel, user_key, state FROM conversations WHERE unfinished = 1 AND nudged = 0 \
         AND updated_at > $1 AND updated_at <= $2 AND subscribed = 1 ORDER BY updated_at LIMIT $3",
    )
    .bind(millis(from))
    .bind(millis(until))
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let channel: String = r.try_get("channel")?;
            let state: String = r.try_get("state")?;
            Ok(Unfinished {
                conversation: ConversationId(r.try_get("id")?),
                channel: ChannelKind::parse(&channel)
                    .ok_or_else(|| corrupt("conversation channel", &channel))?,
                user: UserKey::new(r.try_get::<String, _>("user_key")?),
                state: serde_json::from_str(&state).ok(),
            })
        })
        .collect()
}

/// Reminded: not again until the owner writes (a save clears the mark).
pub async fn mark_nudged(tx: &mut Tx, id: ConversationId) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE conversations SET nudged = 1 WHERE id = $1 AND nudged = 0")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
