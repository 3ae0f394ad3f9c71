//! Test harness: the real service on a real database (a fresh SQLite file, or a fresh
//! PostgreSQL database per test), driven like a channel would drive it.
#![allow(dead_code)]

use pandu::config::Config;
use pandu::domain::{ChannelKind, UserKey};
use pandu::message::OutMessage;
use pandu::service::{Handled, Inbound, RawInput, Service};
use pandu::store;
use sqlx::{Connection, Executor};
use std::path::PathBuf;
use tempfile::TempDir;
use time::{Duration, OffsetDateTime};

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

pub struct TestApp {
    pub service: Service,
    pub dir: TempDir,
    database_url: String,
    pg_database: Option<String>,
}

impl TestApp {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("pandu.db").display());
        Self::start(url, dir, None).await
    }

    /// A fresh PostgreSQL database, or None (with a notice) when no server is reachable
    /// outside CI. In CI (`CI=true`) a missing server fails the test.
    pub async fn postgres() -> Option<Self> {
        sqlx::any::install_default_drivers();
        let admin_url =
            std::env::var("PANDU_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_PG.into());
        let mut admin = match sqlx::AnyConnection::connect(&admin_url).await {
            Ok(conn) => conn,
            Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
                eprintln!("SKIPPED: PostgreSQL test, no server at {admin_url}: {e}");
                return None;
            }
            Err(e) => panic!("PostgreSQL is required in CI ({admin_url}): {e}"),
        };
        let name = format!("pandu_test_{}", uuid::Uuid::new_v4().simple());
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .unwrap();
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b)
            .to_owned();
        let dir = tempfile::tempdir().unwrap();
        Some(Self::start(format!("{base}/{name}"), dir, Some(name)).await)
    }

    async fn start(database_url: String, dir: TempDir, pg_database: Option<String>) -> Self {
        let service = build(&database_url, &dir).await;
        Self {
            service,
            dir,
            database_url,
            pg_database,
        }
    }

    /// Stop this instance and start a new one on the same database and document folder,
    /// as after a crash or a deploy.
    pub async fn restart(self) -> Self {
        self.service.store.close().await;
        let service = build(&self.database_url, &self.dir).await;
        Self { service, ..self }
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone()
    }

    /// Another `pandu serve` on the same database and document folder.
    pub async fn second_instance(&self) -> Service {
        build(&self.database_url, &self.dir).await
    }

    pub fn documents_dir(&self) -> PathBuf {
        self.dir.path().join("documents")
    }

    pub fn user(&self, key: &str) -> User<'_> {
        User {
            app: self,
            key: UserKey::new(key),
            seq: 0,
        }
    }

    /// Drop the per-test PostgreSQL database.
    pub async fn finish(self) {
        self.service.store.close().await;
        if let Some(name) = self.pg_database {
            let admin_url =
                std::env::var("PANDU_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_PG.into());
            if let Ok(mut admin) = sqlx::AnyConnection::connect(&admin_url).await {
                let _ = admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await;
            }
        }
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        use sqlx::Row;
        sqlx::query(sql)
            .fetch_one(self.service.store.pool())
            .await
            .unwrap()
            .get::<i64, _>(0)
    }
}

async fn build(database_url: &str, dir: &TempDir) -> Service {
    let docs = dir.path().join("documents");
    let config = Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(database_url.to_owned()),
        "PANDU_DOCUMENTS_DIR" => Some(docs.display().to_string()),
        "PANDU_DOCUMENT_MAX_MB" => Some("1".into()),
        _ => None,
    })
    .unwrap();
    pandu::app::build(&config).await.unwrap()
}

/// One user talking to the service through the console channel's path: inbound event,
/// then delivery of whatever the outbox holds for them.
pub struct User<'a> {
    app: &'a TestApp,
    pub key: UserKey,
    seq: u64,
}

