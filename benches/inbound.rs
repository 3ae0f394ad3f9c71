//! Throughput and latency of the inbound path (dedupe, state, flow, lead, outbox in one
//! transaction) on SQLite and PostgreSQL: `cargo bench --bench inbound`.
//!
//! Each simulated user walks the whole conversation; users run concurrently, as they would
//! on a busy day. Prints events/s and p50/p99 per event. Not a test: it asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use pandu::config::Config;
use pandu::domain::{ChannelKind, UserKey};
use pandu::service::{Inbound, RawInput, Service};
use sqlx::{Connection, Executor};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// The happy path, then every document skipped, then a `/status`.
fn script() -> Vec<&'static str> {
    let mut lines = common::HAPPY_PATH.to_vec();
    lines.extend(["belum punya"; 6]);
    lines.push("/status");
    lines
}
const USERS: usize = 200;
const CONCURRENCY: usize = 16;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("bench.db").display());
    run("SQLite", &sqlite, &dir).await;

    sqlx::any::install_default_drivers();
    let admin_url = std::env::var("PANDU_TEST_POSTGRES_URL")
        .unwrap_or("postgres://postgres@127.0.0.1:5432/test".into());
    match sqlx::AnyConnection::connect(&admin_url).await {
        Ok(mut admin) => {
            let name = format!("pandu_bench_{}", std::process::id());
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            let base = admin_url.rsplit_once('/').unwrap().0;
            run("PostgreSQL", &format!("{base}/{name}"), &dir).await;
            admin
                .execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
                .await
                .unwrap();
        }
        Err(e) => println!("PostgreSQL: skipped ({e})"),
    }
}

async fn run(engine: &str, url: &str, dir: &tempfile::TempDir) {
    let config = Config::from_lookup(|n| match n {
        "DATABASE_URL" => Some(url.to_owned()),
        "PANDU_DOCUMENTS_DIR" => Some(dir.path().join("docs").display().to_string()),
        _ => None,
    })
    .unwrap();
    let service = pandu::app::build(&config).await.unwrap();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut latencies = Vec::new();
    for user in 0..USERS {
        if tasks.len() >= CONCURRENCY {
            latencies.extend(tasks.join_next().await.unwrap().unwrap());
        }
        let service = service.clone();
        tasks.spawn(async move { one_user(&service, user).await });
    }
    while let Some(done) = tasks.join_next().await {
        latencies.extend(done.unwrap());
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{engine}: {} events from {USERS} users ({CONCURRENCY} at a time) in {:.2?}: {:.0} events/s, p50 {:.2?}, p99 {:.2?}",
        latencies.len(),
        elapsed,
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
    );
    service.store.close().await;
}

async fn one_user(service: &Service, user: usize) -> Vec<Duration> {
    let key = UserKey::new(format!("bench-{user}"));
    let mut latencies = Vec::new();
    for (i, line) in script().into_iter().enumerate() {
        let inbound = Inbound {
            channel: ChannelKind::Console,
            user: key.clone(),
            message_id: format!("{user}-{i}"),
            input: RawInput::Text(line.into()),
            sender_phone: None,
            acks: Vec::new(),
            at: OffsetDateTime::now_utc(),
        };
        let t = Instant::now();
        service.handle(inbound).await.unwrap();
        latencies.push(t.elapsed());
    }
    latencies
}
