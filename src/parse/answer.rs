//! Yes/no/unknown answers in informal Indonesian chat.

use super::stance::{Stance, parse_stance};
use serde::{Deserialize, Serialize};

/// Stored in saved conversations: the variant names are part of the data format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
    Unknown,
}

/// [`parse_stance`] for questions without an "under way" answer; that one reads as `None`
/// so the question is asked again rather than guessed.
pub fn parse_yes_no(input: &str) -> Option<YesNo> {
    match parse_stance(input)? {
        Stance::Yes => Some(YesNo::Yes),
        Stance::No => Some(YesNo::No),
        Stance::Unknown => Some(YesNo::Unknown),
        Stance::InProgress => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use YesNo::*;

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
            ("lagi proses", None),
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
