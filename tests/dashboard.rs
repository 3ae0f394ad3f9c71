//! The dinas dashboard over HTTP against the real app: sign-in, CSRF, sessions, the scope
//! matrix on SQLite and PostgreSQL, exports, escaping, audit.

mod common;

use common::dash::{Dash, PASSWORD, start};
use common::{HAPPY_PATH, TestApp};

async fn sign_in_and_out(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut client = dash.client();
    assert_eq!(
        client.get("/leads").await.0,
        303,
        "signed out: sent to the login page"
    );
    assert_eq!(
        client
            .post(
                "/login",
                &[("email", "admin@pandu.test"), ("password", "wrong")]
            )
            .await
            .0,
        401
    );
    assert_eq!(client.login("admin@pandu.test").await, 303);
    let (status, page) = client.get("/leads").await;
    assert_eq!(status, 200);
    assert!(page.contains("Daftar lead"));
    let csrf = client.csrf().await;
    assert_eq!(client.post("/logout", &[("csrf", &csrf)]).await.0, 303);
    assert_eq!(client.get("/leads").await.0, 303, "the old session is gone");
    finish(dash).await
}
both_engines!(sign_in, sign_in_and_out);

async fn finish(dash: Dash) -> TestApp {
    dash.app.stop().await;
    dash.db
}

async fn forms_without_the_csrf_token_are_refused(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let path = format!("/leads/{}/status", dash.seeded.loteng);
    assert_eq!(
        client.post(&path, &[("status", "diverifikasi")]).await.0,
        422,
        "no token: the form is incomplete"
    );
    assert_eq!(
        client
            .post(&path, &[("csrf", "forged"), ("status", "diverifikasi")])
            .await
            .0,
        403
    );
    let csrf = client.csrf().await;
    assert_eq!(
        client
            .post(&path, &[("csrf", &csrf), ("status", "diverifikasi")])
            .await
            .0,
        303
    );
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM leads WHERE status = 'diverifikasi'")
            .await,
        1
    );
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'status'")
            .await,
        1
    );
    finish(dash).await
}
both_engines!(csrf, forms_without_the_csrf_token_are_refused);

async fn an_idle_session_expires(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    assert_eq!(client.get("/leads").await.0, 200);
    let an_hour_ago =
        pandu::store::millis_for_tests(time::OffsetDateTime::now_utc() - time::Duration::hours(1));
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind(an_hour_ago)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
    assert_eq!(
        client.get("/leads").await.0,
        303,
        "idle for an hour: signed out"
    );
    assert_eq!(dash.db.scalar("SELECT COUNT(*) FROM sessions").await, 0);
    finish(dash).await
}
both_engines!(session_expiry, an_idle_session_expires);

/// Who may reach which lead, through every route that shows or changes one.
async fn every_route_respects_the_scope(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let s = &dash.seeded;
    let all = [s.loteng, s.mataram, s.surabaya];
    let cases: [(&str, &[i64]); 6] = [
        ("admin@pandu.test", &all),
        ("loteng@pandu.test", &[s.loteng]),
        ("ntb@pandu.test", &[s.loteng, s.mataram]),
        ("jatim@pandu.test", &[s.surabaya]),
        ("konsultan-a@pandu.test", &[s.mataram]),
        ("konsultan-b@pandu.test", &[]),
    ];
    for (email, visible) in cases {
        let mut client = dash.client();
        assert_eq!(client.login(email).await, 303, "{email}");
        let csrf = client.csrf().await;
        let (_, list) = client.get("/leads").await;
        let (_, csv) = client.get("/leads/export.csv").await;
        for lead in all {
            let allowed = visible.contains(&lead);
            let expect = if allowed { 200 } else { 404 };
            assert_eq!(
                client.get(&format!("/leads/{lead}")).await.0,
                expect,
                "{email} lead {lead}"
            );
            assert_eq!(
                list.contains(&format!("href=\"/leads/{lead}\"")),
                allowed,
                "{email} list {lead}"
            );
            assert_eq!(
                csv.lines().any(|l| l.starts_with(&format!("\"{lead}\","))),
                allowed,
                "{email} csv {lead}"
            );
            let note = client
                .post(
                    &format!("/leads/{lead}/notes"),
                    &[("csrf", &csrf), ("body", "dicek")],
                )
                .await
                .0;
            assert_eq!(note, if allowed { 303 } else { 404 }, "{email} note {lead}");
            let status = client
                .post(
                    &format!("/leads/{lead}/status"),
                    &[("csrf", &csrf), ("status", "diverifikasi")],
                )
                .await
                .0;
            assert_eq!(
                status,
                if allowed { 303 } else { 404 },
                "{email} status {lead}"
            );
            // Assigning changes who sees a lead, so only the already-assigned one is re-assigned.
            if !allowed || lead == s.mataram {
                let consultant = s.konsultan_a.0.to_string();
                let form = [("csrf", csrf.as_str()), ("consultant", consultant.as_str())];
                let assign = client.post(&format!("/leads/{lead}/assign"), &form).await.0;
                let may_assign = allowed && !email.starts_with("konsultan");
                assert_eq!(
                    assign,
                    if may_assign { 303 } else { 404 },
                    "{email} assign {lead}"
                );
            }
        }
        let doc = client
            .get_bytes(&format!("/leads/{}/documents/{}", s.loteng, s.document))
            .await
            .0;
        assert_eq!(
            doc,
            if visible.contains(&s.loteng) {
                200
            } else {
                404
            },
            "{email} document"
        );
        // A document id reached through another lead's URL is not found either.
        assert_eq!(
            client
                .get_bytes(&format!("/leads/{}/documents/{}", s.surabaya, s.document))
                .await
                .0,
            404,
            "{email}"
        );
    }
    finish(dash).await
}
both_engines!(scope_matrix, every_route_respects_the_scope);

