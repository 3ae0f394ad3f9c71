//! Subscribers written straight into the store: the audience tests need hundreds of owners
//! with chosen regions, outcomes and ages, which the conversation would take minutes to make.
#![allow(dead_code)]

use pandu::domain::Locale;
use pandu::flow::state::ConsentRecord;
use pandu::flow::{Conversation, Step};
use pandu::store::{Store, millis_for_tests};
use time::{Duration, OffsetDateTime};

#[derive(Debug, Clone)]
pub struct Sub {
    pub channel: &'static str,
    pub user: String,
    /// The lead's region; None: no lead (the check was never finished).
    pub region: Option<&'static str>,
    pub outcome: &'static str,
    pub category: Option<&'static str>,
    pub status: &'static str,
    /// Last wrote this many days ago.
    pub days_ago: i64,
    pub subscribed: bool,
}

impl Sub {
    /// A Telegram subscriber in Sidoarjo (Jawa Timur) with a food product and perlu_nib.
    pub fn new(user: impl Into<String>) -> Self {
        Self {
            channel: "telegram",
            user: user.into(),
            region: Some("35.15"),
            outcome: "perlu_nib",
            category: Some("makanan"),
            status: "baru",
            days_ago: 1,
            subscribed: true,
        }
    }
}

/// A state that agreed to the privacy notice (and opted out of notices when not subscribed),
/// so the flow and `/berhenti` treat these owners like real ones.
fn state(sub: &Sub, at: OffsetDateTime) -> String {
    let mut conv = Conversation::new(Locale::Id);
    conv.consent = Some(ConsentRecord {
        notice_version: "test".into(),
        at,
    });
    conv.notices_off = !sub.subscribed;
    // Past the consent question, as an owner who agreed would be.
    conv.step = Step::BusinessName;
    serde_json::to_string(&conv).unwrap()
}

pub async fn seed(store: &Store, subs: &[Sub]) {
    let now = OffsetDateTime::now_utc();
    for sub in subs {
        let at = millis_for_tests(now - Duration::days(sub.days_ago));
        let row: (i64,) = sqlx::query_as(
            "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at, subscribed, unfinished) \
             VALUES ($1, $2, $3, 'done', $4, $4, $5, 0) RETURNING id",
        )
        .bind(sub.channel)
        .bind(&sub.user)
        .bind(state(sub, now))
        .bind(at)
        .bind(i64::from(sub.subscribed))
        .fetch_one(store.pool())
        .await
        .unwrap();
        if sub.region.is_some() {
            insert_lead(store, row.0, sub).await;
        }
    }
}

async fn insert_lead(store: &Store, conversation: i64, sub: &Sub) {
    let at = millis_for_tests(OffsetDateTime::now_utc() - Duration::days(sub.days_ago));
    sqlx::query(
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, \
         category, product_name, sni_mandatory, outcome, reasons, notes, answers, checklist, \
         documents_received, documents_total, rules_version, catalogue_version, consent_version, \
         consented_at, status, created_at, updated_at) \
         VALUES ($1, $2, $3, 'Test', 'Usaha', 'Pemilik', $4, 'Produk', 0, $5, '[]', '[]', '{}', '{}', \
         0, 0, 'v', 'v', 'v', $6, $7, $6, $6)",
    )
    .bind(conversation)
    .bind(sub.channel)
    .bind(sub.region)
    .bind(sub.category)
    .bind(sub.outcome)
    .bind(at)
    .bind(sub.status)
    .execute(store.pool())
    .await
    .unwrap();
}

/// A lead like `sub`'s for a conversation the real flow made (and it takes notices).
pub async fn give_lead(store: &Store, sub: &Sub) {
    let row: (i64,) = sqlx::query_as(
        "UPDATE conversations SET subscribed = 1 WHERE channel = $1 AND user_key = $2 RETURNING id",
    )
    .bind(sub.channel)
    .bind(&sub.user)
    .fetch_one(store.pool())
    .await
    .unwrap();
    insert_lead(store, row.0, sub).await;
}

/// The contact blocked the bot earlier.
pub async fn mark_unreachable(store: &Store, channel: &str, user: &str) {
    sqlx::query("INSERT INTO unreachable_contacts (channel, user_key, reason, since) VALUES ($1, $2, 'blocked', 0)")
        .bind(channel)
        .bind(user)
        .execute(store.pool())
        .await
        .unwrap();
}

/// `n` Telegram subscribers at once (chat ids from `first`), a third each in Sidoarjo,
/// Lombok Tengah and Semarang, all with a lead: for benchmarks of large audiences.
pub async fn seed_bulk(store: &Store, n: i64, first: i64) {
    let now = millis_for_tests(OffsetDateTime::now_utc());
    let sub = Sub::new("bulk");
    let state = state(&sub, OffsetDateTime::now_utc());
    let conversations = match store.backend() {
        pandu::store::Backend::Sqlite => {
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
             INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at, subscribed, unfinished) \
             SELECT 'telegram', CAST($2 + i AS TEXT), $3, 'done', $4, $4, 1, 0 FROM n"
        }
        pandu::store::Backend::Postgres => {
            "INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at, subscribed, unfinished) \
             SELECT 'telegram', ($2 + i)::text, $3, 'done', $4, $4, 1, 0 FROM generate_series(0, $1 - 1) AS n(i)"
        }
    };
    // One transaction; on PostgreSQL with triggers off (the lead-count trigger of 0007 would
    // update one counter row per lead, which takes minutes at a million). Bench databases
    // only: their lead counts are then not kept.
    let mut tx = store.begin().await.unwrap();
    if store.backend() == pandu::store::Backend::Postgres {
        sqlx::query("SET LOCAL session_replication_role = replica")
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    sqlx::query(conversations)
        .bind(n)
        .bind(first)
        .bind(state)
        .bind(now)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, \
         category, product_name, sni_mandatory, outcome, reasons, notes, answers, checklist, \
         documents_received, documents_total, rules_version, catalogue_version, consent_version, \
         consented_at, status, created_at, updated_at) \
         SELECT c.id, 'telegram', CASE c.id % 3 WHEN 0 THEN '35.15' WHEN 1 THEN '52.02' ELSE '33.74' END, 'Test', \
         'Usaha', 'Pemilik', 'makanan', 'Produk', 0, 'perlu_nib', '[]', '[]', '{}', '{}', 0, 0, 'v', 'v', 'v', \
         $1, 'baru', $1, $1 FROM conversations c WHERE c.channel = 'telegram' \
         AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.conversation_id = c.id)",
    )
    .bind(now)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}
