//! End-to-end conversations typed the way owners really chat on a phone: slang, regional
//! words, emoji, amounts in shorthand, several answers in one message and questions back.
//!
//! Each test checks what a dinas officer reading the lead would check: the outcome code,
//! the kab/kota the lead is routed to, the product, and the advice lines the owner got.

use pandu::domain::Locale;
use pandu::flow::{
    self, Arg, Ctx, Effect, Event, Input, LeadRecord, Msg, Next, OutcomeCode, Transition,
};
use pandu::i18n::Texts;
use pandu::parse::Rupiah;
use pandu::reference::{ProductId, Reference, RegionCode};
use std::sync::LazyLock;
use time::OffsetDateTime;
use time::macros::datetime;

static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::embedded);
static TEXTS: LazyLock<Texts> = LazyLock::new(|| Texts::embedded(None));

/// Before the UMK halal deadline (17 Oct 2026), so the halal note is the "deadline ahead" one.
const NOW: OffsetDateTime = datetime!(2026-06-02 09:00 +07:00);

/// The bot's longest message, in characters, as the brief for phone screens sets it.
const MAX_CHARS: usize = 600;

/// One owner on a channel without a known number (Telegram/web): the phone is asked.
struct Chat {
    conv: Option<pandu::flow::Conversation>,
    /// Each typed line with the bot's answer to it.
    log: Vec<(String, Transition)>,
}

impl Chat {
    fn new() -> Self {
        Self {
            conv: None,
            log: Vec::new(),
        }
    }

    fn say(&mut self, text: &str) -> &Transition {
        let ctx = Ctx {
            reference: &REFERENCE,
            sender_phone: None,
            default_locale: Locale::Id,
            retention_months: 24,
            texts: &TEXTS,
            referral: None,
        };
        let event = Event {
            input: Input::Text(text.into()),
            at: NOW,
        };
        let t = flow::step(self.conv.take(), &event, &ctx);
        self.conv = match &t.next {
            Next::Keep(conv) => Some((**conv).clone()),
            Next::Forget => None,
        };
        self.log.push((text.to_owned(), t));
        &self.log.last().unwrap().1
    }

    /// Types every line; none may end the conversation.
    fn play(script: &[&str]) -> Self {
        let mut chat = Self::new();
        for line in script {
            let t = chat.say(line);
            assert!(
                matches!(t.next, Next::Keep(_)),
                "{line:?} ended the conversation\n{}",
                chat.transcript()
            );
        }
        chat
    }

    /// Every line with the step it left the bot at and the ids of its replies: printed on
    /// failure, so the lead sees exactly where the bot misunderstood.
    fn transcript(&self) -> String {
        let mut out = String::new();
        for (line, t) in &self.log {
            let step = match &t.next {
                Next::Keep(c) => format!("{:?}", c.step),
                Next::Forget => "forgotten".into(),
            };
            out.push_str(&format!("  {line:?} -> {step}: {:?}\n", ids(t)));
        }
        out
    }

    /// The transition that judged the answers (the last one with an outcome message).
    fn result(&self) -> &Transition {
        self.log
            .iter()
            .rev()
            .map(|(_, t)| t)
            .find(|t| ids(t).iter().any(|id| id.starts_with("outcome-")))
            .unwrap_or_else(|| panic!("no outcome was reached\n{}", self.transcript()))
    }

    fn lead(&self) -> &LeadRecord {
        self.result()
            .effects
            .iter()
            .find_map(|e| match e {
                Effect::SaveLead(lead) => Some(&**lead),
                _ => None,
            })
            .unwrap_or_else(|| panic!("the result saved no lead\n{}", self.transcript()))
    }

    fn omzet(&self) -> Option<pandu::flow::answers::ScaleAnswer> {
        self.lead().answers.omzet
    }

    fn ever_said(&self, id: &str) -> bool {
        self.log.iter().any(|(_, t)| ids(t).contains(&id))
    }
}

fn ids(t: &Transition) -> Vec<&'static str> {
    t.replies.iter().flat_map(|r| r.ids()).collect()
}

