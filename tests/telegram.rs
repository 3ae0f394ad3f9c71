//! The Telegram channel end to end: the real `pandu serve` against a fake Bot API.

mod common;

use common::tg_user::{TgUser, buttons, texts};

use common::fake_telegram::{Failure, FakeTelegram, updates};
use common::telegram_app::{Options, Running, WEBHOOK_SECRET, post_update, start};
use serde_json::Value;
use std::time::Duration;
use tempfile::TempDir;

const WAIT: Duration = Duration::from_secs(10);

async fn scalar(dir: &TempDir, sql: &str) -> i64 {
    common::sqlite_scalar(dir, sql).await
}

const PNG: &[u8] = common::PNG;

/// The whole conversation, from a poster's deep link to a lead with a document.
async fn full_conversation(fake: &FakeTelegram, user: &mut TgUser<'_>) {
    let replies = user.say("/start POSTER_LOTENG").await;
    assert!(
        texts(&replies).contains("Saya Pandu"),
        "{}",
        texts(&replies)
    );
    assert_eq!(
        buttons(replies.last().unwrap()),
        ["consent:yes", "consent:no"]
    );

    let replies = user.press("consent:yes").await;
    assert!(texts(&replies).contains("Di provinsi mana"));
    fake.wait_for("the spinner answered", WAIT, |f| {
        !f.calls("answerCallbackQuery").is_empty()
    })
    .await;
    fake.wait_for("the question marked answered", WAIT, |f| {
        f.calls("editMessageText").iter().any(|c| {
            c.body["text"]
                .as_str()
                .unwrap_or_default()
                .ends_with("✓ Setuju")
        })
    })
    .await;

    user.say("lombok tengah").await;
    user.say("Keripik Bu Siti").await;
    let replies = user.say("Siti Aminah").await;
    let keyboard = &replies.last().unwrap().body["reply_markup"]["keyboard"];
    assert_eq!(
        keyboard[0][0]["request_contact"],
        Value::Bool(true),
        "a share-my-number button: {keyboard}"
    );

    let id = fake.next_update_id();
    let replies = user
        .send(updates::contact(id, user.chat, "+6281234567890", user.chat))
        .await;
    assert!(texts(&replies).contains("jenis apa"), "{}", texts(&replies));
    user.press("cat:makanan").await;
    let replies = user.say("keripik singkong balado").await;
    assert!(
        texts(&replies).contains("Keripik singkong"),
        "{}",
        texts(&replies)
    );
    // The verdict comes once the owner confirms the product.
    let replies = user.press("yes").await;
    assert!(
        texts(&replies).contains("SNI 4305:2018"),
        "{}",
        texts(&replies)
    );
    user.say("150 juta").await;
    for data in [
        "yes",
        "risk:rendah",
        "site:rumah",
        "izin:belum",
        "progress:belum",
        "progress:belum",
        "label:lengkap",
        "yes",
    ] {
        user.press(data).await;
    }
    let review = user.press("goal:lokal").await;
    assert!(
        texts(&review).contains("Cek dulu jawaban Anda"),
        "{}",
        texts(&review)
    );
    let replies = user.press("review:ok").await;
    assert!(
        texts(&replies).contains("siap mengajukan SNI Bina UMK"),
        "{}",
        texts(&replies)
    );
    assert!(texts(&replies).contains("NIB Anda"));

    fake.add_file("nib-photo", "photos/file_1.jpg", PNG);
    let id = fake.next_update_id();
    let replies = user
        .send(updates::photo(id, user.chat, "nib-photo", PNG.len() as u64))
        .await;
    assert!(
        texts(&replies).contains("NIB sudah kami terima"),
        "{}",
        texts(&replies)
    );
    for _ in 0..4 {
        user.press("doc:skip").await;
    }
    let replies = user.press("doc:later").await;
    assert!(
        texts(&replies).contains("Dokumen diterima: 1 dari 6"),
        "{}",
        texts(&replies)
    );
}

