//! The word lists in `lexicon.toml`, parsed and checked once.

use super::text::normalize;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

const SOURCE: &str = include_str!("lexicon.toml");

/// Canonical form → its variants, as written in one section of the file.
type Section = BTreeMap<String, Vec<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    emoji: Section,
    fillers: Fillers,
    pub(super) words: BTreeMap<String, Section>,
    vocabulary: Vocabulary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fillers {
    particles: Vec<String>,
    address: Vec<String>,
    address_at_start: Vec<String>,
    trailing: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vocabulary {
    words: Vec<String>,
}

/// The lexicon in the shapes the matchers need.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Variant (as normalized words) → canonical form.
    phrases: HashMap<Vec<String>, String>,
    longest_phrase: usize,
    /// Every word the lexicon knows, so stretched spellings can be folded onto one.
    known: HashSet<String>,
    pub(super) particles: HashSet<String>,
    pub(super) address: HashSet<String>,
    pub(super) address_at_start: HashSet<String>,
    pub(super) trailing: HashSet<String>,
    /// One emoji character (modifiers removed) → the word it stands for.
    emoji: HashMap<char, String>,
}

pub(super) static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::build(&raw()).unwrap_or_else(|e| panic!("lexicon.toml: {e}")));

/// The file as written, for tests that walk every entry.
pub(super) fn raw() -> File {
    toml::from_str(SOURCE).unwrap_or_else(|e| panic!("lexicon.toml: {e}"))
}

/// Skin tones, variation selectors and joiners change how an emoji looks, not what it means.
pub(super) fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0x200D | 0x2640 | 0x2642 | 0x20E3)
}

impl Lexicon {
    fn build(file: &File) -> Result<Self, String> {
        let mut phrases = HashMap::new();
        let mut canonical_words = HashSet::new();
        for (section, entries) in &file.words {
            for (canonical, variants) in entries {
                canonical_words.extend(words(canonical));
                for variant in variants {
                    let key = words(variant);
                    if key.is_empty() {
                        return Err(format!("[words.{section}] {canonical}: empty variant"));
                    }
                    if phrases.insert(key, normalize(canonical)).is_some() {
                        return Err(format!("{variant:?} is listed twice"));
                    }
                }
            }
        }
        let set = |list: &[String]| list.iter().map(|w| normalize(w)).collect::<HashSet<_>>();
        let f = &file.fillers;
        let (particles, address) = (set(&f.particles), set(&f.address));
        let (address_at_start, trailing) = (set(&f.address_at_start), set(&f.trailing));
        let fillers: Vec<&String> = particles
            .iter()
            .chain(&address)
            .chain(&address_at_start)
            .collect();
        if let Some(chain) = canonical_words
            .iter()
            .find(|w| phrases.contains_key(&vec![w.to_string()]))
        {
            return Err(format!("canonical word {chain:?} is also a variant"));
        }
        if let Some(filler) = fillers
            .iter()
            .find(|w| phrases.contains_key(&vec![w.to_string()]))
        {
            return Err(format!("filler {filler:?} is also a variant"));
        }
        let mut known: HashSet<String> = phrases.keys().flatten().cloned().collect();
        known.extend(canonical_words);
        known.extend(fillers.into_iter().cloned());
        known.extend(trailing.iter().cloned());
        known.extend(file.vocabulary.words.iter().flat_map(|w| words(w)));
        Ok(Lexicon {
            longest_phrase: phrases.keys().map(Vec::len).max().unwrap_or(1),
            phrases,
            known,
            particles,
            address,
            address_at_start,
            trailing,
            emoji: emoji_table(&file.emoji)?,
        })
    }

    pub(super) fn is_known(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    pub(super) fn emoji(&self, c: char) -> Option<&str> {
        self.emoji.get(&c).map(String::as_str)
    }

    /// Replaces every listed variant by its canonical form, longest phrase first.
    pub(super) fn rewrite(&self, tokens: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            let longest = self.longest_phrase.min(tokens.len() - i);
            let hit = (1..=longest)
                .rev()
                .find_map(|n| self.phrases.get(&tokens[i..i + n]).map(|c| (n, c)));
            match hit {
                Some((n, canonical)) => {
                    out.extend(canonical.split(' ').map(str::to_string));
                    i += n;
                }
                None => {
                    out.push(tokens[i].clone());
                    i += 1;
                }
            }
        }
        out
    }
}

/// Every (emoji, word) pair as written, for tests.
#[cfg(test)]
pub(super) fn emoji_entries(file: &File) -> Vec<(String, String)> {
    let pairs = file.emoji.iter();
    pairs
        .flat_map(|(word, list)| list.iter().map(move |e| (e.clone(), word.clone())))
        .collect()
}

fn words(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn emoji_table(section: &Section) -> Result<HashMap<char, String>, String> {
    let mut table = HashMap::new();
    for (word, emoji) in section {
        for e in emoji {
            let mut chars = e.chars().filter(|&c| !is_emoji_modifier(c));
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return Err(format!("emoji {e:?} must be one character"));
            };
            if table.insert(c, normalize(word)).is_some() {
                return Err(format!("emoji {e:?} is listed twice"));
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_is_consistent() {
        let lexicon = &*LEXICON;
        assert!(lexicon.phrases.len() > 150, "{}", lexicon.phrases.len());
        assert!(lexicon.is_known("sudah") && lexicon.is_known("udh") && lexicon.is_known("kak"));
    }

    #[test]
    fn rejects_a_variant_listed_twice() {
        let mut file = raw();
        file.words
            .entry("test".into())
            .or_default()
            .insert("belum".into(), vec!["udh".into()]);
        assert!(Lexicon::build(&file).unwrap_err().contains("udh"));
    }

    #[test]
    fn rejects_chains() {
        let mut file = raw();
        let test = file.words.entry("test".into()).or_default();
        test.insert("udh".into(), vec!["udhh".into()]);
        assert!(Lexicon::build(&file).unwrap_err().contains("udh"));
    }

    #[test]
    fn rejects_a_filler_that_is_a_variant() {
        let mut file = raw();
        file.fillers.particles.push("gk".into());
        assert!(Lexicon::build(&file).unwrap_err().contains("gk"));
    }
}
