//! The sender every channel runs: claim the oldest due message of many chats, send them
//! concurrently through the platform, and settle the whole batch in one transaction. Per-chat
//! order and pacing come from the store; the platform adds its own rate limit and tells what
//! each answer means.

use super::reason::Reason;
use super::worker::{self, BATCH, Backoff, CONCURRENT};
use crate::domain::{ChannelKind, UserKey};
use crate::service::Service;
use crate::store::outbox::{self, Claimed, Lane, Sent};
use crate::store::{self, StoreError, Tx};
use futures_util::StreamExt;
use std::collections::HashSet;
use std::future::Future;
use time::{Duration, OffsetDateTime};
use tokio_util::sync::CancellationToken;

/// What to do with a message after one attempt, and why.
#[derive(Debug)]
pub enum Verdict {
    /// Delivered, with the platform's id for it.
    Sent(Option<String>),
    /// The platform asked us to wait this long (429 retry_after).
    Wait(Duration, Reason),
    /// A passing failure (5xx, network): again after the backoff, up to the attempt limit.
    Retry(Reason),
    /// Not allowed now and not failed (WhatsApp outside the 24-hour window).
    Held(Reason),
    /// Not sent, by rule: a notice to someone who opted out after the campaign was built.
    Skipped(Reason),
    /// This message can never be delivered; the chat goes on.
    Failed(Reason),
    /// Blocked or gone: nothing more is sent to this contact.
    Unreachable(Reason),
}

impl Verdict {
    /// Why it was not delivered; None when it was.
    pub fn reason(&self) -> Option<Reason> {
        match self {
            Self::Sent(_) => None,
            Self::Wait(_, why)
            | Self::Retry(why)
            | Self::Held(why)
            | Self::Skipped(why)
            | Self::Failed(why)
            | Self::Unreachable(why) => Some(*why),
        }
    }
}

/// A channel's way of sending.
pub trait Platform: Send + Sync {
    const CHANNEL: ChannelKind;
    const NAME: &'static str;

    /// One attempt (waiting for the platform's rate limit first).
    fn send(&self, message: &Claimed) -> impl Future<Output = Verdict> + Send;

    /// How long the chat's next message waits after this one was delivered.
    fn gap(&self, _message: &Claimed) -> Duration {
        Duration::ZERO
    }

    /// Messages per second this platform is paced at.
    fn per_second(&self) -> u32;
}

/// A limiter that spaces sends evenly and lets a tenth of a second's worth go at once after
/// a pause (the gap between two batches), with the steady pace lowered by that much and a 1%
/// margin, so that no one-second window ever holds more than `per_second`: at most `burst`
/// at once plus one per period for the rest of the second.
pub fn pace(per_second: u32) -> governor::DefaultDirectRateLimiter {
    governor::RateLimiter::direct(quota(per_second))
}

fn quota(per_second: u32) -> governor::Quota {
    let per_second = per_second.max(1);
    let burst = (per_second / 10).max(1);
    let steady = (per_second - burst).max(1);
    let period = std::time::Duration::from_secs_f64(1.01 / f64::from(steady));
    let burst = std::num::NonZeroU32::new(burst).unwrap_or(std::num::NonZeroU32::MIN);
    governor::Quota::with_period(period)
        .unwrap_or(governor::Quota::per_second(std::num::NonZeroU32::MIN))
        .allow_burst(burst)
}

/// Campaign notices claimed at once: at most a quarter of a second's worth, so a reply
/// that comes in during a broadcast waits at most that long (64 ms at 1000/s), and enough
/// that a fast broadcast is not spent claiming.
fn broadcast_batch(per_second: u32) -> i64 {
    i64::from(per_second / 4).clamp(1, 64)
}

pub struct Sender<P> {
    platform: P,
    service: Service,
    max_attempts: i64,
    backoff: Backoff,
}

impl<P: Platform> Sender<P> {
    pub fn new(platform: P, service: Service, max_attempts: u32, backoff: Backoff) -> Self {
        Self {
            platform,
            service,
            max_attempts: i64::from(max_attempts.max(1)),
            backoff,
        }
    }

