//! One-time links with which a staff member sets their own password: for a new account, or
//! after an admin resets it. Only the token's SHA-256 is stored.

use super::{Store, StoreError, Tx, millis};
use crate::access::{Staff, StaffId};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// A link works for this long after the admin was shown it.
pub const LIFETIME: Duration = Duration::hours(24);

/// The account's new link, in the caller's transaction; its previous link stops working.
pub async fn replace(
    tx: &mut Tx,
    staff: StaffId,
    token_hash: &str,
    at: OffsetDateTime,
) -> Result<OffsetDateTime, StoreError> {
    let expires = at + LIFETIME;
    revoke(tx, staff).await?;
    sqlx::query(
        "INSERT INTO password_links (staff_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(staff.0)
    .bind(token_hash)
    .bind(millis(at))
    .bind(millis(expires))
    .execute(&mut **tx)
    .await?;
    Ok(expires)
}

/// The account's link stops working (it was disabled).
pub async fn revoke(tx: &mut Tx, staff: StaffId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM password_links WHERE staff_id = $1")
        .bind(staff.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The active account a link that still works belongs to.
pub async fn holder(
    store: &Store,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<Staff>, StoreError> {
    let row = sqlx::query(
        "SELECT staff_id FROM password_links WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(millis(now))
    .fetch_optional(store.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let staff = super::staff::get(store, StaffId(row.try_get("staff_id")?)).await?;
    Ok(staff.filter(|s| !s.disabled))
}

/// Use the link: the password is set, every session of the account ends and the link is
/// spent, together (and audited). `None`, with nothing changed, when the link is unknown,
/// used, old, or its account disabled.
pub async fn spend(
    store: &Store,
    token_hash: &str,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<StaffId>, StoreError> {
    let mut tx = store.begin().await?;
    // Deleting first takes the row: a second submission of the same link waits here, then
    // finds nothing.
    let row = sqlx::query(
        "DELETE FROM password_links WHERE token_hash = $1 AND expires_at > $2 RETURNING staff_id",
    )
    .bind(token_hash)
    .bind(millis(now))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let staff = StaffId(row.try_get("staff_id")?);
    let set = sqlx::query("UPDATE staff SET password_hash = $2 WHERE id = $1 AND disabled = 0")
        .bind(staff.0)
        .bind(password_hash)
        .execute(&mut *tx)
        .await?;
    if set.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
        .bind(staff.0)
        .execute(&mut *tx)
        .await?;
    super::audit::record(&mut tx, staff, "password_set_by_link", None, "", now).await?;
    tx.commit().await?;
    Ok(Some(staff))
}
