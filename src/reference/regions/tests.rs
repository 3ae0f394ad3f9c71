use super::*;

fn regions() -> Regions {
    Regions::from_tsv(super::super::REGIONS_TSV).unwrap()
}

fn code(text: &str) -> RegionCode {
    RegionCode::parse(text).unwrap()
}

fn one(text: &str) -> RegionMatch {
    RegionMatch::One(code(text))
}

fn many(texts: &[&str]) -> RegionMatch {
    RegionMatch::Many(texts.iter().map(|t| code(t)).collect())
}

#[test]
fn embedded_counts() {
    let r = regions();
    let count = |kind| r.regencies().iter().filter(|g| g.kind == kind).count();
    assert_eq!(r.provinces().len(), 38);
    assert_eq!(r.regencies().len(), 514);
    assert_eq!(count(RegencyKind::Kabupaten), 416);
    assert_eq!(count(RegencyKind::Kota), 98);
    let provinces = r.provinces().iter().map(|p| &p.code);
    for c in provinces.chain(r.regencies().iter().map(|g| &g.code)) {
        assert_eq!(RegionCode::parse(c.as_str()).as_ref(), Ok(c));
    }
    assert!(r.regencies().iter().all(|g| g.name.trim() == g.name));
    assert!(r.regencies().windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn region_codes() {
    let cases = [
        ("35", true, Some("35"), None),
        ("35.78", true, Some("35"), Some(RegencyKind::Kota)),
        ("52.02", true, Some("52"), Some(RegencyKind::Kabupaten)),
        ("31.70", true, Some("31"), None),
        ("3", false, None, None),
        ("35.7", false, None, None),
        ("35.78.01", false, None, None),
        ("3a", false, None, None),
        ("35-78", false, None, None),
        ("", false, None, None),
    ];
    for (text, valid, province, kind) in cases {
        let parsed = RegionCode::parse(text);
        assert_eq!(parsed.is_ok(), valid, "{text:?}");
        if let Ok(c) = parsed {
            assert_eq!(Some(c.province().as_str()), province);
            assert_eq!(c.regency_kind(), kind, "{text:?}");
            assert_eq!(c.is_province(), text.len() == 2);
        }
    }
}

#[test]
fn lookups() {
    let r = regions();
    assert_eq!(r.name_of(&code("35")), Some("Jawa Timur"));
    assert_eq!(
        r.name_of(&code("31.72")),
        Some("Kota Administrasi Jakarta Utara")
    );
    assert_eq!(r.name_of(&code("99")), None);
    let lombok = r.regency(&code("52.02")).unwrap();
    assert_eq!(
        (lombok.name.as_str(), lombok.short_name.as_str()),
        ("Kabupaten Lombok Tengah", "Lombok Tengah")
    );
    assert_eq!(
        r.regency(&code("31.74")).unwrap().short_name,
        "Jakarta Selatan"
    );
    assert_eq!(r.province(&code("34")).unwrap().aliases[1], "jogja");
    let jatim = r.regencies_of(&code("35"));
    assert_eq!(jatim.len(), 38);
    assert!(jatim.iter().all(|g| g.code.province() == code("35")));
    assert!(r.regencies_of(&code("35.78")).is_empty());
}

#[test]
fn matches_provinces() {
    let r = regions();
    let cases = [
        ("jatim", one("35")),
        ("jawa timur", one("35")),
        ("Jawa  Timur.", one("35")),
        ("jawa timr", one("35")),
        ("Provinsi Jawa Timur", one("35")),
        ("prov. jatim", one("35")),
        ("jakarta", one("31")),
        ("DKI Jakarta", one("31")),
        ("jogja", one("34")),
        ("NTB", one("52")),
        ("riau", one("14")),
        ("kepri", one("21")),
        ("bangka belitung", one("19")),
        ("papua", one("91")),
        ("papua barat daya", one("96")),
        ("nts", many(&["52", "53"])),
        ("xyzzy", RegionMatch::None),
        ("", RegionMatch::None),
    ];
    for (input, want) in cases {
        assert_eq!(r.match_province(input), want, "input {input:?}");
    }
}

#[test]
fn matches_regencies() {
    let r = regions();
    let jatim = code("35");
    let cases = [
        ("lombok tengah", None, one("52.02")),
        ("Kab. Serang", None, one("36.04")),
        ("kota serang", None, one("36.73")),
        ("serang", None, many(&["36.04", "36.73"])),
        ("kota surabaya", None, one("35.78")),
        ("surabaya", None, one("35.78")),
        ("surabya", None, one("35.78")),
        ("solo", None, one("33.72")),
        ("loteng", None, one("52.02")),
        ("jaksel", None, one("31.74")),
        ("tangsel", None, one("36.74")),
        ("kab surabaya", None, RegionMatch::None),
        ("jakarta selatan", None, one("31.74")),
        ("Kota Adm. Jakarta Selatan", None, one("31.74")),
        ("kepulauan seribu", None, one("31.01")),
        ("bandung", None, many(&["32.04", "32.73"])),
        ("kotamobagu", None, one("71.74")),
        ("kotabaru", None, one("63.02")),
        ("kodya malang", None, one("35.73")),
        ("kediri", Some(&jatim), many(&["35.06", "35.71"])),
        ("kab kediri", Some(&jatim), one("35.06")),
        ("bandung", Some(&jatim), RegionMatch::None),
        ("serang", Some(&jatim), RegionMatch::None),
        ("xyzzy", None, RegionMatch::None),
        ("kota", None, RegionMatch::None),
    ];
    for (input, within, want) in cases {
        assert_eq!(
            r.match_regency(input, within),
            want,
            "input {input:?} within {within:?}"
        );
    }
}

#[test]
fn rejects_bad_tsv() {
    let cases = [
        ("11\tAceh\n11\tAceh\n", 2, "duplicate code 11"),
        ("1x\tAceh\n", 1, "invalid region code"),
        (
            "11\tAceh\n12.01\tKabupaten Nias\n",
            2,
            "province 12 is not listed",
        ),
        (
            "11\tAceh\n11.71\tKabupaten Banda\n",
            2,
            "does not start with",
        ),
        ("11\tAceh\n11.70\tKota Banda\n", 2, "01-69"),
        ("# c\n\n11\n", 3, "2 or 3 tab-separated columns"),
        ("11\t \n", 1, "empty name"),
    ];
    for (text, line, needle) in cases {
        match Regions::from_tsv(text) {
            Err(ReferenceError::Line {
                origin,
                line: got,
                problem,
            }) => {
                assert_eq!((origin.as_str(), got), (ORIGIN, line), "{text:?}");
                assert!(problem.contains(needle), "{problem}");
            }
            other => panic!("{text:?}: unexpected {other:?}"),
        }
    }
}
