//! Load on the real `pandu serve` process: `cargo bench --bench load -- [words] [flags]`
//! (see `benches/README.md` and `--help`).
//!
//! The service runs as its own process (the binary cargo built), so its CPU time and memory
//! are read from /proc without counting the load tool. A lean fake platform answers at once;
//! chats post their script with no think time; pacing is switched off in Pandu.

#[path = "../tests/common/mod.rs"]
mod common;

#[path = "load/args.rs"]
mod args;
#[path = "load/chats.rs"]
mod chats;
#[path = "load/dashboard.rs"]
mod dashboard;
#[path = "load/database.rs"]
mod database;
#[path = "load/fake.rs"]
mod fake;
#[path = "load/kill.rs"]
mod kill;
#[path = "load/process.rs"]
mod process;
#[path = "load/report.rs"]
mod report;
#[path = "load/stats.rs"]
mod stats;

use args::{Plan, Scenario};
use chats::{Board, ChatResult, Reference, Target};
use database::{Database, Engine};
use fake::{Channel, Fake};
use process::{Install, Usage};
use report::{Meter, print_log, report};
use stats::{ms, percentiles};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let plan = match args::parse(std::env::args().skip(1)) {
        Ok(plan) => plan,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    println!(
        "pandu load: {} chats, no think time; Pandu with TELEGRAM_PER_CHAT_INTERVAL_MS=0, \
         TELEGRAM_GLOBAL_PER_SECOND / WHATSAPP_PER_SECOND=1000000, PANDU_WORKER_LEASE_SECONDS \
         default, logs PANDU_LOG=warn (Pandu reads PANDU_LOG, not RUST_LOG); {} cores",
        plan.chats,
        process::cores()
    );
    println!(
        "binary: {} (sha256 {}…)",
        process::source_binary(),
        process::binary_digest()
    );
    let mut summary = Vec::new();
    let mut postgres_down = false;
    for &engine in &plan.engines {
        for &channel in &plan.channels {
            for &scenario in &plan.scenarios {
                if engine == Engine::Postgres && postgres_down {
                    continue;
                }
                match run(&plan, channel, engine, scenario).await {
                    Ok(line) => summary.push(line),
                    Err(why) => {
                        println!("PostgreSQL: skipped ({why})");
                        postgres_down = true;
                    }
                }
            }
        }
    }
    println!("\nsummary (updates/s; reply p50/p99; Pandu CPU per update)");
    for line in summary {
        println!("  {line}");
    }
    process::remove_copy();
}

/// What the chats share during one run.
pub struct Load {
    fake: Fake,
    target: Target,
    lines: Vec<&'static str>,
    reference: Reference,
    board: Board,
    chats: usize,
    /// Chats still walking their script.
    running: AtomicUsize,
}

impl Load {
    fn channel(&self) -> Channel {
        self.target.channel()
    }

