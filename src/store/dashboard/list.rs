//! The leads list, one keyset page at a time, and the same pages for exports.

use super::filter::restrict;
use super::search::SearchBy;
use super::{LeadFilter, LeadSummary, Page, SUMMARY_COLUMNS, summary};
use crate::access::Scope;
use crate::store::sql::{Bind, Sql};
use crate::store::{Store, StoreError};

pub async fn list(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    page: Page,
) -> Result<Vec<LeadSummary>, StoreError> {
    let by = SearchBy::for_page(store, filter).await?;
    let rows = list_sql(by, scope, filter, page)
        .query()
        .fetch_all(store.reader())
        .await?;
    Ok(rows.iter().map(summary).collect::<Result<_, _>>()?)
}

/// One page, newest (or oldest) first, continuing after `page.after`. The row-value
/// comparison is a range on the (…, created_at, id) index on both engines, so a deep page
/// costs what the first does.
pub(super) fn list_sql(by: SearchBy, scope: &Scope, filter: &LeadFilter, page: Page) -> Sql {
    let mut sql = Sql::new(&format!("SELECT {SUMMARY_COLUMNS} FROM leads WHERE 1 = 1"));
    restrict(&mut sql, by, scope, filter, false);
    let (cmp, order) = if page.oldest_first {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some((created, id)) = page.after {
        let c = sql.arg(Bind::Int(created));
        let i = sql.arg(Bind::Int(id.0));
        sql.push(&format!(" AND (created_at, id) {cmp} ({c}, {i})"));
    }
    let limit = sql.arg(Bind::Int(page.size));
    sql.push(&format!(
        " ORDER BY created_at {order}, id {order} LIMIT {limit}"
    ));
    sql
}

/// Every matching lead, newest first, a page at a time: what exports read.
#[derive(Debug, Clone)]
pub struct Pages {
    scope: Scope,
    filter: LeadFilter,
    page: Page,
    done: bool,
}

impl Pages {
    pub fn new(scope: Scope, filter: LeadFilter) -> Self {
        let page = Page {
            after: None,
            size: 1000,
            oldest_first: false,
        };
        Self {
            scope,
            filter,
            page,
            done: false,
        }
    }

    /// The next page; None after the last.
    pub async fn next(&mut self, store: &Store) -> Result<Option<Vec<LeadSummary>>, StoreError> {
        if self.done {
            return Ok(None);
        }
        let rows = list(store, &self.scope, &self.filter, self.page).await?;
        match rows.last() {
            Some(last) if rows.len() as i64 == self.page.size => {
                self.page.after = Some((last.created_ms, last.id));
            }
            _ => self.done = true,
        }
        Ok((!rows.is_empty()).then_some(rows))
    }
}

/// Every matching lead, for exports: read in pages so memory stays flat.
pub async fn for_each(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    mut each: impl FnMut(&LeadSummary) -> Result<(), StoreError>,
) -> Result<u64, StoreError> {
    let mut pages = Pages::new(scope.clone(), filter.clone());
    let mut count = 0;
    while let Some(rows) = pages.next(store).await? {
        for row in &rows {
            each(row)?;
            count += 1;
        }
    }
    Ok(count)
}
