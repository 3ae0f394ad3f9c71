//! Outreach messages on the real channels: the real `pandu serve` against the fake Bot API
//! and the fake Graph API. Images, link buttons, paid broadcasts on Telegram; image headers,
//! captions and template headers on WhatsApp; a template's details read from Graph.

mod common;

use common::fake_telegram::{BadPhoto, Failure, FakeTelegram};
use common::fake_whatsapp::{FakeTemplate, FakeWhatsapp, payloads};
use common::subscribers::{Sub, seed};
use common::telegram_app::{self, Options, Running};
use common::tg_user::{TgUser, buttons, url_buttons};
use common::wa_user::WaUser;
use common::whatsapp_app;
use pandu::campaigns::{Audience, Draft, Quiet, WaTemplate, Zone};
use pandu::config::Config;
use pandu::domain::{ChannelKind, UserKey};
use pandu::message::{OutButton, OutMessage, Outgoing, Template, TemplateKind, TemplateRef};
use pandu::service::Service;
use pandu::service::campaigns::{Actor, TestTo};
use pandu::store::outbox::{NewMessage, enqueue};
use std::time::Duration;
use tempfile::TempDir;
use time::OffsetDateTime;

const WAIT: Duration = Duration::from_secs(10);
const POSTER: &str = "https://dinas.example.go.id/poster-sni.jpg";
const LINK: &str = "https://t.me/pandu_test_bot?start=abc123";

fn notice(text: &str, button: Option<OutButton>) -> OutMessage {
    OutMessage {
        text: text.into(),
        buttons: button.into_iter().collect(),
        image: Some(POSTER.into()),
        ..OutMessage::default()
    }
}

fn start_button(url: Option<&str>) -> OutButton {
    OutButton {
        id: "start:abc123".into(),
        label: "Cek sekarang".into(),
        url: url.map(str::to_owned),
    }
}

/// Another instance on the served app's database, as the campaign runner would be.
async fn other_instance(config: &Config) -> Service {
    pandu::app::build(config).await.unwrap()
}

/// Queue messages to one chat, in order, as a reply would be queued (and kept once sent, so
/// its buttons stay the chat's current question).
async fn queue(service: &Service, channel: ChannelKind, to: &str, messages: Vec<OutMessage>) {
    let user = UserKey::new(to);
    let outgoing: Vec<Outgoing> = messages.into_iter().map(Outgoing::Message).collect();
    let rows: Vec<NewMessage<'_>> = outgoing
        .iter()
        .map(|outgoing| NewMessage {
            conversation: None,
            recipient: &user,
            outgoing,
            transient: false,
            at: OffsetDateTime::now_utc(),
        })
        .collect();
    let mut tx = service.store.begin().await.unwrap();
    enqueue(&mut tx, channel, &rows).await.unwrap();
    tx.commit().await.unwrap();
}

async fn scalar(dir: &TempDir, sql: &str) -> i64 {
    common::sqlite_scalar(dir, sql).await
}

struct Tg {
    fake: FakeTelegram,
    dir: TempDir,
    app: Running,
    service: Service,
}

async fn telegram(extra: Vec<(&'static str, String)>) -> Tg {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        extra,
        ..Options::default()
    };
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = other_instance(&telegram_app::config(&fake, &dir, &options, 0)).await;
    Tg {
        fake,
        dir,
        app,
        service,
    }
}

impl Tg {
    async fn stop(self) {
        self.app.stop().await;
        self.service.store.close().await;
    }
}

#[tokio::test]
async fn a_short_notice_is_one_photo_with_its_caption_and_a_link_button() {
    let tg = telegram(Vec::new()).await;
    let text = "Pendaftaran SNI Bina UMK gelombang 2 dibuka.";
    queue(
        &tg.service,
        ChannelKind::Telegram,
        "4001",
        vec![notice(text, Some(start_button(Some(LINK))))],
    )
    .await;
    let sent = tg.fake.message(4001, 1).await;
    assert_eq!(sent.method, "sendPhoto");
    assert_eq!(sent.body["photo"], POSTER);
    assert_eq!(sent.body["caption"], text);
    assert_eq!(url_buttons(&sent), [LINK]);
    assert!(buttons(&sent).is_empty(), "a link button, not a callback");
    assert!(sent.body.get("allow_paid_broadcast").is_none());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        tg.fake.calls("sendMessage").is_empty(),
        "one message, not two"
    );
    tg.stop().await;
}

