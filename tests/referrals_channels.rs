//! Referrals through the real `pandu serve` and the fake platforms: a consultant links their
//! own chat, gets the notice with buttons, accepts, and the owner hears who will coach them.
//! On WhatsApp outside the 24-hour window the notice goes out as the configured template.
//! Two instances on one PostgreSQL offer, remind and escalate each referral exactly once.

mod common;

use common::fake_telegram::FakeTelegram;
use common::fake_whatsapp::{FakeWhatsapp, payloads};
use common::staff::staff;
use common::telegram_app::{self, Options};
use common::tg_user::{TgUser, buttons, texts};
use common::wa_user::WaUser;
use common::{HAPPY_PATH, whatsapp_app};
use pandu::access::Role;
use std::time::Duration;

#[tokio::test]
async fn telegram_link_notice_accept_and_the_owner_is_told() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        extra: vec![("TELEGRAM_BOT_USERNAME", "@pandu_test_bot".into())],
        ..Options::default()
    };
    let app = telegram_app::start(&fake, &dir, &options).await;
    let admin = pandu::app::build(&telegram_app::config(&fake, &dir, &options, 0))
        .await
        .unwrap();
    let rina = staff(
        &admin,
        "rina@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        "52.02",
    )
    .await;
    let bot = Some("pandu_test_bot");
    let code = admin.link_code(rina, bot).await.unwrap();
    let url = code.telegram_url.clone().unwrap();
    assert_eq!(
        url,
        format!("https://t.me/pandu_test_bot?start=link-{}", code.code)
    );

    // The consultant opens the link: Telegram sends /start with its payload.
    let mut consultant = TgUser::new(&fake, 900, None);
    let linked = texts(&consultant.say(&format!("/start link-{}", code.code)).await);
    assert!(linked.contains("sudah tersambung"), "{linked}");

    let mut owner = TgUser::new(&fake, 100, None);
    for text in HAPPY_PATH {
        owner.say(text).await;
    }
    let notice = consultant.replies().await;
    let call = notice.last().unwrap();
    let text = texts(&notice);
    assert!(
        text.contains("Keripik Bu Siti") && text.contains("Lombok Tengah"),
        "{text}"
    );
    assert!(
        !text.contains("3456"),
        "no owner number in the notice: {text}"
    );
    let ids = buttons(call);
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids[0].starts_with("rj:ok:") && ids[1].starts_with("rj:no:"),
        "{ids:?}"
    );

    let thanks = texts(&consultant.press(&ids[0]).await);
    assert!(thanks.contains("Terima kasih"), "{thanks}");
    let news = texts(&owner.replies().await);
    assert!(news.contains("rina@plut.id dari PLUT-KUMKM NTB"), "{news}");
    // The press stopped the spinner and took the buttons off the notice.
    assert!(!fake.calls("answerCallbackQuery").is_empty());
    assert!(
        fake.calls("editMessageText").iter().any(|c| c.body["text"]
            .as_str()
            .unwrap_or_default()
            .contains("✓ Terima")),
        "the notice shows the answer"
    );
    let accepted = common::sqlite_scalar(
        &dir,
        "SELECT COUNT(*) FROM leads WHERE status = 'diterima_konsultan'",
    )
    .await;
    assert_eq!(accepted, 1);
    admin.store.close().await;
    app.stop().await;
}