async fn assert_lead(dir: &TempDir) {
    let n = scalar(
        dir,
        "SELECT COUNT(*) FROM leads WHERE channel = 'telegram' AND source = 'POSTER_LOTENG' \
         AND phone = '+6281234567890' AND outcome = 'siap_bina_umk' AND documents_received = 1",
    )
    .await;
    assert_eq!(n, 1, "one complete lead");
    assert_eq!(
        scalar(dir, "SELECT COUNT(*) FROM documents WHERE item = 'nib'").await,
        1
    );
    assert_eq!(
        scalar(dir, "SELECT COUNT(*) FROM inbox WHERE payload <> ''").await,
        0,
        "raw updates are not kept"
    );
}

#[tokio::test]
async fn full_conversation_by_polling() {
    let (fake, dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 4242, None);
    full_conversation(&fake, &mut user).await;
    assert_lead(&dir).await;
    let commands = fake.calls("setMyCommands");
    assert!(
        commands[0].body["commands"]
            .to_string()
            .contains("Bantuan untuk pertanyaan ini")
    );
    assert!(
        !fake.calls("deleteWebhook").is_empty(),
        "polling clears any webhook first"
    );
    app.stop().await;
}

#[tokio::test]
async fn full_conversation_by_webhook() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(
        &fake,
        &dir,
        &Options {
            webhook: true,
            ..Options::default()
        },
    )
    .await;
    let registered = fake.calls("setWebhook");
    assert_eq!(registered[0].body["secret_token"], WEBHOOK_SECRET);
    let mut user = TgUser::new(&fake, 4343, Some(app.webhook_url()));
    full_conversation(&fake, &mut user).await;
    assert_lead(&dir).await;
    assert!(
        fake.calls("getUpdates").is_empty(),
        "no polling in webhook mode"
    );
    app.stop().await;
}

async fn polling_app() -> (FakeTelegram, TempDir, Running) {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(&fake, &dir, &Options::default()).await;
    (fake, dir, app)
}

async fn webhook_app() -> (FakeTelegram, TempDir, Running) {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(
        &fake,
        &dir,
        &Options {
            webhook: true,
            ..Options::default()
        },
    )
    .await;
    (fake, dir, app)
}

