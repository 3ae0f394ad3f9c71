//! Money amounts as Indonesian micro-business owners type them ("150jt", "1,5 M",
//! "dua ratus juta", "500rb/bln").

use serde::{Deserialize, Serialize};
use std::fmt;

/// Whole rupiah; sub-rupiah values never matter for turnover or capital.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(pub u64);

impl fmt::Display for Rupiah {
    /// Indonesian style with '.' thousands separators: "Rp1.500.000".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        write!(f, "Rp{out}")
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Year,
    Month,
    Week,
    Day,
}

impl Period {
    /// Stable lowercase name: "year", "month", "week", "day".
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Month => "month",
            Period::Week => "week",
            Period::Day => "day",
        }
    }

    fn times_per_year(self) -> u64 {
        match self {
            Period::Year => 1,
            Period::Month => 12,
            Period::Week => 52,
            Period::Day => 365,
        }
    }
}

/// An amount together with the period the user said it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountInput {
    /// The midpoint when a range was given.
    pub amount: Rupiah,
    /// `Year` when no period word was given (see `period_stated`).
    pub period: Period,
    /// False when the owner named no period, so the bot can say it assumed a year.
    #[serde(default)]
    pub period_stated: bool,
    /// (low, high) per `period`, before annualising, when a range was given ("3-4 jt").
    #[serde(default)]
    pub range: Option<(Rupiah, Rupiah)>,
}

impl AmountInput {
    /// Annualised amount, because the UMK thresholds are yearly.
    pub fn per_year(&self) -> Rupiah {
        Rupiah(self.amount.0.saturating_mul(self.period.times_per_year()))
    }
}

/// Fixed-point precision (9 decimals) so "1,5 M" and "setengah" stay exact.
const ONE: u128 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Word {
    Value(u128),
    Puluh,
    Belas,
    Ratus,
    Scale(u128),
    Period(Period),
    Filler,
}

/// Parses an amount; `None` when the text is not clearly a single amount.
pub fn parse_amount(input: &str) -> Option<AmountInput> {
    let lower = input.to_lowercase();
    let mut acc = Accumulator::default();
    for lexeme in lexemes(&lower) {
        match lexeme {
            // The strict reading has no ranges: "100-200" stays two numbers in one group.
            Lexeme::Dash => {}
            Lexeme::Number(raw) => acc.number(parse_number(raw)?)?,
            Lexeme::Word(word) => {
                for w in classify(word)? {
                    acc.word(w)?;
                }
            }
        }
    }
    acc.finish()
}

#[derive(Debug, PartialEq)]
pub(super) enum Lexeme<'a> {
    Number(&'a str),
    Word(&'a str),
    Dash,
}

/// Splits into digit runs, letter runs and dashes; "rata2" becomes "rata rata".
pub(super) fn lexemes(text: &str) -> Vec<Lexeme<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let mut j = i + 1;
        if c.is_ascii_digit() {
            while j < chars.len() && continues_number(&chars, j) {
                j += 1;
            }
            out.push(Lexeme::Number(&text[start..end_of(j)]));
        } else if c.is_alphabetic() {
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            let word = Lexeme::Word(&text[start..end_of(j)]);
            let after_digit = i > 0 && chars[i - 1].1.is_ascii_digit();
            let doubled = chars.get(j).is_some_and(|&(_, c)| c == '2')
                && !chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphanumeric())
                && j - i >= 2
                && !after_digit;
            if doubled {
                out.push(Lexeme::Word(&text[start..end_of(j)]));
                j += 1;
            }
            out.push(word);
        } else if matches!(c, '-' | '–' | '—' | '~') {
            out.push(Lexeme::Dash);
        }
        i = j;
    }
    out
}

/// A separator only belongs to a number when a digit follows it ("1.500", not "150.").
pub(super) fn continues_number(chars: &[(usize, char)], j: usize) -> bool {
    let c = chars[j].1;
    let next_is_digit = chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
    c.is_ascii_digit() || (matches!(c, '.' | ',') && next_is_digit)
}

