//! Forgetting a person: `/hapus`, declined consent and the retention purge all come here, so
//! there is one list of what identifies an owner. `tests/erasure.rs` fails when a table is
//! added without being listed there as erased or as holding no contact data.
//!
//! What happens to each table, in the caller's transaction:
//! - conversations, leads (live and superseded), lead_notes, lead_messages (the thread
//!   between staff and owner), documents, referrals,
//!   referral_offers, follow_ups, campaign_recipients, outbox, unreachable_contacts: the
//!   contact's rows are deleted. SQLite's leads_search follows leads by trigger.
//! - timers of the deleted referrals, offers and follow-ups: deleted (they hold only ids, but
//!   a timer for a row that is gone is work for nothing).
//! - message_statuses of the deleted outbox rows: deleted (a WhatsApp message id carries the
//!   phone number).
//! - inbox: the chat's settled rows are deleted. Rows still in flight (the message being
//!   answered, and any that arrived since) stay: the answer to `/hapus` needs WhatsApp's
//!   window, which is read from them. They are settled with their payload blanked, and
//!   [`sweep`] removes them once the window has closed.
//! - audit_log rows about the deleted leads: kept, so actions can still be counted, but with
//!   their detail (a status reason may name the owner) and their lead id cleared.
//! - lead_counts, counters, consent_declines, inbound_events (hashed keys): counts only.

use super::{StoreError, Tx, millis};
use crate::domain::{ChannelKind, TimerKind, UserKey, WHATSAPP_WINDOW};
use sqlx::Row;
use time::OffsetDateTime;

/// The leads of conversation `$1`, live or superseded.
const LEADS: &str = "SELECT id FROM leads WHERE conversation_id = $1";

/// The referrals of those leads.
const REFERRALS: &str =
    "SELECT r.id FROM referrals r JOIN leads l ON l.id = r.lead_id WHERE l.conversation_id = $1";

/// Erase one contact of one channel. Returns the hashes of deleted documents: their files
/// go, after commit, once no other row refers to them.
pub async fn erase_contact(
    tx: &mut Tx,
    channel: ChannelKind,
    user: &UserKey,
) -> Result<Vec<String>, StoreError> {
    erase(tx, channel.as_str(), user.as_str()).await
}

/// The same by the stored channel name (the purge reads it from the row).
pub(super) async fn erase(
    tx: &mut Tx,
    channel: &str,
    user: &str,
) -> Result<Vec<String>, StoreError> {
    let conversation =
        sqlx::query("SELECT id FROM conversations WHERE channel = $1 AND user_key = $2")
            .bind(channel)
            .bind(user)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.try_get::<i64, _>("id"))
            .transpose()?;
    let hashes = match conversation {
        Some(id) => erase_conversation(tx, id).await?,
        None => Vec::new(),
    };
    erase_traces(tx, channel, user).await?;
    Ok(hashes)
}

/// Everything hanging off the conversation row, children first, then the row itself.
async fn erase_conversation(tx: &mut Tx, id: i64) -> Result<Vec<String>, StoreError> {
    drop_staff_notices(tx, id).await?;
    let statements = [
        format!("UPDATE audit_log SET lead_id = NULL, detail = '' WHERE lead_id IN ({LEADS})"),
        format!(
            "DELETE FROM timers WHERE kind = '{}' AND subject IN ({REFERRALS})",
            TimerKind::OfferReferral.as_str()
        ),
        format!(
            "DELETE FROM timers WHERE kind IN ('{}', '{}') AND subject IN \
             (SELECT id FROM referral_offers WHERE referral_id IN ({REFERRALS}))",
            TimerKind::RemindOffer.as_str(),
            TimerKind::ExpireOffer.as_str()
        ),
        format!(
            "DELETE FROM timers WHERE kind = '{}' AND subject IN \
             (SELECT id FROM follow_ups WHERE conversation_id = $1)",
            TimerKind::FollowUp.as_str()
        ),
        format!("DELETE FROM referral_offers WHERE referral_id IN ({REFERRALS})"),
        format!("DELETE FROM referrals WHERE lead_id IN ({LEADS})"),
        format!("DELETE FROM lead_notes WHERE lead_id IN ({LEADS})"),
        format!("DELETE FROM lead_messages WHERE lead_id IN ({LEADS})"),
        "DELETE FROM leads WHERE conversation_id = $1".to_owned(),
        "DELETE FROM follow_ups WHERE conversation_id = $1".to_owned(),
        "DELETE FROM campaign_recipients WHERE conversation_id = $1".to_owned(),
        "DELETE FROM message_statuses WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.conversation_id = $1 \
         AND o.channel = message_statuses.channel AND o.platform_message_id = message_statuses.platform_message_id)"
            .to_owned(),
        "DELETE FROM outbox WHERE conversation_id = $1".to_owned(),
    ];
    for sql in &statements {
        sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    }
    let hashes = sqlx::query("DELETE FROM documents WHERE conversation_id = $1 RETURNING sha256")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| r.try_get("sha256"))
        .collect::<Result<Vec<String>, _>>()?;
    sqlx::query("DELETE FROM conversations WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(hashes)
}

