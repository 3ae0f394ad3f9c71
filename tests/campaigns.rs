//! Campaigns on the store and the runner, on both engines: who an audience reaches, that
//! recipients are written once however often the work is repeated, quiet hours, pause and
//! resume, and follow-ups on an injected clock.

mod common;

use common::subscribers::{Sub, mark_unreachable, seed};
use common::{TestApp, all_text};
use pandu::access::{LeadStatus, Role};
use pandu::campaigns::{Audience, CampaignId, CampaignState, Draft, Quiet, WaTemplate, Zone};
use pandu::domain::{ChannelKind, UserKey};
use pandu::flow::OutcomeCode;
use pandu::reference::{Category, RegionCode};
use pandu::service::campaigns::{Actor, TestTo};
use pandu::store;
use pandu::workers::{CampaignRunner, Scheduler};
use sqlx::Row;
use std::collections::BTreeSet;
use time::{Duration, OffsetDateTime};

fn draft(audience: Audience) -> Draft {
    Draft {
        name: "Gelombang 2".into(),
        body: "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.".into(),
        image_url: None,
        button: Some("Cek sekarang".into()),
        audience,
        template: Some(WaTemplate {
            name: "sni_pengumuman".into(),
            language: "id".into(),
            params: vec![],
        }),
        zone: Zone::Wib,
        quiet: Quiet { start: 0, end: 0 },
    }
}

fn region(code: &str) -> Option<RegionCode> {
    Some(RegionCode::parse(code).unwrap())
}

/// Owners of several regions, outcomes, products and ages, and the ones no audience may
/// ever reach: opted out, blocked, a staff member's own chat.
async fn seed_owners(app: &TestApp) {
    let sub = |user: &str| Sub::new(user);
    let owners = vec![
        sub("sidoarjo-tg"),
        Sub {
            channel: "whatsapp",
            ..sub("6281100000001")
        },
        Sub {
            region: Some("35.78"),
            outcome: "siap_bina_umk",
            category: Some("kosmetik"),
            ..sub("surabaya")
        },
        Sub {
            region: Some("52.02"),
            ..sub("lombok")
        },
        Sub {
            days_ago: 200,
            ..sub("sidoarjo-lama")
        },
        Sub {
            region: None,
            ..sub("no-lead")
        },
        Sub {
            subscribed: false,
            ..sub("opted-out")
        },
        sub("blocked"),
        sub("staff-chat"),
        Sub {
            status: "dirujuk",
            ..sub("dirujuk")
        },
        Sub {
            channel: "whatsapp",
            region: Some("94.71"),
            ..sub("6281100000002")
        },
        Sub {
            channel: "console",
            ..sub("console-user")
        },
    ];
    seed(&app.service.store, &owners).await;
    mark_unreachable(&app.service.store, "telegram", "blocked").await;
    let staff = common::staff::staff(
        &app.service,
        "o@jatim.id",
        Role::Outreach,
        Some("35"),
        "Disperindag",
        "35",
    )
    .await;
    sqlx::query("INSERT INTO staff_links (staff_id, channel, user_key, linked_at) VALUES ($1, 'telegram', 'staff-chat', 0)")
        .bind(staff.0)
        .execute(app.service.store.pool())
        .await
        .unwrap();
}