/// Reads "1.500.000,00", "1,5", "1.5", "10.000" into fixed point.
pub(super) fn parse_number(raw: &str) -> Option<u128> {
    let (int_part, frac_part) = split_decimal(raw)?;
    let int: u128 = int_part.parse().ok()?;
    int.checked_mul(ONE)?.checked_add(fraction(frac_part)?)
}

/// Indonesian: ',' is the decimal mark and '.' groups thousands, except that a '.'
/// not followed by exactly three digits is read as a decimal point.
fn split_decimal(raw: &str) -> Option<(String, &str)> {
    if raw.matches(',').count() > 1 {
        // "1,500,000": several commas can only be English-style grouping.
        let groups: Vec<&str> = raw.split(',').collect();
        return (!raw.contains('.'))
            .then(|| thousands(&groups))
            .flatten()
            .map(|d| (d, ""));
    }
    let (left, frac) = raw.split_once(',').unwrap_or((raw, ""));
    let groups: Vec<&str> = left.split('.').collect();
    if let Some(digits) = thousands(&groups) {
        return Some((digits, frac));
    }
    match groups.as_slice() {
        [int, dec] if frac.is_empty() => Some((int.to_string(), dec)),
        _ => None,
    }
}

fn thousands(groups: &[&str]) -> Option<String> {
    let well_formed = !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3);
    well_formed.then(|| groups.concat())
}

/// Decimal digits beyond fixed-point precision are dropped: they are far below one rupiah.
fn fraction(digits: &str) -> Option<u128> {
    let kept: String = digits.chars().take(9).collect();
    let padded = format!("{kept:0<9}");
    padded.parse().ok()
}

/// Maps one word to its meaning; `None` for words that make the text not an amount.
pub(super) fn classify(word: &str) -> Option<Vec<Word>> {
    use Word::*;
    let half = ONE / 2;
    let words = match word {
        "nol" => vec![Value(0)],
        "satu" => vec![Value(ONE)],
        "dua" => vec![Value(2 * ONE)],
        "tiga" => vec![Value(3 * ONE)],
        "empat" => vec![Value(4 * ONE)],
        "lima" => vec![Value(5 * ONE)],
        "enam" => vec![Value(6 * ONE)],
        "tujuh" => vec![Value(7 * ONE)],
        "delapan" => vec![Value(8 * ONE)],
        "sembilan" => vec![Value(9 * ONE)],
        "sepuluh" => vec![Value(10 * ONE)],
        "sebelas" => vec![Value(11 * ONE)],
        "seratus" => vec![Value(100 * ONE)],
        "setengah" => vec![Value(half)],
        "puluh" => vec![Puluh],
        "belas" => vec![Belas],
        "ratus" => vec![Ratus],
        "seribu" => vec![Value(ONE), Scale(1_000)],
        "sejuta" => vec![Value(ONE), Scale(1_000_000)],
        "semiliar" | "semilyar" => vec![Value(ONE), Scale(1_000_000_000)],
        _ => vec![scale_or_period(word)?],
    };
    Some(words)
}

fn scale_or_period(word: &str) -> Option<Word> {
    use Word::*;
    let w = match word {
        "k" | "rb" | "ribu" => Scale(1_000),
        "jt" | "juta" => Scale(1_000_000),
        "m" | "miliar" | "milyar" | "mlyr" => Scale(1_000_000_000),
        "t" | "triliun" | "trilyun" => Scale(1_000_000_000_000),
        "setahun" | "tahun" | "pertahun" | "thn" | "th" | "tahunan" => Period(super::Period::Year),
        "sebulan" | "bulan" | "perbulan" | "bln" | "bulanan" => Period(super::Period::Month),
        "seminggu" | "minggu" | "perminggu" | "mgg" | "mingguan" => Period(super::Period::Week),
        "sehari" | "hari" | "perhari" | "hr" | "harian" => Period(super::Period::Day),
        "rp" | "idr" | "rupiah" | "per" | "tiap" | "setiap" | "sekitar" | "kira" | "kurang"
        | "lebih" | "kurleb" | "sebesar" | "omzet" | "omset" => Filler,
        _ => return None,
    };
    Some(w)
}

