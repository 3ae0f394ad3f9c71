//! Understanding owners as they type, answering their questions back, and repairing
//! answers: the review before the result, `/ubah`, `/kembali`, re-checks and deletion.

#[path = "common/flow_chat.rs"]
mod flow_chat;

use flow_chat::*;
use pandu::flow::answers::{IzinEdar, LabelState, ProductAnswer, Risk, ScaleAnswer, Site};
use pandu::flow::outcome::{Note, Reason};
use pandu::flow::state::Pending;
use pandu::flow::{Arg, Effect, OutcomeCode, Step};
use pandu::parse::{Rupiah, YesNo};

/// The batik maker of the issue, typing as she does.
#[test]
fn the_batik_maker_in_pekalongan_is_understood_throughout() {
    let mut chat = Chat::new();
    chat.confirm_review = false;
    chat.play(&["halo", "iy setuju", "pekalongan"]);
    assert_eq!(chat.ids(), ["ask-region-pick"], "kab or kota?");
    chat.play(&[
        "kab",
        "Batik Bu Sri",
        "Sri Wahyuni",
        "0812 3456 7890",
        "batik tulis",
    ]);
    assert_eq!(chat.ids(), ["ask-product-confirm"]);
    chat.say("nggih leres");
    assert_eq!(
        chat.answers().product,
        Some(ProductAnswer::Listed(product("batik-tulis")))
    );
    chat.say("omzet sebulan 5jtan lah kak");
    assert_eq!(
        chat.answers().omzet,
        Some(ScaleAnswer::Amount(Rupiah(60_000_000)))
    );
    // Said back, with the period it was given in.
    assert!(
        chat.rendered()[0].contains("Rp60 juta per tahun"),
        "{:?}",
        chat.rendered()
    );
    chat.say("udh");
    assert_eq!(chat.answers().nib, Some(YesNo::Yes));
    chat.say("gk tau");
    assert_eq!(chat.answers().risk, Some(Risk::TidakTahu));
    // A question back in the middle: answered briefly, then the same question again.
    let before = chat.conv().step.clone();
    chat.say("harus bayar gk?");
    assert_eq!(chat.ids()[0], "kb-biaya-bina-umk");
    assert_eq!(chat.step(), &before);
    assert_eq!(chat.answers().regency, Some(code("33.26")));
    assert!(chat.longest_message() <= 600, "{}", chat.longest_message());
}

#[test]
fn an_answer_and_later_answers_in_one_message_fill_them_all() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    assert_eq!(chat.step(), &Step::Nib);
    chat.say("sudah, risiko menengah rendah");
    assert_eq!(chat.answers().nib, Some(YesNo::Yes));
    assert_eq!(chat.answers().risk, Some(Risk::MenengahRendah));
    // What was taken from the message is said back.
    let said = &chat.rendered()[0];
    assert!(said.contains("NIB — Sudah punya"), "{said}");
    assert!(
        said.contains("Saya catat juga:\n• Risiko di OSS: Menengah rendah"),
        "{said}"
    );
    assert_eq!(
        chat.step(),
        &Step::Site,
        "the risk question is not asked again"
    );
}

#[test]
fn an_answer_typed_ahead_of_its_question_is_kept() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    assert_eq!(chat.step(), &Step::Omzet);
    chat.say("nib udh ada kak");
    assert_eq!(chat.answers().nib, Some(YesNo::Yes));
    assert_eq!(
        chat.ids(),
        ["noted-also", "ask-omzet"],
        "the turnover is still asked"
    );
    chat.say("2jt sebulan");
    assert_eq!(chat.step(), &Step::Risk, "NIB is not asked again");
}

#[test]
fn an_answer_with_a_question_records_the_answer_and_answers_the_question() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta"]);
    chat.say("blm, itu wajib kah?");
    assert_eq!(chat.answers().nib, Some(YesNo::No));
    // "itu" is the NIB the question is about: its explanation answers it.
    assert_eq!(chat.ids()[0], "help-nib", "{:?}", chat.ids());
    assert_ne!(chat.step(), &Step::Nib);
}

#[test]
fn a_question_the_knowledge_base_cannot_answer_lands_on_the_lead() {
    let mut chat = chat_at(READY_BINA_UMK);
    chat.say("kalau saya jual di pameran luar kota boleh tidak?");
    assert!(chat.said("kb-unknown"), "{:?}", chat.ids());
    let lead = chat.lead();
    assert_eq!(lead.owner_questions.len(), 1);
    assert!(lead.owner_questions[0].text.contains("pameran"));
}

