//! Scripted conversations through `flow::step`, typed the way UMK owners chat.
//!
//! Everything is asserted on what a user (or the dinas reading the lead) would notice:
//! which messages come back (Fluent ids), which buttons, the outcome with its reasons and
//! notes, the saved lead, and whether anything is kept at all.

#[path = "common/flow_chat.rs"]
mod flow_chat;

use flow_chat::*;
use pandu::domain::Locale;
use pandu::flow::answers::{Answers, PhoneAnswer, ScaleAnswer};
use pandu::flow::checklist::{DocItem, DocState};
use pandu::flow::outcome::{IzinRoute, Note, Reason};
use pandu::flow::{
    Arg, ButtonId, DocumentFile, Effect, FileKind, FileProblem, Input, Next, OutcomeCode, Step,
};
use pandu::parse::{PhoneNumber, Rupiah};
use pandu::reference::{Category, Scale};
use std::collections::HashSet;
use time::macros::{date, datetime};

// ------------------------------------------------------------------------- outcomes

struct OutcomeCase {
    name: &'static str,
    region: &'static str,
    script: &'static [&'static str],
    code: OutcomeCode,
    reasons: &'static [Reason],
}

/// One realistic conversation per outcome of sni.md §7, typed informally.
const OUTCOMES: &[OutcomeCase] = &[
    OutcomeCase {
        name: "toy: mandatory SNI, needs an LSPro",
        region: "kota surabaya",
        // "mainan kayu" at the category question picks the category; asked again, the product.
        script: &[
            "mainan kayu",
            "mainan kayu",
            "iya",
            "300jt",
            "udah",
            // Risk, label, willingness and goal cannot change a mandatory-SNI result.
            "belum",
        ],
        code: OutcomeCode::WajibSniLspro,
        reasons: &[Reason::ProductMandatory],
    },
    OutcomeCase {
        name: "chips maker above small scale",
        region: "lombok tengah",
        script: &[
            "keripik singkong balado",
            "iya",
            "Rp 20.000.000.000",
            "sudah",
            "pakai mesin di pabrik",
            "bpom md",
            "sudah",
            "sudah",
        ],
        code: OutcomeCode::BukanUmkSppt,
        reasons: &[Reason::ScaleTooLarge],
    },
    OutcomeCase {
        name: "no NIB yet",
        region: "lombok tengah",
        script: &[
            "gula aren cetak",
            "iya",
            "2jt sebulan",
            "blm",
            "di rumah",
            "blm",
            "belum",
            "belum",
        ],
        code: OutcomeCode::PerluNib,
        reasons: &[Reason::NoNib],
    },
    OutcomeCase {
        name: "does not know about NIB",
        region: "kota surabaya",
        script: &[
            "gula aren cetak",
            "iya",
            "150 juta",
            "gatau",
            "dapur rumah",
            "gatau",
            "blm",
            "blm",
        ],
        code: OutcomeCode::PerluNib,
        reasons: &[Reason::NibUnknown],
    },
    OutcomeCase {
        name: "refill water depot: no SNI exists",
        region: "lombok tengah",
        // "minum" picks the food category first, then the product is typed again.
        script: &[
            "air minum isi ulang",
            "air minum isi ulang",
            "iya",
            "gatau",
            "gatau",
            "sudah",
            // A depot sells no packaged food: no site, permit or halal question.
            "blm",
        ],
        code: OutcomeCode::BelumAdaSni,
        reasons: &[Reason::NoSniForProduct],
    },
    OutcomeCase {
        name: "leather shoes, not in the catalogue",
        region: "kota surabaya",
        script: &[
            "lainnya",
            "sepatu kulit",
            "!continue",
            "150 juta",
            "sudah",
            "belum",
        ],
        code: OutcomeCode::PerluCekPetugas,
        reasons: &[Reason::SniNotKnown],
    },
    OutcomeCase {
        name: "pempek, whose SNI number is unverified",
        region: "lombok tengah",
        script: &[
            "makanan", "pempek", "iya", "50 juta", "sudah", "di rumah", "pirt", "proses", "blm",
        ],
        code: OutcomeCode::PerluCekPetugas,
        reasons: &[Reason::SniNotKnown],
    },
    OutcomeCase {
        name: "medium-high risk in OSS",
        region: "lombok tengah",
        script: &[
            "gula aren cetak",
            "iya",
            "500 juta",
            "sudah",
            "menengah tinggi",
            "di rumah",
            "pirt",
            "lagi proses",
            "belum",
        ],
        code: OutcomeCode::RisikoBukanRendah,
        reasons: &[Reason::RiskNotLow],
    },
    OutcomeCase {
        name: "no label and not willing yet",
        region: "kota surabaya",
        script: &[
            "keripik singkong balado",
            "iya",
            "2jt sebulan",
            "udah",
            "rendah",
            "dapur rumah",
            "blm",
            "blm",
            "belum",
            "blm",
            // Without a label and not willing, the goal changes nothing: not asked.
            "blm",
        ],
        code: OutcomeCode::SiapkanLabel,
        reasons: &[Reason::LabelMissing, Reason::NotWillingYet],
    },
    OutcomeCase {
        name: "label complete but not willing yet",
        region: "lombok tengah",
        script: &[
            "gula aren cetak",
            "iya",
            "150 juta",
            "sudah",
            "gatau",
            "di rumah",
            "pirt",
            "sudah",
            "sudah",
            "lengkap",
            "belum",
        ],
        code: OutcomeCode::SiapkanLabel,
        reasons: &[Reason::NotWillingYet],
    },
    OutcomeCase {
        name: "ready for SNI Bina UMK",
        region: "lombok tengah",
        script: READY_BINA_UMK,
        code: OutcomeCode::SiapBinaUmk,
        reasons: &[Reason::RequirementsMet],
    },
];

