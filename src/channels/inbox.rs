//! The inbox worker every channel runs: claim the oldest waiting update of many chats, let
//! the channel read each (fetching files concurrently), then hand them all to the service in
//! one transaction that also settles the rows.

use super::worker::{self, Backoff, CONCURRENT, WorkerError};
use crate::domain::ChannelKind;
use crate::service::{Item, Service, Work};
use crate::store::{self, inbox::Pending};
use futures_util::StreamExt;
use std::future::Future;
use time::OffsetDateTime;
use tokio_util::sync::CancellationToken;

/// A channel's way of reading its stored updates.
pub trait Reader: Send + Sync {
    const CHANNEL: ChannelKind;
    const NAME: &'static str;

    /// What the row asks for, or `Err(why)` to try it again later (a file that could not be
    /// fetched yet).
    fn read(&self, row: &Pending) -> impl Future<Output = Result<Work, String>> + Send;
}

/// Waits before a row whose read failed is tried again.
const RETRY: Backoff = Backoff {
    first: time::Duration::seconds(2),
    factor: 2,
    max: time::Duration::seconds(64),
};

pub struct InboxWorker<R> {
    reader: R,
    service: Service,
}

impl<R: Reader> InboxWorker<R> {
    pub fn new(reader: R, service: Service) -> Self {
        Self { reader, service }
    }

    pub async fn run(self, shutdown: CancellationToken) {
        let wake = self.service.wake.on_inbox();
        worker::run(R::NAME, wake, shutdown, || self.process_due()).await;
    }

    /// One batch; returns how many rows it claimed.
    pub async fn process_due(&self) -> Result<usize, WorkerError> {
        let store = &self.service.store;
        let lease = self.service.settings.lease;
        let rows = store::inbox::claim(
            store,
            R::CHANNEL,
            worker::BATCH,
            lease,
            OffsetDateTime::now_utc(),
        )
        .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let renew = || store::inbox::renew(store, &ids, lease, OffsetDateTime::now_utc());
        worker::holding(lease, renew, self.process(rows)).await?;
        Ok(ids.len())
    }

    async fn process(&self, rows: Vec<Pending>) -> Result<(), WorkerError> {
        let mut read: Vec<(Pending, Result<Work, String>)> = futures_util::stream::iter(rows)
            .map(|row| async move {
                let work = self.reader.read(&row).await;
                (row, work)
            })
            .buffer_unordered(CONCURRENT)
            .collect()
            .await;
        read.sort_by_key(|(row, _)| row.id);
        let mut items = Vec::with_capacity(read.len());
        let mut attempts = Vec::with_capacity(read.len());
        for (row, work) in read {
            match work {
                Ok(work) => {
                    attempts.push(row.attempts);
                    items.push(Item {
                        inbox_id: Some(row.id),
                        work,
                    });
                }
                Err(why) => self.retry(row.id, row.attempts, &why).await?,
            }
        }
        let results = self.service.handle_batch(R::CHANNEL, &items).await;
        for ((item, result), attempts) in items.iter().zip(results).zip(attempts) {
            if let (Err(e), Some(id)) = (result, item.inbox_id) {
                tracing::error!(worker = R::NAME, error = %e, "update not handled; will retry");
                self.retry(id, attempts, &e.to_string()).await?;
            }
        }
        Ok(())
    }

    async fn retry(&self, id: i64, attempts: i64, why: &str) -> Result<(), WorkerError> {
        let at = OffsetDateTime::now_utc() + RETRY.after(attempts);
        store::inbox::retry_at(&self.service.store, id, at, why).await?;
        Ok(())
    }
}