    pub async fn run(self, shutdown: CancellationToken) {
        let wake = self.service.wake.on_outbox();
        worker::run(P::NAME, wake, shutdown, || self.deliver_due()).await;
    }

    /// One batch; returns how many messages it claimed.
    pub async fn deliver_due(&self) -> Result<usize, StoreError> {
        let store = &self.service.store;
        let lease = self.service.settings.lease;
        let now = OffsetDateTime::now_utc();
        let mut batch =
            outbox::claim(store, P::CHANNEL, None, Lane::Replies, BATCH, lease, now).await?;
        if batch.len() < BATCH as usize {
            let room =
                (BATCH - batch.len() as i64).min(broadcast_batch(self.platform.per_second()));
            batch.extend(
                outbox::claim(store, P::CHANNEL, None, Lane::Broadcast, room, lease, now).await?,
            );
        }
        if batch.is_empty() {
            return Ok(0);
        }
        let ids: Vec<_> = batch.iter().map(|m| m.id).collect();
        let renew = || outbox::renew(store, &ids, lease, OffsetDateTime::now_utc());
        worker::holding(lease, renew, self.send_and_settle(&batch)).await?;
        Ok(batch.len())
    }

    /// Send the batch concurrently and record each outcome as soon as it is known, in
    /// groups of whatever finished meanwhile. A message sent but not yet recorded is sent
    /// again after a crash; recording as we go keeps that to the few in flight, not the
    /// whole batch (which, paced at the platform's rate, spans a good part of a second).
    async fn send_and_settle(&self, batch: &[Claimed]) -> Result<(), StoreError> {
        let (unreachable, subscribed) = self.checks(batch).await?;
        let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
        let sends = async move {
            let attempts: Vec<_> = batch
                .iter()
                .map(|m| self.attempt(m, &unreachable, &subscribed))
                .collect();
            let mut verdicts = futures_util::stream::iter(attempts).buffer_unordered(CONCURRENT);
            while let Some(verdict) = verdicts.next().await {
                let _ = done.send(verdict);
            }
        };
        let settle = async {
            let mut ready = Vec::new();
            while finished.recv_many(&mut ready, BATCH as usize).await > 0 {
                self.settle(std::mem::take(&mut ready)).await?;
            }
            Ok(())
        };
        let ((), settled) = tokio::join!(sends, settle);
        settled
    }

    /// Which of the batch's recipients are unreachable, and which take notices.
    async fn checks(
        &self,
        batch: &[Claimed],
    ) -> Result<(HashSet<String>, HashSet<String>), StoreError> {
        let store = &self.service.store;
        let recipients: Vec<&UserKey> = batch.iter().map(|m| &m.recipient).collect();
        let unreachable =
            store::contacts::unreachable_among(store, P::CHANNEL, &recipients).await?;
        let noticed: Vec<&UserKey> = batch
            .iter()
            .filter(|m| m.broadcast)
            .map(|m| &m.recipient)
            .collect();
        let subscribed = store::campaigns::subscribed_among(store, P::CHANNEL, &noticed).await?;
        Ok((unreachable, subscribed))
    }

