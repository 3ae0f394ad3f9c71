//! Where referral messages go: a staff member's linked chat, or the owner's conversation.

use super::Service;
use crate::access::StaffId;
use crate::message::OutMessage;
use crate::referrals::notice::Notices;
use crate::service::outgoing::{To, queue};
use crate::store::referrals::LeadBrief;
use crate::store::{self, StoreError, Tx};
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
