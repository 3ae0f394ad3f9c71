//! Reads the answer left to right and picks out every exact name in it, longest first,
//! so "lombok tengah" is one place and not "lombok" plus "tengah".

use super::super::{RegencyKind, RegionCode};
use super::index::{Entry, NameIndex};
use super::words::{Role, Word};

/// An exact name found in the answer.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    /// The name's words without spaces, as the index keys it.
    pub key: String,
    pub entries: Vec<Entry>,
    /// The kind the owner put before it ("kab", "kota").
    pub hint: Option<RegencyKind>,
    /// False when the hint contradicts the name ("kota garut": Garut is a kabupaten).
    pub sure: bool,
    /// Inside a "kec"/"desa" part.
    pub weak: bool,
}

impl Hit {
    pub fn covers(&self, word: usize) -> bool {
        (self.start..self.end).contains(&word)
    }

    pub fn names_province(&self) -> bool {
        self.entries.iter().any(|e| e.code.is_province())
    }
}

pub(super) fn scan(words: &[Word], index: &NameIndex) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let next = match words[i].role {
            Role::Subdistrict => None,
            Role::ProvinceWord => longest(words, i + 1, index, RegionCode::is_province),
            Role::Hint { kind, len } => hinted(words, i, len, kind, index),
            _ => longest(words, i, index, |_| true),
        };
        match next {
            Some(hit) => {
                i = hit.end;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// "kota X": a kota named X; else a name that starts with the hint word ("kota baru" is
/// Kotabaru); else a kabupaten named X, kept as unsure.
fn hinted(
    words: &[Word],
    at: usize,
    len: usize,
    kind: RegencyKind,
    index: &NameIndex,
) -> Option<Hit> {
    let of_kind = |k: RegencyKind| move |c: &RegionCode| c.regency_kind() == Some(k);
    if let Some(mut hit) = longest(words, at + len, index, of_kind(kind)) {
        hit.hint = Some(kind);
        return Some(hit);
    }
    if let Some(hit) = longest(words, at, index, |_| true) {
        return Some(hit);
    }
    let other = match kind {
        RegencyKind::Kabupaten => RegencyKind::Kota,
        RegencyKind::Kota => RegencyKind::Kabupaten,
    };
    let mut hit = longest(words, at + len, index, of_kind(other))?;
    hit.hint = Some(kind);
    hit.sure = false;
    Some(hit)
}

/// The longest run of words from `start` that is a name of a place passing `keep`.
fn longest(
    words: &[Word],
    start: usize,
    index: &NameIndex,
    keep: impl Fn(&RegionCode) -> bool,
) -> Option<Hit> {
    let first = words.get(start)?;
    let mut end = start;
    while end < words.len()
        && end - start < index.max_words()
        && words[end].part == first.part
        && words[end].role != Role::Subdistrict
    {
        end += 1;
    }
    (start + 1..=end).rev().find_map(|end| {
        let span = &words[start..end];
        let key: String = span.iter().map(|w| w.text.as_str()).collect();
        let entries: Vec<Entry> = index
            .exact(&key)
            .iter()
            .filter(|e| keep(&e.code))
            .cloned()
            .collect();
        (!entries.is_empty()).then(|| Hit {
            start,
            end,
            key,
            entries,
            hint: None,
            sure: true,
            weak: span.iter().any(|w| w.weak),
        })
    })
}
