//! Staff members' own chats: one-time link codes, and the chat each account is linked to.

use super::sql::{bind_keys, list};
use super::{Store, StoreError, Tx, millis};
use crate::access::StaffId;
use crate::domain::{ChannelKind, UserKey};
use sqlx::Row;
use std::collections::HashMap;
use time::OffsetDateTime;

/// A staff member's linked chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub staff: StaffId,
    pub channel: ChannelKind,
    pub user: UserKey,
}

/// A new code replaces any earlier one of the account.
pub async fn create_code(
    store: &Store,
    staff: StaffId,
    code_hash: &str,
    expires: OffsetDateTime,
) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    sqlx::query("DELETE FROM link_codes WHERE staff_id = $1")
        .bind(staff.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO link_codes (code_hash, staff_id, expires_at) VALUES ($1, $2, $3)")
        .bind(code_hash)
        .bind(staff.0)
        .bind(millis(expires))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Spend a code: the account it belongs to, if it is unexpired and the account active.
pub async fn use_code(
    tx: &mut Tx,
    code_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<StaffId>, StoreError> {
    let row =
        sqlx::query("DELETE FROM link_codes WHERE code_hash = $1 RETURNING staff_id, expires_at")
            .bind(code_hash)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let staff = StaffId(row.try_get("staff_id")?);
    if row.try_get::<i64, _>("expires_at")? < millis(now) {
        return Ok(None);
    }
    let active = sqlx::query("SELECT COUNT(*) AS n FROM staff WHERE id = $1 AND disabled = 0")
        .bind(staff.0)
        .fetch_one(&mut **tx)
        .await?;
    Ok((active.try_get::<i64, _>("n")? == 1).then_some(staff))
}

/// Link the account to this chat; a chat belongs to one account, an account to one chat.
pub async fn link(tx: &mut Tx, link: &Link, at: OffsetDateTime) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM staff_links WHERE staff_id = $1 OR (channel = $2 AND user_key = $3)")
        .bind(link.staff.0)
        .bind(link.channel.as_str())
        .bind(link.user.as_str())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO staff_links (staff_id, channel, user_key, linked_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(link.staff.0)
    .bind(link.channel.as_str())
    .bind(link.user.as_str())
    .bind(millis(at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Remove the account's link; true when there was one.
pub async fn unlink(tx: &mut Tx, staff: StaffId) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM staff_links WHERE staff_id = $1")
        .bind(staff.0)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn of_staff(tx: &mut Tx, staff: StaffId) -> Result<Option<Link>, StoreError> {
    let row = sqlx::query("SELECT channel, user_key FROM staff_links WHERE staff_id = $1")
        .bind(staff.0)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| link_row(staff, &r)).transpose()
}

/// The staff account linked to this chat, if any.
pub async fn of_user(
    tx: &mut Tx,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<Option<Link>, StoreError> {
    let row = sqlx::query("SELECT staff_id FROM staff_links WHERE channel = $1 AND user_key = $2")
        .bind(channel.as_str())
        .bind(user.as_str())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row
        .map(|r| r.try_get("staff_id").map(StaffId))
        .transpose()?
        .map(|staff| Link {
            staff,
            channel,
            user: user.clone(),
        }))
}

/// Linked chats of many accounts, read outside a transaction (the dashboard).
pub async fn all(store: &Store) -> Result<HashMap<StaffId, Link>, StoreError> {
    let rows = sqlx::query("SELECT staff_id, channel, user_key FROM staff_links")
        .fetch_all(store.reader())
        .await?;
    rows.iter()
        .map(|r| {
            let staff = StaffId(r.try_get("staff_id")?);
            Ok((staff, link_row(staff, r)?))
        })
        .collect()
}

fn link_row(staff: StaffId, r: &sqlx::any::AnyRow) -> Result<Link, StoreError> {
    let channel: String = r.try_get("channel")?;
    Ok(Link {
        staff,
        channel: ChannelKind::parse(&channel)
            .ok_or_else(|| super::corrupt("staff link channel", channel))?,
        user: UserKey::new(r.try_get::<String, _>("user_key")?),
    })
}

/// Which of these chats belong to staff accounts.
pub async fn staff_among(
    tx: &mut Tx,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashMap<String, StaffId>, StoreError> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT staff_id, user_key FROM staff_links WHERE channel = $1 AND user_key IN ({})",
        list(users.len(), 2)
    );
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| Ok((r.try_get("user_key")?, StaffId(r.try_get("staff_id")?))))
        .collect()
}
