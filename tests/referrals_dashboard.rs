//! Referrals on the dashboard, over HTTP against the real app: a consultant answers offers
//! on /rujukan, admins and the dinas read the overview, the lead page shows the referral,
//! assignment follows coverage, and admins manage consultants on /staff.

mod common;

use common::dash::{Client, PASSWORD};
use common::telegram_app::{Running, start_with};
use common::{HAPPY_PATH, TestApp};
use pandu::access::{Profile, Role, StaffId};
use pandu::config::Config;
use pandu::domain::{ChannelKind, UserKey};
use pandu::reference::RegionCode;
use pandu::referrals::{Coverage, Desk};
use pandu::store::{self, links::Link};
use std::collections::HashMap;
use time::OffsetDateTime;

const LOTENG: &str = "Keripik Loteng";
const SURABAYA: &str = "Sambal Suroboyo";

struct Setup {
    db: TestApp,
    app: Running,
    loteng: i64,
    surabaya: i64,
    /// Plut, Lombok Tengah (52.02): offered the Lombok Tengah lead first.
    a: StaffId,
    /// Plut, all of NTB (52): next in line for it.
    b: StaffId,
    /// Plut, Jawa Timur (35): offered the Surabaya lead.
    c: StaffId,
    /// Dinas coach, Kota Surabaya only, not linked: never offered anything.
    x: StaffId,
}

impl Setup {
    async fn client(&self, email: &str) -> Client {
        let mut client = Client::new(&format!("http://{}", self.app.addr));
        assert_eq!(client.login(email).await, 303, "{email} signs in");
        client
    }

    async fn finish(self) -> TestApp {
        self.app.stop().await;
        self.db
    }

    /// The offer of this lead that waits for this consultant's answer.
    async fn open_offer(&self, lead: i64, staff: StaffId) -> i64 {
        self.db
            .scalar(&format!(
                "SELECT o.id FROM referral_offers o JOIN referrals r ON r.id = o.referral_id \
                 WHERE r.lead_id = {lead} AND o.staff_id = {} AND o.answer IS NULL",
                staff.0
            ))
            .await
    }
}

async fn lead(db: &TestApp, user: &str, place: &str, business: &str) -> i64 {
    let mut u = db.user(user);
    let mut lines: Vec<&str> = HAPPY_PATH.to_vec();
    lines[2] = place;
    lines[3] = business;
    for line in lines {
        u.say(line).await;
    }
    db.scalar("SELECT MAX(id) FROM leads").await
}

