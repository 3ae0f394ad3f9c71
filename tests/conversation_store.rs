//! The conversation through the real service and store, on SQLite and PostgreSQL:
//! leads, documents, resume after restart, duplicates, /kembali, /ulang, /hapus, consent.

mod common;

use common::{HAPPY_PATH, PNG, TestApp, all_text, last_text};
use pandu::domain::ChannelKind;
use pandu::service::{Handled, RawInput};
use pandu::store;

async fn talk(user: &mut common::User<'_>, lines: &[&str]) -> Vec<pandu::message::OutMessage> {
    let mut last = Vec::new();
    for line in lines {
        last = user.say(line).await;
    }
    last
}

async fn full_conversation_ends_in_a_lead_with_a_document(app: TestApp) -> TestApp {
    let mut user = app.user("siti");
    let replies = talk(&mut user, HAPPY_PATH).await;
    let text = all_text(&replies);
    assert!(text.contains("siap mengajukan SNI Bina UMK"), "{text}");
    assert!(
        text.contains("P-IRT"),
        "home-made food without izin edar gets the P-IRT note: {text}"
    );
    assert!(
        last_text(&replies).contains("Dokumen 1 dari 6: kirim foto atau PDF NIB"),
        "{text}"
    );

    let replies = user.file(PNG).await;
    assert!(all_text(&replies).contains("NIB sudah kami terima"));
    assert!(last_text(&replies).contains("kirim foto produk"));
    for _ in 0..3 {
        user.press("doc:skip").await;
    }
    user.press("doc:later").await;
    let replies = user.say("nanti saja").await;
    assert!(
        all_text(&replies).contains("Ringkasan data Anda"),
        "{}",
        all_text(&replies)
    );
    assert!(
        all_text(&replies).contains("Dokumen diterima: 1 dari 6"),
        "{}",
        all_text(&replies)
    );

    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads WHERE outcome = 'siap_bina_umk' AND region_code = '52.02' AND documents_received = 1").await, 1);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM documents WHERE item = 'nib'")
            .await,
        1
    );
    let stored = std::fs::read_dir(app.documents_dir()).unwrap().count();
    assert_eq!(stored, 1, "one content-addressed folder with the photo");

    let mut csv = Vec::new();
    pandu::export::write_csv(
        &app.service.store,
        &pandu::access::Scope::All,
        &Default::default(),
        &pandu::export::Words::new(app.service.texts.clone(), pandu::domain::Locale::Id),
        &mut csv,
        false,
    )
    .await
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("\"Keripik Bu Siti\",\"Siti Aminah\",\"0812-3456-7890\",\"makanan\""),
        "{csv}"
    );
    assert!(csv.contains("siap_bina_umk"), "{csv}");
    app
}
both_engines!(
    full_conversation,
    full_conversation_ends_in_a_lead_with_a_document
);

async fn a_restart_continues_at_the_same_question(app: TestApp) -> TestApp {
    talk(&mut app.user("budi"), &HAPPY_PATH[..4]).await;
    // A reply queued but not delivered before the crash must still arrive.
    app.user("budi")
        .send(RawInput::Text("Budi Santoso".into()))
        .await;
    let handled = app
        .user("budi")
        .send_as("queued", RawInput::Text("/status".into()))
        .await;
    assert!(matches!(handled, Handled::Processed { .. }));

    let app = app.restart().await;
    let mut user = app.user("budi");
    let pending = user.receive().await;
    assert!(
        all_text(&pending).contains("pertanyaan"),
        "the /status reply survived: {}",
        all_text(&pending)
    );
    let replies = user.say("0813 1111 2222").await;
    assert!(
        last_text(&replies).contains("termasuk jenis apa"),
        "{}",
        last_text(&replies)
    );
    app
}
both_engines!(
    resume_after_restart,
    a_restart_continues_at_the_same_question
);

async fn a_redelivered_event_changes_nothing(app: TestApp) -> TestApp {
    let mut user = app.user("dup");
    talk(&mut user, &HAPPY_PATH[..3]).await;
    assert_eq!(
        user.send_as("same-id", RawInput::Text("UD Sinar".into()))
            .await,
        Handled::Processed { replies: 1 }
    );
    let before = app.scalar("SELECT COUNT(*) FROM outbox").await;
    let state_before =
        store::conversations::find(&app.service.store, ChannelKind::Console, &user.key)
            .await
            .unwrap();
    assert_eq!(
        user.send_as("same-id", RawInput::Text("UD Sinar".into()))
            .await,
        Handled::Duplicate
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM outbox").await,
        before,
        "nothing sent twice"
    );
    let state_after =
        store::conversations::find(&app.service.store, ChannelKind::Console, &user.key)
            .await
            .unwrap();
    assert_eq!(state_before, state_after);
    app
}
both_engines!(duplicate_event, a_redelivered_event_changes_nothing);