#[test]
fn every_outcome_is_reached_by_an_informal_conversation() {
    for case in OUTCOMES {
        let chat = chat_through(case.region, case.script);
        let decision = chat.decision();
        assert_eq!(decision.code, case.code, "{}", case.name);
        assert_eq!(decision.reasons, case.reasons, "{}", case.name);
        // The user is told the outcome and why, and the lead reaches the dinas.
        let reply = &chat.last().replies[0];
        assert_eq!(reply.ids()[0], outcome_id(case.code), "{}", case.name);
        assert_eq!(reply.ids().len(), 1 + case.reasons.len(), "{}", case.name);
        assert_eq!(chat.lead().decision, *decision, "{}", case.name);
        // Every outcome asks for documents next.
        assert_eq!(chat.step(), &Step::Document { index: 0 }, "{}", case.name);
        assert!(chat.said("docs-intro"), "{}", case.name);
    }
    let covered: HashSet<OutcomeCode> = OUTCOMES.iter().map(|c| c.code).collect();
    assert_eq!(covered, HashSet::from(OutcomeCode::ALL));
}

#[test]
fn ready_business_gets_the_full_lead_and_no_extra_notes() {
    let chat = chat_at(READY_BINA_UMK);
    assert_eq!(
        chat.last()
            .replies
            .iter()
            .map(|r| r.ids())
            .collect::<Vec<_>>(),
        [
            vec!["outcome-siap-bina-umk", "reason-requirements-met"],
            vec!["next-siap-bina-umk"],
            vec!["docs-intro", "doc-ask-nib"],
        ],
        "P-IRT, halal and merek are done, scale is known: nothing to add"
    );
    assert!(chat.decision().notes.is_empty());
    assert_eq!(chat.buttons(), ["doc:skip", "doc:later"]);

    let lead = chat.lead();
    assert_eq!(lead.region_code, code("52.02"));
    assert_eq!(lead.region_name, "Kabupaten Lombok Tengah");
    assert_eq!(lead.business_name, "Gula Aren Bu Siti");
    assert_eq!(lead.owner_name, "Siti Aminah");
    assert_eq!(
        lead.phone.as_ref().map(PhoneNumber::as_str),
        Some("+6281234567890")
    );
    assert_eq!(lead.category, Some(Category::Makanan));
    assert_eq!(lead.product_id, Some(product("gula-aren")));
    assert_eq!(lead.sni_number.as_deref(), Some("SNI 3743:2021"));
    assert!(!lead.sni_mandatory);
    assert_eq!(lead.scale, Some(Scale::Mikro));
    assert_eq!(lead.consent.at, BEFORE_HALAL_DEADLINE);
    assert_eq!(
        lead.answers.omzet,
        Some(ScaleAnswer::Amount(Rupiah(150_000_000)))
    );
}

#[test]
fn monthly_turnover_is_counted_per_year() {
    let chat = chat_at(&["gula aren cetak", "iya", "2jt sebulan"]);
    assert_eq!(
        chat.answers().omzet,
        Some(ScaleAnswer::Amount(Rupiah(24_000_000)))
    );
    assert_eq!(chat.step(), &Step::Nib);
}

