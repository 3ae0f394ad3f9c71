//! Group commit for received updates. Every webhook request (and every poll) hands its
//! updates to one task that writes whatever has gathered meanwhile in one statement, so a
//! hundred requests arriving together cost one commit, not a hundred, and each request is
//! answered only once its update is durable.

use super::Wake;
use crate::store::inbox::{self, NewUpdate};
use crate::store::{Store, StoreError};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Updates of at most this many requests go into one statement.
const MAX_REQUESTS: usize = 128;

type Reply = oneshot::Sender<Result<Vec<bool>, StoreError>>;

#[derive(Clone)]
pub struct Intake {
    requests: mpsc::Sender<(Vec<NewUpdate>, Reply)>,
}

#[derive(Debug, thiserror::Error)]
#[error("the intake has stopped")]
pub struct Stopped;

impl Intake {
    /// Start the writer task; the inbox workers are woken whenever something new was stored.
    pub fn start(store: Store, wake: Arc<Wake>) -> Self {
        let (requests, rx) = mpsc::channel(1024);
        tokio::spawn(write_loop(store, wake, rx));
        Self { requests }
    }

    /// Store these updates durably. For each: true when new, false for a redelivery.
    pub async fn store(&self, updates: Vec<NewUpdate>) -> Result<Vec<bool>, StoreError> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StoreError::Corrupt {
            what: "intake",
            detail: Stopped.to_string(),
        };
        self.requests
            .send((updates, reply))
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

async fn write_loop(
    store: Store,
    wake: Arc<Wake>,
    mut rx: mpsc::Receiver<(Vec<NewUpdate>, Reply)>,
) {
    let mut waiting = Vec::with_capacity(MAX_REQUESTS);
    while rx.recv_many(&mut waiting, MAX_REQUESTS).await > 0 {
        let mut all = Vec::new();
        let mut replies = Vec::with_capacity(waiting.len());
        for (updates, reply) in waiting.drain(..) {
            replies.push((updates.len(), reply));
            all.extend(updates);
        }
        let woke = || wake.inbox();
        match inbox::insert_many(&store, &all).await {
            Ok(fresh) => {
                if fresh.iter().any(|f| *f) {
                    woke();
                }
                let mut fresh = fresh.into_iter();
                for (count, reply) in replies {
                    let _ = reply.send(Ok(fresh.by_ref().take(count).collect()));
                }
            }
            // Each request alone, so each gets its own answer (and its own error).
            Err(e) => {
                tracing::warn!(error = %e, "group insert failed; storing one request at a time");
                let mut start = 0;
                for (count, reply) in replies {
                    let one = inbox::insert_many(&store, &all[start..start + count]).await;
                    start += count;
                    if one.as_ref().is_ok_and(|f| f.iter().any(|f| *f)) {
                        woke();
                    }
                    let _ = reply.send(one);
                }
            }
        }
    }
}