/// The scope matrix after an owner starts over in another region: the old lead stays with its
/// notes in its region (labelled superseded), the new region sees only the new lead.
async fn a_lead_stays_in_the_region_it_was_made_in(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let old = dash.seeded.loteng;
    let mut loteng = dash.client();
    loteng.login("loteng@pandu.test").await;
    let csrf = loteng.csrf().await;
    let note = [("csrf", csrf.as_str()), ("body", "Catatan internal Loteng")];
    assert_eq!(
        loteng.post(&format!("/leads/{old}/notes"), &note).await.0,
        303
    );
    let status = [
        ("csrf", csrf.as_str()),
        ("status", "tidak_dilanjutkan"),
        ("reason", "Alasan internal Loteng"),
    ];
    assert_eq!(
        loteng
            .post(&format!("/leads/{old}/status"), &status)
            .await
            .0,
        303
    );

    let mut owner = dash.db.user("u-loteng");
    owner.say("/ulang").await;
    owner.say("dari awal").await;
    let mut lines: Vec<&str> = HAPPY_PATH[2..].to_vec();
    lines[0] = "kota surabaya";
    for line in lines {
        owner.say(line).await;
    }
    let new = dash.db.scalar("SELECT MAX(id) FROM leads").await;
    assert_ne!(new, old, "a new lead for the new region");
    let superseded =
        format!("SELECT COUNT(*) FROM leads WHERE id = {old} AND superseded_by = {new}");
    assert_eq!(dash.db.scalar(&superseded).await, 1);

    let (code, page) = loteng.get(&format!("/leads/{old}")).await;
    assert_eq!(code, 200, "the old region keeps its lead");
    assert!(
        page.contains("Catatan internal Loteng") && page.contains("Digantikan"),
        "{page}"
    );
    assert!(page.contains("Lombok Tengah"));
    assert_eq!(loteng.get(&format!("/leads/{new}")).await.0, 404);
    let (_, list) = loteng.get("/leads").await;
    assert!(list.contains(&format!("href=\"/leads/{old}\"")) && list.contains("Digantikan"));
    assert!(!list.contains(&format!("href=\"/leads/{new}\"")));

    let mut jatim = dash.client();
    jatim.login("jatim@pandu.test").await;
    assert_eq!(
        jatim.get(&format!("/leads/{old}")).await.0,
        404,
        "not the old region's lead"
    );
    let (code, page) = jatim.get(&format!("/leads/{new}")).await;
    assert_eq!(code, 200);
    for internal in [
        "Catatan internal Loteng",
        "Alasan internal Loteng",
        "Digantikan",
    ] {
        assert!(
            !page.contains(internal),
            "{internal} in the new region's lead"
        );
    }
    let fresh = format!(
        "SELECT COUNT(*) FROM leads WHERE id = {new} AND status = 'baru' AND status_reason IS NULL"
    );
    assert_eq!(dash.db.scalar(&fresh).await, 1, "the new lead starts fresh");
    let (_, list) = jatim.get("/leads").await;
    assert!(list.contains(&format!("href=\"/leads/{new}\"")));
    assert!(!list.contains(&format!("href=\"/leads/{old}\"")));
    finish(dash).await
}
both_engines!(region_change, a_lead_stays_in_the_region_it_was_made_in);

