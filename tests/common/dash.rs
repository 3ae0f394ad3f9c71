//! A served app with seeded leads and staff, and a small cookie-keeping HTTP client.
#![allow(dead_code)]

use super::telegram_app::{Running, start_with};
use super::{HAPPY_PATH, PNG, TestApp};
use pandu::access::{Role, StaffId};
use pandu::config::Config;
use pandu::reference::RegionCode;
use std::collections::HashMap;

pub const PASSWORD: &str = "correct-horse-battery";
/// `/metrics` on the dashboard's listener needs this bearer token.
pub const METRICS_TOKEN: &str = "metrics-token-for-tests";

/// One browser: keeps the session cookie, never follows redirects.
#[derive(Clone)]
pub struct Client {
    pub base: String,
    http: reqwest::Client,
    cookie: Option<String>,
}

impl Client {
    pub fn new(base: &str) -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            base: base.into(),
            http,
            cookie: None,
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        let response = request.send().await.unwrap();
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// `GET /metrics` with the token.
    pub async fn metrics(&self) -> (u16, String) {
        let response = self
            .http
            .get(format!("{}/metrics", self.base))
            .bearer_auth(METRICS_TOKEN)
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// The response as it arrives, for reading the body chunk by chunk.
    pub async fn get_response(&self, path: &str) -> reqwest::Response {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        request.send().await.unwrap()
    }

    pub async fn get_bytes(&self, path: &str) -> (u16, Vec<u8>, String) {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        let response = request.send().await.unwrap();
        let kind = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (
            response.status().as_u16(),
            response.bytes().await.unwrap().to_vec(),
            kind,
        )
    }

    /// POST a form; returns the status and the redirect target, keeping any new cookie.
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let mut request = self.http.post(format!("{}{path}", self.base)).form(form);
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        let response = request.send().await.unwrap();
        if let Some(set) = response.headers().get("set-cookie") {
            let pair = set.to_str().unwrap().split(';').next().unwrap().to_owned();
            self.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (response.status().as_u16(), location)
    }

    /// Switch the dashboard's language through its form, keeping the session: the app's own
    /// cookie for the language is added beside the session's.
    pub async fn switch_language(&mut self, lang: &str) {
        let mut request = self
            .http
            .post(format!("{}/bahasa", self.base))
            .form(&[("lang", lang), ("back", "/")]);
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status().as_u16(), 303);
        let set = response.headers()["set-cookie"].to_str().unwrap();
        let pair = set.split(';').next().unwrap();
        assert_eq!(pair, format!("pandu_lang={lang}"));
        let session = self
            .cookie
            .as_deref()
            .and_then(|c| c.split("; ").find(|p| !p.starts_with("pandu_lang=")))
            .map(str::to_owned);
        self.cookie = Some(match session {
            Some(session) => format!("{session}; {pair}"),
            None => pair.to_owned(),
        });
    }

    pub async fn login(&mut self, email: &str) -> u16 {
        self.post("/login", &[("email", email), ("password", PASSWORD)])
            .await
            .0
    }

    /// POST a form and read the page it answers with (no redirect).
    pub async fn post_page(&self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let mut request = self.http.post(format!("{}{path}", self.base)).form(form);
        if let Some(c) = &self.cookie {
            request = request.header("cookie", c);
        }
        let response = request.send().await.unwrap();
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// The CSRF token of the current session, read from a page's forms.
    pub async fn csrf(&self) -> String {
        self.csrf_on("/leads").await
    }

    /// The CSRF token, read from the forms of this page.
    pub async fn csrf_on(&self, path: &str) -> String {
        let (_, page) = self.get(path).await;
        let start = page
            .find("name=\"csrf\" value=\"")
            .expect("a form with a CSRF token")
            + 19;
        page[start..start + 64].to_owned()
    }
}

/// Leads seeded through the real conversation: their ids and the document of the first.
pub struct Seeded {
    pub loteng: i64,
    pub mataram: i64,
    pub surabaya: i64,
    pub document: i64,
    pub konsultan_a: StaffId,
}

pub struct Dash {
    pub db: TestApp,
    pub app: Running,
    pub seeded: Seeded,
}

impl Dash {
    pub fn client(&self) -> Client {
        Client::new(&format!("http://{}", self.app.addr))
    }

