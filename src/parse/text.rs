//! Text normalisation shared by every matcher, so they all agree on what a "word" is.

mod fillers;
pub(crate) mod stretch;

use super::lexicon::{LEXICON, is_emoji_modifier};

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

/// The message as the rest of the bot wants to read it: [`normalize`]d, answer emoji as
/// words, stretched spellings folded ("iyaaa"), "kira2" doubled, chat, slang and regional
/// words in one spelling (`lexicon.toml`: "udh", "sampun", "su" → "sudah") and fillers
/// dropped ("kak", "sih", a trailing "ya"). A message of only fillers stays as it is.
pub fn canonical(input: &str) -> String {
    let emoji = emoji_as_words(input);
    let clauses: Vec<Vec<String>> = clauses(&emoji).into_iter().map(clause_words).collect();
    let mut kept: Vec<String> = clauses
        .iter()
        .flat_map(|c| fillers::strip_clause(c))
        .collect();
    if kept.is_empty() {
        kept = clauses.concat();
    }
    fillers::drop_softeners(&mut kept);
    kept.join(" ")
}

fn clause_words(clause: &str) -> Vec<String> {
    let tokens: Vec<String> = normalize(clause)
        .split(' ')
        .filter(|t| !t.is_empty())
        .flat_map(reduplicate)
        .map(|t| stretch::destretch(&t))
        .collect();
    LEXICON.rewrite(&tokens)
}

/// Address words sit at the edges of a clause ("iya kak, sudah"), so fillers are judged per
/// clause.
fn clauses(text: &str) -> Vec<&str> {
    split_at(text, &[',', '.', ';', '!', '?', '\n'])
}

/// The text cut at these marks, except a '.' or ',' between digits: that is part of a
/// number ("24,5", "1.500.000"), not a boundary.
pub fn split_at<'t>(text: &'t str, marks: &[char]) -> Vec<&'t str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: Option<&(usize, char)>| i.is_some_and(|(_, c)| c.is_ascii_digit());
    let mut cuts = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let in_number =
            matches!(c, '.' | ',') && k > 0 && digit(chars.get(k - 1)) && digit(chars.get(k + 1));
        if marks.contains(&c) && !in_number {
            cuts.push(at);
        }
    }
    let starts = std::iter::once(0).chain(cuts.iter().map(|&at| at + 1));
    let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
    starts.zip(ends).map(|(s, e)| &text[s..e]).collect()
}

/// One word as [`canonical`] spells it, without the filler rules that need the whole message.
pub(crate) fn canonical_word(word: &str) -> Vec<String> {
    LEXICON.rewrite(&[stretch::destretch(word)])
}

/// 👍 → "ya", ❌ → "tidak"; every other pictograph is decoration and becomes a space.
fn emoji_as_words(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars().filter(|&c| !is_emoji_modifier(c)) {
        match LEXICON.emoji(c) {
            Some(word) => {
                out.push(' ');
                out.push_str(word);
                out.push(' ');
            }
            None if is_pictograph(c) => out.push(' '),
            None => out.push(c),
        }
    }
    out
}

fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0xE0020..=0xE007F)
}

/// "kira2" → "kira kira": a word of letters followed by one 2. "5jt2" or "2" stay.
fn reduplicate(token: &str) -> Vec<String> {
    match token.strip_suffix('2') {
        Some(stem) if stem.chars().count() >= 2 && stem.chars().all(char::is_alphabetic) => {
            vec![stem.to_string(), stem.to_string()]
        }
        _ => vec![token.to_string()],
    }
}

/// Characters that change how text is shown or read rather than what it says: C0 and C1
/// controls (a terminal runs escape sequences, a CSV reader starts a new row at a newline)
/// and the bidirectional controls that reorder what follows them ("Trojan Source": a name
/// that reads one way and is stored another). Ordinary letters of any script and emoji
/// stay; so do joiners (U+200D), which emoji and some scripts need.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The text without [`is_hidden_control`] characters; the ones that separate words (tab,
/// newline, carriage return, form feed, NEL) become a space, so "Toko\nMaju" stays two words.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() && is_hidden_control(c) => Some(' '),
            c if is_hidden_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// A name or a one-line answer as it is kept: [`strip_controls`], then runs of whitespace as
/// one space, trimmed. The one way names enter Pandu (the chat, the staff forms, the CLI).
pub fn one_line(text: &str) -> String {
    strip_controls(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A message as it is kept and shown: each line as [`one_line`] keeps it, at most one empty
/// line between paragraphs, trimmed. Line breaks stay (a reply may list steps); every other
/// control character goes.
pub fn message_text(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(one_line) {
        let blank_before = out.last().is_none_or(|l: &String| l.is_empty());
        if !line.is_empty() || !blank_before {
            out.push(line);
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests;
