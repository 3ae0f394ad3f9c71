//! Issue 12, "Hardening": CSV cells that no spreadsheet runs as formulas however it splits
//! them, limits on every free text staff and owners send, paged audit log and timeline,
//! and names without control or bidi characters.

mod common;

use common::dash::{Dash, start};
use common::{HAPPY_PATH, TestApp, all_text};

/// What starts a formula in a spreadsheet cell.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Where a spreadsheet may start a new cell.
const SEPARATORS: [char; 5] = [',', ';', '\t', '\n', '\r'];

async fn finish(dash: Dash) -> TestApp {
    dash.app.stop().await;
    dash.db
}

/// A lead through the real conversation, with these business and owner names.
async fn lead_named(db: &TestApp, user: &str, business: &str, owner: &str) -> i64 {
    let mut u = db.user(user);
    let mut lines: Vec<&str> = HAPPY_PATH.to_vec();
    lines[3] = business;
    lines[4] = owner;
    for line in lines {
        u.say(line).await;
    }
    db.scalar("SELECT MAX(id) FROM leads").await
}

/// Every piece a spreadsheet could make of `text` by splitting it at a separator.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(SEPARATORS).map(|p| p.trim_start_matches(' '))
}

async fn csv_cells_start_no_formula_however_they_are_split(db: TestApp) -> TestApp {
    let lead = lead_named(&db, "u-evil", "Toko Maju;=1+1", "a,=cmd|x").await;
    let dash = start(db).await;
    // Text the chat cannot record but older rows or other paths may hold: a line break
    // before a formula, in a free-text column and in a name.
    let product = "Keripik\n@SUM(A1:A9)";
    sqlx::query("UPDATE leads SET product_name = $1 WHERE id = $2")
        .bind(product)
        .bind(lead)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE leads SET business_name = $1 WHERE id = $2")
        .bind("Toko\n@SUM(A1:A9)")
        .bind(dash.seeded.surabaya)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (status, bytes, _) = client.get_bytes("/leads/export.csv").await;
    assert_eq!(status, 200);
    let text = String::from_utf8(bytes).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    // However the raw file is split, each piece (without its quote) starts no formula.
    for piece in pieces(text) {
        let piece = piece.trim_start_matches('"');
        assert!(
            !piece.starts_with(TRIGGERS),
            "raw piece {piece:?} in {text}"
        );
    }
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut by_id = std::collections::HashMap::new();
    for record in reader.records() {
        let record = record.unwrap();
        for field in record.iter() {
            for piece in pieces(field) {
                assert!(!piece.starts_with(TRIGGERS), "field {field:?}");
            }
        }
        by_id.insert(record[column("lead_id")].to_owned(), record);
    }
    let evil = &by_id[&lead.to_string()];
    assert_eq!(&evil[column("business_name")], "Toko Maju;'=1+1");
    assert_eq!(&evil[column("owner_name")], "a,'=cmd|x");
    assert_eq!(&evil[column("product")], "Keripik\n'@SUM(A1:A9)");
    let surabaya = &by_id[&dash.seeded.surabaya.to_string()];
    assert_eq!(
        &surabaya[column("business_name")],
        "Toko @SUM(A1:A9)",
        "a name is one line"
    );
    assert_eq!(
        &evil[column("phone")],
        "0812-3456-7890",
        "+6281234567890 in the form spreadsheets keep as text"
    );
    // Every field quoted, the header too.
    assert!(text.starts_with("\"lead_id\",\"created_at\""), "{text}");
    assert!(
        text.lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.starts_with('"') || l.starts_with("'@")),
        "{text}"
    );
    finish(dash).await
}
both_engines!(csv_cells, csv_cells_start_no_formula_however_they_are_split);

/// A lead stored before names were cleaned still reaches the CSV without its controls.
#[tokio::test]
async fn names_stored_with_controls_reach_the_csv_without_them() {
    let dash = start(TestApp::sqlite().await).await;
    sqlx::query("UPDATE leads SET business_name = $1 WHERE id = $2")
        .bind("Toko\u{202E}Maju\u{1b}[2J\nJaya")
        .bind(dash.seeded.surabaya)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (_, csv) = client.get("/leads/export.csv").await;
    assert!(csv.contains("\"TokoMaju[2J Jaya\""), "{csv}");
    assert!(!csv.contains('\u{1b}') && !csv.contains('\u{202E}'));
    dash.finish().await;
}

