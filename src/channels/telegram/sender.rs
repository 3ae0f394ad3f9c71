//! Delivers the Telegram outbox: per-chat order and pacing from the store, a global rate
//! limit here, and Telegram's errors turned into retries, waits or an unreachable contact.

use super::render::markup;
use crate::config::TelegramConfig;
use crate::domain::{ChannelKind, UserKey};
use crate::message::Outgoing;
use crate::service::Service;
use crate::store::{self, StoreError, outbox::Claimed};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use teloxide::prelude::*;
use teloxide::types::{ChatId, MessageId};
use teloxide::{ApiError, RequestError};
use time::{Duration, OffsetDateTime};

const CHANNEL: ChannelKind = ChannelKind::Telegram;
const BATCH: i64 = 64;

pub struct Sender {
    bot: Bot,
    service: Service,
    limiter: DefaultDirectRateLimiter,
    per_chat: Duration,
    max_attempts: i64,
}

/// What to do with a message after one attempt.
enum Verdict {
    Sent(Option<String>),
    Wait(Duration, String),
    Unreachable(String),
    Failed(String),
    Retry(String),
}

impl Sender {
    pub fn new(bot: Bot, service: Service, config: &TelegramConfig) -> Self {
        let rate = NonZeroU32::new(config.global_per_second).unwrap_or(NonZeroU32::MIN);
        Self {
            bot,
            service,
            limiter: RateLimiter::direct(Quota::per_second(rate)),
            per_chat: Duration::try_from(config.per_chat_interval).unwrap_or(Duration::SECOND),
            max_attempts: i64::from(config.max_attempts.max(1)),
        }
    }

    /// Runs until the task is dropped.
    pub async fn run(self) {
        let wake = self.service.outbox_ready.subscribe();
        crate::channels::worker::run("telegram sender", wake, || self.deliver_due()).await;
    }

    /// One batch: the oldest due message of each chat, sent concurrently across chats.
    pub async fn deliver_due(&self) -> Result<usize, StoreError> {
        let now = OffsetDateTime::now_utc();
        let batch = store::outbox::claim(
            &self.service.store,
            CHANNEL,
            None,
            BATCH,
            self.service.settings.lease,
            now,
        )
        .await?;
        crate::channels::worker::each(batch, |m| self.deliver(m)).await
    }

    async fn deliver(&self, message: Claimed) -> Result<(), StoreError> {
        let store = &self.service.store;
        if store::contacts::is_unreachable(store, CHANNEL, &message.recipient).await? {
            return store::outbox::mark_failed(store, message.id, "contact unreachable").await;
        }
        self.limiter.until_ready().await;
        let verdict = self.attempt(&message).await;
        self.settle(&message, verdict).await
    }

    async fn attempt(&self, message: &Claimed) -> Verdict {
        let Ok(chat) = message.recipient.as_str().parse::<i64>().map(ChatId) else {
            return Verdict::Failed("recipient is not a Telegram chat id".into());
        };
        let result = match &message.outgoing {
            Outgoing::Message(m) => {
                let mut request = self.bot.send_message(chat, m.text.clone());
                if let Some(markup) = markup(m) {
                    request = request.reply_markup(markup);
                }
                request.await.map(|sent| Some(sent.id.0.to_string()))
            }
            Outgoing::AnswerCallback { callback_id, text } => {
                let mut request = self
                    .bot
                    .answer_callback_query(teloxide::types::CallbackQueryId(callback_id.clone()));
                if let Some(text) = text {
                    request = request.text(text.clone());
                }
                request.await.map(|_| None)
            }
            Outgoing::MarkAnswered { message_id, text } => match message_id.parse::<i32>() {
                // Editing without a keyboard takes the old buttons away.
                Ok(id) => self
                    .bot
                    .edit_message_text(chat, MessageId(id), text.clone())
                    .await
                    .map(|_| None),
                Err(_) => return Verdict::Failed("bad message id".into()),
            },
        };
        match result {
            Ok(id) => Verdict::Sent(id),
            Err(e) => judge(e, &message.outgoing),
        }
    }

    async fn settle(&self, message: &Claimed, verdict: Verdict) -> Result<(), StoreError> {
        let store = &self.service.store;
        let now = OffsetDateTime::now_utc();
        match verdict {
            Verdict::Sent(platform_id) => {
                let gap = if message.outgoing.message().is_some() {
                    self.per_chat
                } else {
                    Duration::ZERO
                };
                store::outbox::mark_sent(store, message, CHANNEL, platform_id.as_deref(), gap, now)
                    .await
            }
            Verdict::Wait(wait, why) => {
                tracing::warn!(wait_s = wait.whole_seconds(), "telegram asked to slow down");
                store::outbox::retry_at(store, message.id, now + wait, &why).await
            }
            Verdict::Unreachable(why) => {
                tracing::info!(reason = %why, "telegram contact unreachable");
                mark_unreachable(&self.service, &message.recipient, &why, now).await
            }
            Verdict::Failed(why) => {
                tracing::warn!(reason = %why, "telegram message failed");
                store::outbox::mark_failed(store, message.id, &why).await
            }
            Verdict::Retry(why) if message.attempts >= self.max_attempts => {
                tracing::warn!(reason = %why, attempts = message.attempts, "telegram message gave up");
                store::outbox::mark_failed(store, message.id, &why).await
            }
            Verdict::Retry(why) => {
                let backoff = Duration::seconds(2_i64.pow(message.attempts.clamp(0, 8) as u32));
                store::outbox::retry_at(store, message.id, now + backoff, &why).await
            }
        }
    }
}

/// Blocked or gone: nothing more is sent to this chat.
pub async fn mark_unreachable(
    service: &Service,
    user: &UserKey,
    why: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    store::contacts::mark_unreachable(&service.store, CHANNEL, user, why, at).await?;
    store::outbox::fail_all_for(&service.store, CHANNEL, user, why).await?;
    Ok(())
}

fn judge(error: RequestError, outgoing: &Outgoing) -> Verdict {
    let housekeeping = outgoing.message().is_none();
    match error {
        RequestError::RetryAfter(wait) => Verdict::Wait(
            Duration::seconds(i64::from(wait.seconds())),
            format!("429: retry after {}s", wait.seconds()),
        ),
        RequestError::Api(
            e @ (ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::BotKicked
            | ApiError::ChatNotFound),
        ) => Verdict::Unreachable(e.to_string()),
        // An edit of an unchanged message or an old button: nothing left to do.
        RequestError::Api(_) if housekeeping => Verdict::Sent(None),
        RequestError::Api(ApiError::Unknown(text))
            if text.contains("Internal Server Error") || text.contains("Bad Gateway") =>
        {
            Verdict::Retry(text)
        }
        RequestError::Api(e) => Verdict::Failed(e.to_string()),
        RequestError::MigrateToChatId(_) => Verdict::Failed("group migrated".into()),
        e @ (RequestError::Network(_) | RequestError::InvalidJson { .. } | RequestError::Io(_)) => {
            Verdict::Retry(e.to_string())
        }
    }
}
