//! A lead's thread: staff replies to the owner and what the owner wrote back after their
//! check, each reply with its delivery as its outbox row and the platform's status tell it.
//!
//! A lead **waits for an answer** while the owner asked or wrote something (a question the
//! knowledge base could not answer, or a message in the thread) later than the last staff
//! reply: `leads.owner_wrote_at > leads.staff_replied_at`, or a reply never came. Both times
//! are kept on the lead so the home page counts waiting leads from an index, not from the
//! threads.

use super::dashboard::restrict_scope;
use super::sql::Sql;
use super::{Store, StoreError, Tx, corrupt, from_millis, millis};
use crate::access::{Scope, StaffId};
use crate::domain::{ConversationId, LeadId, OutboxId};
use crate::flow::answers::OwnerQuestion;
use sqlx::Row;
use sqlx::any::AnyRow;
use time::OffsetDateTime;

crate::domain::id_type!(LeadMessageId);

/// Who wrote a thread message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The owner, in their chat.
    FromOwner,
    /// A staff member, from the lead page.
    ToOwner,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FromOwner => "in",
            Self::ToOwner => "out",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "in" => Some(Self::FromOwner),
            "out" => Some(Self::ToOwner),
            _ => None,
        }
    }
}

/// Where a staff reply stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// In the outbox, not sent yet.
    Queued,
    /// The platform took it (Telegram tells no more than this).
    Sent,
    Delivered,
    Read,
    /// Refused for good.
    Failed,
    /// The owner blocked the bot, or the number cannot be reached.
    Blocked,
    /// WhatsApp outside the 24-hour window with no template: it goes when the owner writes.
    WaitingForOwner,
}

/// One message of a thread.
#[derive(Debug, Clone)]
pub struct ThreadMessage {
    pub id: LeadMessageId,
    pub direction: Direction,
    pub body: String,
    pub staff: Option<StaffId>,
    pub staff_name: Option<String>,
    pub at: OffsetDateTime,
    /// None for the owner's messages, and for a reply whose outbox row was purged.
    pub delivery: Option<Delivery>,
}

/// A staff reply, queued as `outbox`.
pub struct NewReply<'a> {
    pub lead: LeadId,
    pub staff: StaffId,
    pub body: &'a str,
    pub outbox: OutboxId,
    pub at: OffsetDateTime,
}

/// Keep a staff reply on its lead; the lead no longer waits for an answer.
pub async fn add_reply(tx: &mut Tx, reply: &NewReply<'_>) -> Result<LeadMessageId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO lead_messages (lead_id, direction, body, staff_id, outbox_id, created_at) \
         VALUES ($1, 'out', $2, $3, $4, $5) RETURNING id",
    )
    .bind(reply.lead.0)
    .bind(reply.body)
    .bind(reply.staff.0)
    .bind(reply.outbox.0)
    .bind(millis(reply.at))
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("UPDATE leads SET staff_replied_at = $2 WHERE id = $1")
        .bind(reply.lead.0)
        .bind(millis(reply.at))
        .execute(&mut **tx)
        .await?;
    Ok(LeadMessageId(row.try_get("id")?))
}

/// Keep what the owner wrote on the conversation's live lead, which then waits for an
/// answer. None when the conversation has no live lead.
pub async fn add_from_owner(
    tx: &mut Tx,
    conversation: ConversationId,
    body: &str,
    at: OffsetDateTime,
) -> Result<Option<(LeadId, LeadMessageId)>, StoreError> {
    let lead =
        sqlx::query("SELECT id FROM leads WHERE conversation_id = $1 AND superseded_at IS NULL")
            .bind(conversation.0)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(lead) = lead.map(|r| r.try_get::<i64, _>("id")).transpose()? else {
        return Ok(None);
    };
    let row = sqlx::query(
        "INSERT INTO lead_messages (lead_id, direction, body, created_at) \
         VALUES ($1, 'in', $2, $3) RETURNING id",
    )
    .bind(lead)
    .bind(body)
    .bind(millis(at))
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE leads SET owner_wrote_at = $2 WHERE id = $1 \
         AND (owner_wrote_at IS NULL OR owner_wrote_at < $2)",
    )
    .bind(lead)
    .bind(millis(at))
    .execute(&mut **tx)
    .await?;
    Ok(Some((LeadId(lead), LeadMessageId(row.try_get("id")?))))
}

/// The newest `limit` messages of a lead, oldest first, each reply with its delivery: one
/// query over the thread, its outbox rows and the platform's statuses.
pub async fn of_lead(
    store: &Store,
    lead: LeadId,
    limit: i64,
) -> Result<Vec<ThreadMessage>, StoreError> {
    let rows = sqlx::query(
        "SELECT m.id, m.direction, m.body, m.staff_id, s.name AS staff_name, m.created_at, \
           o.status AS outbox_status, o.last_error, \
           COALESCE(ms.status, o.platform_status) AS platform_status, \
           COALESCE(ms.error_code, o.platform_error) AS platform_error \
         FROM lead_messages m \
         LEFT JOIN staff s ON s.id = m.staff_id \
         LEFT JOIN outbox o ON o.id = m.outbox_id \
         LEFT JOIN message_statuses ms ON ms.channel = o.channel AND ms.platform_message_id = o.platform_message_id \
         WHERE m.lead_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT $2",
    )
    .bind(lead.0)
    .bind(limit)
    .fetch_all(store.reader())
    .await?;
    let mut messages = rows.iter().map(message).collect::<Result<Vec<_>, _>>()?;
    messages.reverse();
    Ok(messages)
}

