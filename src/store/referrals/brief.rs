//! What referral messages need to know of a lead and its owner, and where owners' referrals
//! stand for `/status`.

use crate::domain::{ChannelKind, ConversationId, LeadId, Locale, UserKey};
use crate::flow::OutcomeCode;
use crate::reference::RegionCode;
use crate::referrals::OwnerView;
use crate::store::sql::{bind_keys, list};
use crate::store::{StoreError, Tx, corrupt};
use sqlx::Row;
use std::collections::HashMap;

/// What a notice says about a lead, and where its owner is.
#[derive(Debug, Clone)]
pub struct LeadBrief {
    pub id: LeadId,
    pub business_name: String,
    pub product_name: String,
    pub region_code: RegionCode,
    pub region_name: String,
    pub outcome: OutcomeCode,
    pub reasons: Vec<String>,
    pub documents_received: i64,
    pub documents_total: i64,
    pub phone: Option<String>,
    pub conversation: ConversationId,
    pub owner_channel: ChannelKind,
    pub owner: UserKey,
    pub owner_locale: Locale,
}

pub async fn lead_brief(tx: &mut Tx, lead: LeadId) -> Result<Option<LeadBrief>, StoreError> {
    let row = sqlx::query(
        "SELECT l.id, l.business_name, l.product_name, l.region_code, l.region_name, l.outcome, l.reasons, \
           l.documents_received, l.documents_total, l.phone, l.conversation_id, c.channel, c.user_key, c.state \
         FROM leads l JOIN conversations c ON c.id = l.conversation_id WHERE l.id = $1",
    )
    .bind(lead.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let outcome: String = r.try_get("outcome")?;
    let region: String = r.try_get("region_code")?;
    let channel: String = r.try_get("channel")?;
    let reasons: String = r.try_get("reasons")?;
    let state: String = r.try_get("state")?;
    // Only the language is needed of the conversation; the rest stays unread.
    let locale = serde_json::from_str::<serde_json::Value>(&state)
        .ok()
        .and_then(|v| v["locale"].as_str().and_then(Locale::parse))
        .unwrap_or_default();
    Ok(Some(LeadBrief {
        id: LeadId(r.try_get("id")?),
        business_name: r.try_get("business_name")?,
        product_name: r.try_get("product_name")?,
        region_code: RegionCode::parse(&region).map_err(|e| corrupt("lead region", e))?,
        region_name: r.try_get("region_name")?,
        outcome: OutcomeCode::parse(&outcome).ok_or_else(|| corrupt("lead outcome", &outcome))?,
        reasons: serde_json::from_str(&reasons).map_err(|e| corrupt("lead reasons", e))?,
        documents_received: r.try_get("documents_received")?,
        documents_total: r.try_get("documents_total")?,
        phone: r.try_get("phone")?,
        conversation: ConversationId(r.try_get("conversation_id")?),
        owner_channel: ChannelKind::parse(&channel)
            .ok_or_else(|| corrupt("lead channel", &channel))?,
        owner: UserKey::new(r.try_get::<String, _>("user_key")?),
        owner_locale: locale,
    }))
}

/// Where the referrals of these owners stand, for `/status`.
pub async fn owner_views(
    tx: &mut Tx,
    channel: ChannelKind,
    users: &[&UserKey],
) -> Result<HashMap<String, OwnerView>, StoreError> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT c.user_key, r.state, s.name, s.organisation FROM conversations c \
         JOIN leads l ON l.conversation_id = c.id AND l.superseded_at IS NULL \
         JOIN referrals r ON r.lead_id = l.id AND r.state IN ('waiting', 'offered', 'accepted', 'escalated') \
         LEFT JOIN staff s ON s.id = r.consultant_id \
         WHERE c.channel = $1 AND c.user_key IN ({})",
        list(users.len(), 2)
    );
    let query = bind_keys(sqlx::query(&sql).bind(channel.as_str()), users);
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| {
            let state: String = r.try_get("state")?;
            let view = match (state.as_str(), r.try_get::<Option<String>, _>("name")?) {
                ("accepted", Some(consultant)) => OwnerView::Accepted {
                    consultant,
                    organisation: r
                        .try_get::<Option<String>, _>("organisation")?
                        .unwrap_or_default(),
                },
                _ => OwnerView::Waiting,
            };
            Ok((r.try_get("user_key")?, view))
        })
        .collect()
}
