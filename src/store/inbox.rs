//! Raw platform updates, committed before the platform is told "received". A worker claims
//! them in order per chat, processes them, and settles them in the conversation's own
//! transaction (status `done`, payload blanked). Only live rows (`pending`, `processing`) are
//! in the `inbox_live` index, so claims never read history.

use super::sql::{bind_ids, list, renew_lease};
use super::{Backend, Store, StoreError, Tx, millis};
use crate::domain::ChannelKind;
use sqlx::Row;
use std::collections::HashSet;
use time::{Duration, OffsetDateTime};

/// One update as received.
#[derive(Debug, Clone)]
pub struct NewUpdate {
    pub channel: ChannelKind,
    pub external_id: String,
    pub chat: String,
    pub payload: String,
    pub at: OffsetDateTime,
}

/// Store one update; false when it was stored before (a redelivery).
pub async fn insert(store: &Store, update: &NewUpdate) -> Result<bool, StoreError> {
    Ok(insert_many(store, std::slice::from_ref(update)).await?[0])
}

/// Store many updates in one statement (one commit: group commit for concurrent webhooks).
/// For each, in order: true when it is new, false for a redelivery.
pub async fn insert_many(store: &Store, updates: &[NewUpdate]) -> Result<Vec<bool>, StoreError> {
    if updates.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "INSERT INTO inbox (channel, external_id, chat, payload, status, not_before, received_at) \
         VALUES {} ON CONFLICT (channel, external_id) DO NOTHING RETURNING channel, external_id",
        values_with_pending(updates.len())
    );
    let mut query = sqlx::query(&sql);
    for u in updates {
        query = query
            .bind(u.channel.as_str())
            .bind(&u.external_id)
            .bind(&u.chat)
            .bind(&u.payload)
            .bind(millis(u.at));
    }
    let rows = query.fetch_all(store.pool()).await?;
    let mut fresh = HashSet::with_capacity(rows.len());
    for r in &rows {
        fresh.insert((
            r.try_get::<String, _>("channel")?,
            r.try_get::<String, _>("external_id")?,
        ));
    }
    // A batch may hold the same update twice (a redelivery racing the original): only the
    // first counts as new.
    Ok(updates
        .iter()
        .map(|u| fresh.remove(&(u.channel.as_str().to_owned(), u.external_id.clone())))
        .collect())
}

/// `($1, $2, $3, $4, 'pending', $5, $5), …`
fn values_with_pending(rows: usize) -> String {
    (0..rows)
        .map(|row| {
            let n = row * 5;
            format!(
                "(${}, ${}, ${}, ${}, 'pending', ${}, ${})",
                n + 1,
                n + 2,
                n + 3,
                n + 4,
                n + 5,
                n + 5
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub id: i64,
    pub external_id: String,
    pub payload: String,
    pub attempts: i64,
}

/// Claim due updates: for each chat only its oldest live one, and only if that one is due
/// (pending and past `not_before`, or processing under a lease that ran out).
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
         WHERE id IN (SELECT i.id FROM inbox i WHERE i.id IN ( \
             SELECT MIN(h.id) FROM inbox h WHERE h.channel = $2 AND h.status IN ('pending', 'processing') \
             GROUP BY h.chat) \
           AND ((i.status = 'pending' AND i.not_before <= $3) OR (i.status = 'processing' AND i.lease_until < $3)) \
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

/// Extend the lease of updates still being worked on (see `sql::renew_lease`).
pub async fn renew(
    store: &Store,
    ids: &[i64],
    lease: Duration,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    renew_lease(
        store.pool(),
        "inbox",
        "processing",
        ids,
        millis(now + lease),
    )
    .await?;
    Ok(())
}

/// Processed, in the transaction that did the work: the personal data in the payload is no
/// longer needed, and the rows leave the live index.
pub async fn mark_done(tx: &mut Tx, ids: &[i64]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "UPDATE inbox SET status = 'done', payload = '', lease_until = NULL WHERE id IN ({})",
        list(ids.len(), 1)
    );
    bind_ids(sqlx::query(&sql), ids).execute(&mut **tx).await?;
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

/// When this contact last wrote to us on this channel (WhatsApp's 24-hour window). The
/// newest row of the chat is the latest received: one step down `inbox_chat`.
pub async fn last_received(
    store: &Store,
    channel: ChannelKind,
    chat: &str,
) -> Result<Option<OffsetDateTime>, StoreError> {
    let row = sqlx::query(
        "SELECT received_at FROM inbox WHERE channel = $1 AND chat = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(channel.as_str())
    .bind(chat)
    .fetch_optional(store.reader())
    .await?;
    Ok(row
        .map(|r| r.try_get::<i64, _>("received_at"))
        .transpose()?
        .map(super::from_millis))
}
