//! Turns stored WhatsApp messages into conversation events, one contact at a time, in order.

use super::client::{Client, WaError};
use super::payload::Message;
use crate::channels::worker::WorkerError;
use crate::domain::{ChannelKind, UserKey};
use crate::parse::PhoneNumber;
use crate::service::{Inbound, RawInput, Service};
use crate::store;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

const CHANNEL: ChannelKind = ChannelKind::Whatsapp;
const BATCH: i64 = 32;
/// Media attempts before the file is treated as unreadable (and the user asked again).
const MEDIA_ATTEMPTS: i64 = 4;

pub struct InboxWorker {
    client: Client,
    service: Service,
}

impl InboxWorker {
    pub fn new(client: Client, service: Service) -> Self {
        Self { client, service }
    }

    pub async fn run(self) {
        let wake = self.service.outbox_ready.subscribe();
        crate::channels::worker::run("whatsapp inbox", wake, || self.process_due()).await;
    }

    pub async fn process_due(&self) -> Result<usize, WorkerError> {
        let now = OffsetDateTime::now_utc();
        let batch = store::inbox::claim(
            &self.service.store,
            CHANNEL,
            BATCH,
            self.service.settings.lease,
            now,
        )
        .await?;
        crate::channels::worker::each(batch, |row| self.process(row)).await
    }

    async fn process(&self, row: store::inbox::Pending) -> Result<(), WorkerError> {
        let store = &self.service.store;
        let message: Message = match serde_json::from_str(&row.payload) {
            Ok(message) => message,
            Err(e) => {
                tracing::warn!(error = %e, "unreadable whatsapp message skipped");
                return Ok(store::inbox::mark_done(store, row.id).await?);
            }
        };
        let Some(input) = self.input(&row, &message).await? else {
            return Ok(());
        };
        if let Some(input) = input {
            let inbound = Inbound {
                channel: CHANNEL,
                user: UserKey::new(message.from.clone()),
                message_id: message.id.clone(),
                input,
                // On WhatsApp the number is the identity: the phone question is skipped.
                sender_phone: PhoneNumber::parse(&format!("+{}", message.from)).ok(),
                acks: Vec::new(),
                at: OffsetDateTime::now_utc(),
            };
            self.service.handle(inbound).await?;
        }
        Ok(store::inbox::mark_done(store, row.id).await?)
    }

    /// The input for the flow; `Some(None)`: nothing to answer (a reaction); `None`: the media
    /// could not be fetched yet and the row will be tried again.
    async fn input(
        &self,
        row: &store::inbox::Pending,
        m: &Message,
    ) -> Result<Option<Option<RawInput>>, WorkerError> {
        let media = |m: &Message| {
            m.image
                .as_ref()
                .or(m.document.as_ref())
                .map(|x| (x.id.clone(), x.sha256.clone()))
        };
        let input = match m.kind.as_str() {
            "text" => m.text.as_ref().map(|t| RawInput::Text(t.body.clone())),
            "interactive" => {
                let reply = m
                    .interactive
                    .as_ref()
                    .and_then(|i| i.button_reply.as_ref().or(i.list_reply.as_ref()));
                reply.map(|r| RawInput::Button(r.id.clone()))
            }
            "button" => m.button.as_ref().map(|b| RawInput::Text(b.text.clone())),
            "image" | "document" => match media(m) {
                Some((id, _)) => match self.fetch_media(&id).await {
                    Ok(input) => Some(input),
                    Err(e) if row.attempts >= MEDIA_ATTEMPTS => {
                        tracing::warn!(error = %e, "whatsapp media gave up");
                        Some(RawInput::File(Vec::new()))
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, attempt = row.attempts, "whatsapp media failed; will retry");
                        let wait = Duration::seconds(2_i64.pow(row.attempts.clamp(0, 6) as u32));
                        let at = OffsetDateTime::now_utc() + wait;
                        store::inbox::retry_at(&self.service.store, row.id, at, &e.to_string())
                            .await?;
                        return Ok(None);
                    }
                },
                None => Some(RawInput::Unsupported),
            },
            // A reaction to one of our messages needs no answer.
            "reaction" => return Ok(Some(None)),
            _ => Some(RawInput::Unsupported),
        };
        Ok(Some(Some(input.unwrap_or(RawInput::Unsupported))))
    }

    /// Look the media up, download it at once with the token, check size and checksum. An
    /// expired URL is looked up afresh once.
    async fn fetch_media(&self, media_id: &str) -> Result<RawInput, WaError> {
        let limit = self.service.settings.document_max_bytes;
        for _ in 0..2 {
            let info = self.client.media(media_id).await?;
            if info.file_size.is_some_and(|size| size > limit) {
                return Ok(RawInput::FileTooLarge);
            }
            match self.client.download(&info.url, limit).await {
                Ok(bytes) => {
                    let digest = hex::encode(Sha256::digest(&bytes));
                    if info
                        .sha256
                        .as_deref()
                        .is_some_and(|expected| !expected.eq_ignore_ascii_case(&digest))
                    {
                        return Err(WaError::Network(
                            "downloaded media does not match its sha256".into(),
                        ));
                    }
                    return Ok(RawInput::File(bytes));
                }
                Err(WaError::Expired) => continue,
                Err(WaError::TooLarge) => return Ok(RawInput::FileTooLarge),
                Err(e) => return Err(e),
            }
        }
        Err(WaError::Expired)
    }
}
