//! Writing one transition: state, lead, documents and replies, inside the event's transaction.

use super::{Inbound, Service, ServiceError};
use crate::domain::{ConversationId, Locale};
use crate::flow::{Effect, Next, Transition};
use crate::message::Outgoing;
use crate::store::{self, Tx};

/// What the transaction did that matters after it ends.
#[derive(Default)]
pub(super) struct Applied {
    pub conversation: Option<ConversationId>,
    /// Hashes whose rows this transaction deleted (`/hapus`).
    pub erased_files: Vec<String>,
    /// Hashes this attempt wrote to disk; removed again if the transaction fails.
    pub written_files: Vec<String>,
}

impl Service {
    pub(super) async fn apply(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        existing: Option<ConversationId>,
        transition: &Transition,
        bytes: Option<&[u8]>,
        applied: &mut Applied,
    ) -> Result<(), ServiceError> {
        if let Next::Keep(conv) = &transition.next {
            let id = store::conversations::save(
                tx,
                existing,
                inbound.channel,
                &inbound.user,
                conv,
                inbound.at,
            )
            .await?;
            applied.conversation = Some(id);
        }
        for effect in &transition.effects {
            self.apply_effect(tx, inbound, existing, effect, bytes, applied)
                .await?;
        }
        if let Next::Forget = transition.next {
            // Earlier messages to this user go too: they name the user and may quote their data.
            store::outbox::delete_for_recipient(tx, inbound.channel, &inbound.user).await?;
            if let Some(id) = existing {
                store::conversations::delete(tx, id).await?;
            }
        }
        Ok(())
    }

    async fn apply_effect(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        existing: Option<ConversationId>,
        effect: &Effect,
        bytes: Option<&[u8]>,
        applied: &mut Applied,
    ) -> Result<(), ServiceError> {
        let at = inbound.at;
        match effect {
            Effect::SaveLead(lead) => {
                if let Some(id) = applied.conversation {
                    let lead_id = store::leads::upsert(tx, id, inbound.channel, lead, at).await?;
                    tracing::info!(lead = %lead_id, outcome = lead.decision.code.as_str(), "lead saved");
                }
            }
            Effect::StoreDocument { item, file } => {
                if let (Some(id), Some(bytes)) = (applied.conversation, bytes) {
                    // Written before commit, so a row never lacks its file; a failed
                    // transaction removes it again (see `Service::handle_once`).
                    self.documents.put(&file.sha256, bytes).await?;
                    applied.written_files.push(file.sha256.clone());
                    store::documents::insert(tx, id, *item, file, at).await?;
                    tracing::info!(
                        item = item.as_str(),
                        kind = file.kind.mime(),
                        size = file.size,
                        "document stored"
                    );
                }
            }
            Effect::CountDeclined => {
                store::stats::count_declined(tx, &at.date().to_string(), inbound.channel).await?;
                tracing::info!("consent declined");
            }
            Effect::EraseContact => {
                if let Some(id) = existing {
                    applied.erased_files = store::documents::delete_for(tx, id).await?;
                    store::leads::delete_for(tx, id).await?;
                }
                tracing::info!("contact erased on request");
            }
        }
        Ok(())
    }

    /// Channel acks first, then the rendered replies, split to the channel's limit.
    pub(super) async fn enqueue_replies(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        transition: &Transition,
        locale_before: Locale,
        conversation: Option<ConversationId>,
    ) -> Result<usize, ServiceError> {
        let (channel, user, at) = (inbound.channel, &inbound.user, inbound.at);
        for ack in &inbound.acks {
            store::outbox::enqueue(tx, channel, user, conversation, ack, true, at).await?;
        }
        let locale = transition.locale(locale_before);
        // Nothing is kept of people who declined, deleted, or have not agreed yet.
        let transient = match &transition.next {
            Next::Forget => true,
            Next::Keep(conv) => conv.consent.is_none(),
        };
        let mut count = 0;
        for reply in &transition.replies {
            let message = self.texts.render_reply(locale, reply);
            for part in message.split(channel.max_text_chars()) {
                let outgoing = Outgoing::Message(part);
                store::outbox::enqueue(tx, channel, user, conversation, &outgoing, transient, at)
                    .await?;
                count += 1;
            }
        }
        Ok(count)
    }
}
