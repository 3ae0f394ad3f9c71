//! Does a free-text answer name one of a few words ("pakai mesin", "dapur rumah")?

use super::text::canonical;
use super::text::stretch::squeeze;

/// Words that turn the next one around: "tanpa mesin", "bukan rendah".
const NEGATORS: &[&str] = &["tidak", "belum", "bukan", "tanpa", "non"];

/// Light words that may stand between a negator and the word: "tidak pakai mesin",
/// "belum ada P-IRT".
const LINKS: &[&str] = &[
    "ada",
    "pakai",
    "punya",
    "pernah",
    "menggunakan",
    "perlu",
    "di",
    "ke",
];

/// Does the canonical text contain one of `words` (words or phrases, in any spelling
/// [`canonical`] understands) as whole words, other than negated?
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let tokens = squeezed(&canonical(text));
    words.iter().any(|w| {
        let needle = squeezed(&canonical(w));
        !needle.is_empty()
            && tokens
                .windows(needle.len())
                .enumerate()
                .any(|(at, window)| window == needle.as_slice() && !negated(&tokens[..at]))
    })
}

fn negated(before: &[String]) -> bool {
    let is = |list: &[&str], t: Option<&String>| t.is_some_and(|t| list.contains(&t.as_str()));
    let mut back = before.iter().rev();
    let (last, second) = (back.next(), back.next());
    is(NEGATORS, last) || (is(LINKS, last) && is(NEGATORS, second))
}

fn squeezed(text: &str) -> Vec<String> {
    text.split(' ')
        .filter(|t| !t.is_empty())
        .map(squeeze)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_unless_negated() {
        let mesin = &["mesin", "pabrik"][..];
        let pirt = &["pirt", "p irt"][..];
        let cases = [
            ("pakai mesin kak", mesin, true),
            ("di pabrik sendiri", mesin, true),
            ("Mesinnn", mesin, true),
            ("tanpa mesin", mesin, false),
            ("gak pakai mesin", mesin, false),
            ("ndak ada pabrik", mesin, false),
            ("bukan pabrik, di rumah", mesin, false),
            ("di rumah, tapi ada mesin", mesin, true),
            ("mesinjahit", mesin, false),
            ("sudah ada P-IRT", pirt, true),
            ("udh ada pirt", pirt, true),
            ("blm ada pirt", pirt, false),
            ("p irt", pirt, true),
            ("", mesin, false),
        ];
        for (text, words, want) in cases {
            assert_eq!(mentions(text, words), want, "{text:?} mentions {words:?}");
        }
    }

    #[test]
    fn words_may_be_written_informally_too() {
        assert!(mentions("Lokal saja", &["lokal aja"]));
        assert!(mentions("sudah lengkap", &["udh lengkap"]));
        assert!(!mentions("lengkap", &[""]));
    }
}
