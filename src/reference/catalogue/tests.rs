use super::*;

fn catalogue() -> Catalogue {
    Catalogue::from_toml(super::super::CATALOGUE_TOML).unwrap()
}

fn id(text: &str) -> ProductId {
    ProductId::parse(text).unwrap()
}

fn one<'a>(catalogue: &'a Catalogue, input: &str, prefer: Option<Category>) -> &'a Product {
    match catalogue.match_product(input, prefer) {
        ProductMatch::One(found) => catalogue.get(&found).unwrap(),
        other => panic!("{input:?}: expected one product, got {other:?}"),
    }
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
        ("kemplang", "kerupuk-ikan", None, BelumTahu),
        ("Helm motor", "helm", Some("SNI 1811-2007"), Wajib),
        ("pupuk NPK", "pupuk-anorganik", None, Wajib),
        ("empek-empek", "pempek", None, BelumTahu),
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
        (
            "kopi",
            None,
            ProductMatch::Many(sorted_ids(&c, &["kopi-instan", "kopi-bubuk", "biji-kopi"])),
        ),
        (
            "kopi",
            Some(Category::Segar),
            ProductMatch::One(id("biji-kopi")),
        ),
        (
            "kopi",
            Some(Category::Anak),
            ProductMatch::Many(sorted_ids(&c, &["kopi-instan", "kopi-bubuk", "biji-kopi"])),
        ),
        ("sepatu kulit", None, ProductMatch::None),
        ("", None, ProductMatch::None),
        ("xyz", None, ProductMatch::None),
    ];
    for (input, prefer, want) in cases {
        assert_eq!(
            &c.match_product(input, *prefer),
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
fn embedded_content_rules() {
    let c = catalogue();
    assert!(c.products().len() >= 40);
    for &category in Category::all() {
        let count = c.in_category(category).len();
        assert!(
            category == Category::Lainnya || count > 0,
            "{category:?} is empty"
        );
    }
    for p in c.products() {
        assert!(p.name.chars().count() <= MAX_NAME_CHARS, "{}", p.id);
        if let Some(number) = &p.sni_number {
            assert!(is_well_formed_sni(number), "{}: {number}", p.id);
        }
        let numbered = matches!(p.status, SniStatus::Wajib | SniStatus::Sukarela);
        if numbered && p.id.as_str() != "pupuk-anorganik" {
            assert!(p.sni_number.is_some(), "{} has no number", p.id);
        }
        if p.source == "belum diverifikasi" {
            assert!(!p.confirmed, "{} is unverified but confirmed", p.id);
        }
    }
    let depot = c.get(&id("air-minum-isi-ulang")).unwrap();
    assert!(!depot.confirmed && depot.note.as_deref().unwrap().contains("Permenkes 43/2014"));
}

#[test]
fn categories_round_trip() {
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
}
