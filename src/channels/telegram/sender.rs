//! Sending to Telegram for the shared sender: a global rate limit here, and Telegram's
//! errors turned into retries, waits or an unreachable contact.

use super::render::markup;
use crate::channels::sender::{Platform, Verdict, pace};
use crate::channels::worker::Backoff;
use crate::config::TelegramConfig;
use crate::domain::ChannelKind;
use crate::message::Outgoing;
use crate::store::outbox::Claimed;
use governor::DefaultDirectRateLimiter;
use teloxide::prelude::*;
use teloxide::types::{ChatId, MessageId};
use teloxide::{ApiError, RequestError};
use time::Duration;

/// Sends to the Bot API for the shared sender, at the bot's global rate.
pub struct TelegramPlatform {
    bot: Bot,
    limiter: DefaultDirectRateLimiter,
    per_second: u32,
    per_chat: Duration,
}

/// Telegram's advice for server errors: back off, doubling.
pub const BACKOFF: Backoff = Backoff {
    first: Duration::seconds(2),
    factor: 2,
    max: Duration::seconds(512),
};

impl TelegramPlatform {
    pub fn new(bot: Bot, config: &TelegramConfig) -> Self {
        Self {
            bot,
            limiter: pace(config.global_per_second),
            per_second: config.global_per_second.max(1),
            per_chat: Duration::try_from(config.per_chat_interval).unwrap_or(Duration::SECOND),
        }
    }

    async fn call(&self, chat: ChatId, outgoing: &Outgoing) -> Result<Option<String>, Verdict> {
        let result = match outgoing {
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
            Outgoing::MarkAnswered { message_id, text } => {
                let Ok(id) = message_id.parse::<i32>() else {
                    return Err(Verdict::Failed("bad message id".into()));
                };
                // Editing without a keyboard takes the old buttons away.
                self.bot
                    .edit_message_text(chat, MessageId(id), text.clone())
                    .await
                    .map(|_| None)
            }
        };
        result.map_err(|e| judge(e, outgoing))
    }
}

impl Platform for TelegramPlatform {
    const CHANNEL: ChannelKind = ChannelKind::Telegram;
    const NAME: &'static str = "telegram sender";

    fn per_second(&self) -> u32 {
        self.per_second
    }

    async fn send(&self, message: &Claimed) -> Verdict {
        let Ok(chat) = message.recipient.as_str().parse::<i64>().map(ChatId) else {
            return Verdict::Failed("recipient is not a Telegram chat id".into());
        };
        self.limiter.until_ready().await;
        match self.call(chat, &message.outgoing).await {
            Ok(id) => Verdict::Sent(id),
            Err(verdict) => verdict,
        }
    }

    /// Per-chat pacing applies to messages, not to button housekeeping.
    fn gap(&self, message: &Claimed) -> Duration {
        if message.outgoing.message().is_some() {
            self.per_chat
        } else {
            Duration::ZERO
        }
    }
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
