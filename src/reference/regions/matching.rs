//! Finding a place from what people type: names, informal aliases, kind hints, typos.

use super::{RegencyKind, RegionCode, RegionMatch, Regions};
use crate::parse::normalize;

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
