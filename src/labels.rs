//! The words people read for the codes Pandu stores. Codes stay in the database and in the
//! machine columns of exports; everything a person sees goes through here, so every code has
//! exactly one label (in `locales/*/labels.ftl` and `referrals.ftl`).

use crate::access::{LeadStatus, Role};
use crate::domain::ChannelKind;
use crate::flow::checklist::{DocItem, DocState};
use crate::flow::{Msg, OutcomeCode};
use crate::reference::{Category, Scale};
use crate::referrals::Desk;

pub fn outcome(code: OutcomeCode) -> Msg {
    Msg::new(match code {
        OutcomeCode::WajibSniLspro => "label-outcome-wajib-sni-lspro",
        OutcomeCode::BukanUmkSppt => "label-outcome-bukan-umk-sppt",
        OutcomeCode::PerluNib => "label-outcome-perlu-nib",
        OutcomeCode::BelumAdaSni => "label-outcome-belum-ada-sni",
        OutcomeCode::PerluCekPetugas => "label-outcome-perlu-cek-petugas",
        OutcomeCode::RisikoBukanRendah => "label-outcome-risiko-bukan-rendah",
        OutcomeCode::SiapkanLabel => "label-outcome-siapkan-label",
        OutcomeCode::SiapBinaUmk => "label-outcome-siap-bina-umk",
    })
}

/// The reason codes a decision stores (see `flow::outcome::Reason`).
pub const REASONS: [&str; 11] = [
    "product_mandatory",
    "no_sni_for_product",
    "sni_not_known",
    "scale_too_large",
    "no_nib",
    "nib_unknown",
    "risk_not_low",
    "label_missing",
    "not_willing_yet",
    "permit_expired",
    "requirements_met",
];

/// A stored reason code's label; None for a code this version does not know.
pub fn reason(code: &str) -> Option<Msg> {
    Some(Msg::new(match code {
        "product_mandatory" => "label-reason-product-mandatory",
        "no_sni_for_product" => "label-reason-no-sni-for-product",
        "sni_not_known" => "label-reason-sni-not-known",
        "scale_too_large" => "label-reason-scale-too-large",
        "no_nib" => "label-reason-no-nib",
        "nib_unknown" => "label-reason-nib-unknown",
        "risk_not_low" => "label-reason-risk-not-low",
        "label_missing" => "label-reason-label-missing",
        "not_willing_yet" => "label-reason-not-willing-yet",
        "permit_expired" => "label-reason-permit-expired",
        "requirements_met" => "label-reason-requirements-met",
        _ => return None,
    }))
}

pub fn status(status: LeadStatus) -> Msg {
    Msg::new(match status {
        LeadStatus::Baru => "label-status-baru",
        LeadStatus::Diverifikasi => "label-status-diverifikasi",
        LeadStatus::Dirujuk => "label-status-dirujuk",
        LeadStatus::DiterimaKonsultan => "label-status-diterima-konsultan",
        LeadStatus::Pendampingan => "label-status-pendampingan",
        LeadStatus::Diajukan => "label-status-diajukan",
        LeadStatus::Bersertifikat => "label-status-bersertifikat",
        LeadStatus::TidakDilanjutkan => "label-status-tidak-dilanjutkan",
    })
}

pub fn category(category: Category) -> Msg {
    Msg::new(category.label_msg())
}

pub fn channel(channel: ChannelKind) -> Msg {
    Msg::new(match channel {
        ChannelKind::Console => "label-channel-console",
        ChannelKind::Telegram => "label-channel-telegram",
        ChannelKind::Whatsapp => "label-channel-whatsapp",
    })
}

pub fn scale(scale: Scale) -> Msg {
    Msg::new(match scale {
        Scale::Mikro => "label-scale-mikro",
        Scale::Kecil => "label-scale-kecil",
        Scale::Menengah => "label-scale-menengah",
        Scale::Besar => "label-scale-besar",
    })
}

pub fn role(role: Role) -> Msg {
    Msg::new(match role {
        Role::Admin => "label-role-admin",
        Role::Dinas => "label-role-dinas",
        Role::Konsultan => "label-role-konsultan",
        Role::Outreach => "label-role-outreach",
    })
}

pub fn document(item: DocItem) -> Msg {
    Msg::new(match item {
        DocItem::Nib => "label-doc-nib",
        DocItem::FotoProduk => "label-doc-foto-produk",
        DocItem::LabelDepan => "label-doc-label-depan",
        DocItem::LabelBelakang => "label-doc-label-belakang",
        DocItem::TempatProduksi => "label-doc-tempat-produksi",
        DocItem::ProsesProduksi => "label-doc-proses-produksi",
        DocItem::IzinEdar => "label-doc-izin-edar",
        DocItem::Halal => "label-doc-halal",
        DocItem::Merek => "label-doc-merek",
        DocItem::Lainnya => "label-doc-lainnya",
    })
}

