//! The message pipeline's promises under stress: leases held while work is slow, a stop that
//! finishes what it holds, many chats at once in order, and claims that never read history.

mod common;

use common::fake_telegram::{Failure, FakeTelegram, updates};
use common::telegram_app::{Options, WEBHOOK_SECRET, config, post_update, start, start_with};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

fn webhook() -> Options {
    Options {
        webhook: true,
        ..Options::default()
    }
}

async fn say(fake: &FakeTelegram, url: &str, chat: i64, text: &str) {
    let update = updates::text(fake.next_update_id(), chat, text);
    assert_eq!(post_update(url, Some(WEBHOOK_SECRET), &update).await, 200);
}

fn texts_to(fake: &FakeTelegram, chat: i64) -> Vec<String> {
    fake.sent_to(chat)
        .iter()
        .map(|c| c.body["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A send that takes longer than the lease (2 s in tests) keeps its claim: a second instance
/// on the same database does not take it over and send it again.
#[tokio::test]
async fn a_send_slower_than_the_lease_is_not_sent_twice() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let a = start(&fake, &dir, &webhook()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let b = start_with(config(&fake, &dir, &webhook(), port)).await;
    fake.fail_next("sendMessage", Failure::Slow(Duration::from_secs(5)));
    say(&fake, &a.webhook_url(), 71, "halo").await;
    fake.wait_for("both first replies", WAIT, |f| f.sent_count(71) >= 2)
        .await;
    // Longer than another lease would take to run out and be claimed again.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let sent = texts_to(&fake, 71);
    let mut unique = sent.clone();
    unique.dedup();
    assert_eq!(sent, unique, "no message sent twice: {sent:#?}");
    a.stop().await;
    b.stop().await;
}

/// A stop (SIGTERM) lets the send in flight finish and be recorded: nothing is left claimed,
/// and the restarted service sends nothing again.
#[tokio::test]
async fn a_stop_finishes_the_send_it_holds() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(&fake, &dir, &webhook()).await;
    fake.fail_next("sendMessage", Failure::Slow(Duration::from_millis(1500)));
    say(&fake, &app.webhook_url(), 72, "halo").await;
    // The send is under way when the stop comes.
    tokio::time::sleep(Duration::from_millis(400)).await;
    app.stop().await;
    assert!(
        fake.sent_count(72) >= 1,
        "the reply in flight was delivered before the process ended"
    );
    let claimed =
        common::sqlite_scalar(&dir, "SELECT COUNT(*) FROM outbox WHERE status = 'sending'").await;
    assert_eq!(claimed, 0, "nothing left claimed by the stopped process");
    let before = texts_to(&fake, 72);
    let app = start(&fake, &dir, &webhook()).await;
    fake.wait_for("the rest of the reply", WAIT, |f| f.sent_count(72) >= 2)
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = texts_to(&fake, 72);
    assert_eq!(&after[..before.len()], &before[..]);
    let mut unique = after.clone();
    unique.dedup();
    assert_eq!(after, unique, "nothing sent again after the restart");
    app.stop().await;
}

/// Fifty chats writing at once: every chat gets its replies in order, exactly once, while
/// the updates are grouped into shared transactions.
#[tokio::test]
async fn many_chats_at_once_each_get_their_replies_in_order() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(&fake, &dir, &webhook()).await;
    let url = app.webhook_url();
    let chats: Vec<i64> = (300..350).collect();
    for step in ["halo", "setuju"] {
        let posts = chats.iter().map(|chat| say(&fake, &url, *chat, step));
        futures_util::future::join_all(posts).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for chat in &chats {
        fake.wait_for("the region question", WAIT, |f| {
            texts_to(f, *chat).iter().any(|t| t.contains("provinsi"))
        })
        .await;
    }
    for chat in &chats {
        let sent = texts_to(&fake, *chat);
        let consent = sent.iter().position(|t| t.contains("izin Anda")).unwrap();
        let region = sent.iter().position(|t| t.contains("provinsi")).unwrap();
        assert!(consent < region, "chat {chat}: in order: {sent:#?}");
        let mut unique = sent.clone();
        unique.dedup();
        assert_eq!(sent, unique, "chat {chat}: nothing twice");
    }
    app.stop().await;
}

/// Claims read only live rows: the query plan goes through the partial indexes, so history
/// (millions of finished rows) costs nothing.
#[tokio::test]
async fn claims_use_the_live_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("pandu.db").display());
    let store = pandu::store::Store::connect(&url).await.unwrap();
    for (table, index, live) in [
        ("inbox", "inbox_live", "'pending', 'processing'"),
        ("outbox", "outbox_live", "'pending', 'sending'"),
    ] {
        let key = if table == "inbox" {
            "chat"
        } else {
            "recipient"
        };
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT MIN(h.id) FROM {table} h WHERE h.channel = 'telegram' \
             AND h.status IN ({live}) GROUP BY h.{key}"
        );
        let plan = explain(&store, &sql).await;
        assert!(plan.contains(index), "{table}: {plan}");
    }
    store.close().await;
}

async fn explain(store: &pandu::store::Store, sql: &str) -> String {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>("detail"))
        .collect::<Vec<_>>()
        .join(" ")
}
