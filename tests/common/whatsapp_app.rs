//! The real `pandu serve` with its WhatsApp channel pointed at the fake Graph API.
#![allow(dead_code)]

use super::fake_whatsapp::{
    ACCESS_TOKEN, APP_SECRET, FakeWhatsapp, PHONE_NUMBER_ID, VERIFY_TOKEN, payloads,
};
use super::telegram_app::Running;
use pandu::config::Config;
use std::collections::HashMap;
use tempfile::TempDir;

pub fn config(fake: &FakeWhatsapp, dir: &TempDir, database_url: Option<String>) -> Config {
    config_with(fake, dir, database_url, &[])
}

/// The same, with more variables (templates, referral timing).
pub fn config_with(
    fake: &FakeWhatsapp,
    dir: &TempDir,
    database_url: Option<String>,
    extra: &[(&'static str, &str)],
) -> Config {
    let mut vars: HashMap<&str, String> = HashMap::new();
    let db = database_url
        .unwrap_or_else(|| format!("sqlite://{}", dir.path().join("pandu.db").display()));
    vars.insert("DATABASE_URL", db);
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        dir.path().join("documents").display().to_string(),
    );
    vars.insert("PANDU_DOCUMENT_MAX_MB", "2".into());
    // A crash in a test costs seconds, not a minute.
    vars.insert("PANDU_WORKER_LEASE_SECONDS", "2".into());
    vars.insert("WHATSAPP_API_URL", fake.url());
    vars.insert("WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN.into());
    vars.insert("WHATSAPP_PHONE_NUMBER_ID", PHONE_NUMBER_ID.into());
    vars.insert("WHATSAPP_APP_SECRET", APP_SECRET.into());
    vars.insert("WHATSAPP_VERIFY_TOKEN", VERIFY_TOKEN.into());
    vars.insert("WHATSAPP_PER_SECOND", "1000".into());
    for (name, value) in extra {
        vars.insert(name, (*value).to_owned());
    }
    Config::from_lookup(|name| vars.get(name).cloned()).unwrap()
}

pub async fn start(fake: &FakeWhatsapp, dir: &TempDir, database_url: Option<String>) -> Running {
    super::telegram_app::start_with(config(fake, dir, database_url)).await
}

pub fn webhook_url(app: &Running) -> String {
    format!("http://{}/webhooks/whatsapp", app.addr)
}

/// POST a webhook body as Meta does: signed with the app secret (or with `signature`).
pub async fn post(app: &Running, body: &serde_json::Value, signature: Option<&str>) -> u16 {
    let bytes = serde_json::to_vec(body).unwrap();
    let mut request = reqwest::Client::new()
        .post(webhook_url(app))
        .header("content-type", "application/json");
    match signature {
        Some(sig) => request = request.header("X-Hub-Signature-256", sig),
        None => request = request.header("X-Hub-Signature-256", payloads::sign(&bytes)),
    }
    request
        .body(bytes)
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}
