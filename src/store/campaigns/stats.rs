//! What a campaign did, per region: the funnel from queued to referred.

use crate::campaigns::CampaignId;
use crate::domain::ConversationId;
use crate::store::{Store, StoreError, Tx, millis};
use serde::Serialize;
use sqlx::Row;
use time::OffsetDateTime;

/// One region's funnel (or the whole campaign's, with `region` None).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RegionResults {
    /// The lead's region code; None for recipients with no lead (or the total).
    pub region: Option<String>,
    pub recipients: i64,
    /// Not yet queued (quiet hours, paused, or still coming).
    pub waiting: i64,
    pub queued: i64,
    pub sent: i64,
    pub delivered: i64,
    pub read: i64,
    pub failed: i64,
    /// Opted out between the audience being built and the send.
    pub opted_out: i64,
    pub cancelled: i64,
    /// Wrote to Pandu after the notice.
    pub started: i64,
    /// Finished a check after the notice.
    pub finished: i64,
    /// Referred to a consultant after the notice.
    pub referred: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Results {
    pub total: RegionResults,
    pub regions: Vec<RegionResults>,
}

const FUNNEL: &str = "SELECT r.region_code AS region, COUNT(*) AS recipients, \
    COUNT(*) FILTER (WHERE r.state = 'waiting') AS waiting, \
    COUNT(*) FILTER (WHERE o.status IN ('pending', 'sending', 'held')) AS queued, \
    COUNT(*) FILTER (WHERE o.status = 'sent') AS sent, \
    COUNT(*) FILTER (WHERE o.platform_status IN ('delivered', 'read')) AS delivered, \
    COUNT(*) FILTER (WHERE o.platform_status = 'read') AS read_, \
    COUNT(*) FILTER (WHERE o.status = 'failed' OR o.platform_status = 'failed') AS failed, \
    COUNT(*) FILTER (WHERE o.status = 'skipped') AS opted_out, \
    COUNT(*) FILTER (WHERE r.state = 'cancelled') AS cancelled, \
    COUNT(*) FILTER (WHERE o.sent_at IS NOT NULL AND c.updated_at > o.sent_at) AS started, \
    COUNT(*) FILTER (WHERE r.finished_at IS NOT NULL) AS finished, \
    COUNT(*) FILTER (WHERE o.sent_at IS NOT NULL AND EXISTS (SELECT 1 FROM leads l JOIN referrals f ON f.lead_id = l.id \
        WHERE l.conversation_id = r.conversation_id AND f.created_at > o.sent_at)) AS referred \
    FROM campaign_recipients r \
    JOIN conversations c ON c.id = r.conversation_id \
    LEFT JOIN outbox o ON o.campaign_recipient_id = r.id \
    WHERE r.campaign_id = $1 GROUP BY r.region_code ORDER BY r.region_code";

pub async fn results(store: &Store, id: CampaignId) -> Result<Results, StoreError> {
    let rows = sqlx::query(FUNNEL)
        .bind(id.0)
        .fetch_all(store.reader())
        .await?;
    let mut out = Results::default();
    for r in &rows {
        let n = |name: &str| -> Result<i64, StoreError> { Ok(r.try_get::<i64, _>(name)?) };
        let region = RegionResults {
            region: r.try_get("region")?,
            recipients: n("recipients")?,
            waiting: n("waiting")?,
            queued: n("queued")?,
            sent: n("sent")?,
            delivered: n("delivered")?,
            read: n("read_")?,
            failed: n("failed")?,
            opted_out: n("opted_out")?,
            cancelled: n("cancelled")?,
            started: n("started")?,
            finished: n("finished")?,
            referred: n("referred")?,
        };
        out.total.add(&region);
        out.regions.push(region);
    }
    Ok(out)
}

impl RegionResults {
    /// Names of the counts, in the order of [`RegionResults::counts`] (exports and the CLI).
    pub const COUNT_NAMES: [&'static str; 12] = [
        "recipients",
        "waiting",
        "queued",
        "sent",
        "delivered",
        "read",
        "failed",
        "opted_out",
        "cancelled",
        "started",
        "finished",
        "referred",
    ];

    pub fn counts(&self) -> [i64; 12] {
        [
            self.recipients,
            self.waiting,
            self.queued,
            self.sent,
            self.delivered,
            self.read,
            self.failed,
            self.opted_out,
            self.cancelled,
            self.started,
            self.finished,
            self.referred,
        ]
    }

    fn add(&mut self, o: &RegionResults) {
        self.recipients += o.recipients;
        self.waiting += o.waiting;
        self.queued += o.queued;
        self.sent += o.sent;
        self.delivered += o.delivered;
        self.read += o.read;
        self.failed += o.failed;
        self.opted_out += o.opted_out;
        self.cancelled += o.cancelled;
        self.started += o.started;
        self.finished += o.finished;
        self.referred += o.referred;
    }
}

/// A conversation reached a result: it counts as finished for each campaign whose notice
/// it had been sent before.
pub async fn note_finished(
    tx: &mut Tx,
    conversation: ConversationId,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE campaign_recipients SET finished_at = $2 WHERE conversation_id = $1 AND finished_at IS NULL \
         AND EXISTS (SELECT 1 FROM outbox o WHERE o.campaign_recipient_id = campaign_recipients.id \
             AND o.status = 'sent' AND o.sent_at <= $2)",
    )
    .bind(conversation.0)
    .bind(millis(at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