#[test]
fn the_label_of_a_button_typed_as_text_selects_it() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta", "sudah", "rendah"]);
    assert_eq!(chat.step(), &Step::Site);
    chat.say("Tempat khusus/mesin");
    assert_eq!(chat.answers().site, Some(Site::TerpisahOtomatis));
    chat.say("BPOM MD");
    assert_eq!(chat.answers().izin_edar, Some(IzinEdar::BpomMd));
}

#[test]
fn the_answers_are_reviewed_before_the_result_and_any_one_can_be_changed() {
    let mut chat = Chat::new();
    chat.confirm_review = false;
    chat.play(&opening("lombok tengah")).play(READY_BINA_UMK);
    assert_eq!(chat.step(), &Step::Review);
    assert_eq!(chat.ids(), ["review-title", "review-ask"]);
    assert_eq!(chat.buttons(), ["review:ok", "review:edit"]);
    assert!(
        chat.conv().decision.is_none(),
        "no result before the review"
    );
    let summary = chat.rendered().join("\n");
    assert!(summary.contains("NIB: Sudah punya"), "{summary}");
    assert!(
        summary.contains("Omzet per tahun: sekitar Rp150 juta"),
        "{summary}"
    );

    chat.say("salah");
    assert_eq!(chat.step(), &Step::EditPick);
    assert!(chat.buttons().contains(&"edit:label".to_owned()));
    chat.press("edit:label");
    assert_eq!(chat.step(), &Step::Label);
    chat.say("belum ada label");
    assert_eq!(
        chat.step(),
        &Step::Review,
        "back to the review, nothing else asked"
    );
    chat.say("iya benar");
    assert_eq!(chat.decision().code, OutcomeCode::SiapkanLabel);
    assert_eq!(chat.decision().reasons, [Reason::LabelMissing]);
}

#[test]
fn ubah_after_the_result_judges_again_and_the_lead_records_both_results() {
    let mut chat = chat_at(READY_BINA_UMK);
    assert!(chat.lead().new_result);
    chat.say("/ubah");
    assert_eq!(chat.step(), &Step::EditPick);
    chat.say("nib");
    assert_eq!(chat.step(), &Step::Nib);
    chat.play(&["belum"]);
    assert_eq!(chat.decision().code, OutcomeCode::PerluNib);
    assert!(
        chat.lead().new_result,
        "the second result goes on the timeline too"
    );
}

#[test]
fn back_reaches_an_answer_typed_ahead() {
    let mut chat = chat_at(&["gula aren cetak", "iya", "150 juta", "udah, risiko rendah"]);
    assert_eq!(chat.step(), &Step::Site);
    chat.say("/kembali");
    assert_eq!(
        chat.step(),
        &Step::Risk,
        "answered in the NIB message, still reachable"
    );
}

#[test]
fn a_recheck_keeps_who_and_where_and_asks_only_the_rest() {
    let mut chat = chat_at(&[
        "keripik singkong balado",
        "iya",
        "150 juta",
        "belum",
        "di rumah",
        "belum",
        "belum",
        "belum",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::PerluNib);
    chat.say("cek ulang");
    assert_eq!(chat.ids(), ["recheck-ok", "ask-category"]);
    let a = chat.answers();
    assert_eq!(a.business_name.as_deref(), Some("Gula Aren Bu Siti"));
    assert_eq!(a.regency, Some(code("52.02")));
    assert!(a.nib.is_none() && a.product.is_none());
    chat.play(&[
        "keripik singkong balado",
        "iya",
        "150 juta",
        "sudah",
        "rendah",
        "di rumah",
        "pirt",
        "sudah",
        "sudah",
        "lengkap",
        "iya",
        "lokal",
    ]);
    assert_eq!(chat.decision().code, OutcomeCode::SiapBinaUmk);
    let lead = chat.lead();
    assert!(lead.new_result);
    assert_eq!(lead.business_name, "Gula Aren Bu Siti");
}

#[test]
fn delete_in_words_asks_the_same_confirmation_as_hapus() {
    let mut chat = chat_at(&["gula aren cetak"]);
    chat.say("hapus data saya");
    assert_eq!(chat.conv().pending, Some(Pending::ConfirmDelete));
    chat.say("ya");
    assert!(chat.last().effects.contains(&Effect::EraseContact));
}

#[test]
fn a_rejected_product_is_not_proposed_again() {
    let mut chat = chat_at(&["makanan", "keripik tempe"]);
    assert_eq!(
        chat.step(),
        &Step::ProductConfirm {
            product: product("keripik-tempe")
        }
    );
    assert!(
        chat.buttons().contains(&"product:none".to_owned()),
        "'not in the list' offered"
    );
    chat.say("bukan");
    chat.say("keripik tempe");
    assert_ne!(
        chat.step(),
        &Step::ProductConfirm {
            product: product("keripik-tempe")
        },
        "asked again after a no"
    );
}

#[test]
fn a_yes_word_at_the_product_confirmation_is_never_a_product_name() {
    for yes in [
        "nggih",
        "iye kak",
        "👍",
        "betul itu",
        "iyaaa",
        "io",
        "aok",
        "leres",
        "yups",
        "enggi, bener",
    ] {
        let mut chat = chat_at(&["makanan", "keripik tempe"]);
        chat.say(yes);
        assert_eq!(
            chat.answers().product,
            Some(ProductAnswer::Listed(product("keripik-tempe"))),
            "{yes}"
        );
    }
}

#[test]
fn an_expired_permit_is_never_ready() {
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
        "lokal",
    ]);
    assert_eq!(chat.answers().izin_edar, Some(IzinEdar::Kedaluwarsa));
    assert_eq!(chat.decision().code, OutcomeCode::SiapkanLabel);
    assert!(chat.decision().reasons.contains(&Reason::PermitExpired));
    assert!(chat.decision().notes.contains(&Note::PerpanjangIzinEdar));
}

