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
    pub at: OffsetDateTime,
    pub who: String,
    pub action: String,
    pub lead: Option<i64>,
    pub detail: String,
}

pub async fn recent(store: &Store, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.created_at, COALESCE(s.email, '') AS who, a.action, a.lead_id, a.detail FROM audit_log a \
         LEFT JOIN staff s ON s.id = a.staff_id ORDER BY a.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(store.reader())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AuditEntry {
                at: from_millis(r.try_get("created_at")?),
                who: r.try_get("who")?,
                action: r.try_get("action")?,
                lead: r.try_get("lead_id")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}
