//! Reads stored Telegram updates: what each asks of the conversation, with its file fetched.

use super::error::TelegramError;
use super::update::{Classified, FileRef, Pressed, TgInput, classify};
use crate::channels::fault::JsonFault;
use crate::channels::inbox::Reader;
use crate::domain::{ChannelKind, UserKey};
use crate::flow::Msg;
use crate::message::Outgoing;
use crate::referrals::RefButton;
use crate::service::{Inbound, RawInput, Service, Work};
use crate::store::{self, StoreError, inbox::Pending};
use futures_util::StreamExt;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{FileId, Update};
use time::OffsetDateTime;

/// Download attempts before the file is treated as unreadable (and the user asked again).
const DOWNLOAD_ATTEMPTS: i64 = 4;

/// Reads stored Telegram updates for the shared inbox worker.
pub struct TelegramReader {
    bot: Bot,
    service: Service,
}

impl TelegramReader {
    pub fn new(bot: Bot, service: Service) -> Self {
        Self { bot, service }
    }
}

impl Reader for TelegramReader {
    const CHANNEL: ChannelKind = ChannelKind::Telegram;
    const NAME: &'static str = "telegram inbox";

    async fn read(&self, row: &Pending) -> Result<Work, String> {
        let update: Update = match serde_json::from_str(&row.payload) {
            Ok(update) => update,
            Err(e) => {
                let fault = JsonFault::of(&e);
                tracing::warn!(update = %row.external_id, %fault, "unreadable telegram update skipped");
                return Ok(Work::Nothing);
            }
        };
        match classify(&update) {
            Classified::Ignore => Ok(Work::Nothing),
            Classified::Blocked(user) => Ok(Work::Unreachable {
                user,
                why: "blocked the bot".into(),
            }),
            Classified::Unblocked(user) => Ok(Work::Reachable { user }),
            Classified::Event {
                user,
                input,
                pressed,
            } => {
                let raw = self.fetch(row, input).await?;
                self.event(&row.external_id, user, raw, pressed).await
            }
        }
    }
}

impl TelegramReader {
    /// The input as the service wants it; files are downloaded here. Err: try again later.
    async fn fetch(&self, row: &Pending, input: TgInput) -> Result<RawInput, String> {
        Ok(match input {
            TgInput::Text(text) | TgInput::Contact(text) => RawInput::Text(text),
            TgInput::Button(id) => RawInput::Button(id),
            TgInput::Unsupported => RawInput::Unsupported,
            TgInput::File(file) if file.size > self.service.settings.document_max_bytes => {
                RawInput::FileTooLarge
            }
            TgInput::File(file) => match self.download(&file).await {
                Ok(bytes) => RawInput::File(bytes),
                // A file that cannot be fetched reaches the flow as empty: the user is asked to
                // send it again rather than left waiting.
                Err(e) if row.attempts >= DOWNLOAD_ATTEMPTS => {
                    tracing::warn!(error = %e, status = ?e.status(), "telegram file download gave up");
                    RawInput::File(Vec::new())
                }
                Err(e) => {
                    tracing::warn!(error = %e, status = ?e.status(), attempt = row.attempts, "telegram file download failed; will retry");
                    return Err(e.to_string());
                }
            },
        })
    }

    /// getFile, then the download itself, stopped as soon as it passes the limit.
    async fn download(&self, file: &FileRef) -> Result<Vec<u8>, TelegramError> {
        let meta = self
            .bot
            .get_file(FileId(file.file_id.clone()))
            .await
            .map_err(TelegramError::from)?;
        let limit = self.service.settings.document_max_bytes as usize;
        let mut stream = self.bot.download_file_stream(&meta.path);
        let mut bytes = Vec::with_capacity((meta.meta.size as usize).min(limit + 1));
        while let Some(chunk) = stream.next().await {
            bytes.extend_from_slice(&chunk.map_err(|e| TelegramError::from(&e))?);
            if bytes.len() > limit {
                break; // the size check in the service refuses it politely
            }
        }
        Ok(bytes)
    }

    async fn event(
        &self,
        update_id: &str,
        user: UserKey,
        input: RawInput,
        pressed: Option<Pressed>,
    ) -> Result<Work, String> {
        let mut acks = Vec::new();
        let mut on_duplicate = Vec::new();
        // A question answers once: a second press on the same message (a double tap) is the
        // same event, so it is deduplicated by the message, not by the update.
        let mut event_id = update_id.to_owned();
        if let Some(pressed) = &pressed {
            // A referral notice's buttons stay valid while its offer is open, however many
            // messages came after it; the offer itself says whether it is too late.
            let referral = matches!(&input, RawInput::Button(id) if RefButton::parse(id).is_some());
            if !referral
                && self
                    .is_stale(&user, pressed)
                    .await
                    .map_err(|e| e.to_string())?
            {
                return Ok(self.refuse_stale(user, pressed));
            }
            acks = answered(pressed);
            event_id = format!("callback:{}", pressed.message_id);
            on_duplicate.push(Outgoing::AnswerCallback {
                callback_id: pressed.callback_id.clone(),
                text: None,
            });
        }
        let inbound = Inbound {
            channel: ChannelKind::Telegram,
            user,
            message_id: event_id,
            input,
            sender_phone: None,
            acks,
            at: OffsetDateTime::now_utc(),
        };
        Ok(Work::Event {
            inbound,
            on_duplicate,
        })
    }

    /// Only the last question's buttons answer anything; older ones are stale.
    async fn is_stale(&self, user: &UserKey, pressed: &Pressed) -> Result<bool, StoreError> {
        let latest =
            store::outbox::last_delivered_message(&self.service.store, ChannelKind::Telegram, user)
                .await?;
        Ok(latest.as_deref() != Some(pressed.message_id.as_str()))
    }

    fn refuse_stale(&self, user: UserKey, pressed: &Pressed) -> Work {
        let locale = self.service.settings.default_locale;
        let note = self.service.texts.render(locale, &Msg::new("stale-button"));
        let acks = vec![
            Outgoing::AnswerCallback {
                callback_id: pressed.callback_id.clone(),
                text: Some(note),
            },
            // Its buttons go away, without a tick: nothing was chosen.
            Outgoing::MarkAnswered {
                message_id: pressed.message_id.clone(),
                text: pressed.question.clone(),
            },
        ];
        Work::Acknowledge { user, acks }
    }
}

/// Stop the spinner, and show the choice under the question in place of its buttons.
fn answered(pressed: &Pressed) -> Vec<Outgoing> {
    vec![
        Outgoing::AnswerCallback {
            callback_id: pressed.callback_id.clone(),
            text: None,
        },
        Outgoing::MarkAnswered {
            message_id: pressed.message_id.clone(),
            text: format!("{}\n\n✓ {}", pressed.question, pressed.label),
        },
    ]
}
