//! WhatsApp webhook throughput and latency: `cargo bench --bench whatsapp`.
//!
//! The real `pandu serve` against the fake Graph API on loopback. Each simulated user posts
//! its conversation as signed webhook events, one after the reply to the previous; latency
//! is from the webhook POST to the first reply reaching the fake server.

#[path = "../tests/common/mod.rs"]
mod common;

use common::bench;
use common::fake_whatsapp::{FakeWhatsapp, payloads};
use common::telegram_app::Running;
use common::whatsapp_app::{post, start};
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
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = std::sync::Arc::new(start(&fake, &dir, database_url).await);
    let (latencies, elapsed) = bench::run_users(USERS, CONCURRENCY, |n| {
        let (fake, app) = (fake.clone(), app.clone());
        async move { one_user(&fake, &app, &format!("62812{n:08}")).await }
    })
    .await;
    let setup =
        format!("from {USERS} users ({CONCURRENCY} at a time), webhook POST to first reply");
    bench::report(engine, "events", latencies, elapsed, &setup);
    if let Ok(app) = std::sync::Arc::try_unwrap(app) {
        app.stop().await;
    }
}

async fn one_user(fake: &FakeWhatsapp, app: &Running, wa_id: &str) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for (i, line) in common::HAPPY_PATH.iter().enumerate() {
        let seen = fake.sent_count(wa_id);
        let message = payloads::text(&format!("wamid.{wa_id}.{i}"), wa_id, line);
        let body = payloads::envelope(vec![payloads::value(vec![message], vec![])]);
        let posted = Instant::now();
        assert_eq!(post(app, &body, None).await, 200);
        fake.wait_for("a reply", Duration::from_secs(30), |f| {
            f.sent_count(wa_id) > seen
        })
        .await;
        latencies.push(fake.sent_at(wa_id, seen).duration_since(posted));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    latencies
}