/// Every Fluent id shown, including messages rendered inside others (the product's advice
/// sits inside "note-product-advice").
fn shown_ids(t: &Transition) -> Vec<&'static str> {
    fn walk(m: &Msg, out: &mut Vec<&'static str>) {
        out.push(m.id);
        for (_, arg) in &m.args {
            match arg {
                Arg::Msg(inner) => walk(inner, out),
                Arg::List(list) => list.iter().for_each(|inner| walk(inner, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for m in t.replies.iter().flat_map(|r| &r.paragraphs) {
        walk(m, &mut out);
    }
    out
}

/// What the officer checks once the conversation is over.
struct Expect {
    code: OutcomeCode,
    /// kab/kota code the lead is routed to.
    region: &'static str,
    /// None for a product typed freely and kept in the owner's words.
    product: Option<&'static str>,
    /// Advice lines (note-* and the product's advice-*) the result must contain.
    advice: &'static [&'static str],
}

fn check(script: &[&str], expect: Expect) -> Chat {
    let chat = Chat::play(script);
    let tr = chat.transcript();
    // The owner confirmed the review with a typed word, not a button.
    let before_last = &chat.log[chat.log.len() - 2].1;
    assert!(
        ids(before_last).contains(&"review-title"),
        "the review came before the confirmation\n{tr}"
    );
    let result = chat.result();
    assert!(
        std::ptr::eq(result, &chat.log.last().unwrap().1),
        "the typed confirmation gave the result\n{tr}"
    );
    let lead = chat.lead();
    assert_eq!(lead.decision.code, expect.code, "outcome\n{tr}");
    assert_eq!(
        lead.region_code,
        RegionCode::parse(expect.region).unwrap(),
        "region\n{tr}"
    );
    assert_eq!(
        lead.product_id,
        expect.product.map(|p| ProductId::parse(p).unwrap()),
        "product\n{tr}"
    );
    // How long the conversation is for the owner: questions the bot asked up to the result.
    let asked = chat
        .log
        .iter()
        .filter(|(_, t)| {
            t.replies.last().is_some_and(|r| {
                !r.buttons.is_empty() || ids(t).iter().any(|id| id.starts_with("ask-"))
            })
        })
        .count();
    println!(
        "questions to the result: {asked} ({} lines typed)",
        chat.log.len()
    );
    let said = shown_ids(result);
    for id in expect.advice {
        assert!(said.contains(id), "advice {id} missing from {said:?}\n{tr}");
    }
    // Phone screens: no bot message, anywhere in the conversation, is too long to read.
    let longest = chat
        .log
        .iter()
        .flat_map(|(_, t)| {
            t.replies.iter().map(|r| {
                TEXTS
                    .render_reply(t.locale(Locale::Id), r)
                    .text
                    .chars()
                    .count()
            })
        })
        .max()
        .unwrap_or(0);
    println!("longest message: {longest} characters");
    for (line, t) in &chat.log {
        let locale = t.locale(Locale::Id);
        for reply in &t.replies {
            let text = TEXTS.render_reply(locale, reply).text;
            let n = text.chars().count();
            assert!(
                n <= MAX_CHARS,
                "reply to {line:?} has {n} chars: {:?}\n{text}",
                reply.ids()
            );
        }
    }
    chat
}

fn yearly(rupiah: u64) -> Option<pandu::flow::answers::ScaleAnswer> {
    Some(pandu::flow::answers::ScaleAnswer::Amount(Rupiah(rupiah)))
}

// ------------------------------------------------------------- Sumatra

#[test]
fn aceh_kopi_bubuk_gayo_ready_for_bina_umk() {
    let chat = check(
        &[
            "halo",
            "iya kak setuju",
            "banda aceh",
            "Kopi Gayo Bang Rizal",
            "Rizal Maulana",
            "0852 6011 2233",
            "kopi bubuk gayo",
            "iy",
            "5jtan sebulan",
            "udh, risiko rendah",
            "di rumah aja, sangrai manual",
            "pirt udh ada",
            "udh",
            "blm kak",
            "lengkap",
            "siap bang",
            "pasar lokal aja",
            "benar",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "11.71",
            product: Some("kopi-bubuk"),
            advice: &["note-merek", "advice-kopi-bubuk"],
        },
    );
    assert_eq!(
        chat.omzet(),
        yearly(60_000_000),
        "5jtan sebulan is 60 juta a year"
    );
}

#[test]
fn medan_kopi_sachet_is_kopi_instan_and_needs_lspro() {
    check(
        &[
            "halo min",
            "y",
            "kota medan",
            "Kopi Sachet Horas",
            "Butet Simanjuntak",
            "081265430987",
            "kopi sachet 3in1",
            "iya",
            "30 jt sebulan",
            "udah",
            "di rumah",
            "gk ada",
            "lagi proses",
            "udh",
            "iyaaa",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "12.71",
            product: Some("kopi-instan"),
            advice: &[
                "note-bpom-md-not-pirt",
                "note-halal-deadline",
                "advice-kopi-instan",
            ],
        },
    );
}

#[test]
fn padang_tas_rajut_not_in_catalogue_goes_to_officer() {
    let chat = check(
        &[
            "assalamualaikum",
            "iyo, setuju",
            "kota padang",
            "Rajutan Uni Yet",
            "Yetti Marlina",
            "0813 7412 5566",
            "lainnya",
            "tas rajut",
            "lanjut aja",
            "3-4 jt sebulan",
            "alah",
            "alun",
            "benar",
        ],
        Expect {
            code: OutcomeCode::PerluCekPetugas,
            region: "13.71",
            product: None,
            advice: &["note-merek"],
        },
    );
    assert_eq!(chat.lead().product_name, "tas rajut");
    assert_eq!(
        chat.omzet(),
        yearly(42_000_000),
        "3-4 jt sebulan is read as 3,5 juta"
    );
}

#[test]
fn palembang_kemplang_without_pirt_is_pointed_to_it() {
    check(
        &[
            "halo",
            "setuju",
            "palembang",
            "Kemplang Cek Ani",
            "Ani Susanti",
            "0811 7890 123",
            "kerupuk kemplang ikan tenggiri",
            "iya bener",
            "150 juta setahun",
            "sudah, resikonya rendah",
            "dapur rumah",
            "blm ada pirt",
            "lagi diurus",
            "sudah",
            "lengkap sih",
            "bersedia",
            "jual ke indomaret",
            "iya",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "16.71",
            product: Some("kerupuk-ikan"),
            advice: &[
                "note-izin-edar-pirt",
                "note-halal-deadline",
                "note-sppt-option",
                "advice-kerupuk",
            ],
        },
    );
}

#[test]
fn bukittinggi_perhiasan_emas_unknown_risk_is_flagged() {
    check(
        &[
            "hai",
            "ok",
            "bukittinggi",
            "Emas Koto Gadang",
            "Rahmat Datuak",
            "0812 6677 8899",
            "perhiasan emas",
            "iya",
            "800 juta setahun",
            "sudah punya nib",
            "gatau",
            "sudah ada",
            "lengkap",
            "mau",
            "toko modern",
            "benar",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "13.75",
            product: Some("perhiasan-emas"),
            advice: &[
                "note-verify-risk",
                "note-sppt-option",
                "advice-perhiasan-emas",
            ],
        },
    );
}

// ---------------------------------------------------------------- Java

#[test]
fn jakarta_sabun_cair_is_a_cosmetic_soap() {
    check(
        &[
            "halo",
            "iye setuju",
            "jakarta timur",
            "Sabun Wangi Mpok Ida",
            "Ida Farida",
            "0896 1234 5678",
            "sabun cair",
            "iye",
            "2 jt sebulan",
            "udeh",
            "rendah",
            "kagak",
            "udah lengkap",
            "siap",
            "warung sekitar",
            "bener",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "31.75",
            product: Some("sabun-mandi-cair"),
            advice: &["note-merek", "advice-sabun-mandi"],
        },
    );
}

#[test]
fn bandung_sabun_cair_cuci_piring_is_pkrt_not_cosmetic() {
    check(
        &[
            "punten",
            "muhun",
            "kota bandung",
            "Bersih Kinclong",
            "Asep Sunandar",
            "0822 1111 2222",
            "sabun cair cuci piring",
            "muhun",
            "teu terang",
            "teu terang",
            "parantos",
            "teu acan",
            "muhun",
        ],
        Expect {
            code: OutcomeCode::PerluCekPetugas,
            region: "32.73",
            product: Some("sabun-cuci-piring"),
            advice: &[
                "note-scale-unknown",
                "note-merek",
                "advice-sabun-cuci-piring",
            ],
        },
    );
}

#[test]
fn garut_dodol_without_nib_gets_nib_first() {
    check(
        &[
            "sampurasun",
            "muhun, satuju",
            "garut",
            "Dodol Ceu Popon",
            "Popon Rohaeti",
            "0857 2233 4455",
            "dodol garut",
            "muhun",
            "420rb sehari",
            "teu acan",
            "di rumah, diaduk manual",
            "teu acan",
            "teu acan",
            "teu acan",
            "muhun leres",
        ],
        Expect {
            code: OutcomeCode::PerluNib,
            region: "32.05",
            product: Some("dodol"),
            advice: &["note-izin-edar-pirt", "note-halal-deadline", "note-merek"],
        },
    );
}

#[test]
fn pekalongan_batik_tulis_without_label_prepares_label_first() {
    check(
        &[
            "sugeng enjing",
            "nggih setuju",
            "kabupaten pekalongan",
            "Batik Tulis Bu Sri",
            "Sri Wahyuni",
            "0815 4321 8765",
            "batik tulis",
            "nggih",
            "10 juta sebulan",
            "sampun, risiko rendah",
            "dereng",
            "dereng",
            "nggih bersedia",
            "pasar lokal",
            "nggih leres",
        ],
        Expect {
            code: OutcomeCode::SiapkanLabel,
            region: "33.26",
            product: Some("batik-tulis"),
            advice: &["note-merek", "advice-batik"],
        },
    );
}

#[test]
fn solo_batik_cap_factory_is_above_umk() {
    check(
        &[
            "sugeng siang",
            "nggih",
            "solo",
            "Batik Cap Laweyan Makmur",
            "Bambang Hartono",
            "0812 2600 1357",
            "batik cap",
            "nggih",
            "omzetnya 17 M setahun",
            "sampun",
            "dereng",
            "nggih",
        ],
        Expect {
            code: OutcomeCode::BukanUmkSppt,
            region: "33.72",
            product: Some("batik-cap"),
            advice: &["note-merek-non-umk", "advice-batik"],
        },
    );
}

#[test]
fn sleman_keripik_tempe_is_not_tempe() {
    check(
        &[
            "halo kak",
            "nggih",
            "sleman",
            "Kripik Tempe Mbok Darmi",
            "Darmi",
            "0878 3456 1122",
            "kripik tempe sagu",
            "nggih",
            "sekitar 6 juta sebulan",
            "sampun",
            "rendah",
            "dapur rumah",
            "dereng gadah pirt",
            "sampun",
            "proses",
            "lengkap",
            "purun, siap",
            "pasar",
            "nggih",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "34.04",
            product: Some("keripik-tempe"),
            // Merek is in progress: no "register your brand" note.
            advice: &["note-izin-edar-pirt", "advice-keripik-tempe"],
        },
    );
}

#[test]
fn malang_tempe_daun_with_a_question_back() {
    let chat = check(
        &[
            "halo",
            "iya",
            "kota malang",
            "Tempe Pak Slamet",
            "Slamet Riyadi",
            "0813 3344 5566",
            "tempe bungkus daun",
            "iya",
            "sni itu apa?",
            "sehari 300rb",
            "wes",
            "rendah",
            "rumah",
            "pirt wes",
            "durung",
            "wes",
            "lengkap",
            "gelem",
            "pasar lokal",
            "iyo",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "35.73",
            product: Some("tempe"),
            advice: &["note-halal-deadline", "advice-tempe"],
        },
    );
    assert!(chat.ever_said("kb-sni"), "the question back was answered");
}

#[test]
fn sumenep_garam_krosok_is_raw_material_not_iodised_salt() {
    check(
        &[
            "halo",
            "enggi, setuju",
            "sumenep",
            "Garam Rakyat Kalianget",
            "Moh. Sahri",
            "0819 3322 1100",
            "garam krosok",
            "iya",
            "80 juta setahun",
            "sudah",
            "rendah",
            "belum",
            "belum ada label",
            "siap",
            "dijual ke pabrik",
            "benar",
        ],
        Expect {
            code: OutcomeCode::SiapkanLabel,
            region: "35.29",
            product: Some("garam-krosok"),
            advice: &["note-merek", "advice-garam-krosok"],
        },
    );
}

#[test]
fn pamekasan_garam_beryodium_needs_lspro_and_bpom() {
    check(
        &[
            "halo",
            "iya setuju",
            "pamekasan",
            "Garam Yodium Madura Jaya",
            "Hasan Basri",
            "0812 4455 6677",
            "garam beryodium kemasan",
            "iya",
            "1,2 M setahun",
            "udah",
            "pakai mesin",
            "pirt",
            "udah",
            "udah",
            "iya",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "35.28",
            product: Some("garam-beryodium"),
            advice: &["note-bpom-md-not-pirt", "advice-garam-beryodium"],
        },
    );
}

// ------------------------------------------------ Bali and Nusa Tenggara

#[test]
fn denpasar_lulur_bali_is_checked_by_officer() {
    check(
        &[
            "om swastiastu",
            "nggih",
            "denpasar",
            "Lulur Bali Ayu",
            "Ni Made Ayu",
            "0821 4567 8901",
            "lulur bali",
            "nggih",
            "4 jt sebulan",
            "sudah",
            "belum bli",
            "nggih",
        ],
        Expect {
            code: OutcomeCode::PerluCekPetugas,
            region: "51.71",
            product: Some("lulur"),
            advice: &["note-merek", "advice-kosmetik"],
        },
    );
}

#[test]
fn lombok_timur_madu_trigona_is_fresh_food() {
    check(
        &[
            "halo",
            "iya",
            "lombok timur",
            "Madu Trigona Sembalun",
            "Lalu Ahmad",
            "0818 0540 1234",
            "madu trigona",
            "iya",
            "2,5 jt sebulan",
            "sudah",
            "rendah",
            "di rumah",
            "belum ada",
            "belum",
            "belum",
            "lengkap",
            "iya siap",
            "lokal",
            "benar",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "52.03",
            product: Some("madu"),
            advice: &[
                "note-izin-edar-segar",
                "note-halal-deadline",
                "note-merek",
                "advice-madu",
            ],
        },
    );
}

#[test]
fn sikka_tenun_ikat_is_checked_by_officer() {
    check(
        &[
            "selamat pagi",
            "iya setuju",
            "maumere",
            "Tenun Ikat Mama Yuli",
            "Yuliana Wela",
            "0813 3900 1122",
            "tenun ikat",
            "iya",
            "1 juta sebulan",
            "su ada",
            "tra ada",
            "iya betul",
        ],
        Expect {
            code: OutcomeCode::PerluCekPetugas,
            region: "53.07",
            product: Some("tenun"),
            advice: &["note-merek", "advice-tenun"],
        },
    );
}

#[test]
fn kupang_depot_air_isi_ulang_has_no_product_sni() {
    let chat = check(
        &[
            "halo kaka",
            "iya",
            "kota kupang",
            "Depot Air Segar Oesapa",
            "Yohanis Ndun",
            "0812 3789 4567",
            "depot air isi ulang",
            "iya",
            "harus bayar gk?",
            "15 jt sebulan",
            "su ada",
            // A depot is no packaged food: no site, permit or halal question; merek next.
            "sonde",
            "betul",
        ],
        Expect {
            code: OutcomeCode::BelumAdaSni,
            region: "53.71",
            product: Some("air-minum-isi-ulang"),
            advice: &["note-merek", "advice-depot-air"],
        },
    );
    assert!(
        chat.ever_said("kb-biaya-bina-umk"),
        "the question about paying was answered"
    );
}

// ------------------------------------------------------------ Kalimantan

#[test]
fn pontianak_air_mineral_kemasan_is_amdk() {
    let chat = check(
        &[
            "halo",
            "iya setuju",
            "pontianak",
            "Air Mineral Khatulistiwa",
            "Hendra Wijaya",
            "0811 5678 9012",
            "air mineral kemasan botol",
            "iya",
            "2 miliar setahun",
            "sudah",
            "belum",
            "proses",
            "sudah",
            "iya benar",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "61.71",
            product: Some("amdk-air-mineral"),
            advice: &[
                "note-bpom-md-not-pirt",
                "note-halal-deadline",
                "advice-amdk",
            ],
        },
    );
    // Mandatory-SNI food needs BPOM MD wherever it is made: the site is not asked.
    assert!(!chat.ever_said("ask-site"));
}

#[test]
fn gowa_air_minum_kemasan_picked_from_the_amdk_list() {
    check(
        &[
            "tabe, halo",
            "iye",
            "gowa",
            "Air Pegunungan Malino",
            "Andi Baso",
            "0853 4000 6789",
            "air minum dalam kemasan",
            "air mineral",
            "iye",
            "90 jt sebulan",
            "sudah mi",
            "pabrik",
            "belum pi",
            "proses",
            "belum",
            "iye",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "73.06",
            product: Some("amdk-air-mineral"),
            advice: &[
                "note-bpom-md-not-pirt",
                "note-halal-deadline",
                "note-merek",
                "advice-amdk",
            ],
        },
    );
}

#[test]
fn banjar_abon_ikan_haruan_medium_low_risk() {
    check(
        &[
            "halo",
            "iya ulun setuju",
            "kab banjar kalsel",
            "Abon Haruan Acil Imah",
            "Siti Rahimah",
            "0812 5101 2020",
            "abon ikan gabus",
            "iya",
            "7 juta sebulan",
            "sudah, risiko menengah rendah",
            "di rumah",
            "kada ada",
            "balum",
            "balum",
            "iya",
        ],
        Expect {
            code: OutcomeCode::RisikoBukanRendah,
            region: "63.03",
            product: Some("abon-ikan"),
            advice: &[
                "note-izin-edar-pirt",
                "note-halal-deadline",
                "note-merek",
                "advice-abon",
            ],
        },
    );
}

#[test]
fn samarinda_amplang_daily_sales_ready() {
    let chat = check(
        &[
            "halo",
            "👍",
            "samarinda",
            "Amplang Mama Rini",
            "Rini Handayani",
            "0813 4545 6767",
            "amplang bandeng",
            "👍",
            "420rb sehari",
            "sudahhh",
            "rendahh",
            "rumahan",
            "pirt",
            "sudah",
            "sudah",
            "lengkap",
            "siap",
            "oleh2 lokal",
            "👍",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "64.72",
            product: Some("amplang"),
            advice: &[],
        },
    );
    assert_eq!(
        chat.omzet(),
        yearly(420_000 * 365),
        "420rb sehari is counted over a year"
    );
}

// -------------------------------------------------------------- Sulawesi

#[test]
fn makassar_kursi_rotan_for_export() {
    check(
        &[
            "halo",
            "iye",
            "makassar",
            "Rotan Daeng Ical",
            "Haerul Daeng Ical",
            "0852 5555 7777",
            "kursi rotan",
            "iye",
            "40 juta sebulan",
            "iye sudah",
            "rendah",
            "sudah",
            "lengkap",
            "iye siap",
            "ekspor ke malaysia",
            "iye",
        ],
        Expect {
            code: OutcomeCode::SiapBinaUmk,
            region: "73.71",
            product: Some("mebel-rotan"),
            advice: &["note-sppt-option", "advice-mebel"],
        },
    );
}

#[test]
fn manado_sambal_roa_factory_is_above_umk() {
    check(
        &[
            "halo",
            "iyo setuju",
            "kota manado",
            "Sambal Roa Oma",
            "Jantje Pangemanan",
            "0811 4301 2345",
            "sambal roa botol",
            "iyo",
            "20 M setahun",
            "so ada",
            "pabrik",
            "bpom md",
            "lagi proses",
            "blm",
            "iyo",
        ],
        Expect {
            code: OutcomeCode::BukanUmkSppt,
            region: "71.71",
            product: Some("saus-cabe"),
            advice: &["note-halal-non-umk", "note-merek-non-umk"],
        },
    );
}

// ------------------------------------------------------- Maluku and Papua

#[test]
fn jayapura_kompos_not_willing_yet() {
    check(
        &[
            "selamat siang",
            "iya",
            "kota jayapura",
            "Kompos Sentani Hijau",
            "Markus Wenda",
            "0813 4400 5511",
            "pupuk kompos",
            "iya",
            "3 juta sebulan",
            "su ada",
            "rendah",
            "tra ada",
            "lengkap",
            "tra mau dulu",
            "jual di pasar lokal sa",
            "iya",
        ],
        Expect {
            code: OutcomeCode::SiapkanLabel,
            region: "91.71",
            product: Some("pupuk-organik"),
            advice: &["note-merek", "advice-pupuk-organik"],
        },
    );
}

#[test]
fn merauke_beras_without_nib_asks_if_it_is_required() {
    let chat = check(
        &[
            "halo",
            "iya",
            "merauke",
            "Beras Kurik Makmur",
            "Yosef Gebze",
            "0821 9900 3344",
            "beras",
            "iya",
            "10 jt sebulan",
            "blm, itu wajib kah?",
            "tempat penggilingan pakai mesin",
            "belum",
            "belum",
            "belum",
            "iya",
        ],
        Expect {
            code: OutcomeCode::PerluNib,
            region: "93.01",
            product: Some("beras"),
            advice: &["note-izin-edar-segar", "note-merek"],
        },
    );
    assert!(
        chat.ever_said("help-nib"),
        "the question whether NIB is required was answered"
    );
}

#[test]
fn sorong_mainan_kayu_is_mandatory_sni() {
    check(
        &[
            "halo",
            "iya",
            "kota sorong",
            "Mainan Kayu Papua",
            "Daniel Kambu",
            "0812 4800 9911",
            "mainan kayu edukasi",
            "iya",
            "2 jt sebulan",
            "su ada",
            "tra ada",
            "betul",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "96.71",
            product: Some("mainan-anak"),
            advice: &["note-merek", "advice-mainan"],
        },
    );
}

#[test]
fn ambon_baju_bayi_is_mandatory_sni() {
    check(
        &[
            "halo",
            "iya",
            "kota ambon",
            "Baju Bayi Nona Manise",
            "Maria Latuconsina",
            "0813 4300 7788",
            "baju bayi",
            "iya",
            "1,5 jt sebulan",
            "belum",
            "belum",
            "iya",
        ],
        Expect {
            code: OutcomeCode::WajibSniLspro,
            region: "81.71",
            product: Some("pakaian-bayi"),
            advice: &["note-perlu-nib", "note-merek"],
        },
    );
}

#[test]
fn martapura_perhiasan_perak_picked_by_province() {
    check(
        &[
            "halo",
            "iya",
            "martapura",
            "yg di kalsel",
            "Intan Perak Martapura",
            "H. Syahrani",
            "0812 5150 7788",
            "perhiasan perak",
            "iya",
            "8 juta sebulan",
            "sudah",
            "kada",
            "iya",
        ],
        Expect {
            code: OutcomeCode::PerluCekPetugas,
            region: "63.03",
            product: Some("perhiasan-perak"),
            advice: &["note-merek", "advice-perhiasan-perak"],
        },
    );
}
