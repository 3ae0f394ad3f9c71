//! Staff management on the dashboard, over HTTP against the real app: new accounts and
//! password resets by one-time link, role and region changes, the last-admin guard, 404
//! for everyone but admins, and the audit log.

mod common;

use common::TestApp;
use common::dash::{Client, Dash, PASSWORD, start};
use pandu::access::{Role, StaffId};
use pandu::store;

const NEW_PASSWORD: &str = "kopi-tubruk-pagi-hari";

async fn finish(dash: Dash) -> TestApp {
    dash.app.stop().await;
    dash.db
}

async fn admin(dash: &Dash) -> Client {
    let mut client = dash.client();
    assert_eq!(client.login("admin@pandu.test").await, 303);
    client
}

async fn staff_id(dash: &Dash, email: &str) -> StaffId {
    store::staff::by_email(&dash.db.service.store, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The path of the one-time link on a page (`/kata-sandi/<64 hex>`).
fn link_path(page: &str) -> String {
    let start = page.find("/kata-sandi/").expect("a password link");
    let path = &page[start..start + "/kata-sandi/".len() + 64];
    assert!(
        path.rsplit('/')
            .next()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_hexdigit())
    );
    path.to_owned()
}

/// Sign in with this password; the status (303 in, 401 refused).
async fn sign_in(dash: &Dash, email: &str, password: &str) -> (u16, Client) {
    let mut client = dash.client();
    let (status, _) = client
        .post("/login", &[("email", email), ("password", password)])
        .await;
    (status, client)
}

async fn set_password(client: &mut Client, link: &str, password: &str) -> u16 {
    client
        .post(link, &[("password", password), ("repeat", password)])
        .await
        .0
}

async fn audited(dash: &Dash, action: &str) -> i64 {
    dash.db
        .scalar(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"
        ))
        .await
}

/// A reset link for the account, as the admin is shown it.
async fn reset_link(admin: &Client, id: StaffId) -> String {
    let csrf = admin.csrf_on("/staff").await;
    let (status, page) = admin
        .post_page(&format!("/staff/{id}/password-link"), &[("csrf", &csrf)])
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Kata sandi lama masih bisa dipakai"),
        "{page}"
    );
    link_path(&page)
}

async fn a_new_officer_sets_their_password_with_the_link(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let admin = admin(&dash).await;
    let (_, page) = admin.get("/staff").await;
    assert!(
        !page.contains("name=\"password\""),
        "the admin never types a colleague's password: {page}"
    );
    let csrf = admin.csrf_on("/staff").await;
    let form = [
        ("csrf", csrf.as_str()),
        ("name", "Baiq Nurul"),
        ("email", "Nurul@Pandu.test"),
        ("role", "dinas"),
        ("region", "52.02"),
    ];
    let (status, page) = admin.post_page("/staff", &form).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Akun Baiq Nurul sudah dibuat"), "{page}");
    assert!(page.contains("nurul@pandu.test"), "whom to send it to");
    let link = link_path(&page);
    let secret = link.rsplit('/').next().unwrap();
    let stored = dash
        .db
        .scalar(&format!(
            "SELECT COUNT(*) FROM password_links WHERE token_hash = '{}'",
            pandu::web::auth::digest(secret)
        ))
        .await;
    assert_eq!(stored, 1, "only the hash is stored");
    assert_eq!(
        dash.db
            .scalar(&format!(
                "SELECT COUNT(*) FROM password_links WHERE token_hash = '{secret}'"
            ))
            .await,
        0
    );
    let nurul = store::staff::by_email(&dash.db.service.store, "nurul@pandu.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(nurul.role, Role::Dinas);
    assert_eq!(nurul.region.as_ref().map(|r| r.as_str()), Some("52.02"));
    assert_eq!(sign_in(&dash, "nurul@pandu.test", PASSWORD).await.0, 401);

    let mut browser = dash.client();
    let (status, page) = browser.get(&link).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Halo, Baiq Nurul"), "{page}");
    let (status, page) = browser
        .post_page(&link, &[("password", NEW_PASSWORD), ("repeat", "lain")])
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("tidak sama"), "{page}");
    let (status, page) = browser
        .post_page(&link, &[("password", "pendek"), ("repeat", "pendek")])
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("minimal 12 karakter"), "{page}");
    assert_eq!(set_password(&mut browser, &link, NEW_PASSWORD).await, 303);

    let (status, nurul_client) = sign_in(&dash, "nurul@pandu.test", NEW_PASSWORD).await;
    assert_eq!(status, 303);
    let s = &dash.seeded;
    assert_eq!(
        nurul_client.get(&format!("/leads/{}", s.loteng)).await.0,
        200
    );
    assert_eq!(
        nurul_client.get(&format!("/leads/{}", s.surabaya)).await.0,
        404
    );

    // Single use: the page and the form are both dead now.
    let (status, page) = browser.get(&link).await;
    assert_eq!(status, 404);
    assert!(
        page.contains("Tautan tidak berlaku"),
        "a polite page: {page}"
    );
    assert_eq!(
        set_password(&mut browser, &link, "another-long-password").await,
        404
    );
    assert_eq!(
        sign_in(&dash, "nurul@pandu.test", NEW_PASSWORD).await.0,
        303,
        "the dead link changed nothing"
    );
    assert_eq!(browser.get("/kata-sandi/not-a-token").await.0, 404);

    assert_eq!(audited(&dash, "staff_added").await, 1);
    assert_eq!(audited(&dash, "staff_password_link").await, 1);
    assert_eq!(audited(&dash, "password_set_by_link").await, 1);
    finish(dash).await
}
both_engines!(new_account, a_new_officer_sets_their_password_with_the_link);

