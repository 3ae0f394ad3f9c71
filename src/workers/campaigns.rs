//! Runs campaigns: starts them at their time, writes out their recipients in chunks, and
//! keeps each channel's outbox fed with a couple of seconds of notices, only to places
//! outside quiet hours. The channel senders do the sending, replies first.

use crate::campaigns::{self, Campaign};
use crate::domain::ChannelKind;
use crate::message::Outgoing;
use crate::service::Service;
use crate::store::campaigns::{Feed, backlog, feed, finish_if_done, materialise};
use crate::store::{self, StoreError};
use std::collections::HashMap;
use std::time::Duration as StdDuration;
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

/// How often a running campaign's backlog is topped up.
const TICK: StdDuration = StdDuration::from_millis(200);
/// How often to look for a scheduled campaign when none runs.
const IDLE: StdDuration = StdDuration::from_secs(1);
/// Conversations looked at per materialising transaction.
const CHUNK: i64 = 5_000;
/// Chunks per round, so feeding starts while a large audience is still being written.
const CHUNKS_PER_ROUND: usize = 20;
/// A channel's outbox holds about this many seconds of notices: enough that the sender
/// never idles between rounds, little enough that a pause takes effect at once and a reply
/// never queues behind much.
const BACKLOG_SECONDS: i64 = 2;
/// Rate assumed for a channel the worker was not told about.
const DEFAULT_RATE: u32 = 30;

pub struct CampaignRunner {
    service: Service,
    rates: HashMap<ChannelKind, u32>,
}

/// What one round did (tests and benchmarks read it).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub started: usize,
    pub written: u64,
    pub queued: u64,
    pub finished: usize,
    pub running: usize,
}

impl CampaignRunner {
    /// `rates`: each channel's send rate, messages per second.
    pub fn new(service: Service, rates: impl IntoIterator<Item = (ChannelKind, u32)>) -> Self {
        Self {
            service,
            rates: rates.into_iter().collect(),
        }
    }

    pub async fn run(self, shutdown: CancellationToken) {
        let mut wake = self.service.wake.on_campaigns();
        while !shutdown.is_cancelled() {
            let pause = match self.round(OffsetDateTime::now_utc()).await {
                Ok(round) if round.running > 0 => TICK,
                Ok(_) => IDLE,
                Err(e) => {
                    tracing::error!(error = %e, "campaign round failed; retrying");
                    IDLE
                }
            };
            tokio::select! {
                _ = shutdown.cancelled() => {}
                _ = tokio::time::timeout(pause, wake.changed()) => {}
            }
        }
        tracing::info!(worker = "campaigns", "worker stopped");
    }

    /// One round at `now` (tests pass their own clock).
    pub async fn round(&self, now: OffsetDateTime) -> Result<Round, StoreError> {
        let mut round = Round {
            started: self.start_due(now).await?,
            ..Round::default()
        };
        let running = store::campaigns::running(&self.service.store).await?;
        round.running = running.len();
        for campaign in &running {
            round.written += self.materialise(campaign, now).await?;
            round.queued += self.feed(campaign, now).await?;
            if finish_if_done(&self.service.store, campaign.id, now).await? {
                tracing::info!(campaign = %campaign.id, "campaign done");
                round.finished += 1;
            }
        }
        if round.queued > 0 {
            self.service.wake.outbox();
        }
        Ok(round)
    }

    async fn start_due(&self, now: OffsetDateTime) -> Result<usize, StoreError> {
        use crate::campaigns::CampaignState::{Running, Scheduled};
        let mut started = 0;
        for id in store::campaigns::due_to_start(&self.service.store, now).await? {
            let mut tx = self.service.store.begin().await?;
            if store::campaigns::set_state(&mut tx, id, &[Scheduled], Running, None, now).await? {
                tracing::info!(campaign = %id, "campaign started");
                started += 1;
            }
            tx.commit().await?;
        }
        Ok(started)
    }

    async fn materialise(
        &self,
        campaign: &Campaign,
        now: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        let mut written = 0;
        if campaign.materialised {
            return Ok(0);
        }
        for _ in 0..CHUNKS_PER_ROUND {
            let chunk = materialise(
                &self.service.store,
                campaign.id,
                &campaign.draft.audience,
                CHUNK,
                now,
            )
            .await?;
            written += chunk.written;
            if chunk.done {
                tracing::info!(campaign = %campaign.id, "campaign recipients written");
                break;
            }
        }
        Ok(written)
    }

    async fn feed(&self, campaign: &Campaign, now: OffsetDateTime) -> Result<u64, StoreError> {
        let store = &self.service.store;
        let open = campaign.draft.quiet.open_offsets(now);
        if open.is_empty() {
            return Ok(0);
        }
        let notice = Outgoing::Message(campaigns::notice(
            campaign,
            self.service.settings.bot_username.as_deref(),
        ));
        let mut queued = 0;
        for channel in campaign.draft.audience.channels() {
            let rate = self.rates.get(&channel).copied().unwrap_or(DEFAULT_RATE);
            let room = i64::from(rate.max(1)) * BACKLOG_SECONDS - backlog(store, channel).await?;
            let step = Feed {
                campaign: campaign.id,
                channel,
                open_offsets: &open,
                room,
                notice: &notice,
                now,
            };
            queued += feed(store, &step).await?;
        }
        Ok(queued)
    }
}