async fn over_long_staff_text_is_refused_with_a_message(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let lead = dash.seeded.loteng;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let csrf = client.csrf().await;
    let status_path = format!("/leads/{lead}/status");
    let reason = "x".repeat(501);
    let form = [
        ("csrf", csrf.as_str()),
        ("status", "tidak_dilanjutkan"),
        ("reason", reason.as_str()),
    ];
    let (status, page) = client.post_page(&status_path, &form).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Alasan terlalu panjang: paling banyak 500 karakter"),
        "{page}"
    );
    let fits = "y".repeat(500);
    let form = [
        ("csrf", csrf.as_str()),
        ("status", "tidak_dilanjutkan"),
        ("reason", fits.as_str()),
    ];
    assert_eq!(
        client.post(&status_path, &form).await.0,
        303,
        "at the limit"
    );
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'status'")
            .await,
        1,
        "only the one that fits"
    );
    let note = "n".repeat(4001);
    let (status, page) = client
        .post_page(
            &format!("/leads/{lead}/notes"),
            &[("csrf", &csrf), ("body", &note)],
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("Catatan terlalu panjang"), "{page}");
    assert_eq!(dash.db.scalar("SELECT COUNT(*) FROM lead_notes").await, 0);
    let (status, page) = client.get(&format!("/leads?q={}", "q".repeat(201))).await;
    assert_eq!(status, 400);
    assert!(page.contains("Teks pencarian terlalu panjang"), "{page}");
    let (status, _) = client.get(&format!("/leads?q={}", "q".repeat(200))).await;
    assert_eq!(status, 200);
    let (status, _) = client
        .get(&format!("/leads/export.csv?q={}", "q".repeat(201)))
        .await;
    assert_eq!(status, 400, "exports read the same filters");

    let csrf = client.csrf_on("/staff").await;
    let name = "N".repeat(101);
    let account = |name: &str, email: &str| {
        [
            ("csrf", csrf.clone()),
            ("name", name.to_owned()),
            ("email", email.to_owned()),
            ("role", "outreach".to_owned()),
            ("region", String::new()),
        ]
    };
    let form = account(&name, "baru@pandu.test");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, page) = client.post_page("/staff", &form).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Nama terlalu panjang: paling banyak 100 karakter"),
        "{page}"
    );
    let email = format!("{}@pandu.test", "e".repeat(250));
    let form = account("Staf Baru", &email);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, page) = client.post_page("/staff", &form).await;
    assert_eq!(status, 400);
    assert!(page.contains("Email terlalu panjang"), "{page}");
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM staff WHERE role = 'outreach'")
            .await,
        0
    );
    let konsultan = dash.seeded.konsultan_a;
    let organisation = "O".repeat(121);
    let form = [
        ("csrf", csrf.as_str()),
        ("organisation", organisation.as_str()),
        ("desk", "plut"),
        ("coverage", "52"),
        ("capacity", "5"),
        ("contact", ""),
    ];
    let (status, page) = client
        .post_page(&format!("/staff/{konsultan}/profile"), &form)
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("Organisasi terlalu panjang"), "{page}");
    finish(dash).await
}
both_engines!(limits, over_long_staff_text_is_refused_with_a_message);