async fn back_lets_the_user_change_an_answer(app: TestApp) -> TestApp {
    let mut user = app.user("back");
    // Stop at the goal question, the last one.
    talk(&mut user, &HAPPY_PATH[..HAPPY_PATH.len() - 2]).await;
    user.say("/kembali").await; // back to "willing"
    let replies = user.say("/kembali").await; // back to "label"
    assert!(
        last_text(&replies).contains("berlabel lengkap"),
        "{}",
        last_text(&replies)
    );
    user.say("belum").await;
    let review = user.say("pasar lokal").await;
    assert!(
        all_text(&review).contains("Cek dulu jawaban Anda"),
        "{}",
        all_text(&review)
    );
    let replies = user.say("benar").await;
    assert!(
        all_text(&replies).contains("hampir siap"),
        "label missing now: {}",
        all_text(&replies)
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM leads WHERE outcome = 'siapkan_label'")
            .await,
        1
    );
    app
}
both_engines!(back_changes_an_answer, back_lets_the_user_change_an_answer);

async fn restart_command_starts_over_after_confirming(app: TestApp) -> TestApp {
    let mut user = app.user("ulang");
    talk(&mut user, &HAPPY_PATH[..6]).await;
    let replies = user.say("/ulang").await;
    assert!(last_text(&replies).contains("Mulai ulang"));
    let replies = user.press("confirm:yes").await;
    assert!(
        last_text(&replies).contains("provinsi"),
        "{}",
        last_text(&replies)
    );
    let conv = store::conversations::find(&app.service.store, ChannelKind::Console, &user.key)
        .await
        .unwrap()
        .unwrap();
    assert!(conv.answers.business_name.is_none(), "answers cleared");
    assert!(conv.consent.is_some(), "consent kept");
    app
}
both_engines!(
    restart_command,
    restart_command_starts_over_after_confirming
);

async fn delete_removes_everything_including_files(app: TestApp) -> TestApp {
    let mut user = app.user("hapus");
    talk(&mut user, HAPPY_PATH).await;
    user.file(PNG).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 1);
    let replies = user.say("/hapus").await;
    assert!(last_text(&replies).contains("tidak bisa dibatalkan"));
    let replies = user.press("confirm:yes").await;
    assert!(last_text(&replies).contains("sudah dihapus"));
    for table in ["conversations", "leads", "documents", "outbox"] {
        assert_eq!(
            app.scalar(&format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table} emptied"
        );
    }
    let files: Vec<_> = walk(&app.documents_dir());
    assert!(files.is_empty(), "document files removed: {files:?}");
    app
}
both_engines!(delete_command, delete_removes_everything_including_files);

async fn declined_consent_keeps_no_personal_data(app: TestApp) -> TestApp {
    let mut user = app.user("tolak");
    user.say("halo").await;
    let replies = user.say("tidak").await;
    assert!(all_text(&replies).contains("tidak menyimpan data Anda"));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM conversations").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 0);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM outbox").await,
        0,
        "the goodbye is not kept once delivered"
    );
    assert_eq!(
        store::stats::declined_total(&app.service.store)
            .await
            .unwrap(),
        1
    );
    let replies = user.say("halo lagi").await;
    assert!(
        all_text(&replies).contains("Sebelum mulai"),
        "a new message starts afresh"
    );
    app
}
both_engines!(declined_consent, declined_consent_keeps_no_personal_data);

async fn oversize_and_foreign_files_are_refused_politely(app: TestApp) -> TestApp {
    let mut user = app.user("files");
    talk(&mut user, HAPPY_PATH).await;
    let replies = user.file(b"PK\x03\x04 not a photo").await;
    assert!(all_text(&replies).contains("tidak bisa kami terima"));
    let big = [PNG, &vec![0u8; 2 * 1024 * 1024]].concat();
    let replies = user.file(&big).await;
    assert!(
        all_text(&replies).contains("terlalu besar"),
        "{}",
        all_text(&replies)
    );
    assert!(
        last_text(&replies).contains("NIB Anda"),
        "same item asked again"
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM documents").await, 0);
    app
}
both_engines!(
    refused_files,
    oversize_and_foreign_files_are_refused_politely
);

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            if e.path().is_dir() {
                walk(&e.path())
            } else {
                vec![e.path()]
            }
        })
        .collect()
}

