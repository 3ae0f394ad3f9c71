//! The real `pandu serve` with its Telegram channel pointed at the fake Bot API.
#![allow(dead_code)]

use super::fake_telegram::{FakeTelegram, TOKEN};
use pandu::config::Config;
use std::collections::HashMap;
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const WEBHOOK_SECRET: &str = "s3cret_TOKEN-for-tests";

#[derive(Default)]
pub struct Options {
    pub webhook: bool,
    pub per_chat_interval_ms: u64,
    pub database_url: Option<String>,
    /// More variables (referral timing, the bot's username).
    pub extra: Vec<(&'static str, String)>,
}

/// One running `pandu serve`. Dropping it (or `kill`) stops it abruptly, like a crash.
pub struct Running {
    pub addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Stop as a crash would: no graceful shutdown.
    pub fn kill(self) {
        self.task.abort();
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.task.await;
    }

    pub fn webhook_url(&self) -> String {
        format!("http://{}/webhooks/telegram", self.addr)
    }
}

pub fn config(fake: &FakeTelegram, dir: &TempDir, options: &Options, port: u16) -> Config {
    let mut vars: HashMap<&str, String> = HashMap::new();
    let db = options
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("pandu.db").display()));
    vars.insert("DATABASE_URL", db);
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        dir.path().join("documents").display().to_string(),
    );
    vars.insert("PANDU_DOCUMENT_MAX_MB", "2".into());
    // A crash in a test costs seconds, not a minute.
    vars.insert("PANDU_WORKER_LEASE_SECONDS", "2".into());
    vars.insert("TELEGRAM_BOT_TOKEN", TOKEN.into());
    vars.insert("TELEGRAM_API_URL", fake.url());
    vars.insert(
        "TELEGRAM_PER_CHAT_INTERVAL_MS",
        options.per_chat_interval_ms.to_string(),
    );
    vars.insert("TELEGRAM_GLOBAL_PER_SECOND", "1000".into());
    if options.webhook {
        vars.insert(
            "TELEGRAM_WEBHOOK_URL",
            format!("http://127.0.0.1:{port}/webhooks/telegram"),
        );
        vars.insert("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET.into());
    }
    for (name, value) in &options.extra {
        vars.insert(name, value.clone());
    }
    Config::from_lookup(|name| vars.get(name).cloned()).unwrap()
}

pub async fn start(fake: &FakeTelegram, dir: &TempDir, options: &Options) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    serve(config(fake, dir, options, port), listener).await
}

/// Start `pandu serve` with this configuration on a random port.
pub async fn start_with(config: Config) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    serve(config, listener).await
}

async fn serve(config: Config, listener: tokio::net::TcpListener) -> Running {
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        pandu::app::serve(&config, listener, shutdown)
            .await
            .unwrap();
    });
    // Ready once the HTTP server answers: by then the webhook and commands are registered.
    let health = format!("http://{addr}/healthz");
    for _ in 0..200 {
        if reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    Running {
        addr,
        stop: Some(stop),
        task,
    }
}

/// POST an update to the webhook as Telegram does.
pub async fn post_update(url: &str, secret: Option<&str>, update: &serde_json::Value) -> u16 {
    let mut request = reqwest::Client::new().post(url).json(update);
    if let Some(secret) = secret {
        request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    request
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}