    async fn attempt<'m>(
        &self,
        message: &'m Claimed,
        unreachable: &HashSet<String>,
        subscribed: &HashSet<String>,
    ) -> (&'m Claimed, Verdict) {
        let verdict = if unreachable.contains(message.recipient.as_str()) {
            Verdict::Failed(Reason::Rule("contact unreachable"))
        } else if message.broadcast && !subscribed.contains(message.recipient.as_str()) {
            // Opting out counts up to the moment of sending, not only when the audience
            // was built.
            Verdict::Skipped(Reason::Rule("opted out"))
        } else {
            self.platform.send(message).await
        };
        (message, verdict)
    }

    /// These verdicts in one transaction.
    async fn settle(&self, done: Vec<(&Claimed, Verdict)>) -> Result<(), StoreError> {
        let now = OffsetDateTime::now_utc();
        let mut tx = self.service.store.begin().await?;
        let mut sent = Vec::new();
        for (message, verdict) in done {
            match verdict {
                Verdict::Sent(platform_id) => sent.push(Sent {
                    message,
                    platform_id,
                    gap: self.platform.gap(message),
                }),
                other => self.settle_one(&mut tx, message, other, now).await?,
            }
        }
        outbox::mark_sent(&mut tx, P::CHANNEL, &sent, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn settle_one(
        &self,
        tx: &mut Tx,
        message: &Claimed,
        verdict: Verdict,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let (channel, id) = (P::CHANNEL, message.id);
        // The reason's short form is all that is kept or logged of a platform's answer.
        let Some(why) = verdict.reason() else {
            return Ok(());
        };
        let (text, status) = (why.to_string(), why.status());
        match verdict {
            Verdict::Sent(_) => Ok(()),
            Verdict::Wait(wait, _) => {
                tracing::warn!(channel = %channel, reason = %text, ?status, wait_s = wait.whole_seconds(), "platform asked to slow down");
                outbox::retry_at(tx, id, now + wait, &text).await
            }
            Verdict::Retry(_) if message.attempts >= self.max_attempts => {
                tracing::warn!(channel = %channel, reason = %text, ?status, attempts = message.attempts, "message gave up");
                outbox::mark_failed(tx, id, &text).await
            }
            Verdict::Retry(_) => {
                let wait = self.backoff.after(message.attempts);
                tracing::warn!(channel = %channel, reason = %text, ?status, wait_s = wait.whole_seconds(), "send will be retried");
                outbox::retry_at(tx, id, now + wait, &text).await
            }
            Verdict::Held(_) => {
                tracing::info!(channel = %channel, reason = %text, ?status, "message held");
                outbox::mark_held(tx, id, &text).await
            }
            Verdict::Skipped(_) => outbox::mark_skipped(tx, id, &text).await,
            Verdict::Failed(_) => {
                tracing::warn!(channel = %channel, reason = %text, ?status, "message failed");
                outbox::mark_failed(tx, id, &text).await
            }
            Verdict::Unreachable(_) => {
                tracing::info!(channel = %channel, reason = %text, ?status, "contact unreachable");
                store::contacts::mark_unreachable(tx, channel, &message.recipient, &text, now)
                    .await?;
                outbox::fail_all_for(tx, channel, &message.recipient, &text).await?;
                // A consultant who blocked the bot can take no referral: theirs move on.
                self.service
                    .release_blocked(tx, channel, &message.recipient, now)
                    .await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use governor::clock::{Clock, FakeRelativeClock};
    use std::time::Duration;

    /// Send as fast as the limiter allows, with pauses now and then (the gaps between
    /// batches), and count the most sends in any one-second window.
    fn busiest_second(per_second: u32) -> (usize, usize) {
        let clock = FakeRelativeClock::default();
        let limiter =
            governor::RateLimiter::direct_with_clock(super::quota(per_second), clock.clone());
        let mut sent = Vec::new();
        for step in 0..(per_second as usize * 6) {
            // Claiming and recording a batch takes a few milliseconds.
            if step % super::broadcast_batch(per_second) as usize == 0 {
                clock.advance(Duration::from_millis(8));
            }
            while let Err(wait) = limiter.check() {
                clock.advance(
                    wait.wait_time_from(clock.now())
                        .max(Duration::from_micros(1)),
                );
            }
            sent.push(Duration::from(clock.now()).as_nanos());
        }
        let (mut best, mut first) = (0, 0);
        for last in 0..sent.len() {
            while sent[last] - sent[first] >= 1_000_000_000 {
                first += 1;
            }
            best = best.max(last - first + 1);
        }
        let seconds = (*sent.last().unwrap() as f64 / 1e9).max(1.0);
        (best, (sent.len() as f64 / seconds) as usize)
    }

    #[test]
    fn no_second_holds_more_than_the_rate_and_most_of_it_is_used() {
        for rate in [1, 10, 20, 30, 80, 1000] {
            let (busiest, achieved) = busiest_second(rate);
            assert!(
                busiest <= rate as usize,
                "{busiest} in one second at {rate}/s"
            );
            assert!(
                achieved * 100 >= rate as usize * 85,
                "{achieved}/s of {rate}/s"
            );
        }
    }
}
