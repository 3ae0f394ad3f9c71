//! What an inbound event is, and the checks at the edge; `batch.rs` writes it. Nothing is
//! sent from here.

use super::Wake;
use super::batch::{Item, Work};
use crate::documents::{DocumentStore, inspect};
use crate::domain::{ChannelKind, Locale, UserKey};
use crate::flow::{self, FileCheck, Input};
use crate::i18n::Texts;
use crate::message::Outgoing;
use crate::parse::PhoneNumber;
use crate::reference::Reference;
use crate::store::{Store, StoreError};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use time::OffsetDateTime;
use tracing::{Instrument, info_span};

pub(super) const ATTEMPTS: usize = 3;

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
    Processed {
        replies: usize,
    },
    Duplicate,
    /// Not a conversation event: channel housekeeping or a change of the contact's status.
    Housekeeping,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub default_locale: Locale,
    pub retention_months: u32,
    pub document_max_bytes: u64,
    /// How long a worker holds a claimed update or message before another may take it (the
    /// delay a crash costs; longer than the slowest download or send).
    pub lease: time::Duration,
    pub referrals: crate::config::ReferralConfig,
    /// The dashboard's public address, for links in staff notices.
    pub dashboard_url: String,
    pub follow_ups: Arc<crate::campaigns::follow_ups::FollowUps>,
    /// The Telegram bot's @username, for campaign deep links.
    pub bot_username: Option<String>,
}

#[derive(Clone)]
pub struct Service {
    pub store: Store,
    pub reference: Arc<Reference>,
    pub texts: Arc<Texts>,
    pub documents: DocumentStore,
    pub settings: Settings,
    /// Wakes the workers when there is new work, so they need not poll.
    pub wake: Arc<Wake>,
    /// Where channels commit what they receive, in groups.
    pub intake: super::intake::Intake,
    /// Checks a campaign's WhatsApp template with Meta before it may start (None: no
    /// WhatsApp Business account configured, so only its presence is checked).
    pub template_checker: super::campaigns::TemplateChecker,
}

impl Service {
    /// Handle one event on its own (the console, tests); channel workers use `handle_batch`.
    pub async fn handle(&self, inbound: Inbound) -> Result<Handled, ServiceError> {
        let channel = inbound.channel;
        let key = dedupe_key(&inbound);
        let span = info_span!("inbound", channel = %channel, event = &key[..12]);
        let item = Item {
            inbox_id: None,
            work: Work::Event {
                inbound,
                on_duplicate: Vec::new(),
            },
        };
        let mut handled = self.handle_batch(channel, &[item]).instrument(span).await;
        handled.remove(0)
    }

    /// Size and real type of a file, before the flow sees it. The bytes are kept only until
    /// the flow says whether it wants the document.
    pub(super) fn check<'a>(&self, raw: &'a RawInput) -> (Input, Option<&'a [u8]>) {
        match raw {
            RawInput::Text(text) => (Input::Text(text.clone()), None),
            // A button this version never made (forged, or from a removed question) is
            // treated like any input the flow cannot read: the question is asked again.
            RawInput::Button(id) => match flow::ButtonId::parse(id) {
                Some(id) => (Input::Button(id), None),
                None => (Input::Unsupported, None),
            },
            RawInput::Unsupported => (Input::Unsupported, None),
            RawInput::FileTooLarge => {
                let problem = crate::documents::too_large(self.settings.document_max_bytes);
                (Input::File(FileCheck::Rejected(problem)), None)
            }
            RawInput::File(bytes) => {
                let check = inspect(bytes, self.settings.document_max_bytes);
                let keep = matches!(check, FileCheck::Accepted(_)).then_some(bytes.as_slice());
                (Input::File(check), keep)
            }
        }
    }
}

/// A hash of channel, user and message id: unique per event, and no identity kept in clear.
pub(super) fn dedupe_key(inbound: &Inbound) -> String {
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
