//! Staff replies to owners from the lead page: checked against the staff member's scope,
//! queued in the outbox to the owner's chat (the channel's sender delivers it, as a template
//! outside WhatsApp's window when one is configured, held otherwise), kept on the lead's
//! thread and in the audit log, in one transaction.

use super::Service;
use crate::access::{Role, Staff};
use crate::domain::LeadId;
use crate::flow::Msg;
use crate::limits::{self, TooLong};
use crate::message::{OutMessage, Outgoing, Template, TemplateKind};
use crate::store::dashboard::{self, LeadSummary};
use crate::store::outbox::NewMessage;
use crate::store::referrals::LeadBrief;
use crate::store::thread::{LeadMessageId, NewReply};
use crate::store::{self, StoreError};
use time::OffsetDateTime;

/// Why a reply was not sent.
#[derive(Debug, thiserror::Error)]
pub enum ReplyError {
    /// No such lead in the staff member's scope (the page answers 404, as for any lead
    /// outside it).
    #[error("no such lead")]
    NotFound,
    /// A consultant who is not assigned the lead, or a superseded lead.
    #[error("this staff member may not reply on this lead")]
    NotAllowed,
    #[error("the reply is empty")]
    Empty,
    #[error(transparent)]
    TooLong(#[from] TooLong),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Who may reply on a lead they can see: anyone but a consultant who is not assigned it (the
/// rule of the lead page's actions), and nobody on a superseded lead (the owner's live lead
/// is in another region now).
pub fn may_reply(staff: &Staff, lead: &LeadSummary) -> bool {
    let acts = staff.role != Role::Konsultan || lead.assigned_to == Some(staff.id.0);
    acts && !lead.superseded
}

impl Service {
    /// Queue a staff member's reply to the lead's owner.
    pub async fn reply_to_owner(
        &self,
        staff: &Staff,
        lead: LeadId,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<LeadMessageId, ReplyError> {
        let text = crate::parse::message_text(text);
        if text.is_empty() {
            return Err(ReplyError::Empty);
        }
        limits::OWNER_REPLY.check(&text)?;
        let detail = dashboard::detail(&self.store, &staff.scope(), lead)
            .await?
            .ok_or(ReplyError::NotFound)?;
        if !may_reply(staff, &detail.summary) {
            return Err(ReplyError::NotAllowed);
        }
        let mut tx = self.store.begin().await?;
        let brief = store::referrals::lead_brief(&mut tx, lead)
            .await?
            .ok_or(ReplyError::NotFound)?;
        let outgoing = Outgoing::Message(self.staff_reply(staff, &brief, &text));
        let queued = NewMessage {
            conversation: Some(brief.conversation),
            recipient: &brief.owner,
            outgoing: &outgoing,
            transient: false,
            at: now,
        };
        let outbox = store::outbox::enqueue_one(&mut tx, brief.owner_channel, &queued).await?;
        let reply = NewReply {
            lead,
            staff: staff.id,
            body: &text,
            outbox,
            at: now,
        };
        let id = store::thread::add_reply(&mut tx, &reply).await?;
        // The channel only: the text is on the thread, and the log keeps no owner's data.
        let channel = brief.owner_channel.as_str();
        store::audit::record(&mut tx, staff.id, "owner_reply", Some(lead), channel, now).await?;
        tx.commit().await.map_err(StoreError::from)?;
        self.wake_senders();
        tracing::info!(lead = %lead, message = %id, "staff reply queued");
        Ok(id)
    }

    /// The reply as the owner reads it, in their language: who writes, then the text. The
    /// template carries the same on one line (Meta refuses line breaks in a parameter).
    fn staff_reply(&self, staff: &Staff, lead: &LeadBrief, text: &str) -> OutMessage {
        let locale = lead.owner_locale;
        let who = self.texts.render(locale, &who(staff, lead));
        let header = Msg::new("owner-staff-reply").text("who", who.clone());
        OutMessage {
            text: format!("{}\n\n{text}", self.texts.render(locale, &header)),
            template: Some(Template {
                kind: TemplateKind::StaffReply,
                params: vec![who, crate::parse::one_line(text)],
                buttons: Vec::new(),
                named: None,
                header_image: None,
            }),
            ..OutMessage::default()
        }
    }
}

/// "Rina (PLUT-KUMKM NTB)", or for an officer without an organisation "Sari, petugas dinas
/// Kabupaten Lombok Tengah".
fn who(staff: &Staff, lead: &LeadBrief) -> Msg {
    match staff.profile.organisation.trim() {
        "" => Msg::new("owner-staff-who-dinas")
            .text("name", staff.name.clone())
            .text("region", lead.region_name.clone()),
        organisation => Msg::new("owner-staff-who")
            .text("name", staff.name.clone())
            .text("organisation", organisation.to_owned()),
    }
}