#[tokio::test]
async fn a_forged_or_missing_secret_is_rejected_and_nothing_stored() {
    let (fake, dir, app) = webhook_app().await;
    let update = updates::text(fake.next_update_id(), 1, "halo");
    assert_eq!(
        post_update(&app.webhook_url(), Some("wrong"), &update).await,
        401
    );
    assert_eq!(post_update(&app.webhook_url(), None, &update).await, 401);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(scalar(&dir, "SELECT COUNT(*) FROM inbox").await, 0);
    assert!(fake.calls("sendMessage").is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_redelivered_update_is_a_no_op() {
    let (fake, dir, app) = webhook_app().await;
    let update = updates::text(fake.next_update_id(), 7, "halo");
    let mut user = TgUser::new(&fake, 7, Some(app.webhook_url()));
    let first = user.send(update.clone()).await;
    assert_eq!(first.len(), 2);
    assert_eq!(
        post_update(&app.webhook_url(), Some(WEBHOOK_SECRET), &update).await,
        200
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(fake.sent_to(7).len(), 2, "nothing sent twice");
    assert_eq!(scalar(&dir, "SELECT COUNT(*) FROM inbox").await, 1);
    app.stop().await;
}

#[tokio::test]
async fn a_429_is_waited_out_and_the_message_arrives_once() {
    let (fake, _dir, app) = polling_app().await;
    fake.fail_next("sendMessage", Failure::TooManyRequests { retry_after: 1 });
    fake.push(updates::text(fake.next_update_id(), 9, "halo"));
    fake.message(9, 3).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let attempts = fake.calls("sendMessage");
    assert_eq!(
        attempts.len(),
        3,
        "the greeting refused once, then greeting and consent delivered"
    );
    assert_eq!(
        attempts[1].body["text"], attempts[0].body["text"],
        "order kept: the refused one goes first"
    );
    assert!(
        attempts[2].body["text"]
            .as_str()
            .unwrap()
            .contains("Apakah Anda setuju?")
    );
    let waited = attempts[1].at.duration_since(attempts[0].at);
    assert!(
        waited >= Duration::from_millis(900),
        "waited {waited:?} after retry_after=1"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_blocked_user_is_marked_and_skipped() {
    let (fake, dir, app) = polling_app().await;
    fake.block(11);
    fake.push(updates::text(fake.next_update_id(), 11, "halo"));
    fake.wait_for("a refused send", WAIT, |f| {
        !f.calls("sendMessage").is_empty()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        fake.calls("sendMessage").len(),
        1,
        "after the 403 nothing more is tried"
    );
    assert_eq!(
        scalar(
            &dir,
            "SELECT COUNT(*) FROM unreachable_contacts WHERE user_key = '11'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar(
            &dir,
            "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')"
        )
        .await,
        0
    );

    // The other signal: Telegram tells us the user blocked the bot.
    fake.push(updates::blocked(fake.next_update_id(), 12));
    let dir2 = &dir;
    let mut marked = 0;
    for _ in 0..50 {
        marked = scalar(
            dir2,
            "SELECT COUNT(*) FROM unreachable_contacts WHERE user_key = '12'",
        )
        .await;
        if marked == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(marked, 1);
    app.stop().await;
}

/// Reach the first document question.
async fn to_documents(user: &mut TgUser<'_>) {
    for line in [
        "halo",
        "setuju",
        "lombok tengah",
        "UD Siti",
        "Siti",
        "/lewati",
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
}

#[tokio::test]
async fn an_oversize_file_is_refused_before_downloading() {
    let (fake, _dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 21, None);
    to_documents(&mut user).await;
    let id = fake.next_update_id();
    let replies = user
        .send(updates::document(
            id,
            21,
            "big",
            25 * 1024 * 1024,
            "scan.pdf",
        ))
        .await;
    assert!(
        texts(&replies).contains("terlalu besar"),
        "{}",
        texts(&replies)
    );
    assert!(fake.calls("getFile").is_empty(), "never downloaded");
    assert!(
        texts(&replies).contains("NIB Anda"),
        "the same document asked again"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_unsupported_message_leaves_the_state_unchanged() {
    let (fake, _dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 31, None);
    for line in ["halo", "setuju", "lombok tengah"] {
        user.say(line).await;
    }
    let id = fake.next_update_id();
    let replies = user.send(updates::sticker(id, 31)).await;
    assert!(
        texts(&replies).contains("hanya bisa membaca tulisan"),
        "{}",
        texts(&replies)
    );
    assert!(
        texts(&replies).contains("nama usaha"),
        "the same question again"
    );
    let replies = user.say("UD Siti").await;
    assert!(
        texts(&replies).contains("Siapa nama Anda"),
        "the conversation goes on where it was"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_old_button_pressed_later_changes_nothing() {
    let (fake, dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 41, None);
    user.say("halo").await;
    let consent = user.last_question();
    user.say("setuju").await; // answered by typing: the consent buttons are still on screen
    user.say("lombok tengah").await;
    let before = fake.sent_to(41).len();
    fake.push(updates::press(
        fake.next_update_id(),
        41,
        &consent,
        "consent:no",
    ));
    fake.wait_for("the stale press answered", WAIT, |f| {
        f.calls("answerCallbackQuery").iter().any(|c| {
            c.body["text"]
                .as_str()
                .is_some_and(|t| t.contains("sudah lewat"))
        })
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        fake.sent_to(41).len(),
        before,
        "no new question, no decline"
    );
    assert_eq!(
        scalar(&dir, "SELECT COUNT(*) FROM conversations").await,
        1,
        "the conversation is still there"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_double_tap_answers_once() {
    let (fake, _dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 51, None);
    user.say("halo").await;
    let consent = user.last_question();
    fake.push(updates::press(
        fake.next_update_id(),
        51,
        &consent,
        "consent:yes",
    ));
    fake.push(updates::press(
        fake.next_update_id(),
        51,
        &consent,
        "consent:yes",
    ));
    let replies = user.replies().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(replies.len(), 1, "{}", texts(&replies));
    assert_eq!(
        fake.calls("answerCallbackQuery").len(),
        2,
        "both spinners stopped"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_kill_and_restart_mid_conversation_loses_nothing() {
    let (fake, dir, app) = polling_app().await;
    let mut user = TgUser::new(&fake, 61, None);
    for line in ["halo", "setuju", "lombok tengah"] {
        user.say(line).await;
    }
    app.kill();
    // While Pandu is down the user goes on typing.
    fake.push(updates::text(fake.next_update_id(), 61, "UD Siti"));
    fake.push(updates::text(fake.next_update_id(), 61, "Siti Aminah"));
    let app = start(&fake, &dir, &Options::default()).await;
    let replies = user.replies().await;
    let all = texts(&replies);
    assert!(
        all.contains("Siapa nama Anda") && all.contains("nomor HP"),
        "both answered, in order: {all}"
    );
    let replies = user.say("0812 3456 7890").await;
    assert!(texts(&replies).contains("jenis apa"));
    app.stop().await;
}

#[test]
fn fake_updates_parse_as_teloxide_updates() {
    let question = serde_json::json!({
        "message_id": 1, "date": 1_700_000_000,
        "chat": { "id": 5, "type": "private", "first_name": "Siti" },
        "from": { "id": 999, "is_bot": true, "first_name": "Pandu", "username": "pandu_test_bot" },
        "text": "Setuju?",
        "reply_markup": { "inline_keyboard": [[{ "text": "Setuju", "callback_data": "consent:yes" }]] }
    });
    for update in [
        updates::press(1, 5, &question, "consent:yes"),
        updates::blocked(2, 5),
        updates::sticker(3, 5),
        updates::contact(4, 5, "+62812", 5),
    ] {
        // As the service reads them: from the raw text.
        let parsed: Result<teloxide::types::Update, _> = serde_json::from_str(&update.to_string());
        assert!(parsed.is_ok(), "{update}: {parsed:?}");
        let parsed = parsed.unwrap();
        assert!(
            !matches!(parsed.kind, teloxide::types::UpdateKind::Error(_)),
            "{update}: {parsed:?}"
        );
        // The webhook files an update by a light reading of it: same id, same chat.
        let routing: pandu::channels::telegram::update::Routing =
            serde_json::from_value(update.clone()).unwrap();
        assert_eq!(i64::from(parsed.id.0), routing.update_id, "{update}");
        assert_eq!(
            pandu::channels::telegram::update::chat_key(&parsed),
            routing.chat_key(),
            "{update}"
        );
        // Polling stores what teloxide parsed; it must read back the same.
        let again: teloxide::types::Update =
            serde_json::from_str(&serde_json::to_string(&parsed).unwrap()).unwrap();
        assert_eq!(again, parsed, "{}", serde_json::to_string(&parsed).unwrap());
    }
}

#[tokio::test]
async fn messages_to_one_chat_are_paced() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let app = start(
        &fake,
        &dir,
        &Options {
            per_chat_interval_ms: 1000,
            ..Options::default()
        },
    )
    .await;
    fake.push(updates::text(fake.next_update_id(), 71, "halo"));
    fake.push(updates::text(fake.next_update_id(), 72, "halo"));
    fake.message(71, 2).await;
    fake.message(72, 2).await;
    for chat in [71, 72] {
        let sent = fake.sent_to(chat);
        let gap = sent[1].at.duration_since(sent[0].at);
        assert!(
            gap >= Duration::from_millis(950),
            "chat {chat}: {gap:?} between messages"
        );
    }
    // Chats do not wait for each other.
    let first = |chat| fake.sent_to(chat)[0].at;
    let apart = if first(71) > first(72) {
        first(71) - first(72)
    } else {
        first(72) - first(71)
    };
    assert!(
        apart < Duration::from_millis(500),
        "two chats served together ({apart:?} apart)"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_message_telegram_refuses_for_good_fails_and_the_chat_goes_on() {
    let (fake, dir, app) = polling_app().await;
    fake.fail_next("sendMessage", Failure::MessageTooLong);
    fake.push(updates::text(fake.next_update_id(), 81, "halo"));
    fake.message(81, 2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        fake.sent_to(81).len(),
        2,
        "refused once, not retried; the next message still sent"
    );
    assert_eq!(
        scalar(
            &dir,
            "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error = 'telegram:bad_request:message_too_long'"
        )
        .await,
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn a_refusal_that_quotes_the_users_text_keeps_none_of_it() {
    common::logs::capture();
    let (fake, dir, app) = polling_app().await;
    let said = "Toko Sinar Jaya 0812-3456-7890";
    // Telegram's entity errors can quote the message they refuse.
    fake.fail_next(
        "sendMessage",
        Failure::BadRequest(format!(
            "Bad Request: can't parse entities: Can't find end of the entity starting at \
             byte offset 5: {said}"
        )),
    );
    fake.push(updates::text(fake.next_update_id(), 83, said));
    fake.message(83, 2).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let kind = "SELECT COUNT(*) FROM outbox WHERE status = 'failed' \
                AND last_error = 'telegram:bad_request:cant_parse_entities'";
    assert_eq!(scalar(&dir, kind).await, 1, "kept as its kind");
    let quoted = "SELECT COUNT(*) FROM outbox WHERE last_error LIKE '%Sinar%' \
                  OR last_error LIKE '%0812%' OR last_error LIKE '%entity%'";
    assert_eq!(scalar(&dir, quoted).await, 0);
    common::logs::assert_never_logged(&["Sinar Jaya", "0812-3456", "byte offset"]);
    app.stop().await;
}

/// Two `pandu serve` on one PostgreSQL, updates arriving at either: each handled once, each
/// reply sent once.
#[tokio::test]
async fn two_instances_on_postgres_never_double_process_or_double_send() {
    let Some(db) = common::TestApp::postgres().await else {
        return;
    };
    let url = db.database_url();
    let fake = FakeTelegram::start().await;
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let options = Options {
        webhook: true,
        database_url: Some(url),
        ..Options::default()
    };
    let a = start(&fake, &dirs[0], &options).await;
    let b = start(&fake, &dirs[1], &options).await;
    let chats: Vec<i64> = (100..110).collect();
    let (url_a, url_b) = (a.webhook_url(), b.webhook_url());
    for chat in &chats {
        let update = updates::text(fake.next_update_id(), *chat, "halo");
        // Telegram retrying at the other instance as well.
        let (ra, rb) = tokio::join!(
            post_update(&url_a, Some(WEBHOOK_SECRET), &update),
            post_update(&url_b, Some(WEBHOOK_SECRET), &update),
        );
        assert_eq!((ra, rb), (200, 200));
    }
    for chat in &chats {
        fake.message(*chat, 2).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for chat in &chats {
        assert_eq!(
            fake.sent_to(*chat).len(),
            2,
            "chat {chat}: greeting and consent once"
        );
    }
    a.stop().await;
    b.stop().await;
    db.finish().await;
}

/// Every button id the flow can show fits Telegram's 64-byte callback_data.
#[test]
fn every_button_id_fits_callback_data() {
    let reference = pandu::reference::Reference::embedded();
    let mut ids: Vec<String> = reference
        .catalogue
        .products()
        .iter()
        .map(|p| format!("prod:{}", p.id))
        .collect();
    ids.extend(
        reference
            .regions
            .regencies()
            .iter()
            .map(|g| format!("region:{}", g.code)),
    );
    ids.extend(
        reference
            .regions
            .provinces()
            .iter()
            .map(|p| format!("prov:{}", p.code)),
    );
    for id in ids {
        assert!(
            id.len() <= pandu::channels::telegram::render::CALLBACK_DATA_MAX,
            "{id}"
        );
    }
}
