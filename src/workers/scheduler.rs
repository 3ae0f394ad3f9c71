//! Fires timers when they come due (referral offers, reminders, follow-ups), and reminds
//! owners of checks left unfinished. Each timer is taken and its work done in one
//! transaction: a crash before commit leaves the timer for the next run, and two instances
//! never both fire one (the second finds it gone).

use crate::domain::TimerKind;
use crate::referrals::{OfferId, ReferralId};
use crate::service::Service;
use crate::store::{self, StoreError, timers::Timer};
use std::time::Duration as StdDuration;
use time::{Duration, OffsetDateTime};
use tokio_util::sync::CancellationToken;

/// Timers fired per round.
const BATCH: i64 = 64;
/// Longest sleep between looks at the table (a timer made by another instance).
const IDLE: StdDuration = StdDuration::from_secs(5);
/// A timer whose work failed is tried again this much later.
const RETRY: Duration = Duration::minutes(1);

pub struct Scheduler {
    service: Service,
}

impl Scheduler {
    pub fn new(service: Service) -> Self {
        Self { service }
    }

    pub async fn run(self, shutdown: CancellationToken) {
        let mut wake = self.service.wake.on_timers();
        while !shutdown.is_cancelled() {
            let pause = match self.fire_due(OffsetDateTime::now_utc()).await {
                Ok(n) if n as i64 == BATCH => continue,
                Ok(_) => self.until_next().await,
                Err(e) => {
                    tracing::error!(error = %e, "scheduler round failed; retrying");
                    StdDuration::from_secs(1)
                }
            };
            tokio::select! {
                _ = shutdown.cancelled() => {}
                _ = tokio::time::timeout(pause, wake.changed()) => {}
            }
        }
        tracing::info!(worker = "scheduler", "worker stopped");
    }

    async fn until_next(&self) -> StdDuration {
        match store::timers::next_due(&self.service.store).await {
            Ok(Some(due)) => {
                let wait = due - OffsetDateTime::now_utc();
                StdDuration::try_from(wait)
                    .unwrap_or(StdDuration::ZERO)
                    .min(IDLE)
            }
            _ => IDLE,
        }
    }

    /// Fire every timer due by `now` (tests pass a later `now` to move time on). Returns how
    /// many were looked at.
    pub async fn fire_due(&self, now: OffsetDateTime) -> Result<usize, StoreError> {
        let due = store::timers::due(&self.service.store, now, BATCH).await?;
        for timer in &due {
            if let Err(e) = self.fire(timer, now).await {
                tracing::error!(timer = timer.kind.as_str(), error = %e, "timer failed; will retry");
                store::timers::postpone(&self.service.store, timer.id, now + RETRY).await?;
            }
        }
        if !due.is_empty() {
            self.service.wake.outbox();
        }
        // The unfinished reminder has no timer row: its clock is the conversation's last
        // message, which every message moves.
        self.service.remind_unfinished(now).await?;
        Ok(due.len())
    }

    async fn fire(&self, timer: &Timer, now: OffsetDateTime) -> Result<(), StoreError> {
        let service = &self.service;
        let mut tx = service.store.begin().await?;
        if !store::timers::take(&mut tx, timer.id).await? {
            return Ok(()); // another instance fired it
        }
        match timer.kind {
            TimerKind::OfferReferral => {
                service
                    .offer_next(&mut tx, ReferralId(timer.subject), now)
                    .await?
            }
            TimerKind::RemindOffer => {
                service
                    .remind_offer(&mut tx, OfferId(timer.subject), now)
                    .await?
            }
            TimerKind::ExpireOffer => {
                service
                    .expire_offer(&mut tx, OfferId(timer.subject), now)
                    .await?
            }
            TimerKind::FollowUp => service.send_follow_up(&mut tx, timer.subject, now).await?,
        }
        tx.commit().await?;
        tracing::debug!(timer = timer.kind.as_str(), "timer fired");
        Ok(())
    }
}
