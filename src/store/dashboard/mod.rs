//! What the dashboard reads and changes about leads. Every function takes the staff
//! member's [`Scope`] and applies it in SQL: a lead outside it simply does not exist.

use super::sql::{Bind, Sql};
use super::{Store, StoreError, from_millis, millis};
use crate::access::Scope;
use crate::domain::LeadId;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

/// Filters of the leads list and export; all optional.
#[derive(Debug, Clone, Default)]
pub struct LeadFilter {
    pub region: Option<String>,
    pub outcome: Option<String>,
    pub status: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
    pub source: Option<String>,
    pub search: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// `after` continues after the last row of the previous page (keyset paging stays fast at
/// any depth, on the `created_at` index).
#[derive(Debug, Clone, Copy, Default)]
pub struct Page {
    pub after: Option<(i64, LeadId)>,
    pub size: i64,
    pub oldest_first: bool,
}

#[derive(Debug, Clone)]
pub struct LeadSummary {
    pub id: LeadId,
    pub created_at: OffsetDateTime,
    pub created_ms: i64,
    pub channel: String,
    pub region_code: String,
    pub region_name: String,
    pub business_name: String,
    pub owner_name: String,
    pub phone: Option<String>,
    pub category: Option<String>,
    pub product_name: String,
    pub sni_number: Option<String>,
    pub sni_mandatory: bool,
    pub scale: Option<String>,
    pub outcome: String,
    pub notes: String,
    pub status: String,
    pub documents_received: i64,
    pub documents_total: i64,
    pub source: Option<String>,
    pub rules_version: String,
    pub assigned_to: Option<i64>,
}

const SUMMARY_COLUMNS: &str = "id, created_at, channel, region_code, region_name, business_name, owner_name, phone, \
    category, product_name, sni_number, sni_mandatory, scale, outcome, notes, status, documents_received, \
    documents_total, source, rules_version, assigned_to";

fn summary(r: &AnyRow) -> Result<LeadSummary, sqlx::Error> {
    let created: i64 = r.try_get("created_at")?;
    Ok(LeadSummary {
        id: LeadId(r.try_get("id")?),
        created_at: from_millis(created),
        created_ms: created,
        channel: r.try_get("channel")?,
        region_code: r.try_get("region_code")?,
        region_name: r.try_get("region_name")?,
        business_name: r.try_get("business_name")?,
        owner_name: r.try_get("owner_name")?,
        phone: r.try_get("phone")?,
        category: r.try_get("category")?,
        product_name: r.try_get("product_name")?,
        sni_number: r.try_get("sni_number")?,
        sni_mandatory: r.try_get::<i64, _>("sni_mandatory")? != 0,
        scale: r.try_get("scale")?,
        outcome: r.try_get("outcome")?,
        notes: r.try_get("notes")?,
        status: r.try_get("status")?,
        documents_received: r.try_get("documents_received")?,
        documents_total: r.try_get("documents_total")?,
        source: r.try_get("source")?,
        rules_version: r.try_get("rules_version")?,
        assigned_to: r.try_get("assigned_to")?,
    })
}

/// User text inside a LIKE pattern matches literally: `%`, `_` and `\` are escaped.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// `scope AND filters` for leads, appended to `sql`.
fn restrict(sql: &mut Sql, scope: &Scope, filter: &LeadFilter, skip_outcome: bool) {
    match scope {
        Scope::All => {}
        Scope::Region(code) => {
            let exact = sql.arg(Bind::Text(code.as_str().to_owned()));
            let below = sql.arg(Bind::Text(format!("{}.%", code.as_str())));
            sql.push(&format!(
                " AND (region_code = {exact} OR region_code LIKE {below})"
            ));
        }
        Scope::AssignedTo(staff) => {
            let id = sql.arg(Bind::Int(staff.0));
            sql.push(&format!(" AND assigned_to = {id}"));
        }
    }
    if let Some(region) = &filter.region {
        let exact = sql.arg(Bind::Text(region.clone()));
        let below = sql.arg(Bind::Text(format!("{region}.%")));
        sql.push(&format!(
            " AND (region_code = {exact} OR region_code LIKE {below})"
        ));
    }
    let equal = [
        (
            "outcome",
            if skip_outcome {
                None
            } else {
                filter.outcome.as_ref()
            },
        ),
        ("status", filter.status.as_ref()),
        ("category", filter.category.as_ref()),
        ("channel", filter.channel.as_ref()),
        ("source", filter.source.as_ref()),
    ];
    for (column, value) in equal {
        if let Some(value) = value {
            let p = sql.arg(Bind::Text(value.clone()));
            sql.push(&format!(" AND {column} = {p}"));
        }
    }
    if let Some(from) = filter.from {
        let p = sql.arg(Bind::Int(millis(from)));
        sql.push(&format!(" AND created_at >= {p}"));
    }
    if let Some(until) = filter.until {
        let p = sql.arg(Bind::Int(millis(until)));
        sql.push(&format!(" AND created_at < {p}"));
    }
    if let Some(search) = filter.search.as_ref().filter(|s| !s.trim().is_empty()) {
        let p = sql.arg(Bind::Text(format!(
            "%{}%",
            like_literal(&search.trim().to_lowercase())
        )));
        sql.push(&format!(
            " AND (LOWER(business_name) LIKE {p} ESCAPE '\\' OR LOWER(owner_name) LIKE {p} ESCAPE '\\' OR phone LIKE {p} ESCAPE '\\')"
        ));
    }
}

pub async fn list(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    page: Page,
) -> Result<Vec<LeadSummary>, StoreError> {
    let mut sql = Sql::new(&format!("SELECT {SUMMARY_COLUMNS} FROM leads WHERE 1 = 1"));
    restrict(&mut sql, scope, filter, false);
    let (cmp, order) = if page.oldest_first {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some((created, id)) = page.after {
        let c = sql.arg(Bind::Int(created));
        let i = sql.arg(Bind::Int(id.0));
        sql.push(&format!(
            " AND (created_at {cmp} {c} OR (created_at = {c} AND id {cmp} {i}))"
        ));
    }
    let limit = sql.arg(Bind::Int(page.size));
    sql.push(&format!(
        " ORDER BY created_at {order}, id {order} LIMIT {limit}"
    ));
    let rows = sql.query().fetch_all(store.pool()).await?;
    Ok(rows.iter().map(summary).collect::<Result<_, _>>()?)
}

/// Every matching lead, for exports: read in pages so memory stays flat.
pub async fn for_each(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
    mut each: impl FnMut(&LeadSummary) -> Result<(), StoreError>,
) -> Result<u64, StoreError> {
    let mut page = Page {
        after: None,
        size: 1000,
        oldest_first: false,
    };
    let mut count = 0;
    loop {
        let rows = list(store, scope, filter, page).await?;
        for row in &rows {
            each(row)?;
            count += 1;
        }
        match rows.last() {
            Some(last) if rows.len() as i64 == page.size => {
                page.after = Some((last.created_ms, last.id))
            }
            _ => return Ok(count),
        }
    }
}

/// Leads per outcome under the same filters (the outcome filter itself left out).
pub async fn counts_by_outcome(
    store: &Store,
    scope: &Scope,
    filter: &LeadFilter,
) -> Result<Vec<(String, i64)>, StoreError> {
    let mut sql = Sql::new("SELECT outcome, COUNT(*) AS n FROM leads WHERE 1 = 1");
    restrict(&mut sql, scope, filter, true);
    sql.push(" GROUP BY outcome ORDER BY outcome");
    let rows = sql.query().fetch_all(store.pool()).await?;
    Ok(rows
        .iter()
        .map(|r| Ok((r.try_get("outcome")?, r.try_get("n")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}

#[derive(Debug, Clone)]
pub struct LeadDetail {
    pub summary: LeadSummary,
    pub conversation_id: i64,
    pub answers: String,
    pub reasons: String,
    pub checklist: String,
    pub consent_version: String,
    pub consented_at: OffsetDateTime,
    pub catalogue_version: String,
    pub status_reason: Option<String>,
    /// JSON array of the owner's questions for staff.
    pub owner_questions: String,
}

pub async fn detail(
    store: &Store,
    scope: &Scope,
    id: LeadId,
) -> Result<Option<LeadDetail>, StoreError> {
    let mut sql = Sql::new(&format!(
        "SELECT {SUMMARY_COLUMNS}, conversation_id, answers, reasons, checklist, consent_version, consented_at, \
         catalogue_version, status_reason, owner_questions FROM leads WHERE id = "
    ));
    let p = sql.arg(Bind::Int(id.0));
    sql.push(&p);
    restrict(&mut sql, scope, &LeadFilter::default(), false);
    let Some(r) = sql.query().fetch_optional(store.pool()).await? else {
        return Ok(None);
    };
    Ok(Some(LeadDetail {
        summary: summary(&r)?,
        conversation_id: r.try_get("conversation_id")?,
        answers: r.try_get("answers")?,
        reasons: r.try_get("reasons")?,
        checklist: r.try_get("checklist")?,
        consent_version: r.try_get("consent_version")?,
        consented_at: from_millis(r.try_get("consented_at")?),
        catalogue_version: r.try_get("catalogue_version")?,
        status_reason: r.try_get("status_reason")?,
        owner_questions: r.try_get("owner_questions")?,
    }))
}

/// A document of a lead in scope: (mime, sha256, item); None outside scope.
pub async fn document(
    store: &Store,
    scope: &Scope,
    lead: LeadId,
    document: i64,
) -> Result<Option<(String, String, String)>, StoreError> {
    let mut sql = Sql::new(
        "SELECT d.mime, d.sha256, d.item FROM documents d JOIN leads ON leads.conversation_id = d.conversation_id \
         WHERE d.id = ",
    );
    let doc = sql.arg(Bind::Int(document));
    let lead_id = sql.arg(Bind::Int(lead.0));
    sql.push(&format!("{doc} AND leads.id = {lead_id}"));
    restrict(&mut sql, scope, &LeadFilter::default(), false);
    let row = sql.query().fetch_optional(store.pool()).await?;
    Ok(row
        .map(|r| {
            Ok::<_, sqlx::Error>((r.try_get("mime")?, r.try_get("sha256")?, r.try_get("item")?))
        })
        .transpose()?)
}

mod actions;
mod funnel;

pub use actions::{Audit, TimelineEntry, add_note, assign, set_status, timeline};
pub use funnel::{Funnel, funnel};
