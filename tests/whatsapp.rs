//! The WhatsApp channel end to end: the real `pandu serve` against a fake Graph API, driven
//! by signed webhook POSTs in Meta's payload shapes.

mod common;

use common::wa_user::{WaUser, options, texts};

use common::fake_whatsapp::{Failure, FakeWhatsapp, VERIFY_TOKEN, payloads};
use common::telegram_app::Running;
use common::whatsapp_app::{post, start, webhook_url};
use serde_json::Value;
use std::time::Duration;
use tempfile::TempDir;

async fn scalar(dir: &TempDir, sql: &str) -> i64 {
    common::sqlite_scalar(dir, sql).await
}

async fn app() -> (FakeWhatsapp, TempDir, Running) {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(&fake, &dir, None).await;
    (fake, dir, app)
}

fn no_invalid_payloads(fake: &FakeWhatsapp) {
    let refused: Vec<_> = fake
        .calls("send")
        .into_iter()
        .filter(|c| c.status == 400)
        .collect();
    assert!(refused.is_empty(), "Meta would refuse: {refused:#?}");
}

#[tokio::test]
async fn full_conversation_ends_in_a_lead_with_a_document() {
    let (fake, dir, app) = app().await;
    let mut user = WaUser::new(&fake, &app, "6281234567890");
    let replies = user.say("halo").await;
    assert!(texts(&replies).contains("Saya Pandu"));
    assert_eq!(
        options(replies.last().unwrap()),
        ["consent:yes", "consent:no"]
    );
    assert_eq!(
        replies.last().unwrap().body["interactive"]["type"],
        "button"
    );

    let replies = user.choose("consent:yes").await;
    let provinces = replies.last().unwrap();
    assert_eq!(
        provinces.body["interactive"]["type"], "list",
        "38 provinces: a paged list"
    );
    user.say("lombok tengah").await;
    user.say("Keripik Bu Siti").await;
    let replies = user.say("Siti Aminah").await;
    assert!(
        texts(&replies).contains("jenis apa"),
        "no phone question on WhatsApp: {}",
        texts(&replies)
    );
    user.choose("cat:makanan").await;
    let replies = user.say("keripik singkong balado").await;
    assert!(
        texts(&replies).contains("Keripik singkong"),
        "{}",
        texts(&replies)
    );
    // The verdict comes once the owner confirms the product.
    let replies = user.choose("yes").await;
    assert!(
        texts(&replies).contains("SNI 4305:2018"),
        "{}",
        texts(&replies)
    );
    user.say("150 juta").await;
    for option in [
        "yes",
        "risk:rendah",
        "site:rumah",
        "izin:belum",
        "progress:belum",
        "progress:belum",
        "label:lengkap",
        "yes",
    ] {
        user.choose(option).await;
    }
    let review = user.choose("goal:lokal").await;
    assert!(
        texts(&review).contains("Cek dulu jawaban Anda"),
        "{}",
        texts(&review)
    );
    let replies = user.choose("review:ok").await;
    assert!(
        texts(&replies).contains("siap mengajukan SNI Bina UMK"),
        "{}",
        texts(&replies)
    );

    fake.add_media("media-nib", "image/png", common::PNG);
    let sha = hex_sha256(common::PNG);
    let (id, from) = (user.wamid(), user.wa_id.clone());
    let replies = user
        .send(payloads::image(&id, &from, "media-nib", "image/png", &sha))
        .await;
    assert!(
        texts(&replies).contains("NIB sudah kami terima"),
        "{}",
        texts(&replies)
    );
    for _ in 0..4 {
        user.choose("doc:skip").await;
    }
    let replies = user.choose("doc:later").await;
    assert!(
        texts(&replies).contains("Dokumen diterima: 1 dari 6"),
        "{}",
        texts(&replies)
    );

    no_invalid_payloads(&fake);
    let leads = scalar(
        &dir,
        "SELECT COUNT(*) FROM leads WHERE channel = 'whatsapp' AND phone = '+6281234567890' \
         AND outcome = 'siap_bina_umk' AND documents_received = 1",
    )
    .await;
    assert_eq!(leads, 1);
    app.stop().await;
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[tokio::test]
async fn forged_or_missing_signatures_are_rejected_with_nothing_stored() {
    let (fake, dir, app) = app().await;
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.x", "6281200011100", "halo")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, Some("sha256=00ff")).await, 401);
    let unsigned = reqwest::Client::new()
        .post(webhook_url(&app))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status().as_u16(), 401);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(scalar(&dir, "SELECT COUNT(*) FROM inbox").await, 0);
    assert!(fake.calls("send").is_empty());
    app.stop().await;
}

