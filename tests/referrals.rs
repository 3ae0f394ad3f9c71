//! Referrals end to end at the service: a finished lead is offered to the right consultant,
//! who accepts or declines from their own chat; reminders, expiry, reassignment and
//! escalation run on the scheduler with a clock the test moves. Both engines.

mod common;

use common::staff::staff;
use common::{HAPPY_PATH, TestApp, User, all_text};
use pandu::access::{Role, StaffId};
use pandu::message::OutMessage;
use pandu::workers::Scheduler;
use time::{Duration, OffsetDateTime};

/// A consultant whose own chat (console user `key`) is linked with a one-time code.
async fn consultant<'a>(app: &'a TestApp, name: &str, coverage: &str) -> (StaffId, User<'a>) {
    let id = staff(
        &app.service,
        &format!("{name}@plut.id"),
        Role::Konsultan,
        None,
        "PLUT-KUMKM NTB",
        coverage,
    )
    .await;
    let chat = link(app, id, name).await;
    (id, chat)
}

async fn link<'a>(app: &'a TestApp, id: StaffId, key: &str) -> User<'a> {
    let code = app.service.link_code(id, None).await.unwrap();
    let mut chat = app.user(key);
    let replies = chat
        .say(&format!("link {}", code.code.to_lowercase()))
        .await;
    assert!(
        all_text(&replies).contains("sudah tersambung"),
        "{}",
        all_text(&replies)
    );
    chat
}

async fn finished_owner<'a>(app: &'a TestApp, key: &str) -> User<'a> {
    let mut owner = app.user(key);
    for text in HAPPY_PATH {
        owner.say(text).await;
    }
    owner
}

async fn fire(app: &TestApp, at: OffsetDateTime) -> usize {
    Scheduler::new(app.service.clone())
        .fire_due(at)
        .await
        .unwrap()
}

/// The button id whose wire form starts with `prefix` in the last message that has buttons.
fn button(messages: &[OutMessage], prefix: &str) -> String {
    messages
        .iter()
        .rev()
        .flat_map(|m| m.buttons.iter())
        .find(|b| b.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} button in {messages:?}"))
        .id
        .clone()
}

async fn lead_status(app: &TestApp) -> String {
    use sqlx::Row;
    sqlx::query("SELECT status FROM leads")
        .fetch_one(app.service.store.pool())
        .await
        .unwrap()
        .get::<String, _>(0)
}

async fn accept_tells_the_owner_who_and_how(app: TestApp) -> TestApp {
    let (_, mut near) = consultant(&app, "rina", "52.02").await;
    let (_, mut far) = consultant(&app, "budi", "52").await;
    let mut owner = finished_owner(&app, "owner-siti").await;
    let now = OffsetDateTime::now_utc();
    fire(&app, now).await;
    // The kab/kota consultant gets it, the province one does not.
    assert!(far.receive().await.is_empty());
    let notice = near.receive().await;
    let text = all_text(&notice);
    for part in [
        "Keripik Bu Siti",
        "Lombok Tengah",
        "Siap mengajukan SNI Bina UMK",
        "/leads/",
        "48 jam",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(
        !text.contains("0812"),
        "no owner number in the consultant's chat: {text}"
    );
    assert_eq!(lead_status(&app).await, "dirujuk");
    // Before acceptance the owner learns only that a consultant is being found.
    let status = all_text(&owner.say("/status").await);
    assert!(
        status.contains("menunggu konsultan") && !status.contains("rina"),
        "{status}"
    );

    let thanks = near.press(&button(&notice, "rj:ok:")).await;
    assert!(
        all_text(&thanks).contains("Terima kasih"),
        "{}",
        all_text(&thanks)
    );
    let news = all_text(&owner.receive().await);
    assert!(news.contains("rina@plut.id dari PLUT-KUMKM NTB"), "{news}");
    assert!(
        news.contains("+6281234567890") || news.contains("0812"),
        "how: {news}"
    );
    assert_eq!(lead_status(&app).await, "diterima_konsultan");
    let status = all_text(&owner.say("/status").await);
    assert!(
        status.contains("diterima oleh rina@plut.id dari PLUT-KUMKM NTB"),
        "{status}"
    );
    // A second press changes nothing.
    let again = all_text(&near.press(&button(&notice, "rj:ok:")).await);
    assert!(again.contains("sudah tidak menunggu"), "{again}");
    assert!(owner.receive().await.is_empty());
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'referral_accepted'")
            .await,
        1
    );
    app
}
both_engines!(accept_flow, accept_tells_the_owner_who_and_how);

