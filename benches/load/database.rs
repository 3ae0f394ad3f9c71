//! The two engines: a SQLite file in a temporary folder, or a fresh PostgreSQL database per
//! run (dropped afterwards); and the seed of finished history.

use sqlx::{AnyConnection, Connection, Executor, Row};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

fn admin_url() -> String {
    std::env::var("PANDU_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_PG.into())
}

/// One run's database.
pub struct Database {
    pub engine: Engine,
    pub url: String,
    pg_name: Option<String>,
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

impl Database {
    /// Err: PostgreSQL is unreachable (the reason).
    pub async fn create(engine: Engine, dir: &Path) -> Result<Self, String> {
        match engine {
            Engine::Sqlite => Ok(Self {
                engine,
                url: format!("sqlite://{}", dir.join("pandu.db").display()),
                pg_name: None,
            }),
            Engine::Postgres => {
                sqlx::any::install_default_drivers();
                let admin = admin_url();
                let mut conn = AnyConnection::connect(&admin)
                    .await
                    .map_err(|e| e.to_string())?;
                let n = RUNS.fetch_add(1, Ordering::Relaxed);
                let name = format!("pandu_load_{}_{n}", std::process::id());
                conn.execute(format!("CREATE DATABASE {name}").as_str())
                    .await
                    .map_err(|e| e.to_string())?;
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
                Ok(Self {
                    engine,
                    url: format!("{base}/{name}"),
                    pg_name: Some(name),
                })
            }
        }
    }

    pub async fn drop_it(self) {
        if let Some(name) = self.pg_name
            && let Ok(mut conn) = AnyConnection::connect(&admin_url()).await
        {
            let _ = conn
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
        }
    }

    pub async fn connect(&self) -> AnyConnection {
        sqlx::any::install_default_drivers();
        AnyConnection::connect(&self.url).await.unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let mut conn = self.connect().await;
        let n = sqlx::query(sql)
            .fetch_one(&mut conn)
            .await
            .unwrap()
            .get::<i64, _>(0);
        let _ = conn.close().await;
        n
    }
}

/// How much finished history to seed.
#[derive(Clone, Copy)]
pub struct SeedSize {
    pub conversations: u64,
    pub inbox: u64,
    pub outbox: u64,
}

/// The user key the seeded rows copy a real conversation and message from (written by
/// `pandu chat` before seeding).
pub const TEMPLATE_USER: &str = "load-seed";

/// Seeded chats are numbered from here; the bench's chats are far below.
const SEED_KEY_BASE: u64 = 5_000_000_000;

/// Fill the database with finished history on `channel`: conversations (a copy of the
/// template's state), inbox rows `done` with empty payload, outbox rows `sent` (a copy of a
/// real payload), spread evenly over the seeded chats and over the last ~23 days (inside the
/// retention period, so the purge at start leaves them alone).
///
/// All seeding SQL is here, set-based, written against the schema as migrated: when the
/// schema changes (a column, a partial index), this is the one place to adapt.
pub async fn seed(db: &Database, channel: &str, size: SeedSize) {
    let mut conn = db.connect().await;
    // A counter 1..=n as a FROM item: a recursive CTE on SQLite, generate_series on PostgreSQL.
    let counter = |n: u64| match db.engine {
        Engine::Sqlite => format!(
            "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {n}) \
             SELECT i FROM c) AS n"
        ),
        Engine::Postgres => format!("generate_series(1, {n}) AS n(i)"),
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    let conversations = size.conversations;
    let key = |i: &str| format!("CAST({SEED_KEY_BASE} + {i} AS TEXT)");
    let statements = [
        format!(
            "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at) \
             SELECT '{channel}', {user}, t.state, t.step, {now} - n.i * 20000, {now} - n.i * 20000 \
             FROM {from}, (SELECT state, step FROM conversations WHERE user_key = '{TEMPLATE_USER}') t",
            user = key("n.i"),
            from = counter(conversations),
        ),
        format!(
            "INSERT INTO inbox (channel, external_id, chat, payload, status, attempts, not_before, received_at) \
             SELECT '{channel}', 'seed-' || n.i, {chat}, '', 'done', 1, {now} - n.i * 2000, {now} - n.i * 2000 \
             FROM {from}",
            chat = key(&format!("1 + n.i % {conversations}")),
            from = counter(size.inbox),
        ),
        format!(
            "INSERT INTO outbox (conversation_id, channel, recipient, payload, status, attempts, not_before, \
               transient, created_at, sent_at, platform_message_id) \
             SELECT c.id, '{channel}', c.user_key, t.payload, 'sent', 1, {now} - n.i * 2000, 0, \
               {now} - n.i * 2000, {now} - n.i * 2000, 'seed-' || n.i \
             FROM {from} \
             JOIN conversations c ON c.channel = '{channel}' AND c.user_key = {chat}, \
             (SELECT payload FROM outbox WHERE recipient = '{TEMPLATE_USER}' AND payload <> '' \
               ORDER BY id DESC LIMIT 1) t",
            chat = key(&format!("1 + n.i % {conversations}")),
            from = counter(size.outbox),
        ),
    ];
    for sql in &statements {
        conn.execute(sql.as_str())
            .await
            .unwrap_or_else(|e| panic!("seeding failed: {e}\n{sql}"));
    }
    // PostgreSQL's autovacuum would analyse these tables within a minute or so anyway; doing
    // it now keeps the plans from changing in the middle of the run. SQLite is left as a
    // deployment leaves it (Pandu does not run ANALYZE).
    if db.engine == Engine::Postgres {
        conn.execute("ANALYZE").await.unwrap();
    }
    let _ = conn.close().await;
}
