//! Leads: one per conversation that reached an outcome, rebuilt from its state each time.

use super::{StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, LeadId};
use crate::flow::LeadRecord;
use sqlx::Row;
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
    let questions = to_json("owner questions", &lead.owner_questions)?;
    let row = sqlx::query(
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, phone, \
           category, product_id, product_name, sni_number, sni_mandatory, scale, outcome, reasons, notes, answers, \
           checklist, documents_received, documents_total, rules_version, catalogue_version, consent_version, \
           consented_at, source, created_at, updated_at, owner_questions) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
           $23, $24, $25, $26, $26, $27) \
         ON CONFLICT (conversation_id) DO UPDATE SET region_code = excluded.region_code, \
           region_name = excluded.region_name, business_name = excluded.business_name, \
           owner_name = excluded.owner_name, phone = excluded.phone, category = excluded.category, \
           product_id = excluded.product_id, product_name = excluded.product_name, sni_number = excluded.sni_number, \
           sni_mandatory = excluded.sni_mandatory, scale = excluded.scale, outcome = excluded.outcome, \
           reasons = excluded.reasons, notes = excluded.notes, answers = excluded.answers, \
           checklist = excluded.checklist, documents_received = excluded.documents_received, \
           documents_total = excluded.documents_total, rules_version = excluded.rules_version, \
           catalogue_version = excluded.catalogue_version, source = excluded.source, updated_at = excluded.updated_at, \
           owner_questions = excluded.owner_questions \
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
    .bind(questions)
    .fetch_one(&mut **tx)
    .await?;
    let id = LeadId(row.try_get("id")?);
    if lead.new_result {
        record_result(tx, id, d.code.as_str(), at).await?;
    }
    Ok(id)
}

/// Each result (the first and every re-check) is a line of the lead's timeline, by Pandu.
async fn record_result(
    tx: &mut Tx,
    lead: LeadId,
    outcome: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (staff_id, action, lead_id, detail, created_at) VALUES (NULL, 'result', $1, $2, $3)",
    )
    .bind(lead.0)
    .bind(outcome)
    .bind(millis(at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_for(tx: &mut Tx, conversation: ConversationId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM leads WHERE conversation_id = $1")
        .bind(conversation.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn to_json(what: &'static str, value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| corrupt(what, e))
}