async fn account(
    db: &TestApp,
    email: &str,
    name: &str,
    role: Role,
    region: Option<&str>,
) -> StaffId {
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let region = region.map(|r| RegionCode::parse(r).unwrap());
    let now = OffsetDateTime::now_utc();
    store::staff::add(
        &db.service.store,
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

/// A consultant with a profile, linked to a console chat when `chat` is given.
async fn consultant(
    db: &TestApp,
    name: &str,
    desk: Desk,
    coverage: &str,
    chat: Option<&str>,
) -> StaffId {
    let email = format!("{}@pandu.test", name.to_lowercase().replace(' ', "-"));
    let id = account(db, &email, name, Role::Konsultan, None).await;
    let profile = Profile {
        organisation: format!("Lembaga {name}"),
        desk: Some(desk),
        coverage: Coverage::parse(coverage).unwrap(),
        capacity: 10,
        contact: Some("WA 0812-0000".into()),
    };
    db.service.set_profile(id, &profile).await.unwrap();
    if let Some(chat) = chat {
        let link = Link {
            staff: id,
            channel: ChannelKind::Console,
            user: UserKey::new(chat),
        };
        let mut tx = db.service.store.begin().await.unwrap();
        store::links::link(&mut tx, &link, OffsetDateTime::now_utc())
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    id
}

/// Accounts first, then two leads whose referrals are offered by firing the scheduler, then
/// the served app.
async fn start(db: TestApp) -> Setup {
    account(&db, "admin@pandu.test", "Admin", Role::Admin, None).await;
    account(
        &db,
        "loteng@pandu.test",
        "Dinas Loteng",
        Role::Dinas,
        Some("52.02"),
    )
    .await;
    account(
        &db,
        "jatim@pandu.test",
        "Dinas Surabaya",
        Role::Dinas,
        Some("35.78"),
    )
    .await;
    let a = consultant(&db, "Konsultan A", Desk::Plut, "52.02", Some("chat-a")).await;
    let b = consultant(&db, "Konsultan B", Desk::Plut, "52", Some("chat-b")).await;
    let c = consultant(&db, "Konsultan C", Desk::Plut, "35", Some("chat-c")).await;
    let x = consultant(&db, "Konsultan X", Desk::DinasCoach, "35.78", None).await;
    let loteng = lead(&db, "u-loteng", "lombok tengah", LOTENG).await;
    let surabaya = lead(&db, "u-sby", "kota surabaya", SURABAYA).await;
    let fired = pandu::workers::Scheduler::new(db.service.clone())
        .fire_due(OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(fired, 2, "one offer timer per referral");
    let mut vars: HashMap<&str, String> = HashMap::new();
    vars.insert("DATABASE_URL", db.database_url());
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        db.documents_dir().display().to_string(),
    );
    let config = Config::from_lookup(|name| vars.get(name).cloned()).unwrap();
    let app = start_with(config).await;
    Setup {
        db,
        app,
        loteng,
        surabaya,
        a,
        b,
        c,
        x,
    }
}

/// (a) the offered consultant sees the lead, nobody else does; (c) declining moves it on;
/// (b) accepting makes it theirs.
async fn consultants_answer_offers_on_the_web(db: TestApp) -> TestApp {
    let s = start(db).await;
    let offer_a = s.open_offer(s.loteng, s.a).await;
    let mut a = s.client("konsultan-a@pandu.test").await;
    let (status, page) = a.get("/rujukan").await;
    assert_eq!(status, 200);
    assert!(page.contains("Rujukan saya"), "{page}");
    assert!(page.contains(LOTENG), "the offered lead is listed");
    assert!(!page.contains(SURABAYA), "not someone else's offer");
    assert!(
        page.contains("Siap mengajukan SNI Bina UMK"),
        "outcome in words"
    );
    assert!(page.contains(&format!("action=\"/rujukan/{offer_a}/terima\"")));
    assert!(page.contains("value=\"penuh\""), "a reason to pick");
    assert!(page.contains("href=\"/rujukan\""), "nav link");
    assert!(
        !page.contains("href=\"/staff\""),
        "no staff link for a konsultan"
    );
    assert_eq!(a.get(&format!("/leads/{}", s.loteng)).await.0, 200);

    // Another consultant: the lead does not exist for them, nor does the offer.
    let mut b = s.client("konsultan-b@pandu.test").await;
    assert_eq!(b.get(&format!("/leads/{}", s.loteng)).await.0, 404);
    let csrf_b = b.csrf_on("/rujukan").await;
    let path = format!("/rujukan/{offer_a}/terima");
    assert_eq!(
        b.post(&path, &[("csrf", &csrf_b)]).await.0,
        404,
        "someone else's offer"
    );
    assert_eq!(
        b.post("/rujukan/999999/terima", &[("csrf", &csrf_b)])
            .await
            .0,
        404
    );
    let mut admin = s.client("admin@pandu.test").await;
    let csrf_admin = admin.csrf_on("/rujukan").await;
    assert_eq!(
        admin.post(&path, &[("csrf", &csrf_admin)]).await.0,
        404,
        "only consultants answer"
    );

    // A declines with a reason: B is offered the lead next.
    let csrf_a = a.csrf_on("/rujukan").await;
    assert_eq!(
        a.post(&path, &[("csrf", "forged")]).await.0,
        403,
        "CSRF checked"
    );
    let decline = format!("/rujukan/{offer_a}/tolak");
    let (status, to) = a
        .post(&decline, &[("csrf", &csrf_a), ("reason", "penuh")])
        .await;
    assert_eq!((status, to.as_str()), (303, "/rujukan"));
    assert_eq!(
        s.db.scalar(&format!(
            "SELECT COUNT(*) FROM referral_offers WHERE id = {offer_a} AND answer = 'declined' AND reason = 'penuh'"
        ))
        .await,
        1
    );
    let (_, page) = a.get("/rujukan").await;
    assert!(!page.contains(LOTENG), "no longer waiting for A");
    assert_eq!(a.get(&format!("/leads/{}", s.loteng)).await.0, 404);
    let (status, page) = a.post(&path, &[("csrf", &csrf_a)]).await;
    assert_eq!(status, 409, "too late: {page}");

    // B accepts.
    let offer_b = s.open_offer(s.loteng, s.b).await;
    let (_, page) = b.get("/rujukan").await;
    assert!(page.contains(LOTENG), "now offered to B");
    let (status, to) = b
        .post(&format!("/rujukan/{offer_b}/terima"), &[("csrf", &csrf_b)])
        .await;
    assert_eq!((status, to.as_str()), (303, "/rujukan"));
    assert_eq!(
        s.db.scalar(&format!(
            "SELECT COUNT(*) FROM leads WHERE id = {} AND status = 'diterima_konsultan' AND assigned_to = {}",
            s.loteng, s.b.0
        ))
        .await,
        1
    );
    let (_, page) = b.get("/rujukan").await;
    let accepted = page.split("Rujukan yang Anda terima").nth(1).unwrap();
    assert!(accepted.contains(LOTENG), "listed as accepted: {page}");
    assert!(accepted.contains(&format!("href=\"/leads/{}\"", s.loteng)));
    let (status, page) = b.get(&format!("/leads/{}", s.loteng)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Diterima konsultan"), "the card says so");
    assert!(
        page.contains("Ditawarkan ke Konsultan A"),
        "timeline in words"
    );
    assert!(page.contains("Ditawarkan ke Konsultan B"));
    assert!(page.contains("Ditolak oleh Konsultan A"));
    assert!(page.contains("Diterima oleh Konsultan B"));
    assert!(page.contains("Sedang penuh"), "the reason in words");
    // Why each one was chosen: A covers the kab/kota, B the province.
    assert!(
        page.contains("cakupan kab/kota; 0 dari 10 rujukan terbuka saat itu"),
        "why A"
    );
    assert!(page.contains("cakupan provinsi;"), "why B");
    for machine in ["(regency", "(province", "(national"] {
        let at = page.find(machine);
        assert!(
            at.is_none(),
            "machine form {machine}: {}",
            at.map(|i| &page[i.saturating_sub(200)..i + 50])
                .unwrap_or_default()
        );
    }
    s.finish().await
}
both_engines!(answering, consultants_answer_offers_on_the_web);

/// (d) load per consultant and the median time to acceptance, within the scope.
async fn the_overview_counts_within_the_scope(db: TestApp) -> TestApp {
    let s = start(db).await;
    let service = &s.db.service;
    let offer_a = pandu::referrals::OfferId(s.open_offer(s.loteng, s.a).await);
    let reason = Some(pandu::referrals::DeclineReason::OutsideArea);
    let button = pandu::referrals::RefButton::Decline(offer_a, reason);
    service.answer_on_web(s.a, button).await.unwrap();
    let offer_b = pandu::referrals::OfferId(s.open_offer(s.loteng, s.b).await);
    let button = pandu::referrals::RefButton::Accept(offer_b);
    service.answer_on_web(s.b, button).await.unwrap();
    // B took 2 h 5 min to answer.
    sqlx::query(
        "UPDATE referral_offers SET offered_at = answered_at - 7500000 WHERE answer = 'accepted'",
    )
    .execute(service.store.pool())
    .await
    .unwrap();

    let admin = s.client("admin@pandu.test").await;
    let (status, page) = admin.get("/rujukan").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/staff\""), "admins manage staff");
    let row = |name: &str, org: &str, desk: &str, cov: &str, counts: &str| {
        format!("<td>{name}</td><td>{org}</td><td>{desk}</td><td>{cov}</td>{counts}")
    };
    let a_row = row(
        "Konsultan A",
        "Lembaga Konsultan A",
        "plut",
        "52.02",
        "<td>0</td><td>0</td><td>1</td><td>0</td><td>10</td>",
    );
    let b_row = row(
        "Konsultan B",
        "Lembaga Konsultan B",
        "plut",
        "52",
        "<td>0</td><td>1</td><td>0</td><td>0</td><td>10</td>",
    );
    let c_row = row(
        "Konsultan C",
        "Lembaga Konsultan C",
        "plut",
        "35",
        "<td>1</td><td>0</td><td>0</td><td>0</td><td>10</td>",
    );
    for r in [&a_row, &b_row, &c_row] {
        assert!(page.contains(r.as_str()), "{r} in {page}");
    }
    assert!(page.contains("<svg"), "a chart");
    assert!(page.contains("2 jam 5 menit"), "the median: {page}");
    assert!(page.contains("Nusa Tenggara Barat"), "per province");

    let loteng = s.client("loteng@pandu.test").await;
    let (_, page) = loteng.get("/rujukan").await;
    assert!(page.contains(b_row.as_str()), "{page}");
    assert!(page.contains("2 jam 5 menit"));
    assert!(!page.contains("Konsultan C"), "a Jawa Timur consultant");

    let jatim = s.client("jatim@pandu.test").await;
    let (status, page) = jatim.get("/rujukan").await;
    assert_eq!(status, 200);
    assert!(!page.contains(LOTENG), "no foreign referral");
    assert!(
        !page.contains("Konsultan A") && !page.contains("Konsultan B"),
        "{page}"
    );
    assert!(!page.contains("2 jam 5 menit"), "no foreign acceptance");
    assert!(page.contains(c_row.as_str()), "{page}");
    assert!(!page.contains("href=\"/staff\""));
    s.finish().await
}
both_engines!(overview, the_overview_counts_within_the_scope);

/// (e) only consultants whose coverage includes the lead's region can be assigned.
async fn assignment_follows_coverage(db: TestApp) -> TestApp {
    let s = start(db).await;
    let mut admin = s.client("admin@pandu.test").await;
    let (_, page) = admin.get(&format!("/leads/{}", s.surabaya)).await;
    let form = page.split("/assign\"").nth(1).expect("an assign form");
    let form = form.split("</form>").next().unwrap();
    for (id, listed) in [(s.a, false), (s.b, false), (s.c, true), (s.x, true)] {
        assert_eq!(
            form.contains(&format!("option value=\"{}\"", id.0)),
            listed,
            "consultant {id} in {form}"
        );
    }
    let csrf = admin.csrf_on("/rujukan").await;
    let path = format!("/leads/{}/assign", s.surabaya);
    let refused = admin
        .post(
            &path,
            &[("csrf", &csrf), ("consultant", &s.a.0.to_string())],
        )
        .await;
    assert_eq!(refused.0, 400, "Lombok Tengah does not cover Surabaya");
    let done = admin
        .post(
            &path,
            &[("csrf", &csrf), ("consultant", &s.x.0.to_string())],
        )
        .await;
    assert_eq!(done.0, 303);
    assert_eq!(
        s.db.scalar(&format!(
            "SELECT assigned_to FROM leads WHERE id = {}",
            s.surabaya
        ))
        .await,
        s.x.0
    );
    s.finish().await
}
both_engines!(assignment, assignment_follows_coverage);

/// (f) admins edit a consultant's coverage and create a link code; nobody else may.
async fn admins_manage_consultants(db: TestApp) -> TestApp {
    let s = start(db).await;
    let mut admin = s.client("admin@pandu.test").await;
    let (status, page) = admin.get("/staff").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Konsultan X") && page.contains("Dinas Loteng"),
        "{page}"
    );
    assert!(
        page.contains("Konsol · chat-a"),
        "the linked chat, its channel in words"
    );
    let csrf = admin.csrf_on("/staff").await;
    let path = format!("/staff/{}/profile", s.x.0);
    let form = |coverage: &'static str| {
        [
            ("organisation", "Dinas Koperasi Surabaya"),
            ("desk", "dinas_coach"),
            ("coverage", coverage),
            ("capacity", "4"),
            ("contact", "WA 0813"),
        ]
    };
    let with_csrf = |f: [(&'static str, &'static str); 5]| {
        let mut v: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        v.extend(f);
        v
    };
    let (status, _) = admin.post(&path, &with_csrf(form("Lombok"))).await;
    assert_eq!(status, 400, "a bad coverage is refused");
    let (status, page) = admin.post_page(&path, &with_csrf(form("Lombok"))).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("&quot;Lombok&quot; bukan kode daerah"),
        "a clear error: {page}"
    );
    let (status, to) = admin.post(&path, &with_csrf(form("35.78 52.02"))).await;
    assert_eq!((status, to.as_str()), (303, "/staff"));
    let x = store::staff::get(&s.db.service.store, s.x)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(x.profile.coverage.to_string(), "35.78 52.02");
    assert_eq!(x.profile.capacity, 4);
    assert_eq!(
        s.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'staff_profile'")
            .await,
        1
    );

    let code_path = format!("/staff/{}/link-code", s.x.0);
    let (status, page) = admin
        .post_page(&code_path, &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("/start link-"),
        "how to use it on Telegram: {page}"
    );
    assert!(page.contains("<code>link "), "and on WhatsApp");
    assert_eq!(
        s.db.scalar(&format!(
            "SELECT COUNT(*) FROM link_codes WHERE staff_id = {}",
            s.x.0
        ))
        .await,
        1
    );
    let disable = admin
        .post(&format!("/staff/{}/disable", s.x.0), &[("csrf", &csrf)])
        .await;
    assert_eq!(disable.0, 303);
    assert_eq!(
        s.db.scalar(&format!("SELECT disabled FROM staff WHERE id = {}", s.x.0))
            .await,
        1
    );
    let enable = admin
        .post(&format!("/staff/{}/enable", s.x.0), &[("csrf", &csrf)])
        .await;
    assert_eq!(enable.0, 303);

    for email in ["konsultan-a@pandu.test", "loteng@pandu.test"] {
        let mut other = s.client(email).await;
        assert_eq!(other.get("/staff").await.0, 404, "{email}");
        let csrf = other.csrf_on("/rujukan").await;
        assert_eq!(
            other.post(&code_path, &[("csrf", &csrf)]).await.0,
            404,
            "{email}"
        );
    }
    s.finish().await
}
both_engines!(staff_management, admins_manage_consultants);

/// With the bot's username known, the link code page links straight to the bot.
#[tokio::test]
async fn a_known_bot_gives_a_telegram_link() {
    let db = TestApp::sqlite().await;
    account(&db, "admin@pandu.test", "Admin", Role::Admin, None).await;
    let x = consultant(&db, "Konsultan X", Desk::Plut, "52", None).await;
    let state = pandu::web::AppState::new(db.service.clone(), false, Some("pandu_bot".into()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, pandu::web::router(state))
            .await
            .unwrap();
    });
    let mut admin = Client::new(&format!("http://{addr}"));
    assert_eq!(admin.login("admin@pandu.test").await, 303);
    let csrf = admin.csrf_on("/staff").await;
    let (status, page) = admin
        .post_page(&format!("/staff/{}/link-code", x.0), &[("csrf", &csrf)])
        .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("href=\"https://t.me/pandu_bot?start=link-"),
        "{page}"
    );
    server.abort();
    db.finish().await;
}
