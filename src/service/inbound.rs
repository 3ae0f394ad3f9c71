//! Handling one inbound event: dedupe, load state, run the flow, persist everything and
//! queue the replies in ONE transaction. Nothing is sent from here.

use super::apply::Applied;
use crate::documents::{DocumentStore, inspect};
use crate::domain::{ChannelKind, Locale, UserKey};
use crate::flow::{self, Ctx, Event, FileCheck, Input};
use crate::i18n::Texts;
use crate::message::Outgoing;
use crate::parse::PhoneNumber;
use crate::reference::Reference;
use crate::store::{self, Store, StoreError};
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
    /// How long a worker holds a claimed update or message before another may take it (the
    /// delay a crash costs; longer than the slowest download or send).
    pub lease: time::Duration,
}

#[derive(Clone)]
pub struct Service {
    pub store: Store,
    pub reference: Arc<Reference>,
    pub texts: Arc<Texts>,
    pub documents: DocumentStore,
    pub settings: Settings,
    /// Bumped whenever messages were queued, so senders deliver at once instead of polling
    /// (a watch channel: a sender that was busy still sees the change afterwards).
    pub outbox_ready: Arc<tokio::sync::watch::Sender<u64>>,
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
        let (existing_id, state) = match existing {
            None => (None, None),
            Some((id, state)) => (Some(id), state),
        };
        let locale_before = state
            .as_ref()
            .map_or(self.settings.default_locale, |c| c.locale);
        let ctx = Ctx {
            reference: &self.reference,
            sender_phone: inbound.sender_phone.as_ref(),
            default_locale: self.settings.default_locale,
            retention_months: self.settings.retention_months,
            texts: &self.texts,
        };
        let transition = flow::step(
            state,
            &Event {
                input,
                at: inbound.at,
            },
            &ctx,
        );
        let mut applied = Applied::default();
        let written = async {
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
            Ok::<_, ServiceError>(replies)
        }
        .await;
        let replies = match written {
            Ok(replies) => replies,
            Err(e) => {
                // Files written for a transaction that did not commit must not linger.
                self.remove_unreferenced(applied.written_files).await;
                return Err(e);
            }
        };
        self.remove_unreferenced(applied.erased_files).await;
        self.wake_workers();
        tracing::info!(replies, effects = transition.effects.len(), "event handled");
        Ok(Handled::Processed { replies })
    }

    /// Size and real type of a file, before the flow sees it. The bytes are kept only until
    /// the flow says whether it wants the document.
    fn check(&self, raw: RawInput) -> (Input, Option<Vec<u8>>) {
        match raw {
            RawInput::Text(text) => (Input::Text(text), None),
            // A button this version never made (forged, or from a removed question) is
            // treated like any input the flow cannot read: the question is asked again.
            RawInput::Button(id) => match flow::ButtonId::parse(&id) {
                Some(id) => (Input::Button(id), None),
                None => (Input::Unsupported, None),
            },
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
