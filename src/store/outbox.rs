//! The outbox: replies are written in the handler's transaction and delivered by a sender.
//! Rows are claimed with a lease, so several senders never deliver one message twice, and
//! only the oldest undelivered row of each chat can be claimed, so order within a chat holds.

use super::{Backend, Store, StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, OutboxId, UserKey};
use crate::message::Outgoing;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

pub async fn enqueue(
    tx: &mut Tx,
    channel: ChannelKind,
    recipient: &UserKey,
    conversation: Option<ConversationId>,
    outgoing: &Outgoing,
    transient: bool,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let payload = serde_json::to_string(outgoing).map_err(|e| corrupt("outbox payload", e))?;
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
    pub outgoing: Outgoing,
    pub attempts: i64,
    pub transient: bool,
}

/// Claim due rows of a channel (optionally of one recipient): for each chat only its oldest
/// undelivered row. A claim lasts `lease`; a sender that dies leaves its rows to be claimed
/// again after that.
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
         WHERE id IN (SELECT o.id FROM outbox o WHERE o.channel = $2 AND ($3 = '' OR o.recipient = $3) \
           AND ((o.status = 'pending' AND o.not_before <= $4) OR (o.status = 'sending' AND o.lease_until < $4)) \
           AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.channel = o.channel AND e.recipient = o.recipient \
             AND e.id < o.id AND e.status IN ('pending', 'sending')) \
           ORDER BY o.id LIMIT $5{skip_locked}) \
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
                outgoing: serde_json::from_str(&payload)
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

/// Delivered: kept as `sent` with the platform's id for it. A transient message keeps no
/// content, and is deleted outright when its contact was forgotten. The chat's next message
/// waits `gap` (per-chat pacing).
pub async fn mark_sent(
    store: &Store,
    message: &Claimed,
    channel: ChannelKind,
    platform_id: Option<&str>,
    gap: Duration,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    if message.transient {
        sqlx::query("DELETE FROM outbox WHERE id = $1 AND conversation_id IS NULL")
            .bind(message.id.0)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "UPDATE outbox SET status = 'sent', sent_at = $2, lease_until = NULL, platform_message_id = $3, \
         payload = CASE WHEN transient = 1 THEN '' ELSE payload END WHERE id = $1",
    )
    .bind(message.id.0)
    .bind(millis(at))
    .bind(platform_id.map(str::to_owned))
    .execute(&mut *tx)
    .await?;
    if gap > Duration::ZERO {
        let next = millis(at + gap);
        sqlx::query(
            "UPDATE outbox SET not_before = CASE WHEN not_before < $1 THEN $1 ELSE not_before END \
             WHERE channel = $2 AND recipient = $3 AND status = 'pending'",
        )
        .bind(next)
        .bind(channel.as_str())
        .bind(message.recipient.as_str())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
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

/// Every undelivered message to a contact that cannot be reached ends as failed.
pub async fn fail_all_for(
    store: &Store,
    channel: ChannelKind,
    recipient: &UserKey,
    error: &str,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = $3 \
         WHERE channel = $1 AND recipient = $2 AND status IN ('pending', 'sending')",
    )
    .bind(channel.as_str())
    .bind(recipient.as_str())
    .bind(error)
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected())
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

/// The platform id of the last message delivered to this chat: the only one whose buttons
/// still answer the current question.
pub async fn last_delivered_message(
    store: &Store,
    channel: ChannelKind,
    recipient: &UserKey,
) -> Result<Option<String>, StoreError> {
    let row = sqlx::query(
        "SELECT platform_message_id FROM outbox WHERE channel = $1 AND recipient = $2 AND status = 'sent' \
         AND platform_message_id IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(channel.as_str())
    .bind(recipient.as_str())
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|r| r.try_get("platform_message_id")).transpose()?)
}

/// Not sent and not failed: waiting for a way that is allowed (a WhatsApp template outside
/// the 24-hour window).
pub async fn mark_held(store: &Store, id: OutboxId, why: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'held', lease_until = NULL, last_error = $2 WHERE id = $1",
    )
    .bind(id.0)
    .bind(why)
    .execute(store.pool())
    .await?;
    Ok(())
}
