//! Staff reply to owners from the lead page, through the real `pandu serve` and the fake
//! platforms: the reply reaches the owner's chat (Telegram; WhatsApp inside the window, as a
//! template outside it, or held until the owner writes), its delivery shows on the page in
//! words, every reply is in the audit log, scope holds, and what the owner writes back after
//! the result lands on the lead's thread until staff answer it.

mod common;

use common::dash::{Client, PASSWORD};
use common::fake_telegram::FakeTelegram;
use common::fake_whatsapp::{FakeTemplate, FakeWhatsapp, payloads};
use common::telegram_app::{self, Options, Running};
use common::tg_user::{TgUser, buttons, finished_owner, texts};
use common::wa_user::{self, WaUser};
use common::{HAPPY_PATH, TestApp, whatsapp_app};
use pandu::access::{Profile, Role, Scope, StaffId};
use pandu::reference::RegionCode;
use pandu::referrals::{Coverage, Desk};
use pandu::service::Service;
use sqlx::Row;
use std::time::Duration;
use tempfile::TempDir;
use time::OffsetDateTime;

const REPLY: &str =
    "Selamat siang Bu Siti, silakan datang ke kantor dinas hari Senin.\nBawa NIB dan contoh label.";
const OFFICER: &str = "Sari Wulandari";
/// How the owner sees the officer who wrote (a dinas account has no organisation).
const HEADER: &str = "Balasan dari Sari Wulandari, petugas dinas Kabupaten Lombok Tengah:";
const WAITING: &str = "Menunggu pemilik membuka percakapan";
const UNANSWERED: &str = "Belum dijawab";

