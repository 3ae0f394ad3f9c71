//! The outbox: replies are written in the handler's transaction and delivered by a sender.
//! Rows are claimed with a lease, so several senders never deliver one message twice, and
//! only the oldest undelivered row of each chat can be claimed, so order within a chat holds.

use super::sql::{bind_ids, bind_keys, list, renew_lease, values};
use super::{Backend, Store, StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, OutboxId, UserKey};
use crate::message::Outgoing;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// One message to queue.
pub struct NewMessage<'a> {
    pub conversation: Option<ConversationId>,
    pub recipient: &'a UserKey,
    pub outgoing: &'a Outgoing,
    /// Delete once delivered (nothing is kept of people who have not agreed).
    pub transient: bool,
    /// When it was queued (due from then; retention counts from it).
    pub at: OffsetDateTime,
}

/// Queue messages in one statement. Rows are numbered in the order given, which is the order
/// each chat receives them.
pub async fn enqueue(
    tx: &mut Tx,
    channel: ChannelKind,
    messages: &[NewMessage<'_>],
) -> Result<(), StoreError> {
    if messages.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO outbox (conversation_id, channel, recipient, payload, status, not_before, transient, created_at) \
         SELECT v.column2, $1, v.column3, v.column4, 'pending', v.column6, v.column5, v.column6 \
         FROM (VALUES {}) AS v ORDER BY v.column1",
        values(messages.len(), 6, 2)
    );
    let mut query = sqlx::query(&sql).bind(channel.as_str());
    for (position, m) in messages.iter().enumerate() {
        let payload =
            serde_json::to_string(m.outgoing).map_err(|e| corrupt("outbox payload", e))?;
        query = query
            .bind(position as i64)
            .bind(m.conversation.map(|c| c.0))
            .bind(m.recipient.as_str())
            .bind(payload)
            .bind(i64::from(m.transient))
            .bind(millis(m.at));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Queue one message and return its row, for a message whose delivery is shown later (a
/// staff reply on a lead's thread).
pub async fn enqueue_one(
    tx: &mut Tx,
    channel: ChannelKind,
    m: &NewMessage<'_>,
) -> Result<OutboxId, StoreError> {
    let payload = serde_json::to_string(m.outgoing).map_err(|e| corrupt("outbox payload", e))?;
    let row = sqlx::query(
        "INSERT INTO outbox (conversation_id, channel, recipient, payload, status, not_before, transient, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, $5) RETURNING id",
    )
    .bind(m.conversation.map(|c| c.0))
    .bind(channel.as_str())
    .bind(m.recipient.as_str())
    .bind(payload)
    .bind(millis(m.at))
    .bind(i64::from(m.transient))
    .fetch_one(&mut **tx)
    .await?;
    Ok(OutboxId(row.try_get("id")?))
}

#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: OutboxId,
    pub recipient: UserKey,
    pub outgoing: Outgoing,
    pub attempts: i64,
    pub transient: bool,
    /// A campaign's notice rather than a reply.
    pub broadcast: bool,
}

/// Which messages a claim takes: replies to conversations, or campaign notices. Senders
/// take replies first, so a broadcast never holds a conversation back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Replies,
    Broadcast,
    Any,
}

impl Lane {
    fn filter(self) -> &'static str {
        match self {
            Self::Replies => " AND o.campaign_recipient_id IS NULL",
            Self::Broadcast => " AND o.campaign_recipient_id IS NOT NULL",
            Self::Any => "",
        }
    }
}

/// Claim due rows of a channel (optionally of one recipient): for each chat only its oldest
/// undelivered row. A claim lasts `lease`; a sender that dies leaves its rows to be claimed
/// again after that.
pub async fn claim(
    store: &Store,
    channel: ChannelKind,
    recipient: Option<&UserKey>,
    lane: Lane,
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
         WHERE id IN (SELECT o.id FROM outbox o WHERE o.id IN ( \
             SELECT MIN(h.id) FROM outbox h WHERE h.channel = $2 AND h.status IN ('pending', 'sending') \
               AND ($3 = '' OR h.recipient = $3) GROUP BY h.recipient) \
           AND ((o.status = 'pending' AND o.not_before <= $4) OR (o.status = 'sending' AND o.lease_until < $4)){lane} \
           ORDER BY o.id LIMIT $5{skip_locked}) \
         RETURNING id, recipient, payload, attempts, transient, campaign_recipient_id",
        lane = lane.filter()
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
                broadcast: r
                    .try_get::<Option<i64>, _>("campaign_recipient_id")?
                    .is_some(),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    // RETURNING does not promise order; chat order must be kept.
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// Extend the lease of messages still being sent (see `sql::renew_lease`).
pub async fn renew(
    store: &Store,
    ids: &[OutboxId],
    lease: Duration,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    renew_lease(store.pool(), "outbox", "sending", &ids, millis(now + lease)).await?;
    Ok(())
}

/// A delivered message and the platform's id for it.
pub struct Sent<'a> {
    pub message: &'a Claimed,
    pub platform_id: Option<String>,
    /// The chat's next message waits this long (per-chat pacing).
    pub gap: Duration,
}

