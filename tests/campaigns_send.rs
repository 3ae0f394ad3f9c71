//! Campaigns end to end: the real `pandu serve` against the fake Telegram and WhatsApp
//! servers. A scheduled campaign goes out at its time, within the configured rate in every
//! one-second window, to each recipient once; opted-out and blocked contacts never get it;
//! a WhatsApp contact outside the 24-hour window gets the template; a crash in the middle
//! loses no one and repeats no one.

mod common;

use common::fake_telegram::{FakeTelegram, max_in_any_second};
use common::fake_whatsapp::FakeWhatsapp;
use common::subscribers::{Sub, give_lead, mark_unreachable, seed};
use common::telegram_app::{self, Options};
use common::{wa_user::WaUser, whatsapp_app};
use pandu::campaigns::{Audience, CampaignId, Draft, Quiet, WaTemplate, Zone};
use pandu::domain::{ChannelKind, UserKey};
use pandu::reference::RegionCode;
use pandu::service::Service;
use pandu::service::campaigns::{Actor, TestTo};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

fn draft(channels: Vec<ChannelKind>) -> Draft {
    Draft {
        name: "Gelombang 2".into(),
        body: "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.".into(),
        image_url: None,
        button: Some("Cek sekarang".into()),
        audience: Audience {
            region: Some(RegionCode::parse("35").unwrap()),
            channels,
            ..Audience::default()
        },
        template: Some(WaTemplate {
            name: "sni_pengumuman".into(),
            language: "id".into(),
            params: vec!["30 Juni".into()],
        }),
        zone: Zone::Wib,
        quiet: Quiet { start: 0, end: 0 },
    }
}

/// Create, test (to the officer's own chat) and schedule a campaign for `at`.
async fn scheduled(
    service: &Service,
    d: &Draft,
    officer: (ChannelKind, &str),
    at: OffsetDateTime,
) -> CampaignId {
    let now = OffsetDateTime::now_utc();
    let actor = Actor::operator();
    let id = service.create_campaign(d, &actor, now).await.unwrap();
    let to = TestTo::Chat(officer.0, UserKey::new(officer.1));
    service.test_campaign(id, &actor, to, now).await.unwrap();
    service
        .start_campaign(id, Some(at), &actor, &None, now)
        .await
        .unwrap();
    id
}

fn telegram_options(rate: u32) -> Options {
    Options {
        extra: vec![
            ("TELEGRAM_GLOBAL_PER_SECOND", rate.to_string()),
            ("TELEGRAM_BOT_USERNAME", "pandu_test_bot".into()),
        ],
        ..Options::default()
    }
}

async fn other_instance(config: pandu::config::Config) -> Service {
    pandu::app::build(&config).await.unwrap()
}

