use super::*;
use crate::i18n::message_ids;

const FTL_ID: &str = include_str!("../../../locales/id/catalogue.ftl");
const FTL_EN: &str = include_str!("../../../locales/en/catalogue.ftl");
const MAX_ADVICE_CHARS: usize = 300;
const MAX_LABEL_CHARS: usize = 20;

fn catalogue() -> Catalogue {
    Catalogue::from_toml(super::super::CATALOGUE_TOML).unwrap()
}

fn id(text: &str) -> ProductId {
    ProductId::parse(text).unwrap()
}

fn ids(texts: &[&str]) -> Vec<ProductId> {
    texts.iter().map(|t| id(t)).collect()
}

fn one<'a>(catalogue: &'a Catalogue, input: &str, prefer: Option<Category>) -> &'a Product {
    match catalogue.match_product(input, prefer, &[]) {
        ProductMatch::One(found) => catalogue.get(&found).unwrap(),
        other => panic!("{input:?}: expected one product, got {other:?}"),
    }
}

/// Every product the match would propose, whether alone or in a list.
fn proposed(m: &ProductMatch) -> Vec<ProductId> {
    match m {
        ProductMatch::None => Vec::new(),
        ProductMatch::One(p) => vec![p.clone()],
        ProductMatch::Many(ps) => ps.clone(),
    }
}

/// The single-line value of `msg_id` in a Fluent file (catalogue texts are one line each).
fn ftl_value<'a>(ftl: &'a str, msg_id: &str) -> Option<&'a str> {
    ftl.lines()
        .find_map(|line| line.strip_prefix(msg_id)?.trim_start().strip_prefix('='))
        .map(str::trim)
}

#[test]
fn matches_single_products() {
    use SniStatus::*;
    let c = catalogue();
    let cases = [
        (
            "gula aren cetak",
            "gula-aren",
            Some("SNI 3743:2021"),
            Sukarela,
        ),
        (
            "Gula Semut Aren",
            "gula-semut",
            Some("SNI 3743:2021"),
            Sukarela,
        ),
        (
            "keripik singkong balado",
            "keripik-singkong",
            Some("SNI 4305:2018"),
            Sukarela,
        ),
        (
            "kripik singkon",
            "keripik-singkong",
            Some("SNI 4305:2018"),
            Sukarela,
        ),
        ("air minum isi ulang", "air-minum-isi-ulang", None, TidakAda),
        (
            "air mineral kemasan",
            "amdk-air-mineral",
            Some("SNI 3553:2015"),
            Wajib,
        ),
        ("mainan kayu", "mainan-anak", Some("SNI ISO 8124-1"), Wajib),
        ("kopi bubuk", "kopi-bubuk", Some("SNI 8964:2021"), Sukarela),
        ("kopi instan", "kopi-instan", Some("SNI 2983:2014"), Wajib),
        ("madu hutan", "madu", Some("SNI 8664:2018"), Sukarela),
        ("sambal", "saus-cabe", Some("SNI 01-2976-2006"), Sukarela),
        (
            "batik tulis",
            "batik-tulis",
            Some("SNI 8302:2016"),
            Sukarela,
        ),
        ("kemplang", "kerupuk-ikan", Some("SNI 2713:2009"), Sukarela),
        ("Helm motor", "helm", Some("SNI 1811-2007"), Wajib),
        ("pupuk NPK", "pupuk-anorganik", None, Wajib),
        ("empek-empek", "pempek", None, BelumTahu),
        (
            "garam dapur",
            "garam-beryodium",
            Some("SNI 3556:2024"),
            Wajib,
        ),
        (
            "garam krosok",
            "garam-krosok",
            Some("SNI 01-4435-2000"),
            Sukarela,
        ),
        ("abon tuna", "abon-ikan", Some("SNI 7690.1:2013"), Sukarela),
        ("abon sapi", "abon", Some("SNI 01-3707-1995"), Sukarela),
        ("kompos", "pupuk-organik", Some("SNI 7763:2018"), Sukarela),
        (
            "cincin emas",
            "perhiasan-emas",
            Some("SNI 8880:2020"),
            Sukarela,
        ),
        ("tenun ikat", "tenun", None, BelumTahu),
    ];
    for (input, want_id, number, status) in cases {
        let p = one(&c, input, None);
        assert_eq!(p.id.as_str(), want_id, "input {input:?}");
        assert_eq!(
            (p.sni_number.as_deref(), p.status),
            (number, status),
            "input {input:?}"
        );
    }
}

