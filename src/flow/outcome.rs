//! The decision order of sni.md §7: which path to SNI fits, why, and what else to mind.

use super::answers::{
    Answers, Goal, IzinEdar, LabelState, ProductAnswer, Progress, Risk, ScaleAnswer, Site,
};
use crate::parse::{Rupiah, YesNo};
use crate::reference::{Category, Product, Reference, Scale, SniStatus};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The stable outcome codes stored with every lead. Never rename a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeCode {
    WajibSniLspro,
    BukanUmkSppt,
    PerluNib,
    BelumAdaSni,
    PerluCekPetugas,
    RisikoBukanRendah,
    SiapkanLabel,
    SiapBinaUmk,
}

impl OutcomeCode {
    pub const ALL: [OutcomeCode; 8] = [
        Self::WajibSniLspro,
        Self::BukanUmkSppt,
        Self::PerluNib,
        Self::BelumAdaSni,
        Self::PerluCekPetugas,
        Self::RisikoBukanRendah,
        Self::SiapkanLabel,
        Self::SiapBinaUmk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::WajibSniLspro => "wajib_sni_lspro",
            Self::BukanUmkSppt => "bukan_umk_sppt",
            Self::PerluNib => "perlu_nib",
            Self::BelumAdaSni => "belum_ada_sni",
            Self::PerluCekPetugas => "perlu_cek_petugas",
            Self::RisikoBukanRendah => "risiko_bukan_rendah",
            Self::SiapkanLabel => "siapkan_label",
            Self::SiapBinaUmk => "siap_bina_umk",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Outcomes that lead towards certification want the production process written down.
    pub fn needs_process_description(self) -> bool {
        !matches!(
            self,
            Self::BelumAdaSni | Self::PerluCekPetugas | Self::PerluNib
        )
    }
}

/// Why the outcome was reached, in the order the rules were checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    ProductMandatory,
    NoSniForProduct,
    SniNotKnown,
    ScaleTooLarge,
    NoNib,
    NibUnknown,
    RiskNotLow,
    LabelMissing,
    NotWillingYet,
    /// The owner's P-IRT or BPOM MD has expired.
    PermitExpired,
    RequirementsMet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IzinRoute {
    Pirt,
    BpomMd,
    PanganSegar,
}

/// Things that do not change the outcome but the user should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    BpomMdNotPirt,
    PerluIzinEdar {
        route: IzinRoute,
    },
    PerluVerifikasiRisiko,
    SkalaBelumPasti,
    LabelSebagian,
    OpsiSppt,
    Halal {
        deadline_passed: bool,
        self_declare: bool,
    },
    /// Medium and large food businesses: halal has been required since 2024.
    HalalNonUmk,
    Merek,
    /// No NIB yet, on an outcome that is not itself "get an NIB first".
    PerluNib,
    /// The catalogue's own advice for this product (a refill depot's hygiene certificate).
    ProductAdvice,
    /// An expired P-IRT / MD must be renewed.
    PerpanjangIzinEdar,
}

impl Note {
    pub fn code(&self) -> &'static str {
        match self {
            Self::BpomMdNotPirt => "perlu_bpom_md",
            Self::PerluIzinEdar { .. } => "perlu_izin_edar",
            Self::PerluVerifikasiRisiko => "perlu_verifikasi_risiko",
            Self::SkalaBelumPasti => "skala_belum_pasti",
            Self::LabelSebagian => "label_sebagian",
            Self::OpsiSppt => "opsi_sppt",
            Self::Halal { .. } | Self::HalalNonUmk => "halal",
            Self::Merek => "merek",
            Self::PerluNib => "perlu_nib",
            Self::ProductAdvice => "saran_produk",
            Self::PerpanjangIzinEdar => "perpanjang_izin_edar",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub code: OutcomeCode,
    pub reasons: Vec<Reason>,
    pub notes: Vec<Note>,
    pub scale: Option<Scale>,
    pub rules_version: String,
    pub catalogue_version: String,
}

/// What we know of the product for the decision.
struct ProductFacts<'a> {
    listed: Option<&'a Product>,
    is_food: bool,
    fresh: bool,
}

