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
const USERS: u64 = 200;
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
    let (latencies, elapsed) = common::bench::run_users(USERS, CONCURRENCY, |n| {
        let service = service.clone();
        async move { one_user(&service, n as usize).await }
    })
    .await;
    let setup = format!("from {USERS} users ({CONCURRENCY} at a time), one transaction each");
    common::bench::report(engine, "events", latencies, elapsed, &setup);
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