    pub async fn finish(self) {
        self.app.stop().await;
        self.db.finish().await;
    }
}

/// Start with three leads (Lombok Tengah, Kota Mataram, Kota Surabaya) and these accounts:
/// admin@, loteng@ (dinas 52.02), ntb@ (dinas 52, the province), jatim@ (dinas 35.78),
/// konsultan-a@ (assigned the Mataram lead), konsultan-b@ (nothing assigned).
pub async fn start(db: TestApp) -> Dash {
    start_with_vars(db, &[]).await
}

/// `start`, with more settings (limits, proxies, the public URL).
pub async fn start_with_vars(db: TestApp, extra: &[(&'static str, String)]) -> Dash {
    let seeded = seed(&db).await;
    let mut vars: HashMap<&str, String> = HashMap::new();
    vars.insert("DATABASE_URL", db.database_url());
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        db.documents_dir().display().to_string(),
    );
    vars.insert("PANDU_METRICS_TOKEN", METRICS_TOKEN.into());
    for (name, value) in extra {
        vars.insert(name, value.clone());
    }
    let config = Config::from_lookup(|name| vars.get(name).cloned()).unwrap();
    let app = start_with(config).await;
    Dash { db, app, seeded }
}

async fn seed(db: &TestApp) -> Seeded {
    let mut leads = Vec::new();
    for (user, place, business) in [
        ("u-loteng", "lombok tengah", "=HYPERLINK(\"http://evil\")"),
        (
            "u-mataram",
            "kota mataram",
            "<script>alert('x')</script> Kopi",
        ),
        ("u-sby", "kota surabaya", "UD Surabaya Jaya"),
    ] {
        let mut u = db.user(user);
        let mut lines: Vec<&str> = HAPPY_PATH.to_vec();
        lines[2] = place;
        lines[3] = business;
        for line in lines {
            u.say(line).await;
        }
        if user == "u-loteng" {
            u.file(PNG).await;
        }
        leads.push(db.scalar("SELECT MAX(id) FROM leads").await);
    }
    let store = &db.service.store;
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let now = time::OffsetDateTime::now_utc();
    let region = |c: &str| RegionCode::parse(c).unwrap();
    let add = |email: &'static str, role: Role, r: Option<RegionCode>| {
        let hash = hash.clone();
        async move {
            pandu::store::staff::add(store, email, email, role, r.as_ref(), &hash, now)
                .await
                .unwrap()
        }
    };
    add("admin@pandu.test", Role::Admin, None).await;
    add("loteng@pandu.test", Role::Dinas, Some(region("52.02"))).await;
    add("ntb@pandu.test", Role::Dinas, Some(region("52"))).await;
    add("jatim@pandu.test", Role::Dinas, Some(region("35.78"))).await;
    let konsultan_a = add("konsultan-a@pandu.test", Role::Konsultan, None).await;
    add("konsultan-b@pandu.test", Role::Konsultan, None).await;
    // Konsultan A coaches all of NTB, so the Mataram lead may be assigned to them.
    let profile = pandu::access::Profile {
        organisation: "PLUT NTB".into(),
        desk: Some(pandu::referrals::Desk::Plut),
        coverage: pandu::referrals::Coverage::parse("52").unwrap(),
        capacity: 10,
        contact: None,
    };
    db.service.set_profile(konsultan_a, &profile).await.unwrap();
    sqlx::query("UPDATE leads SET assigned_to = $1 WHERE id = $2")
        .bind(konsultan_a.0)
        .bind(leads[1])
        .execute(store.pool())
        .await
        .unwrap();
    let document = db.scalar("SELECT MIN(id) FROM documents").await;
    Seeded {
        loteng: leads[0],
        mataram: leads[1],
        surabaya: leads[2],
        document,
        konsultan_a,
    }
}
