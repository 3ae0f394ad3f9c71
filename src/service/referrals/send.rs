//! Where referral messages go: a staff member's linked chat, or the owner's conversation.

use super::Service;
use crate::access::StaffId;
use crate::domain::{ChannelKind, ConversationId, UserKey};
use crate::message::{OutMessage, Outgoing};
use crate::referrals::notice::Notices;
use crate::store::referrals::LeadBrief;
use crate::store::{self, StoreError, Tx, outbox::NewMessage};
use time::OffsetDateTime;

impl Service {
    pub(crate) fn notices(&self) -> Notices<'_> {
        Notices {
            texts: &self.texts,
            locale: self.settings.default_locale,
            dashboard: self.settings.dashboard_url.trim_end_matches('/'),
        }
    }

    /// Queue a message to a staff member's linked chat; nothing when they have none (the
    /// dashboard shows it all the same).
    pub(crate) async fn send_to_staff(
        &self,
        tx: &mut Tx,
        staff: StaffId,
        message: OutMessage,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let Some(link) = store::links::of_staff(tx, staff).await? else {
            return Ok(());
        };
        // Transient: a notice names the owner's business, so nothing of it is kept once
        // delivered (and `/hapus` leaves no copy in a staff chat's queue history).
        let to = To {
            channel: link.channel,
            user: &link.user,
            conversation: None,
            transient: true,
        };
        queue(tx, &to, message, now).await
    }

    pub(super) async fn send_to_owner(
        &self,
        tx: &mut Tx,
        lead: &LeadBrief,
        message: OutMessage,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let to = To {
            channel: lead.owner_channel,
            user: &lead.owner,
            conversation: Some(lead.conversation),
            transient: false,
        };
        queue(tx, &to, message, now).await
    }
}

/// Where a referral message goes.
struct To<'a> {
    channel: ChannelKind,
    user: &'a UserKey,
    conversation: Option<ConversationId>,
    /// Delete its content once delivered.
    transient: bool,
}

/// Queue a message, split to the channel's limit.
async fn queue(
    tx: &mut Tx,
    to: &To<'_>,
    message: OutMessage,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let parts: Vec<Outgoing> = message
        .split(to.channel.max_text_chars())
        .into_iter()
        .map(Outgoing::Message)
        .collect();
    let messages: Vec<NewMessage> = parts
        .iter()
        .map(|outgoing| NewMessage {
            conversation: to.conversation,
            recipient: to.user,
            outgoing,
            transient: to.transient,
            at: now,
        })
        .collect();
    store::outbox::enqueue(tx, to.channel, &messages).await
}