#[test]
fn a_missing_nib_is_mentioned_in_every_outcome() {
    // A mandatory-SNI toy without an NIB: the outcome is the LSPro, and NIB is still advised.
    let chat = chat_at(&["mainan kayu", "iya", "300jt", "belum", "belum"]);
    assert_eq!(chat.decision().code, OutcomeCode::WajibSniLspro);
    assert!(chat.decision().notes.contains(&Note::PerluNib));
    assert!(chat.said("note-perlu-nib"));
}

#[test]
fn the_label_advice_fits_a_product_that_is_not_food() {
    let chat = chat_at(&[
        "batik tulis",
        "iya",
        "150 juta",
        "sudah",
        "rendah",
        "sudah",
        "sebagian",
        "iya",
        "lokal",
    ]);
    assert_eq!(chat.answers().label, Some(LabelState::Sebagian));
    assert!(chat.said("note-label-partial-nonfood"), "{:?}", chat.ids());
    assert!(!chat.said("note-label-partial"));
}

#[test]
fn the_catalogue_advice_reaches_the_owner() {
    let chat = chat_at(&["air minum isi ulang", "iya", "150 juta", "sudah", "belum"]);
    assert!(chat.decision().notes.contains(&Note::ProductAdvice));
    let advice = REFERENCE
        .catalogue
        .get(&product("air-minum-isi-ulang"))
        .and_then(|p| p.advice)
        .expect("the depot has advice");
    let text = TEXTS.render(pandu::domain::Locale::Id, &pandu::flow::Msg::new(advice));
    assert!(
        chat.rendered().join("\n").contains(&text),
        "{:?}",
        chat.ids()
    );
}

#[test]
fn a_typo_in_a_place_is_confirmed_before_it_is_kept() {
    let mut chat = Chat::new();
    chat.play(&["halo", "iya", "kebumn"]);
    assert_eq!(
        chat.step(),
        &Step::RegionConfirm {
            code: code("33.05")
        }
    );
    assert_eq!(chat.ids(), ["ask-region-confirm"]);
    chat.say("iya");
    assert_eq!(chat.answers().regency, Some(code("33.05")));
}

#[test]
fn questions_that_cannot_change_the_outcome_are_not_asked() {
    // A helmet is mandatory SNI: risk, label, willingness and goal change nothing.
    let chat = chat_at(&["helm", "iya", "500 juta", "sudah", "belum"]);
    assert_eq!(chat.decision().code, OutcomeCode::WajibSniLspro);
    let asked: Vec<&str> = chat.log.iter().flat_map(all_ids).collect();
    for skipped in ["ask-risk", "ask-label", "ask-willing", "ask-goal"] {
        assert!(!asked.contains(&skipped), "{skipped} asked");
    }
}

#[test]
fn consent_is_understood_in_regional_words_and_a_miss_is_one_short_line() {
    for yes in ["nggih", "muhun", "iye", "👍", "iy setuju kak", "oke lanjut"] {
        let mut chat = Chat::new();
        chat.play(&["halo", yes]);
        assert!(chat.conv().consent.is_some(), "{yes}");
    }
    let mut chat = Chat::new();
    chat.play(&["halo", "hmm"]);
    assert_eq!(chat.ids(), ["consent-again"]);
    assert!(chat.rendered()[0].chars().count() < 200);
}

