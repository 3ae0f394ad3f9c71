//! The one amount inside a free-text message: "omzet sebulan 5jtan lah kak",
//! "3-4 jt sebulan", "sebulan dapet 5 jt kadang 7".

use super::{
    Accumulator, AmountInput, Lexeme, ONE, Period, Rupiah, Word, classify, lexemes, parse_number,
    to_rupiah,
};
use crate::parse::text::canonical_word;

/// What one token of the message means for an amount.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Digits(u128),
    Numeral(Word),
    /// Allowed inside an amount without changing it: "rp", "200an juta".
    Transparent,
    /// `bare` for the plain noun ("2 tahun" may be a duration), not "setahun"/"per year".
    Period {
        period: Period,
        bare: bool,
    },
    /// Joins the two ends of a range: "-", "sampai", "kadang".
    Connector,
    /// Hedges that may stand between the ends of a range: "sekitar", "bisa".
    Soft,
    Other,
}

impl Item {
    fn in_group(self) -> bool {
        matches!(self, Item::Digits(_) | Item::Numeral(_) | Item::Transparent)
    }
}

/// One run of numerals, e.g. "1 miliar 500 juta"; `scale` is its smallest scale word.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
    value: u128,
    scale: Option<u128>,
}

/// Finds the single amount in free text, ignoring the words around it. `None` when there
/// is no numeral, two unrelated amounts ("modal 50 juta omzet 100 juta"), two different
/// periods, or something that looks like a phone number.
pub fn find_amount(input: &str) -> Option<AmountInput> {
    let text = input
        .to_lowercase()
        .replace("s/d", " sampai ")
        .replace("s.d", " sampai ");
    if looks_like_phone(&text) {
        return None;
    }
    let items = items(&text)?;
    let mut groups = groups(&items)?;
    let mut periods: Vec<(usize, Period)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match *item {
            Item::Period { period, .. } => Some((i, period)),
            _ => None,
        })
        .collect();
    // "usaha 2 tahun, omzet 100 juta": a small bare number before "tahun" is how long,
    // not how much. "1 bulan 5 juta" keeps its period: it means per month.
    groups.retain(|g| {
        let Some(&Item::Period { bare: true, .. }) = items.get(g.end) else {
            return true;
        };
        let whole = g.value.is_multiple_of(ONE) && (ONE..100 * ONE).contains(&g.value);
        if g.scale.is_none() && whole && g.value > ONE {
            periods.retain(|&(i, _)| i != g.end);
        }
        !(g.scale.is_none() && whole)
    });
    let period = match periods.as_slice() {
        [] => None,
        [(_, first), rest @ ..] if rest.iter().all(|(_, p)| p == first) => Some(*first),
        _ => return None,
    };
    let (amount, range) = match groups.as_slice() {
        [one] => (to_rupiah(one.value, one.scale.is_some())?, None),
        [low, high] if joins_range(&items[low.end..high.start]) => range(low, high)?,
        _ => return None,
    };
    Some(AmountInput {
        amount,
        period: period.unwrap_or_default(),
        period_stated: period.is_some(),
        range,
    })
}

/// The ends of a range share their scale: "3-4 jt" is 3 to 4 juta, "5 jt kadang 7" is
/// 5 to 7 juta. The amount is the midpoint.
fn range(a: &Group, b: &Group) -> Option<(Rupiah, Option<(Rupiah, Rupiah)>)> {
    let borrow = |g: &Group, other: &Group| -> Option<(u128, bool)> {
        match (g.scale, other.scale) {
            (None, Some(s)) if g.value < 1_000 * ONE => Some((g.value.checked_mul(s)?, true)),
            _ => Some((g.value, g.scale.is_some())),
        }
    };
    let (va, sa) = borrow(a, b)?;
    let (vb, sb) = borrow(b, a)?;
    let (x, y) = (to_rupiah(va, sa)?, to_rupiah(vb, sb)?);
    let (low, high) = (x.min(y), x.max(y));
    let mid = Rupiah(low.0 + (high.0 - low.0) / 2);
    Some((mid, (low != high).then_some((low, high))))
}

fn joins_range(between: &[Item]) -> bool {
    between.contains(&Item::Connector)
        && between.iter().all(|i| {
            matches!(
                i,
                Item::Connector | Item::Soft | Item::Transparent | Item::Period { .. }
            )
        })
}

/// Runs of numerals, each read the way [`Accumulator`] reads a strict amount.
fn groups(items: &[Item]) -> Option<Vec<Group>> {
    let mut groups = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if !items[i].in_group() {
            i += 1;
            continue;
        }
        let start = i;
        let mut acc = Accumulator::default();
        let mut numeric = false;
        while i < items.len() && items[i].in_group() {
            match items[i] {
                Item::Digits(v) => acc.number(v)?,
                Item::Numeral(w) => acc.word(w)?,
                _ => {}
            }
            numeric |= matches!(items[i], Item::Digits(_) | Item::Numeral(_));
            i += 1;
        }
        if numeric {
            let (value, scale) = acc.value()?;
            groups.push(Group {
                start,
                end: i,
                value,
                scale,
            });
        }
    }
    Some(groups)
}

