//! Handling one inbound event: dedupe, load state, run the flow, persist everything and
//! queue the replies in ONE transaction. Nothing is sent from here.

use crate::documents::{DocumentStore, inspect};
use crate::domain::{ChannelKind, ConversationId, Locale, UserKey};
use crate::flow::{self, Conversation, Ctx, Effect, Event, FileCheck, Input, Next, Transition};
use crate::i18n::Texts;
use crate::message::Outgoing;
use crate::parse::PhoneNumber;
use crate::reference::Reference;
use crate::store::{self, Store, StoreError, Tx};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use time::OffsetDateTime;
use tracing::{Instrument, info_span};

const ATTEMPTS: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Documents(#[from] crate::documents::StoreError),
}

/// What the channel received, before any checks.
#[derive(Debug, Clone)]
pub enum RawInput {
    Text(String),
    Button(String),
    File(Vec<u8>),
    /// The platform declared a size over the limit; nothing was downloaded.
    FileTooLarge,
    Unsupported,
}

#[derive(Debug, Clone)]
pub struct Inbound {
    pub channel: ChannelKind,
    pub user: UserKey,
    /// The platform's id for this message; a second delivery with the same id is a no-op.
    pub message_id: String,
    pub input: RawInput,
    /// The user's number when the platform tells it (WhatsApp).
    pub sender_phone: Option<PhoneNumber>,
    /// Channel housekeeping queued before the replies (answer a pressed button, mark the
    /// question answered), in the same transaction.
    pub acks: Vec<Outgoing>,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    Processed { replies: usize },
    Duplicate,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub default_locale: Locale,
    pub retention_months: u32,
    pub document_max_bytes: u64,
}

#[derive(Clone)]
pub struct Service {
    pub store: Store,
    pub reference: Arc<Reference>,
    pub texts: Arc<Texts>,
    pub documents: DocumentStore,
    pub settings: Settings,
}

impl Service {
    pub async fn handle(&self, inbound: Inbound) -> Result<Handled, ServiceError> {
        let key = dedupe_key(&inbound);
        let span = info_span!("inbound", channel = %inbound.channel, event = &key[..12]);
        async {
            // Two instances may race to create the same new conversation; the loser's
            // transaction rolled back whole, so it can simply run again.
            for _ in 1..ATTEMPTS {
                match self.handle_once(&inbound, &key).await {
                    Err(ServiceError::Store(e)) if e.is_conflict() => {
                        tracing::warn!("conflict, retrying")
                    }
                    done => return done,
                }
            }
            self.handle_once(&inbound, &key).await
        }
        .instrument(span)
        .await
    }

