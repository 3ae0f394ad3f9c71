//! Every way a place is written, keyed without spaces so that "labuhan batu" and
//! "Labuhanbatu", or "pare-pare" and "Parepare", meet.

use super::super::{Province, Regency, RegionCode};
use crate::parse::normalize;
use std::collections::HashMap;

/// How a name was found; lower is more likely what the owner meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    Name,
    Alias,
    /// The typed words are only the first words of the name ("sumba" for Sumba Timur).
    Prefix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub code: RegionCode,
    pub tier: Tier,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    exact: HashMap<String, Vec<Entry>>,
    /// Leading whole words of names, e.g. "sumba" and "sumbabarat" for Sumba Barat Daya.
    starts: HashMap<String, Vec<RegionCode>>,
    max_words: usize,
}

/// Abbreviations people and the official list both use, spelled out so both agree.
pub(crate) fn expand(word: &str) -> &str {
    match word {
        "kep" => "kepulauan",
        "tj" | "tg" => "tanjung",
        other => other,
    }
}

/// Normalised, expanded words of a name.
pub(crate) fn words_of(name: &str) -> Vec<String> {
    normalize(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| expand(w).to_string())
        .collect()
}

impl NameIndex {
    pub(crate) fn build(provinces: &[Province], regencies: &[Regency]) -> Self {
        let mut index = Self::default();
        for p in provinces {
            index.add(&p.code, &p.name, &p.aliases);
        }
        for r in regencies {
            index.add(&r.code, &r.short_name, &r.aliases);
        }
        index
    }

    fn add(&mut self, code: &RegionCode, name: &str, aliases: &[String]) {
        let names = std::iter::once((name, Tier::Name))
            .chain(aliases.iter().map(|a| (a.as_str(), Tier::Alias)));
        for (text, tier) in names {
            let words = words_of(text);
            if words.is_empty() {
                continue;
            }
            self.max_words = self.max_words.max(words.len());
            let entries = self.exact.entry(words.concat()).or_default();
            if !entries.iter().any(|e| e.code == *code) {
                entries.push(Entry {
                    code: code.clone(),
                    tier,
                });
            }
            if tier == Tier::Name {
                for end in 1..words.len() {
                    let starts = self.starts.entry(words[..end].concat()).or_default();
                    starts.push(code.clone());
                }
            }
        }
    }

    /// Places whose name or alias is exactly this key.
    pub(crate) fn exact(&self, key: &str) -> &[Entry] {
        self.exact.get(key).map_or(&[], Vec::as_slice)
    }

    /// Places whose official name starts with these whole words and goes on.
    pub(crate) fn starting(&self, key: &str) -> &[RegionCode] {
        self.starts.get(key).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = (&str, &[Entry])> {
        self.exact.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The most words any name has, which bounds the spans worth looking up.
    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }
}
