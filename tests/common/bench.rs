//! Shared by the benchmarks: run simulated users a few at a time and report percentiles.

use std::future::Future;
use std::time::{Duration, Instant};

/// Run `users` simulated users, `concurrency` at a time; each returns its latencies.
pub async fn run_users<F, Fut>(users: u64, concurrency: usize, user: F) -> (Vec<Duration>, Duration)
where
    F: Fn(u64) -> Fut,
    Fut: Future<Output = Vec<Duration>> + Send + 'static,
{
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut latencies = Vec::new();
    for n in 0..users {
        if tasks.len() >= concurrency {
            latencies.extend(tasks.join_next().await.unwrap().unwrap());
        }
        tasks.spawn(user(n));
    }
    while let Some(done) = tasks.join_next().await {
        latencies.extend(done.unwrap());
    }
    (latencies, started.elapsed())
}

/// "<engine>: N <what> in T: X <what>/s, p50 …, p99 …"
pub fn report(
    engine: &str,
    what: &str,
    mut latencies: Vec<Duration>,
    elapsed: Duration,
    setup: &str,
) {
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{engine}: {} {what} {setup} in {elapsed:.2?}: {:.0} {what}/s, p50 {:.2?}, p99 {:.2?}",
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
    );
}