#[tokio::test]
async fn staff_names_from_the_form_lose_control_and_bidi_characters() {
    let dash = start(TestApp::sqlite().await).await;
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let csrf = client.csrf_on("/staff").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("name", "Rina\u{202E}\u{1b}[31m Sari\u{7}"),
        ("email", "rina@pandu.test"),
        ("role", "outreach"),
        ("region", ""),
    ];
    assert_eq!(
        client.post("/staff", &form).await.0,
        200,
        "the password link page"
    );
    let staff = pandu::store::staff::by_email(&dash.db.service.store, "rina@pandu.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(staff.name, "Rina[31m Sari");
    dash.finish().await;
}

async fn owner_names_are_asked_again_when_too_long_and_lose_hidden_controls(
    db: TestApp,
) -> TestApp {
    let mut u = db.user("u-long");
    for line in &HAPPY_PATH[..3] {
        u.say(line).await;
    }
    let sentence = "Usaha keripik singkong balado milik keluarga kami sejak tahun dua ribu \
                    sepuluh di pasar desa";
    assert!(sentence.chars().count() > 80);
    let replies = u.say(sentence).await;
    let text = all_text(&replies);
    assert!(text.contains("terlalu panjang"), "{text}");
    assert!(
        text.contains("nama usaha"),
        "the same question again: {text}"
    );
    u.say("Keripik\u{202E} Bu\u{7} Siti\u{2066}").await;
    u.say("Siti\u{200F} Aminah\u{1b}").await;
    for line in &HAPPY_PATH[5..] {
        u.say(line).await;
    }
    assert_eq!(
        db.scalar(
            "SELECT COUNT(*) FROM leads WHERE business_name = 'Keripik Bu Siti' \
             AND owner_name = 'Siti Aminah'"
        )
        .await,
        1
    );
    db
}
both_engines!(
    owner_names,
    owner_names_are_asked_again_when_too_long_and_lose_hidden_controls
);

/// Count of `needle` in `page`.
fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

/// The href of the "Lebih lama" link, if the page has one.
fn older_link(page: &str) -> Option<String> {
    let end = page.find("\">Lebih lama")?;
    let start = page[..end].rfind("href=\"")? + 6;
    Some(page[start..end].replace("&amp;", "&"))
}

async fn the_audit_log_comes_in_pages_of_fifty(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let store = &dash.db.service.store;
    let now = time::OffsetDateTime::now_utc();
    let admin = pandu::store::staff::by_email(store, "admin@pandu.test")
        .await
        .unwrap()
        .unwrap();
    for i in 0..120 {
        let detail = format!("uji-{i}");
        pandu::store::audit::log(store, admin.id, "uji", None, &detail, now)
            .await
            .unwrap();
    }
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (status, first) = client.get("/audit").await;
    assert_eq!(status, 200);
    assert_eq!(count(&first, "<tr class=\"audit\">"), 50, "{first}");
    let mut link = older_link(&first).expect("a link to the older entries");
    assert!(link.starts_with("/audit?before="), "{link}");
    let mut seen = count(&first, ">uji-");
    let mut pages = 1;
    loop {
        let (status, page) = client.get(&link).await;
        assert_eq!(status, 200);
        assert!(count(&page, "<tr class=\"audit\">") <= 50);
        seen += count(&page, ">uji-");
        pages += 1;
        match older_link(&page) {
            Some(next) => link = next,
            None => break,
        }
    }
    assert_eq!(seen, 120, "every row once");
    assert_eq!(pages, 3, "120 rows and the login: three pages");
    assert_eq!(client.get("/audit?before=x").await.0, 400);
    finish(dash).await
}
both_engines!(audit_pages, the_audit_log_comes_in_pages_of_fifty);

async fn a_lead_timeline_comes_in_pages_of_fifty(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let store = &dash.db.service.store;
    let lead = dash.seeded.loteng;
    let admin = pandu::store::staff::by_email(store, "admin@pandu.test")
        .await
        .unwrap()
        .unwrap();
    let start_at = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    for i in 0..120i64 {
        let at = pandu::store::millis_for_tests(start_at + time::Duration::seconds(i));
        sqlx::query(
            "INSERT INTO lead_notes (lead_id, staff_id, body, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(lead)
        .bind(admin.id.0)
        .bind(format!("catatan-{i:03}"))
        .bind(at)
        .execute(store.pool())
        .await
        .unwrap();
    }
    let mut client = dash.client();
    client.login("admin@pandu.test").await;
    let (status, first) = client.get(&format!("/leads/{lead}")).await;
    assert_eq!(status, 200);
    assert_eq!(count(&first, "<tr class=\"timeline\">"), 50, "{first}");
    assert!(first.contains("catatan-119"), "newest first");
    assert!(!first.contains("catatan-069"));
    let mut link = older_link(&first).expect("a link to the older entries");
    assert!(
        link.starts_with(&format!("/leads/{lead}?before=")),
        "{link}"
    );
    let mut seen = count(&first, ">catatan-");
    loop {
        let (status, page) = client.get(&link).await;
        assert_eq!(status, 200);
        assert!(count(&page, "<tr class=\"timeline\">") <= 50);
        seen += count(&page, ">catatan-");
        match older_link(&page) {
            Some(next) => link = next,
            None => {
                assert!(page.contains("catatan-000"), "the oldest on the last page");
                break;
            }
        }
    }
    assert_eq!(seen, 120, "every note once");
    assert_eq!(
        client.get(&format!("/leads/{lead}?before=1_2")).await.0,
        400
    );
    finish(dash).await
}
both_engines!(timeline_pages, a_lead_timeline_comes_in_pages_of_fifty);
