//! Leads: one live lead per conversation that reached an outcome, rebuilt from its state each
//! time. A lead belongs to the region it was made in: when the owner's region changes (a new
//! check after `/ulang`), the live lead is superseded and a new one is made, so the new
//! region's dinas never reads the old region's status, notes or timeline.

use super::{StoreError, Tx, corrupt, millis};
use crate::domain::{ChannelKind, ConversationId, LeadId};
use crate::flow::LeadRecord;
use sqlx::Row;
use time::OffsetDateTime;

/// What saving a lead did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub id: LeadId,
    /// The conversation's former live lead, left in its region because the region changed.
    pub superseded: Option<LeadId>,
}

pub async fn upsert(
    tx: &mut Tx,
    conversation: ConversationId,
    channel: ChannelKind,
    lead: &LeadRecord,
    at: OffsetDateTime,
) -> Result<Saved, StoreError> {
    let superseded = supersede_if_moved(tx, conversation, lead.region_code.as_str(), at).await?;
    let id = write(tx, conversation, channel, lead, at).await?;
    if let Some(old) = superseded {
        sqlx::query("UPDATE leads SET superseded_by = $1 WHERE id = $2")
            .bind(id.0)
            .bind(old.0)
            .execute(&mut **tx)
            .await?;
    }
    if lead.new_result {
        record_result(tx, id, lead.decision.code.as_str(), at).await?;
    }
    Ok(Saved { id, superseded })
}

/// The live lead of another region stops being live (so the write below makes a new one).
/// The conversation row is locked by the step, so no second live lead can appear meanwhile.
async fn supersede_if_moved(
    tx: &mut Tx,
    conversation: ConversationId,
    region: &str,
    at: OffsetDateTime,
) -> Result<Option<LeadId>, StoreError> {
    let row = sqlx::query(
        "UPDATE leads SET superseded_at = $3 \
         WHERE conversation_id = $1 AND superseded_at IS NULL AND region_code <> $2 RETURNING id",
    )
    .bind(conversation.0)
    .bind(region)
    .bind(millis(at))
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?.map(LeadId))
}

/// Insert the live lead, or rewrite it from the state (status, notes and assignment stay).
async fn write(
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
           consented_at, source, created_at, updated_at, owner_questions, owner_wrote_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, \
           $23, $24, $25, $26, $26, $27, $28) \
         ON CONFLICT (conversation_id) WHERE superseded_at IS NULL DO UPDATE SET region_code = excluded.region_code, \
           region_name = excluded.region_name, business_name = excluded.business_name, \
           owner_name = excluded.owner_name, phone = excluded.phone, category = excluded.category, \
           product_id = excluded.product_id, product_name = excluded.product_name, sni_number = excluded.sni_number, \
           sni_mandatory = excluded.sni_mandatory, scale = excluded.scale, outcome = excluded.outcome, \
           reasons = excluded.reasons, notes = excluded.notes, answers = excluded.answers, \
           checklist = excluded.checklist, documents_received = excluded.documents_received, \
           documents_total = excluded.documents_total, rules_version = excluded.rules_version, \
           catalogue_version = excluded.catalogue_version, source = excluded.source, updated_at = excluded.updated_at, \
           owner_questions = excluded.owner_questions, \
           owner_wrote_at = CASE WHEN leads.owner_wrote_at IS NULL OR excluded.owner_wrote_at > leads.owner_wrote_at \
             THEN excluded.owner_wrote_at ELSE leads.owner_wrote_at END \
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
    // The newest question makes the lead wait for an answer (see `store::thread`).
    .bind(lead.owner_questions.iter().map(|q| millis(q.at)).max())
    .fetch_one(&mut **tx)
    .await?;
    Ok(LeadId(row.try_get("id")?))
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

fn to_json(what: &'static str, value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| corrupt(what, e))
}