async fn scalar(service: &Service, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(service.store.pool())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

/// An account that can sign in.
async fn account(
    service: &Service,
    email: &str,
    name: &str,
    role: Role,
    region: Option<&str>,
) -> StaffId {
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let region = region.map(|r| RegionCode::parse(r).unwrap());
    let now = OffsetDateTime::now_utc();
    pandu::store::staff::add(
        &service.store,
        email,
        name,
        role,
        region.as_ref(),
        &hash,
        now,
    )
    .await
    .unwrap()
}

async fn signed_in(app: &Running, email: &str) -> Client {
    let mut client = Client::new(&format!("http://{}", app.addr));
    assert_eq!(client.login(email).await, 303);
    client
}

/// POST the reply form of a lead with the session's token.
async fn reply(client: &mut Client, lead: i64, body: &str) -> (u16, String) {
    let csrf = client.csrf().await;
    let path = format!("/leads/{lead}/reply");
    client.post(&path, &[("csrf", &csrf), ("body", body)]).await
}

/// The lead page, once it shows `needle` (a delivery status arrives in its own time).
async fn page_showing(client: &Client, lead: i64, needle: &str) -> String {
    let path = format!("/leads/{lead}");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (status, page) = client.get(&path).await;
        assert_eq!(status, 200);
        if page.contains(needle) {
            return page;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the lead page never showed {needle:?}:\n{page}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn last_lead(service: &Service) -> i64 {
    scalar(service, "SELECT MAX(id) FROM leads").await
}

/// A served app on Telegram, another instance for the test's own work, and the database
/// (PostgreSQL when given).
struct Tg {
    fake: FakeTelegram,
    _dir: TempDir,
    app: Running,
    service: Service,
    db: Option<TestApp>,
}

async fn telegram(db: Option<TestApp>) -> Tg {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        database_url: db.as_ref().map(TestApp::database_url),
        ..Options::default()
    };
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = pandu::app::build(&telegram_app::config(&fake, &dir, &options, 0))
        .await
        .unwrap();
    account(
        &service,
        "sari@loteng.go.id",
        OFFICER,
        Role::Dinas,
        Some("52.02"),
    )
    .await;
    Tg {
        fake,
        _dir: dir,
        app,
        service,
        db,
    }
}

impl Tg {
    async fn stop(self) {
        self.app.stop().await;
        self.service.store.close().await;
        if let Some(db) = self.db {
            db.finish().await;
        }
    }
}

async fn telegram_reply_reaches_the_owner_and_is_logged(db: Option<TestApp>) {
    let tg = telegram(db).await;
    let mut owner = TgUser::new(&tg.fake, 100, None);
    finished_owner(&mut owner).await;
    let lead = last_lead(&tg.service).await;
    let mut sari = signed_in(&tg.app, "sari@loteng.go.id").await;

    let (status, location) = reply(&mut sari, lead, &format!("  {REPLY}\u{202E}\n\n\n")).await;
    assert_eq!(
        (status, location.as_str()),
        (303, format!("/leads/{lead}#thread").as_str())
    );
    let got = texts(&owner.replies().await);
    assert_eq!(
        got,
        format!("{HEADER}\n\n{REPLY}"),
        "header, then the text as typed, cleaned"
    );

    let page = page_showing(&sari, lead, "Terkirim").await;
    assert!(
        page.contains("Bawa NIB dan contoh label."),
        "the reply is on the thread"
    );
    assert!(page.contains(OFFICER));
    assert!(!page.contains(UNANSWERED), "nobody asked anything");
    let logged = format!(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'owner_reply' AND lead_id = {lead} \
         AND detail = 'telegram' AND staff_id IS NOT NULL"
    );
    assert_eq!(scalar(&tg.service, &logged).await, 1);
    let quoted = "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Bawa NIB%'";
    assert_eq!(
        scalar(&tg.service, quoted).await,
        0,
        "no message text in the audit log"
    );
    tg.stop().await;
}

#[tokio::test]
async fn telegram_reply_reaches_the_owner_and_is_logged_sqlite() {
    telegram_reply_reaches_the_owner_and_is_logged(None).await;
}

#[tokio::test]
async fn telegram_reply_reaches_the_owner_and_is_logged_postgres() {
    if let Some(db) = TestApp::postgres().await {
        telegram_reply_reaches_the_owner_and_is_logged(Some(db)).await;
    }
}

async fn the_owner_answers_back_and_waits_until_staff_reply(db: Option<TestApp>) {
    let tg = telegram(db).await;
    let mut owner = TgUser::new(&tg.fake, 101, None);
    finished_owner(&mut owner).await;
    let lead = last_lead(&tg.service).await;
    let mut sari = signed_in(&tg.app, "sari@loteng.go.id").await;
    let loteng = Scope::Region(RegionCode::parse("52.02").unwrap());
    let jatim = Scope::Region(RegionCode::parse("35.78").unwrap());
    let waiting = |scope| {
        let store = tg.service.store.clone();
        async move {
            pandu::store::thread::awaiting_reply_count(&store, &scope)
                .await
                .unwrap()
        }
    };
    assert_eq!(reply(&mut sari, lead, REPLY).await.0, 303);
    owner.replies().await;

    // Thanks alone is no message for anyone: the menu, as before.
    let thanks = texts(&owner.say("ok makasih bu").await);
    assert!(
        !thanks.contains("Pesan Anda sudah kami teruskan"),
        "{thanks}"
    );
    assert_eq!(waiting(loteng.clone()).await, 0);

    let told = texts(
        &owner
            .say("Baik Bu, NIB saya sudah jadi minggu lalu.\nSenin saya datang.")
            .await,
    );
    assert!(
        told.contains("Pesan Anda sudah kami teruskan ke petugas"),
        "{told}"
    );
    assert_eq!(
        buttons(owner.fake.sent_to(101).last().unwrap()),
        ["recheck"],
        "the re-check stays at hand"
    );
    let page = page_showing(&sari, lead, "NIB saya sudah jadi minggu lalu.").await;
    assert!(page.contains(UNANSWERED), "the lead waits for an answer");
    assert!(page.contains("Senin saya datang."));
    assert_eq!(waiting(loteng.clone()).await, 1);
    assert_eq!(waiting(jatim).await, 0, "another region's count");

    assert_eq!(
        reply(&mut sari, lead, "Baik, kami tunggu hari Senin.")
            .await
            .0,
        303
    );
    owner.replies().await;
    assert_eq!(waiting(loteng).await, 0);
    let page = page_showing(&sari, lead, "kami tunggu hari Senin").await;
    assert!(!page.contains(UNANSWERED));
    // The menu's re-check button above the staff reply still answers (the reply asks nothing).
    let recheck = texts(&owner.press("recheck").await);
    assert!(recheck.contains("kita cek ulang"), "{recheck}");
    tg.stop().await;
}

#[tokio::test]
async fn the_owner_answers_back_and_waits_until_staff_reply_sqlite() {
    the_owner_answers_back_and_waits_until_staff_reply(None).await;
}

#[tokio::test]
async fn the_owner_answers_back_and_waits_until_staff_reply_postgres() {
    if let Some(db) = TestApp::postgres().await {
        the_owner_answers_back_and_waits_until_staff_reply(Some(db)).await;
    }
}

#[tokio::test]
async fn a_question_the_bot_could_not_answer_waits_until_staff_reply() {
    let tg = telegram(None).await;
    let mut owner = TgUser::new(&tg.fake, 102, None);
    finished_owner(&mut owner).await;
    let asked = texts(&owner.say("apakah kantor dinas buka hari sabtu?").await);
    assert!(asked.contains("petugas akan menjawabnya"), "{asked}");
    let lead = last_lead(&tg.service).await;
    let mut sari = signed_in(&tg.app, "sari@loteng.go.id").await;
    let page = page_showing(&sari, lead, "apakah kantor dinas buka hari sabtu?").await;
    assert!(page.contains(UNANSWERED));
    assert_eq!(reply(&mut sari, lead, "Sabtu tutup, Bu.").await.0, 303);
    let page = page_showing(&sari, lead, "Sabtu tutup, Bu.").await;
    assert!(
        !page.contains(UNANSWERED),
        "answered once staff replied after it"
    );
    tg.stop().await;
}

#[tokio::test]
async fn a_blocked_owner_shows_failed_and_the_reply_is_kept() {
    let tg = telegram(None).await;
    let mut owner = TgUser::new(&tg.fake, 103, None);
    finished_owner(&mut owner).await;
    let lead = last_lead(&tg.service).await;
    tg.fake.block(103);
    let mut sari = signed_in(&tg.app, "sari@loteng.go.id").await;
    assert_eq!(reply(&mut sari, lead, REPLY).await.0, 303);
    let page = page_showing(&sari, lead, "pemilik memblokir Pandu").await;
    assert!(
        page.contains("Bawa NIB dan contoh label."),
        "the reply stays on the thread"
    );
    // A second reply to a contact known to be blocked is not tried, and says so too.
    assert_eq!(
        reply(&mut sari, lead, "Mohon hubungi kami kembali.")
            .await
            .0,
        303
    );
    // The second reply is on the page at once (queued); it says blocked once settled.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let page = page_showing(&sari, lead, "Mohon hubungi kami kembali.").await;
        if page.matches("pemilik memblokir Pandu").count() == 2 {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{page}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        scalar(
            &tg.service,
            "SELECT COUNT(*) FROM lead_messages WHERE direction = 'out'"
        )
        .await,
        2
    );
    tg.stop().await;
}

/// A consultant of Lombok Tengah whose own Telegram chat is linked, so referrals are offered.
async fn linked_consultant(tg: &Tg) -> TgUser<'_> {
    let rina = account(&tg.service, "rina@plut.id", "Rina", Role::Konsultan, None).await;
    let profile = Profile {
        organisation: "PLUT-KUMKM NTB".into(),
        desk: Some(Desk::Plut),
        coverage: Coverage::parse("52.02").unwrap(),
        capacity: 5,
        contact: None,
    };
    tg.service.set_profile(rina, &profile).await.unwrap();
    let code = tg.service.link_code(rina, None).await.unwrap();
    let mut chat = TgUser::new(&tg.fake, 900, None);
    chat.say(&format!("/start link-{}", code.code)).await;
    chat
}

#[tokio::test]
async fn outside_the_scope_nothing_is_sent() {
    let tg = telegram(None).await;
    account(
        &tg.service,
        "jatim@pandu.test",
        "Budi",
        Role::Dinas,
        Some("35.78"),
    )
    .await;
    account(
        &tg.service,
        "kons-b@pandu.test",
        "Bayu",
        Role::Konsultan,
        None,
    )
    .await;
    let mut rina_chat = linked_consultant(&tg).await;
    let mut owner = TgUser::new(&tg.fake, 104, None);
    finished_owner(&mut owner).await;
    rina_chat.replies().await; // the referral is offered to Rina, not assigned yet
    let lead = last_lead(&tg.service).await;
    let outbox = "SELECT COUNT(*) FROM outbox WHERE recipient = '104'";
    let before = scalar(&tg.service, outbox).await;

    let mut jatim = signed_in(&tg.app, "jatim@pandu.test").await;
    assert_eq!(
        reply(&mut jatim, lead, REPLY).await.0,
        404,
        "another region's lead"
    );
    let mut bayu = signed_in(&tg.app, "kons-b@pandu.test").await;
    assert_eq!(
        reply(&mut bayu, lead, REPLY).await.0,
        404,
        "not this consultant's lead"
    );
    let mut rina = signed_in(&tg.app, "rina@plut.id").await;
    let (status, page) = rina.get(&format!("/leads/{lead}")).await;
    assert_eq!(status, 200, "an offered lead is readable");
    assert!(
        !page.contains("/reply\""),
        "no reply box before it is assigned"
    );
    assert!(page.contains("Hanya konsultan yang ditugaskan"));
    assert_eq!(
        reply(&mut rina, lead, REPLY).await.0,
        403,
        "offered, not assigned"
    );

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(scalar(&tg.service, outbox).await, before, "nothing queued");
    assert_eq!(
        scalar(&tg.service, "SELECT COUNT(*) FROM lead_messages").await,
        0
    );
    assert_eq!(
        tg.fake.sent_count(104),
        owner.seen,
        "nothing reached the owner"
    );
    tg.stop().await;
}

#[tokio::test]
async fn a_reply_must_have_text_and_fit() {
    let tg = telegram(None).await;
    let mut owner = TgUser::new(&tg.fake, 105, None);
    finished_owner(&mut owner).await;
    let lead = last_lead(&tg.service).await;
    let sari = signed_in(&tg.app, "sari@loteng.go.id").await;
    let csrf = sari.csrf().await;
    let path = format!("/leads/{lead}/reply");
    let (status, page) = sari
        .post_page(&path, &[("csrf", &csrf), ("body", " \n\u{200F} ")])
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("Tulis balasannya dulu"), "{page}");
    let long = "a".repeat(701);
    let (status, page) = sari
        .post_page(&path, &[("csrf", &csrf), ("body", &long)])
        .await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Balasan terlalu panjang: paling banyak 700 karakter."),
        "{page}"
    );
    let (status, _) = sari
        .post_page(&path, &[("csrf", "wrong"), ("body", "Halo")])
        .await;
    assert_eq!(status, 403, "a forged form");
    assert_eq!(
        scalar(&tg.service, "SELECT COUNT(*) FROM lead_messages").await,
        0
    );
    tg.stop().await;
}