#[test]
fn unknown_turnover_asks_capital_and_notes_the_scale_is_uncertain() {
    let mut chat = chat_at(&["keripik singkong balado", "iya", "gatau"]);
    assert_eq!(chat.ids(), ["ask-modal"]);
    chat.say("gak tau");
    assert_eq!(chat.step(), &Step::Nib);
    chat.play(&[
        "sudah", "rendah", "di rumah", "pirt", "sudah", "sudah", "lengkap", "iya", "lokal",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::SiapBinaUmk);
    assert_eq!(chat.decision().scale, None);
    assert_eq!(chat.decision().notes, [Note::SkalaBelumPasti]);
    assert!(chat.said("note-scale-unknown"));
}

#[test]
fn capital_above_five_miliar_is_not_umk_when_turnover_is_unknown() {
    let chat = chat_at(&[
        "keripik singkong balado",
        "iya",
        "gatau",
        "6 M",
        "sudah",
        "rendah",
        "pakai mesin",
        "bpom md",
        "sudah",
        "sudah",
        "lengkap",
        "iya",
        "lokal",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::BukanUmkSppt);
    assert_eq!(chat.decision().scale, Some(Scale::Menengah));
}

#[test]
fn unlisted_product_reaches_the_lead_under_the_name_the_user_typed() {
    let case = OUTCOMES
        .iter()
        .find(|c| c.script.contains(&"sepatu kulit"))
        .unwrap();
    let chat = chat_through(case.region, case.script);
    let lead = chat.lead();
    assert_eq!(lead.product_id, None);
    assert_eq!(lead.product_name, "sepatu kulit");
    assert_eq!(lead.region_code, code("35.78"));
    assert!(
        !chat.decision().reasons.is_empty() && chat.said("next-perlu-cek-petugas"),
        "the user is told staff will check the SNI"
    );
}

#[test]
fn mandatory_food_also_needs_bpom_md() {
    let chat = chat_at(&[
        "makanan",
        "kopi instan",
        "iya",
        "100 juta",
        "sudah",
        "di rumah",
        "pirt",
        "sudah",
        "sudah",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::WajibSniLspro);
    assert!(chat.decision().notes.contains(&Note::BpomMdNotPirt));
    assert!(chat.said("note-bpom-md-not-pirt"));
}

// ---------------------------------------------------------------------------- notes

#[test]
fn home_made_food_without_izin_edar_is_pointed_to_p_irt() {
    let chat = chat_at(&[
        "keripik singkong balado",
        "iya",
        "150 juta",
        "sudah",
        "rendah",
        "di dapur rumah saja",
        "belum",
        "sudah",
        "sudah",
        "lengkap",
        "iya",
        "lokal",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::SiapBinaUmk);
    assert_eq!(
        chat.decision().notes,
        [Note::PerluIzinEdar {
            route: IzinRoute::Pirt
        }]
    );
    assert!(chat.said("note-izin-edar-pirt"));
}

#[test]
fn food_made_with_machines_without_izin_edar_is_pointed_to_bpom_md() {
    let chat = chat_at(&[
        "keripik singkong balado",
        "iya",
        "150 juta",
        "sudah",
        "rendah",
        "pakai mesin",
        "belum",
        "sudah",
        "sudah",
        "lengkap",
        "iya",
        "lokal",
    ]);
    assert!(chat.decision().notes.contains(&Note::PerluIzinEdar {
        route: IzinRoute::BpomMd
    }));
    assert!(chat.said("note-izin-edar-md"));
}

/// Home-made palm sugar, no halal certificate yet, 150 juta a year.
const NO_HALAL_YET: &[&str] = &[
    "gula aren cetak",
    "iya",
    "150 juta",
    "sudah",
    "rendah",
    "di rumah",
    "pirt",
    "belum",
    "sudah",
    "lengkap",
    "iya",
    "lokal",
];

fn halal_note(chat: &Chat) -> Note {
    *chat
        .decision()
        .notes
        .iter()
        .find(|n| matches!(n, Note::Halal { .. }))
        .expect("a halal note")
}

#[test]
fn halal_note_says_the_deadline_is_ahead_before_17_october_2026() {
    let mut chat = Chat::at(BEFORE_HALAL_DEADLINE);
    chat.play(&opening("lombok tengah")).play(NO_HALAL_YET);
    assert_eq!(
        halal_note(&chat),
        Note::Halal {
            deadline_passed: false,
            self_declare: true
        }
    );
    assert!(chat.said("note-halal-deadline") && !chat.said("note-halal-required"));
}

#[test]
fn halal_note_says_the_deadline_has_passed_after_17_october_2026() {
    let mut chat = Chat::at(AFTER_HALAL_DEADLINE);
    chat.play(&opening("lombok tengah")).play(NO_HALAL_YET);
    assert_eq!(
        halal_note(&chat),
        Note::Halal {
            deadline_passed: true,
            self_declare: true
        }
    );
    assert!(chat.said("note-halal-required") && !chat.said("note-halal-deadline"));
    // The date shown is the regulation's deadline.
    let msg = chat
        .last()
        .replies
        .iter()
        .flat_map(|r| &r.paragraphs)
        .find(|m| m.id == "note-halal-required")
        .unwrap();
    assert!(
        msg.args
            .contains(&("date", Arg::Date(date!(2026 - 10 - 17)))),
        "{msg:?}"
    );
}

#[test]
fn halal_deadline_is_judged_by_the_indonesian_calendar_day() {
    // 02:00 WIB on the deadline day, delivered as UTC like the channels do (16 Oct 19:00 UTC).
    let at = datetime!(2026-10-17 02:00 +07:00).to_offset(time::UtcOffset::UTC);
    let mut chat = Chat::at(at);
    chat.play(&opening("lombok tengah")).play(NO_HALAL_YET);
    assert_eq!(
        halal_note(&chat),
        Note::Halal {
            deadline_passed: true,
            self_declare: true
        }
    );
}

#[test]
fn export_goal_on_a_ready_business_mentions_the_sppt_option() {
    let mut script = READY_BINA_UMK.to_vec();
    *script.last_mut().unwrap() = "ekspor ke malaysia";
    let chat = chat_at(&script);
    assert_eq!(chat.decision().code, OutcomeCode::SiapBinaUmk);
    assert_eq!(chat.decision().notes, [Note::OpsiSppt]);
    assert!(chat.said("note-sppt-option"));
}

#[test]
fn export_goal_without_a_ready_outcome_gets_no_sppt_option() {
    // Not ready because the P-IRT expired: the export goal is still asked, but no SPPT.
    let chat = chat_at(&[
        "keripik singkong balado",
        "iya",
        "150 juta",
        "sudah",
        "rendah",
        "di rumah",
        "pirt sudah mati",
        "sudah",
        "sudah",
        "lengkap",
        "iya",
        "ekspor",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::SiapkanLabel);
    assert!(!chat.decision().notes.contains(&Note::OpsiSppt));
}

// ------------------------------------------------------------ understanding answers

#[test]
fn a_number_picks_the_numbered_option() {
    let mut chat = Chat::new();
    chat.say("halo");
    assert_eq!(chat.buttons(), ["consent:yes", "consent:no"]);
    chat.say("1");
    assert!(chat.conv().consent.is_some(), "1 = Setuju");
    assert_eq!(chat.ids(), ["consent-thanks", "ask-province"]);

    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    chat.say("3.");
    assert_eq!(
        chat.answers().nib,
        Some(pandu::parse::YesNo::Unknown),
        "3 = Tidak tahu"
    );
}

#[test]
fn three_misunderstood_answers_in_a_row_apologise_and_point_to_the_options() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    assert_eq!(chat.step(), &Step::Nib);
    chat.say("hmm");
    assert_eq!(chat.ids(), ["hint-choice", "ask-nib"]);
    chat.say("zzz");
    assert_eq!(chat.ids(), ["hint-choice", "ask-nib"]);
    chat.say("???");
    assert_eq!(chat.ids(), ["miss-third", "ask-nib"]);
    assert_eq!(chat.buttons(), ["yes", "no", "unknown"]);
    // The count starts again, so a fourth miss is a plain hint.
    chat.say("hmm");
    assert_eq!(chat.ids(), ["hint-choice", "ask-nib"]);
    chat.say("sudah");
    assert_eq!(chat.step(), &Step::Risk);
}

#[test]
fn greeting_mid_conversation_welcomes_back_to_the_same_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    let before = chat.conv().clone();
    chat.say("Assalamualaikum");
    assert_eq!(chat.ids(), ["welcome-back", "ask-omzet"]);
    assert_eq!(chat.conv().answers, before.answers);
    assert_eq!(chat.step(), &Step::Omzet);
    assert_eq!(
        chat.conv().misses,
        0,
        "a greeting is not a misunderstanding"
    );
}

#[test]
fn greeting_at_a_name_question_is_not_taken_as_the_name() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "lombok tengah"]);
    assert_eq!(chat.step(), &Step::BusinessName);
    chat.say("halo");
    assert_eq!(chat.ids(), ["welcome-back", "ask-business-name"]);
    assert_eq!(chat.answers().business_name, None);
}