fn product_facts<'a>(answers: &Answers, reference: &'a Reference) -> ProductFacts<'a> {
    let listed = match &answers.product {
        Some(ProductAnswer::Listed(id)) => reference.catalogue.get(id),
        _ => None,
    };
    let category = listed.map(|p| p.category).or(answers.category);
    ProductFacts {
        listed,
        is_food: listed.map_or(category == Some(Category::Makanan), |p| p.is_food),
        fresh: category == Some(Category::Segar),
    }
}

/// True when the product is something eaten or drunk, which adds the food questions.
pub fn is_food(answers: &Answers, reference: &Reference) -> bool {
    product_facts(answers, reference).is_food
}

/// The business scale from turnover, or capital when turnover is unknown.
pub fn scale(answers: &Answers, reference: &Reference) -> Option<Scale> {
    let rules = &reference.rules;
    let from = |answer: Option<ScaleAnswer>, by: fn(&crate::reference::Rules, Rupiah) -> Scale| {
        match answer {
            Some(ScaleAnswer::Amount(amount)) => Some(by(rules, amount)),
            Some(ScaleAnswer::Band(scale)) => Some(scale),
            Some(ScaleAnswer::Unknown) | None => None,
        }
    };
    from(answers.omzet, crate::reference::Rules::scale_by_omzet)
        .or_else(|| from(answers.modal, crate::reference::Rules::scale_by_modal))
}

pub fn decide(answers: &Answers, reference: &Reference, now: OffsetDateTime) -> Decision {
    let facts = product_facts(answers, reference);
    let scale = scale(answers, reference);
    let (code, reasons) = main_outcome(answers, &facts, scale);
    let notes = notes(answers, &facts, scale, code, reference, now);
    Decision {
        code,
        reasons,
        notes,
        scale,
        rules_version: reference.rules.version.clone(),
        catalogue_version: reference.catalogue.version.clone(),
    }
}

fn main_outcome(
    answers: &Answers,
    facts: &ProductFacts,
    scale: Option<Scale>,
) -> (OutcomeCode, Vec<Reason>) {
    use OutcomeCode as O;
    match facts.listed.map(|p| p.status) {
        Some(SniStatus::Wajib) => return (O::WajibSniLspro, vec![Reason::ProductMandatory]),
        Some(SniStatus::TidakAda) => return (O::BelumAdaSni, vec![Reason::NoSniForProduct]),
        Some(SniStatus::BelumTahu) | None => {
            return (O::PerluCekPetugas, vec![Reason::SniNotKnown]);
        }
        Some(SniStatus::Sukarela) => {}
    }
    if scale.is_some_and(|s| !s.is_umk()) {
        return (O::BukanUmkSppt, vec![Reason::ScaleTooLarge]);
    }
    match answers.nib {
        Some(YesNo::Yes) => {}
        Some(YesNo::Unknown) => return (O::PerluNib, vec![Reason::NibUnknown]),
        Some(YesNo::No) | None => return (O::PerluNib, vec![Reason::NoNib]),
    }
    if matches!(
        answers.risk,
        Some(Risk::MenengahRendah | Risk::MenengahTinggi | Risk::Tinggi)
    ) {
        return (O::RisikoBukanRendah, vec![Reason::RiskNotLow]);
    }
    let mut reasons = Vec::new();
    if answers.izin_edar == Some(IzinEdar::Kedaluwarsa) {
        reasons.push(Reason::PermitExpired);
    }
    if answers.label == Some(LabelState::Belum) {
        reasons.push(Reason::LabelMissing);
    }
    if answers.willing != Some(YesNo::Yes) {
        reasons.push(Reason::NotWillingYet);
    }
    if reasons.is_empty() {
        (O::SiapBinaUmk, vec![Reason::RequirementsMet])
    } else {
        (O::SiapkanLabel, reasons)
    }
}

