//! Erasure is complete: after `/hapus`, and after the retention purge, no row of any table
//! holds anything that identifies the owner. The scan is generic (every column of every
//! table of the live schema), and a schema guard makes a new table choose a side.

mod common;

use common::staff::staff;
use common::subscribers::mark_unreachable;
use common::{HAPPY_PATH, PNG, TestApp};
use pandu::access::{LeadStatus, Role, Scope, StaffId};
use pandu::domain::{ChannelKind, LeadId, UserKey};
use pandu::message::OutMessage;
use pandu::service::{Inbound, RawInput};
use pandu::store::dashboard::{self, Audit};
use pandu::store::inbox::NewUpdate;
use pandu::store::{self, Backend, Store};
use pandu::workers::Scheduler;
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// The owner's WhatsApp number: their user key and inbox chat, and inside every WhatsApp
/// message id of theirs (as in Meta's real ids).
const PHONE: &str = "6287712345678";
const OWNER: &str = "Rahmawati Kusumadewi";
const BUSINESS: &str = "Keripik Rahmawati";

/// Tables erasure covers: `store::erasure` deletes or anonymises the owner's rows.
const ERASED: &[&str] = &[
    "audit_log",
    "campaign_recipients",
    "conversations",
    "documents",
    "follow_ups",
    "inbox",
    "lead_messages",
    "lead_notes",
    "leads",
    "leads_search",
    "message_statuses",
    "outbox",
    "referral_offers",
    "referrals",
    "timers",
    "unreachable_contacts",
];

/// Tables that hold no owner's contact data: staff accounts and their own chats, staff-made
/// campaigns, anonymous counts, hashed dedupe keys, engine internals.
const NO_CONTACT_DATA: &[&str] = &[
    "_sqlx_migrations",
    "campaigns",
    "consent_declines",
    "counters",
    "inbound_events",
    "lead_counts",
    "leads_search_config",
    "leads_search_data",
    "leads_search_docsize",
    "leads_search_idx",
    "link_codes",
    "password_links",
    "sessions",
    "setup_tokens",
    "sqlite_sequence",
    "staff",
    "staff_links",
];

/// An owner on WhatsApp, driven the way the channel drives the service: each message goes
/// into the inbox, is claimed, handled and settled; each reply is delivered with a platform
/// id and a delivery status.
struct Owner<'a> {
    app: &'a TestApp,
    key: UserKey,
    sent: u32,
    delivered: u32,
}

impl<'a> Owner<'a> {
    fn new(app: &'a TestApp, key: &str) -> Self {
        Self {
            app,
            key: UserKey::new(key),
            sent: 0,
            delivered: 0,
        }
    }

    fn store(&self) -> &Store {
        &self.app.service.store
    }

    async fn say(&mut self, text: &str) -> Vec<OutMessage> {
        self.send(RawInput::Text(text.into())).await
    }

    async fn send(&mut self, input: RawInput) -> Vec<OutMessage> {
        self.sent += 1;
        let id = format!("wamid.in.{}.{}", self.key.as_str(), self.sent);
        let now = OffsetDateTime::now_utc();
        let update = NewUpdate {
            channel: ChannelKind::Whatsapp,
            external_id: id.clone(),
            chat: self.key.as_str().to_owned(),
            payload: format!("{{\"from\":\"{}\"}}", self.key.as_str()),
            at: now,
        };
        assert!(store::inbox::insert(self.store(), &update).await.unwrap());
        let claimed = store::inbox::claim(
            self.store(),
            ChannelKind::Whatsapp,
            10,
            Duration::seconds(30),
            now,
        )
        .await
        .unwrap();
        let inbound = Inbound {
            channel: ChannelKind::Whatsapp,
            user: self.key.clone(),
            message_id: id,
            input,
            sender_phone: None,
            acks: Vec::new(),
            at: now,
        };
        self.app.service.handle(inbound).await.unwrap();
        let mut tx = self.store().begin().await.unwrap();
        let ids: Vec<i64> = claimed.iter().map(|c| c.id).collect();
        store::inbox::mark_done(&mut tx, &ids).await.unwrap();
        tx.commit().await.unwrap();
        self.receive().await
    }