impl User<'_> {
    pub async fn say(&mut self, text: &str) -> Vec<OutMessage> {
        self.send(RawInput::Text(text.into())).await
    }

    pub async fn press(&mut self, id: &str) -> Vec<OutMessage> {
        self.send(RawInput::Button(id.into())).await
    }

    pub async fn file(&mut self, bytes: &[u8]) -> Vec<OutMessage> {
        self.send(RawInput::File(bytes.to_vec())).await
    }

    pub async fn send(&mut self, input: RawInput) -> Vec<OutMessage> {
        self.seq += 1;
        let id = format!("m{}-{}", self.seq, uuid::Uuid::new_v4());
        let handled = self.send_as(&id, input).await;
        assert!(matches!(handled, Handled::Processed { .. }));
        self.receive().await
    }

    /// Deliver with an explicit platform message id (to test redelivery).
    pub async fn send_as(&mut self, message_id: &str, input: RawInput) -> Handled {
        self.send_at(message_id, input, OffsetDateTime::now_utc())
            .await
    }

    /// Deliver as if sent at `at` (to test what time does to the data).
    pub async fn send_at(
        &mut self,
        message_id: &str,
        input: RawInput,
        at: OffsetDateTime,
    ) -> Handled {
        let inbound = Inbound {
            channel: ChannelKind::Console,
            user: self.key.clone(),
            message_id: message_id.into(),
            input,
            sender_phone: None,
            acks: Vec::new(),
            at,
        };
        self.app.service.handle(inbound).await.unwrap()
    }

    /// Everything queued for this user, in order, marked as delivered.
    pub async fn receive(&mut self) -> Vec<OutMessage> {
        self.receive_at(OffsetDateTime::now_utc()).await
    }

    /// Everything due for this user by `now` (a test's clock may run ahead).
    pub async fn receive_at(&mut self, now: OffsetDateTime) -> Vec<OutMessage> {
        let store = &self.app.service.store;
        let mut out = Vec::new();
        loop {
            let claimed = store::outbox::claim(
                store,
                ChannelKind::Console,
                Some(&self.key),
                store::outbox::Lane::Any,
                100,
                Duration::seconds(30),
                now,
            )
            .await
            .unwrap();
            if claimed.is_empty() {
                return out;
            }
            for message in claimed {
                store::outbox::mark_one_sent(store, &message, ChannelKind::Console, now)
                    .await
                    .unwrap();
                out.extend(message.outgoing.message().cloned());
            }
        }
    }
}

/// One number from the SQLite database a served app keeps in `dir` (opened separately, as an
/// operator's query would).
pub async fn sqlite_scalar(dir: &TempDir, sql: &str) -> i64 {
    use sqlx::Row;
    let url = format!("sqlite://{}", dir.path().join("pandu.db").display());
    let store = pandu::store::Store::connect(&url).await.unwrap();
    let n = sqlx::query(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get::<i64, _>(0);
    store.close().await;
    n
}

/// The text of the last message, where the question is.
pub fn last_text(messages: &[OutMessage]) -> &str {
    messages.last().map(|m| m.text.as_str()).unwrap_or_default()
}

pub fn all_text(messages: &[OutMessage]) -> String {
    messages
        .iter()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// A minimal valid PNG header: enough for the magic-byte check.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

/// Answers that reach `siap_bina_umk` for a home-made food product, from the consent on.
pub const HAPPY_PATH: &[&str] = &[
    "halo",
    "setuju",
    "lombok tengah",
    "Keripik Bu Siti",
    "Siti Aminah",
    "0812 3456 7890",
    "makanan",
    "keripik singkong balado",
    "ya",
    "150 juta",
    "sudah",
    "rendah",
    "di rumah",
    "belum",
    "belum",
    "belum",
    "iya lengkap",
    "ya",
    "pasar lokal",
    // The review of the answers before the result.
    "benar",
];

/// Run both engines through one scenario: `both_engines!(name, scenario_fn)`, where the
/// scenario takes the app and hands it back so its database can be dropped.
#[macro_export]
macro_rules! both_engines {
    ($name:ident, $scenario:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$scenario(super::common::TestApp::sqlite().await)
                    .await
                    .finish()
                    .await;
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = super::common::TestApp::postgres().await {
                    super::$scenario(app).await.finish().await;
                }
            }
        }
    };
}

pub mod bench;
pub mod dash;
pub mod fake_telegram;
pub mod fake_whatsapp;
pub mod logs;
pub mod staff;
pub mod subscribers;
pub mod telegram_app;
pub mod tg_user;
pub mod wa_user;
pub mod whatsapp_app;