/// Notices to staff chats about these leads that are not delivered yet name the owner's
/// business (delivered ones are deleted at once, being transient). They carry no lead id, only
/// the dashboard link `/leads/<id>`, so that is what finds them.
async fn drop_staff_notices(tx: &mut Tx, conversation: i64) -> Result<(), StoreError> {
    let leads: Vec<i64> = sqlx::query(LEADS)
        .bind(conversation)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    for lead in leads {
        let link = format!("/leads/{lead}");
        let rows = sqlx::query(
            "SELECT id, payload FROM outbox WHERE conversation_id IS NULL AND transient = 1 \
             AND status <> 'sent' AND payload LIKE $1",
        )
        .bind(format!("%{link}%"))
        .fetch_all(&mut **tx)
        .await?;
        for row in rows {
            let payload: String = row.try_get("payload")?;
            if links_to(&payload, &link) {
                sqlx::query("DELETE FROM outbox WHERE id = $1")
                    .bind(row.try_get::<i64, _>("id")?)
                    .execute(&mut **tx)
                    .await?;
            }
        }
    }
    Ok(())
}

/// `/leads/1` in the text, and not as the start of `/leads/12`.
fn links_to(text: &str, link: &str) -> bool {
    text.match_indices(link).any(|(at, _)| {
        !text[at + link.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    })
}

/// What is keyed by the chat rather than by the conversation.
async fn erase_traces(tx: &mut Tx, channel: &str, user: &str) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM message_statuses WHERE channel = $1 AND platform_message_id IN \
         (SELECT platform_message_id FROM outbox WHERE channel = $1 AND recipient = $2 AND platform_message_id IS NOT NULL)",
        "DELETE FROM outbox WHERE channel = $1 AND recipient = $2",
        "DELETE FROM inbox WHERE channel = $1 AND chat = $2 AND status NOT IN ('pending', 'processing')",
        "DELETE FROM unreachable_contacts WHERE channel = $1 AND user_key = $2",
    ] {
        sqlx::query(sql)
            .bind(channel)
            .bind(user)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The last traces of people who were forgotten: settled inbox rows of chats that have no
/// conversation any more, and delivery statuses of messages no outbox row refers to (the
/// answer to `/hapus`, whose row went when it was delivered). Only past WhatsApp's window,
/// so a goodbye still being sent can read it; staff chats keep their rows.
pub async fn sweep(tx: &mut Tx, now: OffsetDateTime) -> Result<(), StoreError> {
    let before = millis(now - WHATSAPP_WINDOW);
    for sql in [
        "DELETE FROM inbox WHERE status NOT IN ('pending', 'processing') AND received_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.channel = inbox.channel AND c.user_key = inbox.chat) \
         AND NOT EXISTS (SELECT 1 FROM staff_links s WHERE s.channel = inbox.channel AND s.user_key = inbox.chat)",
        "DELETE FROM message_statuses WHERE updated_at < $1 AND NOT EXISTS (SELECT 1 FROM outbox o \
         WHERE o.channel = message_statuses.channel AND o.platform_message_id = message_statuses.platform_message_id)",
    ] {
        sqlx::query(sql).bind(before).execute(&mut **tx).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::links_to;

    #[test]
    fn a_lead_link_is_not_a_prefix_of_another() {
        assert!(links_to("lihat https://x/leads/1 ya", "/leads/1"));
        assert!(links_to("https://x/leads/1", "/leads/1"));
        assert!(!links_to("https://x/leads/12 ya", "/leads/1"));
        assert!(links_to("/leads/12 dan /leads/1.", "/leads/1"));
    }
}