fn notes(
    answers: &Answers,
    facts: &ProductFacts,
    scale: Option<Scale>,
    code: OutcomeCode,
    reference: &Reference,
    now: OffsetDateTime,
) -> Vec<Note> {
    let mut notes = Vec::new();
    if code == OutcomeCode::WajibSniLspro && facts.is_food {
        notes.push(Note::BpomMdNotPirt);
    } else if let Some(route) = izin_route(answers, facts) {
        notes.push(Note::PerluIzinEdar { route });
    }
    let reached_risk_check = matches!(code, OutcomeCode::SiapBinaUmk | OutcomeCode::SiapkanLabel);
    if reached_risk_check && answers.risk == Some(Risk::TidakTahu) {
        notes.push(Note::PerluVerifikasiRisiko);
    }
    if scale.is_none() {
        notes.push(Note::SkalaBelumPasti);
    }
    if answers.label == Some(LabelState::Sebagian) {
        notes.push(Note::LabelSebagian);
    }
    if code == OutcomeCode::SiapBinaUmk
        && matches!(answers.goal, Some(Goal::Ekspor | Goal::RitelModern))
    {
        notes.push(Note::OpsiSppt);
    }
    if facts.is_food && answers.halal != Some(Progress::Sudah) {
        notes.push(halal_note(answers, scale, reference, now));
    }
    if !matches!(answers.merek, Some(Progress::Sudah | Progress::Proses)) {
        notes.push(Note::Merek);
    }
    // NIB first: halal, P-IRT and merek all need it.
    if code != OutcomeCode::PerluNib && answers.nib != Some(YesNo::Yes) {
        notes.insert(0, Note::PerluNib);
    }
    if answers.izin_edar == Some(IzinEdar::Kedaluwarsa) {
        notes.push(Note::PerpanjangIzinEdar);
    }
    if facts.listed.is_some_and(|p| p.advice.is_some()) {
        notes.push(Note::ProductAdvice);
    }
    notes
}

/// The answers put the business above small (no UMK discounts, no SNI Bina UMK).
pub fn above_umk(answers: &Answers, reference: &Reference) -> bool {
    scale(answers, reference).is_some_and(|s| !s.is_umk())
}

/// The product is under a mandatory SNI.
pub fn is_mandatory(answers: &Answers, reference: &Reference) -> bool {
    product_facts(answers, reference)
        .listed
        .is_some_and(|p| p.status == SniStatus::Wajib)
}

/// Can the answers still lead to SNI Bina UMK? Questions that only matter on that way
/// (risk, label, willingness, goal) are not asked once it is closed.
pub fn may_reach_bina_umk(answers: &Answers, reference: &Reference) -> bool {
    let low_risk = !matches!(
        answers.risk,
        Some(Risk::MenengahRendah | Risk::MenengahTinggi | Risk::Tinggi)
    );
    risk_matters(answers, reference) && low_risk
}

/// The OSS risk level decides the result only for a voluntary-SNI product of a UMK with
/// an NIB (or whose NIB is not asked yet).
pub fn risk_matters(answers: &Answers, reference: &Reference) -> bool {
    let facts = product_facts(answers, reference);
    let sukarela = facts
        .listed
        .is_some_and(|p| p.status == SniStatus::Sukarela);
    let umk = !above_umk(answers, reference);
    let nib = answers.nib.is_none_or(|n| n == YesNo::Yes);
    sukarela && umk && nib
}

/// Food without an izin edar needs one; which one depends on how and where it is made.
fn izin_route(answers: &Answers, facts: &ProductFacts) -> Option<IzinRoute> {
    if facts.fresh && facts.is_food {
        return (answers.izin_edar != Some(IzinEdar::BpomMd)).then_some(IzinRoute::PanganSegar);
    }
    if !facts.is_food || answers.izin_edar != Some(IzinEdar::Belum) {
        return None;
    }
    Some(match answers.site {
        Some(Site::RumahManual) => IzinRoute::Pirt,
        _ => IzinRoute::BpomMd,
    })
}

/// Self-declare is only for UMK whose scale and turnover we know fit it.
fn halal_note(
    answers: &Answers,
    scale: Option<Scale>,
    reference: &Reference,
    now: OffsetDateTime,
) -> Note {
    let rules = &reference.rules;
    if scale.is_some_and(|s| !s.is_umk()) {
        return Note::HalalNonUmk;
    }
    Note::Halal {
        deadline_passed: indonesian_date(now) >= rules.halal_umk_deadline,
        self_declare: scale.is_some()
            && known_omzet(answers).is_none_or(|o| o <= rules.halal_self_declare_max_omzet),
    }
}

fn known_omzet(answers: &Answers) -> Option<Rupiah> {
    match answers.omzet {
        Some(ScaleAnswer::Amount(amount)) => Some(amount),
        _ => None,
    }
}

/// Deadlines are calendar days in Indonesia; channels hand us UTC. WIB (UTC+7) is used,
/// the time zone of Jakarta, where the regulations are issued.
fn indonesian_date(now: OffsetDateTime) -> time::Date {
    now.to_offset(time::macros::offset!(+7)).date()
}
