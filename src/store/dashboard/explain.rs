//! Query plans of the leads list and its outcome counts, so a benchmark can show which
//! index serves each scope.

use super::counts::counts_sql;
use super::list::list_sql;
use super::search::SearchBy;
use super::{LeadFilter, Page};
use crate::access::Scope;
use crate::store::sql::Sql;
use crate::store::{Backend, Store, StoreError};
use sqlx::Row;

/// The plan lines of the list query, then of the counts query, as the engine prints them.
pub async fn explain(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    page: Page,
) -> Result<Vec<String>, StoreError> {
    let mut lines = vec!["-- list".to_owned()];
    lines.extend(
        plan(
            store,
            list_sql(
                SearchBy::for_page(store, filter).await?,
                scope,
                filter,
                page,
            ),
        )
        .await?,
    );
    lines.push("-- counts by outcome".to_owned());
    lines.extend(
        plan(
            store,
            counts_sql(SearchBy::for_all(store.backend()), scope, filter),
        )
        .await?,
    );
    Ok(lines)
}

async fn plan(store: &Store, mut sql: Sql) -> Result<Vec<String>, StoreError> {
    let (prefix, column) = match store.backend() {
        Backend::Sqlite => ("EXPLAIN QUERY PLAN ", "detail"),
        Backend::Postgres => ("EXPLAIN ", "QUERY PLAN"),
    };
    sql.text.insert_str(0, prefix);
    let rows = sql.query().fetch_all(store.reader()).await?;
    Ok(rows
        .iter()
        .map(|r| r.try_get::<String, _>(column))
        .collect::<Result<_, _>>()?)
}
