//! Staff accounts, sessions and the one-time setup link.

use super::{Store, StoreError, Tx, millis};
use crate::access::{Profile, Role, Staff, StaffId};
use crate::reference::RegionCode;
use crate::referrals::{Coverage, Desk};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::{Duration, OffsetDateTime};

fn staff_row(r: &AnyRow) -> Result<Staff, StoreError> {
    let role: String = r.try_get("role")?;
    let region: Option<String> = r.try_get("region_code")?;
    let desk: Option<String> = r.try_get("desk")?;
    let coverage: String = r.try_get("coverage")?;
    let profile = Profile {
        organisation: r.try_get("organisation")?,
        desk: desk
            .map(|d| Desk::parse(&d).ok_or_else(|| super::corrupt("staff desk", d)))
            .transpose()?,
        coverage: Coverage::parse(&coverage).map_err(|e| super::corrupt("staff coverage", e))?,
        capacity: u32::try_from(r.try_get::<i64, _>("capacity")?).unwrap_or(0),
        contact: r.try_get("contact")?,
    };
    Ok(Staff {
        profile,
        id: StaffId(r.try_get("id")?),
        email: r.try_get("email")?,
        name: r.try_get("name")?,
        role: Role::parse(&role).ok_or_else(|| super::corrupt("staff role", &role))?,
        region: region
            .map(|c| RegionCode::parse(&c).map_err(|e| super::corrupt("staff region", e)))
            .transpose()?,
        disabled: r.try_get::<i64, _>("disabled")? != 0,
    })
}

const STAFF_COLUMNS: &str =
    "id, email, name, role, region_code, disabled, organisation, desk, coverage, capacity, contact";

pub async fn add(
    store: &Store,
    email: &str,
    name: &str,
    role: Role,
    region: Option<&RegionCode>,
    password_hash: &str,
    at: OffsetDateTime,
) -> Result<StaffId, StoreError> {
    let mut tx = store.begin().await?;
    let id = add_in(&mut tx, email, name, role, region, password_hash, at).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`add`], in the caller's transaction.
pub async fn add_in(
    tx: &mut Tx,
    email: &str,
    name: &str,
    role: Role,
    region: Option<&RegionCode>,
    password_hash: &str,
    at: OffsetDateTime,
) -> Result<StaffId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO staff (email, name, role, region_code, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(email.to_lowercase())
    // Callers pass a parsed `StaffIdentity`'s name; the first admin's setup page passes its
    // form's text, so hidden controls are dropped here as well.
    .bind(crate::parse::one_line(name))
    .bind(role.as_str())
    .bind(region.map(|r| r.as_str().to_owned()))
    .bind(password_hash)
    .bind(millis(at))
    .fetch_one(&mut **tx)
    .await?;
    Ok(StaffId(row.try_get("id")?))
}

/// What an account may see: its role and region.
pub async fn set_access(
    tx: &mut Tx,
    id: StaffId,
    role: Role,
    region: Option<&RegionCode>,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE staff SET role = $2, region_code = $3 WHERE id = $1")
        .bind(id.0)
        .bind(role.as_str())
        .bind(region.map(|r| r.as_str().to_owned()))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The active admins, their rows locked until the caller's transaction ends where the engine
/// has row locks (SQLite's write lock already serialises): two admins demoting each other at
/// once cannot both pass a last-admin check.
pub async fn active_admins_locked(store: &Store, tx: &mut Tx) -> Result<Vec<StaffId>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT id FROM staff WHERE role = 'admin' AND disabled = 0 ORDER BY id{}",
        store.lock_clause()
    ))
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(|r| Ok(StaffId(r.try_get("id")?))).collect()
}

pub async fn list(store: &Store) -> Result<Vec<Staff>, StoreError> {
    let rows = sqlx::query(&format!("SELECT {STAFF_COLUMNS} FROM staff ORDER BY id"))
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(staff_row).collect()
}

