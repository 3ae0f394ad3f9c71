//! The loop every channel worker runs: do a batch, and when there was nothing to do, wait
//! to be woken (new work) or for a short while (work that comes due by time).

use crate::service::ServiceError;
use crate::store::StoreError;
use futures_util::StreamExt;
use std::future::Future;
use tokio::sync::watch;

/// Items of one batch are handled this many at a time (each belongs to a different chat).
pub const CONCURRENT: usize = 8;

pub async fn run<F, Fut, E>(name: &'static str, mut wake: watch::Receiver<u64>, mut batch: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<usize, E>>,
    E: std::fmt::Display,
{
    loop {
        match batch().await {
            Ok(0) => {
                let _ = tokio::time::timeout(std::time::Duration::from_millis(250), wake.changed())
                    .await;
            }
            Ok(_) => {}
            Err(e) => {
                tracing::error!(worker = name, error = %e, "worker batch failed; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// Run `handle` over the batch concurrently; the first error is returned after all finish.
pub async fn each<T, F, Fut, E>(items: Vec<T>, handle: F) -> Result<usize, E>
where
    F: Fn(T) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let count = items.len();
    let results: Vec<Result<(), E>> = futures_util::stream::iter(items)
        .map(handle)
        .buffer_unordered(CONCURRENT)
        .collect()
        .await;
    results.into_iter().collect::<Result<(), E>>()?;
    Ok(count)
}

/// What can stop a worker's batch: the store, or the service handling an event.
#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Service(#[from] ServiceError),
}
