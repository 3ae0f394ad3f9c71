//! Turns stored Telegram updates into conversation events, one chat at a time, in order.

use super::sender::mark_unreachable;
use super::update::{Classified, FileRef, Pressed, TgInput, classify};
use crate::channels::worker::WorkerError;
use crate::domain::{ChannelKind, UserKey};
use crate::flow::Msg;
use crate::message::Outgoing;
use crate::service::{Handled, Inbound, RawInput, Service};
use crate::store::{self, StoreError};
use futures_util::StreamExt;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{FileId, Update};
use time::{Duration, OffsetDateTime};

const CHANNEL: ChannelKind = ChannelKind::Telegram;
const BATCH: i64 = 32;
/// Download attempts before the file is treated as unreadable (and the user asked again).
const DOWNLOAD_ATTEMPTS: i64 = 4;

pub struct InboxWorker {
    bot: Bot,
    service: Service,
    wake: tokio::sync::watch::Receiver<u64>,
}

impl InboxWorker {
    pub fn new(bot: Bot, service: Service, wake: tokio::sync::watch::Receiver<u64>) -> Self {
        Self { bot, service, wake }
    }

    pub async fn run(self) {
        let wake = self.wake.clone();
        crate::channels::worker::run("telegram inbox", wake, || self.process_due()).await;
    }

    /// One batch: the oldest waiting update of each chat, chats handled concurrently.
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
        let update: Update = match serde_json::from_str(&row.payload) {
            Ok(update) => update,
            Err(e) => {
                tracing::warn!(update = %row.external_id, error = %e, "unreadable telegram update skipped");
                return Ok(store::inbox::mark_done(store, row.id).await?);
            }
        };
        let now = OffsetDateTime::now_utc();
        match classify(&update) {
            Classified::Ignore => {}
            Classified::Blocked(user) => {
                mark_unreachable(&self.service, &user, "blocked the bot", now).await?
            }
            Classified::Unblocked(user) => {
                store::contacts::mark_reachable(store, CHANNEL, &user).await?
            }
            Classified::Event {
                user,
                input,
                pressed,
            } => {
                let Some(raw) = self.fetch(&row, input).await? else {
                    return Ok(());
                };
                self.deliver(&row.external_id, user, raw, pressed, now)
                    .await?;
            }
        }
        Ok(store::inbox::mark_done(store, row.id).await?)
    }

    /// The input as the service wants it; files are downloaded here. None: try again later.
    async fn fetch(
        &self,
        row: &store::inbox::Pending,
        input: TgInput,
    ) -> Result<Option<RawInput>, WorkerError> {
        Ok(Some(match input {
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
                    tracing::warn!(error = %e, "telegram file download gave up");
                    RawInput::File(Vec::new())
                }
                Err(e) => {
                    tracing::warn!(error = %e, attempt = row.attempts, "telegram file download failed; will retry");
                    let wait = Duration::seconds(2_i64.pow(row.attempts.clamp(0, 6) as u32));
                    store::inbox::retry_at(
                        &self.service.store,
                        row.id,
                        OffsetDateTime::now_utc() + wait,
                        &e,
                    )
                    .await?;
                    return Ok(None);
                }
            },
        }))
    }

    /// getFile, then the download itself, stopped as soon as it passes the limit.
    async fn download(&self, file: &FileRef) -> Result<Vec<u8>, String> {
        let meta = self
            .bot
            .get_file(FileId(file.file_id.clone()))
            .await
            .map_err(|e| e.to_string())?;
        let limit = self.service.settings.document_max_bytes as usize;
        let mut stream = self.bot.download_file_stream(&meta.path);
        let mut bytes = Vec::with_capacity((meta.meta.size as usize).min(limit + 1));
        while let Some(chunk) = stream.next().await {
            bytes.extend_from_slice(&chunk.map_err(|e| e.to_string())?);
            if bytes.len() > limit {
                break; // the size check in the service refuses it politely
            }
        }
        Ok(bytes)
    }

    async fn deliver(
        &self,
        update_id: &str,
        user: UserKey,
        input: RawInput,
        pressed: Option<Pressed>,
        at: OffsetDateTime,
    ) -> Result<(), WorkerError> {
        store::contacts::mark_reachable(&self.service.store, CHANNEL, &user).await?;
        let mut acks = Vec::new();
        // A question answers once: a second press on the same message (a double tap) is the
        // same event, so it is deduplicated by the message, not by the update.
        let mut event_id = update_id.to_owned();
        if let Some(pressed) = &pressed {
            if self.is_stale(&user, pressed).await? {
                return self.refuse_stale(&user, pressed, at).await;
            }
            acks = answered(pressed);
            event_id = format!("callback:{}", pressed.message_id);
        }
        let inbound = Inbound {
            channel: CHANNEL,
            user,
            message_id: event_id,
            input,
            sender_phone: None,
            acks,
            at,
        };
        let user = inbound.user.clone();
        if self.service.handle(inbound).await? == Handled::Duplicate
            && let Some(pressed) = &pressed
        {
            let spinner = Outgoing::AnswerCallback {
                callback_id: pressed.callback_id.clone(),
                text: None,
            };
            self.service
                .acknowledge(CHANNEL, &user, &[spinner], at)
                .await?;
        }
        Ok(())
    }

    /// Only the last question's buttons answer anything; older ones are stale.
    async fn is_stale(&self, user: &UserKey, pressed: &Pressed) -> Result<bool, StoreError> {
        let latest =
            store::outbox::last_delivered_message(&self.service.store, CHANNEL, user).await?;
        Ok(latest.as_deref() != Some(pressed.message_id.as_str()))
    }

    async fn refuse_stale(
        &self,
        user: &UserKey,
        pressed: &Pressed,
        at: OffsetDateTime,
    ) -> Result<(), WorkerError> {
        let locale = self.service.settings.default_locale;
        let note = self.service.texts.render(locale, &Msg::new("stale-button"));
        let acks = [
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
        self.service.acknowledge(CHANNEL, user, &acks, at).await?;
        Ok(())
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
