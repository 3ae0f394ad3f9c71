//! The dashboard in real headless Chromium: sign in to the home page, filter, open a lead in
//! both languages, view a document, change the status, export, answer an owner on Telegram. A screenshot of each page goes to `target/screenshots/`.

mod common;

use common::TestApp;
use common::dash::{PASSWORD, start};
use common::fake_telegram::FakeTelegram;
use common::telegram_app::{self, Options};
use common::tg_user::{TgUser, finished_owner, texts};
use headless_chrome::protocol::cdp::Page;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";

/// Without Chromium the browser tests are skipped, said so; CI must have it (.ci/run installs it).
fn have_chromium() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    assert_ne!(
        std::env::var("CI").as_deref(),
        Ok("true"),
        "CI must have chromium"
    );
    eprintln!("SKIPPED: browser test, no {CHROMIUM}");
    false
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn browser(profile: &Path) -> Browser {
    // Flags from this machine's notes: no sandbox as root, and no background networking
    // (the machine's closed network refuses it).
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1280, 900)))
        .user_data_dir(Some(profile.to_path_buf()))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    Browser::new(options).expect("chromium starts")
}

/// The whole page, not just the window: the page's full size, captured beyond the viewport.
fn shot(tab: &Tab, name: &str) {
    use base64::Engine;
    let size = tab
        .call_method(Page::GetLayoutMetrics(None))
        .unwrap()
        .css_content_size;
    let data = tab
        .call_method(Page::CaptureScreenshot {
            format: Some(CaptureScreenshotFormatOption::Png),
            quality: None,
            clip: Some(Page::Viewport {
                x: 0.0,
                y: 0.0,
                width: size.width,
                height: size.height,
                scale: 1.0,
            }),
            from_surface: Some(true),
            capture_beyond_viewport: Some(true),
            optimize_for_speed: None,
        })
        .unwrap()
        .data;
    let png = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
}

