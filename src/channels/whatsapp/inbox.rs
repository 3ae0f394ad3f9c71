//! Reads stored WhatsApp messages: what each asks of the conversation, with its media fetched.

use super::client::{Client, WaError};
use super::payload::Message;
use crate::channels::fault::JsonFault;
use crate::channels::inbox::Reader;
use crate::domain::{ChannelKind, UserKey};
use crate::parse::PhoneNumber;
use crate::service::{Inbound, RawInput, Service, Work};
use crate::store::inbox::Pending;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// Media attempts before the file is treated as unreadable (and the user asked again).
const MEDIA_ATTEMPTS: i64 = 4;

/// Reads stored WhatsApp messages for the shared inbox worker.
pub struct WhatsappReader {
    client: Client,
    service: Service,
}

impl Reader for WhatsappReader {
    const CHANNEL: ChannelKind = ChannelKind::Whatsapp;
    const NAME: &'static str = "whatsapp inbox";

    async fn read(&self, row: &Pending) -> Result<Work, String> {
        let message: Message = match serde_json::from_str(&row.payload) {
            Ok(message) => message,
            Err(e) => {
                let fault = JsonFault::of(&e);
                tracing::warn!(inbox = row.id, %fault, "unreadable whatsapp message skipped");
                return Ok(Work::Nothing);
            }
        };
        let Some(input) = self.input(row, &message).await? else {
            return Ok(Work::Nothing);
        };
        let inbound = Inbound {
            channel: ChannelKind::Whatsapp,
            user: UserKey::new(message.from.clone()),
            message_id: message.id.clone(),
            input,
            // On WhatsApp the number is the identity: the phone question is skipped.
            sender_phone: PhoneNumber::parse(&format!("+{}", message.from)).ok(),
            acks: Vec::new(),
            at: OffsetDateTime::now_utc(),
        };
        Ok(Work::Event {
            inbound,
            on_duplicate: Vec::new(),
        })
    }
}

impl WhatsappReader {
    pub fn new(client: Client, service: Service) -> Self {
        Self { client, service }
    }

    /// The input for the flow; `None`: nothing to answer (a reaction); `Err`: the media could
    /// not be fetched yet and the row will be tried again.
    async fn input(&self, row: &Pending, m: &Message) -> Result<Option<RawInput>, String> {
        let media = |m: &Message| {
            m.image
                .as_ref()
                .or(m.document.as_ref())
                .map(|x| x.id.clone())
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
            // A template's quick reply: our referral buttons carry their id as the payload;
            // any other template button answers with its text.
            "button" => m.button.as_ref().map(|b| match &b.payload {
                Some(p) if crate::referrals::RefButton::parse(p).is_some() => {
                    RawInput::Button(p.clone())
                }
                _ => RawInput::Text(b.text.clone()),
            }),
            "image" | "document" => match media(m) {
                Some(id) => match self.fetch_media(&id).await {
                    Ok(input) => Some(input),
                    Err(e) if row.attempts >= MEDIA_ATTEMPTS => {
                        tracing::warn!(error = %e, status = ?e.status(), "whatsapp media gave up");
                        Some(RawInput::File(Vec::new()))
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, status = ?e.status(), attempt = row.attempts, "whatsapp media failed; will retry");
                        return Err(e.to_string());
                    }
                },
                None => Some(RawInput::Unsupported),
            },
            // A reaction to one of our messages needs no answer.
            "reaction" => return Ok(None),
            _ => Some(RawInput::Unsupported),
        };
        Ok(Some(input.unwrap_or(RawInput::Unsupported)))
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
                        return Err(WaError::Checksum);
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