fn items(text: &str) -> Option<Vec<Item>> {
    let lexemes = lexemes(text);
    let mut items = Vec::with_capacity(lexemes.len());
    for (k, lexeme) in lexemes.iter().enumerate() {
        match lexeme {
            Lexeme::Number(raw) => items.push(Item::Digits(parse_number(raw)?)),
            // "500rb-an" is an approximation, not a range.
            Lexeme::Dash if lexemes.get(k + 1) == Some(&Lexeme::Word("an")) => {}
            Lexeme::Dash => items.push(Item::Connector),
            Lexeme::Word(word) => {
                for w in canonical_word(word) {
                    items.extend(word_items(&w));
                }
            }
        }
    }
    Some(items)
}

fn word_items(word: &str) -> Vec<Item> {
    if let Some(item) = special(word) {
        return vec![item];
    }
    if let Some(words) = classify(word) {
        return words.into_iter().map(from_word(word)).collect();
    }
    // "5jtan", "300 ribuan": the -an only says "about"; "seharinya" is "sehari".
    for suffix in ["an", "nya"] {
        let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= 2) else {
            continue;
        };
        let stem = canonical_word(stem).concat();
        let fits = |w: &Vec<Word>| match w[..] {
            [Word::Scale(_)] => suffix == "an",
            [Word::Period(_)] => suffix == "nya",
            _ => false,
        };
        if let Some(words) = classify(&stem).filter(fits) {
            return words.into_iter().map(from_word(&stem)).collect();
        }
    }
    vec![Item::Other]
}

fn from_word(word: &str) -> impl Fn(Word) -> Item + '_ {
    move |w| match w {
        Word::Period(period) => Item::Period {
            period,
            bare: BARE_PERIODS.contains(&word),
        },
        Word::Filler => Item::Soft,
        _ => Item::Numeral(w),
    }
}

const BARE_PERIODS: &[&str] = &["tahun", "bulan", "minggu", "hari"];

/// Words the strict parser does not know: English, range words and hedges.
fn special(word: &str) -> Option<Item> {
    use Period::*;
    let period = |period, bare| Some(Item::Period { period, bare });
    match word {
        "sampai" | "hingga" | "sd" | "to" | "or" | "atau" | "kadang" | "until" => {
            Some(Item::Connector)
        }
        "an" | "rp" | "idr" | "rupiah" => Some(Item::Transparent),
        "a" | "sekitaran" | "kisaran" | "berkisar" | "rata" | "dapat" | "bisa" | "juga"
        | "paling" | "cuma" | "hanya" | "mulai" | "dari" | "antara" | "around" | "about"
        | "approximately" | "approx" | "roughly" | "between" | "from" | "per" => Some(Item::Soft),
        "thousand" | "thousands" => Some(Item::Numeral(Word::Scale(1_000))),
        "million" | "millions" | "mio" | "mil" => Some(Item::Numeral(Word::Scale(1_000_000))),
        "billion" | "billions" | "bn" => Some(Item::Numeral(Word::Scale(1_000_000_000))),
        "hundred" => Some(Item::Numeral(Word::Ratus)),
        "one" => Some(Item::Numeral(Word::Value(ONE))),
        "two" => Some(Item::Numeral(Word::Value(2 * ONE))),
        "three" => Some(Item::Numeral(Word::Value(3 * ONE))),
        "four" => Some(Item::Numeral(Word::Value(4 * ONE))),
        "five" => Some(Item::Numeral(Word::Value(5 * ONE))),
        "ten" => Some(Item::Numeral(Word::Value(10 * ONE))),
        "day" | "days" => period(Day, true),
        "daily" => period(Day, false),
        "week" | "weeks" => period(Week, true),
        "weekly" => period(Week, false),
        "month" | "months" => period(Month, true),
        "monthly" => period(Month, false),
        "year" | "years" => period(Year, true),
        "yearly" | "annual" | "annually" | "annum" => period(Year, false),
        _ => None,
    }
}

/// "0812 3456 7890", "+62 812-3456-7890": ten or more digits starting with 0 or 62,
/// grouped only by spaces or dashes (amounts group with '.').
fn looks_like_phone(text: &str) -> bool {
    let mut digits = String::new();
    let mut pending_separator = false;
    let check = |digits: &mut String| {
        let phone = digits.len() >= 10 && (digits.starts_with('0') || digits.starts_with("62"));
        digits.clear();
        phone
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            pending_separator = false;
        } else if matches!(c, ' ' | '-') && !digits.is_empty() && !pending_separator {
            pending_separator = true;
        } else {
            if check(&mut digits) {
                return true;
            }
            pending_separator = false;
        }
    }
    check(&mut digits)
}

#[cfg(test)]
mod tests;