#[test]
fn english_owners_are_understood_in_english() {
    let mut chat = Chat::new();
    chat.play(&[
        "/bahasa en",
        "yes",
        "lombok tengah",
        "Siti Sugar",
        "Siti",
        "skip",
    ]);
    chat.play(&["food", "palm sugar", "yes", "400 million a year"]);
    assert_eq!(
        chat.answers().omzet,
        Some(ScaleAnswer::Amount(Rupiah(400_000_000)))
    );
    assert!(
        chat.rendered()[0].contains("Rp400 million a year"),
        "{:?}",
        chat.rendered()
    );
    chat.say("not yet");
    assert_eq!(chat.answers().nib, Some(YesNo::No));
}

#[test]
fn a_file_sent_early_is_kept_and_arrives_with_the_lead() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.file("early");
    assert!(matches!(
        &chat.last().effects[..],
        [Effect::StoreDocument { file, .. }] if file.sha256 == "early"
    ));
}

#[test]
fn amounts_are_said_back_with_the_period_assumed() {
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("100jt an");
    let echo = &chat.last().replies[0].paragraphs[0];
    assert_eq!(echo.id, "echo-amount");
    assert!(echo.args.contains(&("assumed", Arg::Text("yes".into()))));
}

#[test]
fn the_cost_question_is_answered_for_the_route_the_answers_point_to() {
    // A helmet is mandatory SNI: the cost is an LSPro's, not the free SNI Bina UMK coaching.
    let mut chat = chat_at(&["helm", "iya"]);
    chat.say("biayanya brp kak?");
    assert_eq!(chat.ids()[0], "kb-biaya-lspro", "{:?}", chat.ids());
    let mut chat = chat_at(&["gula aren cetak", "iya"]);
    chat.say("biayanya brp kak?");
    assert_eq!(chat.ids()[0], "kb-biaya-bina-umk", "{:?}", chat.ids());
}

#[test]
fn a_product_typed_before_the_category_is_kept_through_it() {
    let mut chat = chat_at(&["tepung sagu"]);
    assert_eq!(chat.ids(), ["product-not-found", "ask-product-unlisted"]);
    chat.press("continue");
    assert_eq!(chat.step(), &Step::Category);
    chat.press("cat:makanan");
    assert_eq!(
        chat.answers().product,
        Some(ProductAnswer::Unlisted("tepung sagu".into()))
    );
    assert_ne!(chat.step(), &Step::Product { page: 0 }, "not asked again");
}

/// Owners who type the next answer instead of confirming the product the bot found.
#[test]
fn moving_on_from_a_product_confirmation_confirms_it() {
    let mut chat = chat_at(&["makanan", "madu"]);
    assert!(
        matches!(chat.step(), Step::ProductConfirm { .. }),
        "{:?}",
        chat.step()
    );
    chat.say("20jtan setahun");
    assert_eq!(
        chat.step(),
        &Step::Nib,
        "the omzet was the answer after the product"
    );
    let a = chat.answers();
    assert!(
        matches!(&a.product, Some(ProductAnswer::Listed(p)) if p.as_str() == "madu"),
        "{:?}",
        a.product
    );
    assert!(a.omzet.is_some());
    // Text that answers neither keeps the confirmation, with a hint that fits it.
    let mut chat = chat_at(&["makanan", "madu"]);
    chat.say("kemarin hujan deres");
    assert!(matches!(chat.step(), Step::ProductConfirm { .. }));
    assert!(chat.ids().contains(&"hint-confirm"), "{:?}", chat.ids());
}

/// A business name typed on at "Kabupaten or Kota Bandung?" is neither, and no far-away
/// place is guessed from it.
#[test]
fn a_pick_is_not_replaced_by_a_guess() {
    let mut chat = Chat::new();
    chat.play(&["halo", "setuju", "bandung"]);
    assert_eq!(chat.ids(), ["ask-region-pick"]);
    for _ in 0..4 {
        chat.say("Sabun Sereh Teh Euis");
        assert!(
            matches!(chat.step(), Step::RegionPick { .. }),
            "{:?}",
            chat.step()
        );
    }
    assert!(
        chat.said("hint-pick") || chat.said("miss-third"),
        "{:?}",
        chat.ids()
    );
    // A place named exactly still replaces the pick.
    chat.say("kota cimahi");
    assert_eq!(chat.step(), &Step::BusinessName);
}

/// "25 juta" typed at a product pick is the turnover typed too early, never a product name.
#[test]
fn an_amount_is_never_taken_for_a_product() {
    let mut chat = chat_at(&["tekstil", "kain batik"]);
    let before = chat.step().clone();
    chat.say("25 juta");
    assert_eq!(chat.step(), &before, "the pick is asked again");
    assert!(chat.answers().product.is_none());
    let mut chat = chat_at(&["makanan"]);
    chat.say("900 juta");
    assert!(chat.answers().product.is_none());
    assert!(
        !matches!(chat.step(), Step::ProductUnlisted { .. }),
        "{:?}",
        chat.step()
    );
}