/// Delivered, a batch at once: kept as `sent` with the platform's id. A transient message
/// keeps no content, and is deleted outright when its contact was forgotten. A delivery
/// status that came before the send was recorded is copied onto its row.
pub async fn mark_sent(
    tx: &mut Tx,
    channel: ChannelKind,
    sent: &[Sent<'_>],
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    if sent.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = sent.iter().map(|s| s.message.id.0).collect();
    let sql = format!(
        "DELETE FROM outbox WHERE conversation_id IS NULL AND transient = 1 AND id IN ({})",
        list(ids.len(), 1)
    );
    bind_ids(sqlx::query(&sql), &ids).execute(&mut **tx).await?;
    let sql = format!(
        "UPDATE outbox SET status = 'sent', sent_at = $1, lease_until = NULL, platform_message_id = v.column2, \
         payload = CASE WHEN transient = 1 THEN '' ELSE payload END \
         FROM (VALUES {}) AS v WHERE outbox.id = v.column1",
        values(sent.len(), 2, 2)
    );
    let mut query = sqlx::query(&sql).bind(millis(at));
    for s in sent {
        query = query.bind(s.message.id.0).bind(s.platform_id.clone());
    }
    query.execute(&mut **tx).await?;
    let sql = format!(
        "UPDATE outbox SET platform_status = s.status, platform_error = s.error_code FROM message_statuses s \
         WHERE outbox.id IN ({}) AND s.channel = outbox.channel AND s.platform_message_id = outbox.platform_message_id",
        list(ids.len(), 1)
    );
    bind_ids(sqlx::query(&sql), &ids).execute(&mut **tx).await?;
    for s in sent.iter().filter(|s| s.gap > Duration::ZERO) {
        sqlx::query(
            "UPDATE outbox SET not_before = CASE WHEN not_before < $1 THEN $1 ELSE not_before END \
             WHERE channel = $2 AND recipient = $3 AND status = 'pending'",
        )
        .bind(millis(at + s.gap))
        .bind(channel.as_str())
        .bind(s.message.recipient.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// One message delivered, in its own transaction (the console, tests).
pub async fn mark_one_sent(
    store: &Store,
    message: &Claimed,
    channel: ChannelKind,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    let sent = Sent {
        message,
        platform_id: None,
        gap: Duration::ZERO,
    };
    mark_sent(&mut tx, channel, &[sent], at).await?;
    tx.commit().await?;
    Ok(())
}

/// Try again later (rate limit, server error).
pub async fn retry_at(
    tx: &mut Tx,
    id: OutboxId,
    not_before: OffsetDateTime,
    error: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET status = 'pending', not_before = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
        .bind(id.0)
        .bind(millis(not_before))
        .bind(error)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn mark_failed(tx: &mut Tx, id: OutboxId, error: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1",
    )
    .bind(id.0)
    .bind(error)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Not sent by rule (the contact opted out before their campaign notice went).
pub async fn mark_skipped(tx: &mut Tx, id: OutboxId, why: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'skipped', lease_until = NULL, last_error = $2, payload = '' WHERE id = $1",
    )
    .bind(id.0)
    .bind(why)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every undelivered message to a contact that cannot be reached ends as failed.
pub async fn fail_all_for(
    tx: &mut Tx,
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
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// The platform id of the last message delivered to this chat: the only one whose buttons
/// still answer the current question. A staff reply on the lead's thread does not count: it
/// comes from outside the conversation and asks nothing, so the question above it stands.
pub async fn last_delivered_message(
    store: &Store,
    channel: ChannelKind,
    recipient: &UserKey,
) -> Result<Option<String>, StoreError> {
    let row = sqlx::query(
        "SELECT platform_message_id FROM outbox WHERE channel = $1 AND recipient = $2 AND status = 'sent' \
         AND platform_message_id IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM lead_messages m WHERE m.outbox_id = outbox.id) \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(channel.as_str())
    .bind(recipient.as_str())
    .fetch_optional(store.reader())
    .await?;
    Ok(row.map(|r| r.try_get("platform_message_id")).transpose()?)
}

/// Not sent and not failed: waiting for a way that is allowed (a WhatsApp template outside
/// the 24-hour window).
pub async fn mark_held(tx: &mut Tx, id: OutboxId, why: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'held', lease_until = NULL, last_error = $2 WHERE id = $1",
    )
    .bind(id.0)
    .bind(why)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The contact wrote again, so its window is open: messages held for it are sent now, in
/// their order (a staff member's notices that waited for a template-less window).
pub async fn release_held(
    tx: &mut Tx,
    channel: ChannelKind,
    recipient: &UserKey,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'pending', not_before = $3, last_error = NULL \
         WHERE channel = $1 AND recipient = $2 AND status = 'held'",
    )
    .bind(channel.as_str())
    .bind(recipient.as_str())
    .bind(millis(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// [`release_held`] for several contacts at once (everyone who wrote in a batch).
pub async fn release_held_among(
    tx: &mut Tx,
    channel: ChannelKind,
    recipients: &[&UserKey],
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    if recipients.is_empty() {
        return Ok(0);
    }
    let sql = format!(
        "UPDATE outbox SET status = 'pending', not_before = $2, last_error = NULL \
         WHERE channel = $1 AND status = 'held' AND recipient IN ({})",
        list(recipients.len(), 3)
    );
    let query = sqlx::query(&sql).bind(channel.as_str()).bind(millis(now));
    let done = bind_keys(query, recipients).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}
