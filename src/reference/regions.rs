//! Provinces and kabupaten/kota (Kepmendagri 2025), with forgiving name matching.

use super::ReferenceError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

const ORIGIN: &str = "regions.tsv";

/// "NN" (province) or "NN.NN" (kabupaten/kota), kept as text because codes are labels,
/// not numbers ("32.73" must never become 32.73f).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid region code {0:?}: expected NN or NN.NN")]
pub struct InvalidRegionCode(pub String);

impl RegionCode {
    pub fn parse(text: &str) -> Result<Self, InvalidRegionCode> {
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        let valid = match text.split_once('.') {
            None => two_digits(text),
            Some((province, regency)) => two_digits(province) && two_digits(regency),
        };
        if valid {
            Ok(Self(text.to_string()))
        } else {
            Err(InvalidRegionCode(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_province(&self) -> bool {
        self.0.len() == 2
    }

    /// This region is `area` or lies inside it (a kab/kota of that province).
    pub fn within(&self, area: &RegionCode) -> bool {
        self.0 == area.0 || (area.is_province() && self.0.starts_with(&format!("{}.", area.0)))
    }

    /// The province this code belongs to (itself for a province code).
    pub fn province(&self) -> RegionCode {
        Self(self.0[..2].to_string())
    }

    /// Kabupaten are numbered 01–69 and kota 71–99; anything else is not a regency.
    pub fn regency_kind(&self) -> Option<RegencyKind> {
        let number: u8 = self.0.get(3..)?.parse().ok()?;
        match number {
            1..=69 => Some(RegencyKind::Kabupaten),
            71..=99 => Some(RegencyKind::Kota),
            _ => None,
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for RegionCode {
    type Err = InvalidRegionCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for RegionCode {
    type Error = InvalidRegionCode;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<RegionCode> for String {
    fn from(code: RegionCode) -> Self {
        code.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegencyKind {
    Kabupaten,
    Kota,
}

impl RegencyKind {
    /// Official name prefixes, longest first so "Kota Administrasi" is stripped whole.
    fn name_prefixes(self) -> &'static [&'static str] {
        match self {
            Self::Kabupaten => &["Kabupaten Administrasi ", "Kabupaten "],
            Self::Kota => &["Kota Administrasi ", "Kota "],
        }
    }

    fn short_name(self, name: &str) -> Option<&str> {
        self.name_prefixes()
            .iter()
            .find_map(|p| name.strip_prefix(p))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    pub code: RegionCode,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regency {
    pub code: RegionCode,
    /// Official name, e.g. "Kabupaten Lombok Tengah".
    pub name: String,
    /// Name without the kind prefix, e.g. "Lombok Tengah"; what people actually type.
    pub short_name: String,
    pub kind: RegencyKind,
    /// What locals call it: "solo" for Surakarta, "loteng" for Lombok Tengah.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionMatch {
    None,
    /// Named exactly, or by a known alias.
    One(RegionCode),
    /// Close to a name but not exact (a typo, or "kota" before a kabupaten): ask first.
    Guess(RegionCode),
    /// Several places fit, most likely first; at most [`MAX_OPTIONS`].
    Many(Vec<RegionCode>),
}

impl RegionMatch {
    /// This match, or when nothing was found, the next way of looking.
    pub fn or_else(self, next: impl FnOnce() -> Self) -> Self {
        match self {
            Self::None => next(),
            found => found,
        }
    }
}

/// Both lists are sorted by code, which makes lookups a binary search.
#[derive(Debug, Clone)]
pub struct Regions {
    provinces: Vec<Province>,
    regencies: Vec<Regency>,
    names: NameIndex,
}

enum Row {
    Province(Province),
    Regency(Regency),
}

impl Regions {
    /// Parses `code<TAB>name[<TAB>aliases]` rows; `#` lines and blank lines are skipped.
    pub fn from_tsv(text: &str) -> Result<Regions, ReferenceError> {
        let line_error = |line: usize, problem: String| ReferenceError::Line {
            origin: ORIGIN.to_string(),
            line,
            problem,
        };
        let mut seen: HashMap<RegionCode, usize> = HashMap::new();
        let (mut provinces, mut regencies) = (Vec::new(), Vec::new());
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let raw = raw.trim_end_matches('\r');
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let row = parse_row(raw).map_err(|p| line_error(line, p))?;
            let code = match &row {
                Row::Province(p) => p.code.clone(),
                Row::Regency(r) => r.code.clone(),
            };
            if let Some(first) = seen.insert(code.clone(), line) {
                return Err(line_error(
                    line,
                    format!("duplicate code {code} (first on line {first})"),
                ));
            }
            match row {
                Row::Province(p) => provinces.push(p),
                Row::Regency(r) => regencies.push((line, r)),
            }
        }
        check_parents(&regencies, &seen).map_err(|(line, p)| line_error(line, p))?;
        Ok(Self::sorted(
            provinces,
            regencies.into_iter().map(|(_, r)| r).collect(),
        ))
    }

    fn sorted(mut provinces: Vec<Province>, mut regencies: Vec<Regency>) -> Self {
        provinces.sort_by(|a, b| a.code.cmp(&b.code));
        regencies.sort_by(|a, b| a.code.cmp(&b.code));
        let names = NameIndex::build(&provinces, &regencies);
        Self {
            provinces,
            regencies,
            names,
        }
    }
}

fn parse_row(raw: &str) -> Result<Row, String> {
    let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
    let (code, name, aliases) = match fields.as_slice() {
        [code, name] => (*code, *name, ""),
        [code, name, aliases] => (*code, *name, *aliases),
        _ => {
            return Err(format!(
                "expected 2 or 3 tab-separated columns, found {}",
                fields.len()
            ));
        }
    };
    let code = RegionCode::parse(code).map_err(|e| e.to_string())?;
    if name.is_empty() {
        return Err(format!("code {code} has an empty name"));
    }
    if code.is_province() {
        return Ok(Row::Province(Province {
            code,
            name: name.to_string(),
            aliases: split_aliases(aliases),
        }));
    }
    let mut regency = parse_regency(code, name)?;
    regency.aliases = split_aliases(aliases);
    Ok(Row::Regency(regency))
}

fn split_aliases(aliases: &str) -> Vec<String> {
    aliases
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// The code's number range and the name's prefix must agree on kabupaten vs kota.
fn parse_regency(code: RegionCode, name: &str) -> Result<Regency, String> {
    let kind = code.regency_kind().ok_or_else(|| {
        format!("regency code {code}: number must be 01-69 (kabupaten) or 71-99 (kota)")
    })?;
    let short_name = kind.short_name(name).ok_or_else(|| {
        format!(
            "{code} is a {kind:?} code but the name {name:?} does not start with {:?}",
            kind.name_prefixes()[1].trim()
        )
    })?;
    Ok(Regency {
        code,
        name: name.to_string(),
        short_name: short_name.to_string(),
        kind,
        aliases: Vec::new(),
    })
}

fn check_parents(
    regencies: &[(usize, Regency)],
    seen: &HashMap<RegionCode, usize>,
) -> Result<(), (usize, String)> {
    for (line, regency) in regencies {
        let province = regency.code.province();
        if !seen.contains_key(&province) {
            return Err((
                *line,
                format!("{}: province {province} is not listed", regency.code),
            ));
        }
    }
    Ok(())
}

impl Regions {
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn regencies(&self) -> &[Regency] {
        &self.regencies
    }

    /// Kabupaten/kota of a province, by code; empty for unknown or non-province codes.
    pub fn regencies_of(&self, province: &RegionCode) -> Vec<&Regency> {
        self.regencies
            .iter()
            .filter(|r| province.is_province() && r.code.province() == *province)
            .collect()
    }

    pub fn province(&self, code: &RegionCode) -> Option<&Province> {
        let index = self.provinces.binary_search_by(|p| p.code.cmp(code)).ok()?;
        Some(&self.provinces[index])
    }

    pub fn regency(&self, code: &RegionCode) -> Option<&Regency> {
        let index = self.regencies.binary_search_by(|r| r.code.cmp(code)).ok()?;
        Some(&self.regencies[index])
    }

    /// The name of a code as stored (a lead's `region_code`); None when it is not one.
    pub fn name_of_text(&self, code: &str) -> Option<&str> {
        self.name_of(&RegionCode::parse(code).ok()?)
    }

    pub fn name_of(&self, code: &RegionCode) -> Option<&str> {
        if code.is_province() {
            self.province(code).map(|p| p.name.as_str())
        } else {
            self.regency(code).map(|r| r.name.as_str())
        }
    }
}

mod matching;

pub use matching::MAX_OPTIONS;
use matching::NameIndex;

#[cfg(test)]
mod tests;
