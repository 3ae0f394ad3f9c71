//! Provinces and kabupaten/kota (Kepmendagri 2025), with forgiving name matching.

use super::ReferenceError;
use crate::parse::normalize;
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
    One(RegionCode),
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

    fn from_codes(mut codes: Vec<RegionCode>) -> Self {
        codes.sort();
        codes.dedup();
        match codes.len() {
            0 => Self::None,
            1 => Self::One(codes.remove(0)),
            _ => Self::Many(codes),
        }
    }
}

/// Both lists are sorted by code, which makes lookups a binary search.
#[derive(Debug, Clone)]
pub struct Regions {
    provinces: Vec<Province>,
    regencies: Vec<Regency>,
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
        Self {
            provinces,
            regencies,
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

    pub fn name_of(&self, code: &RegionCode) -> Option<&str> {
        if code.is_province() {
            self.province(code).map(|p| p.name.as_str())
        } else {
            self.regency(code).map(|r| r.name.as_str())
        }
    }
}

const PROVINCE_WORDS: &[&str] = &["provinsi", "propinsi", "prov"];

/// Kind hints people put before a regency name; longer hints first so that
/// "kota administrasi" is consumed whole.
const KIND_HINTS: &[(&str, RegencyKind)] = &[
    ("kabupaten administrasi", RegencyKind::Kabupaten),
    ("kab administrasi", RegencyKind::Kabupaten),
    ("kab adm", RegencyKind::Kabupaten),
    ("kabupaten", RegencyKind::Kabupaten),
    ("kab", RegencyKind::Kabupaten),
    ("kota administrasi", RegencyKind::Kota),
    ("kota adm", RegencyKind::Kota),
    ("kotamadya", RegencyKind::Kota),
    ("kodya", RegencyKind::Kota),
    ("kota", RegencyKind::Kota),
];

impl Regions {
    /// Matches a province by name or informal alias ("jatim", "jogja"), tolerating typos.
    pub fn match_province(&self, input: &str) -> RegionMatch {
        let normalized = normalize(input);
        let query = strip_leading_word(&normalized, PROVINCE_WORDS);
        let candidates = self.provinces.iter().flat_map(|p| {
            let names = std::iter::once(&p.name).chain(&p.aliases);
            names.map(move |n| (&p.code, normalize(n)))
        });
        best_match(query, candidates)
    }

    /// Matches a kabupaten/kota by its short name; a kind hint ("kab", "kota") narrows the
    /// search, and `within` restricts it to one province.
    pub fn match_regency(&self, input: &str, within: Option<&RegionCode>) -> RegionMatch {
        let normalized = normalize(input);
        let (kind, query) = split_kind_hint(&normalized);
        let candidates = self
            .regencies
            .iter()
            .filter(|r| kind.is_none_or(|k| r.kind == k))
            .filter(|r| within.is_none_or(|w| r.code.province() == w.province()))
            .flat_map(|r| {
                let names = std::iter::once(&r.short_name).chain(&r.aliases);
                names.map(move |n| (&r.code, normalize(n)))
            });
        best_match(query, candidates)
    }
}

fn strip_leading_word<'a>(text: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .find_map(|w| text.strip_prefix(w).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or(text)
}

fn split_kind_hint(text: &str) -> (Option<RegencyKind>, &str) {
    for &(hint, kind) in KIND_HINTS {
        if let Some(rest) = text.strip_prefix(hint).and_then(|r| r.strip_prefix(' ')) {
            return (Some(kind), rest);
        }
    }
    (None, text)
}

