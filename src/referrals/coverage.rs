//! Where a consultant works: kab/kota codes, province codes, or the whole country.

use crate::reference::RegionCode;
use std::fmt;

/// How closely a coverage entry fits a region; a closer fit is chosen first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Specificity {
    National,
    Province,
    Regency,
}

/// The wire form of national coverage.
pub const NATIONAL: &str = "ID";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    national: bool,
    codes: Vec<RegionCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("coverage {0:?}: expected region codes like 52.02 or 52, or ID for the whole country")]
pub struct InvalidCoverage(pub String);

impl Coverage {
    /// Space- or comma-separated codes: `52.02`, `52`, `ID`.
    pub fn parse(text: &str) -> Result<Self, InvalidCoverage> {
        let mut out = Self::default();
        for part in text.split([' ', ',']).filter(|p| !p.is_empty()) {
            if part.eq_ignore_ascii_case(NATIONAL) || part.eq_ignore_ascii_case("nasional") {
                out.national = true;
            } else {
                let code = RegionCode::parse(part).map_err(|_| InvalidCoverage(part.into()))?;
                if !out.codes.contains(&code) {
                    out.codes.push(code);
                }
            }
        }
        Ok(out)
    }

    pub fn is_empty(&self) -> bool {
        !self.national && self.codes.is_empty()
    }

    /// The regions named, nationwide aside.
    pub fn regions(&self) -> &[RegionCode] {
        &self.codes
    }

    /// The closest fit of this coverage to a lead's region, if it covers it at all.
    pub fn covers(&self, region: &RegionCode) -> Option<Specificity> {
        let fits = |code: &RegionCode| {
            if code == region {
                Some(if code.is_province() {
                    Specificity::Province
                } else {
                    Specificity::Regency
                })
            } else if code.is_province() && region.province() == *code {
                Some(Specificity::Province)
            } else {
                None
            }
        };
        let best = self.codes.iter().filter_map(fits).max();
        best.or(self.national.then_some(Specificity::National))
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<&str> = self.codes.iter().map(RegionCode::as_str).collect();
        if self.national {
            parts.push(NATIONAL);
        }
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap()
    }

    #[test]
    fn the_closest_entry_decides() {
        let c = Coverage::parse("52 52.02").unwrap();
        assert_eq!(c.covers(&code("52.02")), Some(Specificity::Regency));
        assert_eq!(c.covers(&code("52.01")), Some(Specificity::Province));
        assert_eq!(c.covers(&code("35.07")), None);
        let national = Coverage::parse("ID").unwrap();
        assert_eq!(national.covers(&code("35.07")), Some(Specificity::National));
        assert_eq!(
            Coverage::parse("52.02, ID").unwrap().covers(&code("52.02")),
            Some(Specificity::Regency)
        );
    }

    #[test]
    fn a_regency_does_not_cover_its_province_or_neighbours() {
        let c = Coverage::parse("52.02").unwrap();
        assert_eq!(c.covers(&code("52")), None);
        assert_eq!(c.covers(&code("52.03")), None);
    }

    #[test]
    fn bad_codes_are_refused_and_text_round_trips() {
        assert!(Coverage::parse("Lombok").is_err());
        assert!(Coverage::parse("").unwrap().is_empty());
        let c = Coverage::parse("52.02 52 id").unwrap();
        assert_eq!(c.to_string(), "52.02 52 ID");
        assert_eq!(Coverage::parse(&c.to_string()).unwrap(), c);
    }
}