/// Products that share words but not standards: the more specific phrase wins, whatever
/// category the owner picked before, and the wrong twin is never even offered.
#[test]
fn keyword_traps_pick_the_specific_product() {
    let c = catalogue();
    let cases: &[(&str, &str, &[&str])] = &[
        ("sabun cair", "sabun-mandi-cair", &["sabun-mandi-padat"]),
        ("sabun batang", "sabun-mandi-padat", &["sabun-mandi-cair"]),
        (
            "sabun mandi batang sereh",
            "sabun-mandi-padat",
            &["sabun-mandi-cair"],
        ),
        (
            "sabun mandi cair",
            "sabun-mandi-cair",
            &["sabun-mandi-padat"],
        ),
        (
            "sabun cair cuci tangan",
            "sabun-cuci-tangan",
            &["sabun-mandi-cair"],
        ),
        (
            "sabun cair cuci piring",
            "sabun-cuci-piring",
            &["sabun-mandi-cair", "sabun-cuci-tangan"],
        ),
        ("keripik tempe", "keripik-tempe", &["tempe"]),
        ("kripik tempe", "keripik-tempe", &["tempe"]),
        ("tempe keripik balado", "keripik-tempe", &["tempe"]),
        ("tempe kedelai", "tempe", &["keripik-tempe"]),
        ("tempe bungkus daun", "tempe", &["keripik-tempe"]),
        ("garam krosok", "garam-krosok", &["garam-beryodium"]),
        (
            "garam rakyat dari tambak",
            "garam-krosok",
            &["garam-beryodium"],
        ),
        ("garam beryodium", "garam-beryodium", &["garam-krosok"]),
        ("abon ikan tuna", "abon-ikan", &["abon"]),
        ("abon lele", "abon-ikan", &["abon"]),
        ("abon daging sapi", "abon", &["abon-ikan"]),
        (
            "depot air minum isi ulang",
            "air-minum-isi-ulang",
            &["amdk-air-mineral"],
        ),
        (
            "air mineral isi ulang",
            "air-minum-isi-ulang",
            &["amdk-air-mineral"],
        ),
        (
            "amdk air mineral botol",
            "amdk-air-mineral",
            &["air-minum-isi-ulang"],
        ),
        ("kopi bubuk robusta", "kopi-bubuk", &["kopi-instan"]),
        ("kopi sachet 3in1", "kopi-instan", &["kopi-bubuk"]),
        (
            "biji kopi green bean",
            "biji-kopi",
            &["kopi-instan", "kopi-bubuk"],
        ),
        ("madu murni", "madu", &[]),
        ("kerupuk udang", "kerupuk-udang", &["kerupuk-ikan"]),
        ("kerupuk ikan tenggiri", "kerupuk-ikan", &["kerupuk-udang"]),
        ("tenun songket", "songket", &["tenun"]),
        (
            "pupuk organik cair",
            "pupuk-organik-cair",
            &["pupuk-organik"],
        ),
        ("kursi rotan", "mebel-rotan", &["mebel-kayu"]),
        ("minyak kemiri untuk rambut", "minyak-rambut", &["vco"]),
        ("sabut kelapa", "kerajinan-lain", &["sabun-mandi-padat"]),
    ];
    let prefers = std::iter::once(None).chain(Category::all().iter().copied().map(Some));
    for prefer in prefers {
        for (input, want, never) in cases {
            let got = c.match_product(input, prefer, &[]);
            assert_eq!(
                got,
                ProductMatch::One(id(want)),
                "{input:?} prefer {prefer:?}"
            );
            for bad in *never {
                assert!(
                    !proposed(&got).contains(&id(bad)),
                    "{input:?} offered {bad}"
                );
            }
        }
    }
}

