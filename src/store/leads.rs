//! Leads: one per conversation that reached an outcome, rebuilt from its state each time.

use super::{Store, StoreError, Tx, corrupt, from_millis, millis};
use crate::domain::{ChannelKind, ConversationId, LeadId};
use crate::flow::LeadRecord;
use futures_util::{Stream, TryStreamExt};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

pub async fn upsert(
    tx: &mut Tx,
    conversation: ConversationId,
    channel: ChannelKind,
    lead: &LeadRecord,
    at: OffsetDateTime,
) -> Result<LeadId, StoreError> {
    let d = &lead.decision;
    let reasons = to_json("lead reasons", &d.reasons)?;
    let notes = to_json("lead notes", &d.notes)?;
    let answers = to_json("lead answers", &lead.answers)?;
    let checklist = to_json("lead checklist", &lead.checklist)?;
    let row = sqlx::query(
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, phone, \
           category, product_id, product_name, sni_number, sni_mandatory, scale, outcome, reasons, notes, answers, \
           checklist, documents_received, documents_total, rules_version, catalogue_version, consent_version, \
           consented_at, source, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
           $23, $24, $25, $26, $26) \
         ON CONFLICT (conversation_id) DO UPDATE SET region_code = excluded.region_code, \
           region_name = excluded.region_name, business_name = excluded.business_name, \
           owner_name = excluded.owner_name, phone = excluded.phone, category = excluded.category, \
           product_id = excluded.product_id, product_name = excluded.product_name, sni_number = excluded.sni_number, \
           sni_mandatory = excluded.sni_mandatory, scale = excluded.scale, outcome = excluded.outcome, \
           reasons = excluded.reasons, notes = excluded.notes, answers = excluded.answers, \
           checklist = excluded.checklist, documents_received = excluded.documents_received, \
           documents_total = excluded.documents_total, rules_version = excluded.rules_version, \
           catalogue_version = excluded.catalogue_version, source = excluded.source, updated_at = excluded.updated_at \
         RETURNING id",
    )
    .bind(conversation.0)
    .bind(channel.as_str())
    .bind(lead.region_code.as_str())
    .bind(&lead.region_name)
    .bind(&lead.business_name)
    .bind(&lead.owner_name)
    .bind(lead.phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(lead.category.map(|c| c.as_str()))
    .bind(lead.product_id.as_ref().map(|p| p.as_str().to_owned()))
    .bind(&lead.product_name)
    .bind(lead.sni_number.clone())
    .bind(i64::from(lead.sni_mandatory))
    .bind(lead.scale.map(|s| s.as_str()))
    .bind(d.code.as_str())
    .bind(reasons)
    .bind(notes)
    .bind(answers)
    .bind(checklist)
    .bind(lead.checklist.received() as i64)
    .bind(lead.checklist.len() as i64)
    .bind(&d.rules_version)
    .bind(&d.catalogue_version)
    .bind(&lead.consent.notice_version)
    .bind(millis(lead.consent.at))
    .bind(lead.source.clone())
    .bind(millis(at))
    .fetch_one(&mut **tx)
    .await?;
    Ok(LeadId(row.try_get("id")?))
}

pub async fn delete_for(tx: &mut Tx, conversation: ConversationId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM leads WHERE conversation_id = $1")
        .bind(conversation.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One lead as exported; stable field order matches the CSV columns.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadRow {
    pub id: LeadId,
    pub created_at: OffsetDateTime,
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
}

macro_rules! lead_columns {
    () => {
        "id, created_at, channel, region_code, region_name, business_name, owner_name, phone, category, \
         product_name, sni_number, sni_mandatory, scale, outcome, notes, status, documents_received, \
         documents_total, source, rules_version"
    };
}

fn lead_row(r: &AnyRow) -> Result<LeadRow, sqlx::Error> {
    Ok(LeadRow {
        id: LeadId(r.try_get("id")?),
        created_at: from_millis(r.try_get("created_at")?),
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
    })
}

/// Every lead, oldest first, streamed so a large export never sits in memory.
pub fn stream_all(store: &Store) -> impl Stream<Item = Result<LeadRow, StoreError>> + '_ {
    sqlx::query(concat!(
        "SELECT ",
        lead_columns!(),
        " FROM leads ORDER BY id"
    ))
    .fetch(store.pool())
    .map_err(StoreError::from)
    .and_then(|r| async move { lead_row(&r).map_err(StoreError::from) })
}

pub async fn count(store: &Store) -> Result<i64, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM leads")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}

fn to_json(what: &'static str, value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| corrupt(what, e))
}