async fn decline_with_a_reason_goes_to_the_next(app: TestApp) -> TestApp {
    let (_, mut first) = consultant(&app, "rina", "52.02").await;
    let (_, mut second) = consultant(&app, "budi", "52").await;
    let _owner = finished_owner(&app, "owner-siti").await;
    fire(&app, OffsetDateTime::now_utc()).await;
    let notice = first.receive().await;
    let ask = first.press(&button(&notice, "rj:no:")).await;
    assert!(all_text(&ask).contains("kenapa"), "{}", all_text(&ask));
    assert_eq!(ask.last().unwrap().buttons.len(), 4);
    first.press(&button(&ask, "rj:no:")).await;
    let next = all_text(&second.receive().await);
    assert!(
        next.contains("Rujukan baru") && next.contains("Keripik Bu Siti"),
        "{next}"
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM referral_offers WHERE answer = 'declined' AND reason = 'penuh'"
        )
        .await,
        1
    );
    // The first one's old Terima is too late now.
    let late = all_text(&first.press(&button(&notice, "rj:ok:")).await);
    assert!(late.contains("sudah tidak menunggu"), "{late}");
    app
}
both_engines!(decline_flow, decline_with_a_reason_goes_to_the_next);

async fn reminder_expiry_and_escalation_follow_the_clock(app: TestApp) -> TestApp {
    let (_, mut first) = consultant(&app, "rina", "52.02").await;
    let (_, mut second) = consultant(&app, "budi", "ID").await;
    let dinas = staff(
        &app.service,
        "dinas@loteng.id",
        Role::Dinas,
        Some("52.02"),
        "Dinas Koperasi Lombok Tengah",
        "",
    )
    .await;
    let mut officer = link(&app, dinas, "dinas-loteng").await;
    let _owner = finished_owner(&app, "owner-siti").await;
    let t0 = OffsetDateTime::now_utc();
    fire(&app, t0).await;
    assert!(all_text(&first.receive_at(t0).await).contains("Rujukan baru"));
    // Firing again at the same time sends nothing twice.
    fire(&app, t0).await;
    assert!(first.receive_at(t0).await.is_empty());

    let half = t0 + Duration::hours(25);
    fire(&app, half).await;
    let reminder = all_text(&first.receive_at(half).await);
    assert!(
        reminder.contains("Pengingat") && reminder.contains("23 jam"),
        "{reminder}"
    );
    assert!(second.receive_at(half).await.is_empty());

    let expired = t0 + Duration::hours(49);
    fire(&app, expired).await;
    assert!(first.receive_at(expired).await.is_empty());
    assert!(all_text(&second.receive_at(expired).await).contains("Rujukan baru"));

    // Nobody left who has not had it: the dinas is alerted.
    let later = expired + Duration::hours(49);
    fire(&app, later).await;
    fire(&app, later).await;
    let alert = officer.receive_at(later).await;
    assert_eq!(alert.len(), 1, "one alert: {alert:?}");
    assert!(
        alert[0]
            .text
            .contains("belum diterima konsultan setelah 2 kali"),
        "{}",
        alert[0].text
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referrals WHERE state = 'escalated'")
            .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referral_offers WHERE answer = 'expired'")
            .await,
        2
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM timers").await, 0);
    for action in [
        "referral_opened",
        "referral_offered",
        "referral_reminded",
        "referral_expired",
        "referral_escalated",
    ] {
        let n = app
            .scalar(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"
            ))
            .await;
        assert!(n >= 1, "{action} in the timeline");
    }
    app
}
both_engines!(sla_flow, reminder_expiry_and_escalation_follow_the_clock);

async fn a_consultant_who_leaves_passes_their_offers_on(app: TestApp) -> TestApp {
    let (first_id, mut first) = consultant(&app, "rina", "52.02").await;
    let (_, mut second) = consultant(&app, "budi", "52").await;
    let _owner = finished_owner(&app, "owner-siti").await;
    fire(&app, OffsetDateTime::now_utc()).await;
    assert!(!first.receive().await.is_empty());
    app.service.disable_staff(first_id, None).await.unwrap();
    fire(&app, OffsetDateTime::now_utc()).await;
    assert!(all_text(&second.receive().await).contains("Rujukan baru"));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referral_offers WHERE answer = 'withdrawn'")
            .await,
        1
    );
    // The second one unlinks from their chat: offered on again, to nobody, so escalated.
    let bye = all_text(&second.say("lepas").await);
    assert!(bye.contains("dilepas"), "{bye}");
    fire(&app, OffsetDateTime::now_utc()).await;
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referrals WHERE state = 'escalated'")
            .await,
        1
    );
    // An unlinked chat pressing an old button is told it is not linked.
    let late = all_text(&second.say("terima").await);
    assert!(!late.contains("Rujukan baru"), "{late}");
    app
}
both_engines!(leaving_flow, a_consultant_who_leaves_passes_their_offers_on);

async fn the_desk_follows_the_outcome(app: TestApp) -> TestApp {
    let (_, mut plut) = consultant(&app, "rina", "52.02").await;
    let perizinan = staff(
        &app.service,
        "ptsp@loteng.id",
        Role::Konsultan,
        None,
        "DPMPTSP Lombok Tengah",
        "52.02",
    )
    .await;
    let mut desk = link(&app, perizinan, "ptsp").await;
    // No NIB: the licensing office, not PLUT.
    let mut owner = app.user("owner-nib");
    for text in HAPPY_PATH {
        let text = if *text == "sudah" { "belum" } else { text };
        owner.say(text).await;
    }
    fire(&app, OffsetDateTime::now_utc()).await;
    assert!(plut.receive().await.is_empty());
    let notice = all_text(&desk.receive().await);
    assert!(notice.contains("Perlu NIB dulu"), "{notice}");
    app
}
both_engines!(routing_flow, the_desk_follows_the_outcome);

