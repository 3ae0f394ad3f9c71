//! Changing a lead (status, assignment, notes) with its audit row.

use super::{LeadFilter, SearchBy, detail, restrict};
use crate::access::{LeadStatus, Scope, StaffId};
use crate::domain::LeadId;
use crate::store::sql::{Bind, Sql};
use crate::store::{Store, StoreError, millis};
use time::OffsetDateTime;

/// Change a lead in scope and write the audit row in the same transaction. False: not found.
async fn change(
    store: &Store,
    scope: &Scope,
    lead: LeadId,
    set: Sql,
    audit: Audit<'_>,
) -> Result<bool, StoreError> {
    let mut sql = set;
    let p = sql.arg(Bind::Int(lead.0));
    sql.push(&format!(" WHERE id = {p}"));
    restrict(
        &mut sql,
        SearchBy::for_all(store.backend()),
        scope,
        &LeadFilter::default(),
        false,
    );
    let mut tx = store.begin().await?;
    let done = sql.query().execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    crate::store::audit::record(
        &mut tx,
        audit.staff,
        audit.action,
        Some(lead),
        audit.detail,
        audit.at,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub struct Audit<'a> {
    pub staff: StaffId,
    pub action: &'a str,
    pub detail: &'a str,
    pub at: OffsetDateTime,
}

pub async fn set_status(
    store: &Store,
    scope: &Scope,
    lead: LeadId,
    status: LeadStatus,
    reason: Option<&str>,
    audit: Audit<'_>,
) -> Result<bool, StoreError> {
    let mut sql = Sql::new("UPDATE leads SET status = ");
    let s = sql.arg(Bind::Text(status.as_str().to_owned()));
    let r = sql.arg(Bind::Text(reason.unwrap_or_default().to_owned()));
    let u = sql.arg(Bind::Int(millis(audit.at)));
    sql.push(&format!("{s}, status_reason = {r}, updated_at = {u}"));
    change(store, scope, lead, sql, audit).await
}

pub async fn assign(
    store: &Store,
    scope: &Scope,
    lead: LeadId,
    consultant: StaffId,
    audit: Audit<'_>,
) -> Result<bool, StoreError> {
    let mut sql = Sql::new("UPDATE leads SET assigned_to = ");
    let c = sql.arg(Bind::Int(consultant.0));
    sql.push(&c);
    change(store, scope, lead, sql, audit).await
}

pub async fn add_note(
    store: &Store,
    scope: &Scope,
    lead: LeadId,
    body: &str,
    audit: Audit<'_>,
) -> Result<bool, StoreError> {
    if detail(store, scope, lead).await?.is_none() {
        return Ok(false);
    }
    let mut tx = store.begin().await?;
    sqlx::query(
        "INSERT INTO lead_notes (lead_id, staff_id, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(lead.0)
    .bind(audit.staff.0)
    .bind(body)
    .bind(millis(audit.at))
    .execute(&mut *tx)
    .await?;
    crate::store::audit::record(
        &mut tx,
        audit.staff,
        audit.action,
        Some(lead),
        audit.detail,
        audit.at,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
