//! What an attacker without an account can do to the server: flood the login, hold
//! connections open, read metrics, steal or shadow cookies, run a citizen's file as a page.

mod common;

use common::TestApp;
use common::dash::{Client, METRICS_TOKEN, PASSWORD, start_with_vars};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ATTACKER: &str = "203.0.113.9";
const OWNER: &str = "198.51.100.4";

/// A login from `from`, as the trusted proxy (the test itself, on 127.0.0.1) reports it.
async fn login_from(base: &str, from: &str, email: &str, password: &str) -> u16 {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    http.post(format!("{base}/login"))
        .header("x-forwarded-for", from)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The owner's login while under attack: a busy answer (503) is retried as a person would.
async fn owner_logs_in(base: &str) -> u16 {
    for _ in 0..50 {
        match login_from(base, OWNER, "admin@pandu.test", PASSWORD).await {
            503 => tokio::time::sleep(Duration::from_millis(100)).await,
            status => return status,
        }
    }
    503
}

fn behind_proxy() -> Vec<(&'static str, String)> {
    vec![("PANDU_TRUSTED_PROXIES", "127.0.0.1".into())]
}

#[tokio::test]
async fn a_flood_of_failed_logins_is_refused_and_the_owner_still_gets_in() {
    let dash = start_with_vars(TestApp::sqlite().await, &behind_proxy()).await;
    let base = dash.client().base;
    let burst: Vec<_> = (0..200)
        .map(|n| {
            let base = base.clone();
            let email = if n % 2 == 0 {
                "admin@pandu.test".to_owned()
            } else {
                format!("nobody{n}@pandu.test")
            };
            tokio::spawn(async move { login_from(&base, ATTACKER, &email, "wrong-guess").await })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in burst {
        statuses.push(task.await.unwrap());
    }
    assert!(
        statuses.iter().all(|s| [401, 429, 503].contains(s)),
        "{statuses:?}"
    );
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 25, "{checked} passwords were checked");
    // The attacker keeps going from its address while the owner signs in from theirs.
    let attack = {
        let base = base.clone();
        tokio::spawn(async move {
            loop {
                login_from(&base, ATTACKER, "admin@pandu.test", "wrong-guess").await;
            }
        })
    };
    assert_eq!(owner_logs_in(&base).await, 303);
    attack.abort();
    // Once the attacker's address is held back (how many of its guesses were checked before
    // depends on how the burst met the hashing permits), even the right password waits.
    let mut held = false;
    for _ in 0..100 {
        match login_from(&base, ATTACKER, "admin@pandu.test", "wrong-guess").await {
            429 => {
                held = true;
                break;
            }
            401 => {}
            503 => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            other => panic!("unexpected {other}"),
        }
    }
    assert!(held, "the attacker's address is held back");
    assert_eq!(
        login_from(&base, ATTACKER, "admin@pandu.test", PASSWORD).await,
        429
    );
    dash.finish().await;
}

#[tokio::test]
async fn over_long_emails_are_refused_before_counting_or_hashing() {
    let dash = start_with_vars(TestApp::sqlite().await, &behind_proxy()).await;
    let base = dash.client().base;
    let long = format!("{}@pandu.test", "a".repeat(250));
    for _ in 0..30 {
        assert_eq!(login_from(&base, OWNER, &long, "x").await, 400);
    }
    // Thirty refusals are no failures: this address is not slowed down.
    assert_eq!(owner_logs_in(&base).await, 303);
    let huge = "b".repeat(1024 * 1024);
    assert_eq!(login_from(&base, OWNER, &huge, "x").await, 413);
    dash.finish().await;
}

#[tokio::test]
async fn x_forwarded_for_is_believed_only_from_the_trusted_proxy() {
    let dash = start_with_vars(TestApp::sqlite().await, &[]).await;
    let base = dash.client().base;
    // Without a trusted proxy every request is 127.0.0.1, whatever it claims: five failures
    // "from" five addresses still count against one.
    for n in 0..5 {
        let from = format!("203.0.113.{n}");
        assert_eq!(
            login_from(&base, &from, "admin@pandu.test", "wrong").await,
            401
        );
    }
    assert_eq!(
        login_from(&base, OWNER, "admin@pandu.test", PASSWORD).await,
        429
    );
    dash.finish().await;
}

fn quick_timeouts(max_connections: u32) -> Vec<(&'static str, String)> {
    vec![
        ("PANDU_HTTP_HEADER_TIMEOUT_SECS", "1".into()),
        ("PANDU_HTTP_BODY_TIMEOUT_SECS", "1".into()),
        ("PANDU_HTTP_MAX_CONNECTIONS", max_connections.to_string()),
    ]
}

/// Read until the server closes the connection; what it said, and when it closed.
async fn until_closed(stream: &mut TcpStream, limit: Duration) -> Option<(String, Instant)> {
    let mut said = Vec::new();
    let mut buf = [0u8; 1024];
    let read_all = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => said.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(limit, read_all).await.ok()?;
    Some((String::from_utf8_lossy(&said).into_owned(), Instant::now()))
}

#[tokio::test]
async fn a_slow_client_is_disconnected_within_the_header_timeout() {
    let dash = start_with_vars(TestApp::sqlite().await, &quick_timeouts(64)).await;
    let addr = dash.app.addr;
    // Headers that never finish.
    let mut slow = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    slow.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let (_, closed) = until_closed(&mut slow, Duration::from_secs(5))
        .await
        .expect("still open after 5 s");
    let took = closed - started;
    assert!(took < Duration::from_millis(2500), "closed after {took:?}");
    // A body that never finishes gets an answer and the connection goes.
    let mut trickle = TcpStream::connect(addr).await.unwrap();
    trickle
        .write_all(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a")
        .await
        .unwrap();
    let (said, _) = until_closed(&mut trickle, Duration::from_secs(5))
        .await
        .expect("body wait not cut");
    assert!(said.starts_with("HTTP/1.1 4"), "{said}");
    // A kept-alive connection that goes quiet is closed too.
    let mut idle = TcpStream::connect(addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let (said, _) = until_closed(&mut idle, Duration::from_secs(5))
        .await
        .expect("idle connection kept");
    assert!(said.starts_with("HTTP/1.1 200"), "{said}");
    dash.finish().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_until_one_is_free() {
    let dash = start_with_vars(TestApp::sqlite().await, &quick_timeouts(3)).await;
    let addr = dash.app.addr;
    let mut holders = Vec::new();
    for _ in 0..3 {
        holders.push(TcpStream::connect(addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let answer = reqwest::get(format!("http://{addr}/healthz"))
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    // Served only once the header timeout freed a slot.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(500),
        "served after {waited:?}"
    );
    drop(holders);
    dash.finish().await;
}

#[tokio::test]
async fn metrics_need_the_token_or_the_internal_address() {
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let internal = probe.local_addr().unwrap();
    drop(probe);
    let vars = [("PANDU_METRICS_ADDR", internal.to_string())];
    let dash = start_with_vars(TestApp::sqlite().await, &vars).await;
    let client = dash.client();
    assert_eq!(client.get("/metrics").await.0, 401, "no token");
    let (status, metrics) = client.metrics().await;
    assert_eq!(status, 200);
    assert!(metrics.contains("pandu_inbound_events_total"));
    let inside = reqwest::get(format!("http://{internal}/metrics"))
        .await
        .unwrap();
    assert_eq!(inside.status(), 200);
    assert!(inside.text().await.unwrap().contains("pandu_leads"));
    let wrong = reqwest::Client::new()
        .get(format!("{}/metrics", client.base))
        .bearer_auth(format!("{METRICS_TOKEN}x"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    dash.finish().await;
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_bound() {
    let vars = [("PANDU_PUBLIC_URL", "https://pandu.example.id".to_owned())];
    let dash = start_with_vars(TestApp::sqlite().await, &vars).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = http
        .post(format!("{}/login", dash.client().base))
        .form(&[("email", "admin@pandu.test"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("__Host-pandu_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let page = http
        .get(format!("{}/leads", dash.client().base))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200, "the prefixed cookie signs in");
    // The old name is not read any more over https.
    let value = pair.split_once('=').unwrap().1;
    let old = http
        .get(format!("{}/leads", dash.client().base))
        .header("cookie", format!("pandu_session={value}"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 303);
    dash.finish().await;
}

#[tokio::test]
async fn every_page_has_a_policy_and_documents_run_sandboxed() {
    let dash = start_with_vars(TestApp::sqlite().await, &[]).await;
    let mut client = dash.client();
    assert_eq!(client.login("admin@pandu.test").await, 303);
    let lead = dash.seeded.loteng;
    for path in [
        "/login".to_owned(),
        "/leads".to_owned(),
        format!("/leads/{lead}"),
        "/no-such-page".to_owned(),
    ] {
        let response = client.get_response(&path).await;
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    }
    let doc = format!("/leads/{lead}/documents/{}", dash.seeded.document);
    let response = client.get_response(&doc).await;
    assert_eq!(response.status(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.starts_with("sandbox"), "{csp}");
    dash.finish().await;
}

#[tokio::test]
async fn a_failed_setup_leaves_the_link_working() {
    let db = TestApp::sqlite().await;
    let state = pandu::web::AppState::new(db.service.clone(), false, None);
    let link = pandu::web::setup_link(&state).await.unwrap().unwrap();
    // A dinas account made from the CLI before any admin holds the email typed below.
    let hash = pandu::web::auth::hash_password(PASSWORD).unwrap();
    let now = time::OffsetDateTime::now_utc();
    let region = pandu::reference::RegionCode::parse("52.02").unwrap();
    let store = &db.service.store;
    let role = pandu::access::Role::Dinas;
    pandu::store::staff::add(
        store,
        "taken@pandu.test",
        "X",
        role,
        Some(&region),
        &hash,
        now,
    )
    .await
    .unwrap();
    let mut vars = std::collections::HashMap::new();
    vars.insert("DATABASE_URL", db.database_url());
    vars.insert(
        "PANDU_DOCUMENTS_DIR",
        db.documents_dir().display().to_string(),
    );
    let config = pandu::config::Config::from_lookup(|n| vars.get(n).cloned()).unwrap();
    let app = common::telegram_app::start_with(config).await;
    let client = Client::new(&format!("http://{}", app.addr));
    let taken = [
        ("name", "Ibu Admin"),
        ("email", "taken@pandu.test"),
        ("password", PASSWORD),
    ];
    let (status, page) = client.post_page(&link, &taken).await;
    assert_eq!(status, 400);
    assert!(page.contains("sudah dipakai akun lain"), "{page}");
    assert_eq!(client.get(&link).await.0, 200, "the link still works");
    // Two submissions at once: one admin.
    let form = |email: &'static str| {
        [
            ("name", "Ibu Admin"),
            ("email", email),
            ("password", PASSWORD),
        ]
    };
    let (mut a, mut b) = (client.clone(), client.clone());
    let (form_a, form_b) = (form("first@pandu.test"), form("second@pandu.test"));
    let (first, second) = tokio::join!(a.post(&link, &form_a), b.post(&link, &form_b));
    let mut statuses = [first.0, second.0];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 404]);
    let admins = db
        .scalar("SELECT COUNT(*) FROM staff WHERE role = 'admin'")
        .await;
    assert_eq!(admins, 1);
    assert_eq!(client.get(&link).await.0, 404, "used up");
    app.stop().await;
    db.finish().await;
}