#[tokio::test]
async fn a_link_expires_and_a_newer_one_replaces_it() {
    let dash = start(TestApp::sqlite().await).await;
    let admin = admin(&dash).await;
    let loteng = staff_id(&dash, "loteng@pandu.test").await;
    let first = reset_link(&admin, loteng).await;
    let second = reset_link(&admin, loteng).await;
    let mut browser = dash.client();
    assert_eq!(browser.get(&first).await.0, 404, "replaced");
    assert_eq!(browser.get(&second).await.0, 200);

    let a_day_ago =
        store::millis_for_tests(time::OffsetDateTime::now_utc() - time::Duration::hours(24));
    sqlx::query("UPDATE password_links SET expires_at = $1")
        .bind(a_day_ago)
        .execute(dash.db.service.store.pool())
        .await
        .unwrap();
    assert_eq!(browser.get(&second).await.0, 404, "expired");
    assert_eq!(set_password(&mut browser, &second, NEW_PASSWORD).await, 404);
    assert_eq!(
        sign_in(&dash, "loteng@pandu.test", PASSWORD).await.0,
        303,
        "the password is unchanged"
    );
    assert_eq!(audited(&dash, "staff_password_link").await, 2);
    finish(dash).await.finish().await;
}

async fn a_reset_ends_the_old_sessions_and_password(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let admin = admin(&dash).await;
    let (status, officer) = sign_in(&dash, "loteng@pandu.test", PASSWORD).await;
    assert_eq!(status, 303);
    let loteng = staff_id(&dash, "loteng@pandu.test").await;
    let link = reset_link(&admin, loteng).await;
    assert_eq!(
        officer.get("/leads").await.0,
        200,
        "a link alone changes nothing"
    );

    let mut browser = dash.client();
    assert_eq!(set_password(&mut browser, &link, NEW_PASSWORD).await, 303);
    assert_eq!(officer.get("/leads").await.0, 303, "the old session ended");
    assert_eq!(sign_in(&dash, "loteng@pandu.test", PASSWORD).await.0, 401);
    assert_eq!(
        sign_in(&dash, "loteng@pandu.test", NEW_PASSWORD).await.0,
        303
    );
    assert_eq!(admin.get("/staff").await.0, 200, "other sessions stay");
    finish(dash).await
}
both_engines!(reset, a_reset_ends_the_old_sessions_and_password);

async fn access(admin: &Client, id: StaffId, role: &str, region: &str) -> (u16, String) {
    let csrf = admin.csrf_on("/staff").await;
    admin
        .post_page(
            &format!("/staff/{id}/access"),
            &[("csrf", &csrf), ("role", role), ("region", region)],
        )
        .await
}

