use super::*;
use crate::domain::Locale;
use crate::flow::Msg;
use crate::i18n::{Texts, message_ids};
use std::collections::BTreeMap;

const MAX_ANSWER_CHARS: usize = 400;

fn knowledge() -> Knowledge {
    Knowledge::from_toml(super::super::KNOWLEDGE_TOML).unwrap()
}

fn topic_of(knowledge: &Knowledge, text: &str) -> Option<String> {
    match knowledge.lookup(text) {
        Some(Asked::Known(topic)) => Some(topic.id.clone()),
        Some(Asked::Unknown) => Some("<unknown>".into()),
        None => None,
    }
}

/// How owners really ask: informal spellings, no question mark, "-nya", English.
const PHRASINGS: &[(&str, &str)] = &[
    // The brief's examples.
    ("harus bayar gk?", "biaya-bina-umk"),
    ("sni itu apa?", "sni"),
    ("izin edar tu apa?", "izin-edar"),
    ("biayanya berapa?", "biaya-bina-umk"),
    ("LSPro yang dekat Purwokerto apa?", "lspro"),
    ("ini penipuan bukan?", "penipuan"),
    // biaya-bina-umk
    ("harus bayar gk", "biaya-bina-umk"),
    ("biayanya brp kak", "biaya-bina-umk"),
    ("ikut sni bina umk gratiskah", "biaya-bina-umk"),
    ("uji lab nya bayar sendiri gak?", "biaya-bina-umk"),
    ("is it free?", "biaya-bina-umk"),
    // biaya-lspro
    ("biaya lspro berapa", "biaya-lspro"),
    ("berapa lama proses sppt sni di lspro?", "biaya-lspro"),
    ("tarif LS Pro mahal gak", "biaya-lspro"),
    // lama-bina-umk
    ("berapa lama sampai dapat sni?", "lama-bina-umk"),
    ("prosesnya lama gak", "lama-bina-umk"),
    ("kapan sertifikatnya jadi", "lama-bina-umk"),
    ("how long does it take?", "lama-bina-umk"),
    // masa-berlaku
    ("sni berlaku berapa tahun?", "masa-berlaku"),
    ("masa berlakunya sampai kapan", "masa-berlaku"),
    ("sertifikat sni harus diperpanjang gak", "masa-berlaku"),
    ("sni bina umk berlaku selamanya?", "masa-berlaku"),
    ("logo sni bina umk seperti apa", "masa-berlaku"),
    // sni
    ("sni tu apa sih", "sni"),
    ("bsn itu apa", "sni"),
    ("apa itu SNI?", "sni"),
    ("maksudnya standar nasional indonesia apa", "sni"),
    ("what is SNI?", "sni"),
    // bina-umk
    ("sni bina umk itu apa?", "bina-umk"),
    ("apa bedanya bina umk", "bina-umk"),
    ("binaumk tu program apa", "bina-umk"),
    // syarat-bina-umk
    ("syarat sni bina umk apa aja", "syarat-bina-umk"),
    ("syarat2nya apa saja?", "syarat-bina-umk"),
    ("gmn cara daftar sni?", "syarat-bina-umk"),
    ("produk saya bisa dapat sni ga", "syarat-bina-umk"),
    ("usaha saya kecil bisa ikut?", "syarat-bina-umk"),
    ("saya mau sni, mulai dari mana?", "syarat-bina-umk"),
    ("dokumen apa saja yang perlu disiapkan?", "syarat-bina-umk"),
    // wajib-sni
    ("produk saya wajib sni gak?", "wajib-sni"),
    ("emang harus ber-SNI?", "wajib-sni"),
    ("wajibkah sni untuk keripik", "wajib-sni"),
    ("do I need SNI?", "wajib-sni"),
    // lspro
    ("apa itu lspro", "lspro"),
    ("lspro di jawa tengah dimana", "lspro"),
    ("lembaga sertifikasi produk yang terdekat mana", "lspro"),
    // klt-bsn
    ("klt bsn tu apa", "klt-bsn"),
    ("kantor bsn terdekat dimana?", "klt-bsn"),
    ("alamat klt bsn surabaya?", "klt-bsn"),
    // hubungi-bsn
    ("nomor wa bsn berapa", "hubungi-bsn"),
    ("gimana cara menghubungi bsn", "hubungi-bsn"),
    ("email BSN apa?", "hubungi-bsn"),
    // plut
    ("plut itu apa?", "plut"),
    ("PLUT-KUMKM bisa bantu apa", "plut"),
    ("dimana plut terdekat", "plut"),
    // nib
    ("nib itu apa", "nib"),
    ("NIB gratis kah", "nib"),
    ("gmn cara bikin nib?", "nib"),
    ("bikin nomor induk berusaha bayar gak", "nib"),
    ("syarat nib apa aja", "nib"),
    // oss
    ("oss itu apa?", "oss"),
    ("daftar di oss gimana", "oss"),
    ("oss.go.id situs resmi bukan", "oss"),
    // risiko
    ("risiko rendah tu apa?", "risiko"),
    ("resiko usaha saya apa", "risiko"),
    ("kbli saya apa ya", "risiko"),
    // izin-edar
    ("izin edar tu apa", "izin-edar"),
    ("ijin edarnya apa?", "izin-edar"),
    ("pirt atau bpom ya?", "izin-edar"),
    ("beda pirt sama md", "izin-edar"),
    ("madu perlu pirt?", "izin-edar"),
    ("izin apa yang saya perlu?", "izin-edar"),
    // pirt
    ("p-irt itu apa", "pirt"),
    ("cara urus pirt gimana?", "pirt"),
    ("spp irt berlaku berapa lama", "pirt"),
    // bpom-md
    ("bpom md tu apa", "bpom-md"),
    ("perlu bpom gak?", "bpom-md"),
    ("cara daftar bpom gmn", "bpom-md"),
    // halal
    ("halal wajib gak?", "halal"),
    ("sertifikat halal gratis gak", "halal"),
    ("self declare itu apa?", "halal"),
    ("kapan batas halal?", "halal"),
    // beda-sni-halal
    ("beda sni sama halal apa?", "beda-sni-halal"),
    ("sni dan halal sama gak", "beda-sni-halal"),
    ("harus halal dulu baru sni?", "beda-sni-halal"),
    ("kalau udah halal masih perlu sni?", "beda-sni-halal"),
    // merek
    ("daftar merek berapa?", "merek"),
    ("merk harus didaftarin gak", "merek"),
    ("haki itu apa", "merek"),
    // penipuan
    ("ada yang minta transfer, resmi gak?", "penipuan"),
    ("kok minta kode otp", "penipuan"),
    ("ini beneran resmi", "penipuan"),
    ("is this real?", "penipuan"),
    // data-pribadi
    ("data saya aman gak?", "data-pribadi"),
    ("siapa yang bisa lihat data saya?", "data-pribadi"),
    ("kenapa minta nik", "data-pribadi"),
    ("gimana hapus data saya", "data-pribadi"),
    // pandu
    ("kamu siapa?", "pandu"),
    ("ini bot ya?", "pandu"),
    ("pandu itu apa", "pandu"),
    ("are you a bot?", "pandu"),
    // langkah-selanjutnya
    ("terus gimana?", "langkah-selanjutnya"),
    ("siapa yang akan menghubungi saya?", "langkah-selanjutnya"),
    (
        "kapan petugas dinas menghubungi saya",
        "langkah-selanjutnya",
    ),
    ("habis ini apa?", "langkah-selanjutnya"),
    // kosmetik
    ("sabun mandi perlu izin apa?", "kosmetik"),
    ("kosmetik wajib sni gak", "kosmetik"),
    ("notifikasi bpom tu apa", "kosmetik"),
    // iso-9001
    ("iso 9001 perlu gak?", "iso-9001"),
    ("beda sni sama iso apa", "iso-9001"),
    ("harus punya iso dulu?", "iso-9001"),
    // batikmark
    ("batikmark itu apa?", "batikmark"),
    ("batik perlu sni gak", "batikmark"),
    ("cara dapat batik mark gimana", "batikmark"),
];

