//! Finding a place from what owners type: names, nicknames, "kab"/"kota", an address with
//! kecamatan and desa, or a typo. Certain answers come before guesses, and a guess is
//! returned as such so the flow can ask before keeping it.

mod index;
mod scan;
mod words;

pub(crate) use index::NameIndex;

use super::{RegionCode, RegionMatch, Regions};
use index::{Entry, Tier};
use scan::{Hit, scan};
use words::{Role, Word, words};

/// At most this many places are offered to pick from; more is no answer at all.
pub const MAX_OPTIONS: usize = 7;

/// Prefix searches on fewer letters than this offer too much.
const MIN_PREFIX_CHARS: usize = 3;

/// Typos allowed for a word this long: none below 4 letters, one up to 6, then two.
fn typos_allowed(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

impl Regions {
    /// The place an owner typed. `within = None` is the province question, where a
    /// kabupaten/kota typed straight away is also taken; `within = Some(province)` is the
    /// kabupaten/kota question, searched inside that province, and a place elsewhere is
    /// taken only when named exactly (the owner corrected the province).
    pub fn match_place(&self, input: &str, within: Option<&RegionCode>) -> RegionMatch {
        let words = words(input);
        let hits = scan(&words, &self.names);
        let search = Search {
            regions: self,
            words: &words,
            hits: &hits,
        };
        let found = match within.map(RegionCode::province) {
            None => search.anywhere(),
            Some(province) => search.inside(&province),
        };
        found.unwrap_or(RegionMatch::None)
    }
}

struct Search<'a> {
    regions: &'a Regions,
    words: &'a [Word],
    hits: &'a [Hit],
}

#[derive(Debug, Clone)]
struct Candidate {
    code: RegionCode,
    rank: (Tier, usize),
    sure: bool,
}