async fn data_past_the_retention_period_is_deleted(app: TestApp) -> TestApp {
    let long_ago = time::OffsetDateTime::now_utc() - time::Duration::days(3 * 365);
    let mut old = app.user("lama");
    for (i, line) in HAPPY_PATH.iter().enumerate() {
        old.send_at(
            &format!("old-{i}"),
            RawInput::Text((*line).into()),
            long_ago,
        )
        .await;
    }
    old.send_at("old-file", RawInput::File(PNG.to_vec()), long_ago)
        .await;
    old.receive().await;
    // Someone who never answered the consent question is kept only a week.
    let mut silent = app.user("diam");
    let last_week = time::OffsetDateTime::now_utc() - time::Duration::days(8);
    silent
        .send_at("silent-1", RawInput::Text("halo".into()), last_week)
        .await;
    assert_eq!(silent.receive().await.len(), 2);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM outbox WHERE recipient = 'diam' AND payload <> ''")
            .await,
        0,
        "the text of pre-consent replies is not kept"
    );
    let mut recent = app.user("baru");
    talk(&mut recent, HAPPY_PATH).await;
    recent.file(&[PNG, b"other"].concat()).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 2);

    let purged = app
        .service
        .purge_expired(time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(
        purged, 2,
        "the conversation untouched for 24 months, and the silent one"
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM documents").await, 1);
    assert_eq!(
        walk(&app.documents_dir()).len(),
        1,
        "the old file is gone, the recent one kept"
    );
    let kept = store::conversations::find(&app.service.store, ChannelKind::Console, &recent.key)
        .await
        .unwrap();
    assert!(kept.is_some());
    app
}
both_engines!(retention, data_past_the_retention_period_is_deleted);

/// Two instances receive the same first message at once (a platform redelivery racing the
/// original), and different first messages of one new user: nothing is processed twice,
/// nothing fails.
async fn two_instances_never_double_process(app: TestApp) -> TestApp {
    let other = app.second_instance().await;
    let inbound = |user: &str, id: &str, text: &str| pandu::service::Inbound {
        channel: ChannelKind::Console,
        user: pandu::domain::UserKey::new(user),
        message_id: id.into(),
        input: RawInput::Text(text.into()),
        sender_phone: None,
        acks: Vec::new(),
        at: time::OffsetDateTime::now_utc(),
    };
    for n in 0..10 {
        let user = format!("race-{n}");
        let (a, b) = tokio::join!(
            app.service.handle(inbound(&user, "same", "halo")),
            other.handle(inbound(&user, "same", "halo")),
        );
        let outcomes = [a.unwrap(), b.unwrap()];
        assert_eq!(
            outcomes
                .iter()
                .filter(|h| **h == Handled::Duplicate)
                .count(),
            1,
            "{outcomes:?}"
        );
        // Two different first messages of a brand-new user: both create the conversation;
        // the loser of that race retries and continues it.
        let fresh = format!("fresh-{n}");
        let (a, b) = tokio::join!(
            app.service.handle(inbound(&fresh, "x1", "halo")),
            other.handle(inbound(&fresh, "x2", "halo")),
        );
        assert!(matches!(a.unwrap(), Handled::Processed { .. }));
        assert!(matches!(b.unwrap(), Handled::Processed { .. }));
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM conversations").await, 20);
    other.store.close().await;
    app
}
both_engines!(two_instances, two_instances_never_double_process);

async fn questions_and_every_result_reach_the_lead(app: TestApp) -> TestApp {
    let mut user = app.user("tanya");
    talk(&mut user, HAPPY_PATH).await;
    let replies = user
        .say("kalau saya jual di pameran luar kota boleh tidak?")
        .await;
    assert!(
        all_text(&replies).contains("petugas"),
        "{}",
        all_text(&replies)
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM leads WHERE owner_questions LIKE '%pameran luar kota%'")
            .await,
        1,
        "the question is on the lead for staff"
    );
    // A re-check updates the same lead; its timeline keeps both results.
    talk(
        &mut user,
        &[
            "cek ulang",
            "makanan",
            "keripik singkong balado",
            "ya",
            "150 juta",
            "belum",
        ],
    )
    .await;
    talk(&mut user, &["di rumah", "belum", "belum", "belum", "benar"]).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 1);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM leads WHERE outcome = 'perlu_nib' AND business_name = 'Keripik Bu Siti'")
            .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'result'")
            .await,
        2
    );
    app
}
both_engines!(
    questions_and_results_on_the_lead,
    questions_and_every_result_reach_the_lead
);
