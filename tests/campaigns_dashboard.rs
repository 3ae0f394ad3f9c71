//! Outreach campaigns on the dashboard, over HTTP against the real app on both engines: an
//! officer of Jawa Timur writes a campaign and counts its recipients, stays inside their
//! region, tests, schedules, pauses, resumes and cancels it with the buttons; a started
//! campaign's results per region on the page and in the exports; who may not see what; and
//! an admin adding an outreach account.

mod common;

use common::TestApp;
use common::dash::{Client, PASSWORD};
use common::subscribers::{Sub, seed};
use common::telegram_app::{Running, start_with};
use pandu::access::{Role, StaffId};
use pandu::config::Config;
use pandu::domain::{ChannelKind, UserKey};
use pandu::reference::RegionCode;
use pandu::store::{self, links::Link};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime, UtcOffset};

const BODY: &str = "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.";

struct Setup {
    db: TestApp,
    app: Running,
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

    async fn state_of(&self, id: i64) -> String {
        let row: (String,) = sqlx::query_as("SELECT state FROM campaigns WHERE id = $1")
            .bind(id)
            .fetch_one(self.db.service.store.pool())
            .await
            .unwrap();
        row.0
    }
}

async fn account(db: &TestApp, email: &str, role: Role, region: Option<&str>) -> StaffId {
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let region = region.map(|r| RegionCode::parse(r).unwrap());
    let now = OffsetDateTime::now_utc();
    store::staff::add(
        &db.service.store,
        email,
        email,
        role,
        region.as_ref(),
        &hash,
        now,
    )
    .await
    .unwrap()
}

async fn link(db: &TestApp, staff: StaffId, chat: &str) {
    let link = Link {
        staff,
        channel: ChannelKind::Console,
        user: UserKey::new(chat),
    };
    let mut tx = db.service.store.begin().await.unwrap();
    store::links::link(&mut tx, &link, OffsetDateTime::now_utc())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// Subscribers: three in Jawa Timur (two perlu_nib in Sidoarjo, one siap_bina_umk in
/// Surabaya), one there who opted out, two in Lombok Tengah. Accounts: the admin, two
/// Jawa Timur officers (one linked to a chat), an NTB officer, a dinas and a konsultan.
async fn start(db: TestApp) -> Setup {
    let subs = [
        Sub::new("sidoarjo-1"),
        Sub::new("sidoarjo-2"),
        Sub {
            region: Some("35.78"),
            outcome: "siap_bina_umk",
            ..Sub::new("surabaya")
        },
        Sub {
            subscribed: false,
            ..Sub::new("sidoarjo-berhenti")
        },
        Sub {
            region: Some("52.02"),
            ..Sub::new("lombok-1")
        },
        Sub {
            region: Some("52.02"),
            ..Sub::new("lombok-2")
        },
    ];
    seed(&db.service.store, &subs).await;
    account(&db, "admin@pandu.test", Role::Admin, None).await;
    let jatim = account(&db, "jatim@pandu.test", Role::Outreach, Some("35")).await;
    link(&db, jatim, "chat-jatim").await;
    account(&db, "jatim-2@pandu.test", Role::Outreach, Some("35")).await;
    account(&db, "ntb@pandu.test", Role::Outreach, Some("52")).await;
    account(&db, "dinas@pandu.test", Role::Dinas, Some("35")).await;
    account(&db, "konsultan@pandu.test", Role::Konsultan, None).await;
    let mut vars: HashMap<&str, String> = HashMap::new();
    vars.insert("DATABASE_URL", db.database_url());
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        db.documents_dir().display().to_string(),
    );
    let config = Config::from_lookup(|name| vars.get(name).cloned()).unwrap();
    let app = start_with(config).await;
    Setup { db, app }
}

/// The new-campaign form's fields, Telegram only, with `more` added or replacing.
fn campaign_form<'a>(
    csrf: &'a str,
    action: &'a str,
    more: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("csrf", csrf),
        ("action", action),
        ("name", "Gelombang 2"),
        ("body", BODY),
        ("image", ""),
        ("button", "Cek sekarang"),
        ("region", "35"),
        ("channel", "telegram"),
        ("active_days", ""),
        ("zone", "wib"),
        ("quiet_start", "21:00"),
        ("quiet_end", "06:00"),
        ("template", ""),
        ("params", ""),
    ];
    for (key, value) in more {
        form.retain(|(k, _)| k != key);
        form.push((key, value));
    }
    form
}

