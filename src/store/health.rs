//! What the admin's home page shows of the system: the outgoing queue per channel, sends that
//! failed lately, and when each channel last heard from anyone. Index ranges only
//! (`outbox_due`, `inbox_due`, the primary keys): cheap at any size.

use super::{Store, StoreError, from_millis};
use crate::domain::ChannelKind;
use sqlx::Row;
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelHealth {
    pub channel: ChannelKind,
    /// Waiting to be sent, or being sent now.
    pub waiting: i64,
    /// WhatsApp messages waiting for the contact to open the 24-hour window.
    pub held: i64,
    /// Given up on since `since`.
    pub failed: i64,
    pub last_inbound: Option<OffsetDateTime>,
}

pub const CHANNELS: [ChannelKind; 2] = [ChannelKind::Telegram, ChannelKind::Whatsapp];

pub async fn channels(
    store: &Store,
    since: OffsetDateTime,
) -> Result<Vec<ChannelHealth>, StoreError> {
    let mut out = Vec::with_capacity(CHANNELS.len());
    for channel in CHANNELS {
        out.push(channel_health(store, channel, since).await?);
    }
    Ok(out)
}

async fn channel_health(
    store: &Store,
    channel: ChannelKind,
    since: OffsetDateTime,
) -> Result<ChannelHealth, StoreError> {
    let pool = store.reader();
    let rows = sqlx::query(
        "SELECT status, COUNT(*) AS n FROM outbox WHERE channel = $1 \
         AND status IN ('pending', 'sending', 'held') GROUP BY status",
    )
    .bind(channel.as_str())
    .fetch_all(pool)
    .await?;
    let mut health = ChannelHealth {
        channel,
        waiting: 0,
        held: 0,
        failed: 0,
        last_inbound: None,
    };
    for row in &rows {
        let n: i64 = row.try_get("n")?;
        match row.try_get::<String, _>("status")?.as_str() {
            "held" => health.held += n,
            _ => health.waiting += n,
        }
    }
    health.failed = sqlx::query(
        "SELECT COUNT(*) AS n FROM outbox WHERE channel = $1 AND status = 'failed' AND created_at >= $2",
    )
    .bind(channel.as_str())
    .bind(super::millis(since))
    .fetch_one(pool)
    .await?
    .try_get("n")?;
    health.last_inbound =
        sqlx::query("SELECT received_at FROM inbox WHERE channel = $1 ORDER BY id DESC LIMIT 1")
            .bind(channel.as_str())
            .fetch_optional(pool)
            .await?
            .map(|r| r.try_get::<i64, _>("received_at"))
            .transpose()?
            .map(from_millis);
    Ok(health)
}