#[test]
fn informal_phrasings_reach_their_topic() {
    let k = knowledge();
    let wrong: Vec<String> = PHRASINGS
        .iter()
        .filter_map(|(text, want)| {
            let got = topic_of(&k, text);
            (got.as_deref() != Some(*want)).then(|| format!("{text:?}: want {want}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_topic_has_three_tested_phrasings() {
    let k = knowledge();
    let mut counts: BTreeMap<&str, usize> = k.topics().iter().map(|t| (t.id.as_str(), 0)).collect();
    for (_, id) in PHRASINGS {
        *counts
            .get_mut(id)
            .unwrap_or_else(|| panic!("table names unknown topic {id}")) += 1;
    }
    let thin: Vec<_> = counts.iter().filter(|(_, n)| **n < 3).collect();
    assert!(
        thin.is_empty(),
        "topics with fewer than 3 phrasings: {thin:?}"
    );
}

/// What owners type as answers to Pandu's questions: none of it asks anything.
const ANSWERS: &[&str] = &[
    "iya",
    "udh",
    "belum ada",
    "gak tau",
    "keripik singkong",
    "gula aren cetak",
    "5jt sebulan",
    "lombok tengah",
    "di rumah",
    "Toko Maju Jaya",
    "pasar lokal",
    "sudah, risiko rendah",
    "mana aja boleh",
    "apa aja",
    "ada",
    "sekitar 100 juta",
    "ga",
    "tidak",
    "bukan",
    "udah ga",
    "iya bukan",
    "belum, masih proses",
    "di mana saja",
    "kapan-kapan",
    "saya tidak tahu",
    "sambal bawang",
    "Jawa Tengah",
    "langkah awal",
];

#[test]
fn ordinary_answers_are_not_questions() {
    let k = knowledge();
    for text in ANSWERS {
        assert!(!looks_like_question(text), "{text:?} looks like a question");
        assert_eq!(k.lookup(text), None, "{text:?}");
    }
}

#[test]
fn question_forms_are_recognised() {
    let questions = [
        "ini apa",
        "apakah saya bisa ikut",
        "apa itu sni",
        "syaratnya apa saja",
        "brp lama",
        "gmn caranya",
        "bagaimana daftarnya",
        "kapan selesai",
        "di mana kantornya",
        "dimana daftarnya",
        "yang mana",
        "siapa yang urus",
        "siapa saja yang bisa lihat data saya",
        "kenapa harus sni",
        "mengapa ditolak",
        "bisakah dibantu",
        "bisa gak dibantu",
        "harus bayar gk",
        "perlu gak",
        "boleh gak kak",
        "ada gak",
        "emang wajib",
        "beneran gratis",
        "benarkah gratis",
        "wajibkah",
        "mau tanya soal halal",
        "what is this",
        "how much",
        "why",
        "is it free",
        "do I need it",
        "can I join",
        "should I pay",
    ];
    for text in questions {
        assert!(looks_like_question(text), "{text:?} not seen as a question");
    }
}

#[test]
fn questions_the_base_does_not_know_go_to_staff() {
    let k = knowledge();
    for text in [
        "jam berapa kantor dinas buka?",
        "bisa kirim ke luar kota?",
        "ongkos kirimnya berapa",
        "apa kabar",
    ] {
        assert_eq!(k.lookup(text), Some(Asked::Unknown), "{text:?}");
    }
}

#[test]
fn the_data_file_validates_and_has_the_topics() {
    let k = knowledge();
    for id in [
        "biaya-bina-umk",
        "biaya-lspro",
        "sni",
        "bina-umk",
        "syarat-bina-umk",
        "nib",
        "oss",
        "risiko",
        "izin-edar",
        "pirt",
        "bpom-md",
        "halal",
        "beda-sni-halal",
        "merek",
        "lspro",
        "klt-bsn",
        "plut",
        "lama-bina-umk",
        "masa-berlaku",
        "wajib-sni",
        "penipuan",
        "data-pribadi",
        "pandu",
        "hubungi-bsn",
        "kosmetik",
        "iso-9001",
        "batikmark",
        "langkah-selanjutnya",
    ] {
        assert!(k.get(id).is_some(), "missing topic {id}");
    }
}

#[test]
fn every_answer_exists_in_both_languages_and_fits() {
    let k = knowledge();
    let texts = Texts::embedded(None);
    let mut answers: Vec<&'static str> = k.topics().iter().map(|t| t.answer).collect();
    answers.push("kb-unknown");
    for locale in Locale::ALL {
        let ids = message_ids(&crate::i18n::source(locale));
        for answer in &answers {
            assert!(
                ids.iter().any(|id| id == answer),
                "{answer} missing in {locale:?}"
            );
            let text = texts.render(locale, &Msg::new(answer));
            let chars = text.chars().count();
            assert!(
                chars <= MAX_ANSWER_CHARS,
                "{answer} ({locale:?}) has {chars} characters"
            );
        }
    }
}

#[test]
fn answers_do_not_give_a_phone_number_for_bsn() {
    // sni.md §9.1: no official BSN number was found, so the bot must not invent one.
    let texts = Texts::embedded(None);
    for locale in Locale::ALL {
        let text = texts.render(locale, &Msg::new("kb-hubungi-bsn"));
        let digits = text.chars().filter(char::is_ascii_digit).count();
        assert!(digits == 0, "{locale:?}: {text}");
    }
}

fn error_of(toml: &str) -> String {
    match Knowledge::from_toml(toml) {
        Err(e @ ReferenceError::Field { .. }) => e.to_string(),
        other => panic!("expected a field error for {toml:?}, got {other:?}"),
    }
}

#[test]
fn broken_data_is_refused_with_the_place_named() {
    let ok = "[[topic]]\nid = \"a\"\nanswer = \"kb-a\"\nphrases = [\"x\"]\n";
    assert!(Knowledge::from_toml(ok).is_ok());
    let cases = [
        (format!("{ok}phrase = [\"y\"]\n"), "phrase"),
        (format!("{ok}[extra]\n"), "extra"),
        (
            "[[topic]]\nid = \"a\"\nanswer = \"kb-a\"\n".to_string(),
            "nothing can reach",
        ),
        (format!("{ok}{ok}"), "duplicate id"),
        (ok.replace("kb-a", "a"), "kb-"),
        (ok.replace("id = \"a\"", "id = \"A b\""), "id"),
        (format!("{ok}all = [[]]\n"), "empty group"),
        (ok.replace("[\"x\"]", "[\"x\", \"  \"]"), "phrases[2]"),
        (ok.replace("[\"x\"]", "[\"*x\"]"), "'*'"),
        (String::new(), "no topics"),
    ];
    for (toml, needle) in cases {
        let err = error_of(&toml);
        assert!(err.contains(needle), "{toml:?}: {err}");
    }
}

#[test]
fn a_wildcard_and_endings_match_longer_words() {
    let toml = "[[topic]]\nid = \"a\"\nanswer = \"kb-a\"\nall = [[\"sertifika*\"], [\"biaya\"]]\n";
    let k = Knowledge::from_toml(toml).unwrap();
    let found = |text| matches!(k.lookup(text), Some(Asked::Known(_)));
    assert!(found("biayanya sertifikasi berapa"));
    assert!(found("sertifikat biayakah"));
    assert!(!found("biayanya berapa"), "every group must match");
    assert!(!found("biayaan sertifikat berapa"), "only real endings");
}

#[test]
fn on_a_tie_the_earlier_topic_wins() {
    let toml = "[[topic]]\nid = \"first\"\nanswer = \"kb-first\"\nall = [[\"halal\"]]\n\
                [[topic]]\nid = \"second\"\nanswer = \"kb-second\"\nall = [[\"halal\"]]\n\
                [[topic]]\nid = \"longer\"\nanswer = \"kb-longer\"\nphrases = [\"sertifikat halal\"]\n";
    let k = Knowledge::from_toml(toml).unwrap();
    assert_eq!(topic_of(&k, "halal apa?").as_deref(), Some("first"));
    assert_eq!(
        topic_of(&k, "sertifikat halal apa?").as_deref(),
        Some("longer")
    );
}
