//! Editable thresholds and deadlines (they change with regulations, so they live in data).

use super::ReferenceError;
use crate::parse::Rupiah;
use serde::{Deserialize, Deserializer, Serialize};

const ORIGIN: &str = "rules.toml";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub version: String,
    pub consent_notice_version: String,
    pub mikro_max_omzet: Rupiah,
    pub kecil_max_omzet: Rupiah,
    pub menengah_max_omzet: Rupiah,
    pub mikro_max_modal: Rupiah,
    pub kecil_max_modal: Rupiah,
    pub menengah_max_modal: Rupiah,
    #[serde(deserialize_with = "date")]
    pub halal_umk_deadline: time::Date,
    /// Medium and large businesses: their deadline has passed already.
    #[serde(deserialize_with = "date")]
    pub halal_non_umk_deadline: time::Date,
    pub halal_self_declare_max_omzet: Rupiah,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    Mikro,
    Kecil,
    Menengah,
    Besar,
}

impl Scale {
    /// The stable code stored with leads.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Mikro => "mikro",
            Scale::Kecil => "kecil",
            Scale::Menengah => "menengah",
            Scale::Besar => "besar",
        }
    }

    /// The stored code back as a scale.
    pub fn parse(code: &str) -> Option<Self> {
        [Self::Mikro, Self::Kecil, Self::Menengah, Self::Besar]
            .into_iter()
            .find(|s| s.as_str() == code)
    }

    /// Usaha mikro dan kecil: the only scales SNI Bina UMK and self-declare halal serve.
    pub fn is_umk(self) -> bool {
        matches!(self, Self::Mikro | Self::Kecil)
    }
}

impl Rules {
    pub fn from_toml(text: &str) -> Result<Rules, ReferenceError> {
        let rules: Rules = toml::from_str(text).map_err(|e| ReferenceError::syntax(ORIGIN, e))?;
        rules.validate()?;
        Ok(rules)
    }

    /// Upper bounds are inclusive: exactly Rp2 M turnover is still mikro.
    pub fn scale_by_omzet(&self, omzet: Rupiah) -> Scale {
        classify(
            omzet,
            [
                self.mikro_max_omzet,
                self.kecil_max_omzet,
                self.menengah_max_omzet,
            ],
        )
    }

    pub fn scale_by_modal(&self, modal: Rupiah) -> Scale {
        classify(
            modal,
            [
                self.mikro_max_modal,
                self.kecil_max_modal,
                self.menengah_max_modal,
            ],
        )
    }

    fn validate(&self) -> Result<(), ReferenceError> {
        for (field, value) in [
            ("version", &self.version),
            ("consent_notice_version", &self.consent_notice_version),
        ] {
            if value.trim().is_empty() {
                return Err(ReferenceError::field(ORIGIN, field, "must not be empty"));
            }
        }
        let omzet = [
            ("mikro_max_omzet", self.mikro_max_omzet),
            ("kecil_max_omzet", self.kecil_max_omzet),
            ("menengah_max_omzet", self.menengah_max_omzet),
        ];
        let modal = [
            ("mikro_max_modal", self.mikro_max_modal),
            ("kecil_max_modal", self.kecil_max_modal),
            ("menengah_max_modal", self.menengah_max_modal),
        ];
        check_increasing(&omzet)?;
        check_increasing(&modal)
    }
}

fn classify(value: Rupiah, [mikro, kecil, menengah]: [Rupiah; 3]) -> Scale {
    match value {
        v if v <= mikro => Scale::Mikro,
        v if v <= kecil => Scale::Kecil,
        v if v <= menengah => Scale::Menengah,
        _ => Scale::Besar,
    }
}

fn check_increasing(thresholds: &[(&str, Rupiah); 3]) -> Result<(), ReferenceError> {
    if thresholds[0].1 == Rupiah(0) {
        return Err(ReferenceError::field(
            ORIGIN,
            thresholds[0].0,
            "must be greater than 0",
        ));
    }
    for pair in thresholds.windows(2) {
        let ((low_name, low), (high_name, high)) = (pair[0], pair[1]);
        if high <= low {
            let problem = format!("{high} must be greater than {low_name} ({low})");
            return Err(ReferenceError::field(ORIGIN, high_name, problem));
        }
    }
    Ok(())
}

