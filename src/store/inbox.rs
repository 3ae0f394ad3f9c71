//! Raw platform updates, committed before the platform is told "received". A worker claims
//! them in order per chat, processes them, and blanks the payload.

use super::{Backend, Store, StoreError, millis};
use crate::domain::ChannelKind;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// Store one update; false when it was stored before (a redelivery).
pub async fn insert(
    store: &Store,
    channel: ChannelKind,
    external_id: &str,
    chat: &str,
    payload: &str,
    at: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO inbox (channel, external_id, chat, payload, status, not_before, received_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $5) ON CONFLICT (channel, external_id) DO NOTHING",
    )
    .bind(channel.as_str())
    .bind(external_id)
    .bind(chat)
    .bind(payload)
    .bind(millis(at))
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub id: i64,
    pub external_id: String,
    pub payload: String,
    pub attempts: i64,
}

/// Claim due updates: for each chat only its oldest unfinished one.
pub async fn claim(
    store: &Store,
    channel: ChannelKind,
    limit: i64,
    lease: Duration,
    now: OffsetDateTime,
) -> Result<Vec<Pending>, StoreError> {
    let skip_locked = match store.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE inbox SET status = 'processing', lease_until = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT i.id FROM inbox i WHERE i.channel = $2 \
           AND ((i.status = 'pending' AND i.not_before <= $3) OR (i.status = 'processing' AND i.lease_until < $3)) \
           AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.channel = i.channel AND e.chat = i.chat AND e.id < i.id \
             AND e.status IN ('pending', 'processing')) \
           ORDER BY i.id LIMIT $4{skip_locked}) \
         RETURNING id, external_id, payload, attempts"
    );
    let rows = sqlx::query(&sql)
        .bind(millis(now + lease))
        .bind(channel.as_str())
        .bind(millis(now))
        .bind(limit)
        .fetch_all(store.pool())
        .await?;
    let mut claimed = rows
        .iter()
        .map(|r| {
            Ok(Pending {
                id: r.try_get("id")?,
                external_id: r.try_get("external_id")?,
                payload: r.try_get("payload")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    claimed.sort_by_key(|p| p.id);
    Ok(claimed)
}

/// Processed: the personal data in the payload is no longer needed.
pub async fn mark_done(store: &Store, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE inbox SET status = 'done', payload = '', lease_until = NULL WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn retry_at(
    store: &Store,
    id: i64,
    not_before: OffsetDateTime,
    error: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE inbox SET status = 'pending', not_before = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
        .bind(id)
        .bind(millis(not_before))
        .bind(error)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// When this contact last wrote to us on this channel (WhatsApp's 24-hour window).
pub async fn last_received(
    store: &Store,
    channel: ChannelKind,
    chat: &str,
) -> Result<Option<OffsetDateTime>, StoreError> {
    let row =
        sqlx::query("SELECT MAX(received_at) AS at FROM inbox WHERE channel = $1 AND chat = $2")
            .bind(channel.as_str())
            .bind(chat)
            .fetch_one(store.pool())
            .await?;
    let at: Option<i64> = row.try_get("at")?;
    Ok(at.map(super::from_millis))
}
