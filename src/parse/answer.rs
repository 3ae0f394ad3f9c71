//! Yes/no/unknown answers in informal Indonesian chat.

use super::text::normalize;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
    Unknown,
}

const YES: &[&str] = &[
    "ya", "iya", "iy", "y", "yes", "yoi", "yup", "ok", "oke", "betul", "benar", "bener", "sudah",
    "udah", "sdh", "dah", "punya", "ada", "setuju",
];

const NO: &[&str] = &[
    "tidak",
    "tdk",
    "gak",
    "ga",
    "nggak",
    "ngga",
    "enggak",
    "engga",
    "gk",
    "no",
    "belum",
    "blm",
    "blom",
    "bukan",
    "tidak punya",
    "belum punya",
    "ga ada",
    "tidak ada",
];

const UNKNOWN: &[&str] = &[
    "tidak tahu",
    "tdk tahu",
    "gatau",
    "ga tau",
    "gak tau",
    "nggak tahu",
    "ngga tau",
    "belum tahu",
    "entah",
    "kurang tahu",
    "ragu",
    "tidak tau",
    "don't know",
    "dont know",
    "tidak ngerti",
    "ga ngerti",
    "gak ngerti",
    "nggak ngerti",
    "tidak paham",
    "belum paham",
    "kurang paham",
    "ga paham",
    "gak paham",
    "bingung",
];

/// Politeness and filler words that may precede an answer ("kak, sudah").
const FILLERS: &[&str] = &[
    "kak", "pak", "bu", "mas", "mbak", "min", "dong", "sih", "kok", "eh", "hmm",
];

/// Reads the answer from the start of the message; anything after it is ignored,
/// so "iya kak", "sudah pak" and "tidak, belum" all work.
pub fn parse_yes_no(input: &str) -> Option<YesNo> {
    let normalized = normalize(input);
    let tokens: Vec<String> = normalized
        .split_whitespace()
        .skip_while(|t| FILLERS.contains(t))
        .map(squeeze)
        .collect();
    longest_prefix_match(&tokens)
}

/// The longest phrase wins so that "tidak tahu" beats its "tidak" prefix.
fn longest_prefix_match(tokens: &[String]) -> Option<YesNo> {
    let tables = [
        (YES, YesNo::Yes),
        (NO, YesNo::No),
        (UNKNOWN, YesNo::Unknown),
    ];
    let mut best: Option<(usize, YesNo)> = None;
    for (phrases, answer) in tables {
        for phrase in phrases {
            let words: Vec<String> = normalize(phrase).split_whitespace().map(squeeze).collect();
            let fits = words.len() <= tokens.len() && words.iter().zip(tokens).all(|(w, t)| w == t);
            if fits && best.is_none_or(|(len, _)| words.len() > len) {
                best = Some((words.len(), answer));
            }
        }
    }
    best.map(|(_, answer)| answer)
}

/// Collapses repeated letters so that stretched words ("iyaaa", "sudahh") still match;
/// both sides are squeezed, so "nggak" and "ngak" compare equal too.
fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use YesNo::*;

    #[test]
    fn every_listed_phrase_parses_to_its_answer() {
        for (phrases, want) in [(YES, Yes), (NO, No), (UNKNOWN, Unknown)] {
            for phrase in phrases {
                assert_eq!(parse_yes_no(phrase), Some(want), "phrase {phrase:?}");
            }
        }
    }

    #[test]
    fn informal_answers() {
        let cases = [
            ("iya kak", Some(Yes)),
            ("Sudah pak", Some(Yes)),
            ("belum bu", Some(No)),
            ("ya!", Some(Yes)),
            ("YA", Some(Yes)),
            ("iyaaa", Some(Yes)),
            ("okee min", Some(Yes)),
            ("kak, sudah", Some(Yes)),
            ("tidak, belum", Some(No)),
            ("ga ada kak", Some(No)),
            ("tidak tahu", Some(Unknown)),
            ("Tidak tahu kak", Some(Unknown)),
            ("belum tahu sih", Some(Unknown)),
            ("gatau", Some(Unknown)),
            ("Don't know", Some(Unknown)),
            ("nggak tahu", Some(Unknown)),
            ("gak tau dong", Some(Unknown)),
            ("tidak punya", Some(No)),
            ("mungkin besok", None),
            ("", None),
            ("kak", None),
            ("yah", None),
            ("adalah", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_yes_no(input), want, "input {input:?}");
        }
    }

    #[test]
    fn deserializes_snake_case() {
        #[derive(Deserialize)]
        struct Doc {
            v: Vec<YesNo>,
        }
        let doc: Doc = toml::from_str(r#"v = ["yes", "no", "unknown"]"#).unwrap();
        assert_eq!(doc.v, [Yes, No, Unknown]);
    }
}
