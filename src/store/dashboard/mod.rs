//! What the dashboard reads and changes about leads. Every function takes the staff
//! member's [`Scope`] and applies it in SQL: a lead outside it simply does not exist.

use super::sql::{Bind, Sql};
use super::{Store, StoreError, from_millis};
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
    pub waiting: Option<Waiting>,
}

/// Leads waiting for someone: the home page's "still to do" numbers open these lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// A referral no consultant has accepted yet.
    Referral,
    /// The owner asked something the bot could not answer, and no one has replied since.
    Question,
}

impl Waiting {
    pub const ALL: [Waiting; 2] = [Self::Referral, Self::Question];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Referral => "referral",
            Self::Question => "question",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == s)
    }
}

/// `after` continues after the last row of the previous page (keyset paging stays fast at
/// any depth, on the (…, created_at, id) indexes).
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
    /// The owner started over in another region: this lead stays here as history.
    pub superseded: bool,
}

const SUMMARY_COLUMNS: &str = "id, created_at, channel, region_code, region_name, business_name, owner_name, phone, \
    category, product_name, sni_number, sni_mandatory, scale, outcome, notes, status, documents_received, \
    documents_total, source, rules_version, assigned_to, superseded_at";

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
        superseded: r.try_get::<Option<i64>, _>("superseded_at")?.is_some(),
    })
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
    restrict(
        &mut sql,
        SearchBy::for_all(store.backend()),
        scope,
        &LeadFilter::default(),
        false,
    );
    let Some(r) = sql.query().fetch_optional(store.reader()).await? else {
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
    restrict(
        &mut sql,
        SearchBy::for_all(store.backend()),
        scope,
        &LeadFilter::default(),
        false,
    );
    let row = sql.query().fetch_optional(store.reader()).await?;
    Ok(row
        .map(|r| {
            Ok::<_, sqlx::Error>((r.try_get("mime")?, r.try_get("sha256")?, r.try_get("item")?))
        })
        .transpose()?)
}

mod actions;
pub mod campaigns;
mod counts;
mod explain;
mod filter;
mod funnel;
mod list;
pub mod referrals;
mod search;
mod timeline;

use filter::restrict;
use search::SearchBy;

/// `AND <the staff member's scope>` on a query over `leads`, for the store's other modules.
pub(in crate::store) fn restrict_scope(sql: &mut Sql, backend: super::Backend, scope: &Scope) {
    let by = SearchBy::for_all(backend);
    restrict(sql, by, scope, &LeadFilter::default(), false);
}

pub use actions::{Audit, add_note, assign, set_status};
pub use counts::counts_by_outcome;
pub use explain::explain;
pub use funnel::{Funnel, funnel};
pub use list::{Pages, for_each, list};
pub use timeline::{TimelineCursor, TimelineEntry, TimelinePage, timeline};
