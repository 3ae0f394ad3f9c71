use super::*;
use crate::message::OutButton;

fn msg(labels: &[&str]) -> OutMessage {
    OutMessage {
        image: None,
        text: "Pilih:".into(),
        buttons: labels
            .iter()
            .enumerate()
            .map(|(i, l)| OutButton {
                url: None,
                id: format!("b{i}"),
                label: (*l).into(),
            })
            .collect(),
        contact_label: None,
        template: None,
    }
}

#[test]
fn labels_are_shortened_at_words() {
    assert_eq!(shorten("Di rumah, alat sederhana", 20), "Di rumah, alat…");
    assert_eq!(shorten("Ya", 20), "Ya");
    assert_eq!(
        shorten("Kepulauan Bangka Belitung", 24),
        "Kepulauan Bangka…"
    );
    assert_eq!(
        shorten("Supercalifragilisticexpialidocious", 10),
        "Supercali…"
    );
    for label in [
        "Makanan/minuman olahan",
        "Kab. Kepulauan Seribu (DKI Jakarta)",
        "Toko modern/e-katalog",
    ] {
        assert!(shorten(label, 20).chars().count() <= 20, "{label}");
    }
}

#[test]
fn up_to_three_short_options_are_reply_buttons() {
    let sent = body("628123", &msg(&["Setuju", "Tidak setuju"]), "Pilih");
    assert_eq!(sent["interactive"]["type"], "button");
    assert_eq!(
        sent["interactive"]["action"]["buttons"][1]["reply"]["title"],
        "Tidak setuju"
    );
}

#[test]
fn long_labels_or_more_options_make_a_list_with_full_descriptions() {
    // One label over a button's 20 characters: a list, where rows hold 24.
    let sent = body(
        "628123",
        &msg(&["Di rumah, alat sederhana", "Tempat khusus/mesin"]),
        "Pilih",
    );
    assert_eq!(sent["interactive"]["type"], "list");
    let rows = &sent["interactive"]["action"]["sections"][0]["rows"];
    assert_eq!(rows[0]["title"], "Di rumah, alat sederhana");
    assert!(rows[0].get("description").is_none());
    let sent = body(
        "628123",
        &msg(&[
            "Kab. Kepulauan Seribu (DKI Jakarta)",
            "Kota Serang (Banten)",
        ]),
        "Pilih",
    );
    let rows = &sent["interactive"]["action"]["sections"][0]["rows"];
    assert_eq!(rows[0]["title"], "Kab. Kepulauan Seribu…");
    assert_eq!(
        rows[0]["description"],
        "Kab. Kepulauan Seribu (DKI Jakarta)"
    );
    let many = body("628123", &msg(&["a"; 11]), "Pilih");
    assert_eq!(many["type"], "text");
    assert!(many["text"]["body"].as_str().unwrap().contains("11. a"));
}

const PICTURE: &str = "https://example.go.id/poster.jpg";

#[test]
fn an_image_heads_reply_buttons_or_is_sent_with_a_caption() {
    let mut with_buttons = msg(&["Cek sekarang"]);
    with_buttons.image = Some(PICTURE.into());
    let sent = body("628123", &with_buttons, "Pilih");
    assert_eq!(sent["interactive"]["type"], "button");
    assert_eq!(sent["interactive"]["header"]["type"], "image");
    assert_eq!(sent["interactive"]["header"]["image"]["link"], PICTURE);

    let alone = OutMessage {
        buttons: Vec::new(),
        ..with_buttons.clone()
    };
    let sent = body("628123", &alone, "Pilih");
    assert_eq!(sent["type"], "image");
    assert_eq!(sent["image"]["link"], PICTURE);
    assert_eq!(sent["image"]["caption"], "Pilih:");

    let mut many = msg(&["a", "b", "c", "d"]);
    many.image = Some(PICTURE.into());
    let sent = body("628123", &many, "Pilih");
    assert_eq!(sent["type"], "image", "a list cannot have an image header");
    assert!(sent["image"]["caption"].as_str().unwrap().ends_with("4. d"));
}

#[test]
fn a_header_image_is_the_templates_first_component() {
    let call = Template {
        kind: crate::message::TemplateKind::Campaign,
        params: vec!["30 Juni".into()],
        buttons: vec!["start:abc".into()],
        named: None,
        header_image: Some(PICTURE.into()),
    };
    let name = TemplateName {
        name: "sni_pengumuman".into(),
        language: "id".into(),
    };
    let sent = template("628123", &call, &name);
    let components = &sent["template"]["components"];
    assert_eq!(components[0]["type"], "header");
    assert_eq!(components[0]["parameters"][0]["image"]["link"], PICTURE);
    assert_eq!(components[1]["type"], "body");
    assert_eq!(components[2]["sub_type"], "quick_reply");
}

#[test]
fn titles_stay_unique() {
    let titles = unique(
        vec![
            "Kab. Bandung".into(),
            "Kab. Bandung".into(),
            "Kab. Bandung".into(),
        ],
        24,
    );
    assert_eq!(titles, ["Kab. Bandung", "Kab. Bandung 2", "Kab. Bandung 3"]);
}