/// Builds the value the way Indonesian numerals compose: "seratus lima puluh juta" is
/// (100 + 5×10) × 1e6. `term` is the last numeral, which "puluh"/"belas"/"ratus" modify.
#[derive(Debug, Default)]
pub(super) struct Accumulator {
    total: u128,
    group: u128,
    term: u128,
    in_group: bool,
    seen_numeral: bool,
    last_scale: Option<u128>,
    period: Option<Period>,
}

impl Accumulator {
    /// Two digit runs in one group ("100 200", "100-200 juta") are a range or a typo.
    pub(super) fn number(&mut self, value: u128) -> Option<()> {
        if self.in_group {
            return None;
        }
        self.push_value(value)
    }

    fn push_value(&mut self, value: u128) -> Option<()> {
        self.group = self.group.checked_add(self.term)?;
        self.term = value;
        self.in_group = true;
        self.seen_numeral = true;
        Some(())
    }

    pub(super) fn word(&mut self, word: Word) -> Option<()> {
        match word {
            Word::Value(v) => self.push_value(v),
            Word::Puluh => self.modify_term(|t| t.checked_mul(10)),
            Word::Belas => self.modify_term(|t| t.checked_add(10 * ONE)),
            Word::Ratus => self.modify_term(|t| t.checked_mul(100)),
            Word::Scale(s) => self.scale(s),
            Word::Period(p) => self.set_period(p),
            Word::Filler => Some(()),
        }
    }

    fn modify_term(&mut self, f: impl Fn(u128) -> Option<u128>) -> Option<()> {
        if self.term == 0 {
            return None;
        }
        self.term = f(self.term)?;
        Some(())
    }

    /// Scales must shrink left to right ("1 miliar 500 juta"); anything else is ambiguous.
    fn scale(&mut self, scale: u128) -> Option<()> {
        if !self.in_group || self.last_scale.is_some_and(|last| scale >= last) {
            return None;
        }
        let group = self.group.checked_add(self.term)?;
        self.total = self.total.checked_add(group.checked_mul(scale)?)?;
        (self.group, self.term, self.in_group) = (0, 0, false);
        self.last_scale = Some(scale);
        Some(())
    }

    fn set_period(&mut self, period: Period) -> Option<()> {
        if self.period.is_some_and(|p| p != period) {
            return None;
        }
        self.period = Some(period);
        Some(())
    }

    /// The value in fixed point and the smallest scale word it used, if any.
    pub(super) fn value(&self) -> Option<(u128, Option<u128>)> {
        if !self.seen_numeral {
            return None;
        }
        let tail = self.group.checked_add(self.term)?;
        // "dua juta setengah": a half after a scale is half of that scale.
        let tail = match self.last_scale {
            Some(scale) if tail == ONE / 2 => tail.checked_mul(scale)?,
            _ => tail,
        };
        let total = self.total.checked_add(tail)?;
        Some((total, self.last_scale))
    }

    fn finish(self) -> Option<AmountInput> {
        let (total, scale) = self.value()?;
        let amount = to_rupiah(total, scale.is_some())?;
        Some(AmountInput {
            amount,
            period: self.period.unwrap_or_default(),
            period_stated: self.period.is_some(),
            range: None,
        })
    }
}

/// A bare fraction ("1.5") has no sensible rupiah reading, so it is rejected;
/// with a unit ("1,5 M") the fraction is part of the value.
pub(super) fn to_rupiah(fixed: u128, scaled: bool) -> Option<Rupiah> {
    if !scaled && !fixed.is_multiple_of(ONE) {
        return None;
    }
    Some(Rupiah(u64::try_from(fixed / ONE).ok()?))
}

mod find;
pub use find::find_amount;

#[cfg(test)]
mod tests;
