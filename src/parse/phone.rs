//! Indonesian phone numbers (mobile or landline), stored as E.164 "+62…".

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

const MIN_NATIONAL: usize = 8;
const MAX_NATIONAL: usize = 13;

/// Always holds a validated "+62…" string, so downstream code never re-checks it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("unexpected character {0:?} in phone number")]
    InvalidCharacter(char),
    #[error("not an Indonesian number: the country code must be +62")]
    NotIndonesian,
    #[error("phone number must start with 0, 62 or +62")]
    MissingPrefix,
    #[error("phone number too short: {0} digits after the prefix, need at least {MIN_NATIONAL}")]
    TooShort(usize),
    #[error("phone number too long: {0} digits after the prefix, at most {MAX_NATIONAL}")]
    TooLong(usize),
}

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let digits = digits_only(rest)?;
        let national = national_part(plus, &digits)?;
        match national.len() {
            n if n < MIN_NATIONAL => Err(PhoneError::TooShort(n)),
            n if n > MAX_NATIONAL => Err(PhoneError::TooLong(n)),
            _ => Ok(PhoneNumber(format!("+62{national}"))),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The national form in groups of four ("0812-3456-7890"), as people in Indonesia write
    /// it and as spreadsheets keep it as text.
    pub fn national_grouped(&self) -> String {
        let digits: Vec<char> = format!("0{}", &self.0[3..]).chars().collect();
        digits
            .chunks(4)
            .map(|group| group.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// For logs: country code, first 3 and last 2 digits, with a fixed-width mask so
    /// the length of the number is not revealed either.
    pub fn masked(&self) -> String {
        let national = &self.0[3..];
        let (head, tail) = (&national[..3], &national[national.len() - 2..]);
        format!("+62{head}*****{tail}")
    }
}

/// Keeps digits and drops the separators people type; anything else is an error.
fn digits_only(text: &str) -> Result<String, PhoneError> {
    let mut digits = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            other => return Err(PhoneError::InvalidCharacter(other)),
        }
    }
    Ok(digits)
}

/// Strips the trunk or country prefix and returns the national significant number.
fn national_part(plus: bool, digits: &str) -> Result<String, PhoneError> {
    let national = if plus {
        let rest = digits.strip_prefix("62").ok_or(PhoneError::NotIndonesian)?;
        // "+62 0812…" is a common mix of both prefixes.
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = digits.strip_prefix("0062") {
        rest
    } else if digits.starts_with("00") {
        return Err(PhoneError::NotIndonesian);
    } else if let Some(rest) = digits
        .strip_prefix('0')
        .or_else(|| digits.strip_prefix("62"))
    {
        rest
    } else if digits.starts_with('8') {
        // Mobile numbers typed without the leading 0 ("812 3456 7890").
        digits
    } else {
        return Err(PhoneError::MissingPrefix);
    };
    if national.starts_with('0') {
        return Err(PhoneError::MissingPrefix);
    }
    Ok(national.to_string())
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> Self {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_indonesian_numbers() {
        let cases = [
            ("0812-3456-7890", "+6281234567890"),
            ("0812 3456 7890", "+6281234567890"),
            ("+62 812 3456 7890", "+6281234567890"),
            ("+6281234567890", "+6281234567890"),
            ("62812345678", "+62812345678"),
            ("(021) 555 1234", "+62215551234"),
            ("+62 (0)812-3456-7890", "+6281234567890"),
            ("0062 812 3456 7890", "+6281234567890"),
            ("812 3456 7890", "+6281234567890"),
            ("  0812.3456.789  ", "+628123456789"),
        ];
        for (input, want) in cases {
            let phone = PhoneNumber::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(phone.as_str(), want, "input {input:?}");
            assert_eq!(phone.to_string(), want);
            assert_eq!(input.parse::<PhoneNumber>().as_ref(), Ok(&phone));
        }
    }

    #[test]
    fn rejects_bad_numbers() {
        let cases = [
            ("", PhoneError::Empty),
            ("   ", PhoneError::Empty),
            ("0812-3456-789O", PhoneError::InvalidCharacter('O')),
            ("hubungi 0812", PhoneError::InvalidCharacter('h')),
            ("0812+3456", PhoneError::InvalidCharacter('+')),
            ("0812345", PhoneError::TooShort(6)),
            ("+62 812", PhoneError::TooShort(3)),
            ("08123456789012345", PhoneError::TooLong(16)),
            ("+1 555 123 4567", PhoneError::NotIndonesian),
            ("+65 9123 4567", PhoneError::NotIndonesian),
            ("001 555 123 4567", PhoneError::NotIndonesian),
            ("555 1234 567", PhoneError::MissingPrefix),
        ];
        for (input, want) in cases {
            assert_eq!(PhoneNumber::parse(input), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn masks_for_logs() {
        let cases = [
            ("+6281234567890", "+62812*****90"),
            ("0812-3456-789", "+62812*****89"),
            ("(021) 555 1234", "+62215*****34"),
        ];
        for (input, want) in cases {
            assert_eq!(PhoneNumber::parse(input).unwrap().masked(), want);
        }
    }

    #[test]
    fn serde_validates() {
        #[derive(Debug, Deserialize)]
        struct Doc {
            phone: PhoneNumber,
        }
        let ok: Doc = toml::from_str(r#"phone = "0812 3456 7890""#).unwrap();
        assert_eq!(ok.phone.as_str(), "+6281234567890");
        assert!(toml::from_str::<Doc>(r#"phone = "+1 555 0100""#).is_err());
    }
}