#[test]
fn typed_regency_at_the_province_question_skips_the_regency_question() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "kota surabaya"]);
    assert_eq!(chat.answers().province, Some(code("35")));
    assert_eq!(chat.answers().regency, Some(code("35.78")));
    assert_eq!(chat.ids(), ["ask-business-name"]);

    // A province alone leads to its kabupaten/kota list.
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "jatim"]);
    assert_eq!(chat.step(), &Step::Regency { page: 0 });
    assert!(
        chat.buttons()[0].starts_with("reg:35."),
        "{:?}",
        chat.buttons()
    );
    chat.say("surabaya");
    assert_eq!(chat.answers().regency, Some(code("35.78")));
}

#[test]
fn ambiguous_region_offers_each_match() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "serang"]);
    assert_eq!(
        chat.step(),
        &Step::RegionPick {
            options: vec![code("36.04"), code("36.73")]
        }
    );
    assert_eq!(chat.ids(), ["ask-region-pick"]);
    assert_eq!(chat.buttons(), ["region:36.04", "region:36.73"]);
    chat.say("kota serang");
    assert_eq!(chat.answers().regency, Some(code("36.73")));
    assert_eq!(chat.step(), &Step::BusinessName);

    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "serang", "!region:36.04"]);
    assert_eq!(chat.answers().regency, Some(code("36.04")));
}

#[test]
fn kota_alone_picks_the_city_among_ambiguous_regions() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "serang", "kota"]);
    assert_eq!(chat.answers().regency, Some(code("36.73")));
    assert_eq!(chat.step(), &Step::BusinessName);
}

#[test]
fn another_region_typed_at_the_pick_list_is_taken() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "serang", "lombok tengah"]);
    assert_eq!(chat.answers().regency, Some(code("52.02")));
    assert_eq!(chat.step(), &Step::BusinessName);
}

