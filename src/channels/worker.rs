//! What every channel worker shares: the loop (a batch, then wait to be woken or for work
//! that comes due by time), stopping on shutdown only between batches, holding a lease while
//! a batch is worked on, and one backoff formula.

use crate::service::ServiceError;
use crate::store::StoreError;
use std::future::Future;
use std::time::Duration as StdDuration;
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

/// Items of one batch are handled this many at a time (each belongs to a different chat).
pub const CONCURRENT: usize = 16;
/// Rows claimed at once.
pub const BATCH: i64 = 64;

/// Run batches until `shutdown`. A batch that has started is always finished: nothing is
/// abandoned mid-send, so a stop costs no duplicate.
pub async fn run<F, Fut, E>(
    name: &'static str,
    mut wake: watch::Receiver<u64>,
    shutdown: CancellationToken,
    mut batch: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<usize, E>>,
    E: std::fmt::Display,
{
    while !shutdown.is_cancelled() {
        let pause = match batch().await {
            Ok(0) => StdDuration::from_millis(250),
            Ok(_) => continue,
            Err(e) => {
                tracing::error!(worker = name, error = %e, "worker batch failed; retrying");
                StdDuration::from_secs(1)
            }
        };
        tokio::select! {
            _ = shutdown.cancelled() => {}
            _ = tokio::time::timeout(pause, wake.changed()) => {}
        }
    }
    tracing::info!(worker = name, "worker stopped");
}

/// Run `work` while renewing its lease every third of `lease`, so a short lease runs out
/// only when the process holding it is gone (a crash costs seconds, not minutes).
pub async fn holding<W, R, RFut>(lease: time::Duration, renew: R, work: W) -> W::Output
where
    W: Future,
    R: Fn() -> RFut,
    RFut: Future<Output = Result<(), StoreError>>,
{
    let every = StdDuration::try_from(lease / 3).unwrap_or(StdDuration::from_secs(1));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    tokio::pin!(work);
    loop {
        tokio::select! {
            out = &mut work => return out,
            _ = ticks.tick() => {
                if let Err(e) = renew().await {
                    tracing::warn!(error = %e, "lease renewal failed");
                }
            }
        }
    }
}

/// Exponential backoff: `first`, then times `factor` per attempt, never above `max`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub first: time::Duration,
    pub factor: u32,
    pub max: time::Duration,
}

impl Backoff {
    /// The wait after the `attempts`-th failed attempt (1 = the first).
    pub fn after(&self, attempts: i64) -> time::Duration {
        let steps = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
        let wait = self.first * f64::from(self.factor).powi(steps as i32);
        wait.min(self.max)
    }
}

/// What can stop a worker's batch: the store, or the service handling an event.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

#[cfg(test)]
mod tests {
    use super::Backoff;
    use time::Duration;

    #[test]
    fn backoff_grows_by_its_factor_up_to_its_cap() {
        let b = Backoff {
            first: Duration::seconds(2),
            factor: 4,
            max: Duration::seconds(100),
        };
        let waits: Vec<i64> = (1..=5).map(|n| b.after(n).whole_seconds()).collect();
        assert_eq!(waits, [2, 8, 32, 100, 100]);
        assert_eq!(
            b.after(0).whole_seconds(),
            2,
            "a row never tried waits the first step"
        );
    }
}