async fn exports_are_safe_for_spreadsheets_and_pages_escape_user_text(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (status, csv, kind) = client.get_bytes("/leads/export.csv").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/csv"));
    assert!(
        csv.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "formula neutralised: {csv}"
    );
    let (status, xlsx, kind) = client.get_bytes("/leads/export.xlsx").await;
    assert_eq!(status, 200);
    assert!(kind.contains("spreadsheetml"));
    assert!(xlsx.starts_with(b"PK"), "an XLSX (zip) file");
    let (_, page) = client.get(&format!("/leads/{}", dash.seeded.mataram)).await;
    assert!(
        page.contains("&lt;script&gt;alert('x')&lt;/script&gt; Kopi"),
        "escaped"
    );
    assert!(!page.contains("<script>alert"), "never raw");
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('export_csv', 'export_xlsx')")
            .await,
        2
    );
    finish(dash).await
}
both_engines!(
    exports_and_escaping,
    exports_are_safe_for_spreadsheets_and_pages_escape_user_text
);

async fn document_views_and_actions_are_audited(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut client = dash.client();
    client.login("loteng@pandu.test").await;
    let s = &dash.seeded;
    let (status, bytes, kind) = client
        .get_bytes(&format!("/leads/{}/documents/{}", s.loteng, s.document))
        .await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(bytes, common::PNG);
    client
        .get_bytes(&format!(
            "/leads/{}/documents/{}?download=1",
            s.loteng, s.document
        ))
        .await;
    let csrf = client.csrf().await;
    let path = format!("/leads/{}/status", s.loteng);
    assert_eq!(
        client
            .post(&path, &[("csrf", &csrf), ("status", "tidak_dilanjutkan")])
            .await
            .0,
        400,
        "a reason is required"
    );
    let form = [
        ("csrf", csrf.as_str()),
        ("status", "tidak_dilanjutkan"),
        ("reason", "usaha tutup"),
    ];
    assert_eq!(client.post(&path, &form).await.0, 303);
    for action in ["document_view", "document_download", "status", "login"] {
        let n = dash
            .db
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"
            ))
            .await;
        assert!(n >= 1, "{action} audited");
    }
    let (_, page) = client.get(&format!("/leads/{}", s.loteng)).await;
    assert!(
        page.contains("Tidak dilanjutkan: usaha tutup"),
        "on the timeline"
    );
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'lead_view'")
            .await,
        1
    );
    // Only admins see the audit log.
    assert_eq!(client.get("/audit").await.0, 404);
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    let (status, audit) = admin.get("/audit").await;
    assert_eq!(status, 200);
    assert!(audit.contains("Mengunduh dokumen"));
    finish(dash).await
}
both_engines!(audit, document_views_and_actions_are_audited);

#[tokio::test]
async fn repeated_failed_logins_are_slowed_down() {
    let dash = start(TestApp::sqlite().await).await;
    let mut client = dash.client();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(
            client
                .post(
                    "/login",
                    &[("email", "admin@pandu.test"), ("password", "nope")],
                )
                .await
                .0,
        );
    }
    assert_eq!(statuses[..5], [401; 5]);
    assert_eq!(statuses[5..], [429, 429]);
    // Even the right password waits its turn.
    assert_eq!(
        client
            .post(
                "/login",
                &[("email", "admin@pandu.test"), ("password", PASSWORD)]
            )
            .await
            .0,
        429
    );
    dash.finish().await;
}

#[tokio::test]
async fn the_setup_link_creates_the_first_admin_once() {
    let db = TestApp::sqlite().await;
    let state = pandu::web::AppState::new(db.service.clone(), false, None);
    let link = pandu::web::setup_link(&state)
        .await
        .unwrap()
        .expect("no admin yet: a link");
    let mut vars = std::collections::HashMap::new();
    vars.insert("DATABASE_URL", db.database_url());
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        db.documents_dir().display().to_string(),
    );
    let config = pandu::config::Config::from_lookup(|n| vars.get(n).cloned()).unwrap();
    let app = common::telegram_app::start_with(config).await;
    let mut client = common::dash::Client::new(&format!("http://{}", app.addr));
    assert_eq!(client.get(&link).await.0, 200);
    let form = [
        ("name", "Ibu Admin"),
        ("email", "first@pandu.test"),
        ("password", "short"),
    ];
    assert_eq!(
        client.post(&link, &form).await.0,
        400,
        "a weak password is refused"
    );
    let form = [
        ("name", "Ibu Admin"),
        ("email", "first@pandu.test"),
        ("password", PASSWORD),
    ];
    assert_eq!(client.post(&link, &form).await.0, 303);
    assert_eq!(client.get(&link).await.0, 404, "used up");
    assert_eq!(client.post(&link, &form).await.0, 404);
    assert_eq!(client.login("first@pandu.test").await, 303);
    assert!(
        pandu::web::setup_link(&state).await.unwrap().is_none(),
        "an admin exists: no new link"
    );
    app.stop().await;
    db.finish().await;
}