/// A served app on WhatsApp with more settings, and an instance for the test.
struct Wa {
    fake: FakeWhatsapp,
    _dir: TempDir,
    app: Running,
    service: Service,
}

async fn whatsapp(extra: &[(&'static str, &str)]) -> Wa {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = whatsapp_app::config_with(&fake, &dir, None, extra);
    let app = telegram_app::start_with(config.clone()).await;
    let service = pandu::app::build(&config).await.unwrap();
    account(
        &service,
        "sari@loteng.go.id",
        OFFICER,
        Role::Dinas,
        Some("52.02"),
    )
    .await;
    Wa {
        fake,
        _dir: dir,
        app,
        service,
    }
}

impl Wa {
    async fn owner(&self, number: &str) -> (WaUser<'_>, i64) {
        let mut owner = WaUser::new(&self.fake, &self.app, number);
        for text in HAPPY_PATH.iter().filter(|t| !t.starts_with("0812")) {
            owner.say(text).await;
        }
        (owner, last_lead(&self.service).await)
    }

    /// Two days pass without the owner writing: the 24-hour window is closed.
    async fn close_window(&self, number: &str) {
        sqlx::query("UPDATE inbox SET received_at = received_at - 172800000 WHERE chat = $1")
            .bind(number)
            .execute(self.service.store.pool())
            .await
            .unwrap();
    }

    async fn stop(self) {
        self.app.stop().await;
        self.service.store.close().await;
    }
}

#[tokio::test]
async fn whatsapp_inside_the_window_sends_text_and_shows_delivery() {
    let wa = whatsapp(&[]).await;
    let (mut owner, lead) = wa.owner("6287700000011").await;
    let mut sari = signed_in(&wa.app, "sari@loteng.go.id").await;
    assert_eq!(reply(&mut sari, lead, REPLY).await.0, 303);
    let sent = owner.replies().await;
    let call = sent.last().unwrap();
    assert_eq!(call.body["type"], "text", "{}", call.body);
    assert_eq!(call.status, 200);
    assert_eq!(wa_user::texts(&sent), format!("{HEADER}\n\n{REPLY}"));
    page_showing(&sari, lead, "Terkirim").await;

    let wamid = call.wamid.clone().unwrap();
    let status = payloads::status(&wamid, "6287700000011", "read", None);
    let body = payloads::envelope(vec![payloads::value(vec![], vec![status])]);
    assert_eq!(whatsapp_app::post(&wa.app, &body, None).await, 200);
    page_showing(&sari, lead, "Sudah dibaca").await;
    wa.stop().await;
}

#[tokio::test]
async fn whatsapp_outside_the_window_goes_as_the_configured_template() {
    let wa = whatsapp(&[("WHATSAPP_TEMPLATE_STAFF_REPLY", "pandu_balasan_petugas")]).await;
    wa.fake.add_template(FakeTemplate::approved(
        "pandu_balasan_petugas",
        "Ada balasan dari {{1}}: {{2}}",
    ));
    let (mut owner, lead) = wa.owner("6287700000012").await;
    wa.close_window("6287700000012").await;
    let mut sari = signed_in(&wa.app, "sari@loteng.go.id").await;
    assert_eq!(reply(&mut sari, lead, REPLY).await.0, 303);
    let call = owner.replies().await.last().cloned().unwrap();
    assert_eq!(call.status, 200, "{}", call.body);
    let template = &call.body["template"];
    assert_eq!(template["name"], "pandu_balasan_petugas");
    let params: Vec<&str> = template["components"][0]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    let one_line = REPLY.replace('\n', " ");
    assert_eq!(
        params,
        [
            "Sari Wulandari, petugas dinas Kabupaten Lombok Tengah",
            one_line.as_str()
        ]
    );
    page_showing(&sari, lead, "Terkirim").await;
    wa.stop().await;
}

#[tokio::test]
async fn whatsapp_outside_the_window_without_a_template_waits_for_the_owner() {
    let wa = whatsapp(&[]).await;
    let (mut owner, lead) = wa.owner("6287700000013").await;
    wa.close_window("6287700000013").await;
    let sent_before = wa.fake.sent_count("6287700000013");
    let mut sari = signed_in(&wa.app, "sari@loteng.go.id").await;
    assert_eq!(reply(&mut sari, lead, REPLY).await.0, 303);
    page_showing(&sari, lead, WAITING).await;
    assert_eq!(
        wa.fake.sent_count("6287700000013"),
        sent_before,
        "nothing sent outside the window"
    );

    // The owner writes again: the reply goes first, then the bot's answer.
    let after = owner.say("halo").await;
    assert_eq!(wa_user::texts(&after[..1]), format!("{HEADER}\n\n{REPLY}"));
    assert!(after.len() > 1, "the bot still answers the owner");
    let page = page_showing(&sari, lead, "Terkirim").await;
    assert!(!page.contains(WAITING));
    wa.stop().await;
}