fn text(tab: &Tab) -> String {
    tab.find_element("body").unwrap().get_inner_text().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dinas_officer_works_a_lead_in_the_browser() {
    if !have_chromium() {
        return;
    }
    let dash = start(TestApp::sqlite().await).await;
    let base = format!("http://{}", dash.app.addr);
    let (loteng, surabaya, document) = (
        dash.seeded.loteng,
        dash.seeded.surabaya,
        dash.seeded.document,
    );
    let profile = tempfile::tempdir().unwrap();
    let profile_path = profile.path().to_path_buf();
    // headless_chrome is synchronous: drive it off the async runtime that serves the app.
    tokio::task::spawn_blocking(move || {
        let browser = browser(&profile_path);
        let tab: Arc<Tab> = browser.new_tab().unwrap();
        tab.navigate_to(&format!("{base}/login")).unwrap().wait_until_navigated().unwrap();
        shot(&tab, "01-login");
        tab.find_element("input[name=email]").unwrap().type_into("ntb@pandu.test").unwrap();
        tab.find_element("input[name=password]").unwrap().type_into(PASSWORD).unwrap();
        tab.find_element("form[action='/login'] button[type=submit]").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        // The officer lands on today's numbers; each opens the list it counts.
        tab.wait_for_element("div.tiles").unwrap();
        let home = text(&tab);
        assert!(home.contains("Hari ini") && home.contains("Siap mengajukan SNI Bina UMK"), "{home}");
        shot(&tab, "02-home");
        tab.find_element("a.tile[href*='outcome=siap_bina_umk']").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("table.leads").unwrap();
        assert!(tab.get_url().contains("/leads?outcome=siap_bina_umk"), "{}", tab.get_url());
        let list = text(&tab);
        assert!(list.contains("Kabupaten Lombok Tengah") && list.contains("Kota Mataram"), "{list}");
        assert!(!list.contains("UD Surabaya Jaya"), "another province's lead is not listed");
        assert!(!list.contains("siap_bina_umk"), "outcomes in words: {list}");
        shot(&tab, "03-leads");

        // Filter to one kabupaten.
        tab.find_element("input[name=region]").unwrap().type_into("52.02").unwrap();
        tab.find_element("form.filters button").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("table.leads").unwrap();
        let filtered = text(&tab);
        assert!(filtered.contains("Kabupaten Lombok Tengah") && !filtered.contains("Kota Mataram"), "{filtered}");
        shot(&tab, "03b-filtered");

        // Open the lead.
        tab.find_element(&format!("a[href='/leads/{loteng}']")).unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("form[action$='/status']").unwrap();
        let lead = text(&tab);
        assert!(lead.contains("Siap mengajukan SNI Bina UMK") && lead.contains("Sudah punya NIB?"), "{lead}");
        assert!(!lead.contains("siap_bina_umk") && !lead.contains("requirements_met"), "{lead}");
        tab.wait_for_element("div.doc img").unwrap();
        shot(&tab, "04-lead-id");

        // The same page in English, and back.
        tab.find_element("form.lang button").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("form[action$='/status']").unwrap();
        let english = text(&tab);
        assert!(english.contains("Ready to apply for SNI Bina UMK") && english.contains("Has an NIB?"), "{english}");
        assert!(tab.get_url().ends_with(&format!("/leads/{loteng}")), "{}", tab.get_url());
        shot(&tab, "04-lead-en");
        tab.find_element("form.lang button").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("form[action$='/status']").unwrap();
        assert!(text(&tab).contains("Sudah punya NIB?"));

        // Change the status.
        tab.find_element("select[name=status]").unwrap().click().unwrap();
        tab.evaluate("document.querySelector('select[name=status]').value = 'diverifikasi'", false).unwrap();
        tab.find_element("form[action$='/status'] button").unwrap().click().unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("form[action$='/status']").unwrap();
        let after = text(&tab);
        assert!(after.contains("Sudah diverifikasi"), "{after}");
        shot(&tab, "05-status-changed");

        // Export: the link works for this session.
        let status = tab
            .evaluate("fetch('/leads/export.xlsx').then(r => r.status + ' ' + r.headers.get('content-type'))", true)
            .unwrap()
            .value
            .unwrap();
        assert!(status.as_str().unwrap().starts_with("200 application/vnd.openxmlformats"), "{status:?}");

        // View the document, as the browser shows it.
        tab.navigate_to(&format!("{base}/leads/{loteng}/documents/{document}")).unwrap().wait_until_navigated().unwrap();
        shot(&tab, "06-document");
                // Another province's lead is simply not there.
        tab.navigate_to(&format!("{base}/leads/{surabaya}")).unwrap().wait_until_navigated().unwrap();
        let page = text(&tab);
        assert!(page.contains("Tidak ditemukan") && !page.contains("UD Surabaya Jaya"), "{page}");
        shot(&tab, "07-out-of-scope");
    })
    .await
    .unwrap();
    let views = dash
        .db
        .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'document_view'")
        .await;
    // The lead page shows the photo as a thumbnail (twice: in Indonesian, English, Indonesian
    // again) and the officer opened it once more.
    assert!(
        views >= 2,
        "the browser's document views are audited: {views}"
    );
    dash.finish().await;
}

/// Sign in as `email` in a fresh browser profile, on the leads page.
fn signed_in(base: &str, profile: &Path, email: &str) -> (Browser, Arc<Tab>) {
    let browser = browser(profile);
    let tab: Arc<Tab> = browser.new_tab().unwrap();
    tab.navigate_to(&format!("{base}/login"))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.find_element("input[name=email]")
        .unwrap()
        .type_into(email)
        .unwrap();
    tab.find_element("input[name=password]")
        .unwrap()
        .type_into(PASSWORD)
        .unwrap();
    tab.find_element("form[action='/login'] button[type=submit]")
        .unwrap()
        .click()
        .unwrap();
    tab.wait_until_navigated().unwrap();
    // Signed in once the page frame has the logout form.
    tab.wait_for_element("form[action='/logout']").unwrap();
    (browser, tab)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consultant_accepts_a_referral_and_the_admin_sees_it_in_the_browser() {
    if !have_chromium() {
        return;
    }
    let dash = start(TestApp::sqlite().await).await;
    let db = &dash.db;
    // Konsultan A (PLUT NTB, all of NTB) links a chat; then a new owner in Lombok Tengah finishes.
    let link = pandu::store::links::Link {
        staff: dash.seeded.konsultan_a,
        channel: pandu::domain::ChannelKind::Console,
        user: pandu::domain::UserKey::new("chat-konsultan-a"),
    };
    // The seeded leads' referrals are settled first (nobody was linked: escalated), so only
    // the new lead is offered to A, however fast the served app's own scheduler is.
    let scheduler = pandu::workers::Scheduler::new(db.service.clone());
    scheduler
        .fire_due(time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    let mut tx = db.service.store.begin().await.unwrap();
    pandu::store::links::link(&mut tx, &link, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut owner = db.user("u-browser");
    let mut lines: Vec<&str> = common::HAPPY_PATH.to_vec();
    lines[3] = "Madu Trigona Sembalun";
    for line in lines {
        owner.say(line).await;
    }
    scheduler
        .fire_due(time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    let base = format!("http://{}", dash.app.addr);
    let profiles = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let paths: Vec<PathBuf> = profiles.iter().map(|p| p.path().to_path_buf()).collect();
    tokio::task::spawn_blocking(move || {
        let (_browser, tab) = signed_in(&base, &paths[0], "konsultan-a@pandu.test");
        tab.navigate_to(&format!("{base}/rujukan"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        let mine = text(&tab);
        assert!(mine.contains("Madu Trigona Sembalun"), "{mine}");
        shot(&tab, "10-rujukan-saya");
        // Submitted as the button does, without depending on where it sits on a busy machine.
        tab.wait_for_element("form[action$='/terima'] button")
            .unwrap();
        tab.evaluate(
            "document.querySelector(\"form[action$='/terima'] button\").click()",
            false,
        )
        .unwrap();
        tab.wait_until_navigated().unwrap();
        // The page after the POST's redirect has nothing left to answer.
        let answered = (0..150).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            tab.find_element("form[action$='/terima']").is_err()
        });
        assert!(answered, "nothing left to answer");
        let after = text(&tab);
        assert!(
            after.contains("Madu Trigona Sembalun"),
            "listed as accepted: {after}"
        );
        shot(&tab, "11-rujukan-accepted");
        let href = tab
            .find_element("main a[href^='/leads/']")
            .unwrap()
            .get_attribute_value("href")
            .unwrap()
            .unwrap();
        tab.navigate_to(&format!("{base}{href}"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        tab.wait_for_element("form[action$='/notes']").unwrap();
        let lead = text(&tab);
        assert!(
            lead.contains("konsultan-a@pandu.test") && lead.contains("PLUT NTB"),
            "the referral card: {lead}"
        );
        shot(&tab, "12-lead-referral");

        let (_admin, tab) = signed_in(&base, &paths[1], "admin@pandu.test");
        tab.navigate_to(&format!("{base}/rujukan"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        let overview = text(&tab);
        assert!(overview.contains("konsultan-a@pandu.test"), "{overview}");
        assert!(tab.find_element("svg").is_ok(), "the median chart is drawn");
        shot(&tab, "13-rujukan-overview");
        tab.navigate_to(&format!("{base}/staff"))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        assert!(
            text(&tab).contains("konsultan-a@pandu.test"),
            "the staff page lists the consultant"
        );
        shot(&tab, "14-staff");
    })
    .await
    .unwrap();
    let owner_told = db
        .scalar("SELECT COUNT(*) FROM outbox WHERE recipient = 'u-browser' AND payload LIKE '%Kabar baik%'")
        .await;
    assert_eq!(owner_told, 1, "accepting on the web tells the owner");
    dash.finish().await;
}

/// A dinas officer sees the owner's message on her home page, opens it from the count, and
/// answers in the browser; the answer reaches the owner's Telegram chat from Pandu.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_answers_an_owner_from_the_browser_and_it_reaches_telegram() {
    if !have_chromium() {
        return;
    }
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options::default();
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = pandu::app::build(&telegram_app::config(&fake, &dir, &options, 0))
        .await
        .unwrap();
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let region = pandu::reference::RegionCode::parse("52.02").unwrap();
    let now = time::OffsetDateTime::now_utc();
    pandu::store::staff::add(
        &service.store,
        "sari@loteng.go.id",
        "Sari Wulandari",
        pandu::access::Role::Dinas,
        Some(&region),
        &hash,
        now,
    )
    .await
    .unwrap();
    let mut owner = TgUser::new(&fake, 300, None);
    finished_owner(&mut owner).await;
    owner
        .say("Bu, sertifikat NIB saya sudah jadi minggu lalu")
        .await;
    let lead: i64 = sqlx::query_scalar("SELECT MAX(id) FROM leads")
        .fetch_one(service.store.pool())
        .await
        .unwrap();
    let base = format!("http://{}", app.addr);
    let profile = tempfile::tempdir().unwrap();
    let path = profile.path().to_path_buf();
    const ANSWER: &str = "Bagus, Bu. Silakan datang hari Senin membawa NIB dan contoh label.";
    tokio::task::spawn_blocking(move || {
        let (_browser, tab) = signed_in(&base, &path, "sari@loteng.go.id");
        tab.wait_for_element("div.tiles").unwrap();
        shot(&tab, "20-home-waiting");
        tab.find_element("a.tile[href*='waiting=question']")
            .unwrap()
            .click()
            .unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("table.leads").unwrap();
        tab.find_element(&format!("a[href='/leads/{lead}']"))
            .unwrap()
            .click()
            .unwrap();
        tab.wait_until_navigated().unwrap();
        tab.wait_for_element("form.reply textarea[name=body]")
            .unwrap();
        assert!(
            text(&tab).contains("sertifikat NIB saya sudah jadi"),
            "the owner's message is on the lead"
        );
        tab.find_element("form.reply textarea[name=body]")
            .unwrap()
            .type_into(ANSWER)
            .unwrap();
        shot(&tab, "21-reply-typed");
        // Submitted as the button does, without depending on where it sits on a busy machine.
        tab.evaluate(
            "document.querySelector(\"form.reply button[type=submit]\").click()",
            false,
        )
        .unwrap();
        // The POST answers with the lead page at its thread; reloading before that would
        // cancel the submission.
        let answered = (0..150).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            tab.get_url().ends_with("#thread")
        });
        assert!(answered, "the reply was posted: {}", tab.get_url());
        // The sender delivers in its own time; the page says so once it has.
        let delivered = (0..100).any(|_| {
            tab.reload(false, None).unwrap();
            tab.wait_for_element("form.reply").unwrap();
            if text(&tab).contains("Terkirim") {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
            false
        });
        assert!(delivered, "the reply shows as sent: {}", text(&tab));
        assert!(text(&tab).contains(ANSWER));
        shot(&tab, "22-reply-sent");
    })
    .await
    .unwrap();
    let sent = texts(&owner.replies().await);
    assert!(
        sent.contains(ANSWER),
        "the owner got the answer on Telegram: {sent}"
    );
    assert!(
        sent.contains("Sari Wulandari"),
        "from the officer, by name: {sent}"
    );
    app.stop().await;
    service.store.close().await;
}
