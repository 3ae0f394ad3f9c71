//! Sending to Telegram for the shared sender: a global rate limit here, and Telegram's
//! errors turned into retries, waits or an unreachable contact.

use super::error::{BadRequest, TelegramError};
use super::photo::{PhotosSent, fits_caption};
use super::render::markup;
use crate::channels::reason::Reason;
use crate::channels::sender::{Platform, Verdict, pace};
use crate::channels::worker::Backoff;
use crate::config::TelegramConfig;
use crate::domain::ChannelKind;
use crate::message::{OutMessage, Outgoing};
use crate::store::outbox::Claimed;
use governor::DefaultDirectRateLimiter;
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{ChatId, InputFile, MessageId};
use time::Duration;

/// Sends to the Bot API for the shared sender, at the bot's global rate.
pub struct TelegramPlatform {
    bot: Bot,
    limiter: DefaultDirectRateLimiter,
    per_second: u32,
    per_chat: Duration,
    /// Campaign notices go as paid broadcasts.
    paid_broadcast: bool,
    photos: PhotosSent,
}

/// Telegram's advice for server errors: back off, doubling.
pub const BACKOFF: Backoff = Backoff {
    first: Duration::seconds(2),
    factor: 2,
    max: Duration::seconds(512),
};

/// How one message goes out: to which chat, and whether as a paid broadcast.
#[derive(Clone, Copy)]
struct To {
    chat: ChatId,
    paid: bool,
}

impl TelegramPlatform {
    pub fn new(bot: Bot, config: &TelegramConfig) -> Self {
        Self {
            bot,
            limiter: pace(config.global_per_second),
            per_second: config.global_per_second.max(1),
            per_chat: Duration::try_from(config.per_chat_interval).unwrap_or(Duration::SECOND),
            paid_broadcast: config.paid_broadcast,
            photos: PhotosSent::default(),
        }
    }

    async fn call(&self, to: To, message: &Claimed) -> Result<Option<String>, Verdict> {
        let outgoing = &message.outgoing;
        let result = match outgoing {
            Outgoing::Message(m) if m.image.is_some() => {
                return self.with_photo(to, message, m).await;
            }
            Outgoing::Message(m) => self.text(to, m).await,
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
                    return Err(Verdict::Failed(Reason::Rule("bad message id")));
                };
                self.mark_answered(to.chat, MessageId(id), text).await
            }
        };
        result.map_err(|e| judge(TelegramError::from(e), outgoing))
    }

    async fn text(&self, to: To, m: &OutMessage) -> Result<Option<String>, RequestError> {
        let mut request = self.bot.send_message(to.chat, m.text.clone());
        if let Some(markup) = markup(m) {
            request = request.reply_markup(markup);
        }
        if to.paid {
            request = request.allow_paid_broadcast(true);
        }
        request.await.map(|sent| Some(sent.id.0.to_string()))
    }

    /// The photo with `caption` (and the buttons) under it.
    async fn photo(
        &self,
        to: To,
        url: url::Url,
        caption: Option<&OutMessage>,
    ) -> Result<Option<String>, RequestError> {
        let mut request = self.bot.send_photo(to.chat, InputFile::url(url));
        if let Some(m) = caption {
            if !m.text.is_empty() {
                request = request.caption(m.text.clone());
            }
            if let Some(markup) = markup(m) {
                request = request.reply_markup(markup);
            }
        }
        if to.paid {
            request = request.allow_paid_broadcast(true);
        }
        request.await.map(|sent| Some(sent.id.0.to_string()))
    }

    /// One photo with the text as its caption; a text too long for a caption follows the
    /// photo as a message of its own, which keeps the buttons (and is the message id kept).
    async fn with_photo(
        &self,
        to: To,
        message: &Claimed,
        m: &OutMessage,
    ) -> Result<Option<String>, Verdict> {
        let judged = |e| judge(TelegramError::from(e), &message.outgoing);
        let Some(url) = m.image.as_deref().and_then(|u| url::Url::parse(u).ok()) else {
            return Err(Verdict::Failed(Reason::Rule("image is not a URL")));
        };
        if fits_caption(&m.text) {
            return self.photo(to, url, Some(m)).await.map_err(judged);
        }
        if !self.photos.contains(message.id) {
            self.photo(to, url, None).await.map_err(judged)?;
            self.photos.remember(message.id);
            self.limiter.until_ready().await;
        }
        let sent = self.text(to, m).await.map_err(judged);
        // Only a retry of this row needs to know its photo is out.
        if !matches!(sent, Err(Verdict::Retry(_) | Verdict::Wait(..))) {
            self.photos.forget(message.id);
        }
        sent
    }

    /// The question with the choice under it and no buttons (editing without a keyboard
    /// takes them away). A photo's text is its caption, which has its own method.
    async fn mark_answered(
        &self,
        chat: ChatId,
        id: MessageId,
        text: &str,
    ) -> Result<Option<String>, RequestError> {
        match self.bot.edit_message_text(chat, id, text).await {
            Err(e) if TelegramError::from(&e) == TelegramError::BadRequest(NO_TEXT_TO_EDIT) => self
                .bot
                .edit_message_caption(chat, id)
                .caption(text)
                .await
                .map(|_| None),
            other => other.map(|_| None),
        }
    }
}

/// Telegram's answer to editing the text of a message that has a caption instead.
const NO_TEXT_TO_EDIT: BadRequest = BadRequest::NoTextToEdit;

impl Platform for TelegramPlatform {
    const CHANNEL: ChannelKind = ChannelKind::Telegram;
    const NAME: &'static str = "telegram sender";

    fn per_second(&self) -> u32 {
        self.per_second
    }

    async fn send(&self, message: &Claimed) -> Verdict {
        let Ok(chat) = message.recipient.as_str().parse::<i64>().map(ChatId) else {
            return Verdict::Failed(Reason::Rule("recipient is not a Telegram chat id"));
        };
        let to = To {
            chat,
            paid: self.paid_broadcast && message.broadcast,
        };
        self.limiter.until_ready().await;
        match self.call(to, message).await {
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

/// What one failed call means for its message. Housekeeping (answering a button, editing a
/// question) that Telegram refuses has nothing left to do: the message was edited already or
/// the button is old.
fn judge(error: TelegramError, outgoing: &Outgoing) -> Verdict {
    let housekeeping = outgoing.message().is_none();
    let why = Reason::Telegram(error);
    match error {
        TelegramError::RateLimited { retry_after } => {
            Verdict::Wait(Duration::seconds(i64::from(retry_after)), why)
        }
        TelegramError::Blocked(_) | TelegramError::ChatNotFound => Verdict::Unreachable(why),
        _ if housekeeping && error.is_api() => Verdict::Sent(None),
        TelegramError::Server(_)
        | TelegramError::Timeout
        | TelegramError::Network
        | TelegramError::Decode
        | TelegramError::Io => Verdict::Retry(why),
        TelegramError::BadRequest(_)
        | TelegramError::Forbidden
        | TelegramError::Unauthorized
        | TelegramError::Conflict
        | TelegramError::Http(_)
        | TelegramError::Unknown
        | TelegramError::Migrated => Verdict::Failed(why),
    }
}