/// Accepts a native TOML date (`2026-10-17`) or the same text quoted, since operators
/// editing the file will write either.
fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<time::Date, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Native(toml::value::Datetime),
        Text(String),
    }
    let text = match Raw::deserialize(deserializer)? {
        Raw::Native(datetime) => datetime.to_string(),
        Raw::Text(text) => text,
    };
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(&text, &format).map_err(|e| {
        serde::de::Error::custom(format!(
            "expected a date like 2026-10-17, got {text:?}: {e}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: u64 = 1_000_000_000;

    fn rules() -> Rules {
        Rules::from_toml(super::super::RULES_TOML).unwrap()
    }

    #[test]
    fn embedded_values() {
        let r = rules();
        assert_eq!(r.version, "2025.1");
        assert_eq!(r.halal_umk_deadline, time::macros::date!(2026 - 10 - 17));
        assert_eq!(r.halal_self_declare_max_omzet, Rupiah(15 * M));
        assert!(!r.sources.is_empty());
    }

    #[test]
    fn scales() {
        let r = rules();
        let omzet = [
            (0, Scale::Mikro),
            (2 * M, Scale::Mikro),
            (2 * M + 1, Scale::Kecil),
            (15 * M, Scale::Kecil),
            (15 * M + 1, Scale::Menengah),
            (50 * M, Scale::Menengah),
            (50 * M + 1, Scale::Besar),
        ];
        for (value, want) in omzet {
            assert_eq!(r.scale_by_omzet(Rupiah(value)), want, "omzet {value}");
        }
        let modal = [
            (M, Scale::Mikro),
            (M + 1, Scale::Kecil),
            (5 * M, Scale::Kecil),
            (10 * M, Scale::Menengah),
            (u64::MAX, Scale::Besar),
        ];
        for (value, want) in modal {
            assert_eq!(r.scale_by_modal(Rupiah(value)), want, "modal {value}");
        }
        let umk = [
            (Scale::Mikro, true),
            (Scale::Kecil, true),
            (Scale::Menengah, false),
            (Scale::Besar, false),
        ];
        for (scale, want) in umk {
            assert_eq!(scale.is_umk(), want);
        }
    }

    #[test]
    fn quoted_date_is_accepted() {
        let text = super::super::RULES_TOML.replace("= 2026-10-17", "= \"2026-10-17\"");
        assert_eq!(Rules::from_toml(&text).unwrap(), rules());
    }

    #[test]
    fn rejects_bad_files() {
        let base = super::super::RULES_TOML;
        let cases = [
            (
                "kecil_max_omzet = 15_000_000_000",
                "kecil_max_omzet = 1_000_000_000",
                "kecil_max_omzet",
            ),
            (
                "menengah_max_modal = 10_000_000_000",
                "menengah_max_modal = 5_000_000_000",
                "menengah_max_modal",
            ),
            (
                "mikro_max_modal = 1_000_000_000",
                "mikro_max_modal = 0",
                "mikro_max_modal",
            ),
            ("version = \"2025.1\"", "version = \" \"", "version"),
            ("= 2026-10-17", "= 2026-10-17T10:00:00", "2026-10-17"),
            ("= 2026-10-17", "= \"17/10/2026\"", "17/10/2026"),
            ("version = \"2025.1\"", "versi = \"2025.1\"", "versi"),
            (
                "mikro_max_omzet = 2_000_000_000",
                "mikro_max_omzet = -1",
                "mikro_max_omzet",
            ),
        ];
        for (from, to, needle) in cases {
            let text = base.replacen(from, to, 1);
            assert_ne!(text, base, "{from:?} not found");
            let err = Rules::from_toml(&text).unwrap_err().to_string();
            assert!(err.starts_with(ORIGIN) && err.contains(needle), "{err}");
        }
    }
}