async fn staff_chats_never_reach_the_owner_flow(app: TestApp) -> TestApp {
    let (_, mut chat) = consultant(&app, "rina", "52.02").await;
    let help = all_text(&chat.say("halo").await);
    assert!(
        help.contains("chat petugas Pandu") && help.contains("0"),
        "{help}"
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM conversations").await, 0);
    // A wrong code is refused politely and links nothing.
    let mut stranger = app.user("stranger");
    let refused = all_text(&stranger.say("link ZZZZ2222").await);
    assert!(refused.contains("tidak berlaku"), "{refused}");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM staff_links").await, 1);
    app
}
both_engines!(staff_chat_flow, staff_chats_never_reach_the_owner_flow);

async fn a_recheck_into_another_route_moves_the_referral(app: TestApp) -> TestApp {
    let (_, mut plut) = consultant(&app, "rina", "52.02").await;
    let perizinan = staff(
        &app.service,
        "ptsp@loteng.id",
        Role::Konsultan,
        None,
        "DPMPTSP Lombok Tengah",
        "52",
    )
    .await;
    let mut desk = link(&app, perizinan, "ptsp").await;
    let mut owner = finished_owner(&app, "owner-siti").await;
    fire(&app, OffsetDateTime::now_utc()).await;
    let first = plut.receive().await;
    assert!(all_text(&first).contains("Rujukan baru"));
    // The owner re-checks and now says the NIB is not there yet.
    for text in [
        "cek ulang",
        "makanan",
        "keripik singkong balado",
        "ya",
        "150 juta",
        "belum",
        "di rumah",
        "belum",
        "belum",
        "belum",
        "benar",
    ] {
        owner.say(text).await;
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM leads WHERE outcome = 'perlu_nib'")
            .await,
        1
    );
    fire(&app, OffsetDateTime::now_utc()).await;
    let moved = all_text(&desk.receive().await);
    assert!(moved.contains("Perlu NIB dulu"), "{moved}");
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referrals WHERE state = 'withdrawn'")
            .await,
        1
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referral_offers WHERE answer = 'withdrawn'")
            .await,
        1
    );
    // PLUT's old notice no longer accepts.
    let late = all_text(&plut.press(&button(&first, "rj:ok:")).await);
    assert!(late.contains("sudah tidak menunggu"), "{late}");
    app
}
both_engines!(
    reroute_flow,
    a_recheck_into_another_route_moves_the_referral
);

async fn erasing_the_lead_ends_its_referral(app: TestApp) -> TestApp {
    let (_, mut plut) = consultant(&app, "rina", "52.02").await;
    let mut owner = finished_owner(&app, "owner-siti").await;
    fire(&app, OffsetDateTime::now_utc()).await;
    let notice = plut.receive().await;
    owner.say("/hapus").await;
    owner.say("ya").await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM leads").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM referrals").await, 0);
    // The delivered notice kept nothing of the owner in the queue.
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%Keripik%'")
            .await,
        0
    );
    let gone = all_text(&plut.press(&button(&notice, "rj:ok:")).await);
    assert!(gone.contains("tidak ditemukan"), "{gone}");
    // Its timers fire into nothing.
    fire(&app, OffsetDateTime::now_utc() + Duration::hours(72)).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM timers").await, 0);
    app
}
both_engines!(erasure_flow, erasing_the_lead_ends_its_referral);

async fn a_consultant_who_blocks_the_bot_passes_their_offers_on(app: TestApp) -> TestApp {
    use pandu::service::{Item, Work};
    let (_, mut first) = consultant(&app, "rina", "52.02").await;
    let (_, mut second) = consultant(&app, "budi", "52").await;
    let _owner = finished_owner(&app, "owner-siti").await;
    fire(&app, OffsetDateTime::now_utc()).await;
    assert!(!first.receive().await.is_empty());
    // The platform tells us the first consultant's chat blocked the bot.
    let blocked = Item {
        inbox_id: None,
        work: Work::Unreachable {
            user: first.key.clone(),
            why: "blocked the bot".into(),
        },
    };
    let handled = app
        .service
        .handle_batch(pandu::domain::ChannelKind::Console, &[blocked])
        .await;
    assert!(handled[0].is_ok());
    fire(&app, OffsetDateTime::now_utc()).await;
    assert!(all_text(&second.receive().await).contains("Rujukan baru"));
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM referral_offers WHERE answer = 'withdrawn'")
            .await,
        1
    );
    app
}
both_engines!(
    blocked_flow,
    a_consultant_who_blocks_the_bot_passes_their_offers_on
);
