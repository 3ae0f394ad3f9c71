//! The outbox: replies are written in the handler's transaction and delivered by a sender.
//! Rows are claimed with a lease, so several senders never deliver one message twice.

use super::{Backend, Store, StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, OutboxId, UserKey};
use crate::message::OutMessage;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

pub async fn enqueue(
    tx: &mut Tx,
    channel: ChannelKind,
    recipient: &UserKey,
    conversation: Option<ConversationId>,
    message: &OutMessage,
    transient: bool,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let payload = serde_json::to_string(message).map_err(|e| corrupt("outbox payload", e))?;
    sqlx::query(
        "INSERT INTO outbox (conversation_id, channel, recipient, payload, status, not_before, transient, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $5)",
    )
    .bind(conversation.map(|c| c.0))
    .bind(channel.as_str())
    .bind(recipient.as_str())
    .bind(payload)
    .bind(millis(at))
    .bind(i64::from(transient))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: OutboxId,
    pub recipient: UserKey,
    pub message: OutMessage,
    pub attempts: i64,
    pub transient: bool,
}

/// Claim due messages of a channel (optionally one recipient), oldest first. A claim
/// lasts `lease`; a sender that dies leaves them to be claimed again after it.
pub async fn claim(
    store: &Store,
    channel: ChannelKind,
    recipient: Option<&UserKey>,
    limit: i64,
    lease: Duration,
    now: OffsetDateTime,
) -> Result<Vec<Claimed>, StoreError> {
    let skip_locked = match store.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE outbox SET status = 'sending', lease_until = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox WHERE channel = $2 AND ($3 = '' OR recipient = $3) \
           AND ((status = 'pending' AND not_before <= $4) OR (status = 'sending' AND lease_until < $4)) \
           ORDER BY id LIMIT $5{skip_locked}) \
         RETURNING id, recipient, payload, attempts, transient"
    );
    let rows = sqlx::query(&sql)
        .bind(millis(now + lease))
        .bind(channel.as_str())
        .bind(recipient.map_or("", UserKey::as_str))
        .bind(millis(now))
        .bind(limit)
        .fetch_all(store.pool())
        .await?;
    let mut claimed = rows
        .iter()
        .map(|r| {
            let payload: String = r.try_get("payload")?;
            Ok(Claimed {
                id: OutboxId(r.try_get("id")?),
                recipient: UserKey::new(r.try_get::<String, _>("recipient")?),
                message: serde_json::from_str(&payload)
                    .map_err(|e| corrupt("outbox payload", e))?,
                attempts: r.try_get("attempts")?,
                transient: r.try_get::<i64, _>("transient")? != 0,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    // RETURNING does not promise order; chat order must be kept.
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// Delivered: kept as `sent`, or deleted when it belonged to a user we keep nothing of.
pub async fn mark_sent(
    store: &Store,
    message: &Claimed,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let query = if message.transient {
        sqlx::query("DELETE FROM outbox WHERE id = $1").bind(message.id.0)
    } else {
        sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $2, lease_until = NULL WHERE id = $1",
        )
        .bind(message.id.0)
        .bind(millis(at))
    };
    query.execute(store.pool()).await?;
    Ok(())
}

/// Try again later (rate limit, server error).
pub async fn retry_at(
    store: &Store,
    id: OutboxId,
    not_before: OffsetDateTime,
    error: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET status = 'pending', not_before = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
        .bind(id.0)
        .bind(millis(not_before))
        .bind(error)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn mark_failed(store: &Store, id: OutboxId, error: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1",
    )
    .bind(id.0)
    .bind(error)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// When a contact is forgotten, every message to them goes too.
pub async fn delete_for_recipient(
    tx: &mut Tx,
    channel: ChannelKind,
    recipient: &UserKey,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM outbox WHERE channel = $1 AND recipient = $2")
        .bind(channel.as_str())
        .bind(recipient.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Messages per status, for tests and metrics.
pub async fn count_by_status(store: &Store, status: &str) -> Result<i64, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE status = $1")
        .bind(status)
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}
