//! Telegram webhook throughput and latency: `cargo bench --bench telegram`.
//!
//! The real `pandu serve` in webhook mode against the fake Bot API on loopback. Each simulated
//! user posts its conversation update by update (as Telegram does: the next after the reply);
//! latency is from the webhook POST to the first reply reaching the fake server.
//! Prints updates/s and p50/p99, on SQLite and on PostgreSQL when reachable.

#[path = "../tests/common/mod.rs"]
mod common;

use common::bench;
use common::fake_telegram::{FakeTelegram, updates};
use common::telegram_app::{Options, WEBHOOK_SECRET, post_update, start};
use std::time::{Duration, Instant};

const USERS: u64 = 100;
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
    let (latencies, elapsed) = bench::run_users(USERS, CONCURRENCY, |n| {
        let (fake, url) = (fake.clone(), url.clone());
        async move { one_user(&fake, &url, 10_000 + n as i64).await }
    })
    .await;
    let setup =
        format!("from {USERS} users ({CONCURRENCY} at a time), webhook POST to first reply");
    bench::report(engine, "updates", latencies, elapsed, &setup);
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