#[tokio::test]
async fn the_verification_handshake_echoes_the_challenge_only_for_the_right_token() {
    let (_fake, _dir, app) = app().await;
    let url = |token: &str| {
        format!(
            "{}?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444",
            webhook_url(&app)
        )
    };
    let right = reqwest::get(url(VERIFY_TOKEN)).await.unwrap();
    assert_eq!(right.status().as_u16(), 200);
    assert_eq!(right.text().await.unwrap(), "1158201444");
    let wrong = reqwest::get(url("nope")).await.unwrap();
    assert_eq!(wrong.status().as_u16(), 403);
    app.stop().await;
}

#[tokio::test]
async fn a_duplicate_delivery_is_a_no_op() {
    let (fake, dir, app) = app().await;
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.dup", "6281200022200", "halo")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    fake.message("6281200022200", 2).await;
    assert_eq!(post(&app, &body, None).await, 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        fake.sent_count("6281200022200"),
        2,
        "greeting and consent, once"
    );
    assert_eq!(scalar(&dir, "SELECT COUNT(*) FROM inbox").await, 1);
    app.stop().await;
}

#[tokio::test]
async fn several_messages_in_one_payload_are_handled_in_order() {
    let (fake, _dir, app) = app().await;
    let body = payloads::envelope(vec![
        payloads::value(
            vec![payloads::text("wamid.m1", "6281200033300", "halo")],
            vec![],
        ),
        payloads::value(
            vec![
                payloads::text("wamid.m2", "6281200033300", "setuju"),
                payloads::text("wamid.m3", "6281200033300", "lombok tengah"),
            ],
            vec![],
        ),
    ]);
    assert_eq!(post(&app, &body, None).await, 200);
    fake.message("6281200033300", 4).await;
    let all = texts(&fake.sent_to("6281200033300"));
    let (consent, province, business) = (
        all.find("setuju?").unwrap(),
        all.find("provinsi").unwrap(),
        all.find("Apa nama usaha Anda?").unwrap(),
    );
    assert!(consent < province && province < business, "{all}");
    app.stop().await;
}