#[tokio::test]
async fn whatsapp_outside_the_window_gets_the_template_and_its_button_accepts() {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let extra = [
        ("WHATSAPP_TEMPLATE_REFERRAL_NOTICE", "pandu_rujukan_baru"),
        ("WHATSAPP_TEMPLATE_LANGUAGE", "id"),
    ];
    let config = whatsapp_app::config_with(&fake, &dir, None, &extra);
    let app = telegram_app::start_with(config.clone()).await;
    let admin = pandu::app::build(&config).await.unwrap();
    let rina = staff(
        &admin,
        "rina@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        "52",
    )
    .await;
    let code = admin.link_code(rina, None).await.unwrap();
    let mut consultant = WaUser::new(&fake, &app, "6281900000001");
    let linked = common::wa_user::texts(&consultant.say(&format!("link {}", code.code)).await);
    assert!(linked.contains("sudah tersambung"), "{linked}");
    // Two days later the consultant has not written again: their window is closed.
    sqlx::query(
        "UPDATE inbox SET received_at = received_at - 90000000 WHERE chat = '6281900000001'",
    )
    .execute(admin.store.pool())
    .await
    .unwrap();

    let mut owner = WaUser::new(&fake, &app, "6287700000002");
    for text in HAPPY_PATH.iter().filter(|t| !t.starts_with("0812")) {
        owner.say(text).await;
    }
    let notice = consultant.replies().await;
    let body = &notice.last().unwrap().body;
    assert_eq!(body["type"], "template", "{body}");
    assert_eq!(body["template"]["name"], "pandu_rujukan_baru");
    assert_eq!(body["template"]["language"]["code"], "id");
    let components = body["template"]["components"].as_array().unwrap();
    let params: Vec<&str> = components[0]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(params[0], "Keripik Bu Siti");
    assert_eq!(params[2], "Kabupaten Lombok Tengah");
    let accept = components[1]["parameters"][0]["payload"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(accept.starts_with("rj:ok:"), "{accept}");
    assert!(
        fake.calls("send").iter().all(|c| c.status == 200),
        "Meta accepts every body"
    );

    // The template's quick reply comes back with our payload.
    let wamid = consultant.wamid();
    let press = payloads::template_button(&wamid, "6281900000001", "Terima", &accept);
    let thanks = common::wa_user::texts(&consultant.send(press).await);
    assert!(thanks.contains("Terima kasih"), "{thanks}");
    let news = common::wa_user::texts(&owner.replies().await);
    assert!(news.contains("rina@plut.id dari PLUT-KUMKM NTB"), "{news}");
    admin.store.close().await;
    app.stop().await;
}

#[tokio::test]
async fn two_instances_on_postgres_offer_remind_and_escalate_once() {
    let Some(db) = common::TestApp::postgres().await else {
        return;
    };
    let fake = FakeTelegram::start().await;
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    // 0.002 h: a reminder after about 3.6 s, expiry after 7.2 s.
    let options = Options {
        webhook: true,
        database_url: Some(db.database_url()),
        extra: vec![("PANDU_REFERRAL_SLA_HOURS", "0.002".into())],
        ..Options::default()
    };
    let a = telegram_app::start(&fake, &dirs[0], &options).await;
    let b = telegram_app::start(&fake, &dirs[1], &options).await;
    let admin = &db.service;
    let near = staff(
        admin,
        "rina@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        "52.02",
    )
    .await;
    let far = staff(
        admin,
        "budi@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM Pusat",
        "ID",
    )
    .await;
    let dinas = staff(
        admin,
        "dinas@ntb.id",
        Role::Dinas,
        Some("52"),
        "Dinas Koperasi NTB",
        "",
    )
    .await;
    for (n, (id, chat)) in [(near, 901), (far, 902), (dinas, 903)]
        .into_iter()
        .enumerate()
    {
        let code = admin.link_code(id, None).await.unwrap();
        // Alternate instances, as a load balancer would.
        let url = if n % 2 == 0 {
            a.webhook_url()
        } else {
            b.webhook_url()
        };
        let mut chat = TgUser::new(&fake, chat, Some(url));
        assert!(texts(&chat.say(&format!("link {}", code.code)).await).contains("tersambung"));
    }
    let mut owner = TgUser::new(&fake, 100, Some(a.webhook_url()));
    for text in HAPPY_PATH {
        owner.say(text).await;
    }
    fake.wait_for("the dinas alert", Duration::from_secs(40), |f| {
        f.sent_count(903) >= 2
    })
    .await;
    // Let both schedulers run a few more rounds.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let sent = |chat: i64| texts(&fake.sent_to(chat));
    for chat in [901, 902] {
        let all = sent(chat);
        assert_eq!(
            fake.sent_count(chat),
            3,
            "chat {chat}: linked, notice, reminder, each once:\n{all}"
        );
        assert_eq!(all.matches("Rujukan baru untuk Anda").count(), 1, "{all}");
        assert_eq!(all.matches("Pengingat").count(), 1, "{all}");
    }
    assert_eq!(fake.sent_count(903), 2, "one alert: {}", sent(903));
    assert!(sent(903).contains("setelah 2 kali"), "{}", sent(903));
    assert_eq!(db.scalar("SELECT COUNT(*) FROM referral_offers").await, 2);
    assert_eq!(db.scalar("SELECT COUNT(*) FROM timers").await, 0);
    a.stop().await;
    b.stop().await;
    db.finish().await;
}

#[tokio::test]
async fn a_notice_held_outside_the_window_goes_out_when_the_consultant_writes() {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    // No template configured: outside the window the notice has to wait.
    let config = whatsapp_app::config(&fake, &dir, None);
    let app = telegram_app::start_with(config.clone()).await;
    let admin = pandu::app::build(&config).await.unwrap();
    let rina = staff(
        &admin,
        "rina@plut.id",
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        "52",
    )
    .await;
    let code = admin.link_code(rina, None).await.unwrap();
    let mut consultant = WaUser::new(&fake, &app, "6281900000001");
    consultant.say(&format!("link {}", code.code)).await;
    sqlx::query(
        "UPDATE inbox SET received_at = received_at - 90000000 WHERE chat = '6281900000001'",
    )
    .execute(admin.store.pool())
    .await
    .unwrap();
    let mut owner = WaUser::new(&fake, &app, "6287700000002");
    for text in HAPPY_PATH.iter().filter(|t| !t.starts_with("0812")) {
        owner.say(text).await;
    }
    let held = || async {
        common::sqlite_scalar(
            &dir,
            "SELECT COUNT(*) FROM outbox WHERE status = 'held' AND recipient = '6281900000001'",
        )
        .await
    };
    for _ in 0..100 {
        if held().await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(held().await, 1, "the notice waits");
    assert_eq!(
        fake.sent_count("6281900000001"),
        1,
        "only the link answer was sent"
    );
    // The consultant writes: the window is open, the notice goes out, then the answer.
    let now = common::wa_user::texts(&consultant.say("halo").await);
    assert!(
        now.contains("Rujukan baru") && now.contains("Keripik Bu Siti"),
        "{now}"
    );
    assert_eq!(held().await, 0);
    admin.store.close().await;
    app.stop().await;
}