#[tokio::test]
async fn a_text_too_long_for_a_caption_follows_the_photo_which_a_retry_does_not_repeat() {
    let tg = telegram(Vec::new()).await;
    let text = "Pendaftaran SNI Bina UMK dibuka. ".repeat(40);
    // The text part is refused once: only it is sent again.
    tg.fake
        .fail_next("sendMessage", Failure::TooManyRequests { retry_after: 1 });
    queue(
        &tg.service,
        ChannelKind::Telegram,
        "4002",
        vec![notice(&text, Some(start_button(None)))],
    )
    .await;
    let text_part = tg.fake.message(4002, 3).await;
    let sent = tg.fake.sent_to(4002);
    assert_eq!(sent[0].method, "sendPhoto");
    assert_eq!(sent[0].body["photo"], POSTER);
    assert!(sent[0].body.get("caption").is_none(), "{:?}", sent[0].body);
    assert!(
        sent[0].body.get("reply_markup").is_none(),
        "the buttons go with the text"
    );
    assert_eq!(sent[1].method, "sendMessage", "refused with a 429");
    assert_eq!(text_part.method, "sendMessage");
    assert_eq!(text_part.body["text"], text.as_str());
    assert_eq!(buttons(&text_part), ["start:abc123"]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(tg.fake.calls("sendPhoto").len(), 1, "the photo went once");
    tg.stop().await;
}

#[tokio::test]
async fn a_bad_image_url_fails_that_message_and_the_chat_goes_on() {
    let tg = telegram(Vec::new()).await;
    tg.fake.reject_photo_url(POSTER, BadPhoto::WrongUrl);
    let after = OutMessage {
        text: "Pesan berikutnya".into(),
        ..OutMessage::default()
    };
    queue(
        &tg.service,
        ChannelKind::Telegram,
        "4003",
        vec![notice("Poster", None), after],
    )
    .await;
    let next = tg.fake.message(4003, 2).await;
    assert_eq!(next.body["text"], "Pesan berikutnya");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        tg.fake.calls("sendPhoto").len(),
        1,
        "refused for good: not retried"
    );
    let failed = "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error = 'telegram:bad_request:wrong_file_id_or_url'";
    assert_eq!(scalar(&tg.dir, failed).await, 1);
    tg.stop().await;
}

#[tokio::test]
async fn a_button_pressed_under_a_photo_is_answered_in_its_caption() {
    let tg = telegram(Vec::new()).await;
    queue(
        &tg.service,
        ChannelKind::Telegram,
        "4004",
        vec![notice("Cek produk Anda", Some(start_button(None)))],
    )
    .await;
    tg.fake.message(4004, 1).await;
    let mut user = TgUser::new(&tg.fake, 4004, None);
    user.seen = 1;
    user.press("start:abc123").await;
    tg.fake
        .wait_for("the caption marked answered", WAIT, |f| {
            f.calls("editMessageCaption")
                .iter()
                .any(|c| c.body["caption"] == "Cek produk Anda\n\n✓ Cek sekarang")
        })
        .await;
    tg.stop().await;
}

fn campaign(image: Option<&str>) -> Draft {
    Draft {
        name: "Gelombang 2".into(),
        body: "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.".into(),
        image_url: image.map(str::to_owned),
        button: Some("Cek sekarang".into()),
        audience: Audience {
            channels: vec![ChannelKind::Telegram],
            ..Audience::default()
        },
        template: None,
        zone: Zone::Wib,
        quiet: Quiet { start: 0, end: 0 },
    }
}

/// Tested (to chat 3000, a reply-lane message) and started now.
async fn run_campaign(service: &Service, draft: &Draft) -> String {
    let (now, actor) = (OffsetDateTime::now_utc(), Actor::operator());
    let id = service.create_campaign(draft, &actor, now).await.unwrap();
    let to = TestTo::Chat(ChannelKind::Telegram, UserKey::new("3000"));
    service.test_campaign(id, &actor, to, now).await.unwrap();
    service
        .start_campaign(id, None, &actor, &None, now)
        .await
        .unwrap();
    service.campaign_for(id, &actor).await.unwrap().code
}

