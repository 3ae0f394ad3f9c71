//! The funnel: how far conversations and leads got, in scope and period.

use super::{LeadFilter, SearchBy, restrict};
use crate::access::Scope;
use crate::store::sql::Sql;
use crate::store::{Store, StoreError};
use sqlx::Row;

/// The funnel: how many reached each stage, in scope and period.
#[derive(Debug, Clone, Default)]
pub struct Funnel {
    pub leads: i64,
    pub documents_complete: i64,
    pub referred: i64,
    pub certified: i64,
    /// Conversations still open, by the step they stopped at (drop-off per question).
    pub waiting_at: Vec<(String, i64)>,
    pub started: i64,
    pub declined: i64,
}

/// Only live leads: an owner who started over in another region is one lead here, in the
/// region they are in now (the superseded lead stays on the list, labelled).
pub async fn funnel(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
) -> Result<Funnel, StoreError> {
    let mut sql = Sql::new(
        "SELECT COUNT(*) AS leads, \
         CAST(COALESCE(SUM(CASE WHEN documents_total > 0 AND documents_received = documents_total THEN 1 ELSE 0 END), 0) AS BIGINT) AS docs, \
         CAST(COALESCE(SUM(CASE WHEN status IN ('dirujuk', 'diterima_konsultan', 'pendampingan', 'diajukan', 'bersertifikat') THEN 1 ELSE 0 END), 0) AS BIGINT) AS referred, \
         CAST(COALESCE(SUM(CASE WHEN status = 'bersertifikat' THEN 1 ELSE 0 END), 0) AS BIGINT) AS certified FROM leads WHERE superseded_at IS NULL",
    );
    restrict(
        &mut sql,
        SearchBy::for_all(store.backend()),
        scope,
        filter,
        false,
    );
    let r = sql.query().fetch_one(store.reader()).await?;
    // The sums are cast to BIGINT in SQL: PostgreSQL's SUM is NUMERIC otherwise.
    let int = |name: &str| r.try_get::<i64, _>(name);
    let mut funnel = Funnel {
        leads: int("leads")?,
        documents_complete: int("docs")?,
        referred: int("referred")?,
        certified: int("certified")?,
        ..Funnel::default()
    };
    // Conversations carry no region until it is answered: their stages are shown to admins only.
    if *scope == Scope::All {
        let rows = sqlx::query(
            "SELECT step, COUNT(*) AS n FROM conversations GROUP BY step ORDER BY step",
        )
        .fetch_all(store.reader())
        .await?;
        funnel.waiting_at = rows
            .iter()
            .map(|r| Ok((r.try_get("step")?, r.try_get("n")?)))
            .collect::<Result<_, sqlx::Error>>()?;
        funnel.declined = crate::store::stats::declined_total(store).await?;
        funnel.started = funnel.waiting_at.iter().map(|(_, n)| n).sum::<i64>() + funnel.declined;
    }
    Ok(funnel)
}