pub async fn get(store: &Store, id: StaffId) -> Result<Option<Staff>, StoreError> {
    let row = sqlx::query(&format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(staff_row).transpose()
}

/// The account and its password hash, for logging in.
pub async fn credentials(
    store: &Store,
    email: &str,
) -> Result<Option<(Staff, String)>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {STAFF_COLUMNS}, password_hash FROM staff WHERE email = $1"
    ))
    .bind(email.trim().to_lowercase())
    .fetch_optional(store.pool())
    .await?;
    row.map(|r| Ok((staff_row(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

/// A new password ends every session of the account (a stolen one too).
pub async fn set_password(
    store: &Store,
    email: &str,
    password_hash: &str,
) -> Result<bool, StoreError> {
    let mut tx = store.begin().await?;
    let done = sqlx::query("UPDATE staff SET password_hash = $2 WHERE email = $1")
        .bind(email.to_lowercase())
        .bind(password_hash)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE staff_id IN (SELECT id FROM staff WHERE email = $1)")
        .bind(email.to_lowercase())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// A consultant's organisation, desk, coverage, capacity and contact.
pub async fn set_profile(tx: &mut Tx, id: StaffId, profile: &Profile) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE staff SET organisation = $2, desk = $3, coverage = $4, capacity = $5, contact = $6 WHERE id = $1",
    )
    .bind(id.0)
    .bind(&profile.organisation)
    .bind(profile.desk.map(Desk::as_str))
    .bind(profile.coverage.to_string())
    .bind(i64::from(profile.capacity))
    .bind(profile.contact.clone())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn get_in(tx: &mut Tx, id: StaffId) -> Result<Option<Staff>, StoreError> {
    let row = sqlx::query(&format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(staff_row).transpose()
}

/// Active dinas officers whose region holds this one (its kab/kota or its province).
pub async fn dinas_for(tx: &mut Tx, region: &RegionCode) -> Result<Vec<StaffId>, StoreError> {
    let rows = sqlx::query(
        "SELECT id FROM staff WHERE role = 'dinas' AND disabled = 0 AND region_code IN ($1, $2) ORDER BY id",
    )
    .bind(region.as_str())
    .bind(region.province().as_str().to_owned())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(|r| Ok(StaffId(r.try_get("id")?))).collect()
}

pub async fn by_email(store: &Store, email: &str) -> Result<Option<Staff>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {STAFF_COLUMNS} FROM staff WHERE email = $1"
    ))
    .bind(email.trim().to_lowercase())
    .fetch_optional(store.pool())
    .await?;
    row.as_ref().map(staff_row).transpose()
}

/// Enable again an account that was disabled.
pub async fn enable(tx: &mut Tx, id: StaffId) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE staff SET disabled = 0 WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Disable an account and end its sessions and its password link, in the caller's
/// transaction (which also moves its open referrals on).
pub async fn disable_in(tx: &mut Tx, id: StaffId) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE staff SET disabled = 1 WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    super::password_links::revoke(tx, id).await?;
    sqlx::query("DELETE FROM sessions WHERE staff_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Disable an account and end its sessions.
pub async fn disable(store: &Store, email: &str) -> Result<bool, StoreError> {
    let mut tx = store.begin().await?;
    let done = sqlx::query("UPDATE staff SET disabled = 1 WHERE email = $1")
        .bind(email.to_lowercase())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE staff_id IN (SELECT id FROM staff WHERE email = $1)")
        .bind(email.to_lowercase())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

pub async fn admin_exists(store: &Store) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND disabled = 0")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Consultants, for the "assign" list.
pub async fn consultants(store: &Store) -> Result<Vec<Staff>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {STAFF_COLUMNS} FROM staff WHERE role = 'konsultan' AND disabled = 0 ORDER BY name"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(staff_row).collect()
}

pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

pub async fn create_session(
    store: &Store,
    id_hash: &str,
    staff: StaffId,
    csrf: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO sessions (id_hash, staff_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)")
        .bind(id_hash)
        .bind(staff.0)
        .bind(csrf)
        .bind(millis(at))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The session's staff member and CSRF token, if it is alive (and then it is touched).
pub async fn session(
    store: &Store,
    id_hash: &str,
    limits: &SessionLimits,
    now: OffsetDateTime,
) -> Result<Option<(Staff, String)>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT s.csrf_token, s.created_at, s.last_seen_at, {} FROM sessions s JOIN staff ON staff.id = s.staff_id WHERE s.id_hash = $1",
        STAFF_COLUMNS.split(", ").map(|c| format!("staff.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(id_hash)
    .fetch_optional(store.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let staff = staff_row(&row)?;
    let created = super::from_millis(row.try_get("created_at")?);
    let seen = super::from_millis(row.try_get("last_seen_at")?);
    if staff.disabled || now - seen > limits.idle || now - created > limits.absolute {
        end_session(store, id_hash).await?;
        return Ok(None);
    }
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1")
        .bind(id_hash)
        .bind(millis(now))
        .execute(store.pool())
        .await?;
    Ok(Some((staff, row.try_get("csrf_token")?)))
}

pub async fn end_session(store: &Store, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn create_setup_token(
    store: &Store,
    token_hash: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
        .bind(token_hash)
        .bind(millis(at))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// A setup link works for this long after it was printed.
pub const SETUP_LINK_LIFETIME: Duration = Duration::hours(1);

/// The first admin, made with the setup token in one transaction: the token is spent only
/// when the account exists, so a failure leaves the link working. `None` when the token is
/// unknown, used or old, or an admin exists already (a second submission that lost a race).
pub async fn create_first_admin(
    store: &Store,
    token_hash: &str,
    email: &str,
    name: &str,
    password_hash: &str,
    at: OffsetDateTime,
) -> Result<Option<StaffId>, StoreError> {
    let mut tx = store.begin().await?;
    // Deleting the token first takes its row: a racing submission waits here, then finds
    // nothing to delete.
    let spent = sqlx::query(
        "DELETE FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND created_at >= $2",
    )
    .bind(token_hash)
    .bind(millis(at - SETUP_LINK_LIFETIME))
    .execute(&mut *tx)
    .await?;
    let admins: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND disabled = 0")
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
    if spent.rows_affected() != 1 || admins > 0 {
        return Ok(None);
    }
    let row = sqlx::query(
        "INSERT INTO staff (email, name, role, region_code, password_hash, created_at) VALUES ($1, $2, 'admin', NULL, $3, $4) RETURNING id",
    )
    .bind(email.to_lowercase())
    .bind(name)
    .bind(password_hash)
    .bind(millis(at))
    .fetch_one(&mut *tx)
    .await?;
    let id = StaffId(row.try_get("id")?);
    // Any other printed link dies with this one.
    sqlx::query("DELETE FROM setup_tokens")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn setup_token_valid(
    store: &Store,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM setup_tokens WHERE token_hash = $1 AND used_at IS NULL AND created_at >= $2")
        .bind(token_hash)
        .bind(millis(now - SETUP_LINK_LIFETIME))
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get::<i64, _>("n")? == 1 && !admin_exists(store).await?)
}
