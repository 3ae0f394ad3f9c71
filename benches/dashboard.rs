//! The dashboard at national scale: `cargo bench --bench dashboard`.
//!
//! Seeds 1,000,000 leads (`PANDU_BENCH_LEADS` for fewer) by set-based SQL over every
//! province and kab/kota, then, through the real served app, measures the leads list per
//! scope, search, filter and deep keyset paging (p50/p99), and the time to the first byte and
//! to the end of a province's CSV export. Prints the query plans of the list per scope.
//! Not a test: it asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

#[path = "dashboard/seed.rs"]
mod seed;

use common::dash::Client;
use pandu::access::{Role, Scope};
use pandu::config::Config;
use pandu::reference::RegionCode;
use pandu::store::Store;
use pandu::store::dashboard::{LeadFilter, Page};
use sqlx::{Connection, Executor, Row};
use std::time::{Duration, Instant};

const SAMPLES: usize = 40;
const PROVINCES: [&str; 3] = ["32", "35", "52"];
const REGENCIES: [&str; 3] = ["32.04", "35.78", "52.02"];

#[tokio::main]
async fn main() {
    let leads: i64 = std::env::var("PANDU_BENCH_LEADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("bench.db").display());
    run("SQLite", &sqlite, &dir, leads).await;

    sqlx::any::install_default_drivers();
    let admin_url = std::env::var("PANDU_TEST_POSTGRES_URL")
        .unwrap_or("postgres://postgres@127.0.0.1:5432/test".into());
    match sqlx::AnyConnection::connect(&admin_url).await {
        Ok(mut admin) => {
            let name = format!("pandu_bench_dash_{}", std::process::id());
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            let base = admin_url.rsplit_once('/').unwrap().0;
            run("PostgreSQL", &format!("{base}/{name}"), &dir, leads).await;
            admin
                .execute(format!("DROP DATABASE {name} WITH (FORCE)").as_str())
                .await
                .unwrap();
        }
        Err(e) => println!("PostgreSQL: skipped ({e})"),
    }
}

async fn run(engine: &str, url: &str, dir: &tempfile::TempDir, leads: i64) {
    let store = Store::connect(url).await.unwrap();
    let seeded = Instant::now();
    seed::leads(&store, leads).await;
    // One lead in fifty has an owner waiting for an answer (the home page counts them).
    sqlx::query("UPDATE leads SET owner_wrote_at = created_at WHERE id % 50 = 0")
        .execute(store.pool())
        .await
        .unwrap();
    println!("{engine}: seeded {leads} leads in {:.1?}", seeded.elapsed());
    staff(&store).await;
    let config = Config::from_lookup(|n| match n {
        "DATABASE_URL" => Some(url.to_owned()),
        "PANDU_DOCUMENTS_DIR" => Some(dir.path().join("docs").display().to_string()),
        _ => None,
    })
    .unwrap();
    let app = common::telegram_app::start_with(config).await;
    let base = format!("http://{}", app.addr);
    let deep = deep_cursors(&store, leads).await;
    let phones = phone_parts(&store).await;
    lists(engine, &base, &deep, &phones).await;
    export(engine, &base).await;
    plans(engine, &store, deep[0], &phones[0]).await;
    app.stop().await;
    store.close().await;
}

/// An admin, a dinas per province and per kab/kota of the samples.
async fn staff(store: &Store) {
    let hash = pandu::web::auth::hash_password(common::dash::PASSWORD).unwrap();
    let now = time::OffsetDateTime::now_utc();
    let admin = pandu::store::staff::add(store, "admin@b", "admin", Role::Admin, None, &hash, now);
    admin.await.unwrap();
    for code in PROVINCES.iter().chain(&REGENCIES) {
        let region = RegionCode::parse(code).unwrap();
        let email = format!("{code}@b");
        pandu::store::staff::add(store, &email, code, Role::Dinas, Some(&region), &hash, now)
            .await
            .unwrap();
    }
}

async fn signed_in(base: &str, email: &str) -> Client {
    let mut client = Client::new(base);
    assert_eq!(client.login(email).await, 303, "{email}");
    client
}

async fn lists(engine: &str, base: &str, deep: &[(i64, i64)], phones: &[String]) {
    let admin = signed_in(base, "admin@b").await;
    let mut provinces = Vec::new();
    let mut regencies = Vec::new();
    for code in PROVINCES {
        provinces.push(signed_in(base, &format!("{code}@b")).await);
    }
    for code in REGENCIES {
        regencies.push(signed_in(base, &format!("{code}@b")).await);
    }
    let one = |c: &Client| vec![(c.clone(), "/leads".to_owned())];
    let each = |cs: &[Client], path: &str| -> Vec<(Client, String)> {
        cs.iter().map(|c| (c.clone(), path.to_owned())).collect()
    };
    let on_admin = |paths: Vec<String>| -> Vec<(Client, String)> {
        paths.into_iter().map(|p| (admin.clone(), p)).collect()
    };
    let outcomes = [
        "siap_bina_umk",
        "perlu_nib",
        "wajib_sni_lspro",
        "belum_ada_sni",
    ];
    let deep: Vec<String> = deep.iter().map(|(c, i)| format!("{c}_{i}")).collect();
    let cases: Vec<(&str, Vec<(Client, String)>)> = vec![
        ("all leads (admin)", one(&admin)),
        (
            "province scope (dinas 32/35/52)",
            each(&provinces, "/leads"),
        ),
        (
            "regency scope (dinas 32.04/35.78/52.02)",
            each(&regencies, "/leads"),
        ),
        (
            "search: part of a phone number",
            on_admin(phones.iter().map(|p| format!("/leads?q={p}")).collect()),
        ),
        (
            "search: a common word (kopi)",
            on_admin(vec!["/leads?q=kopi".into()]),
        ),
        (
            "search: two words (Kedai Kopi Sari)",
            on_admin(vec!["/leads?q=kedai+kopi+sari".into()]),
        ),
        (
            "filter by outcome",
            on_admin(
                outcomes
                    .iter()
                    .map(|o| format!("/leads?outcome={o}"))
                    .collect(),
            ),
        ),
        (
            "deep keyset page (admin, ~95% down)",
            on_admin(deep.iter().map(|d| format!("/leads?after={d}")).collect()),
        ),
        (
            "deep keyset page (province 32)",
            each(&provinces[..1], &format!("/leads?after={}", deep[0])),
        ),
        (
            "home page: today (admin, with system health)",
            vec![(admin.clone(), "/".to_owned())],
        ),
        ("home page: today (dinas 32/35/52)", each(&provinces, "/")),
        (
            "home page: today (dinas 32.04/35.78/52.02)",
            each(&regencies, "/"),
        ),
        (
            "owners waiting for an answer (dinas 32/35/52)",
            each(&provinces, "/leads?waiting=question"),
        ),
    ];
    for (name, requests) in cases {
        let mut latencies = Vec::new();
        let cpu = cpu_seconds();
        for i in 0..SAMPLES {
            let (client, path) = &requests[i % requests.len()];
            let started = Instant::now();
            let (status, _) = client.get(path).await;
            latencies.push(started.elapsed());
            assert_eq!(status, 200, "{path}");
        }
        let per_request = (cpu_seconds() - cpu) / SAMPLES as f64 * 1000.0;
        println!(
            "{engine}: list, {name}: {}, CPU {per_request:.2} ms/request (app and client, one process)",
            percentiles(latencies)
        );
    }
}

/// User and system CPU of this process so far, in seconds (Linux `/proc`).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// "p50 …, p99 …" of the samples.
fn percentiles(mut latencies: Vec<Duration>) -> String {
    latencies.sort();
    let at = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    format!(
        "p50 {:.1?}, p99 {:.1?} ({} requests)",
        at(0.5),
        at(0.99),
        latencies.len()
    )
}

/// Seven digits from the middle of a few leads' phone numbers.
async fn phone_parts(store: &Store) -> Vec<String> {
    let rows = sqlx::query("SELECT phone FROM leads WHERE id IN (1234, 56789, 345678, 777777)")
        .fetch_all(store.pool())
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            let phone: String = r.get("phone");
            phone[6..13].to_owned()
        })
        .collect()
}

