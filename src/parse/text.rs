//! Text normalisation shared by every matcher, so they all agree on what a "word" is.

/// Punctuation that users sprinkle freely in chat and that never carries meaning for matching.
const PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '/', '-', '_',
];

/// Lowercases, turns punctuation into spaces, collapses whitespace and trims.
pub fn normalize(input: &str) -> String {
    let spaced: String = input
        .chars()
        .map(|c| if PUNCTUATION.contains(&c) { ' ' } else { c })
        .collect::<String>()
        .to_lowercase();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        let cases = [
            ("", ""),
            ("   ", ""),
            ("Jawa  Timur.", "jawa timur"),
            ("Kab. Serang", "kab serang"),
            ("  IYA, kak!! ", "iya kak"),
            ("don't know", "don t know"),
            ("500rb/bln", "500rb bln"),
            ("kota-adm_jakarta", "kota adm jakarta"),
            ("(021)\t555\n1234", "021 555 1234"),
            ("\"Gula\" aren; cetak: ok?", "gula aren cetak ok"),
            ("ÉCLAIR", "éclair"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "input {input:?}");
        }
    }
}