    /// Queue channel housekeeping that needs no conversation step (a stale button pressed).
    pub async fn acknowledge(
        &self,
        channel: ChannelKind,
        user: &UserKey,
        acks: &[Outgoing],
        at: OffsetDateTime,
    ) -> Result<(), ServiceError> {
        let mut tx = self.store.begin().await?;
        for ack in acks {
            store::outbox::enqueue(&mut tx, channel, user, None, ack, true, at).await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Delete what is older than the retention period promised in the consent notice.
    pub async fn purge_expired(&self, now: OffsetDateTime) -> Result<u64, ServiceError> {
        let months = i64::from(self.settings.retention_months);
        let purged =
            store::retention::purge_before(&self.store, now - time::Duration::days(months * 30))
                .await?;
        self.remove_unreferenced(purged.document_hashes).await;
        tracing::info!(
            conversations = purged.conversations,
            "retention: expired data deleted"
        );
        Ok(purged.conversations)
    }

    async fn handle_once(&self, inbound: &Inbound, key: &str) -> Result<Handled, ServiceError> {
        let (input, bytes) = self.check(inbound.input.clone());
        let mut tx = self.store.begin().await?;
        if !store::inbound::claim(&mut tx, key, inbound.at).await? {
            tx.rollback().await.map_err(StoreError::from)?;
            tracing::info!("duplicate event ignored");
            return Ok(Handled::Duplicate);
        }
        let existing = store::conversations::load_for_update(
            &self.store,
            &mut tx,
            inbound.channel,
            &inbound.user,
        )
        .await?;
        let (existing_id, state) =
            existing.map_or((None, None), |(id, conv)| (Some(id), Some(conv)));
        let locale_before = state
            .as_ref()
            .map_or(self.settings.default_locale, |c: &Conversation| c.locale);
        let ctx = Ctx {
            reference: &self.reference,
            sender_phone: inbound.sender_phone.as_ref(),
            default_locale: self.settings.default_locale,
            retention_months: self.settings.retention_months,
        };
        let transition = flow::step(
            state,
            &Event {
                input,
                at: inbound.at,
            },
            &ctx,
        );
        let mut applied = Applied {
            conversation: None,
            erased_files: Vec::new(),
        };
        self.apply(
            &mut tx,
            inbound,
            existing_id,
            &transition,
            bytes.as_deref(),
            &mut applied,
        )
        .await?;
        let replies = self
            .enqueue_replies(
                &mut tx,
                inbound,
                &transition,
                locale_before,
                applied.conversation,
            )
            .await?;
        tx.commit().await.map_err(StoreError::from)?;
        self.remove_unreferenced(applied.erased_files).await;
        tracing::info!(replies, effects = transition.effects.len(), "event handled");
        Ok(Handled::Processed { replies })
    }

    /// Size and real type of a file, before the flow sees it. The bytes are kept only until
    /// the flow says whether it wants the document.
    fn check(&self, raw: RawInput) -> (Input, Option<Vec<u8>>) {
        match raw {
            RawInput::Text(text) => (Input::Text(text), None),
            RawInput::Button(id) => (Input::Button(id), None),
            RawInput::Unsupported => (Input::Unsupported, None),
            RawInput::FileTooLarge => {
                let problem = crate::documents::too_large(self.settings.document_max_bytes);
                (Input::File(FileCheck::Rejected(problem)), None)
            }
            RawInput::File(bytes) => {
                let check = inspect(&bytes, self.settings.document_max_bytes);
                let keep = matches!(check, FileCheck::Accepted(_)).then_some(bytes);
                (Input::File(check), keep)
            }
        }
    }

    async fn apply(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        existing: Option<ConversationId>,
        transition: &Transition,
        bytes: Option<&[u8]>,
        applied: &mut Applied,
    ) -> Result<(), ServiceError> {
        let at = inbound.at;
        if let Next::Keep(conv) = &transition.next {
            let id =
                store::conversations::save(tx, existing, inbound.channel, &inbound.user, conv, at)
                    .await?;
            applied.conversation = Some(id);
        }
        for effect in &transition.effects {
            match effect {
                Effect::SaveLead(lead) => {
                    if let Some(id) = applied.conversation {
                        let lead_id =
                            store::leads::upsert(tx, id, inbound.channel, lead, at).await?;
                        tracing::info!(lead = %lead_id, outcome = lead.decision.code.as_str(), "lead saved");
                    }
                }
                Effect::StoreDocument { item, file } => {
                    if let (Some(id), Some(bytes)) = (applied.conversation, bytes) {
                        // Written before commit: a failed commit leaves an unreferenced file, never a
                        // row without its file.
                        self.documents.put(&file.sha256, bytes).await?;
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
                    let day = at.date().to_string();
                    store::stats::count_declined(tx, &day, inbound.channel).await?;
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

    async fn enqueue_replies(
        &self,
        tx: &mut Tx,
        inbound: &Inbound,
        transition: &Transition,
        locale_before: Locale,
        conversation: Option<ConversationId>,
    ) -> Result<usize, ServiceError> {
        for ack in &inbound.acks {
            let conv = conversation;
            store::outbox::enqueue(
                tx,
                inbound.channel,
                &inbound.user,
                conv,
                ack,
                true,
                inbound.at,
            )
            .await?;
        }
        let locale = transition.locale(locale_before);
        let transient = matches!(transition.next, Next::Forget);
        let mut count = 0;
        for reply in &transition.replies {
            let message = self.texts.render_reply(locale, reply);
            for part in message.split(inbound.channel.max_text_chars()) {
                store::outbox::enqueue(
                    tx,
                    inbound.channel,
                    &inbound.user,
                    conversation,
                    &Outgoing::Message(part),
                    transient,
                    inbound.at,
                )
                .await?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// After `/hapus`, remove files nobody else refers to. A failure here is logged, not
    /// fatal: the rows are already gone, and a later erase of the same hash retries it.
    async fn remove_unreferenced(&self, hashes: Vec<String>) {
        for sha in hashes {
            match store::documents::is_referenced(&self.store, &sha).await {
                Ok(false) => {
                    if let Err(e) = self.documents.remove(&sha).await {
                        tracing::error!(error = %e, "could not remove an erased document file");
                    }
                }
                Ok(true) => {}
                Err(e) => tracing::error!(error = %e, "could not check an erased document"),
            }
        }
    }
}

struct Applied {
    conversation: Option<ConversationId>,
    erased_files: Vec<String>,
}

/// A hash of channel, user and message id: unique per event, and no identity kept in clear.
fn dedupe_key(inbound: &Inbound) -> String {
    let mut hasher = Sha256::new();
    for part in [
        inbound.channel.as_str(),
        inbound.user.as_str(),
        inbound.message_id.as_str(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hex::encode(hasher.finalize())
}