/// Campaign notices to `chats` (and the test send to 3000, and a reply to 3001).
async fn broadcast(tg: &Tg, chats: &[i64]) -> String {
    let owners: Vec<Sub> = chats.iter().map(|c| Sub::new(c.to_string())).collect();
    seed(&tg.service.store, &owners).await;
    let code = run_campaign(&tg.service, &campaign(Some(POSTER))).await;
    TgUser::new(&tg.fake, 3001, None).say("halo").await;
    tg.fake
        .wait_for("every notice", Duration::from_secs(20), |f| {
            chats.iter().all(|c| f.sent_count(*c) >= 1) && f.sent_count(3000) >= 1
        })
        .await;
    code
}

#[tokio::test]
async fn paid_broadcasts_are_asked_for_campaign_notices_only_at_the_configured_pace() {
    let tg = telegram(vec![
        ("TELEGRAM_PAID_BROADCAST", "true".into()),
        ("TELEGRAM_GLOBAL_PER_SECOND", "10".into()),
        ("TELEGRAM_BOT_USERNAME", "pandu_test_bot".into()),
    ])
    .await;
    let chats: Vec<i64> = (1000..1015).collect();
    let code = broadcast(&tg, &chats).await;
    for chat in &chats {
        let sent = tg.fake.message(*chat, 1).await;
        assert_eq!(sent.method, "sendPhoto");
        assert_eq!(sent.body["allow_paid_broadcast"], true, "chat {chat}");
        let link = format!("https://t.me/pandu_test_bot?start={code}");
        assert_eq!(url_buttons(&sent), [link]);
    }
    let test = tg.fake.message(3000, 1).await;
    assert!(
        test.body.get("allow_paid_broadcast").is_none(),
        "the test send is no broadcast"
    );
    let reply = tg.fake.message(3001, 1).await;
    assert!(
        reply.body.get("allow_paid_broadcast").is_none(),
        "nor is a reply"
    );
    // Sends leave 101 ms apart; one that arrives late can share a window with an eleventh.
    let peak = tg.fake.max_in_any_second();
    assert!(
        (6..=11).contains(&peak),
        "{peak} sends in one second at 10/s"
    );
    tg.stop().await;
}

#[tokio::test]
async fn without_paid_broadcasts_no_notice_asks_for_one() {
    let tg = telegram(Vec::new()).await;
    let chats = [1100, 1101];
    broadcast(&tg, &chats).await;
    for chat in chats {
        let sent = tg.fake.message(chat, 1).await;
        assert!(
            sent.body.get("allow_paid_broadcast").is_none(),
            "{:?}",
            sent.body
        );
    }
    tg.stop().await;
}

struct Wa {
    fake: FakeWhatsapp,
    dir: TempDir,
    app: Running,
    service: Service,
    config: Config,
}

async fn whatsapp() -> Wa {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let extra = [("WHATSAPP_BUSINESS_ACCOUNT_ID", payloads::WABA_ID)];
    let config = whatsapp_app::config_with(&fake, &dir, None, &extra);
    let app = telegram_app::start_with(config.clone()).await;
    let service = other_instance(&config).await;
    Wa {
        fake,
        dir,
        app,
        service,
        config,
    }
}

impl Wa {
    async fn stop(self) {
        self.app.stop().await;
        self.service.store.close().await;
    }
}

#[tokio::test]
async fn on_whatsapp_an_image_heads_the_buttons_or_comes_with_its_caption() {
    let wa = whatsapp().await;
    let mut user = WaUser::new(&wa.fake, &wa.app, "6281234567001");
    user.say("halo").await; // inside the 24-hour window from here
    let seen = user.seen;
    let plain_link = OutMessage {
        image: Some("http://dinas.example.go.id/poster.jpg".into()),
        ..notice("Tautan tanpa https", None)
    };
    let messages = vec![
        notice("Cek produk Anda", Some(start_button(Some(LINK)))),
        notice("Poster saja", None),
        plain_link,
    ];
    queue(&wa.service, ChannelKind::Whatsapp, &user.wa_id, messages).await;
    let last = wa.fake.message(&user.wa_id, seen + 3).await;
    let sent = wa.fake.sent_to(&user.wa_id);
    let interactive = &sent[seen].body["interactive"];
    assert_eq!(interactive["type"], "button");
    assert_eq!(interactive["header"]["image"]["link"], POSTER);
    assert_eq!(
        interactive["action"]["buttons"][0]["reply"]["id"], "start:abc123",
        "the id, not the link"
    );
    assert_eq!(sent[seen].status, 200);
    let image = &sent[seen + 1].body;
    assert_eq!(image["type"], "image");
    assert_eq!(
        (&image["image"]["link"], &image["image"]["caption"]),
        (&POSTER.into(), &"Poster saja".into())
    );
    assert_eq!(sent[seen + 1].status, 200);
    assert_eq!(last.status, 400, "Meta takes https links only");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let failed = "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error = 'whatsapp:code:131009'";
    assert_eq!(scalar(&wa.dir, failed).await, 1);
    wa.stop().await;
}