#[test]
fn ambiguous_product_offers_a_pick_list() {
    let mut chat = chat_at(&["makanan", "gula"]);
    let Step::ProductPick { options, .. } = chat.step() else {
        panic!("expected the pick list, got {:?}", chat.step());
    };
    assert!(options.contains(&product("gula-aren")));
    assert!(options.contains(&product("gula-kristal-putih")));
    assert_eq!(chat.ids(), ["ask-product-pick"]);
    assert_eq!(chat.buttons().last().unwrap(), "product:none");
    // Picking one says what was found and goes on to the next question.
    chat.press("prod:gula-aren");
    assert_eq!(chat.ids(), ["product-found-sukarela", "ask-omzet"]);
    assert_eq!(chat.step(), &Step::Omzet);
}

#[test]
fn none_of_these_at_the_pick_list_offers_to_type_again_or_go_on() {
    let mut chat = chat_at(&["makanan", "gula", "!product:none"]);
    assert_eq!(chat.ids(), ["product-not-found", "ask-product-unlisted"]);
    assert!(!chat.said("ask-product-pick"), "{:?}", chat.ids());
    chat.press("again");
    assert_eq!(chat.ids(), ["ask-product-type"]);
    assert_eq!(chat.step(), &Step::ProductTyping);
}

#[test]
fn product_from_another_category_updates_the_category() {
    let mut chat = chat_at(&["makanan", "mainan kayu", "iya"]);
    assert_eq!(
        chat.answers().product,
        Some(pandu::flow::answers::ProductAnswer::Listed(product(
            "mainan-anak"
        )))
    );
    assert_eq!(chat.answers().category, Some(Category::Anak));
    chat.play(&["300jt", "sudah", "belum"]);
    assert_eq!(chat.lead().category, Some(Category::Anak));
}

#[test]
fn product_not_in_the_catalogue_can_be_typed_again_or_passed_on() {
    let mut chat = chat_at(&["lainnya", "sepatu kulit"]);
    assert_eq!(chat.ids(), ["product-not-found", "ask-product-unlisted"]);
    assert_eq!(chat.buttons(), ["again", "continue"]);
    chat.press("again");
    assert_eq!(
        chat.ids(),
        ["ask-product-type"],
        "asked to type, without the list again"
    );
    chat.say("sepatu kulit sapi");
    chat.press("continue");
    assert_eq!(chat.step(), &Step::Omzet);
}

// -------------------------------------------------------------------------- commands

#[test]
fn help_explains_the_step_then_asks_the_same_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    let before = chat.conv().clone();
    chat.say("/bantuan");
    assert_eq!(chat.ids(), ["help-scale", "ask-omzet"]);
    assert!(same_state(&before, chat.conv()));
    chat.say("bantuan");
    assert_eq!(chat.ids(), ["help-scale", "ask-omzet"]);
}

#[test]
fn back_returns_to_the_previous_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    assert_eq!(chat.step(), &Step::Nib);
    chat.say("/kembali");
    assert_eq!(chat.ids(), ["back-ok", "ask-omzet"]);
    assert_eq!(chat.step(), &Step::Omzet);
    chat.say("kembali");
    // Typed at the category question, the product is still a question one can go back to.
    assert_eq!(chat.ids(), ["back-ok", "ask-product"]);
    chat.say("kembali");
    assert_eq!(chat.ids(), ["back-ok", "ask-category"]);
}

#[test]
fn back_at_the_first_question_says_so() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "/kembali"]);
    assert_eq!(chat.ids(), ["back-none", "ask-province"]);
}

#[test]
fn changing_the_turnover_after_going_back_changes_the_outcome() {
    // The ready script, but at the NIB question the user goes back and corrects the omzet.
    let (head, tail) = READY_BINA_UMK.split_at(3);
    assert_eq!(head.last(), Some(&"150 juta"));
    let mut chat = chat_at(head);
    chat.play(&["/kembali", "Rp 20.000.000.000"]);
    assert_eq!(chat.step(), &Step::Nib, "on to the question that was next");
    chat.play(tail);
    assert_eq!(chat.decision().code, OutcomeCode::BukanUmkSppt);
    assert_eq!(chat.decision().scale, Some(Scale::Menengah));
}

#[test]
fn going_back_from_the_documents_lets_the_last_answer_change_the_outcome() {
    let mut chat = chat_at(READY_BINA_UMK);
    assert!(chat.decision().notes.is_empty());
    chat.say("/kembali");
    assert_eq!(chat.ids(), ["back-ok", "ask-goal"]);
    chat.press("goal:ekspor");
    // The changed answer is reviewed, then judged again.
    assert_eq!(chat.step(), &Step::Review);
    chat.press("review:ok");
    assert_eq!(chat.decision().notes, [Note::OpsiSppt]);
    assert!(chat.said("note-sppt-option"));
    assert_eq!(chat.lead().answers.goal, chat.answers().goal);
}

