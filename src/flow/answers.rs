//! What the user has told us so far. Every closed question has its own enum.

use crate::parse::{PhoneNumber, Rupiah, YesNo};
use crate::reference::{Category, ProductId, RegionCode, Scale};
use serde::{Deserialize, Serialize};

/// A turnover or capital answer: a typed amount, a band picked from buttons, or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleAnswer {
    /// Rupiah per year (monthly figures are already converted).
    Amount(Rupiah),
    Band(Scale),
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneAnswer {
    Given(PhoneNumber),
    Skipped,
}

impl PhoneAnswer {
    pub fn number(&self) -> Option<&PhoneNumber> {
        match self {
            Self::Given(number) => Some(number),
            Self::Skipped => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductAnswer {
    Listed(ProductId),
    /// Free text that matched nothing in the catalogue.
    Unlisted(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Rendah,
    MenengahRendah,
    MenengahTinggi,
    Tinggi,
    TidakTahu,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Site {
    /// At home, by hand or with simple tools: the P-IRT route.
    RumahManual,
    /// A separate place or automated machines: BPOM MD.
    TerpisahOtomatis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IzinEdar {
    Belum,
    Pirt,
    BpomMd,
    /// The owner said their P-IRT or MD has expired: it must be renewed before anything else.
    Kedaluwarsa,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Sudah,
    Proses,
    Belum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelState {
    Lengkap,
    Sebagian,
    Belum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    PasarLokal,
    RitelModern,
    Ekspor,
    DimintaPembeli,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub province: Option<RegionCode>,
    pub regency: Option<RegionCode>,
    pub business_name: Option<String>,
    pub owner_name: Option<String>,
    pub phone: Option<PhoneAnswer>,
    pub category: Option<Category>,
    pub product: Option<ProductAnswer>,
    pub omzet: Option<ScaleAnswer>,
    pub modal: Option<ScaleAnswer>,
    pub nib: Option<YesNo>,
    pub risk: Option<Risk>,
    pub site: Option<Site>,
    pub izin_edar: Option<IzinEdar>,
    pub halal: Option<Progress>,
    pub merek: Option<Progress>,
    pub label: Option<LabelState>,
    pub willing: Option<YesNo>,
    pub goal: Option<Goal>,
    /// A goal in the owner's words that fits no option ("toko online", "turis"): kept, not refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_text: Option<String>,
    /// How the product is made, in the owner's words, when it fits neither option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_text: Option<String>,
}

/// A question the owner asked that the knowledge base could not answer: staff answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerQuestion {
    pub text: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: time::OffsetDateTime,
}