fn sni_template(image_header: bool) -> FakeTemplate {
    FakeTemplate {
        image_header,
        quick_replies: vec!["Cek sekarang".into()],
        ..FakeTemplate::approved(
            "sni_pengumuman",
            "Pendaftaran SNI Bina UMK dibuka sampai {{1}}.",
        )
    }
}

fn template_notice(header_image: Option<&str>) -> OutMessage {
    let template = Template {
        kind: TemplateKind::Campaign,
        params: vec!["30 Juni".into()],
        buttons: vec!["start:abc123".into()],
        named: Some(TemplateRef {
            name: "sni_pengumuman".into(),
            language: "id".into(),
        }),
        header_image: header_image.map(str::to_owned),
    };
    OutMessage {
        template: Some(template),
        ..notice(
            "Pendaftaran dibuka sampai 30 Juni.",
            Some(start_button(None)),
        )
    }
}

#[tokio::test]
async fn outside_the_window_a_template_with_an_image_header_carries_the_image() {
    let wa = whatsapp().await;
    wa.fake.add_template(sni_template(true));
    // Nobody wrote from these numbers: only the template may go.
    queue(
        &wa.service,
        ChannelKind::Whatsapp,
        "6281234567002",
        vec![template_notice(Some(POSTER))],
    )
    .await;
    queue(
        &wa.service,
        ChannelKind::Whatsapp,
        "6281234567003",
        vec![template_notice(None)],
    )
    .await;
    let sent = wa.fake.message("6281234567002", 1).await;
    assert_eq!(sent.status, 200, "{:?}", sent.body);
    let components = &sent.body["template"]["components"];
    assert_eq!(components[0]["type"], "header");
    assert_eq!(components[0]["parameters"][0]["image"]["link"], POSTER);
    assert_eq!(components[1]["parameters"][0]["text"], "30 Juni");
    let missing = wa.fake.message("6281234567003", 1).await;
    assert_eq!(
        missing.status, 400,
        "an image template sent without its image"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let failed = "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error = 'whatsapp:code:132012'";
    assert_eq!(scalar(&wa.dir, failed).await, 1);
    wa.stop().await;
}

#[tokio::test]
async fn template_info_reads_status_parameters_and_header_from_graph() {
    let wa = whatsapp().await;
    wa.fake.add_template(sni_template(true));
    wa.fake.add_template(FakeTemplate {
        language: "en".into(),
        status: "PENDING".into(),
        ..FakeTemplate::approved("sni_pengumuman", "Hello {{name}}, until {{date}}.")
    });
    wa.fake
        .add_template(FakeTemplate::approved("sni_pengumuman_lama", "Lama"));
    let client =
        pandu::channels::whatsapp::client::Client::new(wa.config.whatsapp.as_ref().unwrap());
    let info = client
        .template_info(payloads::WABA_ID, "sni_pengumuman", "id")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            info.status.as_str(),
            info.body_params,
            info.image_header,
            info.quick_replies
        ),
        ("APPROVED", 1, true, 1)
    );
    let en = client
        .template_info(payloads::WABA_ID, "sni_pengumuman", "en")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (en.status.as_str(), en.body_params, en.image_header),
        ("PENDING", 2, false)
    );
    let none = client
        .template_info(payloads::WABA_ID, "sni_pengumuman", "jv")
        .await;
    assert!(none.unwrap().is_none());
    assert!(
        client
            .template_info("42", "sni_pengumuman", "id")
            .await
            .is_err(),
        "another account"
    );

    let checker =
        pandu::channels::whatsapp::templates::checker(wa.config.whatsapp.as_ref().unwrap())
            .unwrap();
    let template = WaTemplate {
        name: "sni_pengumuman".into(),
        language: "id".into(),
        params: vec!["30 Juni".into()],
    };
    assert!(checker.check(&template, true).await.is_ok());
    let why = checker.check(&template, false).await.unwrap_err();
    assert!(why.contains("image header"), "{why}");
    wa.stop().await;
}