#[test]
fn restart_asks_first_then_starts_at_province_keeping_consent() {
    let mut chat = chat_at(READY_BINA_UMK);
    let consent = chat.conv().consent.clone();
    let before_checklist = chat.conv().checklist.clone();
    chat.say("/ulang");
    assert_eq!(chat.ids(), ["confirm-restart-after-result"]);
    assert_eq!(chat.buttons(), ["recheck", "confirm:yes", "confirm:no"]);
    // Starting over forgets region and names: it takes its own words or button.
    chat.say("mulai dari awal");
    assert_eq!(chat.ids(), ["restart-ok", "ask-province"]);
    let conv = chat.conv();
    assert_eq!(conv.step, Step::Province { page: 0 });
    assert_eq!(conv.consent, consent);
    assert_eq!(conv.answers, Answers::default());
    assert_eq!(conv.decision, None);
    // Documents already sent are not asked for again.
    assert_eq!(conv.checklist, before_checklist);
}

#[test]
fn restart_not_confirmed_keeps_everything() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    let before = chat.conv().clone();
    chat.play(&["/ulang", "ga jadi"]);
    assert_eq!(chat.ids(), ["cancelled", "ask-omzet"]);
    assert!(same_state(&before, chat.conv()));
}

#[test]
fn delete_confirmed_erases_the_contact_and_forgets_the_conversation() {
    let mut chat = chat_at(READY_BINA_UMK);
    chat.say("/hapus");
    assert_eq!(chat.ids(), ["confirm-delete"]);
    assert_eq!(chat.buttons(), ["confirm:yes", "confirm:no"]);
    chat.press("confirm:yes");
    assert_eq!(chat.last().next, Next::Forget);
    assert_eq!(chat.last().effects, [Effect::EraseContact]);
    assert_eq!(chat.ids(), ["delete-done"]);
    // Whatever comes next starts from nothing.
    chat.say("halo");
    assert_eq!(chat.ids(), ["greeting", "consent-ask"]);
    assert_eq!(chat.conv().answers, Answers::default());
}

#[test]
fn delete_not_confirmed_keeps_everything() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    let before = chat.conv().clone();
    chat.play(&["/hapus", "tidak"]);
    assert_eq!(chat.ids(), ["cancelled", "ask-omzet"]);
    assert!(chat.last().effects.is_empty());
    assert!(same_state(&before, chat.conv()));
}

#[test]
fn delete_or_cancel_without_a_conversation_says_nothing_is_stored() {
    for command in ["/hapus", "/batal"] {
        let mut chat = Chat::new();
        chat.say(command);
        assert_eq!(chat.ids(), ["nothing-stored"], "{command}");
        assert_eq!(chat.last().next, Next::Forget, "{command}");
        assert!(chat.last().effects.is_empty(), "{command}");
    }
}

#[test]
fn declining_consent_is_counted_and_nothing_is_kept() {
    let mut chat = Chat::new();
    chat.say("halo");
    chat.say("gak mau");
    assert_eq!(chat.ids(), ["consent-declined"]);
    assert_eq!(chat.last().effects, [Effect::CountDeclined]);
    assert_eq!(chat.last().next, Next::Forget);
    // Coming back means being asked again from the start.
    chat.say("halo");
    assert_eq!(chat.ids(), ["greeting", "consent-ask"]);
    assert_eq!(chat.conv().consent, None);
    assert_eq!(chat.conv().answers, Answers::default());
}

#[test]
fn declining_by_button_or_number_is_the_same() {
    for decline in [
        Input::Button(ButtonId::Consent(false)),
        Input::Text("2".into()),
    ] {
        let mut chat = Chat::new();
        chat.say("halo");
        chat.send(decline.clone());
        assert_eq!(chat.last().effects, [Effect::CountDeclined], "{decline:?}");
        assert_eq!(chat.last().next, Next::Forget, "{decline:?}");
    }
}

#[test]
fn cancel_pauses_and_any_message_resumes_at_the_same_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("/batal");
    assert_eq!(chat.ids(), ["cancel-ok"]);
    assert!(chat.conv().paused);
    chat.say("oke");
    assert_eq!(chat.ids(), ["welcome-back", "ask-omzet"]);
    assert!(!chat.conv().paused);
    assert_eq!(chat.step(), &Step::Omzet);
    chat.say("150 juta");
    assert_eq!(chat.step(), &Step::Nib);
}

#[test]
fn language_command_switches_the_locale_and_repeats_the_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("/bahasa en");
    assert_eq!(chat.conv().locale, Locale::En);
    assert_eq!(chat.ids(), ["language-set", "ask-omzet"]);
    assert_eq!(chat.last().locale(Locale::Id), Locale::En);

    chat.say("/bahasa");
    assert_eq!(chat.ids(), ["ask-language"]);
    assert_eq!(chat.buttons(), ["lang:id", "lang:en"]);
    chat.say("1");
    assert_eq!(chat.conv().locale, Locale::Id);
    assert_eq!(chat.step(), &Step::Omzet);
}

