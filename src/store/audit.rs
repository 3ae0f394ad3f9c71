//! The audit log: who did what, when.

use super::{Store, StoreError, Tx, from_millis, millis};
use crate::access::StaffId;
use crate::domain::LeadId;
use sqlx::Row;
use time::OffsetDateTime;

pub async fn record(
    tx: &mut Tx,
    staff: StaffId,
    action: &str,
    lead: Option<LeadId>,
    detail: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, lead_id, detail, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(staff.0)
        .bind(action)
        .bind(lead.map(|l| l.0))
        .bind(detail)
        .bind(millis(at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Something Pandu did by itself (a referral offered, expired, escalated).
pub async fn record_system(
    tx: &mut Tx,
    action: &str,
    lead: Option<LeadId>,
    detail: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, lead_id, detail, created_at) VALUES (NULL, $1, $2, $3, $4)")
        .bind(action)
        .bind(lead.map(|l| l.0))
        .bind(detail)
        .bind(millis(at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Record outside a change (a login, a document view, an export).
pub async fn log(
    store: &Store,
    staff: StaffId,
    action: &str,
    lead: Option<LeadId>,
    detail: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    record(&mut tx, staff, action, lead, detail, at).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub id: i64,
    pub at: OffsetDateTime,
    pub who: String,
    pub action: String,
    pub lead: Option<i64>,
    pub detail: String,
}

/// One page of the log, newest first, and the id the next (older) page starts below.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub older: Option<i64>,
}

/// Up to `size` entries with an id below `before` (the newest without it). Keyset on the
/// primary key: a page deep in a log of millions costs what the first does.
pub async fn page(store: &Store, before: Option<i64>, size: i64) -> Result<AuditPage, StoreError> {
    // One row more than the page tells whether an older page exists.
    let rows = sqlx::query(
        "SELECT a.id, a.created_at, COALESCE(s.email, '') AS who, a.action, a.lead_id, a.detail FROM audit_log a \
         LEFT JOIN staff s ON s.id = a.staff_id WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(size + 1)
    .fetch_all(store.reader())
    .await?;
    let mut entries = rows.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
    let older = (entries.len() as i64 > size).then(|| {
        entries.truncate(size as usize);
        entries.last().map(|e| e.id)
    });
    Ok(AuditPage {
        entries,
        older: older.flatten(),
    })
}

fn entry(r: &sqlx::any::AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        id: r.try_get("id")?,
        at: from_millis(r.try_get("created_at")?),
        who: r.try_get("who")?,
        action: r.try_get("action")?,
        lead: r.try_get("lead_id")?,
        detail: r.try_get("detail")?,
    })
}
