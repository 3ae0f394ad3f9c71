use super::*;
use crate::domain::ChannelKind;
use crate::reference::RegionCode;

fn draft() -> Draft {
    Draft {
        name: "Gelombang 2".into(),
        body: "Pendaftaran SNI Bina UMK gelombang 2 dibuka sampai 30 Juni.".into(),
        image_url: None,
        button: Some("Cek sekarang".into()),
        audience: Audience {
            region: Some(RegionCode::parse("35").unwrap()),
            channels: vec![ChannelKind::Telegram],
            ..Audience::default()
        },
        template: None,
        zone: Zone::Wib,
        quiet: Quiet::default(),
    }
}

#[test]
fn a_complete_draft_passes() {
    assert_eq!(draft().check(RegionCode::parse("35").ok().as_ref()), Ok(()));
}

/// A change to a good draft, and the error it must cause.
type Case = (Box<dyn Fn(&mut Draft)>, CampaignError);

#[test]
fn each_rule_names_what_is_wrong() {
    let jatim = RegionCode::parse("35").unwrap();
    let cases: Vec<Case> = vec![
        (Box::new(|d| d.name = " ".into()), CampaignError::Name),
        (
            Box::new(|d| d.body = "x".repeat(MAX_BODY + 1)),
            CampaignError::Body,
        ),
        (
            Box::new(|d| d.image_url = Some("http://a.id/x.jpg".into())),
            CampaignError::Image,
        ),
        (
            Box::new(|d| d.button = Some("Tombol yang terlalu panjang".into())),
            CampaignError::Button,
        ),
        (
            Box::new(|d| d.audience.region = RegionCode::parse("52").ok()),
            CampaignError::OutsideRegion,
        ),
        (
            Box::new(|d| d.audience.channels.clear()),
            CampaignError::TemplateMissing,
        ),
    ];
    for (change, expected) in cases {
        let mut d = draft();
        change(&mut d);
        assert_eq!(d.check(Some(&jatim)), Err(expected.clone()), "{expected}");
    }
}

#[test]
fn the_notice_carries_the_start_button_and_its_template() {
    let mut d = draft();
    d.image_url = Some("https://dinas.example/poster.jpg".into());
    d.template = WaTemplate::parse("sni_gelombang:id", "Jawa Timur | 30 Juni");
    let campaign = Campaign {
        id: CampaignId(7),
        code: "kmp-abc".into(),
        draft: d,
        state: CampaignState::Draft,
        starts_at: None,
        region: None,
        created_by: None,
        tested_at: None,
        materialised: false,
        created_at: time::OffsetDateTime::UNIX_EPOCH,
        finished_at: None,
    };
    let out = notice(&campaign, Some("pandu_bot"));
    assert_eq!(
        out.image.as_deref(),
        Some("https://dinas.example/poster.jpg")
    );
    assert_eq!(out.buttons[0].id, "start:kmp-abc");
    assert_eq!(
        out.buttons[0].url.as_deref(),
        Some("https://t.me/pandu_bot?start=kmp-abc")
    );
    let template = out.template.unwrap();
    assert_eq!(template.params, ["Jawa Timur", "30 Juni"]);
    assert_eq!(template.buttons, ["start:kmp-abc"]);
    assert_eq!(template.named.unwrap().name, "sni_gelombang");
    assert!(WaTemplate::parse("Bad Name", "").is_none());
}
