//! Words as the knowledge base sees them: normalised, with chat spellings mapped to
//! standard ones by the lexicon, so the data file and the owners' messages meet in the middle.

use crate::parse::normalize;
use crate::parse::text::canonical_word;

/// Endings that attach to a word without changing what it asks about
/// ("biayanya" → "biaya", "wajibkah" → "wajib").
const ENCLITICS: [&str; 4] = ["nya", "kah", "lah", "pun"];

/// The message as standard words.
pub(super) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in normalize(text).split_whitespace() {
        let stem = strip_reduplication(word);
        // Chat spellings as the lexicon reads them ("gk" → "tidak", "brp" → "berapa").
        let standard = canonical_word(&stem);
        // "apa2" is "apa apa" (anything), not the question word "apa": keep it doubled.
        if word.len() > stem.len() && word.contains('2') {
            out.extend(standard.iter().cloned());
        }
        out.extend(standard);
    }
    out
}

/// Chat writes a doubled word as "syarat2" ("syarat2nya"); the single word means the
/// same here.
fn strip_reduplication(word: &str) -> String {
    if let Some((stem, rest)) = word.split_once('2') {
        let doubled = stem.chars().count() > 1 && stem.chars().all(char::is_alphabetic);
        if doubled && (rest.is_empty() || ENCLITICS.contains(&rest)) {
            return format!("{stem}{rest}");
        }
    }
    word.to_string()
}

/// One word of the data: exact (also with an enclitic) or, written with a final `*`,
/// any word that starts with it.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    prefix: bool,
}

impl Word {
    fn matches(&self, token: &str) -> bool {
        if self.prefix {
            return token.starts_with(&self.text);
        }
        token == self.text
            || token
                .strip_prefix(self.text.as_str())
                .is_some_and(|rest| ENCLITICS.contains(&rest))
    }
}

/// A keyword or phrase of the data: words that must follow each other in the message.
#[derive(Debug, Clone)]
pub(super) struct Term(Vec<Word>);

impl Term {
    pub(super) fn parse(text: &str) -> Result<Self, &'static str> {
        let words = tokens(text)
            .into_iter()
            .map(|token| match token.strip_suffix('*') {
                Some(stem) if !stem.is_empty() && !stem.contains('*') => Ok(Word {
                    text: stem.to_string(),
                    prefix: true,
                }),
                None if !token.contains('*') => Ok(Word {
                    text: token,
                    prefix: false,
                }),
                _ => Err("'*' may only end a word of at least one letter"),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if words.is_empty() {
            return Err("must contain a word");
        }
        Ok(Self(words))
    }

    /// How many words of the message it covers: longer matches are more specific.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn found_in(&self, tokens: &[String]) -> bool {
        tokens
            .windows(self.0.len())
            .any(|window| window.iter().zip(&self.0).all(|(t, w)| w.matches(t)))
    }
}

/// Asked anywhere in a message.
const QUESTION_WORDS: &[&str] = &[
    "apakah",
    "apa",
    "berapa",
    "bagaimana",
    "kapan",
    "dimana",
    "mana",
    "siapa",
    "kenapa",
    "mengapa",
    "beneran",
    // "gratis kah": the "-kah" written apart.
    "kah",
    "tanya",
    "nanya",
    "bertanya",
    "what",
    "how",
    "why",
    "when",
    "where",
    "who",
    "which",
];

/// "apa saja", "mana aja boleh", "kapan saja": at the start of a short message these
/// answer ("anything is fine"), after a noun they ask ("syaratnya apa saja").
const ANYTHING_WORDS: &[&str] = &["apa", "mana", "dimana", "siapa", "kapan", "berapa"];
const SHORT_ANSWER_WORDS: usize = 4;

/// Words that happen to end in "-kah" without being a "-kah" question.
const KAH_WORDS: &[&str] = &[
    "langkah",
    "selangkah",
    "melangkah",
    "nikah",
    "menikah",
    "sedekah",
    "tingkah",
    "berkah",
    "barakah",
    "nafkah",
    "mekah",
    "makkah",
    "dakwah",
];

/// "bisa gak", "perlu gak": the negation right after one of these asks.
const MODALS: &[&str] = &[
    "bisa", "boleh", "perlu", "harus", "wajib", "mesti", "butuh", "dapat",
];

/// A trailing "gak"/"bukan" asks ("harus bayar gk", "ini penipuan bukan") unless it
/// follows one of these, where it is an answer ("udh ga", "iya bukan").
const NOT_BEFORE_TAG: &[&str] = &[
    "iya", "ya", "sudah", "belum", "tidak", "bukan", "ok", "oke", "yes", "no", "juga", "masih",
];

/// Chat particles that may trail a question ("ada gak kak").
const PARTICLES: &[&str] = &[
    "ya", "sih", "kak", "ka", "kakak", "min", "admin", "pak", "bu", "bang", "mas", "mbak", "mba",
    "dong", "deh", "yah", "gan", "sis",
];

/// English questions that open with an auxiliary ("is it free", "do I need").
const AUXILIARIES: &[&str] = &[
    "is", "are", "do", "does", "did", "can", "could", "should", "must", "will", "would", "may",
    "am", "shall",
];

/// Opening words that make the whole message a question.
const OPENERS: &[&str] = &[
    "emang",
    "emangnya",
    "memangnya",
    "kok",
    "beda",
    "bedanya",
    "perbedaan",
];

/// A question mark, or an Indonesian or English question form.
pub fn looks_like_question(text: &str) -> bool {
    if text.contains(['?', '？']) {
        return true;
    }
    let tokens = tokens(text);
    has_question_word(&tokens)
        || tokens.iter().any(|t| is_kah_question(t))
        || tokens
            .windows(2)
            .any(|w| MODALS.contains(&w[0].as_str()) && w[1] == "tidak")
        || ends_with_tag(&tokens)
        || opens_as_question(&tokens)
}

fn has_question_word(tokens: &[String]) -> bool {
    let short = tokens.len() <= SHORT_ANSWER_WORDS;
    tokens.iter().enumerate().any(|(i, token)| {
        if !QUESTION_WORDS.contains(&token.as_str()) {
            return false;
        }
        let next = tokens.get(i + 1).map(String::as_str);
        // "kapan-kapan", "di mana-mana": an answer ("some time", "everywhere").
        if next == Some(token.as_str()) || (i > 0 && tokens[i - 1] == *token) {
            return false;
        }
        let at_start = i == 0 || (i == 1 && tokens[0] == "di");
        let anything = ANYTHING_WORDS.contains(&token.as_str()) && next == Some("saja");
        !(anything && at_start && short)
    })
}

fn is_kah_question(token: &str) -> bool {
    token.len() > 5 && token.ends_with("kah") && !KAH_WORDS.contains(&token)
}

fn ends_with_tag(tokens: &[String]) -> bool {
    let mut words: Vec<&str> = tokens.iter().map(String::as_str).collect();
    while words.last().is_some_and(|w| PARTICLES.contains(w)) {
        words.pop();
    }
    match words.as_slice() {
        [.., before, last] if *last == "tidak" || *last == "bukan" => {
            !NOT_BEFORE_TAG.contains(before)
        }
        _ => false,
    }
}

fn opens_as_question(tokens: &[String]) -> bool {
    let Some(first) = tokens.first() else {
        return false;
    };
    // "emang harus SNI", "kok minta OTP": doubting is asking; so is "beda pirt sama md".
    let doubting = OPENERS.contains(&first.as_str());
    doubting || (tokens.len() >= 2 && AUXILIARIES.contains(&first.as_str()))
}