/// Write a campaign's recipients the way the runner does, `chunk` conversations at a time.
async fn materialise(
    app: &TestApp,
    audience: Audience,
    chunk: i64,
) -> (CampaignId, BTreeSet<String>) {
    let now = OffsetDateTime::now_utc();
    let id = app
        .service
        .create_campaign(&draft(audience.clone()), &Actor::operator(), now)
        .await
        .unwrap();
    let mut tx = app.service.store.begin().await.unwrap();
    store::campaigns::set_state(
        &mut tx,
        id,
        &[CampaignState::Draft],
        CampaignState::Running,
        Some(now),
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    while !store::campaigns::materialise(&app.service.store, id, &audience, chunk, now)
        .await
        .unwrap()
        .done
    {}
    (id, recipients(app, id).await)
}

async fn recipients(app: &TestApp, id: CampaignId) -> BTreeSet<String> {
    sqlx::query("SELECT c.user_key FROM campaign_recipients r JOIN conversations c ON c.id = r.conversation_id WHERE r.campaign_id = $1")
        .bind(id.0)
        .fetch_all(app.service.store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect()
}

fn set(users: &[&str]) -> BTreeSet<String> {
    users.iter().map(|u| (*u).to_owned()).collect()
}

async fn audience_filters(app: &TestApp) {
    seed_owners(app).await;
    let everyone = set(&[
        "sidoarjo-tg",
        "6281100000001",
        "surabaya",
        "lombok",
        "sidoarjo-lama",
        "no-lead",
        "dirujuk",
        "6281100000002",
    ]);
    let cases: Vec<(&str, Audience, BTreeSet<String>)> = vec![
        ("everyone", Audience::default(), everyone.clone()),
        (
            "province",
            Audience {
                region: region("35"),
                ..Audience::default()
            },
            set(&[
                "sidoarjo-tg",
                "6281100000001",
                "surabaya",
                "sidoarjo-lama",
                "dirujuk",
            ]),
        ),
        (
            "kab/kota",
            Audience {
                region: region("35.15"),
                ..Audience::default()
            },
            set(&["sidoarjo-tg", "6281100000001", "sidoarjo-lama", "dirujuk"]),
        ),
        (
            "outcome",
            Audience {
                outcomes: vec![OutcomeCode::SiapBinaUmk],
                ..Audience::default()
            },
            set(&["surabaya"]),
        ),
        (
            "category",
            Audience {
                categories: vec![Category::Kosmetik],
                ..Audience::default()
            },
            set(&["surabaya"]),
        ),
        (
            "channel",
            Audience {
                channels: vec![ChannelKind::Whatsapp],
                ..Audience::default()
            },
            set(&["6281100000001", "6281100000002"]),
        ),
        (
            "active",
            Audience {
                active_days: Some(90),
                ..Audience::default()
            },
            everyone
                .iter()
                .filter(|u| *u != "sidoarjo-lama")
                .cloned()
                .collect(),
        ),
        (
            "status",
            Audience {
                statuses: vec![LeadStatus::Dirujuk],
                ..Audience::default()
            },
            set(&["dirujuk"]),
        ),
        (
            "combined",
            Audience {
                region: region("35"),
                outcomes: vec![OutcomeCode::PerluNib],
                categories: vec![Category::Makanan],
                channels: vec![ChannelKind::Telegram],
                active_days: Some(90),
                statuses: vec![LeadStatus::Baru],
            },
            set(&["sidoarjo-tg"]),
        ),
        (
            "nobody",
            Audience {
                region: region("11"),
                ..Audience::default()
            },
            set(&[]),
        ),
    ];
    let now = OffsetDateTime::now_utc();
    for (name, audience, expected) in cases {
        let count = store::campaigns::count_audience(&app.service.store, &audience, now)
            .await
            .unwrap();
        assert_eq!(count as usize, expected.len(), "{name}: count");
        let (_, written) = materialise(app, audience, 3).await;
        assert_eq!(written, expected, "{name}: recipients");
    }
    // Each recipient's clock comes from their lead's province.
    let (id, _) = materialise(app, Audience::default(), 100).await;
    let offsets: Vec<(String, i64)> = sqlx::query("SELECT c.user_key, r.utc_offset FROM campaign_recipients r JOIN conversations c ON c.id = r.conversation_id WHERE r.campaign_id = $1 ORDER BY c.user_key")
        .bind(id.0)
        .fetch_all(app.service.store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert!(offsets.contains(&("lombok".into(), 480)), "{offsets:?}");
    assert!(
        offsets.contains(&("6281100000002".into(), 540)),
        "{offsets:?}"
    );
    assert!(offsets.contains(&("no-lead".into(), 420)), "{offsets:?}");
}

#[tokio::test]
async fn audience_filters_on_sqlite() {
    let app = TestApp::sqlite().await;
    audience_filters(&app).await;
    app.finish().await;
}

#[tokio::test]
async fn audience_filters_on_postgres() {
    let Some(app) = TestApp::postgres().await else {
        return;
    };
    audience_filters(&app).await;
    app.finish().await;
}

/// Writing recipients again (a retry, a crash before the cursor moved, a second instance)
/// never writes anyone twice.
async fn materialising_twice_writes_each_once(app: &TestApp) {
    let owners: Vec<Sub> = (0..25).map(|i| Sub::new(format!("owner-{i}"))).collect();
    seed(&app.service.store, &owners).await;
    let (id, first) = materialise(app, Audience::default(), 4).await;
    assert_eq!(first.len(), 25);
    // As if the cursor had not been saved: every chunk is written again.
    sqlx::query("UPDATE campaigns SET cursor = 0, materialised = 0 WHERE id = $1")
        .bind(id.0)
        .execute(app.service.store.pool())
        .await
        .unwrap();
    let again = app.second_instance().await;
    let audience = Audience::default();
    let now = OffsetDateTime::now_utc();
    tokio::join!(
        async {
            while !store::campaigns::materialise(&app.service.store, id, &audience, 4, now)
                .await
                .unwrap()
                .done
            {}
        },
        async {
            while !store::campaigns::materialise(&again.store, id, &audience, 4, now)
                .await
                .unwrap()
                .done
            {}
        },
    );
    let rows = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = {}",
            id.0
        ))
        .await;
    assert_eq!(rows, 25);
    again.store.close().await;
}

#[tokio::test]
async fn materialising_twice_writes_each_once_on_sqlite() {
    let app = TestApp::sqlite().await;
    materialising_twice_writes_each_once(&app).await;
    app.finish().await;
}

#[tokio::test]
async fn materialising_twice_writes_each_once_on_postgres() {
    let Some(app) = TestApp::postgres().await else {
        return;
    };
    materialising_twice_writes_each_once(&app).await;
    app.finish().await;
}

/// Queued notices of a campaign, by recipient.
async fn queued_to(app: &TestApp, id: CampaignId) -> Vec<String> {
    sqlx::query("SELECT o.recipient FROM outbox o JOIN campaign_recipients r ON r.id = o.campaign_recipient_id WHERE r.campaign_id = $1 ORDER BY o.recipient")
        .bind(id.0)
        .fetch_all(app.service.store.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect()
}

/// A test send, then start now.
async fn started(app: &TestApp, d: &Draft) -> CampaignId {
    let now = OffsetDateTime::now_utc();
    let actor = Actor::operator();
    let id = app.service.create_campaign(d, &actor, now).await.unwrap();
    let to = TestTo::Chat(ChannelKind::Telegram, UserKey::new("officer"));
    app.service
        .test_campaign(id, &actor, to, now)
        .await
        .unwrap();
    app.service
        .start_campaign(id, None, &actor, &None, now)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn quiet_hours_hold_each_zone_until_its_morning() {
    let app = TestApp::sqlite().await;
    seed(
        &app.service.store,
        &[
            Sub::new("surabaya-wib"),
            Sub {
                region: Some("52.02"),
                ..Sub::new("lombok-wita")
            },
        ],
    )
    .await;
    let d = Draft {
        quiet: Quiet::default(),
        ..draft(Audience::default())
    };
    let id = started(&app, &d).await;
    let runner = CampaignRunner::new(app.service.clone(), [(ChannelKind::Telegram, 30)]);
    // Tomorrow 22:30 UTC: 05:30 in Surabaya (quiet until 06:00), 06:30 in Lombok.
    let day = OffsetDateTime::now_utc().date().next_day().unwrap();
    let at = |h, m| day.with_hms(h, m, 0).unwrap().assume_utc();
    let round = runner.round(at(22, 30)).await.unwrap();
    assert_eq!((round.started, round.written, round.queued), (1, 2, 1));
    assert_eq!(queued_to(&app, id).await, vec!["lombok-wita".to_owned()]);
    runner.round(at(22, 45)).await.unwrap();
    assert_eq!(queued_to(&app, id).await.len(), 1, "Surabaya still asleep");
    runner.round(at(23, 1)).await.unwrap();
    assert_eq!(
        queued_to(&app, id).await,
        vec!["lombok-wita".to_owned(), "surabaya-wib".to_owned()]
    );
    app.finish().await;
}

#[tokio::test]
async fn pausing_takes_unsent_notices_back_and_resuming_sends_them_once() {
    let app = TestApp::sqlite().await;
    let owners: Vec<Sub> = (0..30).map(|i| Sub::new(format!("owner-{i:02}"))).collect();
    seed(&app.service.store, &owners).await;
    let id = started(&app, &draft(Audience::default())).await;
    // 5 a second: a backlog of 10.
    let runner = CampaignRunner::new(app.service.clone(), [(ChannelKind::Telegram, 5)]);
    let now = OffsetDateTime::now_utc();
    runner.round(now).await.unwrap();
    assert_eq!(queued_to(&app, id).await.len(), 10);
    let actor = Actor::operator();
    app.service.pause_campaign(id, &actor, now).await.unwrap();
    assert!(
        queued_to(&app, id).await.is_empty(),
        "nothing left to send while paused"
    );
    assert_eq!(runner.round(now).await.unwrap().queued, 0);
    app.service.resume_campaign(id, &actor, now).await.unwrap();
    runner.round(now).await.unwrap();
    let queued = queued_to(&app, id).await;
    assert_eq!(queued.len(), 10);
    assert_eq!(
        queued.iter().collect::<BTreeSet<_>>().len(),
        10,
        "no one twice"
    );
    app.service.cancel_campaign(id, &actor, now).await.unwrap();
    let cancelled = app.scalar(&format!("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = {} AND state = 'cancelled'", id.0)).await;
    assert_eq!(cancelled, 30);
    app.finish().await;
}

#[tokio::test]
async fn a_campaign_cannot_start_untested_or_reach_outside_its_officers_region() {
    let app = TestApp::sqlite().await;
    let now = OffsetDateTime::now_utc();
    let officer = Actor {
        staff: None,
        region: region("35"),
    };
    let everywhere = draft(Audience::default());
    let err = app
        .service
        .create_campaign(&everywhere, &officer, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("outside your region"), "{err}");
    let jatim = draft(Audience {
        region: region("35"),
        ..Audience::default()
    });
    let id = app
        .service
        .create_campaign(&jatim, &officer, now)
        .await
        .unwrap();
    let err = app
        .service
        .start_campaign(id, None, &officer, &None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("test"), "{err}");
    let ntb = Actor {
        staff: None,
        region: region("52"),
    };
    assert!(
        app.service.campaign_for(id, &ntb).await.is_err(),
        "another region's campaign is not found"
    );
    let yesterday = now - Duration::days(1);
    let to = TestTo::Chat(ChannelKind::Telegram, UserKey::new("officer"));
    app.service
        .test_campaign(id, &officer, to, now)
        .await
        .unwrap();
    let err = app
        .service
        .start_campaign(id, Some(yesterday), &officer, &None, now)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("passed"), "{err}");
    app.finish().await;
}

/// The owner's path to "perlu NIB dulu".
const NO_NIB_PATH: &[&str] = &[
    "halo",
    "setuju",
    "lombok tengah",
    "Keripik Bu Siti",
    "Siti Aminah",
    "0812 3456 7890",
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
];

async fn fire(app: &TestApp, at: OffsetDateTime) {
    Scheduler::new(app.service.clone())
        .fire_due(at)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_nib_follow_up_comes_once_a_week_later_and_not_after_opting_out() {
    let app = TestApp::sqlite().await;
    let mut siti = app.user("siti");
    let mut budi = app.user("budi");
    for text in NO_NIB_PATH {
        siti.say(text).await;
        budi.say(text).await;
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM leads WHERE outcome = 'perlu_nib'")
            .await,
        2
    );
    budi.say("/berhenti").await;
    let now = OffsetDateTime::now_utc();
    fire(&app, now + Duration::days(6)).await;
    assert!(
        siti.receive_at(now + Duration::days(6)).await.is_empty(),
        "not before its day"
    );
    fire(&app, now + Duration::days(7) + Duration::minutes(1)).await;
    let week = siti
        .receive_at(now + Duration::days(7) + Duration::minutes(1))
        .await;
    assert!(
        all_text(&week).contains("NIB Anda sudah terbit"),
        "{}",
        all_text(&week)
    );
    assert!(
        week.iter()
            .any(|m| m.buttons.iter().any(|b| b.id == "recheck")),
        "a re-check button"
    );
    assert!(
        budi.receive_at(now + Duration::days(8)).await.is_empty(),
        "opted out"
    );
    fire(&app, now + Duration::days(9)).await;
    assert!(
        siti.receive_at(now + Duration::days(9)).await.is_empty(),
        "once"
    );
    // The button starts the re-check.
    let again = siti.press("recheck").await;
    assert!(!again.is_empty());
    app.finish().await;
}

#[tokio::test]
async fn no_follow_up_for_someone_who_deleted_their_data() {
    let app = TestApp::sqlite().await;
    let mut siti = app.user("siti");
    for text in NO_NIB_PATH {
        siti.say(text).await;
    }
    siti.say("/hapus").await;
    siti.say("ya").await;
    siti.receive().await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM follow_ups").await, 0);
    let later = OffsetDateTime::now_utc() + Duration::days(8);
    fire(&app, later).await;
    assert!(siti.receive_at(later).await.is_empty());
    app.finish().await;
}

#[tokio::test]
async fn an_unfinished_check_is_reminded_once_inside_the_window() {
    let app = TestApp::sqlite().await;
    let mut rina = app.user("rina");
    for text in &NO_NIB_PATH[..6] {
        rina.say(text).await;
    }
    let now = OffsetDateTime::now_utc();
    fire(&app, now + Duration::hours(10)).await;
    assert!(
        rina.receive_at(now + Duration::hours(10)).await.is_empty(),
        "too early"
    );
    fire(&app, now + Duration::hours(21)).await;
    let reminder = rina.receive_at(now + Duration::hours(21)).await;
    assert!(
        all_text(&reminder).contains("belum selesai"),
        "{}",
        all_text(&reminder)
    );
    fire(&app, now + Duration::hours(22)).await;
    assert!(
        rina.receive_at(now + Duration::hours(22)).await.is_empty(),
        "once"
    );
    app.finish().await;
}
