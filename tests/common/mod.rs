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

/// A real 16×12 PNG (a green gradient): passes the magic-byte check and shows as a thumbnail.
pub const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x10\x00\x00\x00\x0c\x08\x02\x00\x00\x00\xe4\x85\xaa\xd6\x00\x00\x01\x62\x49\x44\x41\x54\x78\xda\x0d\xcb\xa1\xae\x86\x20\x00\x80\xd1\xfb\x14\x7f\x34\x12\x49\xdf\x8c\x44\xa2\x91\x68\xc3\xc2\xe6\x46\x81\x04\x85\xcd\x8d\x22\x89\x44\x22\xf1\x9a\xd7\xd3\xcf\xdf\xcf\xb2\x59\x84\x45\x5a\x76\x8b\xb2\x68\xcb\x61\x31\x96\xd3\x72\x59\x6e\x4b\xb0\x64\xcb\x63\x79\x2d\x7f\x3f\xc7\xe6\x10\x0e\xe9\xd8\x1d\xca\xa1\x1d\x87\xc3\x38\x4e\xc7\xe5\xb8\x1d\xc1\x91\x1d\x8f\xe3\x75\x5f\xf0\x6c\x1e\xe1\x91\x9e\xdd\xa3\x3c\xda\x73\x78\x8c\xe7\xf4\x5c\x9e\xdb\x13\x3c\xd9\xf3\x78\x5e\xff\x85\xc8\x16\x11\x11\x19\xd9\x23\x2a\xa2\x23\x47\xc4\x44\xce\xc8\x15\xb9\x23\x21\x92\x23\x4f\xe4\x8d\x5f\x48\x6c\x09\x91\x90\x89\x3d\xa1\x12\x3a\x71\x24\x4c\xe2\x4c\x5c\x89\x3b\x11\x12\x39\xf1\x24\xde\xf4\x85\xc2\x56\x10\x05\x59\xd8\x0b\xaa\xa0\x0b\x47\xc1\x14\xce\xc2\x55\xb8\x0b\xa1\x90\x0b\x4f\xe1\x2d\x5f\xa8\x6c\x15\x51\x91\x95\xbd\xa2\x2a\xba\x72\x54\x4c\xe5\xac\x5c\x95\xbb\x12\x2a\xb9\xf2\x54\xde\xfa\x85\xc6\xd6\x10\x0d\xd9\xd8\x1b\xaa\xa1\x1b\x47\xc3\x34\xce\xc6\xd5\xb8\x1b\xa1\x91\x1b\x4f\xe3\x6d\x5f\xe8\x6c\x1d\xd1\x91\x9d\xbd\xa3\x3a\xba\x73\x74\x4c\xe7\xec\x5c\x9d\xbb\x13\x3a\xb9\xf3\x74\xde\xfe\x85\xc1\x36\x10\x03\x39\xd8\x07\x6a\xa0\x07\xc7\xc0\x0c\xce\xc1\x35\xb8\x07\x61\x90\x07\xcf\xe0\x1d\x5f\x98\x6c\x13\x31\x91\x93\x7d\xa2\x26\x7a\x72\x4c\xcc\xe4\x9c\x5c\x93\x7b\x12\x26\x79\xf2\x4c\xde\xf9\x85\xc5\xb6\x10\x0b\xb9\xd8\x17\x6a\xa1\x17\xc7\xc2\x2c\xce\xc5\xb5\xb8\x17\x61\x91\x17\xcf\xe2\x5d\xfc\x03\x39\x81\xc9\x01\x9a\x9c\x1b\xe1\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

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
