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

fn guess(text: &str) -> RegionMatch {
    RegionMatch::Guess(code(text))
}

const NONE: RegionMatch = RegionMatch::None;

/// Runs `(input, within, expected)` rows and reports every wrong row at once.
fn check(cases: &[(&str, Option<&str>, RegionMatch)]) {
    let r = regions();
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(input, within, want)| {
            let within = within.map(code);
            let got = r.match_place(input, within.as_ref());
            (got != *want)
                .then(|| format!("{input:?} within {within:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn province_question_takes_provinces() {
    check(&[
        ("jatim", None, one("35")),
        ("jawa tengah", None, one("33")),
        ("Jawa  Timur.", None, one("35")),
        ("Provinsi Jawa Timur", None, one("35")),
        ("prov. jatim", None, one("35")),
        ("ntb", None, one("52")),
        ("NTT", None, one("53")),
        ("jabar", None, one("32")),
        ("kaltim", None, one("64")),
        ("sulsel", None, one("73")),
        ("DKI Jakarta", None, one("31")),
        ("jakarta", None, one("31")),
        ("jogja", None, one("34")),
        ("yogya", None, one("34")),
        ("jogjakarta", None, one("34")),
        ("di jogja kak", None, one("34")),
        ("bali", None, one("51")),
        ("aceh", None, one("11")),
        ("riau", None, one("14")),
        ("kepri", None, one("21")),
        ("bangka belitung", None, one("19")),
        ("papua", None, one("91")),
        ("papua barat daya", None, one("96")),
        // A province that shares its name with its capital means the province here.
        ("bengkulu", None, one("17")),
        ("gorontalo", None, one("75")),
        ("jambi", None, one("15")),
        // Only the island or region: the provinces on it.
        ("kalimantan", None, many(&["61", "62", "63", "64", "65"])),
        ("nusa tenggara", None, many(&["52", "53"])),
    ]);
}

#[test]
fn province_question_takes_a_regency_typed_straight_away() {
    check(&[
        ("pekalongan", None, many(&["33.26", "33.75"])),
        ("lombok", None, many(&["52.01", "52.02", "52.03", "52.08"])),
        (
            "kab lombok",
            None,
            many(&["52.01", "52.02", "52.03", "52.08"]),
        ),
        ("kab serang", None, one("36.04")),
        ("Kab. Serang", None, one("36.04")),
        ("kota serang", None, one("36.73")),
        ("serang", None, many(&["36.04", "36.73"])),
        ("lombok tengah", None, one("52.02")),
        ("Lombok Tengah, NTB", None, one("52.02")),
        ("bandung", None, many(&["32.04", "32.73", "32.17"])),
        ("bandung barat", None, one("32.17")),
        ("kab bandung", None, one("32.04")),
        ("sumba", None, many(&["53.11", "53.12", "53.17", "53.18"])),
        ("kota jambi", None, one("15.71")),
        ("kota bengkulu", None, one("17.71")),
        ("kotamobagu", None, one("71.74")),
        ("kotabaru", None, one("63.02")),
        ("kota baru", None, one("63.02")),
        ("kodya malang", None, one("35.73")),
        ("kota malang", None, one("35.73")),
        ("kabupaten malang", None, one("35.07")),
        ("Kota Adm. Jakarta Selatan", None, one("31.74")),
        ("kota administrasi jakarta selatan", None, one("31.74")),
        ("Kab. Adm. Kep. Seribu", None, one("31.01")),
        ("kepulauan seribu", None, one("31.01")),
        ("lima puluh kota", None, one("13.07")),
        ("50 kota", None, one("13.07")),
    ]);
}

#[test]
fn nicknames_and_short_names() {
    check(&[
        ("tasik", None, many(&["32.06", "32.78"])),
        ("taput", None, one("12.02")),
        ("tapsel", None, one("12.03")),
        ("madura", None, many(&["35.26", "35.27", "35.28", "35.29"])),
        ("kota jogja", None, one("34.71")),
        ("solo", None, one("33.72")),
        ("jaksel", None, one("31.74")),
        ("jakbar", None, one("31.73")),
        ("jaktim", None, one("31.75")),
        ("tangsel", None, one("36.74")),
        ("bsd", None, one("36.74")),
        ("loteng", None, one("52.02")),
        ("lotim", None, one("52.03")),
        ("lobar", None, one("52.01")),
        ("siantar", None, one("12.72")),
        ("labuan bajo", None, one("53.15")),
        ("purwokerto", None, one("33.02")),
        ("timika", None, one("94.04")),
        ("wamena", None, one("95.01")),
        ("sampit", None, one("62.02")),
        ("kukar", None, one("64.02")),
        ("sidrap", None, one("73.14")),
        ("pangkep", None, one("73.10")),
        ("toraja", None, many(&["73.18", "73.26"])),
        ("mentawai", None, one("13.09")),
        // Bali: regencies and the towns people name instead.
        ("denpasar", None, one("51.71")),
        ("gianyar", None, one("51.04")),
        ("ubud", None, one("51.04")),
        ("singaraja", None, one("51.08")),
        ("kuta, bali", None, one("51.03")),
        ("kuta", None, many(&["51.03", "52.02"])),
        // Spelling and spacing as people write them.
        ("bau-bau", None, one("74.72")),
        ("pare pare", None, one("73.72")),
        ("palangka raya", None, one("62.71")),
        ("tanjung pinang", None, one("21.72")),
        ("tj pinang", None, one("21.72")),
        ("pangkalpinang", None, one("19.71")),
        ("gunung kidul", None, one("34.03")),
        ("kulonprogo", None, one("34.01")),
        ("labuhan batu", None, many(&["12.10", "12.22", "12.23"])),
    ]);
}

#[test]
fn informal_answers_from_all_over_indonesia() {
    check(&[
        ("banda aceh", None, one("11.71")),
        ("medan", None, one("12.71")),
        ("toba", None, one("12.12")),
        ("nias", None, many(&["12.04", "12.14", "12.24", "12.25"])),
        (
            "padang",
            None,
            many(&["13.71", "12.20", "12.21", "13.05", "13.74"]),
        ),
        ("pekanbaru", None, one("14.71")),
        ("batam", None, one("21.71")),
        ("palembang", None, one("16.71")),
        ("bandar lampung", None, one("18.71")),
        ("garut", None, one("32.05")),
        ("bekasi", None, many(&["32.16", "32.75"])),
        ("klaten", None, one("33.10")),
        ("wonosobo", None, one("33.07")),
        ("sleman", None, one("34.04")),
        ("bantul", None, one("34.02")),
        ("gunungkidul", None, one("34.03")),
        ("surabaya", None, one("35.78")),
        ("kota surabaya", None, one("35.78")),
        ("tangerang", None, many(&["36.03", "36.71", "36.74"])),
        ("bima", None, many(&["52.06", "52.72"])),
        ("sumbawa besar", None, one("52.04")),
        ("kota kupang", None, one("53.71")),
        ("ende", None, one("53.08")),
        ("pontianak", None, one("61.71")),
        ("banjarmasin", None, one("63.71")),
        ("samarinda", None, one("64.72")),
        ("tarakan", None, one("65.71")),
        ("manado", None, one("71.71")),
        ("palu", None, one("72.71")),
        ("kab. gowa", None, one("73.06")),
        ("makassar", None, one("73.71")),
        ("kendari", None, one("74.71")),
        ("ambon", None, one("81.71")),
        ("ternate", None, one("82.71")),
        ("jayapura", None, many(&["91.03", "91.71"])),
        ("merauke", None, one("93.01")),
        ("sorong", None, many(&["96.01", "96.71", "96.02"])),
        ("saya di sleman kak", None, one("34.04")),
        ("Kab. Wonosobo, Jawa Tengah", None, one("33.07")),
    ]);
}

#[test]
fn kecamatan_and_desa_are_looked_past() {
    check(&[
        ("kebumen, kec gombong", None, one("33.05")),
        ("gombong kebumen", None, one("33.05")),
        ("desa sukamaju kec cibadak kab sukabumi", None, one("32.02")),
        ("kec. praya, lombok tengah", None, one("52.02")),
        ("Kecamatan Gombong Kabupaten Kebumen", None, one("33.05")),
        // Banjar is also a kota, but here it is the kecamatan.
        ("kec. banjar, kab. pandeglang", None, one("36.01")),
        ("kec gombong kebumen", None, one("33.05")),
        ("jl. merdeka no 5 rt 02 rw 03, sleman", None, one("34.04")),
        ("gombong, kebumen", Some("33"), one("33.05")),
    ]);
}

#[test]
fn a_province_named_beside_narrows_the_regency() {
    check(&[
        (
            "bandung jawa barat",
            None,
            many(&["32.04", "32.73", "32.17"]),
        ),
        ("pekalongan jateng", None, many(&["33.26", "33.75"])),
        ("sleman jogja", None, one("34.04")),
        ("kuta ntb", None, one("52.02")),
        ("jawa tengah kebumn", None, guess("33.05")),
    ]);
}

#[test]
fn regency_question_searches_inside_the_province() {
    check(&[
        (
            "sumba",
            Some("53"),
            many(&["53.11", "53.12", "53.17", "53.18"]),
        ),
        ("bandung", Some("32"), many(&["32.04", "32.73", "32.17"])),
        ("kediri", Some("35"), many(&["35.06", "35.71"])),
        ("kab kediri", Some("35"), one("35.06")),
        (
            "jakarta",
            Some("31"),
            many(&["31.71", "31.72", "31.73", "31.74", "31.75"]),
        ),
        ("jogja", Some("34"), one("34.71")),
        ("kota", Some("35"), NONE),
        ("surabya", Some("35"), guess("35.78")),
        ("kota garut", Some("32"), guess("32.05")),
    ]);
}

#[test]
fn regency_question_takes_only_exact_places_from_elsewhere() {
    check(&[
        // Sumbawa is in NTB; "sumba" is never it, not even as a typo.
        ("sumba", Some("52"), NONE),
        ("sumbawa", Some("53"), one("52.04")),
        ("kebumen", Some("32"), one("33.05")),
        ("bandung", Some("35"), many(&["32.04", "32.73"])),
        ("serang", Some("35"), many(&["36.04", "36.73"])),
        ("solo", Some("32"), one("33.72")),
        ("jateng", Some("35"), one("33")),
        ("surabya", Some("32"), NONE),
        ("kota garut", Some("35"), NONE),
    ]);
}

#[test]
fn typos_are_guesses() {
    check(&[
        ("surabya", None, guess("35.78")),
        ("kebumn", None, guess("33.05")),
        ("banyuwangy", None, guess("35.10")),
        ("jawa timr", None, guess("35")),
        ("lombok timr", None, guess("52.03")),
        (
            "lombok, ntb",
            None,
            many(&["52.01", "52.02", "52.03", "52.08"]),
        ),
        ("yogyakrta", None, guess("34")),
        // The province, not the city of the same name.
        ("bengkul", None, guess("17")),
        ("kab kebumn", None, guess("33.05")),
        ("pekalongn", None, many(&["33.26", "33.75"])),
        // "kota" before a kabupaten: the town is meant, but ask.
        ("kota garut", None, guess("32.05")),
        ("kab surabaya", None, guess("35.78")),
    ]);
}

#[test]
fn chat_that_is_not_a_place_matches_nothing() {
    check(&[
        ("", None, NONE),
        ("xyzzy", None, NONE),
        ("kota", None, NONE),
        ("iya", None, NONE),
        ("halo kak", None, NONE),
        ("belum tau", None, NONE),
        ("tidak tahu kak", None, NONE),
        ("sukamaju", Some("32"), NONE),
        // Too many to offer: every regency whose name starts with "aceh".
        ("aceh", Some("11"), NONE),
    ]);
}

/// Every regency is found by its own name and aliases inside its province, and every
/// province by its own at the province question: a data typo shows up here.
#[test]
fn every_name_and_alias_finds_its_place() {
    let r = regions();
    let mut wrong = Vec::new();
    for p in r.provinces() {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            let got = r.match_place(name, None);
            if got != RegionMatch::One(p.code.clone()) {
                wrong.push(format!("{name:?}: {got:?}"));
            }
        }
    }
    for g in r.regencies() {
        for name in std::iter::once(&g.short_name).chain(&g.aliases) {
            let got = r.match_place(name, Some(&g.code.province()));
            let found = match &got {
                RegionMatch::One(c) => c == &g.code,
                RegionMatch::Many(codes) => codes.contains(&g.code),
                _ => false,
            };
            if !found {
                wrong.push(format!("{name:?} for {}: {got:?}", g.code));
            }
        }
        let got = r.match_place(&g.name, None);
        if got != RegionMatch::One(g.code.clone()) {
            wrong.push(format!("{:?}: {got:?}", g.name));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn or_else_looks_further_only_when_nothing_was_found() {
    let found = one("35").or_else(|| one("33"));
    assert_eq!(found, one("35"));
    assert_eq!(guess("35").or_else(|| one("33")), guess("35"));
    assert_eq!(NONE.or_else(|| one("33")), one("33"));
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
