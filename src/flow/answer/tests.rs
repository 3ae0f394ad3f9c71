use super::*;
use crate::flow::answers::{Goal, IzinEdar, LabelState, Progress, Risk, ScaleAnswer, Site};

fn text(t: &str) -> Input {
    Input::Text(t.into())
}

#[test]
fn names_need_letters_and_a_sane_length() {
    assert_eq!(
        name(&text("  Gula  Aren Bu Siti ")),
        Some("Gula Aren Bu Siti".into())
    );
    assert_eq!(
        name(&text("UD. Maju Jaya 2")),
        Some("UD. Maju Jaya 2".into())
    );
    for bad in ["a", "12345", "ya", "halo", "150 juta", "", &"x".repeat(81)] {
        assert_eq!(name(&text(bad)), None, "{bad}");
    }
}

#[test]
fn closed_answers_are_understood_when_typed() {
    assert_eq!(risk(&text("menengah rendah")), Some(Risk::MenengahRendah));
    assert_eq!(risk(&text("Rendah kak")), Some(Risk::Rendah));
    assert_eq!(risk(&text("gatau")), Some(Risk::TidakTahu));
    assert_eq!(risk(&text("menengah")), None);
    assert_eq!(site(&text("di dapur rumah saja")), Some(Site::RumahManual));
    assert_eq!(
        site(&text("pakai mesin di pabrik")),
        Some(Site::TerpisahOtomatis)
    );
    assert_eq!(izin_edar(&text("sudah ada PIRT")), Some(IzinEdar::Pirt));
    assert_eq!(izin_edar(&text("BPOM MD")), Some(IzinEdar::BpomMd));
    assert_eq!(izin_edar(&text("belum")), Some(IzinEdar::Belum));
    // Negations are not mentions.
    assert_eq!(izin_edar(&text("belum ada P-IRT")), Some(IzinEdar::Belum));
    assert_eq!(progress(&text("belum daftar")), Some(Progress::Belum));
    assert_eq!(label(&text("tidak lengkap")), Some(LabelState::Sebagian));
    assert_eq!(site(&text("manual, tanpa mesin")), Some(Site::RumahManual));
    assert_eq!(risk(&text("bukan rendah")), None);
    assert_eq!(risk(&text("tidak tinggi")), None);
    assert_eq!(progress(&text("sudah")), Some(Progress::Sudah));
    assert_eq!(progress(&text("lagi proses")), Some(Progress::Proses));
    assert_eq!(progress(&text("blm")), Some(Progress::Belum));
    assert_eq!(label(&text("belum lengkap")), Some(LabelState::Sebagian));
    assert_eq!(label(&text("iya")), Some(LabelState::Lengkap));
    assert_eq!(label(&text("belum")), Some(LabelState::Belum));
    assert_eq!(goal(&text("mau masuk indomaret")), Some(Goal::RitelModern));
    assert_eq!(goal(&text("ekspor ke malaysia")), Some(Goal::Ekspor));
    assert_eq!(
        scale(&text("2jt sebulan"), "omzet"),
        Some(ScaleAnswer::Amount(crate::parse::Rupiah(24_000_000)))
    );
    assert_eq!(scale(&text("gak tau"), "omzet"), Some(ScaleAnswer::Unknown));
    assert_eq!(
        phone(&text("0812-3456-7890")).and_then(|p| p.number().map(|n| n.to_string())),
        Some("+6281234567890".into())
    );
    assert_eq!(phone(&text("nomor saya rahasia")), None);
}