/// Each product added for owners' feedback is reached the way people actually type it.
#[test]
fn new_products_are_found_from_informal_phrasings() {
    let c = catalogue();
    let cases: &[(&str, [&str; 2])] = &[
        (
            "garam-krosok",
            ["jual garam krosok ke pabrik", "Garam kasar petani"],
        ),
        (
            "keripik-tempe",
            ["saya jual keripik tempe pedas kak", "kripik tempe sagu"],
        ),
        ("abon-ikan", ["abon ikan tuna pedas", "bikin abon cakalang"]),
        (
            "kerupuk-udang",
            ["krupuk udang mentah", "usaha kerupuk rebon"],
        ),
        (
            "sabun-mandi-cair",
            ["sabun cair buat mandi", "bodywash herbal"],
        ),
        (
            "sabun-cuci-tangan",
            ["hand soap", "sabun cuci tangan aroma jeruk"],
        ),
        (
            "sabun-cuci-piring",
            ["sabun cuci piring jeruk nipis", "deterjen cair"],
        ),
        ("lulur", ["lulur mandi tradisional", "body scrub kopi"]),
        ("skincare", ["krim wajah racikan sendiri", "serum wajah"]),
        ("minyak-rambut", ["minyak rambut kemiri", "pomade"]),
        ("parfum", ["parfum refill", "minyak wangi non alkohol"]),
        ("kosmetik-lain", ["lipstik", "bedak dingin"]),
        ("tenun", ["kain tenun ikat NTT", "tenunan"]),
        ("songket", ["songket palembang", "kain songket benang emas"]),
        ("perhiasan-emas", ["perhiasan emas 22 karat", "gelang emas"]),
        (
            "perhiasan-perak",
            ["kerajinan perak kotagede", "cincin perak"],
        ),
        ("mebel-kayu", ["mebel jati", "lemari kayu"]),
        ("mebel-rotan", ["furniture rotan", "kursi rotan sintetis"]),
        ("mebel-bambu", ["mebel bambu", "balai bambu"]),
        ("pupuk-organik-cair", ["POC", "pupuk hayati"]),
    ];
    for (want, inputs) in cases {
        for input in inputs {
            assert_eq!(one(&c, input, None).id.as_str(), *want, "input {input:?}");
        }
    }
}

#[test]
fn ambiguous_and_unknown_inputs() {
    let c = catalogue();
    let sugars = [
        "gula-aren",
        "gula-kelapa",
        "gula-semut",
        "gula-kristal-putih",
        "gula-kristal-rafinasi",
    ];
    let soaps = [
        "sabun-mandi-padat",
        "sabun-mandi-cair",
        "sabun-cuci-tangan",
        "sabun-cuci-piring",
    ];
    let coffees = ["kopi-instan", "kopi-bubuk", "biji-kopi"];
    let cases: &[(&str, Option<Category>, ProductMatch)] = &[
        ("gula", None, ProductMatch::Many(sorted_ids(&c, &sugars))),
        (
            "batik",
            None,
            ProductMatch::Many(sorted_ids(
                &c,
                &["batik-tulis", "batik-cap", "batik-kombinasi"],
            )),
        ),
        ("kopi", None, ProductMatch::Many(sorted_ids(&c, &coffees))),
        (
            "kopi",
            Some(Category::Segar),
            ProductMatch::One(id("biji-kopi")),
        ),
        (
            "kopi",
            Some(Category::Anak),
            ProductMatch::Many(sorted_ids(&c, &coffees)),
        ),
        ("sabun", None, ProductMatch::Many(sorted_ids(&c, &soaps))),
        (
            "sabun cuci piring",
            Some(Category::Kosmetik),
            ProductMatch::One(id("sabun-cuci-piring")),
        ),
        (
            "sabun mandi",
            None,
            ProductMatch::Many(sorted_ids(&c, &["sabun-mandi-padat", "sabun-mandi-cair"])),
        ),
        (
            "garam",
            None,
            ProductMatch::Many(sorted_ids(&c, &["garam-beryodium", "garam-krosok"])),
        ),
        (
            "garam",
            Some(Category::Segar),
            ProductMatch::One(id("garam-krosok")),
        ),
        (
            "abon",
            None,
            ProductMatch::Many(sorted_ids(&c, &["abon", "abon-ikan"])),
        ),
        (
            "perhiasan",
            None,
            ProductMatch::Many(sorted_ids(&c, &["perhiasan-emas", "perhiasan-perak"])),
        ),
        (
            "mebel",
            None,
            ProductMatch::Many(sorted_ids(
                &c,
                &["mebel-kayu", "mebel-rotan", "mebel-bambu"],
            )),
        ),
        ("sepatu kulit", None, ProductMatch::None),
        ("kerupuk kulit", None, ProductMatch::None),
        ("", None, ProductMatch::None),
        ("xyz", None, ProductMatch::None),
    ];
    for (input, prefer, want) in cases {
        assert_eq!(
            &c.match_product(input, *prefer, &[]),
            want,
            "input {input:?} prefer {prefer:?}"
        );
    }
}

