//! Delivers the WhatsApp outbox within Meta's rules: only inside the 24-hour window, at the
//! number's throughput, backing off on rate limits.

use super::client::{Client, WaError};
use super::render;
use crate::config::WhatsappConfig;
use crate::domain::ChannelKind;
use crate::flow::Msg;
use crate::message::Outgoing;
use crate::service::Service;
use crate::store::{self, StoreError, outbox::Claimed};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use time::{Duration, OffsetDateTime};

const CHANNEL: ChannelKind = ChannelKind::Whatsapp;
const BATCH: i64 = 64;
/// Free-form messages are allowed this long after the user's last message.
pub const WINDOW: Duration = Duration::hours(24);

pub struct Sender {
    client: Client,
    service: Service,
    limiter: DefaultDirectRateLimiter,
    max_attempts: i64,
}

enum Verdict {
    Sent(String),
    /// Outside the customer-service window: kept for a template sender, never sent free-form.
    Held(String),
    Retry(String),
    Failed(String),
}

impl Sender {
    pub fn new(client: Client, service: Service, config: &WhatsappConfig) -> Self {
        let rate = NonZeroU32::new(config.per_second).unwrap_or(NonZeroU32::MIN);
        Self {
            client,
            service,
            limiter: RateLimiter::direct(Quota::per_second(rate)),
            max_attempts: i64::from(config.max_attempts.max(1)),
        }
    }

    pub async fn run(self) {
        let wake = self.service.outbox_ready.subscribe();
        crate::channels::worker::run("whatsapp sender", wake, || self.deliver_due()).await;
    }

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
        let now = OffsetDateTime::now_utc();
        let Outgoing::Message(out) = &message.outgoing else {
            // Button acknowledgements are a Telegram matter; nothing to do here.
            return store::outbox::mark_sent(store, &message, CHANNEL, None, Duration::ZERO, now)
                .await;
        };
        let last = store::inbox::last_received(store, CHANNEL, message.recipient.as_str()).await?;
        let verdict = if last.is_none_or(|at| now - at > WINDOW) {
            Verdict::Held("outside the 24-hour window".into())
        } else {
            self.limiter.until_ready().await;
            let body = render::body(message.recipient.as_str(), out, &self.list_button());
            match self.client.send(&body).await {
                Ok(wamid) => Verdict::Sent(wamid),
                Err(e) => judge(e),
            }
        };
        self.settle(&message, verdict).await
    }

    fn list_button(&self) -> String {
        self.service.texts.render(
            self.service.settings.default_locale,
            &Msg::new("btn-list-open"),
        )
    }

    async fn settle(&self, message: &Claimed, verdict: Verdict) -> Result<(), StoreError> {
        let store = &self.service.store;
        let now = OffsetDateTime::now_utc();
        match verdict {
            Verdict::Sent(wamid) => {
                store::outbox::mark_sent(
                    store,
                    message,
                    CHANNEL,
                    Some(&wamid),
                    Duration::ZERO,
                    now,
                )
                .await?;
                // A status webhook can arrive before this point.
                store::statuses::copy_to_outbox(store, CHANNEL, &wamid).await
            }
            Verdict::Held(why) => {
                tracing::info!("whatsapp message held: outside the 24-hour window");
                store::outbox::mark_held(store, message.id, &why).await
            }
            Verdict::Retry(why) if message.attempts >= self.max_attempts => {
                tracing::warn!(reason = %why, "whatsapp message gave up");
                store::outbox::mark_failed(store, message.id, &why).await
            }
            Verdict::Retry(why) => {
                // Meta's advice for rate limits: back off 4^n seconds.
                let backoff =
                    Duration::seconds(4_i64.pow((message.attempts - 1).clamp(0, 4) as u32));
                tracing::warn!(reason = %why, wait_s = backoff.whole_seconds(), "whatsapp send will be retried");
                store::outbox::retry_at(store, message.id, now + backoff, &why).await
            }
            Verdict::Failed(why) => {
                tracing::warn!(reason = %why, "whatsapp message failed");
                store::outbox::mark_failed(store, message.id, &why).await
            }
        }
    }
}

fn judge(error: WaError) -> Verdict {
    match error {
        WaError::Api { code: 131047, .. } => {
            Verdict::Held("131047 re-engagement: outside the 24-hour window".into())
        }
        WaError::Api {
            code: code @ (130429 | 131056 | 131057 | 80007 | 4 | 80004),
            message,
            ..
        } => Verdict::Retry(format!("{code}: {message}")),
        WaError::Api {
            http,
            code,
            message,
        } if http >= 500 => Verdict::Retry(format!("{code}: {message}")),
        WaError::Api { code, message, .. } => Verdict::Failed(format!("{code}: {message}")),
        e @ (WaError::Network(_) | WaError::Expired | WaError::TooLarge) => {
            Verdict::Retry(e.to_string())
        }
    }
}
