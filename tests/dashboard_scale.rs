//! What staff notice of the dashboard's national-scale paths (migration 0007): region scope by
//! indexed codes still covers every kab/kota of a province, search finds parts of names and
//! phones and takes the text literally, counts follow every change, and exports wait their
//! turn politely. On SQLite and PostgreSQL.

mod common;

use common::TestApp;
use common::dash::{Client, Dash, start};

async fn finish(dash: Dash) -> TestApp {
    dash.app.stop().await;
    dash.db
}

/// Which of the seeded leads (Lombok Tengah, Kota Mataram, Kota Surabaya) a list shows.
async fn shown(dash: &Dash, client: &Client, query: &str) -> Vec<&'static str> {
    let (status, page) = client.get(&format!("/leads?{query}")).await;
    assert_eq!(status, 200, "{query}");
    let s = &dash.seeded;
    [
        ("loteng", s.loteng),
        ("mataram", s.mataram),
        ("surabaya", s.surabaya),
    ]
    .into_iter()
    .filter(|(_, id)| page.contains(&format!("href=\"/leads/{id}\"")))
    .map(|(name, _)| name)
    .collect()
}

fn q(text: &str) -> String {
    format!(
        "q={}",
        url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
    )
}

async fn exec(dash: &Dash, sql: &str) {
    sqlx::query(sql)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
}

async fn region_scope_covers_sub_regions_and_follows_changes(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    assert_eq!(
        shown(&dash, &admin, "region=52").await,
        ["loteng", "mataram"]
    );
    assert_eq!(shown(&dash, &admin, "region=52.02").await, ["loteng"]);
    assert_eq!(shown(&dash, &admin, "region=35.78").await, ["surabaya"]);
    for not_a_code in ["5", "52.", "52.%25", "5_", "52.0"] {
        assert!(
            shown(&dash, &admin, &format!("region={not_a_code}"))
                .await
                .is_empty(),
            "{not_a_code}: no prefix or wildcard match"
        );
    }
    let mut ntb = dash.client();
    ntb.login("ntb@pandu.test").await;
    assert_eq!(shown(&dash, &ntb, "").await, ["loteng", "mataram"]);
    let (_, page) = ntb.get("/leads").await;
    assert!(
        page.contains("Siap mengajukan SNI Bina UMK<strong>2</strong>"),
        "{page}"
    );
    // A lead whose region changes leaves the province's list, chips and export.
    let moved = format!(
        "UPDATE leads SET region_code = '35.78', outcome = 'perlu_nib' WHERE id = {}",
        dash.seeded.loteng
    );
    exec(&dash, &moved).await;
    assert_eq!(shown(&dash, &ntb, "").await, ["mataram"]);
    let (_, page) = ntb.get("/leads").await;
    assert!(
        page.contains("Siap mengajukan SNI Bina UMK<strong>1</strong>"),
        "{page}"
    );
    assert!(!page.contains("Perlu NIB dulu<strong>"), "{page}");
    let (_, csv) = ntb.get("/leads/export.csv").await;
    assert_eq!(csv.lines().count(), 2, "header and Mataram: {csv}");
    let mut jatim = dash.client();
    jatim.login("jatim@pandu.test").await;
    assert_eq!(shown(&dash, &jatim, "").await, ["loteng", "surabaya"]);
    let (_, page) = jatim.get("/leads").await;
    assert!(page.contains("Perlu NIB dulu<strong>1</strong>"), "{page}");
    finish(dash).await
}
both_engines!(
    region_scope,
    region_scope_covers_sub_regions_and_follows_changes
);

async fn search_finds_parts_of_names_and_phones_literally(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    let all = ["loteng", "mataram", "surabaya"];
    let cases: [(&str, &[&str]); 14] = [
        ("surabaya jaya", &["surabaya"]),
        ("JAYA", &["surabaya"]),
        ("aminah", &all),
        ("3456", &all),
        // Phones are stored as +62…; what people type is found too.
        ("0812 3456 7890", &all),
        ("0812-3456", &all),
        ("(\"http", &["loteng"]),
        ("alert('x')", &["mataram"]),
        ("\"", &["loteng"]),
        ("Kopi*", &[]),
        ("Kopi OR Jaya", &[]),
        ("NEAR(kopi jaya)", &[]),
        ("%", &[]),
        ("_", &[]),
    ];
    for (text, expect) in cases {
        assert_eq!(shown(&dash, &admin, &q(text)).await, expect, "{text:?}");
    }
    // The index follows a renamed business and a deleted lead.
    let s = &dash.seeded;
    exec(
        &dash,
        &format!(
            "UPDATE leads SET business_name = 'Dodol Garut Asli' WHERE id = {}",
            s.surabaya
        ),
    )
    .await;
    assert_eq!(shown(&dash, &admin, &q("garut")).await, ["surabaya"]);
    assert!(shown(&dash, &admin, &q("surabaya jaya")).await.is_empty());
    exec(
        &dash,
        &format!("DELETE FROM leads WHERE id = {}", s.mataram),
    )
    .await;
    assert_eq!(
        shown(&dash, &admin, &q("aminah")).await,
        ["loteng", "surabaya"]
    );
    // Search within a scope: the dinas of NTB finds only its own.
    let mut ntb = dash.client();
    ntb.login("ntb@pandu.test").await;
    assert_eq!(shown(&dash, &ntb, &q("aminah")).await, ["loteng"]);
    finish(dash).await
}
both_engines!(search, search_finds_parts_of_names_and_phones_literally);