/// Expected `Many` lists follow catalogue order.
fn sorted_ids(c: &Catalogue, ids: &[&str]) -> Vec<ProductId> {
    c.products()
        .iter()
        .filter(|p| ids.contains(&p.id.as_str()))
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn yes_no_and_filler_words_never_name_a_product() {
    let c = catalogue();
    let inputs = [
        "iya",
        "ya itu",
        "Ya, betul!",
        "betul",
        "bukan",
        "bukan itu kak",
        "tidak",
        "belum",
        "sudah",
        "sudah kak",
        "ok",
        "oke sip",
        "halo",
        "halo kak",
        "kak",
        "iya kak betul itu",
        "gak",
        "terima kasih",
    ];
    let prefers = std::iter::once(None).chain(Category::all().iter().copied().map(Some));
    for prefer in prefers {
        for input in inputs {
            assert_eq!(
                c.match_product(input, prefer, &[]),
                ProductMatch::None,
                "{input:?} prefer {prefer:?}"
            );
        }
    }
    // The words around a product do not get in its way.
    assert_eq!(
        one(&c, "iya betul kak, keripik tempe", None).id.as_str(),
        "keripik-tempe"
    );
}

/// A product the owner rejected is not proposed again, nor its less specific twin.
#[test]
fn rejected_products_are_not_proposed_again() {
    let c = catalogue();
    let cases: &[(&str, &[&str], ProductMatch)] = &[
        ("keripik tempe", &["keripik-tempe"], ProductMatch::None),
        ("abon ikan tuna", &["abon-ikan"], ProductMatch::None),
        ("sabun cair", &["sabun-mandi-cair"], ProductMatch::None),
        (
            "kopi",
            &["kopi-instan"],
            ProductMatch::Many(sorted_ids(&c, &["kopi-bubuk", "biji-kopi"])),
        ),
        ("abon", &["abon"], ProductMatch::One(id("abon-ikan"))),
        (
            "mebel",
            &["mebel-kayu", "mebel-bambu"],
            ProductMatch::One(id("mebel-rotan")),
        ),
        ("madu murni", &["madu"], ProductMatch::None),
        ("madu murni", &["tempe"], ProductMatch::One(id("madu"))),
    ];
    for (input, exclude, want) in cases {
        assert_eq!(
            &c.match_product(input, None, &ids(exclude)),
            want,
            "input {input:?} exclude {exclude:?}"
        );
    }
}

/// A typo may find a voluntary product, never tell an owner a product is mandatory.
#[test]
fn typos_are_forgiven_only_for_non_mandatory_products() {
    let c = catalogue();
    let cases = [
        ("kripik singkon", ProductMatch::One(id("keripik-singkong"))),
        ("parfumm", ProductMatch::One(id("parfum"))),
        ("krupuk tengiri", ProductMatch::One(id("kerupuk-ikan"))),
        (
            "minyak goreng",
            ProductMatch::One(id("minyak-goreng-sawit")),
        ),
        ("minyak gorengg", ProductMatch::None),
        ("biskuitt", ProductMatch::None),
    ];
    for (input, want) in cases {
        assert_eq!(c.match_product(input, None, &[]), want, "input {input:?}");
    }
}

#[test]
fn every_advice_exists_in_both_languages_and_is_short() {
    let c = catalogue();
    let used: HashSet<&str> = c.products().iter().filter_map(|p| p.advice).collect();
    assert!(used.len() >= 15, "advice used by products: {}", used.len());
    for (name, ftl) in [("id", FTL_ID), ("en", FTL_EN)] {
        let defined: HashSet<String> = message_ids(ftl).into_iter().collect();
        for advice in &used {
            let text = ftl_value(ftl, advice);
            let chars = text.map_or(0, |t| t.chars().count());
            assert!(
                defined.contains(*advice) && (1..=MAX_ADVICE_CHARS).contains(&chars),
                "{name}: {advice} missing or {chars} characters"
            );
        }
        // Advice no product points to would be text nobody ever reads.
        for orphan in defined.iter().filter(|d| d.starts_with(ADVICE_PREFIX)) {
            assert!(used.contains(orphan.as_str()), "{name}: {orphan} is unused");
        }
    }
    let advice_of = |p: &str| c.get(&id(p)).and_then(|p| p.advice);
    let expected = [
        ("air-minum-isi-ulang", "SLHS"),
        ("madu", "NKV"),
        ("sabun-mandi-padat", "notifikasi BPOM"),
        ("pupuk-organik", "nomor pendaftaran"),
        ("mebel-rotan", "SVLK"),
        ("perhiasan-emas", "kadar emas"),
        ("batik-cap", "Batikmark"),
        ("helm", "LSPro"),
        ("garam-krosok", "bahan baku"),
        ("kopi-instan", "wajib"),
    ];
    for (product, needle) in expected {
        let text = advice_of(product).and_then(|a| ftl_value(FTL_ID, a));
        assert!(
            text.is_some_and(|t| t.contains(needle)),
            "{product}: {text:?}"
        );
    }
}

#[test]
fn category_labels_are_short_buttons_in_both_languages() {
    for &category in Category::all() {
        let label = category.label_msg();
        assert_eq!(label, format!("cat-{}", category.as_str()));
        for ftl in [FTL_ID, FTL_EN] {
            assert!(ftl_value(ftl, label).is_some(), "{label} missing");
        }
    }
    for ftl in [FTL_ID, FTL_EN] {
        let kosmetik = ftl_value(ftl, Category::Kosmetik.label_msg()).unwrap();
        assert!(kosmetik.chars().count() <= MAX_LABEL_CHARS, "{kosmetik}");
    }
}

#[test]
fn embedded_content_rules() {
    let c = catalogue();
    assert!(c.products().len() >= 70);
    for &category in Category::all() {
        let count = c.in_category(category).len();
        assert!(
            category == Category::Lainnya || count > 0,
            "{category:?} is empty"
        );
    }
    for p in c.products() {
        assert!(p.name.chars().count() <= MAX_NAME_CHARS, "{}", p.id);
        assert!(!p.source.trim().is_empty(), "{} has no source", p.id);
        if p.confirmed {
            assert!(p.sni_number.is_some(), "{} confirmed without number", p.id);
        }
        if let Some(number) = &p.sni_number {
            assert!(is_well_formed_sni(number), "{}: {number}", p.id);
        }
        let numbered = matches!(p.status, SniStatus::Wajib | SniStatus::Sukarela);
        if numbered && p.sni_number.is_none() {
            assert!(p.note.is_some(), "{} has no number and no note", p.id);
        }
        if p.source == "belum diverifikasi" || p.source.contains("[U]") {
            assert!(!p.confirmed, "{} is unverified but confirmed", p.id);
        }
    }
    let depot = c.get(&id("air-minum-isi-ulang")).unwrap();
    let note = depot.note.as_deref().unwrap();
    assert!(depot.status == SniStatus::TidakAda && note.contains("Permenkes 43/2014"));
    assert!(note.contains("SLHS"), "{note}");
}

#[test]
fn categories_keep_their_stored_values_and_button_order() {
    let order: Vec<&str> = Category::all().iter().map(|c| c.as_str()).collect();
    assert_eq!(
        order,
        [
            "makanan",
            "segar",
            "kerajinan",
            "anak",
            "industri",
            "kosmetik",
            "lainnya"
        ]
    );
    for &category in Category::all() {
        #[derive(Deserialize)]
        struct Doc {
            c: Category,
        }
        let doc: Doc = toml::from_str(&format!("c = {:?}", category.as_str())).unwrap();
        assert_eq!(doc.c, category);
    }
}

#[test]
fn sni_number_format() {
    let cases = [
        ("SNI 3743:2021", true),
        ("SNI 3140.3:2010", true),
        ("SNI 01-2976-2006", true),
        ("SNI 1811-2007", true),
        ("SNI ISO 8124-1", true),
        ("SNI IEC 62115:2017", true),
        ("SNI ISO/IEC 17065:2012", true),
        ("SNI 7617", true),
        ("SNI 3140.3-2010", true),
        ("SNI 3743:21", false),
        ("3743:2021", false),
        ("SNI3743:2021", false),
        ("SNI 3743:2021/Amd1:2019", false),
        ("SNI 37a3", false),
        ("SNI ", false),
        ("SNI 3140..3", false),
        ("SNI 01--2976", false),
    ];
    for (text, want) in cases {
        assert_eq!(is_well_formed_sni(text), want, "{text:?}");
    }
}

#[test]
fn product_ids() {
    let cases = [
        ("gula-aren", true),
        ("amdk2", true),
        ("Gula", false),
        ("gula aren", false),
        ("-x", false),
        ("x-", false),
        ("a--b", false),
        ("", false),
    ];
    for (text, want) in cases {
        assert_eq!(ProductId::parse(text).is_ok(), want, "{text:?}");
    }
}

#[test]
fn rejects_bad_catalogues() {
    let product = |extra: &str| {
        format!(
            "version = \"1\"\n[[product]]\nid = \"x\"\nname = \"X\"\ncategory = \"makanan\"\nstatus = \"sukarela\"\nis_food = true\nconfirmed = false\nsource = \"s\"\n{extra}"
        )
    };
    let cases = [
        (product("sni_number = \"3743\""), "sni_number"),
        (product(""), "needs a number"),
        (product("name = \"Y\""), "duplicate key"),
        (product("sni_number = \"SNI 1\"\nwarna = 1"), "warna"),
        (
            product("sni_number = \"SNI 1\"\nsynonyms = [\"  .. \"]"),
            "synonyms",
        ),
        (
            product("sni_number = \"SNI 1\"\nsynonyms = [\"gula iya\"]"),
            "filler word",
        ),
        (
            product("sni_number = \"SNI 1\"\nadvice = \"tips-gula\""),
            "advice",
        ),
        (
            product("sni_number = \"SNI 1\"\nadvice = \"advice-Gula Aren\""),
            "advice",
        ),
        (
            product("note = \"n\"").replace("confirmed = false", "confirmed = true"),
            "confirmed",
        ),
        (
            product("sni_number = \"SNI 1\"")
                .replace("\"X\"", "\"Nama produk yang terlalu panjang\""),
            "1-24 characters",
        ),
        (
            product("sni_number = \"SNI 1\"").replace("\"x\"", "\"Bad Id\""),
            "invalid product id",
        ),
        (
            product("sni_number = \"SNI 1\"").replace("\"sukarela\"", "\"tidak_ada\""),
            "tidak_ada",
        ),
        (
            format!(
                "{0}\n[[product]]\n{1}",
                product("sni_number = \"SNI 1\""),
                product("sni_number = \"SNI 1\"").replace("version = \"1\"\n[[product]]\n", "")
            ),
            "duplicate id",
        ),
    ];
    for (text, needle) in cases {
        let err = Catalogue::from_toml(&text).unwrap_err().to_string();
        assert!(
            err.starts_with(ORIGIN) && err.contains(needle),
            "{needle}: {err}"
        );
    }
    let ok = Catalogue::from_toml(&product(
        "sni_number = \"SNI 1\"\nadvice = \"advice-depot-air\"",
    ))
    .unwrap();
    assert_eq!(ok.products()[0].advice, Some("advice-depot-air"));
}