/// Exact names win outright; otherwise every candidate at the smallest allowed
/// Damerau-Levenshtein distance is returned, so ambiguity is surfaced, not guessed.
fn best_match<'a>(
    query: &str,
    candidates: impl Iterator<Item = (&'a RegionCode, String)>,
) -> RegionMatch {
    if query.is_empty() {
        return RegionMatch::None;
    }
    let mut best: Option<usize> = None;
    let mut codes = Vec::new();
    for (code, name) in candidates {
        let distance = strsim::damerau_levenshtein(query, &name);
        let allowed = if name.chars().count() <= 6 { 1 } else { 2 };
        if distance > allowed || best.is_some_and(|b| distance > b) {
            continue;
        }
        if best != Some(distance) {
            codes.clear();
            best = Some(distance);
        }
        codes.push(code.clone());
    }
    RegionMatch::from_codes(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Regions {
        Regions::from_tsv(super::super::REGIONS_TSV).unwrap()
    }

    fn code(text: &str) -> RegionCode {
        RegionCode::parse(text).unwrap()
    }

    fn one(text: &str) -> RegionMatch {
        RegionMatch::One(code(text))
    }

    fn many(texts: &[&str]) -> RegionMatch {
        RegionMatch::Many(texts.iter().map(|t| code(t)).collect())
    }

    #[test]
    fn embedded_counts() {
        let r = regions();
        let count = |kind| r.regencies().iter().filter(|g| g.kind == kind).count();
        assert_eq!(r.provinces().len(), 38);
        assert_eq!(r.regencies().len(), 514);
        assert_eq!(count(RegencyKind::Kabupaten), 416);
        assert_eq!(count(RegencyKind::Kota), 98);
        let provinces = r.provinces().iter().map(|p| &p.code);
        for c in provinces.chain(r.regencies().iter().map(|g| &g.code)) {
            assert_eq!(RegionCode::parse(c.as_str()).as_ref(), Ok(c));
        }
        assert!(r.regencies().iter().all(|g| g.name.trim() == g.name));
        assert!(r.regencies().windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn region_codes() {
        let cases = [
            ("35", true, Some("35"), None),
            ("35.78", true, Some("35"), Some(RegencyKind::Kota)),
            ("52.02", true, Some("52"), Some(RegencyKind::Kabupaten)),
            ("31.70", true, Some("31"), None),
            ("3", false, None, None),
            ("35.7", false, None, None),
            ("35.78.01", false, None, None),
            ("3a", false, None, None),
            ("35-78", false, None, None),
            ("", false, None, None),
        ];
        for (text, valid, province, kind) in cases {
            let parsed = RegionCode::parse(text);
            assert_eq!(parsed.is_ok(), valid, "{text:?}");
            if let Ok(c) = parsed {
                assert_eq!(Some(c.province().as_str()), province);
                assert_eq!(c.regency_kind(), kind, "{text:?}");
                assert_eq!(c.is_province(), text.len() == 2);
            }
        }
    }

    #[test]
    fn lookups() {
        let r = regions();
        assert_eq!(r.name_of(&code("35")), Some("Jawa Timur"));
        assert_eq!(
            r.name_of(&code("31.72")),
            Some("Kota Administrasi Jakarta Utara")
        );
        assert_eq!(r.name_of(&code("99")), None);
        let lombok = r.regency(&code("52.02")).unwrap();
        assert_eq!(
            (lombok.name.as_str(), lombok.short_name.as_str()),
            ("Kabupaten Lombok Tengah", "Lombok Tengah")
        );
        assert_eq!(
            r.regency(&code("31.74")).unwrap().short_name,
            "Jakarta Selatan"
        );
        assert_eq!(r.province(&code("34")).unwrap().aliases[1], "jogja");
        let jatim = r.regencies_of(&code("35"));
        assert_eq!(jatim.len(), 38);
        assert!(jatim.iter().all(|g| g.code.province() == code("35")));
        assert!(r.regencies_of(&code("35.78")).is_empty());
    }

    #[test]
    fn matches_provinces() {
        let r = regions();
        let cases = [
            ("jatim", one("35")),
            ("jawa timur", one("35")),
            ("Jawa  Timur.", one("35")),
            ("jawa timr", one("35")),
            ("Provinsi Jawa Timur", one("35")),
            ("prov. jatim", one("35")),
            ("jakarta", one("31")),
            ("DKI Jakarta", one("31")),
            ("jogja", one("34")),
            ("NTB", one("52")),
            ("riau", one("14")),
            ("kepri", one("21")),
            ("bangka belitung", one("19")),
            ("papua", one("91")),
            ("papua barat daya", one("96")),
            ("nts", many(&["52", "53"])),
            ("xyzzy", RegionMatch::None),
            ("", RegionMatch::None),
        ];
        for (input, want) in cases {
            assert_eq!(r.match_province(input), want, "input {input:?}");
        }
    }

    #[test]
    fn matches_regencies() {
        let r = regions();
        let jatim = code("35");
        let cases = [
            ("lombok tengah", None, one("52.02")),
            ("Kab. Serang", None, one("36.04")),
            ("kota serang", None, one("36.73")),
            ("serang", None, many(&["36.04", "36.73"])),
            ("kota surabaya", None, one("35.78")),
            ("surabaya", None, one("35.78")),
            ("surabya", None, one("35.78")),
            ("solo", None, one("33.72")),
            ("loteng", None, one("52.02")),
            ("jaksel", None, one("31.74")),
            ("tangsel", None, one("36.74")),
            ("kab surabaya", None, RegionMatch::None),
            ("jakarta selatan", None, one("31.74")),
            ("Kota Adm. Jakarta Selatan", None, one("31.74")),
            ("kepulauan seribu", None, one("31.01")),
            ("bandung", None, many(&["32.04", "32.73"])),
            ("kotamobagu", None, one("71.74")),
            ("kotabaru", None, one("63.02")),
            ("kodya malang", None, one("35.73")),
            ("kediri", Some(&jatim), many(&["35.06", "35.71"])),
            ("kab kediri", Some(&jatim), one("35.06")),
            ("bandung", Some(&jatim), RegionMatch::None),
            ("serang", Some(&jatim), RegionMatch::None),
            ("xyzzy", None, RegionMatch::None),
            ("kota", None, RegionMatch::None),
        ];
        for (input, within, want) in cases {
            assert_eq!(
                r.match_regency(input, within),
                want,
                "input {input:?} within {within:?}"
            );
        }
    }

    #[test]
    fn rejects_bad_tsv() {
        let cases = [
            ("11\tAceh\n11\tAceh\n", 2, "duplicate code 11"),
            ("1x\tAceh\n", 1, "invalid region code"),
            (
                "11\tAceh\n12.01\tKabupaten Nias\n",
                2,
                "province 12 is not listed",
            ),
            (
                "11\tAceh\n11.71\tKabupaten Banda\n",
                2,
                "does not start with",
            ),
            ("11\tAceh\n11.70\tKota Banda\n", 2, "01-69"),
            ("# c\n\n11\n", 3, "2 or 3 tab-separated columns"),
            ("11\t \n", 1, "empty name"),
        ];
        for (text, line, needle) in cases {
            match Regions::from_tsv(text) {
                Err(ReferenceError::Line {
                    origin,
                    line: got,
                    problem,
                }) => {
                    assert_eq!((origin.as_str(), got), (ORIGIN, line), "{text:?}");
                    assert!(problem.contains(needle), "{problem}");
                }
                other => panic!("{text:?}: unexpected {other:?}"),
            }
        }
    }
}