async fn role_and_region_changes_change_what_an_account_sees(db: TestApp) -> TestApp {
    let dash = start(db).await;
    let s = &dash.seeded;
    let mut admin = admin(&dash).await;
    let (_, officer) = sign_in(&dash, "loteng@pandu.test", PASSWORD).await;
    let lead = |id: i64| format!("/leads/{id}");
    assert_eq!(officer.get(&lead(s.loteng)).await.0, 200);
    assert_eq!(officer.get(&lead(s.surabaya)).await.0, 404);

    let loteng = staff_id(&dash, "loteng@pandu.test").await;
    let (status, page) = access(&admin, loteng, "dinas", "99.99").await;
    assert_eq!(status, 400);
    assert!(page.contains("bukan kode daerah yang dikenal"), "{page}");
    let (status, page) = access(&admin, loteng, "dinas", "").await;
    assert_eq!(status, 400);
    assert!(page.contains("Akun dinas perlu daerah"), "{page}");
    let (status, page) = access(&admin, loteng, "raja", "52").await;
    assert_eq!(status, 400);
    assert!(page.contains("tidak dikenal"), "{page}");

    let csrf = admin.csrf_on("/staff").await;
    let path = format!("/staff/{loteng}/access");
    let form = [
        ("csrf", csrf.as_str()),
        ("role", "dinas"),
        ("region", "35.78"),
    ];
    assert_eq!(admin.post(&path, &form).await, (303, "/staff".to_owned()));
    assert_eq!(
        officer.get(&lead(s.surabaya)).await.0,
        200,
        "the new region"
    );
    assert_eq!(officer.get(&lead(s.loteng)).await.0, 404, "not the old one");
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE action = 'staff_access' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(dash.db.service.store.pool())
    .await
    .unwrap();
    assert_eq!(
        detail,
        format!("staff {loteng}: dinas 52.02 -> dinas 35.78")
    );

    // A consultant becomes a province officer: every NTB lead, by region now.
    let konsultan = dash.seeded.konsultan_a;
    let (_, consultant) = sign_in(&dash, "konsultan-a@pandu.test", PASSWORD).await;
    assert_eq!(consultant.get(&lead(s.loteng)).await.0, 404);
    assert_eq!(access(&admin, konsultan, "dinas", "52").await.0, 303);
    assert_eq!(consultant.get(&lead(s.loteng)).await.0, 200);
    assert_eq!(consultant.get(&lead(s.surabaya)).await.0, 404);

    // A dinas officer becomes an admin, and can manage staff; a region is dropped.
    let jatim = staff_id(&dash, "jatim@pandu.test").await;
    access(&admin, jatim, "admin", "35.78").await;
    let jatim_account = store::staff::get(&dash.db.service.store, jatim)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (jatim_account.role, jatim_account.region),
        (Role::Admin, None)
    );
    let (_, new_admin) = sign_in(&dash, "jatim@pandu.test", PASSWORD).await;
    assert_eq!(new_admin.get("/staff").await.0, 200);
    assert_eq!(audited(&dash, "staff_access").await, 3);
    finish(dash).await
}
both_engines!(
    access_change,
    role_and_region_changes_change_what_an_account_sees
);