#[tokio::test]
async fn health_and_metrics_answer() {
    let dash = start(TestApp::sqlite().await).await;
    let client = dash.client();
    assert_eq!(client.get("/healthz").await, (200, "ok\n".into()));
    client.get("/login").await;
    let (status, metrics) = client.metrics().await;
    assert_eq!(status, 200);
    assert!(
        metrics.contains("pandu_leads{outcome=\"siap_bina_umk\"} 3"),
        "{metrics}"
    );
    assert!(metrics.contains("pandu_inbound_events_total"));
    assert!(
        metrics.contains("pandu_http_requests_total{route=\"/login\"}"),
        "{metrics}"
    );
    dash.finish().await;
}

async fn lists_sort_and_page_by_keyset(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let s = &dash.seeded;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (_, newest) = client.get("/leads").await;
    let (_, oldest) = client.get("/leads?sort=oldest").await;
    let at = |page: &str, id: i64| page.find(&format!("href=\"/leads/{id}\"")).unwrap();
    assert!(
        at(&newest, s.surabaya) < at(&newest, s.loteng),
        "newest first"
    );
    assert!(
        at(&oldest, s.loteng) < at(&oldest, s.surabaya),
        "oldest first"
    );
    // Page by one: every lead once, in order, however deep.
    let store = &dash.db.service.store;
    let (scope, filter) = (pandu::access::Scope::All, Default::default());
    let mut page = pandu::store::dashboard::Page {
        after: None,
        size: 1,
        oldest_first: true,
    };
    let mut seen = Vec::new();
    loop {
        let rows = pandu::store::dashboard::list(store, &scope, &filter, page)
            .await
            .unwrap();
        let Some(last) = rows.last() else { break };
        seen.push(last.id.0);
        page.after = Some((last.created_ms, last.id));
    }
    assert_eq!(seen, [s.loteng, s.mataram, s.surabaya]);
    finish(dash).await
}
both_engines!(sorting_and_paging, lists_sort_and_page_by_keyset);

async fn the_funnel_counts_stages_in_scope(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    let (status, page) = admin.get("/funnel").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<svg"), "a chart");
    assert!(
        page.contains("Sampai hasil (lead)</td><td>3</td>"),
        "{page}"
    );
    assert!(
        page.contains("Mulai percakapan"),
        "admins see the conversation stages"
    );
    let mut loteng = dash.client();
    loteng.login("loteng@pandu.test").await;
    let (_, page) = loteng.get("/funnel").await;
    assert!(
        page.contains("Sampai hasil (lead)</td><td>1</td>"),
        "{page}"
    );
    assert!(
        !page.contains("Mulai percakapan"),
        "conversations carry no region: not shown to a dinas"
    );
    finish(dash).await
}
both_engines!(funnel, the_funnel_counts_stages_in_scope);

#[tokio::test]
async fn forms_from_another_site_are_refused_and_filters_combine() {
    let dash = start(TestApp::sqlite().await).await;
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = format!("http://{}/login", dash.app.addr);
    let form = [("email", "admin@pandu.test"), ("password", PASSWORD)];
    let cross = raw
        .post(&login)
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status().as_u16(), 403, "login CSRF");
    let fetch = raw
        .post(&login)
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(fetch.status().as_u16(), 403);
    let same = raw
        .post(&login)
        .header("origin", format!("http://{}", dash.app.addr))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status().as_u16(), 303);
    assert_eq!(same.headers()["x-frame-options"], "DENY");

    // An outcome chip on a filtered list replaces the outcome rather than repeating it.
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (status, page) = client.get("/leads?outcome=siap_bina_umk&q=jaya").await;
    assert_eq!(status, 200);
    let chip = page
        .split("class=\"chip\" href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    assert_eq!(client.get(&chip).await.0, 200, "{chip}");
    // A search for a LIKE wildcard matches it literally.
    let (_, page) = client.get("/leads?q=%25").await;
    assert!(page.contains("Belum ada lead"), "'%' is not a wildcard");

    // A new password ends the account's sessions.
    let hash = pandu::web::auth::hash_password("another-long-password").unwrap();
    pandu::store::staff::set_password(&dash.db.service.store, "admin@pandu.test", &hash)
        .await
        .unwrap();
    assert_eq!(client.get("/leads").await.0, 303);
    dash.finish().await;
}