#[tokio::test]
async fn statuses_never_move_backwards_and_failures_keep_their_code() {
    let (fake, dir, app) = app().await;
    let mut user = WaUser::new(&fake, &app, "6281200044400");
    user.say("halo").await;
    let sent = fake.sent_to("6281200044400");
    let (first, second) = (
        sent[0].wamid.clone().unwrap(),
        sent[1].wamid.clone().unwrap(),
    );
    let statuses = |list: Vec<Value>| payloads::envelope(vec![payloads::value(vec![], list)]);
    // Out of order: read arrives before delivered.
    for status in ["sent", "read", "delivered"] {
        assert_eq!(
            post(
                &app,
                &statuses(vec![payloads::status(
                    &first,
                    "6281200044400",
                    status,
                    None
                )]),
                None
            )
            .await,
            200
        );
    }
    assert_eq!(
        post(
            &app,
            &statuses(vec![payloads::status(
                &second,
                "6281200044400",
                "failed",
                Some(131026)
            )]),
            None
        )
        .await,
        200
    );
    let status_of = |wamid: &str| {
        format!("SELECT COUNT(*) FROM outbox WHERE platform_message_id = '{wamid}' AND ")
    };
    assert_eq!(
        scalar(&dir, &(status_of(&first) + "platform_status = 'read'")).await,
        1,
        "delivered after read is ignored"
    );
    assert_eq!(
        scalar(
            &dir,
            &(status_of(&second) + "platform_status = 'failed' AND platform_error = '131026'")
        )
        .await,
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_malformed_status_costs_only_itself_not_its_batch() {
    common::logs::capture();
    let (fake, dir, app) = app().await;
    let from = "6281200045400";
    // A status whose id is a number: Meta never sends it, a broken proxy might.
    let malformed = serde_json::json!({
        "id": 6281200045400_i64, "status": "delivered", "timestamp": payloads::timestamp(),
        "recipient_id": from
    });
    let good = payloads::status("wamid.earlier-reply", from, "delivered", None);
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.batch-msg", from, "halo")],
        vec![malformed, good],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    let greeting = fake.message(from, 1).await;
    assert_eq!(greeting.status, 200, "the message in the batch is answered");
    let recorded = "SELECT COUNT(*) FROM message_statuses \
         WHERE platform_message_id = 'wamid.earlier-reply' AND status = 'delivered'";
    assert_eq!(scalar(&dir, recorded).await, 1, "the good status is kept");
    assert_eq!(
        scalar(&dir, "SELECT COUNT(*) FROM message_statuses").await,
        1
    );
    let logs = common::logs::captured();
    assert!(
        logs.lines().any(|l| l.contains("malformed item skipped")
            && l.contains("item=\"status\"")
            && l.contains("index=0")
            && l.contains("invalid_type")),
        "the skip is logged by position and kind"
    );
    common::logs::assert_never_logged(&["6281200045400", "wamid.batch-msg"]);
    app.stop().await;
}

#[tokio::test]
async fn a_message_outside_the_24_hour_window_is_held_not_sent() {
    let (fake, dir, app) = app().await;
    let url = format!("sqlite://{}", dir.path().join("pandu.db").display());
    let store = pandu::store::Store::connect(&url).await.unwrap();
    let user = pandu::domain::UserKey::new("6281200055500");
    let long_ago = time::OffsetDateTime::now_utc() - time::Duration::hours(25);
    let channel = pandu::domain::ChannelKind::Whatsapp;
    let old = pandu::store::inbox::NewUpdate {
        channel,
        external_id: "wamid.old".into(),
        chat: "6281200055500".into(),
        payload: String::new(),
        at: long_ago,
    };
    pandu::store::inbox::insert(&store, &old).await.unwrap();
    let message = pandu::message::Outgoing::Message(pandu::message::OutMessage {
        image: None,
        text: "Halo lagi".into(),
        buttons: vec![],
        contact_label: None,
        template: None,
    });
    let mut tx = store.begin().await.unwrap();
    let queued = pandu::store::outbox::NewMessage {
        conversation: None,
        recipient: &user,
        outgoing: &message,
        transient: false,
        at: time::OffsetDateTime::now_utc(),
    };
    pandu::store::outbox::enqueue(&mut tx, channel, &[queued])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut held = 0;
    for _ in 0..100 {
        held = scalar(&dir, "SELECT COUNT(*) FROM outbox WHERE status = 'held'").await;
        if held == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(held, 1);
    assert_eq!(fake.sent_count("6281200055500"), 0, "never attempted");
    store.close().await;
    app.stop().await;
}

#[tokio::test]
async fn a_re_engagement_error_holds_the_message() {
    let (fake, dir, app) = app().await;
    fake.fail_next_send(Failure::ReEngagement);
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.re", "6281200066600", "halo")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    fake.message("6281200066600", 2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        scalar(
            &dir,
            "SELECT COUNT(*) FROM outbox WHERE status = 'held' AND last_error = 'whatsapp:code:131047'"
        )
        .await,
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_refusal_that_quotes_the_number_keeps_none_of_it() {
    common::logs::capture();
    let (fake, dir, app) = app().await;
    let from = "6281200012300";
    // Graph's message and details can name the recipient and quote what was sent.
    fake.fail_next_send(Failure::Refused {
        http: 400,
        code: 131030,
        subcode: None,
        message: format!("(#131030) Recipient phone number {from} not in allowed list"),
        details: format!(
            "Recipient phone number +{from} not in allowed list (text: Toko Sinar Jaya): \
             add it to the recipient list and try again."
        ),
    });
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.quoted", from, "halo")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    let refused = fake.message(from, 1).await;
    assert_eq!(refused.status, 400);
    fake.message(from, 2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let kind = "SELECT COUNT(*) FROM outbox WHERE status = 'failed' \
                AND last_error = 'whatsapp:code:131030'";
    assert_eq!(scalar(&dir, kind).await, 1, "kept as its code");
    let quoted = format!(
        "SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%{from}%' \
         OR last_error LIKE '%Sinar%' OR last_error LIKE '%allowed list%'"
    );
    assert_eq!(scalar(&dir, &quoted).await, 0);
    common::logs::assert_never_logged(&[from, "Sinar Jaya", "allowed list"]);
    app.stop().await;
}

#[tokio::test]
async fn a_rate_limit_is_retried_and_the_message_arrives_once() {
    let (fake, _dir, app) = app().await;
    fake.fail_next_send(Failure::RateLimited);
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.rl", "6281200077700", "halo")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    fake.message("6281200077700", 3).await;
    let attempts = fake.sent_to("6281200077700");
    assert_eq!(attempts[0].status, 429);
    assert_eq!(
        attempts[1].body, attempts[0].body,
        "the same message again, first"
    );
    assert_eq!(attempts[1].status, 200);
    assert!(
        attempts[1].at.duration_since(attempts[0].at) >= Duration::from_millis(900),
        "backed off"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_expired_media_url_is_fetched_again() {
    let (fake, dir, app) = app().await;
    let mut user = WaUser::new(&fake, &app, "6281200088800");
    for line in [
        "halo",
        "setuju",
        "lombok tengah",
        "UD Siti",
        "Siti",
        "makanan",
        "gula aren",
        "ya",
        "150 juta",
        "sudah",
        "rendah",
        "rumah",
        "belum",
        "belum",
        "belum",
        "lengkap",
        "ya",
        "lokal",
        "benar",
    ] {
        user.say(line).await;
    }
    fake.add_media("media-1", "image/png", common::PNG);
    fake.expire_next_download();
    let (id, from) = (user.wamid(), user.wa_id.clone());
    let replies = user
        .send(payloads::image(
            &id,
            &from,
            "media-1",
            "image/png",
            &hex_sha256(common::PNG),
        ))
        .await;
    assert!(
        texts(&replies).contains("NIB sudah kami terima"),
        "{}",
        texts(&replies)
    );
    assert_eq!(
        fake.calls("media").len(),
        2,
        "looked up again after the 404"
    );
    assert_eq!(scalar(&dir, "SELECT COUNT(*) FROM documents").await, 1);
    app.stop().await;
}

#[tokio::test]
async fn unsupported_messages_get_a_polite_answer_and_reactions_none() {
    let (fake, _dir, app) = app().await;
    let mut user = WaUser::new(&fake, &app, "6281200099900");
    for line in ["halo", "setuju", "lombok tengah"] {
        user.say(line).await;
    }
    let (id, from) = (user.wamid(), user.wa_id.clone());
    let replies = user.send(payloads::location(&id, &from)).await;
    assert!(texts(&replies).contains("hanya bisa membaca tulisan"));
    assert!(
        texts(&replies).contains("nama usaha"),
        "the same question again"
    );
    let before = fake.sent_count("6281200099900");
    let (id, from) = (user.wamid(), user.wa_id.clone());
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::reaction(&id, &from, "wamid.any")],
        vec![],
    )]);
    assert_eq!(post(&app, &body, None).await, 200);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        fake.sent_count("6281200099900"),
        before,
        "a reaction needs no answer"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_kill_and_restart_mid_conversation_loses_nothing() {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let first = start(&fake, &dir, None).await;
    let seen = {
        let mut user = WaUser::new(&fake, &first, "6281200011110");
        for line in ["halo", "setuju", "lombok tengah"] {
            user.say(line).await;
        }
        user.seen
    };
    // Accepted by the webhook, then the process dies before (or while) handling it.
    let body = payloads::envelope(vec![payloads::value(
        vec![payloads::text("wamid.k1", "6281200011110", "UD Siti")],
        vec![],
    )]);
    assert_eq!(post(&first, &body, None).await, 200);
    first.kill();
    let second = start(&fake, &dir, None).await;
    let mut user = WaUser::new(&fake, &second, "6281200011110");
    user.seen = seen;
    user.next = 10;
    let replies = user.replies().await;
    assert!(
        texts(&replies).contains("Siapa nama Anda"),
        "{}",
        texts(&replies)
    );
    let replies = user.say("Siti Aminah").await;
    assert!(texts(&replies).contains("jenis apa"));
    second.stop().await;
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let (_fake, _dir, app) = app().await;
    let big = serde_json::json!({ "object": "whatsapp_business_account", "pad": "x".repeat(4 * 1024 * 1024) });
    assert_eq!(post(&app, &big, None).await, 413);
    app.stop().await;
}