#[test]
fn language_can_be_chosen_with_the_first_message() {
    let mut chat = Chat::new();
    chat.say("/bahasa en");
    assert_eq!(chat.conv().locale, Locale::En);
    assert_eq!(chat.ids(), ["greeting", "consent-ask"]);
}

#[test]
fn skip_command_skips_the_phone_question_only() {
    let mut chat = Chat::new();
    chat.play(&[
        "halo",
        "iya",
        "lombok tengah",
        "Gula Aren Bu Siti",
        "Siti Aminah",
    ]);
    chat.say("/lewati");
    assert_eq!(chat.answers().phone, Some(PhoneAnswer::Skipped));
    assert_eq!(chat.step(), &Step::Category);
    chat.say("/lewati");
    assert_eq!(chat.ids(), ["skip-not-here", "ask-category"]);
}

#[test]
fn status_shows_progress_before_the_outcome_and_the_summary_after() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("/status");
    // What is stored so far, where they are, and the question again.
    assert_eq!(
        chat.ids(),
        [
            "summary-title",
            "summary-details",
            "status-progress",
            "ask-omzet"
        ]
    );

    let mut chat = chat_at(READY_BINA_UMK);
    chat.say("/status");
    assert_eq!(
        chat.ids(),
        [
            "summary-title",
            "summary-details",
            "outcome-siap-bina-umk",
            "summary-documents",
            "doc-ask-nib"
        ]
    );
}

#[test]
fn sender_phone_reaches_the_lead_when_the_phone_question_is_skipped() {
    let mut chat = Chat::with_sender_phone("+62 812 3456 7890");
    chat.play(&[
        "halo",
        "iya",
        "lombok tengah",
        "Gula Aren Bu Siti",
        "Siti Aminah",
    ]);
    assert_eq!(chat.step(), &Step::Category, "no phone question");
    chat.play(READY_BINA_UMK);
    assert_eq!(
        chat.lead().phone.as_ref().map(PhoneNumber::as_str),
        Some("+6281234567890")
    );
}

// ------------------------------------------------------------------- other input

#[test]
fn unsupported_input_is_explained_and_changes_nothing() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    let before = chat.conv().clone();
    chat.send(Input::Unsupported);
    assert_eq!(chat.ids(), ["unsupported-input", "ask-nib"]);
    assert!(chat.last().effects.is_empty());
    assert!(same_state(&before, chat.conv()));
}

#[test]
fn file_before_the_document_step_is_kept_and_the_question_asked_again() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    let before = chat.conv().clone();
    chat.file("aaaa");
    assert_eq!(chat.ids(), ["file-kept-early", "ask-omzet"]);
    assert!(
        matches!(&chat.last().effects[..], [Effect::StoreDocument { item: DocItem::Lainnya, file }] if file.sha256 == "aaaa"),
        "{:?}",
        chat.last().effects
    );
    assert!(same_state(&before, chat.conv()));
}

#[test]
fn rejected_file_is_refused_politely_and_the_same_item_asked_again() {
    let mut chat = chat_at(READY_BINA_UMK);
    let before = chat.conv().clone();
    let cases = [
        (FileProblem::NotAllowed, "file-not-allowed"),
        (FileProblem::TooLarge { limit_mb: 10 }, "file-too-large"),
        (FileProblem::Empty, "file-empty"),
    ];
    for (problem, refusal) in cases {
        chat.rejected(problem);
        assert_eq!(chat.ids(), [refusal, "doc-ask-nib"], "{problem:?}");
        assert_eq!(chat.buttons(), ["doc:skip", "doc:later"]);
        assert!(chat.last().effects.is_empty(), "{problem:?}");
        assert!(same_state(&before, chat.conv()), "{problem:?}");
    }
    let too_large = &chat.log[chat.log.len() - 2].replies[0].paragraphs[0];
    assert_eq!(too_large.args, [("limit", Arg::Number(10))]);
}