    async fn receive(&mut self) -> Vec<OutMessage> {
        let now = OffsetDateTime::now_utc();
        let mut out = Vec::new();
        loop {
            let claimed = store::outbox::claim(
                self.store(),
                ChannelKind::Whatsapp,
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
            for message in &claimed {
                self.deliver(message, now).await;
                out.extend(message.outgoing.message().cloned());
            }
        }
    }

    async fn deliver(&mut self, message: &store::outbox::Claimed, now: OffsetDateTime) {
        self.delivered += 1;
        let wamid = format!("wamid.out.{}.{}", self.key.as_str(), self.delivered);
        let mut tx = self.store().begin().await.unwrap();
        let sent = store::outbox::Sent {
            message,
            platform_id: Some(wamid.clone()),
            gap: Duration::ZERO,
        };
        store::outbox::mark_sent(&mut tx, ChannelKind::Whatsapp, &[sent], now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        store::statuses::apply(
            self.store(),
            ChannelKind::Whatsapp,
            &wamid,
            "delivered",
            None,
            now,
        )
        .await
        .unwrap();
    }
}

/// The whole check (the phone typed as the number), a document, and a pass of the timers
/// so the referral is offered. Returns the lead.
async fn finished_check(owner: &mut Owner<'_>, business: &str, name: &str, phone: &str) -> LeadId {
    let mut lines: Vec<&str> = HAPPY_PATH.to_vec();
    lines[3] = business;
    lines[4] = name;
    lines[5] = phone;
    for line in lines {
        owner.say(line).await;
    }
    owner.send(RawInput::File(PNG.to_vec())).await;
    let sql = "SELECT l.id FROM leads l JOIN conversations c ON c.id = l.conversation_id WHERE c.user_key = $1";
    let row = sqlx::query(sql)
        .bind(owner.key.as_str())
        .fetch_one(owner.store().pool())
        .await
        .unwrap();
    LeadId(row.get::<i64, _>(0))
}

/// The Lombok Tengah dinas, and a PLUT consultant for NTB who will be offered the referral.
async fn accounts(app: &TestApp) -> StaffId {
    let service = &app.service;
    let rina = staff(
        service,
        "rina@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        "52",
    )
    .await;
    // Referrals are offered to consultants with a linked chat.
    let code = service.link_code(rina, None).await.unwrap();
    app.user("rina-chat")
        .say(&format!("link {}", code.code.to_lowercase()))
        .await;
    staff(
        service,
        "dinas@loteng.go.id",
        Role::Dinas,
        Some("52.02"),
        "Dinas Koperasi",
        "52.02",
    )
    .await
}

/// Everything staff and the outreach machinery add around a lead: a referral offered to a
/// consultant, a status with a reason naming the owner, a note, a document view, a campaign
/// notice with its delivery status, a blocked mark.
async fn worked_on(app: &TestApp, owner: &Owner<'_>, lead: LeadId, dinas: StaffId) {
    let service = &app.service;
    let store = &service.store;
    let now = OffsetDateTime::now_utc();
    Scheduler::new(service.clone()).fire_due(now).await.unwrap();
    let offered = "SELECT COUNT(*) FROM referral_offers o JOIN referrals r ON r.id = o.referral_id WHERE r.lead_id = ";
    assert_eq!(
        app.scalar(&format!("{offered}{}", lead.0)).await,
        1,
        "offered to the consultant"
    );
    let reason = format!("Bu {OWNER} pindah usaha");
    let detail = format!("tidak_dilanjutkan: {reason}");
    let audit = |action, detail| Audit {
        staff: dinas,
        action,
        detail,
        at: now,
    };
    let status = LeadStatus::TidakDilanjutkan;
    let changed = dashboard::set_status(
        store,
        &Scope::All,
        lead,
        status,
        Some(&reason),
        audit("status", &detail),
    );
    assert!(changed.await.unwrap());
    let note = format!("Sudah ditelepon {OWNER} ({BUSINESS})");
    assert!(
        dashboard::add_note(store, &Scope::All, lead, &note, audit("note", ""))
            .await
            .unwrap()
    );
    store::audit::log(
        store,
        dinas,
        "document_view",
        Some(lead),
        "foto_produk",
        now,
    )
    .await
    .unwrap();
    campaign_notice(store, owner, now).await;
    mark_unreachable(store, "whatsapp", owner.key.as_str()).await;
}

/// The owner writes to the officer after the result and the officer answers on the lead
/// page: a thread that names the owner both ways.
async fn thread(app: &TestApp, owner: &mut Owner<'_>, lead: LeadId, dinas: StaffId) {
    let later = |m: &OutMessage| m.buttons.iter().any(|b| b.id == "doc:later");
    while owner
        .send(RawInput::Button("doc:later".into()))
        .await
        .iter()
        .any(later)
    {}
    owner
        .say(&format!("Saya {OWNER}, NIB {BUSINESS} sudah jadi"))
        .await;
    let staff = store::staff::get(&app.service.store, dinas)
        .await
        .unwrap()
        .unwrap();
    let text = format!("Baik Bu {OWNER}, kami catat.");
    let now = OffsetDateTime::now_utc();
    app.service
        .reply_to_owner(&staff, lead, &text, now)
        .await
        .unwrap();
    owner.receive().await;
    let sql = format!(
        "SELECT COUNT(*) FROM lead_messages WHERE lead_id = {} AND body LIKE '%{OWNER}%'",
        lead.0
    );
    assert_eq!(
        app.scalar(&sql).await,
        2,
        "the owner's message and the reply"
    );
}

/// A campaign reached the owner: its recipient row, the notice in the outbox (delivered,
/// with a platform id) and the delivery status.
async fn campaign_notice(store: &Store, owner: &Owner<'_>, now: OffsetDateTime) {
    let at = store::millis_for_tests(now);
    let user = owner.key.as_str();
    let campaign: i64 = sqlx::query(
        "INSERT INTO campaigns (code, name, body, audience, zone, quiet_start, quiet_end, state, created_at, updated_at) \
         VALUES ($1, 'Sosialisasi', 'Ayo cek SNI', '{}', 'wita', 1260, 360, 'running', $2, $2) RETURNING id",
    )
    .bind("sosialisasi-loteng")
    .bind(at)
    .fetch_one(store.pool())
    .await
    .unwrap()
    .get(0);
    let recipient: i64 = sqlx::query(
        "INSERT INTO campaign_recipients (campaign_id, conversation_id, channel, region_code, utc_offset, state) \
         SELECT $1, id, channel, '52.02', 480, 'queued' FROM conversations WHERE user_key = $2 RETURNING id",
    )
    .bind(campaign)
    .bind(user)
    .fetch_one(store.pool())
    .await
    .unwrap()
    .get(0);
    let wamid = format!("wamid.notice.{user}");
    sqlx::query(
        "INSERT INTO outbox (channel, recipient, payload, status, not_before, created_at, sent_at, \
         platform_message_id, campaign_recipient_id) VALUES ('whatsapp', $1, '{}', 'sent', $2, $2, $2, $3, $4)",
    )
    .bind(user)
    .bind(at)
    .bind(&wamid)
    .bind(recipient)
    .execute(store.pool())
    .await
    .unwrap();
    store::statuses::apply(store, ChannelKind::Whatsapp, &wamid, "read", None, now)
        .await
        .unwrap();
}

/// The tables of the live schema.
async fn tables(store: &Store) -> Vec<String> {
    let sql = match store.backend() {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    sqlx::query(sql)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect()
}

async fn columns(store: &Store, table: &str) -> Vec<String> {
    let query = match store.backend() {
        Backend::Sqlite => sqlx::query("SELECT name FROM pragma_table_info($1)"),
        Backend::Postgres => sqlx::query(
            "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1",
        ),
    };
    query
        .bind(table)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect()
}

/// Every (table, column, needle) where some row's value, read as text, contains a needle.
async fn traces(store: &Store, needles: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for table in tables(store).await {
        for column in columns(store, &table).await {
            for needle in needles {
                let sql = format!(
                    "SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $1"
                );
                let n: i64 = sqlx::query(&sql)
                    .bind(format!("%{needle}%"))
                    .fetch_one(store.pool())
                    .await
                    .unwrap()
                    .get(0);
                if n > 0 {
                    found.push(format!("{table}.{column} ({n} rows): {needle}"));
                }
            }
        }
    }
    found
}

/// What identifies the owner: their number (also inside their message ids), the phone as the
/// lead stored it, their name and their business.
async fn needles(store: &Store, lead: LeadId) -> Vec<String> {
    let phone: Option<String> = sqlx::query("SELECT phone FROM leads WHERE id = $1")
        .bind(lead.0)
        .fetch_one(store.pool())
        .await
        .unwrap()
        .get(0);
    let mut needles = vec![
        PHONE.to_owned(),
        OWNER.to_owned(),
        "Rahmawati".to_owned(),
        BUSINESS.to_owned(),
    ];
    needles.extend(phone);
    needles
}

/// Timers of the lead's offers and of its conversation's follow-ups.
fn owned_timers(lead: LeadId) -> String {
    format!(
        "SELECT COUNT(*) FROM timers t WHERE (t.kind IN ('remind_offer', 'expire_offer') AND t.subject IN \
         (SELECT o.id FROM referral_offers o JOIN referrals r ON r.id = o.referral_id WHERE r.lead_id = {0})) \
         OR (t.kind = 'follow_up' AND t.subject IN (SELECT f.id FROM follow_ups f JOIN leads l \
         ON l.conversation_id = f.conversation_id WHERE l.id = {0}))",
        lead.0
    )
}

/// An owner who stays, so the erasure is seen to be about one person only.
async fn bystander(app: &TestApp) -> LeadId {
    let mut other = Owner::new(app, "6281399998888");
    finished_check(&mut other, "UD Budi Jaya", "Budi Santoso", "0813 9999 8888").await
}

async fn still_there(app: &TestApp, lead: LeadId) {
    let sql = format!(
        "SELECT COUNT(*) FROM leads WHERE id = {} AND owner_name = 'Budi Santoso'",
        lead.0
    );
    assert_eq!(app.scalar(&sql).await, 1, "the other owner's lead is kept");
    assert!(
        app.scalar("SELECT COUNT(*) FROM inbox WHERE chat = '6281399998888'")
            .await
            > 0
    );
}

async fn delete_my_data_leaves_nothing(app: TestApp) -> TestApp {
    let dinas = accounts(&app).await;
    let kept = bystander(&app).await;
    let mut owner = Owner::new(&app, PHONE);
    let lead = finished_check(&mut owner, BUSINESS, OWNER, "0877 1234 5678").await;
    thread(&app, &mut owner, lead, dinas).await;
    worked_on(&app, &owner, lead, dinas).await;
    let store = &app.service.store;
    let needles = needles(store, lead).await;
    assert!(
        traces(store, &needles).await.len() > 10,
        "the scan finds the owner before"
    );
    let audit_rows = app.scalar("SELECT COUNT(*) FROM audit_log").await;
    let timers = app.scalar("SELECT COUNT(*) FROM timers").await;
    let owned = app.scalar(&owned_timers(lead)).await;
    assert!(owned > 0, "the offer's reminder and expiry");

    owner.say("/hapus").await;
    let goodbye = owner.say("ya").await;
    assert!(!goodbye.is_empty(), "the owner is told");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM lead_messages").await,
        0,
        "the thread went with the lead (the other owner has none)"
    );
    // Only the message being answered (settled, payload blanked: the goodbye still needed
    // WhatsApp's window) and the goodbye's delivery status are left, until the daily sweep.
    let left = traces(store, &needles).await;
    assert!(
        left.iter().all(|t| t.starts_with("inbox.chat")
            || t.starts_with("inbox.external_id")
            || t.starts_with("message_statuses.")),
        "{left:#?}"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM inbox WHERE payload LIKE '%6287712345678%'")
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_log").await,
        audit_rows,
        "audit rows are kept for counts, anonymised"
    );
    assert_eq!(
        app.scalar(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE lead_id = {}",
            lead.0
        ))
        .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM timers").await,
        timers - owned,
        "the referral's timers went with it, the other owner's stay"
    );

    app.service
        .purge_expired(OffsetDateTime::now_utc() + Duration::days(2))
        .await
        .unwrap();
    assert_eq!(traces(store, &needles).await, Vec::<String>::new());
    still_there(&app, kept).await;
    assert!(
        std::fs::read_dir(app.documents_dir()).map_or(0, |d| d.count()) > 0,
        "the other owner's document file is kept"
    );
    app
}
both_engines!(hapus, delete_my_data_leaves_nothing);

async fn the_retention_purge_leaves_nothing(app: TestApp) -> TestApp {
    let dinas = accounts(&app).await;
    let kept = bystander(&app).await;
    let mut owner = Owner::new(&app, PHONE);
    let lead = finished_check(&mut owner, BUSINESS, OWNER, "0877 1234 5678").await;
    thread(&app, &mut owner, lead, dinas).await;
    worked_on(&app, &owner, lead, dinas).await;
    let store = &app.service.store;
    let needles = needles(store, lead).await;
    // The owner blocked the bot long ago and never came back.
    sqlx::query("UPDATE conversations SET updated_at = 0 WHERE user_key = $1")
        .bind(PHONE)
        .execute(store.pool())
        .await
        .unwrap();

    let purged = app
        .service
        .purge_expired(OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(purged, 1);
    assert_eq!(traces(store, &needles).await, Vec::<String>::new());
    still_there(&app, kept).await;
    app
}
both_engines!(retention, the_retention_purge_leaves_nothing);

/// A table added later must be erased or declared free of contact data here.
async fn every_table_is_accounted_for(app: TestApp) -> TestApp {
    let unlisted: Vec<String> = tables(&app.service.store)
        .await
        .into_iter()
        .filter(|t| !ERASED.contains(&t.as_str()) && !NO_CONTACT_DATA.contains(&t.as_str()))
        .collect();
    assert_eq!(
        unlisted,
        Vec::<String>::new(),
        "new tables: erase their contact data in store::erasure and list them in ERASED, \
         or list them in NO_CONTACT_DATA"
    );
    app
}
both_engines!(schema_guard, every_table_is_accounted_for);