async fn metrics_count_without_scanning_and_stay_exact(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let client = dash.client();
    let events = dash.db.scalar("SELECT COUNT(*) FROM inbound_events").await;
    let (_, metrics) = client.metrics().await;
    assert!(
        metrics.contains(&format!("pandu_inbound_events_total {events}\n")),
        "{metrics}"
    );
    assert!(
        metrics.contains("pandu_leads{outcome=\"siap_bina_umk\"} 3"),
        "{metrics}"
    );
    exec(
        &dash,
        &format!("DELETE FROM leads WHERE id = {}", dash.seeded.mataram),
    )
    .await;
    exec(
        &dash,
        &format!(
            "UPDATE leads SET outcome = 'perlu_nib' WHERE id = {}",
            dash.seeded.loteng
        ),
    )
    .await;
    // Retention deletes old events; the counter of events handled does not go down.
    exec(&dash, "DELETE FROM inbound_events").await;
    let (_, metrics) = client.metrics().await;
    assert!(
        metrics.contains(&format!("pandu_inbound_events_total {events}\n")),
        "{metrics}"
    );
    assert!(
        metrics.contains("pandu_leads{outcome=\"siap_bina_umk\"} 1\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("pandu_leads{outcome=\"perlu_nib\"} 1\n"),
        "{metrics}"
    );
    assert!(
        metrics.contains("# TYPE pandu_outbox_messages gauge"),
        "{metrics}"
    );
    finish(dash).await
}
both_engines!(metrics, metrics_count_without_scanning_and_stay_exact);

/// With every export slot taken, a new export is answered at once with a page saying to try
/// again shortly; when a slot frees, it goes through.
#[tokio::test]
async fn a_full_export_queue_answers_politely() {
    let dash = start(TestApp::sqlite().await).await;
    let state = pandu::web::AppState::new(dash.db.service.clone(), false, None);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = pandu::web::router(state.clone());
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let mut client = Client::new(&format!("http://{addr}"));
    assert_eq!(client.login("admin@pandu.test").await, 303);
    let slots = state.exports.available_permits() as u32;
    let taken = state
        .exports
        .clone()
        .acquire_many_owned(slots)
        .await
        .unwrap();
    for path in ["/leads/export.csv", "/leads/export.xlsx"] {
        let response = client.get_response(path).await;
        assert_eq!(response.status().as_u16(), 503, "{path}");
        assert_eq!(response.headers()["retry-after"], "30");
        let page = response.text().await.unwrap();
        assert!(page.contains("Unduhan sedang penuh"), "{page}");
        assert!(page.contains("coba unduh lagi"), "{page}");
    }
    drop(taken);
    for path in ["/leads/export.csv", "/leads/export.xlsx"] {
        assert_eq!(client.get_bytes(path).await.0, 200, "{path}");
    }
    // A finished export gives its slot back.
    for _ in 0..100 {
        if state.exports.available_permits() as u32 == slots {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(state.exports.available_permits() as u32, slots);
    server.abort();
    dash.finish().await;
}

/// A word in thousands of leads is listed by reading the newest leads until the page is full
/// (SQLite decides by counting matches); the page and its count are the same as ever.
#[tokio::test]
async fn a_common_word_lists_the_newest_matches() {
    let dash = start(TestApp::sqlite().await).await;
    // Recent times (an hour ago and after): older rows would be the served app's retention
    // purge to delete at its start, racing this test.
    let base = pandu::store::millis_for_tests(time::OffsetDateTime::now_utc()) - 3_600_000;
    exec(
        &dash,
        &format!(
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 6000) \
             INSERT INTO conversations (channel, user_key, state, step, created_at, updated_at) \
             SELECT 'console', 'many-' || n, '{{}}', 'selesai', {base} + n, {base} + n FROM c"
        ),
    )
    .await;
    exec(
        &dash,
        "INSERT INTO leads (conversation_id, channel, region_code, region_name, business_name, owner_name, \
           product_name, sni_mandatory, outcome, reasons, notes, answers, checklist, documents_received, \
           documents_total, rules_version, catalogue_version, consent_version, consented_at, created_at, updated_at) \
         SELECT id, 'console', '52.02', 'Lombok Tengah', 'Warung KOPI ' || id, 'Pak ' || id, 'kopi', 0, \
           CASE WHEN id % 2 = 0 THEN 'perlu_nib' ELSE 'siap_bina_umk' END, '[]', '[]', '{}', '{}', 0, 0, 'r', 'c', 'v', 0, \
           created_at, created_at FROM conversations WHERE user_key LIKE 'many-%'",
    )
    .await;
    let mut admin = dash.client();
    admin.login("admin@pandu.test").await;
    let (_, page) = admin.get("/leads?q=kopi").await;
    // The Mataram lead ("… Kopi") is the newest match; then the bulk, newest first.
    let s = &dash.seeded;
    let first = page
        .find(&format!("href=\"/leads/{}\"", s.mataram))
        .unwrap();
    let newest_bulk = dash
        .db
        .scalar("SELECT MAX(id) FROM leads WHERE business_name LIKE 'Warung KOPI %'")
        .await;
    assert!(
        first
            < page
                .find(&format!("href=\"/leads/{newest_bulk}\""))
                .unwrap()
    );
    assert_eq!(page.matches("<tr><td>").count(), 50, "a full page");
    assert!(!page.contains(&format!("href=\"/leads/{}\"", s.surabaya)));
    assert!(
        page.contains("Perlu NIB dulu<strong>3000</strong>"),
        "{page}"
    );
    assert!(
        page.contains("Siap mengajukan SNI Bina UMK<strong>3001</strong>"),
        "{page}"
    );
    dash.finish().await;
}