/// Keyset positions near the oldest leads (the list is newest first).
async fn deep_cursors(store: &Store, leads: i64) -> Vec<(i64, i64)> {
    let mut cursors = Vec::new();
    for k in [leads / 20, leads / 25, leads / 30] {
        let r = sqlx::query("SELECT created_at, id FROM leads WHERE id = $1")
            .bind(k.max(1))
            .fetch_one(store.pool())
            .await
            .unwrap();
        cursors.push((r.get("created_at"), r.get("id")));
    }
    cursors
}

/// A province's CSV: time to the first byte of the body and to its end.
async fn export(engine: &str, base: &str) {
    let client = signed_in(base, "32@b").await;
    let started = Instant::now();
    let mut response = client.get_response("/leads/export.csv").await;
    let mut first = None;
    let (mut bytes, mut lines) = (0usize, 0usize);
    while let Some(chunk) = response.chunk().await.unwrap() {
        first.get_or_insert_with(|| started.elapsed());
        bytes += chunk.len();
        lines += chunk.iter().filter(|b| **b == b'\n').count();
    }
    println!(
        "{engine}: CSV export of province 32 ({} rows, {:.1} MB): first byte {:.1?}, total {:.1?}",
        lines.saturating_sub(1),
        bytes as f64 / 1e6,
        first.unwrap_or_default(),
        started.elapsed()
    );
}

/// The plans of the list query (and its outcome counts) per scope.
async fn plans(engine: &str, store: &Store, (created, id): (i64, i64), phone: &str) {
    let region = |c: &str| Scope::Region(RegionCode::parse(c).unwrap());
    let search = |text: &str| LeadFilter {
        search: Some(text.into()),
        ..LeadFilter::default()
    };
    let (phone, word) = (search(phone), search("kopi"));
    let outcome = LeadFilter {
        outcome: Some("perlu_nib".into()),
        ..LeadFilter::default()
    };
    let deep = Page {
        after: Some((created, pandu::domain::LeadId(id))),
        size: 50,
        oldest_first: false,
    };
    let page = Page {
        after: None,
        ..deep
    };
    let none = LeadFilter::default();
    let waiting = LeadFilter {
        waiting: Some(pandu::store::dashboard::Waiting::Question),
        ..LeadFilter::default()
    };
    let cases: [(&str, Scope, &LeadFilter, Page); 9] = [
        ("all", Scope::All, &none, page),
        ("province 32", region("32"), &none, page),
        ("regency 32.04", region("32.04"), &none, page),
        ("search, part of a phone", Scope::All, &phone, page),
        ("search, a common word", Scope::All, &word, page),
        ("outcome", Scope::All, &outcome, page),
        ("deep page, province 32", region("32"), &none, deep),
        ("waiting for an answer", Scope::All, &waiting, page),
        (
            "waiting for an answer, province 32",
            region("32"),
            &waiting,
            page,
        ),
    ];
    for (name, scope, filter, page) in cases {
        println!("{engine}: plan, {name}:");
        for line in pandu::store::dashboard::explain(store, &scope, filter, page)
            .await
            .unwrap()
        {
            println!("    {line}");
        }
    }
}