    /// Wait until `n` updates were acknowledged; false if the chats finished first.
    async fn wait_for_acked(&self, n: usize) -> bool {
        while self.board.acked.load(Ordering::Relaxed) < n {
            if self.running.load(Ordering::Relaxed) == 0 {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        true
    }
}

/// Start every chat; the handle yields their results in chat order.
fn spawn_chats(load: &Arc<Load>) -> tokio::task::JoinHandle<Vec<ChatResult>> {
    load.running.store(load.chats, Ordering::Relaxed);
    let load = load.clone();
    tokio::spawn(async move {
        let mut tasks = tokio::task::JoinSet::new();
        for n in 0..load.chats {
            let load = load.clone();
            tasks.spawn(async move {
                let result = chats::run_chat(
                    &load.fake,
                    &load.target,
                    &load.lines,
                    &load.reference,
                    &load.board,
                    n,
                )
                .await;
                load.running.fetch_sub(1, Ordering::Relaxed);
                (n, result)
            });
        }
        let mut all = tasks.join_all().await;
        all.sort_by_key(|(n, _)| *n);
        all.into_iter().map(|(_, r)| r).collect()
    })
}

async fn join_chats(handle: tokio::task::JoinHandle<Vec<ChatResult>>) -> Vec<ChatResult> {
    handle.await.expect("a chat task panicked")
}

/// What a load produced, for the common part of the report.
pub struct Outcome {
    results: Vec<ChatResult>,
    elapsed: Duration,
    usage: Usage,
    note: String,
}

/// One run: a fresh database (seeded if asked), Pandu started, a reference chat walked, then
/// the load. Err: PostgreSQL is not reachable.
async fn run(
    plan: &Plan,
    channel: Channel,
    engine: Engine,
    scenario: Scenario,
) -> Result<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::create(engine, dir.path()).await?;
    let label = format!(
        "{} · {} · {}",
        channel.name(),
        engine.name(),
        scenario.name()
    );
    let lines = chats::script(channel, plan.steps);
    println!(
        "\n== {label}: {} chats x {} steps{}",
        plan.chats,
        lines.len(),
        if scenario == Scenario::Kill {
            format!(", {} kills", plan.kills)
        } else {
            String::new()
        }
    );
    let fake = Fake::start(channel).await;
    let http = format!("127.0.0.1:{}", process::free_port());
    let install = Install {
        dir: dir.path().to_owned(),
        vars: environment(channel, &db.url, &fake, &http, dir.path()),
    };
    install.run(&["migrate"], "").await;
    if scenario == Scenario::Seeded {
        seed(plan, &install, &db, channel).await;
    }
    let password = format!("{}\n", dashboard::PASSWORD);
    let staff = [
        "staff",
        "add",
        "--email",
        dashboard::EMAIL,
        "--name",
        "Load",
        "--role",
        "admin",
    ];
    install.run(&staff, &password).await;
    let serving = install.serve(&http).await;
    let target = Target::new(channel, &http);
    // The reference chat is number `chats`, after the load's 0..chats.
    let reference = chats::reference(&fake, &target, &db, &lines, plan.chats).await;
    println!(
        "  reference chat: {} messages ({} distinct) over {} steps; Pandu started in {}",
        reference.raw,
        reference.distinct,
        lines.len(),
        ms(serving.startup)
    );
    let load = Arc::new(Load {
        fake,
        target,
        lines,
        reference,
        board: Board::new(plan.chats, scenario != Scenario::Kill),
        chats: plan.chats,
        running: AtomicUsize::new(0),
    });
    let meter = Meter::start();
    let outcome = match scenario {
        Scenario::Kill => kill::run(load.clone(), &install, &http, serving, &db, plan.kills).await,
        _ => throughput(&load, serving, &http, plan.probe).await,
    };
    let line = report(&label, &outcome, &meter.stop());
    print_log(&install);
    db.drop_it().await;
    Ok(line)
}

/// Pandu's environment for one run (the rest is cleared).
fn environment(
    channel: Channel,
    database_url: &str,
    fake: &Fake,
    http: &str,
    dir: &std::path::Path,
) -> Vec<(String, String)> {
    use common::fake_whatsapp as wa;
    let mut vars = vec![
        ("DATABASE_URL", database_url.to_owned()),
        (
            "PANDU_DOCUMENTS_DIR",
            dir.join("documents").display().to_string(),
        ),
        ("PANDU_HTTP_ADDR", http.to_owned()),
        ("PANDU_LOG", "warn".to_owned()),
    ];
    match channel {
        Channel::Telegram => vars.extend([
            (
                "TELEGRAM_BOT_TOKEN",
                common::fake_telegram::TOKEN.to_owned(),
            ),
            ("TELEGRAM_API_URL", fake.url()),
            (
                "TELEGRAM_WEBHOOK_URL",
                format!("http://{http}/webhooks/telegram"),
            ),
            (
                "TELEGRAM_WEBHOOK_SECRET",
                common::telegram_app::WEBHOOK_SECRET.to_owned(),
            ),
            ("TELEGRAM_PER_CHAT_INTERVAL_MS", "0".to_owned()),
            ("TELEGRAM_GLOBAL_PER_SECOND", "1000000".to_owned()),
        ]),
        Channel::Whatsapp => vars.extend([
            ("WHATSAPP_API_URL", fake.url()),
            ("WHATSAPP_ACCESS_TOKEN", wa::ACCESS_TOKEN.to_owned()),
            ("WHATSAPP_PHONE_NUMBER_ID", wa::PHONE_NUMBER_ID.to_owned()),
            ("WHATSAPP_APP_SECRET", wa::APP_SECRET.to_owned()),
            ("WHATSAPP_VERIFY_TOKEN", wa::VERIFY_TOKEN.to_owned()),
            ("WHATSAPP_PER_SECOND", "1000000".to_owned()),
        ]),
    }
    vars.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A real conversation through `pandu chat` (its state and messages are the template), then
/// the set-based seed.
async fn seed(plan: &Plan, install: &Install, db: &Database, channel: Channel) {
    let started = Instant::now();
    let script = common::HAPPY_PATH.join("\n") + "\n";
    install
        .run(
            &["chat", "--json", "--user", database::TEMPLATE_USER],
            &script,
        )
        .await;
    database::seed(db, channel.name(), plan.seed).await;
    let elapsed = started.elapsed();
    // Counted back, so a seed that silently inserted nothing (a changed schema) shows.
    let mut counts = Vec::new();
    for table in ["conversations", "inbox", "outbox"] {
        let n = db.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        counts.push(format!("{n} {table}"));
    }
    println!(
        "  seeded in {} (set-based SQL, after `pandu migrate`); the database holds {}",
        ms(elapsed),
        counts.join(", ")
    );
}

/// Every chat at once, the dashboard probed alongside.
async fn throughput(
    load: &Arc<Load>,
    serving: process::Serving,
    http: &str,
    probe: bool,
) -> Outcome {
    let probe = if probe {
        Some(dashboard::Probe::start(http).await)
    } else {
        None
    };
    let cpu_before = serving.cpu_ticks();
    let started = Instant::now();
    let results = join_chats(spawn_chats(load)).await;
    let elapsed = started.elapsed();
    let mut usage = serving.usage();
    usage.cpu_ticks -= cpu_before;
    // The probe stops before the service does, or it would count the stop as errors.
    if let Some(probe) = probe {
        let probed = probe.finish().await;
        println!(
            "  dashboard every ~50 ms: /healthz {}; /leads {}; errors {}",
            percentiles(&probed.healthz),
            percentiles(&probed.leads),
            probed.errors
        );
    }
    serving.kill().await;
    Outcome {
        results,
        elapsed,
        usage,
        note: String::new(),
    }
}
