//! A staff member watching the dashboard during the load: /healthz and the lead list, one
//! after the other, every ~50 ms.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub const EMAIL: &str = "load@pandu.test";
pub const PASSWORD: &str = "load-bench-password";

#[derive(Default)]
pub struct Probed {
    pub healthz: Vec<Duration>,
    pub leads: Vec<Duration>,
    /// Answers other than 200, or no answer.
    pub errors: usize,
}

pub struct Probe {
    stop: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<Probed>,
}

impl Probe {
    /// Sign in (the account was made with `pandu staff add`) and start probing.
    pub async fn start(addr: &str) -> Self {
        let base = format!("http://{addr}");
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let cookie = sign_in(&client, &base).await;
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(probe(client, base, cookie, stop.clone()));
        Self { stop, task }
    }

    pub async fn finish(self) -> Probed {
        self.stop.store(true, Ordering::Relaxed);
        self.task.await.unwrap()
    }
}

/// The session cookie ("name=value") from a successful login.
async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let response = client
        .post(format!("{base}/login"))
        .form(&[("email", EMAIL), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    match cookie {
        Some(cookie) if response.status().is_redirection() => cookie,
        _ => panic!("dashboard sign-in failed: {}", response.status()),
    }
}

async fn probe(
    client: reqwest::Client,
    base: String,
    cookie: String,
    stop: Arc<AtomicBool>,
) -> Probed {
    let mut probed = Probed::default();
    let mut every = tokio::time::interval(Duration::from_millis(50));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    while !stop.load(Ordering::Relaxed) {
        every.tick().await;
        let healthz = client.get(format!("{base}/healthz"));
        match timed(healthz).await {
            Some(t) => probed.healthz.push(t),
            None => probed.errors += 1,
        }
        let leads = client
            .get(format!("{base}/leads"))
            .header("cookie", &cookie);
        match timed(leads).await {
            Some(t) => probed.leads.push(t),
            None => probed.errors += 1,
        }
    }
    probed
}

/// The time to a 200 with its whole body read; None for anything else.
async fn timed(request: reqwest::RequestBuilder) -> Option<Duration> {
    let started = Instant::now();
    let response = request.timeout(Duration::from_secs(30)).send().await.ok()?;
    if response.status() != 200 {
        return None;
    }
    response.bytes().await.ok()?;
    Some(started.elapsed())
}
