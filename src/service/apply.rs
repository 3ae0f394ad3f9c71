//! Writing one transition: state, lead, documents and replies, inside the event's transaction.

use super::batch::Stepped;
use super::{Inbound, Service, ServiceError};
use crate::domain::{ConversationId, Locale};
use crate::flow::{Effect, Next, Transition};
use crate::message::Outgoing;
use crate::store::{self, Tx};

/// What the transaction did that matters after it ends.
#[derive(Default)]
pub(super) struct Applied {
    /// Hashes whose rows this transaction deleted (`/hapus`).
    pub erased_files: Vec<String>,
    /// Hashes this attempt wrote to disk; removed again if the transaction fails.
    pub written_files: Vec<String>,
    /// A timer was scheduled (a referral opened): the scheduler should look now.
    pub scheduled: bool,
}

impl Service {
    /// The step's effects and, for a contact to forget, the deletions. The state itself was
    /// saved with the rest of the batch (`conversation` is its id).
    pub(super) async fn apply(
        &self,
        tx: &mut Tx,
        step: &Stepped<'_>,
        conversation: Option<ConversationId>,
        applied: &mut Applied,
    ) -> Result<(), ServiceError> {
        let (inbound, transition) = (step.inbound, &step.transition);
        for effect in &transition.effects {
            self.apply_effect(tx, step, conversation, effect, applied)
                .await?;
        }
        if let Next::Forget = transition.next {
            // Declined consent or `/hapus`: nothing of this contact is kept, earlier messages
            // to them included (they name the user and may quote their data).
            let files = store::erasure::erase_contact(tx, inbound.channel, &inbound.user).await?;
            applied.erased_files.extend(files);
        }
        Ok(())
    }

    async fn apply_effect(
        &self,
        tx: &mut Tx,
        step: &Stepped<'_>,
        conversation: Option<ConversationId>,
        effect: &Effect,
        applied: &mut Applied,
    ) -> Result<(), ServiceError> {
        let (inbound, bytes) = (step.inbound, step.bytes);
        let at = inbound.at;
        match effect {
            Effect::SaveLead(lead) => {
                if let Some(id) = conversation {
                    let saved = store::leads::upsert(tx, id, inbound.channel, lead, at).await?;
                    let lead_id = saved.id;
                    tracing::info!(lead = %lead_id, outcome = lead.decision.code.as_str(), "lead saved");
                    if let Some(old) = saved.superseded {
                        // The old region's referral does not follow the owner to the new one.
                        self.withdraw_for_lead(tx, old, "superseded", at).await?;
                        tracing::info!(lead = %old, by = %lead_id, "lead superseded: region changed");
                    }
                    if lead.new_result || saved.superseded.is_some() {
                        self.route_lead(tx, lead_id, lead.decision.code, at).await?;
                        applied.scheduled = true;
                    }
                    if lead.new_result {
                        self.plan_follow_ups(tx, id, lead.decision.code, at).await?;
                        store::campaigns::note_finished(tx, id, at).await?;
                    }
                }
            }
            Effect::StoreDocument { item, file } => {
                if let (Some(id), Some(bytes)) = (conversation, bytes) {
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
            Effect::ForwardToStaff { text } => {
                if let Some(id) = conversation {
                    match store::thread::add_from_owner(tx, id, text, at).await? {
                        Some((lead, message)) => {
                            tracing::info!(lead = %lead, message = %message, "owner wrote to staff")
                        }
                        None => tracing::warn!("owner wrote to staff, but has no live lead"),
                    }
                }
            }
            // The deletion itself is the `Next::Forget` that comes with it (see `apply`).
            Effect::EraseContact => tracing::info!("contact erased on request"),
        }
        Ok(())
    }

    /// Channel acks first, then the rendered replies, split to the channel's limit; each
    /// with whether it is transient (nothing kept once delivered).
    pub(super) fn replies(
        &self,
        inbound: &Inbound,
        transition: &Transition,
        locale_before: Locale,
    ) -> Vec<(Outgoing, bool)> {
        let mut out: Vec<_> = inbound.acks.iter().map(|a| (a.clone(), true)).collect();
        let locale = transition.locale(locale_before);
        // Nothing is kept of people who declined, deleted, or have not agreed yet.
        let transient = match &transition.next {
            Next::Forget => true,
            Next::Keep(conv) => conv.consent.is_none(),
        };
        for reply in &transition.replies {
            let message = self.texts.render_reply(locale, reply);
            out.extend(
                message
                    .split(inbound.channel.max_text_chars())
                    .into_iter()
                    .map(|part| (Outgoing::Message(part), transient)),
            );
        }
        out
    }
}
