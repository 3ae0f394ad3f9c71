//! All SQL lives here. One schema, two engines: SQLite (embedded default) and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver with `$n` placeholders, which both engines accept;
//! the few statements that differ (row locks) ask [`Backend`].

pub mod audit;
pub mod campaigns;
pub mod contacts;
pub mod conversations;
pub mod dashboard;
pub mod documents;
pub mod erasure;
pub mod follow_ups;
pub mod health;
pub mod inbound;
pub mod inbox;
pub mod leads;
pub mod links;
pub mod metrics;
pub mod outbox;
pub mod password_links;
pub mod referrals;
pub mod retention;
pub mod sql;
pub mod staff;
pub mod stats;
pub mod statuses;
pub mod thread;
pub mod timers;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::str::FromStr;
use time::OffsetDateTime;

pub type Tx = Transaction<'static, Any>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not readable ({what}): {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("DATABASE_URL must start with sqlite: or postgres:, got {0:?}")]
    UnknownScheme(String),
}

impl StoreError {
    /// A unique-key race with another instance: retrying the transaction is safe.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Db(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl FromStr for Backend {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres)
        } else {
            Err(StoreError::UnknownScheme(
                url.split(':').next().unwrap_or_default().to_owned(),
            ))
        }
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    /// Read-only connections (SQLite: separate from the one writer; PostgreSQL: the same pool).
    reader: AnyPool,
    backend: Backend,
}

/// SQLite readers: enough for the dashboard and the workers' lookups to never wait.
const SQLITE_READERS: u32 = 2;

impl Store {
    /// Connect and bring the schema up to date. A SQLite file is created on first run.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        match backend {
            Backend::Sqlite => Self::connect_sqlite(url).await,
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(10)
                    .connect(url)
                    .await?;
                let store = Self {
                    reader: pool.clone(),
                    pool,
                    backend,
                };
                store.migrate().await?;
                Ok(store)
            }
        }
    }

    /// One writer connection, so transactions queue in order instead of spinning in the busy
    /// handler, and a few readers beside it: in WAL mode readers never wait for the writer.
    /// `synchronous = FULL` syncs the WAL at every commit, so an update acknowledged to the
    /// platform survives a power loss too (see README, "Durability").
    async fn connect_sqlite(url: &str) -> Result<Self, StoreError> {
        let url = if url.contains("mode=") {
            url.to_owned()
        } else {
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        };
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                         PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        let mut store = Self {
            reader: pool.clone(),
            pool,
            backend: Backend::Sqlite,
        };
        store.migrate().await?;
        // An in-memory database exists only on its own connection.
        if !url.contains(":memory:") && !url.contains("mode=memory") {
            store.reader = AnyPoolOptions::new()
                .max_connections(SQLITE_READERS)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute("PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;")
                            .await?;
                        Ok(())
                    })
                })
                .connect(&url)
                .await?;
        }
        Ok(store)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => self.migrate_sqlite().await,
            Backend::Postgres => Ok(POSTGRES_MIGRATIONS.run(&self.pool).await?),
        }
    }

    /// A SQLite table rebuild (0010) drops a parent table: with foreign keys enforced that
    /// would delete its children by cascade. So migrations run with enforcement off (the
    /// pragma cannot change inside the migration's transaction), and the references are
    /// checked afterwards, as sqlite.org's rebuild procedure does.
    async fn migrate_sqlite(&self) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        conn.execute("PRAGMA foreign_keys = OFF").await?;
        let ran = SQLITE_MIGRATIONS.run_direct(&mut *conn).await;
        conn.execute("PRAGMA foreign_keys = ON").await?;
        ran?;
        let broken = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&mut *conn)
            .await?;
        if !broken.is_empty() {
            return Err(corrupt(
                "foreign keys after migrating",
                format!("{} rows refer to missing rows", broken.len()),
            ));
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a deferred transaction that read first and then writes fails at once with "database
    /// is locked" when another instance wrote meanwhile, where an immediate one waits its
    /// turn (busy_timeout).
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Connections for reads that need no write lock (dashboard, exports, metrics). On SQLite
    /// these must never queue behind the writer.
    pub fn reader(&self) -> &AnyPool {
        &self.reader
    }

    /// For `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.reader.close().await;
        self.pool.close().await;
    }

    /// `FOR UPDATE` where the engine has row locks; SQLite's write lock already serialises.
    pub(crate) fn lock_clause(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }
}

/// How times are stored (Unix milliseconds), for tests that age rows.
pub fn millis_for_tests(at: OffsetDateTime) -> i64 {
    millis(at)
}

pub(crate) fn millis(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000_000) as i64
}

pub(crate) fn from_millis(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

pub(crate) fn corrupt(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: e.to_string(),
    }
}
