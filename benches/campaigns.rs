//! Campaign figures: `cargo bench --bench campaigns [-- materialise|send] [--quick]`.
//!
//! - materialise: a campaign's recipients written from 100k and then 1M subscribers, in the
//!   runner's chunks, on SQLite and PostgreSQL: wall time, this process's CPU time per 1000
//!   recipients (all of it on SQLite; PostgreSQL's own work is in its server process), and
//!   the first and last chunk's time (how the cost grows as the table fills).
//! - send: 20,000 notices to the fake Telegram at a configured 1,000 msg/s through the real
//!   `pandu serve`: achieved rate over configured, the largest count in any one-second
//!   window, CPU per send (the fake runs in this process too), and an owner's reply latency
//!   while the broadcast runs against the same owner's latency before it.

#[path = "../tests/common/mod.rs"]
mod common;

use common::fake_telegram::{FakeTelegram, max_in_any_second, updates};
use common::subscribers::seed_bulk;
use common::telegram_app::{self, Options, WEBHOOK_SECRET, post_update};
use pandu::campaigns::{Audience, CampaignState, Draft, Quiet, Zone};
use pandu::service::campaigns::{Actor, TestTo};
use pandu::store::{self, Store};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

const CHUNK: i64 = 5_000;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let pick = |name: &str| {
        !args.iter().any(|a| a == "materialise" || a == "send") || args.iter().any(|a| a == name)
    };
    if pick("materialise") {
        let sizes: &[i64] = if quick {
            &[10_000]
        } else {
            &[100_000, 1_000_000]
        };
        for &n in sizes {
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}", dir.path().join("bench.db").display());
            materialise("SQLite", &url, n).await;
            match common::TestApp::postgres().await {
                Some(db) => {
                    materialise("PostgreSQL", &db.database_url(), n).await;
                    db.finish().await;
                }
                None => println!("PostgreSQL: skipped"),
            }
        }
    }
    if pick("send") {
        send(if quick { 2_000 } else { 20_000 }, 1_000).await;
    }
}

fn draft() -> Draft {
    Draft {
        name: "bench".into(),
        body: "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.".into(),
        image_url: None,
        button: Some("Cek sekarang".into()),
        audience: Audience {
            channels: vec![pandu::domain::ChannelKind::Telegram],
            ..Audience::default()
        },
        template: None,
        zone: Zone::Wib,
        quiet: Quiet { start: 0, end: 0 },
    }
}

/// utime + stime of this process, from /proc (Linux clock ticks are 1/100 s).
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

