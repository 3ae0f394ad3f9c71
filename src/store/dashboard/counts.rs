//! Leads per outcome for the list's chips, under the same scope and filters.

use super::LeadFilter;
use super::filter::{by_region_only, region, restrict};
use super::search::SearchBy;
use crate::access::Scope;
use crate::store::sql::Sql;
use crate::store::{Store, StoreError};
use sqlx::Row;

/// Leads per outcome under the same filters (the outcome filter itself left out).
pub async fn counts_by_outcome(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
) -> Result<Vec<(String, i64)>, StoreError> {
    let rows = counts_sql(SearchBy::for_all(store.backend()), scope, filter)
        .query()
        .fetch_all(store.reader())
        .await?;
    Ok(rows
        .iter()
        .map(|r| Ok((r.try_get("outcome")?, r.try_get("n")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}

/// By region alone (the common case: a dinas opening its list) the per-region counters kept
/// by triggers answer from a few thousand rows; any other filter counts the matching leads.
pub(super) fn counts_sql(by: SearchBy, scope: &Scope, filter: &LeadFilter) -> Sql {
    if !by_region_only(scope, filter) {
        let mut sql = Sql::new("SELECT outcome, COUNT(*) AS n FROM leads WHERE 1 = 1");
        restrict(&mut sql, by, scope, filter, true);
        sql.push(" GROUP BY outcome ORDER BY outcome");
        return sql;
    }
    let mut sql =
        Sql::new("SELECT outcome, CAST(SUM(n) AS BIGINT) AS n FROM lead_counts WHERE 1 = 1");
    if let Scope::Region(code) = scope {
        region(&mut sql, code.as_str());
    }
    if let Some(code) = &filter.region {
        region(&mut sql, code);
    }
    sql.push(" GROUP BY outcome HAVING SUM(n) > 0 ORDER BY outcome");
    sql
}
