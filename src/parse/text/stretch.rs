//! Stretched spellings ("iyaaa", "sudahhh") and laughter ("wkwkwk", "hahaha").

use crate::parse::lexicon::LEXICON;

/// More runs than this are not worth trying every combination of (2^n candidates).
const MAX_RUNS: usize = 6;

/// Folds a stretched word onto the word it stretches: each run of a repeated letter becomes
/// one or two letters, preferring the shortest result the lexicon knows ("gaaak" → "gak",
/// "maaf" stays). Unknown words only lose runs of three or more ("mantaaap" → "mantap").
pub(crate) fn destretch(word: &str) -> String {
    if LEXICON.is_known(word) || word.chars().any(|c| !c.is_alphabetic()) {
        return word.to_string();
    }
    let runs = runs(word);
    if runs.iter().all(|&(_, n)| n == 1) {
        return word.to_string();
    }
    let stretched = runs.iter().filter(|&&(_, n)| n > 1).count();
    if stretched <= MAX_RUNS {
        let mut candidates: Vec<String> = (0..1u32 << stretched)
            .map(|mask| build(&runs, mask))
            .filter(|c| LEXICON.is_known(c))
            .collect();
        candidates.sort_by_key(String::len);
        if let Some(best) = candidates.into_iter().next() {
            return best;
        }
    }
    runs.iter()
        .map(|&(c, n)| c.to_string().repeat(if n >= 3 { 1 } else { n }))
        .collect()
}

/// "hahaha", "hehe", "wkwkwk", "xixixi": a laugh, which never answers anything.
pub(crate) fn is_laughter(word: &str) -> bool {
    let squeezed = squeeze(word);
    if squeezed.len() < 4 {
        return false;
    }
    let only = |set: &str| squeezed.chars().all(|c| set.contains(c));
    let alternates = |a: char, vowels: &str| {
        squeezed.chars().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c == a
            } else {
                vowels.contains(c)
            }
        })
    };
    (only("wk") && squeezed.contains('w') && squeezed.contains('k'))
        || alternates('h', "aei")
        || alternates('x', "i")
}

/// Every run collapsed to one letter: "nggak" and "ngak" compare equal.
pub(crate) fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn runs(word: &str) -> Vec<(char, usize)> {
    let mut runs: Vec<(char, usize)> = Vec::new();
    for c in word.chars() {
        match runs.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => runs.push((c, 1)),
        }
    }
    runs
}

/// Bit i of `mask` keeps two letters of the i-th stretched run instead of one.
fn build(runs: &[(char, usize)], mask: u32) -> String {
    let mut out = String::new();
    let mut bit = 0;
    for &(c, n) in runs {
        let keep = if n == 1 {
            1
        } else {
            bit += 1;
            if mask & (1 << (bit - 1)) != 0 { 2 } else { 1 }
        };
        out.extend(std::iter::repeat_n(c, keep));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_stretched_words() {
        let cases = [
            ("iyaaa", "iya"),
            ("gaaak", "gak"),
            ("sudahhh", "sudah"),
            ("sudahh", "sudah"),
            ("okeee", "oke"),
            ("siapp", "siap"),
            ("nggaaak", "ngak"),
            ("maaf", "maaf"),
            ("saat", "saat"),
            ("mantaaap", "mantap"),
            ("tinggi", "tinggi"),
            ("5000", "5000"),
            ("hmmmm", "hm"),
        ];
        for (input, want) in cases {
            assert_eq!(destretch(input), want, "input {input:?}");
        }
    }

    #[test]
    fn recognises_laughter() {
        for laugh in [
            "hahaha", "hehe", "wkwkwk", "wkwkw", "hihihi", "xixixi", "hahahaa",
        ] {
            assert!(is_laughter(laugh), "{laugh:?}");
        }
        for word in ["haha1", "hai", "hah", "wkw", "hemat", "kaka"] {
            assert!(!is_laughter(word), "{word:?}");
        }
    }
}