async fn materialise(engine: &str, url: &str, n: i64) {
    let store = Store::connect(url).await.unwrap();
    let seeding = Instant::now();
    seed_bulk(&store, n, 1_000_000).await;
    let seeded = seeding.elapsed();
    let now = OffsetDateTime::now_utc();
    let new = store::campaigns::NewCampaign {
        code: "kbench",
        draft: &draft(),
        region: None,
        created_by: None,
        now,
    };
    let id = store::campaigns::create(&store, &new).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    store::campaigns::set_state(
        &mut tx,
        id,
        &[CampaignState::Draft],
        CampaignState::Running,
        Some(now),
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let audience = draft().audience;
    let (wall, cpu_before) = (Instant::now(), cpu());
    let mut chunks = Vec::new();
    loop {
        let one = Instant::now();
        let step = store::campaigns::materialise(&store, id, &audience, CHUNK, now)
            .await
            .unwrap();
        chunks.push(one.elapsed());
        if step.done {
            break;
        }
    }
    let (wall, cpu_used) = (wall.elapsed(), cpu() - cpu_before);
    let written: i64 = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM campaign_recipients")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let per_k = |d: Duration| d.as_secs_f64() * 1000.0 / (written as f64 / 1000.0);
    println!(
        "{engine:<10} materialise {written:>9} recipients: {:>6.1} s wall ({:.2} ms/1k), CPU here {:.2} ms/1k; \
         chunk of {CHUNK}: first {:.0} ms, last full {:.0} ms (seeding took {:.0} s)",
        wall.as_secs_f64(),
        per_k(wall),
        per_k(cpu_used),
        chunks[0].as_secs_f64() * 1000.0,
        chunks[chunks.len().saturating_sub(2)].as_secs_f64() * 1000.0,
        seeded.as_secs_f64(),
    );
    store.close().await;
}

async fn send(n: i64, rate: u32) {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        webhook: true,
        extra: vec![("TELEGRAM_GLOBAL_PER_SECOND", rate.to_string())],
        ..Options::default()
    };
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = pandu::app::build(&telegram_app::config(
        &fake,
        &dir,
        &options,
        app.addr.port(),
    ))
    .await
    .unwrap();
    seed_bulk(&service.store, n, 1_000_000).await;
    let url = app.webhook_url();
    let before = reply_latencies(&fake, &url, 7_000_000, 10, None).await;
    let now = OffsetDateTime::now_utc();
    let actor = Actor::operator();
    let id = service
        .create_campaign(&draft(), &actor, now)
        .await
        .unwrap();
    let to = TestTo::Chat(
        pandu::domain::ChannelKind::Telegram,
        pandu::domain::UserKey::new("42"),
    );
    service.test_campaign(id, &actor, to, now).await.unwrap();
    let cpu_before = cpu();
    service
        .start_campaign(id, None, &actor, &None, now)
        .await
        .unwrap();
    let broadcast = |f: &FakeTelegram| {
        f.calls("sendMessage")
            .iter()
            .filter(|c| (1_000_000..7_000_000).contains(&c.body["chat_id"].as_i64().unwrap_or(0)))
            .count() as i64
    };
    // An owner keeps talking to Pandu while the broadcast runs.
    let during =
        reply_latencies(&fake, &url, 7_000_100, 20, Some(Duration::from_millis(250))).await;
    // Looked at twice a second: the fake's own waiting would scan every call on every send.
    let deadline = Instant::now() + Duration::from_secs(n as u64 / u64::from(rate) * 4 + 30);
    while broadcast(&fake) < n {
        assert!(Instant::now() < deadline, "the broadcast did not finish");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let cpu_used = cpu() - cpu_before;
    let mut times: Vec<Instant> = fake
        .calls("sendMessage")
        .into_iter()
        .filter(|c| (1_000_000..7_000_000).contains(&c.body["chat_id"].as_i64().unwrap_or(0)))
        .map(|c| c.at)
        .collect();
    times.sort();
    let span = *times.last().unwrap() - times[0];
    let achieved = (times.len() as f64 - 1.0) / span.as_secs_f64();
    println!(
        "send {n} at {rate}/s: achieved {:.0}/s ({:.3} of configured), largest 1-s window {}, CPU {:.3} ms/send (service and fake)",
        achieved,
        achieved / f64::from(rate),
        max_in_any_second(times.clone()),
        cpu_used.as_secs_f64() * 1000.0 / n as f64,
    );
    println!("reply latency before the broadcast: {}", summary(before));
    println!("reply latency during the broadcast: {}", summary(during));
    app.stop().await;
    service.store.close().await;
}

/// `count` messages from new owners, each timed from the webhook POST to Pandu's first reply.
async fn reply_latencies(
    fake: &FakeTelegram,
    url: &str,
    first_chat: i64,
    count: i64,
    gap: Option<Duration>,
) -> Vec<Duration> {
    let mut out = Vec::new();
    for chat in first_chat..first_chat + count {
        let update = updates::text(fake.next_update_id(), chat, "halo");
        let posted = Instant::now();
        assert_eq!(post_update(url, Some(WEBHOOK_SECRET), &update).await, 200);
        fake.wait_for("a reply", Duration::from_secs(30), |f| {
            f.sent_count(chat) > 0
        })
        .await;
        out.push(posted.elapsed());
        if let Some(gap) = gap {
            tokio::time::sleep(gap).await;
        }
    }
    out
}

fn summary(mut d: Vec<Duration>) -> String {
    d.sort();
    let at = |q: f64| d[((d.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0;
    format!(
        "p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms ({} replies)",
        at(0.5),
        at(0.99),
        at(1.0),
        d.len()
    )
}
