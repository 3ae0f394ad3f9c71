//! Timers: work due at a time, as rows. A timer is taken (deleted) in the transaction that
//! does its work, so it fires once however many instances run, and survives restarts.

use super::{Store, StoreError, Tx, corrupt, from_millis, millis};
use crate::domain::TimerKind;
use sqlx::Row;
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub id: i64,
    pub kind: TimerKind,
    pub subject: i64,
    pub due: OffsetDateTime,
}

pub async fn schedule(
    tx: &mut Tx,
    kind: TimerKind,
    subject: i64,
    due: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO timers (kind, subject, due_at, created_at) VALUES ($1, $2, $3, $4)")
        .bind(kind.as_str())
        .bind(subject)
        .bind(millis(due))
        .bind(millis(now))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Timers due by `now`, oldest first.
pub async fn due(store: &Store, now: OffsetDateTime, limit: i64) -> Result<Vec<Timer>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, subject, due_at FROM timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT $2",
    )
    .bind(millis(now))
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            Ok(Timer {
                id: r.try_get("id")?,
                kind: TimerKind::parse(&kind).ok_or_else(|| corrupt("timer kind", kind))?,
                subject: r.try_get("subject")?,
                due: from_millis(r.try_get("due_at")?),
            })
        })
        .collect()
}

/// Take a timer to fire it: false when another instance took it first.
pub async fn take(tx: &mut Tx, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM timers WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The timers of a subject that no longer matter (an answered offer).
pub async fn cancel(tx: &mut Tx, kinds: &[TimerKind], subject: i64) -> Result<(), StoreError> {
    for kind in kinds {
        sqlx::query("DELETE FROM timers WHERE kind = $1 AND subject = $2")
            .bind(kind.as_str())
            .bind(subject)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// A timer whose work failed is tried again later.
pub async fn postpone(store: &Store, id: i64, due: OffsetDateTime) -> Result<(), StoreError> {
    sqlx::query("UPDATE timers SET due_at = $2 WHERE id = $1")
        .bind(id)
        .bind(millis(due))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// When the next timer is due, so the scheduler can sleep until then.
pub async fn next_due(store: &Store) -> Result<Option<OffsetDateTime>, StoreError> {
    let row = sqlx::query("SELECT MIN(due_at) AS due FROM timers")
        .fetch_one(store.reader())
        .await?;
    Ok(row.try_get::<Option<i64>, _>("due")?.map(from_millis))
}
