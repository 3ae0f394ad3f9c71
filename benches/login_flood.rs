//! Memory and CPU of the real `pandu serve` under sign-in floods from someone without an
//! account: `cargo bench --bench login_flood [-- --logins N]`.
//!
//! 1. N (default 200) failed logins at once, half for a real account, half for unknown ones,
//!    from 200 client addresses (the bench is the trusted proxy).
//! 2. 60 logins with 1 MB emails and 60 with 300-byte emails.
//!
//! For each: the answers by status, Pandu's peak resident set (sampled every 100 ms, and the
//! kernel's high-water mark), its resident set 3 s after, and its CPU time.

#[path = "load/process.rs"]
#[allow(dead_code)]
mod process;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

const PASSWORD: &str = "correct-horse-battery";

#[tokio::main]
async fn main() {
    let logins = std::env::args()
        .skip_while(|a| a != "--logins")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200usize);
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let http = format!("127.0.0.1:{port}");
    let vars = [
        (
            "DATABASE_URL",
            format!("sqlite://{}/pandu.db", dir.path().display()),
        ),
        (
            "PANDU_DOCUMENTS_DIR",
            dir.path().join("docs").display().to_string(),
        ),
        ("PANDU_HTTP_ADDR", http.clone()),
        ("PANDU_TRUSTED_PROXIES", "127.0.0.1".into()),
        ("PANDU_LOG", "error".into()),
    ];
    let install = process::Install {
        dir: dir.path().to_owned(),
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    };
    println!(
        "pandu login flood: binary {} (sha256 {}…), {} cores",
        process::source_binary(),
        process::binary_digest(),
        process::cores()
    );
    install
        .run(
            &[
                "staff",
                "add",
                "--email",
                "admin@pandu.test",
                "--name",
                "A",
                "--role",
                "admin",
            ],
            &format!("{PASSWORD}\n"),
        )
        .await;
    let serving = install.serve(&http).await;
    let base = format!("http://{http}");
    let idle = rss_kb(serving.pid);
    println!("idle: RSS {:.1} MB", mb(idle));

    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let flood = (0..logins).map(|n| {
        let email = if n % 2 == 0 {
            "admin@pandu.test".to_owned()
        } else {
            format!("nobody{n}@pandu.test")
        };
        (format!("203.0.113.{}", n % 200), email)
    });
    measure(
        &serving,
        &client,
        &base,
        &format!("{logins} failed logins at once"),
        flood.collect(),
    )
    .await;

    let huge = "a".repeat(1024 * 1024);
    let long = format!("{}@pandu.test", "b".repeat(290));
    let odd: Vec<_> = (0..120)
        .map(|n| {
            (
                "203.0.113.77".to_owned(),
                if n < 60 { huge.clone() } else { long.clone() },
            )
        })
        .collect();
    measure(
        &serving,
        &client,
        &base,
        "60 x 1 MB + 60 x 300 B emails",
        odd,
    )
    .await;

    let owner = login(&client, &base, "198.51.100.4", "admin@pandu.test", PASSWORD).await;
    println!("afterwards the owner, from another address: {owner}");
    serving.kill().await;
    process::remove_copy();
}

async fn measure(
    serving: &process::Serving,
    client: &reqwest::Client,
    base: &str,
    name: &str,
    logins: Vec<(String, String)>,
) {
    let cpu_before = serving.cpu_ticks();
    let started = Instant::now();
    let tasks: Vec<_> = logins
        .into_iter()
        .map(|(from, email)| {
            let (client, base) = (client.clone(), base.to_owned());
            tokio::spawn(async move { login(&client, &base, &from, &email, "wrong-guess").await })
        })
        .collect();
    let mut statuses = BTreeMap::<u16, usize>::new();
    for task in tasks {
        *statuses.entry(task.await.unwrap()).or_default() += 1;
    }
    let took = started.elapsed();
    let cpu = (serving.cpu_ticks() - cpu_before) as f64 / process::ticks_per_second();
    let usage = serving.usage();
    tokio::time::sleep(Duration::from_secs(3)).await;
    println!(
        "{name}: answers {statuses:?} in {:.2} s; Pandu CPU {:.2} s; peak RSS {:.1} MB (sampled) / {:.1} MB (VmHWM); RSS 3 s after {:.1} MB",
        took.as_secs_f64(),
        cpu,
        mb(usage.max_rss_kb),
        mb(usage.hwm_kb),
        mb(rss_kb(serving.pid)),
    );
}

async fn login(
    client: &reqwest::Client,
    base: &str,
    from: &str,
    email: &str,
    password: &str,
) -> u16 {
    match client
        .post(format!("{base}/login"))
        .header("x-forwarded-for", from)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
    {
        Ok(response) => response.status().as_u16(),
        // A refused body may be cut off before the answer is read.
        Err(_) => 0,
    }
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}