#[test]
fn documents_can_be_sent_skipped_or_promised_for_later_and_resumed() {
    let mut chat = chat_at(READY_BINA_UMK);
    let items: Vec<DocItem> = chat.conv().checklist.0.iter().map(|e| e.item).collect();
    assert_eq!(
        items,
        [
            DocItem::Nib,
            DocItem::FotoProduk,
            DocItem::LabelDepan,
            DocItem::LabelBelakang,
            DocItem::TempatProduksi,
            DocItem::ProsesProduksi,
            DocItem::IzinEdar,
            DocItem::Halal,
            DocItem::Merek,
        ]
    );

    // NIB: sent as a photo.
    chat.file("sha-nib");
    assert_eq!(chat.ids(), ["doc-received", "doc-ask-foto-produk"]);
    assert!(chat.last().effects.contains(&Effect::StoreDocument {
        item: DocItem::Nib,
        file: DocumentFile {
            sha256: "sha-nib".into(),
            kind: FileKind::Jpeg,
            size: 180_000,
        },
    }));
    assert_eq!(
        chat.lead().checklist.get(DocItem::Nib),
        Some(&DocState::Received {
            sha256: "sha-nib".into()
        })
    );
    // Product photo: "Belum punya".
    chat.press("doc:skip");
    assert_eq!(chat.ids(), ["doc-ask-label-depan"]);
    // Front label: "Kirim nanti", typed.
    chat.say("nanti aja ya");
    assert_eq!(chat.ids(), ["doc-ask-label-belakang"]);
    // Back label: the button.
    chat.press("doc:later");
    // The rest: skipped, the last one with /lewati.
    chat.play(&["!doc:skip", "belum", "!doc:skip", "!doc:skip", "/lewati"]);
    assert_eq!(chat.step(), &Step::Done);
    assert_eq!(
        chat.last()
            .replies
            .iter()
            .map(|r| r.ids()[0])
            .collect::<Vec<_>>(),
        ["summary-title", "done-menu"]
    );
    let checklist = &chat.lead().checklist;
    assert_eq!(checklist.get(DocItem::FotoProduk), Some(&DocState::Skipped));
    assert_eq!(checklist.get(DocItem::LabelDepan), Some(&DocState::Later));
    assert_eq!(checklist.get(DocItem::Merek), Some(&DocState::Skipped));

    // Later: /dokumen goes back to the first promised item.
    chat.say("/dokumen");
    assert_eq!(chat.ids(), ["doc-ask-label-depan"]);
    chat.file("sha-front");
    assert_eq!(chat.ids(), ["doc-received", "doc-ask-label-belakang"]);
    chat.file("sha-back");
    assert_eq!(chat.step(), &Step::Done);
    assert!(chat.said("done-menu"));
    assert_eq!(chat.conv().checklist.received(), 3);
    chat.say("/dokumen");
    assert_eq!(chat.ids(), ["documents-complete"]);
}

#[test]
fn promised_document_sent_after_the_end_is_taken_without_asking() {
    let mut chat = chat_at(READY_BINA_UMK);
    chat.play(&["!doc:later"]);
    chat.play(&["!doc:skip"; 8]);
    assert_eq!(chat.step(), &Step::Done);
    chat.file("sha-nib");
    assert!(chat.last().effects.iter().any(|e| matches!(
        e,
        Effect::StoreDocument {
            item: DocItem::Nib,
            ..
        }
    )));
    assert_eq!(chat.step(), &Step::Done);
}

#[test]
fn documents_command_before_the_outcome_says_not_yet() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("/dokumen");
    assert_eq!(chat.ids(), ["documents-not-yet", "ask-omzet"]);
}

#[test]
fn file_after_every_document_is_in_is_not_answered_with_file_not_now() {
    let mut chat = chat_at(READY_BINA_UMK);
    chat.play(&["!doc:skip"; 9]);
    assert_eq!(chat.step(), &Step::Done);
    chat.file("sha-extra");
    assert!(!chat.said("file-not-now"), "{:?}", chat.ids());
}

#[test]
fn documents_command_when_all_is_in_closes_the_conversation() {
    let mut chat = chat_at(READY_BINA_UMK);
    chat.play(&["!doc:skip"; 9]);
    chat.play(&["/dokumen"]);
    assert_eq!(chat.ids()[0], "documents-complete");
    assert_eq!(chat.step(), &Step::Done);
}

#[test]
fn stale_next_button_on_the_last_page_keeps_previous_working() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya"]);
    // 38 provinces, 7 a page: the sixth page is the last.
    chat.play(&["!page:next"; 5]);
    assert!(!chat.buttons().contains(&"page:next".to_string()));
    let last_page = chat.buttons();
    // The "next" button of an older message, pressed again.
    chat.press("page:next");
    chat.press("page:prev");
    assert_ne!(
        chat.buttons(),
        last_page,
        "\"previous\" should leave the last page"
    );
}

#[test]
fn changing_to_a_non_food_product_drops_the_food_documents() {
    let mut chat = chat_at(READY_BINA_UMK);
    // From the documents, change the product in place.
    chat.play(&["/ubah", "produk"]);
    assert_eq!(chat.step(), &Step::Product { page: 0 });
    chat.play(&["batik tulis", "iya"]);
    assert_eq!(chat.lead().product_id, Some(product("batik-tulis")));
    let items: Vec<DocItem> = chat.conv().checklist.0.iter().map(|e| e.item).collect();
    assert!(
        !items.contains(&DocItem::IzinEdar) && !items.contains(&DocItem::Halal),
        "{items:?}"
    );
}

#[test]
fn consent_needs_an_explicit_answer() {
    for unclear in [
        "ada yang mau saya tanyakan",
        "gak ngerti",
        "belum paham",
        "halo",
        "ok tapi nanti",
    ] {
        let mut chat = Chat::new();
        chat.say("halo");
        chat.say(unclear);
        // One short line with the buttons, not the whole notice again.
        assert_eq!(chat.ids(), ["consent-again"], "{unclear}");
        assert_eq!(chat.buttons(), ["consent:yes", "consent:no"]);
        assert!(chat.conv().consent.is_none(), "{unclear}");
    }
}
