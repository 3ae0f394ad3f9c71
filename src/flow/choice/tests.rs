use super::*;

/// Ids already in users' chats from earlier releases must keep meaning the same thing.
#[test]
fn released_wire_forms_parse_and_round_trip() {
    let released = [
        "consent:yes",
        "consent:no",
        "confirm:yes",
        "confirm:no",
        "lang:id",
        "lang:en",
        "page:next",
        "page:prev",
        "yes",
        "no",
        "unknown",
        "prov:52",
        "reg:52.02",
        "region:33.26",
        "cat:makanan",
        "cat:lainnya",
        "prod:gula-aren",
        "product:none",
        "again",
        "continue",
        "skip",
        "omzet:mikro",
        "omzet:kecil",
        "omzet:besar",
        "omzet:unknown",
        "modal:mikro",
        "modal:unknown",
        "risk:rendah",
        "risk:menengah_rendah",
        "risk:menengah_tinggi",
        "risk:tinggi",
        "risk:tidak_tahu",
        "site:rumah",
        "site:terpisah",
        "izin:belum",
        "izin:pirt",
        "izin:md",
        "progress:sudah",
        "progress:proses",
        "progress:belum",
        "label:lengkap",
        "label:sebagian",
        "label:belum",
        "goal:lokal",
        "goal:ritel",
        "goal:ekspor",
        "goal:pembeli",
        "doc:skip",
        "doc:later",
        "review:ok",
        "review:edit",
        "edit:nib",
        "edit:omzet",
        "recheck",
    ];
    for wire in released {
        let id = ButtonId::parse(wire).unwrap_or_else(|| panic!("{wire} parses"));
        assert_eq!(id.wire(), wire);
    }
}

#[test]
fn forged_ids_are_refused() {
    for wire in [
        "",
        "risk:",
        "risk:sedang",
        "prov:5x",
        "prod:Bad Id",
        "edit:nothing",
        "x:y",
    ] {
        assert_eq!(ButtonId::parse(wire), None, "{wire}");
    }
}