/// The id in `/kampanye/{id}`.
fn id_in(location: &str) -> i64 {
    location
        .strip_prefix("/kampanye/")
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a campaign page: {location:?}"))
}

/// Write, count, test, schedule, pause, resume and cancel, as the Jawa Timur officer.
async fn an_officer_runs_a_campaign_in_their_region(db: TestApp) -> TestApp {
    let s = start(db).await;
    let mut jatim = Client::new(&format!("http://{}", s.app.addr));
    let (status, home) = jatim
        .post(
            "/login",
            &[("email", "jatim@pandu.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        (status, home.as_str()),
        (303, "/kampanye"),
        "outreach lands on campaigns"
    );
    assert_eq!(jatim.get("/").await.0, 303, "home redirects");
    let (status, page) = jatim.get("/kampanye").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/kampanye\""), "nav item: {page}");
    assert!(!page.contains("href=\"/leads\""), "no leads for outreach");
    assert!(page.contains("Belum ada kampanye."));

    let (status, page) = jatim.get("/kampanye/baru").await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"region\""), "{page}");
    assert!(page.contains("value=\"35\""), "prefilled with their region");
    assert!(page.contains("Hitung penerima"));
    assert!(
        page.contains("value=\"21:00\"") && page.contains("value=\"06:00\""),
        "quiet hours"
    );
    let csrf = jatim.csrf_on("/kampanye/baru").await;

    // The count: the three subscribers of Jawa Timur, two of them perlu_nib.
    let (status, page) = jatim
        .post_page("/kampanye/baru", &campaign_form(&csrf, "count", &[]))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("3 penerima"), "{page}");
    assert!(page.contains(BODY), "the form keeps what was typed");
    let (_, page) = jatim
        .post_page(
            "/kampanye/baru",
            &campaign_form(&csrf, "count", &[("outcome", "perlu_nib")]),
        )
        .await;
    assert!(page.contains("2 penerima"), "{page}");
    assert!(
        page.contains("value=\"perlu_nib\" checked"),
        "the tick stays"
    );

    // Outside the region: neither counted nor saved.
    for action in ["count", "create"] {
        let form = campaign_form(&csrf, action, &[("region", "52")]);
        let (status, page) = jatim.post_page("/kampanye/baru", &form).await;
        assert_eq!(status, 400, "{action}");
        assert!(
            page.contains("Sasaran kampanye di luar wilayah Anda."),
            "{page}"
        );
        assert!(!page.contains("2 penerima"), "Lombok's count is not shown");
    }
    let form = campaign_form(&csrf, "create", &[("channel", "whatsapp")]);
    let (status, page) = jatim.post_page("/kampanye/baru", &form).await;
    assert_eq!(status, 400);
    assert!(page.contains("isi nama template WhatsApp"), "{page}");
    let form = campaign_form(&csrf, "create", &[("region", "Lombok")]);
    let (_, page) = jatim.post_page("/kampanye/baru", &form).await;
    assert!(
        page.contains("&quot;Lombok&quot; bukan kode daerah"),
        "{page}"
    );
    assert_eq!(s.db.scalar("SELECT COUNT(*) FROM campaigns").await, 0);

    // Saved as a draft.
    let (status, to) = jatim
        .post("/kampanye/baru", &campaign_form(&csrf, "create", &[]))
        .await;
    assert_eq!(status, 303);
    let id = id_in(&to);
    let path = |action: &str| format!("/kampanye/{id}/{action}");
    assert_eq!(s.state_of(id).await, "draft");
    let (status, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(BODY) && page.contains("Cek sekarang"),
        "the preview"
    );
    assert!(page.contains("Draf"));
    assert!(page.contains("Jawa Timur (35)"), "audience summary");
    assert!(page.contains("3 penerima"), "who it reaches now");
    assert!(page.contains(&format!("action=\"{}\"", path("uji"))));
    assert!(page.contains(&format!("action=\"{}\"", path("jadwal"))));
    assert!(page.contains("type=\"datetime-local\""));
    assert!(!page.contains(&path("jeda")) && !page.contains(&path("lanjut")));
    let (_, list) = jatim.get("/kampanye").await;
    assert!(list.contains(&format!("href=\"/kampanye/{id}\"")) && list.contains("Gelombang 2"));

    // Not before a test; the officer without a linked chat is told how.
    let tomorrow = (OffsetDateTime::now_utc() + Duration::days(1))
        .to_offset(UtcOffset::from_hms(7, 0, 0).unwrap())
        .date();
    let at = format!("{tomorrow}T09:00");
    let schedule = [("csrf", csrf.as_str()), ("at", at.as_str()), ("when", "at")];
    let (status, page) = jatim.post_page(&path("jadwal"), &schedule).await;
    assert_eq!(status, 409);
    assert!(
        page.contains("Kirim uji coba ke nomor Anda sendiri dulu"),
        "{page}"
    );
    let mut jatim_2 = s.client("jatim-2@pandu.test").await;
    let csrf_2 = jatim_2.csrf_on("/kampanye").await;
    let (status, page) = jatim_2.post_page(&path("uji"), &[("csrf", &csrf_2)]).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Sambungkan dulu Telegram atau WhatsApp Anda"),
        "{page}"
    );
    assert_eq!(
        jatim_2.post(&path("uji"), &[("csrf", "forged")]).await.0,
        403
    );

    let (status, to) = jatim.post(&path("uji"), &[("csrf", &csrf)]).await;
    assert_eq!(
        (status, to.as_str()),
        (303, format!("/kampanye/{id}?ok=test").as_str())
    );
    assert_eq!(
        s.db.scalar(
            "SELECT COUNT(*) FROM outbox WHERE channel = 'console' AND recipient = 'chat-jatim'"
        )
        .await,
        1,
        "the test is queued for the officer's chat"
    );
    let (_, page) = jatim.get(&to).await;
    assert!(page.contains("Uji coba sudah dikirim"), "{page}");

    // Scheduled for tomorrow 09:00 WIB, then paused, resumed and cancelled.
    let (status, to) = jatim.post(&path("jadwal"), &schedule).await;
    assert_eq!(
        (status, to.as_str()),
        (303, format!("/kampanye/{id}?ok=scheduled").as_str())
    );
    assert_eq!(s.state_of(id).await, "scheduled");
    let nine = tomorrow.with_hms(2, 0, 0).unwrap().assume_utc();
    assert_eq!(
        s.db.scalar(&format!("SELECT starts_at FROM campaigns WHERE id = {id}"))
            .await,
        (nine.unix_timestamp_nanos() / 1_000_000) as i64,
        "09:00 WIB is 02:00 UTC"
    );
    let (_, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert!(
        page.contains("Terjadwal") && page.contains(&format!("{tomorrow} 09:00 WIB")),
        "{page}"
    );
    assert!(page.contains(&path("jeda")) && page.contains(&path("batal")));
    assert!(!page.contains(&path("uji")) && !page.contains(&path("lanjut")));

    assert_eq!(jatim.post(&path("jeda"), &[("csrf", &csrf)]).await.0, 303);
    assert_eq!(s.state_of(id).await, "paused");
    let (_, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert!(
        page.contains("Dijeda") && page.contains(&path("lanjut")) && !page.contains(&path("jeda"))
    );
    assert_eq!(jatim.post(&path("lanjut"), &[("csrf", &csrf)]).await.0, 303);
    assert_eq!(s.state_of(id).await, "scheduled");
    assert_eq!(jatim.post(&path("batal"), &[("csrf", &csrf)]).await.0, 303);
    assert_eq!(s.state_of(id).await, "cancelled");
    let (_, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert!(page.contains("Dibatalkan"));
    for action in ["uji", "jadwal", "jeda", "lanjut", "batal"] {
        assert!(
            !page.contains(&path(action)),
            "no {action} button when cancelled"
        );
    }
    let (status, page) = jatim.post_page(&path("jeda"), &[("csrf", &csrf)]).await;
    assert_eq!(status, 409, "a stale button");
    assert!(page.contains("tidak bisa diubah"), "{page}");
    assert_eq!(
        s.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'campaign_%'")
            .await,
        6,
        "create, test, schedule, pause, resume, cancel"
    );

    // Another region's officer, a dinas and a konsultan.
    let mut ntb = s.client("ntb@pandu.test").await;
    assert_eq!(ntb.get(&format!("/kampanye/{id}")).await.0, 404);
    assert_eq!(ntb.get(&format!("/kampanye/{id}/hasil.csv")).await.0, 404);
    let (_, list) = ntb.get("/kampanye").await;
    assert!(!list.contains("Gelombang 2"), "not in their list");
    let csrf_ntb = ntb.csrf_on("/kampanye").await;
    assert_eq!(ntb.post(&path("jeda"), &[("csrf", &csrf_ntb)]).await.0, 404);
    for email in ["dinas@pandu.test", "konsultan@pandu.test"] {
        let mut other = s.client(email).await;
        for page in [
            "/kampanye",
            "/kampanye/baru",
            &format!("/kampanye/{id}"),
            &path("hasil.csv"),
        ] {
            let (status, body) = other.get(page).await;
            assert_eq!(status, 403, "{email} {page}");
            assert!(body.contains("Tidak diizinkan"), "a page that says so");
        }
        let csrf = other.csrf_on("/leads").await;
        assert_eq!(
            other.post(&path("batal"), &[("csrf", &csrf)]).await.0,
            403,
            "{email}"
        );
        let (_, leads) = other.get("/leads").await;
        assert!(
            !leads.contains("href=\"/kampanye\""),
            "no nav item for {email}"
        );
    }
    s.finish().await
}
both_engines!(officer, an_officer_runs_a_campaign_in_their_region);

/// Started now: the runner writes its recipients, and the page and exports count them per
/// region.
async fn results_per_region_on_the_page_and_in_the_exports(db: TestApp) -> TestApp {
    let s = start(db).await;
    let mut jatim = s.client("jatim@pandu.test").await;
    let csrf = jatim.csrf_on("/kampanye/baru").await;
    // No quiet hours, so the notices are queued whatever the time of the test.
    let form = campaign_form(&csrf, "create", &[("quiet_start", ""), ("quiet_end", "")]);
    let (status, to) = jatim.post("/kampanye/baru", &form).await;
    assert_eq!(status, 303);
    let id = id_in(&to);
    let (_, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert!(
        page.contains("Belum ada penerima"),
        "no results yet: {page}"
    );
    assert_eq!(
        jatim
            .post(&format!("/kampanye/{id}/uji"), &[("csrf", &csrf)])
            .await
            .0,
        303
    );
    let now = [("csrf", csrf.as_str()), ("at", ""), ("when", "now")];
    assert_eq!(
        jatim.post(&format!("/kampanye/{id}/jadwal"), &now).await.0,
        303
    );
    let count = format!("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = {id}");
    for _ in 0..100 {
        if s.db.scalar(&count).await == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        s.db.scalar(&count).await,
        3,
        "the served runner wrote the recipients"
    );

    let (status, page) = jatim.get(&format!("/kampanye/{id}")).await;
    assert_eq!(status, 200);
    let table = page
        .split("id=\"campaign-results\"")
        .nth(1)
        .expect("a results table");
    assert!(
        table.contains("<th scope=\"row\">Kabupaten Sidoarjo (35.15)</th><td>2</td>"),
        "{table}"
    );
    assert!(
        table.contains("<th scope=\"row\">Kota Surabaya (35.78)</th><td>1</td>"),
        "{table}"
    );
    assert!(
        table.contains("<th scope=\"row\">Jumlah</th><td>3</td>"),
        "{table}"
    );
    for column in [
        "Terkirim",
        "Sampai",
        "Dibaca",
        "Mulai cek",
        "Selesai cek",
        "Dirujuk",
        "Dalam antrean",
        "Gagal",
        "Berhenti langganan",
    ] {
        assert!(table.contains(&format!(">{column}</th>")), "{column}");
    }
    assert!(
        page.contains("<svg") && page.contains("role=\"img\""),
        "a chart"
    );
    assert!(
        page.contains("aria-label=\"Corong hasil kampanye: Terkirim"),
        "labelled for screen readers"
    );
    assert!(page.contains(&format!("href=\"/kampanye/{id}/hasil.csv\"")));
    assert!(page.contains(&format!("href=\"/kampanye/{id}/hasil.xlsx\"")));

    let (status, bytes, kind) = jatim.get_bytes(&format!("/kampanye/{id}/hasil.csv")).await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/csv"), "{kind}");
    let csv = String::from_utf8(bytes).unwrap();
    let quoted: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        quoted
            .iter()
            .all(|l| l.starts_with('"') && l.ends_with('"')),
        "every field quoted: {csv}"
    );
    let unquoted: Vec<String> = quoted.iter().map(|l| l.replace('"', "")).collect();
    let lines: Vec<&str> = unquoted.iter().map(String::as_str).collect();
    assert_eq!(
        lines[0],
        "region_code,region_name,recipients,waiting,queued,sent,delivered,read,failed,opted_out,cancelled,started,finished,referred"
    );
    assert!(lines[1].starts_with("35.15,Kabupaten Sidoarjo,2,"), "{csv}");
    assert!(lines[2].starts_with("35.78,Kota Surabaya,1,"), "{csv}");
    assert!(lines[3].starts_with("total,,3,"), "{csv}");
    assert_eq!(lines.len(), 4);
    let (status, bytes, kind) = jatim.get_bytes(&format!("/kampanye/{id}/hasil.xlsx")).await;
    assert_eq!(status, 200);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    assert!(bytes.starts_with(b"PK"), "a zip");
    assert_eq!(
        s.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'campaign_export_%'")
            .await,
        2
    );

    let admin = s.client("admin@pandu.test").await;
    let (status, list) = admin.get("/kampanye").await;
    assert_eq!(status, 200);
    let row = list
        .split(&format!("href=\"/kampanye/{id}\""))
        .nth(1)
        .expect("listed for the admin");
    let row = row.split("</tr>").next().unwrap();
    assert!(row.contains("<td>3</td>"), "recipients in the list: {row}");
    assert!(
        list.contains("href=\"/leads\"") && list.contains("href=\"/kampanye\""),
        "admin nav"
    );
    s.finish().await
}
both_engines!(results, results_per_region_on_the_page_and_in_the_exports);

/// An admin adds an outreach officer (national when no region is given), who sets their
/// password with the one-time link and then signs in to the campaigns; only known roles can
/// be given.
async fn an_admin_adds_an_outreach_officer(db: TestApp) -> TestApp {
    let s = start(db).await;
    let admin = s.client("admin@pandu.test").await;
    let (status, page) = admin.get("/staff").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("action=\"/staff\""),
        "a new-account form: {page}"
    );
    assert!(
        page.contains("<option value=\"outreach\">"),
        "the role select lists outreach"
    );
    assert!(
        page.contains("jatim@pandu.test"),
        "outreach accounts are listed"
    );
    let csrf = admin.csrf_on("/staff").await;
    let form = |email: &'static str, role: &'static str, region: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Petugas Nasional".to_owned()),
            ("email", email.to_owned()),
            ("role", role.to_owned()),
            ("region", region.to_owned()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let admin = admin.clone();
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin.post_page("/staff", &pairs).await
        }
    };
    let (status, page) = post(form("baru@pandu.test", "raja", "")).await;
    assert_eq!(status, 400, "an unknown role");
    assert!(page.contains("tidak dikenal"), "{page}");
    let (status, page) = post(form("jatim@pandu.test", "outreach", "")).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Sudah ada akun dengan email jatim@pandu.test"),
        "{page}"
    );
    let (status, page) = post(form("baru@pandu.test", "dinas", "")).await;
    assert_eq!(status, 400);
    assert!(page.contains("Akun dinas perlu daerah"), "{page}");

    let (status, page) = post(form("baru@pandu.test", "outreach", "")).await;
    assert_eq!(status, 200, "{page}");
    let at = page.find("/kata-sandi/").expect("a one-time password link");
    let link = page[at..at + "/kata-sandi/".len() + 64].to_owned();
    let added = store::staff::by_email(&s.db.service.store, "baru@pandu.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((added.role, added.region.clone()), (Role::Outreach, None));
    assert_eq!(added.campaign_reach(), Some(None), "national");
    assert_eq!(
        s.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'staff_added'")
            .await,
        1
    );
    // Their chat can be linked for test sends.
    let (status, page) = admin
        .post_page(
            &format!("/staff/{}/link-code", added.id.0),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(status, 200, "{page}");
    let mut baru = Client::new(&format!("http://{}", s.app.addr));
    let (status, _) = baru
        .post(&link, &[("password", PASSWORD), ("repeat", PASSWORD)])
        .await;
    assert_eq!(status, 303, "the password is set with the link");
    let (status, home) = baru
        .post(
            "/login",
            &[("email", "baru@pandu.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!((status, home.as_str()), (303, "/kampanye"));
    let (_, page) = baru.get("/kampanye/baru").await;
    assert!(
        page.contains("Kode provinsi atau kab/kota"),
        "national: any region"
    );
    assert!(
        !page.contains("name=\"region\" list=\"campaign-regions\" required"),
        "{page}"
    );

    let mut dinas = s.client("dinas@pandu.test").await;
    let csrf_dinas = dinas.csrf_on("/leads").await;
    let pairs = [
        ("csrf", csrf_dinas.as_str()),
        ("name", "x"),
        ("email", "x@pandu.test"),
        ("role", "outreach"),
    ];
    assert_eq!(dinas.post("/staff", &pairs).await.0, 404, "admins only");
    s.finish().await
}
both_engines!(staff, an_admin_adds_an_outreach_officer);
