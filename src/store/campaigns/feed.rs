//! From recipients to the outbox: a channel's backlog is kept at a couple of seconds of its
//! send rate, so a reply never waits behind a whole campaign and pausing takes effect at once.

use crate::campaigns::CampaignId;
use crate::domain::ChannelKind;
use crate::message::Outgoing;
use crate::store::sql::{bind_ids, list};
use crate::store::{Store, StoreError, corrupt, millis};
use sqlx::Row;
use time::OffsetDateTime;

/// One feeding of one campaign on one channel.
pub struct Feed<'a> {
    pub campaign: CampaignId,
    pub channel: ChannelKind,
    /// UTC offsets (minutes) outside quiet hours now.
    pub open_offsets: &'a [i32],
    /// At most this many recipients.
    pub room: i64,
    /// The notice, as queued for every recipient.
    pub notice: &'a Outgoing,
    pub now: OffsetDateTime,
}

/// Notices of any campaign waiting in a channel's outbox.
pub async fn backlog(store: &Store, channel: ChannelKind) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM outbox WHERE channel = $1 AND status IN ('pending', 'sending') \
         AND campaign_recipient_id IS NOT NULL",
    )
    .bind(channel.as_str())
    .fetch_one(store.pool())
    .await?;
    Ok(row.try_get("n")?)
}

/// Queue the next waiting recipients of a running campaign; returns how many. The campaign
/// row is locked first, so two instances never queue one recipient twice.
pub async fn feed(store: &Store, f: &Feed<'_>) -> Result<u64, StoreError> {
    if f.room <= 0 || f.open_offsets.is_empty() {
        return Ok(0);
    }
    let mut tx = store.begin().await?;
    // Writing first: the campaign row's lock (PostgreSQL) or the write lock (SQLite).
    let running =
        sqlx::query("UPDATE campaigns SET updated_at = $2 WHERE id = $1 AND state = 'running'")
            .bind(f.campaign.0)
            .bind(millis(f.now))
            .execute(&mut *tx)
            .await?;
    if running.rows_affected() == 0 {
        return Ok(0);
    }
    let payload = serde_json::to_string(f.notice).map_err(|e| corrupt("outbox payload", e))?;
    let sql = format!(
        "INSERT INTO outbox (conversation_id, channel, recipient, payload, status, not_before, transient, created_at, campaign_recipient_id) \
         SELECT c.id, r.channel, c.user_key, $1, 'pending', $2, 0, $2, r.id \
         FROM campaign_recipients r JOIN conversations c ON c.id = r.conversation_id \
         WHERE r.id IN (SELECT w.id FROM campaign_recipients w WHERE w.campaign_id = $3 AND w.channel = $4 \
             AND w.state = 'waiting' AND w.utc_offset IN ({}) ORDER BY w.id LIMIT $5) \
         ORDER BY r.id RETURNING campaign_recipient_id",
        list(f.open_offsets.len(), 6)
    );
    let mut query = sqlx::query(&sql)
        .bind(payload)
        .bind(millis(f.now))
        .bind(f.campaign.0)
        .bind(f.channel.as_str())
        .bind(f.room.min(MAX_FEED));
    for offset in f.open_offsets {
        query = query.bind(i64::from(*offset));
    }
    let queued: Vec<i64> = query
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("campaign_recipient_id"))
        .collect::<Result<_, _>>()?;
    if !queued.is_empty() {
        let sql = format!(
            "UPDATE campaign_recipients SET state = 'queued' WHERE id IN ({})",
            list(queued.len(), 1)
        );
        bind_ids(sqlx::query(&sql), &queued)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(queued.len() as u64)
}

/// Most recipients queued in one statement (bounded by the engines' bind limits).
const MAX_FEED: i64 = 2_000;

/// Take a paused or cancelled campaign's unsent notices back out of the outbox (those being
/// sent this instant still go). Their recipients wait again (`cancel` false) or are dropped.
pub async fn release(store: &Store, id: CampaignId, cancel: bool) -> Result<u64, StoreError> {
    let mut tx = store.begin().await?;
    // Exactly the recipients whose row was taken back: one sent long ago (its outbox row
    // since pruned) must never count as unsent.
    let taken: Vec<i64> = sqlx::query(
        "DELETE FROM outbox WHERE status IN ('pending', 'held') AND campaign_recipient_id IN \
         (SELECT id FROM campaign_recipients WHERE campaign_id = $1 AND state = 'queued') \
         RETURNING campaign_recipient_id",
    )
    .bind(id.0)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| r.try_get("campaign_recipient_id"))
    .collect::<Result<_, _>>()?;
    let to = if cancel { "cancelled" } else { "waiting" };
    for ids in taken.chunks(MAX_FEED as usize) {
        let sql = format!(
            "UPDATE campaign_recipients SET state = '{to}' WHERE id IN ({})",
            list(ids.len(), 1)
        );
        bind_ids(sqlx::query(&sql), ids).execute(&mut *tx).await?;
    }
    if cancel {
        sqlx::query("UPDATE campaign_recipients SET state = 'cancelled' WHERE campaign_id = $1 AND state = 'waiting'")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(taken.len() as u64)
}

/// A running campaign whose every recipient was written and sent to (or skipped) is done.
pub async fn finish_if_done(
    store: &Store,
    id: CampaignId,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE campaigns SET state = 'done', finished_at = $2, updated_at = $2 \
         WHERE id = $1 AND state = 'running' AND materialised = 1 \
           AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = $1 AND r.state = 'waiting') \
           AND NOT EXISTS (SELECT 1 FROM outbox o JOIN campaign_recipients r ON r.id = o.campaign_recipient_id \
               WHERE o.status IN ('pending', 'sending') AND o.campaign_recipient_id IS NOT NULL AND r.campaign_id = $1)",
    )
    .bind(id.0)
    .bind(millis(now))
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}