#[tokio::test]
async fn the_last_active_admin_keeps_the_role() {
    let dash = start(TestApp::sqlite().await).await;
    let mut admin = admin(&dash).await;
    let me = staff_id(&dash, "admin@pandu.test").await;
    let (status, page) = access(&admin, me, "dinas", "52").await;
    assert_eq!(status, 400);
    assert!(page.contains("satu-satunya admin aktif"), "{page}");
    let csrf = admin.csrf_on("/staff").await;
    let (status, page) = admin
        .post_page(&format!("/staff/{me}/disable"), &[("csrf", &csrf)])
        .await;
    assert_eq!(status, 400);
    assert!(
        page.contains("tidak bisa menonaktifkan akun sendiri"),
        "{page}"
    );
    assert_eq!(admin.get("/staff").await.0, 200, "still an admin");

    // With a second admin, the first may step down; the second is then the last.
    let loteng = staff_id(&dash, "loteng@pandu.test").await;
    access(&admin, loteng, "admin", "").await;
    let csrf = admin.csrf_on("/staff").await;
    let form = [("csrf", csrf.as_str()), ("role", "dinas"), ("region", "52")];
    let (status, to) = admin.post(&format!("/staff/{me}/access"), &form).await;
    assert_eq!((status, to.as_str()), (303, "/"));
    assert_eq!(admin.get("/staff").await.0, 404, "no longer an admin");
    let (_, mut second) = sign_in(&dash, "loteng@pandu.test", PASSWORD).await;
    let (status, page) = access(&second, loteng, "konsultan", "").await;
    assert_eq!(status, 400, "{page}");
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM staff WHERE role = 'admin' AND disabled = 0")
            .await,
        1
    );
    // Disabling another account works, and is audited.
    let csrf = second.csrf_on("/staff").await;
    let (status, _) = second
        .post(&format!("/staff/{me}/disable"), &[("csrf", &csrf)])
        .await;
    assert_eq!(status, 303);
    assert_eq!(audited(&dash, "staff_disabled").await, 1);
    finish(dash).await.finish().await;
}

#[tokio::test]
async fn only_admins_reach_the_staff_routes() {
    let dash = start(TestApp::sqlite().await).await;
    let target = staff_id(&dash, "jatim@pandu.test").await;
    for email in ["loteng@pandu.test", "konsultan-a@pandu.test"] {
        let (_, mut other) = sign_in(&dash, email, PASSWORD).await;
        let csrf = other.csrf_on("/rujukan").await;
        assert_eq!(other.get("/staff").await.0, 404, "{email}");
        let new = [
            ("csrf", csrf.as_str()),
            ("name", "X"),
            ("email", "x@pandu.test"),
            ("role", "admin"),
            ("region", ""),
        ];
        assert_eq!(other.post("/staff", &new).await.0, 404, "{email}");
        let role = [("csrf", csrf.as_str()), ("role", "admin"), ("region", "")];
        let path = format!("/staff/{target}/access");
        assert_eq!(other.post(&path, &role).await.0, 404, "{email}");
        // Every field any of these forms takes, so none is refused for its shape first.
        let fields = [
            ("csrf", csrf.as_str()),
            ("organisation", "PLUT"),
            ("desk", "plut"),
            ("coverage", "ID"),
            ("capacity", "3"),
            ("contact", "WA"),
        ];
        for action in [
            "password-link",
            "profile",
            "disable",
            "enable",
            "unlink",
            "link-code",
        ] {
            let path = format!("/staff/{target}/{action}");
            assert_eq!(other.post(&path, &fields).await.0, 404, "{email} {action}");
        }
    }
    assert_eq!(
        dash.db.scalar("SELECT COUNT(*) FROM password_links").await,
        0
    );
    assert_eq!(
        dash.db
            .scalar("SELECT COUNT(*) FROM staff WHERE role = 'admin'")
            .await,
        1
    );
    finish(dash).await.finish().await;
}

#[tokio::test]
async fn the_staff_page_speaks_words_and_caps_its_forms() {
    let dash = start(TestApp::sqlite().await).await;
    let mut admin = admin(&dash).await;
    let (status, page) = admin.get("/staff").await;
    assert_eq!(status, 200);
    for words in [
        "Konsultan",
        "Petugas sosialisasi",
        "Kabupaten Lombok Tengah (52.02)",
        ">PLUT-KUMKM<",
        ">Pendamping dinas<",
        "akun Anda",
    ] {
        assert!(page.contains(words), "{words}: {page}");
    }
    for code in ["· konsultan", "· dinas<", ">dinas_coach<", ">plut<"] {
        assert!(!page.contains(code), "a raw code {code}");
    }
    let csrf = admin.csrf_on("/staff").await;
    let big = "x".repeat(20_000);
    let form = [("csrf", csrf.as_str()), ("name", big.as_str())];
    assert_eq!(admin.post("/staff", &form).await.0, 413);
    finish(dash).await.finish().await;
}