#[tokio::test]
async fn a_scheduled_telegram_campaign_goes_out_at_its_time_at_the_rate_to_each_once() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = telegram_options(20);
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = other_instance(telegram_app::config(&fake, &dir, &options, 0)).await;
    let chats: Vec<i64> = (1000..1060).collect();
    let mut owners: Vec<Sub> = chats.iter().map(|c| Sub::new(c.to_string())).collect();
    owners.push(Sub {
        subscribed: false,
        ..Sub::new("2000")
    });
    owners.push(Sub::new("2001"));
    owners.push(Sub {
        region: Some("52.02"),
        ..Sub::new("2002")
    });
    seed(&service.store, &owners).await;
    mark_unreachable(&service.store, "telegram", "2001").await;
    fake.block(1005);

    let starts = OffsetDateTime::now_utc() + time::Duration::seconds(2);
    let started = Instant::now() + Duration::from_secs(2);
    let id = scheduled(
        &service,
        &draft(vec![ChannelKind::Telegram]),
        (ChannelKind::Telegram, "3000"),
        starts,
    )
    .await;
    let test = fake.message(3000, 1).await;
    assert!(
        test.body["text"].as_str().unwrap().contains("gelombang 2"),
        "{:?}",
        test.body
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        chats.iter().all(|c| fake.sent_count(*c) == 0),
        "nothing before its time"
    );

    let receivers: Vec<i64> = chats.iter().copied().filter(|c| *c != 1005).collect();
    fake.wait_for("every recipient", Duration::from_secs(30), |f| {
        receivers.iter().all(|c| f.sent_count(*c) >= 1)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    for chat in &chats {
        assert_eq!(
            fake.sent_count(*chat),
            1,
            "chat {chat}: once (1005 tried once, blocked)"
        );
    }
    for never in [2000, 2001, 2002] {
        assert_eq!(fake.sent_count(never), 0, "{never} must not get it");
    }
    let times: Vec<Instant> = chats.iter().map(|c| fake.sent_at(*c, 0)).collect();
    assert!(
        times
            .iter()
            .all(|t| *t >= started - Duration::from_millis(300)),
        "not early"
    );
    let peak = max_in_any_second(times);
    assert!(peak <= 20, "{peak} sends in one second at 20/s");
    assert!(peak >= 12, "{peak}: the rate should be used, not idled");

    let results = service
        .campaign_results(id, &Actor::operator())
        .await
        .unwrap();
    assert_eq!(results.total.recipients, 60);
    assert_eq!(results.total.sent, 59);
    assert_eq!(results.total.failed, 1, "the blocked contact");
    app.stop().await;
    service.store.close().await;
}

#[tokio::test]
async fn replies_go_first_while_a_broadcast_runs_and_opting_out_holds_mid_campaign() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = telegram_options(10);
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = other_instance(telegram_app::config(&fake, &dir, &options, 0)).await;
    let chats: Vec<i64> = (1000..1040).collect();
    let owners: Vec<Sub> = chats.iter().map(|c| Sub::new(c.to_string())).collect();
    seed(&service.store, &owners).await;
    let id = scheduled(
        &service,
        &draft(vec![ChannelKind::Telegram]),
        (ChannelKind::Telegram, "3000"),
        OffsetDateTime::now_utc(),
    )
    .await;
    fake.wait_for("the first notices", Duration::from_secs(10), |f| {
        chats.iter().filter(|c| f.sent_count(**c) > 0).count() >= 5
    })
    .await;
    // The last owner opts out while the campaign runs; a new owner writes meanwhile.
    let mut late = common::tg_user::TgUser::new(&fake, 1039, None);
    let asked = Instant::now();
    late.say("/berhenti").await;
    let answered = fake.sent_at(1039, 0);
    assert!(
        answered - asked < Duration::from_secs(2),
        "a reply does not wait for the broadcast"
    );
    assert!(common::tg_user::texts(&fake.sent_to(1039)).contains("tidak akan mengirim pengumuman"));
    let mut newcomer = common::tg_user::TgUser::new(&fake, 5000, None);
    let asked = Instant::now();
    newcomer.say("halo").await;
    assert!(fake.sent_at(5000, 0) - asked < Duration::from_secs(2));
    fake.wait_for("the rest", Duration::from_secs(30), |f| {
        chats[..39].iter().all(|c| f.sent_count(*c) >= 1)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let to_late = common::tg_user::texts(&fake.sent_to(1039));
    assert!(
        !to_late.contains("gelombang 2"),
        "no notice after /berhenti: {to_late}"
    );
    // An owner presses the notice's button: the check starts, and counts for the campaign.
    let code = service
        .campaign_for(id, &Actor::operator())
        .await
        .unwrap()
        .code;
    let mut owner = common::tg_user::TgUser::new(&fake, 1000, None);
    let started = owner.press(&format!("start:{code}")).await;
    assert!(!started.is_empty(), "the check starts");
    let results = service
        .campaign_results(id, &Actor::operator())
        .await
        .unwrap();
    assert_eq!(results.total.opted_out, 1);
    assert_eq!(results.total.sent, 39);
    assert_eq!(results.total.started, 1);
    app.stop().await;
    service.store.close().await;
}

#[tokio::test]
async fn a_crash_in_the_middle_of_a_campaign_loses_no_one_and_repeats_no_one() {
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let options = telegram_options(10);
    let app = telegram_app::start(&fake, &dir, &options).await;
    let service = other_instance(telegram_app::config(&fake, &dir, &options, 0)).await;
    let chats: Vec<i64> = (1000..1040).collect();
    let owners: Vec<Sub> = chats.iter().map(|c| Sub::new(c.to_string())).collect();
    seed(&service.store, &owners).await;
    scheduled(
        &service,
        &draft(vec![ChannelKind::Telegram]),
        (ChannelKind::Telegram, "3000"),
        OffsetDateTime::now_utc(),
    )
    .await;
    service.store.close().await;
    // Killed at a moment of its own choosing, not right after a send was seen.
    tokio::time::sleep(Duration::from_millis(1730)).await;
    app.kill();
    let before = chats.iter().filter(|c| fake.sent_count(**c) > 0).count();
    assert!(
        before > 0 && before < chats.len(),
        "killed mid-campaign ({before} sent)"
    );
    let app = telegram_app::start(&fake, &dir, &options).await;
    fake.wait_for("everyone after the restart", Duration::from_secs(30), |f| {
        chats.iter().all(|c| f.sent_count(*c) >= 1)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let twice: Vec<_> = chats.iter().filter(|c| fake.sent_count(**c) > 1).collect();
    assert!(twice.is_empty(), "sent twice: {twice:?}");
    app.stop().await;
}

#[tokio::test]
async fn a_whatsapp_contact_outside_the_window_gets_the_template() {
    let fake = FakeWhatsapp::start().await;
    let dir = tempfile::tempdir().unwrap();
    let extra = [("WHATSAPP_PER_SECOND", "20")];
    let config = whatsapp_app::config_with(&fake, &dir, None, &extra);
    let app = telegram_app::start_with(config.clone()).await;
    let service = other_instance(config).await;
    // One owner wrote a minute ago (inside the window), the other long ago.
    let mut recent = WaUser::new(&fake, &app, "6281200000001");
    recent.say("halo").await;
    recent.say("setuju").await;
    let wrote = Sub {
        channel: "whatsapp",
        ..Sub::new("6281200000001")
    };
    give_lead(&service.store, &wrote).await;
    seed(
        &service.store,
        &[Sub {
            channel: "whatsapp",
            days_ago: 30,
            ..Sub::new("6281200000002")
        }],
    )
    .await;
    let before = fake.sent_count("6281200000001");
    scheduled(
        &service,
        &draft(vec![ChannelKind::Whatsapp]),
        (ChannelKind::Whatsapp, "6281200000009"),
        OffsetDateTime::now_utc(),
    )
    .await;
    let old = fake.message("6281200000002", 1).await;
    assert_eq!(old.body["type"], "template", "{:?}", old.body);
    assert_eq!(old.body["template"]["name"], "sni_pengumuman");
    let params = old.body["template"]["components"].to_string();
    assert!(params.contains("30 Juni"), "{params}");
    let inside = fake.message("6281200000001", before + 1).await;
    assert_eq!(inside.body["type"], "interactive", "{:?}", inside.body);
    assert!(inside.body.to_string().contains("gelombang 2"));
    app.stop().await;
    service.store.close().await;
}
