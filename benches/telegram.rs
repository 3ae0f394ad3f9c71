//! Telegram webhook throughput and latency: `cargo bench --bench telegram`.
//!
//! The real `pandu serve` in webhook mode against the fake Bot API on loopback. Each simulated
//! user posts its conversation update by update (as Telegram does: the next after the reply);
//! latency is from the webhook POST to the first reply reaching the fake server.
//! Prints updates/s and p50/p99, on SQLite and on PostgreSQL when reachable.

#[path = "../tests/common/mod.rs"]
mod common;

use common::fake_telegram::{FakeTelegram, updates};
use common::telegram_app::{Options, WEBHOOK_SECRET, post_update, start};
use std::time::{Duration, Instant};

const USERS: i64 = 100;
const CONCURRENCY: usize = 20;

#[tokio::main]
async fn main() {
    run("SQLite", None).await;
    match common::TestApp::postgres().await {
        Some(db) => {
            run("PostgreSQL", Some(db.database_url())).await;
            db.finish().await;
        }
        None => println!("PostgreSQL: skipped"),
    }
}

async fn run(engine: &str, database_url: Option<String>) {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        webhook: true,
        database_url,
        ..Options::default()
    };
    let app = start(&fake, &dir, &options).await;
    let url = app.webhook_url();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut latencies = Vec::new();
    for user in 0..USERS {
        if tasks.len() >= CONCURRENCY {
            latencies.extend(tasks.join_next().await.unwrap().unwrap());
        }
        let (fake, url) = (fake.clone(), url.clone());
        tasks.spawn(async move { one_user(&fake, &url, 10_000 + user).await });
    }
    while let Some(done) = tasks.join_next().await {
        latencies.extend(done.unwrap());
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{engine}: {} updates from {USERS} users ({CONCURRENCY} at a time) in {elapsed:.2?}: {:.0} updates/s, \
         webhook POST to first reply p50 {:.2?}, p99 {:.2?}",
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
    );
    app.stop().await;
}

async fn one_user(fake: &FakeTelegram, url: &str, chat: i64) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for line in common::HAPPY_PATH {
        let seen = fake.sent_count(chat);
        let update = updates::text(fake.next_update_id(), chat, line);
        let posted = Instant::now();
        assert_eq!(post_update(url, Some(WEBHOOK_SECRET), &update).await, 200);
        fake.wait_for("a reply", Duration::from_secs(30), |f| {
            f.sent_count(chat) > seen
        })
        .await;
        let reply = fake.sent_at(chat, seen);
        latencies.push(reply.duration_since(posted));
        // The rest of this reply (if several messages) before the next answer.
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    latencies
}