pub fn document_state(state: &DocState) -> Msg {
    Msg::new(match state {
        DocState::Pending => "label-docstate-pending",
        DocState::Received { .. } => "label-docstate-received",
        DocState::Skipped => "label-docstate-skipped",
        DocState::Later => "label-docstate-later",
    })
}

pub fn desk(desk: Desk) -> Msg {
    Msg::new(match desk {
        Desk::Plut => "label-desk-plut",
        Desk::DinasCoach => "label-desk-dinas-coach",
        Desk::Klt => "label-desk-klt",
        Desk::Perizinan => "label-desk-perizinan",
    })
}

/// The actions the audit log and a lead's timeline record.
pub const ACTIONS: [&str; 38] = [
    "staff_password_link",
    "password_set_by_link",
    "staff_access",
    "result",
    "owner_reply",
    "login",
    "setup_admin",
    "lead_view",
    "status",
    "note",
    "assign",
    "document_view",
    "document_download",
    "export_csv",
    "export_xlsx",
    "referral_opened",
    "referral_offered",
    "referral_reminded",
    "referral_expired",
    "referral_declined",
    "referral_accepted",
    "referral_withdrawn",
    "referral_escalated",
    "staff_added",
    "staff_disabled",
    "staff_enabled",
    "staff_profile",
    "staff_linked",
    "staff_unlinked",
    "staff_link_code",
    "campaign_create",
    "campaign_test",
    "campaign_scheduled",
    "campaign_paused",
    "campaign_resumed",
    "campaign_cancelled",
    "campaign_export_csv",
    "campaign_export_xlsx",
];

/// An audit action's label; None for one this version does not know.
pub fn action(code: &str) -> Option<Msg> {
    if !ACTIONS.contains(&code) {
        return None;
    }
    // Fluent ids use dashes; the codes use underscores.
    Some(Msg::new("label-action").text("action", code.replace('_', "-")))
}

/// Labels of codes as the text columns store them; None for a code this version does not know.
pub mod stored {
    use super::*;

    pub fn outcome(code: &str) -> Option<Msg> {
        OutcomeCode::parse(code).map(super::outcome)
    }

    pub fn status(code: &str) -> Option<Msg> {
        LeadStatus::parse(code).map(super::status)
    }

    pub fn channel(code: &str) -> Option<Msg> {
        ChannelKind::parse(code).map(super::channel)
    }

    pub fn category(code: &str) -> Option<Msg> {
        Category::parse(code).map(super::category)
    }

    pub fn scale(code: &str) -> Option<Msg> {
        Scale::parse(code).map(super::scale)
    }

    pub fn document(code: &str) -> Option<Msg> {
        DocItem::parse(code).map(super::document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;
    use crate::i18n::Texts;

    /// Every label of every code, so a new variant without words fails here.
    fn every_label() -> Vec<Msg> {
        let mut all: Vec<Msg> = OutcomeCode::ALL.into_iter().map(outcome).collect();
        all.extend(REASONS.iter().filter_map(|r| reason(r)));
        all.extend(LeadStatus::ALL.into_iter().map(status));
        all.extend(Category::all().iter().map(|c| category(*c)));
        all.extend(
            [
                ChannelKind::Console,
                ChannelKind::Telegram,
                ChannelKind::Whatsapp,
            ]
            .into_iter()
            .map(channel),
        );
        all.extend(
            [Scale::Mikro, Scale::Kecil, Scale::Menengah, Scale::Besar]
                .into_iter()
                .map(scale),
        );
        all.extend(
            [Role::Admin, Role::Dinas, Role::Konsultan, Role::Outreach]
                .into_iter()
                .map(role),
        );
        all.extend(DocItem::ALL.into_iter().map(document));
        all.extend(Desk::ALL.iter().map(|d| desk(*d)));
        all
    }

    #[test]
    fn every_code_has_words_in_both_languages() {
        let texts = Texts::embedded(None);
        for locale in Locale::ALL {
            for msg in every_label() {
                let text = texts.render(locale, &msg);
                assert!(
                    !text.is_empty() && text != msg.id,
                    "{} in {locale:?}",
                    msg.id
                );
            }
        }
    }

    #[test]
    fn every_action_has_its_own_words() {
        let texts = Texts::embedded(None);
        for locale in Locale::ALL {
            let other = texts.render(locale, &Msg::new("label-action").text("action", "x"));
            for code in ACTIONS {
                let text = texts.render(locale, &action(code).unwrap());
                assert_ne!(text, other, "{code} in {locale:?}");
            }
        }
        assert!(action("not_an_action").is_none());
    }

    #[test]
    fn every_reason_code_has_a_label() {
        for code in REASONS {
            assert!(reason(code).is_some(), "{code}");
        }
        assert!(reason("from_a_newer_version").is_none());
    }
}