fn message(r: &AnyRow) -> Result<ThreadMessage, StoreError> {
    let direction: String = r.try_get("direction")?;
    let direction =
        Direction::parse(&direction).ok_or_else(|| corrupt("thread direction", &direction))?;
    let outbox: Option<String> = r.try_get("outbox_status")?;
    let delivery = match direction {
        Direction::FromOwner => None,
        Direction::ToOwner => outbox.as_deref().map(|status| {
            delivery(
                status,
                r.try_get::<Option<String>, _>("last_error")
                    .ok()
                    .flatten()
                    .as_deref(),
                r.try_get::<Option<String>, _>("platform_status")
                    .ok()
                    .flatten()
                    .as_deref(),
                r.try_get::<Option<String>, _>("platform_error")
                    .ok()
                    .flatten()
                    .as_deref(),
            )
        }),
    };
    Ok(ThreadMessage {
        id: LeadMessageId(r.try_get("id")?),
        direction,
        body: r.try_get("body")?,
        staff: r.try_get::<Option<i64>, _>("staff_id")?.map(StaffId),
        staff_name: r.try_get("staff_name")?,
        at: from_millis(r.try_get("created_at")?),
        delivery,
    })
}

/// WhatsApp's "message undeliverable": the number is not on WhatsApp, or blocked us.
const WA_UNDELIVERABLE: &str = "131026";

/// A reply's delivery from its outbox row: the row's own status, and once sent, the
/// platform's.
pub fn delivery(
    outbox_status: &str,
    last_error: Option<&str>,
    platform_status: Option<&str>,
    platform_error: Option<&str>,
) -> Delivery {
    let unreachable = |error: Option<&str>| {
        error.is_some_and(|e| {
            e.starts_with("telegram:blocked:")
                || e == "contact unreachable"
                || e.ends_with(WA_UNDELIVERABLE)
        })
    };
    match outbox_status {
        "pending" | "sending" => Delivery::Queued,
        "held" => Delivery::WaitingForOwner,
        "failed" | "skipped" if unreachable(last_error) => Delivery::Blocked,
        "failed" | "skipped" => Delivery::Failed,
        _ => match platform_status {
            Some("read") => Delivery::Read,
            Some("delivered") => Delivery::Delivered,
            Some("failed") if unreachable(platform_error) => Delivery::Blocked,
            Some("failed") => Delivery::Failed,
            _ => Delivery::Sent,
        },
    }
}

/// The condition on `leads` for "waits for an answer", for lists that filter by it.
pub const AWAITING_REPLY: &str = "leads.owner_wrote_at IS NOT NULL AND leads.superseded_at IS NULL \
     AND (leads.staff_replied_at IS NULL OR leads.owner_wrote_at > leads.staff_replied_at)";

/// Leads in scope that wait for an answer (see the module's definition).
pub async fn awaiting_reply_count(store: &Store, scope: &Scope) -> Result<i64, StoreError> {
    let mut sql = Sql::new(&format!(
        "SELECT COUNT(*) AS n FROM leads WHERE {AWAITING_REPLY}"
    ));
    restrict_scope(&mut sql, store.backend(), scope);
    let row = sql.query().fetch_one(store.reader()).await?;
    Ok(row.try_get("n")?)
}

/// One lead waits for an answer, by the same rule, from what its page already read: the
/// owner's questions and the newest messages of its thread.
pub fn awaits_reply(questions: &[OwnerQuestion], messages: &[ThreadMessage]) -> bool {
    let last = |direction| {
        messages
            .iter()
            .filter(|m| m.direction == direction)
            .map(|m| m.at)
            .max()
    };
    let asked = questions.iter().map(|q| q.at).max();
    let owner = asked.max(last(Direction::FromOwner));
    match (owner, last(Direction::ToOwner)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(owner), Some(staff)) => owner > staff,
    }
}

#[cfg(test)]
mod tests {
    use super::{Delivery, delivery};

    #[test]
    fn delivery_reads_the_outbox_first_then_the_platform() {
        assert_eq!(delivery("pending", None, None, None), Delivery::Queued);
        assert_eq!(
            delivery("held", Some("outside the 24-hour window"), None, None),
            Delivery::WaitingForOwner
        );
        assert_eq!(
            delivery("failed", Some("telegram:blocked:bot_blocked"), None, None),
            Delivery::Blocked
        );
        assert_eq!(
            delivery("failed", Some("whatsapp:code:131009"), None, None),
            Delivery::Failed
        );
        assert_eq!(delivery("sent", None, None, None), Delivery::Sent);
        assert_eq!(
            delivery("sent", None, Some("delivered"), None),
            Delivery::Delivered
        );
        assert_eq!(delivery("sent", None, Some("read"), None), Delivery::Read);
        assert_eq!(
            delivery("sent", None, Some("failed"), Some("131026")),
            Delivery::Blocked
        );
    }
}