impl Search<'_> {
    /// The province question: a kab/kota named, else a province (with a kab/kota
    /// perhaps half-typed beside it), else the start of a name, else a typo.
    fn anywhere(&self) -> Option<RegionMatch> {
        let mentioned = self.mentioned_provinces(None);
        let in_mentioned = |code: &RegionCode| mentioned.contains(&code.province());
        let named = self.named_regencies(false, |_| true);
        let narrowed: Vec<Candidate> = named
            .iter()
            .filter(|c| in_mentioned(&c.code))
            .cloned()
            .collect();
        let named = if narrowed.is_empty() { named } else { narrowed };
        if let Some(found) = decide(named) {
            return Some(found);
        }
        if let [province] = mentioned.as_slice() {
            let in_it = |code: &RegionCode| !code.is_province() && code.province() == *province;
            return decide(self.starting_with(true, in_it))
                .or_else(|| decide(self.typos(in_it)))
                .or_else(|| Some(RegionMatch::One(province.clone())));
        }
        decide(sure(&mentioned))
            .or_else(|| decide(self.starting_with(false, |_| true)))
            .or_else(|| decide(self.typos_preferring_provinces()))
    }

    /// The kab/kota question inside `province`: a name inside, the start of a name inside,
    /// an exact place or province elsewhere, a typo inside.
    fn inside(&self, province: &RegionCode) -> Option<RegionMatch> {
        let in_it = |code: &RegionCode| !code.is_province() && code.province() == *province;
        decide(self.named_regencies(true, in_it))
            .or_else(|| decide(self.starting_with(false, in_it)))
            .or_else(|| self.elsewhere(province))
            .or_else(|| decide(self.typos(in_it)))
    }

    /// Only exact names count outside the province being asked about.
    fn elsewhere(&self, province: &RegionCode) -> Option<RegionMatch> {
        let mentioned = self.mentioned_provinces(Some(province));
        let outside = |code: &RegionCode| {
            code.province() != *province
                && (mentioned.is_empty() || mentioned.contains(&code.province()))
        };
        let named = self.named_regencies(false, outside);
        let exact = named
            .into_iter()
            .filter(|c| c.sure && c.rank.0 != Tier::Prefix);
        decide(exact.collect()).or_else(|| decide(sure(&mentioned)))
    }

    /// Provinces named in the answer, except `besides`.
    fn mentioned_provinces(&self, besides: Option<&RegionCode>) -> Vec<RegionCode> {
        let mut codes = Vec::new();
        for hit in self.hits.iter().filter(|h| h.hint.is_none()) {
            for e in hit.entries.iter().filter(|e| e.code.is_province()) {
                if Some(&e.code) != besides && !codes.contains(&e.code) {
                    codes.push(e.code.clone());
                }
            }
        }
        codes
    }

    /// Regencies named exactly. A word that is also a province ("jogja", "bengkulu") counts
    /// as the regency only when hinted ("kota jogja"), when `provinces_too` allows it and no
    /// other regency is named. Names outside a "kec"/"desa" part and hinted names are
    /// preferred, and a single plain name also offers the places it starts ("bandung" →
    /// Bandung Barat too).
    fn named_regencies(
        &self,
        provinces_too: bool,
        keep: impl Fn(&RegionCode) -> bool,
    ) -> Vec<Candidate> {
        let has_regency = |h: &&Hit| h.entries.iter().any(|e| keep(&e.code));
        let mut usable: Vec<&Hit> = self
            .hits
            .iter()
            .filter(has_regency)
            .filter(|h| h.hint.is_some() || !h.names_province())
            .collect();
        if usable.is_empty() && provinces_too {
            usable = self.hits.iter().filter(has_regency).collect();
        }
        if usable.iter().any(|h| !h.weak) {
            usable.retain(|h| !h.weak);
        }
        if usable.iter().any(|h| h.hint.is_some()) {
            usable.retain(|h| h.hint.is_some());
        }
        let mut found: Vec<Candidate> = Vec::new();
        for (position, hit) in usable.iter().enumerate() {
            let entries = hit.entries.iter().filter(|e| keep(&e.code));
            found.extend(entries.map(|e: &Entry| Candidate {
                code: e.code.clone(),
                rank: (e.tier, position),
                sure: hit.sure,
            }));
        }
        if let [hit] = usable.as_slice()
            && hit.hint.is_none()
        {
            let longer = self.regions.names.starting(&hit.key).iter();
            found.extend(longer.filter(|c| keep(c)).map(|code| Candidate {
                code: code.clone(),
                rank: (Tier::Prefix, 0),
                sure: true,
            }));
        }
        found
    }

    /// Places whose name starts with the typed words ("lombok", "sumba"); the most words
    /// that still start a name win.
    fn starting_with(
        &self,
        unclaimed_only: bool,
        keep: impl Fn(&RegionCode) -> bool,
    ) -> Vec<Candidate> {
        let mut best: (usize, Vec<Candidate>) = (0, Vec::new());
        for span in self.content_spans(unclaimed_only) {
            let key: String = self.words[span.clone()]
                .iter()
                .map(|w| w.text.as_str())
                .collect();
            if key.chars().count() < MIN_PREFIX_CHARS || span.len() < best.0 || self.goes_on(&span)
            {
                continue;
            }
            let hinted = self.words[span.start].hinted;
            let codes: Vec<Candidate> = self
                .regions
                .names
                .starting(&key)
                .iter()
                .filter(|c| keep(c) && hinted.is_none_or(|k| c.regency_kind() == Some(k)))
                .map(|code| Candidate {
                    code: code.clone(),
                    rank: (Tier::Prefix, 0),
                    sure: true,
                })
                .collect();
            if codes.is_empty() {
                continue;
            }
            if span.len() > best.0 {
                best = (span.len(), codes);
            } else {
                best.1.extend(codes);
            }
        }
        best.1
    }

    /// An unexplained word right after the span means the owner typed more than the start
    /// of a name ("jawa timr" is a typo of Jawa Timur, not any "jawa" province).
    fn goes_on(&self, span: &std::ops::Range<usize>) -> bool {
        self.words.get(span.end).is_some_and(|next| {
            next.part == self.words[span.start].part
                && next.role == Role::Content
                && !self.hits.iter().any(|h| h.covers(span.end))
        })
    }

    /// Names within a few typos of the typed words; never sure.
    fn typos(&self, keep: impl Fn(&RegionCode) -> bool) -> Vec<Candidate> {
        let mut best: Option<usize> = None;
        let mut found = Vec::new();
        for span in self.content_spans(true) {
            let query: String = self.words[span.clone()]
                .iter()
                .map(|w| w.text.as_str())
                .collect();
            let hinted = self.words[span.start].hinted;
            let query_chars = query.chars().count();
            for (key, entries) in self.regions.names.keys() {
                let key_chars = key.chars().count();
                let allowed = typos_allowed(query_chars.min(key_chars));
                if allowed == 0 || query_chars.abs_diff(key_chars) > allowed {
                    continue;
                }
                let distance = strsim::damerau_levenshtein(&query, key);
                if distance > allowed || best.is_some_and(|b| distance > b) {
                    continue;
                }
                let kind_fits = |c: &RegionCode| hinted.is_none_or(|k| c.regency_kind() == Some(k));
                let fitting: Vec<Candidate> = entries
                    .iter()
                    .filter(|e| keep(&e.code) && kind_fits(&e.code))
                    .map(|e| Candidate {
                        code: e.code.clone(),
                        rank: (e.tier, distance),
                        sure: false,
                    })
                    .collect();
                if fitting.is_empty() {
                    continue;
                }
                if best != Some(distance) {
                    found.clear();
                    best = Some(distance);
                }
                found.extend(fitting);
            }
        }
        found
    }

    /// At the province question a typo of a province ("bengkul") means the province, not the
    /// city of the same name.
    fn typos_preferring_provinces(&self) -> Vec<Candidate> {
        let found = self.typos(|_| true);
        if found.iter().any(|c| c.code.is_province()) {
            found.into_iter().filter(|c| c.code.is_province()).collect()
        } else {
            found
        }
    }

    /// Runs of place-like words inside one part of the answer, up to the longest name.
    fn content_spans(&self, unclaimed_only: bool) -> Vec<std::ops::Range<usize>> {
        let usable = |i: usize| {
            let w = &self.words[i];
            w.role == Role::Content && !(unclaimed_only && self.hits.iter().any(|h| h.covers(i)))
        };
        let mut spans = Vec::new();
        for start in (0..self.words.len()).filter(|&i| usable(i)) {
            let mut end = start;
            while end < self.words.len()
                && end - start < self.regions.names.max_words()
                && usable(end)
                && self.words[end].part == self.words[start].part
            {
                end += 1;
                spans.push(start..end);
            }
        }
        spans
    }
}

fn sure(codes: &[RegionCode]) -> Vec<Candidate> {
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| Candidate {
            code: code.clone(),
            rank: (Tier::Name, i),
            sure: true,
        })
        .collect()
}

/// Best first, each place once; `None` when nothing or too much was found, so the next
/// way of looking gets its turn.
fn decide(mut found: Vec<Candidate>) -> Option<RegionMatch> {
    found.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.code.cmp(&b.code)));
    let mut codes: Vec<RegionCode> = Vec::new();
    let mut all_sure = true;
    for c in found {
        if !codes.contains(&c.code) {
            all_sure &= c.sure;
            codes.push(c.code);
        }
    }
    match codes.len() {
        0 => None,
        1 if all_sure => Some(RegionMatch::One(codes.remove(0))),
        1 => Some(RegionMatch::Guess(codes.remove(0))),
        2..=MAX_OPTIONS => Some(RegionMatch::Many(codes)),
        _ => None,
    }
}
